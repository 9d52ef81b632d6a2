// cw_assessment_book: closed periods, frozen rankings and reopenings.
#include "chuangwen/assessment_book.h"

#include "campaign_handle.h"
#include "capi_internal.h"

struct cw_assessment_book {
  chuangwen::AssessmentBook rep;
};

namespace {
using chuangwen::Status;
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
const char* OrEmpty(const char* s) { return s == nullptr ? "" : s; }
}  // namespace

extern "C" {

int cw_assessment_book_open(cw_assessment_book** out, const uint8_t* data,
                            size_t size, int format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    chuangwen::v1::AssessmentBook state;
    if (data != nullptr || size != 0) {
      Status s = chuangwen::capi::DecodeRequest(data, size, format, &state);
      if (!s.ok()) return Fail(s);
    }
    *out = new cw_assessment_book{chuangwen::AssessmentBook(std::move(state))};
    return CW_OK;
  });
}

void cw_assessment_book_free(cw_assessment_book* book) { delete book; }

int cw_assessment_book_close(cw_assessment_book* book,
                             const cw_campaign* campaign, const char* period,
                             const char* component_id, const char* actor,
                             const char* at) {
  return Guard([&] {
    CW_CAPI_REQUIRE(book, "book");
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(period, "period");
    Status s = book->rep.Close(*campaign->rep, period, OrEmpty(component_id),
                               OrEmpty(actor), OrEmpty(at));
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_assessment_book_reopen(cw_assessment_book* book, const char* period,
                              const char* component_id, const char* actor,
                              const char* at, const char* reason) {
  return Guard([&] {
    CW_CAPI_REQUIRE(book, "book");
    CW_CAPI_REQUIRE(period, "period");
    Status s = book->rep.Reopen(period, OrEmpty(component_id), OrEmpty(actor),
                                OrEmpty(at), OrEmpty(reason));
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_assessment_book_frozen(const cw_assessment_book* book,
                              const char* period, const char* component_id,
                              int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(book, "book");
    CW_CAPI_REQUIRE(period, "period");
    chuangwen::v1::RankingTable table;
    Status s = book->rep.Frozen(period, OrEmpty(component_id), &table);
    if (!s.ok()) return Fail(s);
    return chuangwen::capi::ReturnMessage(table, format, out, out_size);
  });
}

int cw_assessment_book_frozen_csv(const cw_assessment_book* book,
                                  const char* period, const char* component_id,
                                  uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(book, "book");
    CW_CAPI_REQUIRE(period, "period");
    chuangwen::v1::RankingTable table;
    Status s = book->rep.Frozen(period, OrEmpty(component_id), &table);
    if (!s.ok()) return Fail(s);
    return chuangwen::capi::ReturnBytes(chuangwen::RankingTableToCsv(table),
                                        out, out_size);
  });
}

int cw_assessment_book_save(const cw_assessment_book* book, int format,
                            uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(book, "book");
    return chuangwen::capi::ReturnMessage(book->rep.state(), format, out,
                                          out_size);
  });
}

}  // extern "C"
