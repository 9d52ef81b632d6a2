// cw_assessment_book: closed periods, frozen rankings and reopenings.
#include "chuangwen/assessment_book.h"

#include "campaign_handle.h"
#include "capi_internal.h"

struct cw_assessment_book {
  chuangwen::AssessmentBook rep;
};

namespace {

namespace v1 = chuangwen::v1;
using chuangwen::Status;
using chuangwen::capi::OrEmpty;
using chuangwen::capi::Required;
using chuangwen::capi::Respond;
using chuangwen::capi::Run;

}  // namespace

extern "C" {

int cw_assessment_book_new(cw_assessment_book** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    *out = new cw_assessment_book{};
    return Status::OK();
  });
}

int cw_assessment_book_load(const uint8_t* data, size_t size, int format,
                            cw_assessment_book** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    v1::AssessmentBook state;
    CW_RETURN_IF_ERROR(
        chuangwen::capi::DecodeRequest(data, size, format, &state, "book"));
    *out = new cw_assessment_book{chuangwen::AssessmentBook(std::move(state))};
    return Status::OK();
  });
}

void cw_assessment_book_free(cw_assessment_book* book) { delete book; }

int cw_assessment_book_close_period(cw_assessment_book* book,
                                    const cw_campaign* campaign,
                                    const char* period,
                                    const char* component_id, const char* actor,
                                    const char* at) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(book, "book"));
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(period, "period"));
    return book->rep.Close(*campaign->rep, period, OrEmpty(component_id),
                           OrEmpty(actor), OrEmpty(at));
  });
}

int cw_assessment_book_reopen_period(cw_assessment_book* book,
                                     const char* period,
                                     const char* component_id,
                                     const char* actor, const char* at,
                                     const char* reason) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(book, "book"));
    CW_RETURN_IF_ERROR(Required(period, "period"));
    return book->rep.Reopen(period, OrEmpty(component_id), OrEmpty(actor),
                            OrEmpty(at), OrEmpty(reason));
  });
}

int cw_assessment_book_frozen_table(const cw_assessment_book* book,
                                    const char* period,
                                    const char* component_id, int format,
                                    uint8_t** out, size_t* out_size) {
  return Respond<v1::RankingTable>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(book, "book"));
    CW_RETURN_IF_ERROR(Required(period, "period"));
    return book->rep.Frozen(period, OrEmpty(component_id), m);
  });
}

int cw_assessment_book_frozen_csv(const cw_assessment_book* book,
                                  const char* period, const char* component_id,
                                  uint8_t** out, size_t* out_size) {
  return chuangwen::capi::RespondBytes(out, out_size, [&](std::string* bytes) {
    CW_RETURN_IF_ERROR(Required(book, "book"));
    CW_RETURN_IF_ERROR(Required(period, "period"));
    v1::RankingTable table;
    CW_RETURN_IF_ERROR(book->rep.Frozen(period, OrEmpty(component_id), &table));
    *bytes = chuangwen::RankingTableToCsv(table);
    return Status::OK();
  });
}

int cw_assessment_book_save(const cw_assessment_book* book, int format,
                            uint8_t** out, size_t* out_size) {
  return Respond<v1::AssessmentBook>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(book, "book"));
    *m = book->rep.state();
    return Status::OK();
  });
}

}  // extern "C"
