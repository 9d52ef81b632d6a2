// cw_ledger: the supervision ledger, durable (a SQLite file) or in memory.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <memory>
#include <sstream>

#include "campaign_handle.h"
#include "capi_internal.h"
#include "chuangwen/date.h"
#include "chuangwen/ledger_log.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/report.h"

struct cw_ledger {
  std::unique_ptr<chuangwen::LedgerStore> store;  // A SQLite file,
  std::unique_ptr<chuangwen::LedgerLog> log;      // a log the caller keeps,
  std::unique_ptr<chuangwen::Books> memory;       // or in memory.

  const chuangwen::Books& books() const {
    return store ? store->books() : log ? log->books() : *memory;
  }
  const chuangwen::Ledger& ledger() const { return books().ledger(); }
  const chuangwen::EvidenceBook& evidence() const { return books().evidence(); }
  const chuangwen::ProgressBook& progress() const { return books().progress(); }
};

namespace {

namespace v1 = chuangwen::v1;
using chuangwen::Status;
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
using chuangwen::capi::ReturnMessage;

// Runs a query answering `Message` and returns it in `format`.
template <typename Message, typename Query>
int Answer(const cw_ledger* ledger, int format, uint8_t** out, size_t* out_size,
           Query query) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    chuangwen::Format f;
    Status s = chuangwen::capi::CheckFormat(format, &f);
    if (!s.ok()) return Fail(s);
    Message message;
    s = query(ledger->ledger(), &message);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(message, format, out, out_size);
  });
}

// The overdue list in the binary format, written row by row through one
// reused message: a province's overdue list is large, and building one
// message per row costs more than the query.
int OverdueBinary(const chuangwen::Ledger& ledger, const std::string& date,
                  uint8_t** out, size_t* out_size) {
  std::vector<chuangwen::OverdueRow> rows;
  Status s = ledger.Overdue(date, &rows);
  if (!s.ok()) return Fail(s);
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.WriteTag(v1::OpenItemList::kDateFieldNumber << 3 | 2);
    coded.WriteVarint32(static_cast<uint32_t>(date.size()));
    coded.WriteString(date);
    v1::OpenItem row;
    row.set_color("red");
    std::string deadline;
    chuangwen::Date last;
    for (const chuangwen::OverdueRow& r : rows) {
      if (r.deadline != last) {
        deadline = chuangwen::FormatIsoDate(r.deadline);
        last = r.deadline;
      }
      row.set_item_id(*r.item_id);
      row.set_number(*r.number);
      row.set_unit_id(*r.unit_id);
      row.set_deadline(deadline);
      row.set_working_days_late(r.working_days_late);
      row.set_severity(r.severity);
      coded.WriteTag(v1::OpenItemList::kItemsFieldNumber << 3 | 2);
      coded.WriteVarint32(static_cast<uint32_t>(row.ByteSizeLong()));
      row.SerializeWithCachedSizes(&coded);
    }
  }
  return chuangwen::capi::ReturnBytes(bytes, out, out_size);
}

std::string Str(const char* s) { return s == nullptr ? std::string() : s; }

// A ledger over a log the caller keeps changes only through its records.
Status LogWrite() {
  return Status::InvalidArgument(
      "this ledger folds a log the caller keeps: append through "
      "cw_ledger_log_prepare, store the records, then cw_ledger_log_catch_up");
}

}  // namespace

extern "C" {

int cw_ledger_create(cw_ledger** out, const char* path, const uint8_t* campaign,
                     size_t campaign_size, int campaign_format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(path, "path");
    v1::Campaign proto;
    Status s = chuangwen::capi::DecodeRequest(campaign, campaign_size,
                                              campaign_format, &proto);
    if (!s.ok()) return Fail(s);
    auto handle = std::make_unique<cw_ledger>();
    s = chuangwen::LedgerStore::Create(path, proto, &handle->store);
    if (!s.ok()) return Fail(s);
    *out = handle.release();
    return CW_OK;
  });
}

int cw_ledger_open(cw_ledger** out, const char* path) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(path, "path");
    auto handle = std::make_unique<cw_ledger>();
    Status s = chuangwen::LedgerStore::Open(path, &handle->store);
    if (!s.ok()) return Fail(s);
    *out = handle.release();
    return CW_OK;
  });
}

int cw_ledger_open_memory(cw_ledger** out, const cw_campaign* campaign) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(campaign, "campaign");
    auto handle = std::make_unique<cw_ledger>();
    Status s = chuangwen::Books::Make(campaign->rep, &handle->memory);
    if (!s.ok()) return Fail(s);
    *out = handle.release();
    return CW_OK;
  });
}

void cw_ledger_free(cw_ledger* ledger) { delete ledger; }

int cw_ledger_append(cw_ledger* ledger, const uint8_t* batch, size_t size,
                     int format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    v1::LedgerEventBatch request;
    Status s = chuangwen::capi::DecodeRequest(batch, size, format, &request);
    if (!s.ok()) return Fail(s);
    std::vector<v1::LedgerEvent> events(
        std::make_move_iterator(request.mutable_events()->begin()),
        std::make_move_iterator(request.mutable_events()->end()));
    s = ledger->log     ? LogWrite()
        : ledger->store ? ledger->store->Append(events)
                        : ledger->memory->AppendLedger(events);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_ledger_replace_campaign(cw_ledger* ledger, const uint8_t* campaign,
                               size_t size, int format, const char* reason) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    CW_CAPI_REQUIRE(reason, "reason");
    v1::Campaign proto;
    Status s = chuangwen::capi::DecodeRequest(campaign, size, format, &proto);
    if (!s.ok()) return Fail(s);
    if (ledger->log) {
      s = LogWrite();
    } else if (ledger->store) {
      s = ledger->store->ReplaceCampaign(proto, reason);
    } else if (*reason == '\0') {
      s = Status::InvalidArgument("replacing the campaign needs a reason");
    } else {
      s = ledger->memory->ReplaceCampaign(
          chuangwen::Campaign::Build(std::move(proto)));
    }
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_ledger_append_evidence(cw_ledger* ledger, const uint8_t* batch,
                              size_t size, int format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    v1::EvidenceEventBatch request;
    Status s = chuangwen::capi::DecodeRequest(batch, size, format, &request);
    if (!s.ok()) return Fail(s);
    std::vector<v1::EvidenceEvent> events(request.events().begin(),
                                          request.events().end());
    s = ledger->log     ? LogWrite()
        : ledger->store ? ledger->store->AppendEvidence(events)
                        : ledger->memory->AppendEvidence(events);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_ledger_evidence_completeness(const cw_ledger* ledger,
                                    const uint8_t* request, size_t size,
                                    int request_format, int format,
                                    uint8_t** out, size_t* out_size) {
  return Answer<v1::CompletenessReport>(
      ledger, format, out, out_size, [&](const auto&, auto* m) {
        v1::CompletenessRequest parsed;
        Status s = chuangwen::capi::DecodeRequest(request, size, request_format,
                                                  &parsed);
        return s.ok() ? ledger->evidence().Completeness(parsed, m) : s;
      });
}

int cw_ledger_evidence_archive(const cw_ledger* ledger, int format,
                               uint8_t** out, size_t* out_size) {
  return Answer<v1::ArchiveIndex>(
      ledger, format, out, out_size,
      [&](const auto&, auto* m) { return ledger->evidence().Archive(m); });
}

int cw_ledger_evidence_package(const cw_ledger* ledger, const uint8_t* request,
                               size_t size, int request_format, int format,
                               uint8_t** out, size_t* out_size) {
  return Answer<v1::EvidencePackage>(
      ledger, format, out, out_size, [&](const auto&, auto* m) {
        v1::EvidencePackageRequest parsed;
        Status s = chuangwen::capi::DecodeRequest(request, size, request_format,
                                                  &parsed);
        return s.ok() ? ledger->evidence().Package(parsed, m) : s;
      });
}

int cw_ledger_append_progress(cw_ledger* ledger, const uint8_t* batch,
                              size_t size, int format, const char* today) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    v1::ProgressReportBatch request;
    Status s = chuangwen::capi::DecodeRequest(batch, size, format, &request);
    if (!s.ok()) return Fail(s);
    std::vector<v1::ProgressReport> reports(request.reports().begin(),
                                            request.reports().end());
    const std::string day = today == nullptr ? "" : today;
    s = ledger->log     ? LogWrite()
        : ledger->store ? ledger->store->AppendProgress(reports, day)
                        : ledger->memory->AppendProgress(reports, day);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_ledger_progress_status(const cw_ledger* ledger, const uint8_t* request,
                              size_t size, int request_format, int format,
                              uint8_t** out, size_t* out_size) {
  return Answer<v1::CampaignStatus>(
      ledger, format, out, out_size, [&](const auto&, auto* m) {
        v1::CampaignStatusRequest parsed;
        Status s = chuangwen::capi::DecodeRequest(request, size, request_format,
                                                  &parsed);
        return s.ok() ? ledger->progress().Query(parsed, m) : s;
      });
}

int cw_report(const cw_campaign* campaign, const cw_ledger* ledger,
              const uint8_t* request, size_t size, int request_format,
              int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    if (campaign == nullptr && ledger == nullptr)
      return Fail(CW_EINVALID, "a report needs a campaign or a ledger");
    v1::ReportRequest parsed;
    Status s =
        chuangwen::capi::DecodeRequest(request, size, request_format, &parsed);
    if (!s.ok()) return Fail(s);
    chuangwen::ReportSources sources;
    if (ledger != nullptr) {
      sources.campaign = &ledger->ledger().campaign();
      sources.ledger = &ledger->ledger();
      sources.evidence = &ledger->evidence();
    } else {
      sources.campaign = campaign->rep.get();
    }
    v1::ReportDocument doc;
    s = chuangwen::RenderReport(sources, parsed, &doc);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(doc, format, out, out_size);
  });
}

int cw_ledger_event_count(const cw_ledger* ledger, size_t* out) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    CW_CAPI_REQUIRE(out, "out");
    *out = ledger->ledger().event_count();
    return CW_OK;
  });
}

int cw_ledger_item(const cw_ledger* ledger, const char* item_id, int format,
                   uint8_t** out, size_t* out_size) {
  return Answer<v1::LedgerItem>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Item(Str(item_id), m); });
}

int cw_ledger_history(const cw_ledger* ledger, const char* item_id, int format,
                      uint8_t** out, size_t* out_size) {
  return Answer<v1::ItemHistory>(
      ledger, format, out, out_size, [&](const auto& l, auto* m) {
        return ledger->store ? ledger->store->History(Str(item_id), m)
                             : l.History(Str(item_id), m);
      });
}

int cw_ledger_open_items(const cw_ledger* ledger, const char* unit_id,
                         const char* date, int format, uint8_t** out,
                         size_t* out_size) {
  return Answer<v1::OpenItemList>(
      ledger, format, out, out_size, [&](const auto& l, auto* m) {
        return l.OpenItems(Str(unit_id), Str(date), m);
      });
}

int cw_ledger_overdue(const cw_ledger* ledger, const char* date, int format,
                      uint8_t** out, size_t* out_size) {
  if (format == CW_FORMAT_BINARY && ledger != nullptr && out != nullptr &&
      out_size != nullptr) {
    return Guard([&] {
      return OverdueBinary(ledger->ledger(), Str(date), out, out_size);
    });
  }
  return Answer<v1::OpenItemList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Overdue(Str(date), m); });
}

int cw_ledger_monthly_stats(const cw_ledger* ledger, const char* month,
                            int format, uint8_t** out, size_t* out_size) {
  return Answer<v1::MonthlyStats>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.MonthlyStats(Str(month), m); });
}

int cw_ledger_repeated_problems(const cw_ledger* ledger, const char* date,
                                int format, uint8_t** out, size_t* out_size) {
  return Answer<v1::RepeatedProblemList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.RepeatedProblems(Str(date), m); });
}

int cw_ledger_escalations(const cw_ledger* ledger, const char* date, int format,
                          uint8_t** out, size_t* out_size) {
  return Answer<v1::EscalationList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Escalations(Str(date), m); });
}

int cw_ledger_reminders(const cw_ledger* ledger, const char* date, int format,
                        uint8_t** out, size_t* out_size) {
  return Answer<v1::ReminderList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.RemindersDue(Str(date), m); });
}

int cw_ledger_points(const cw_ledger* ledger, const char* date, int format,
                     uint8_t** out, size_t* out_size) {
  return Answer<v1::PointReport>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Points(Str(date), m); });
}

int cw_ledger_deductions(const cw_ledger* ledger, const char* month, int format,
                         uint8_t** out, size_t* out_size) {
  return Answer<v1::DeductionInputs>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Deductions(Str(month), m); });
}

int cw_ledger_export(const cw_ledger* ledger, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    if (!ledger->store)
      return Fail(CW_EINVALID, "an in-memory ledger has no log to export");
    std::ostringstream stream;
    Status s = ledger->store->Export(&stream);
    if (!s.ok()) return Fail(s);
    return chuangwen::capi::ReturnBytes(stream.str(), out, out_size);
  });
}

int cw_ledger_import(cw_ledger* ledger, const uint8_t* data, size_t size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    if (data == nullptr && size != 0) return Fail(CW_EINVALID, "data is NULL");
    if (!ledger->store) return Fail(CW_EINVALID, "import needs a ledger file");
    std::istringstream stream(
        size == 0 ? std::string()
                  : std::string(reinterpret_cast<const char*>(data), size));
    Status s = ledger->store->Import(&stream);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_ledger_log_create(const uint8_t* campaign, size_t campaign_size,
                         int campaign_format, int first_format, cw_ledger** out,
                         uint8_t** first, size_t* first_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(first, "first");
    CW_CAPI_REQUIRE(first_size, "first_size");
    v1::Campaign proto;
    Status s = chuangwen::capi::DecodeRequest(campaign, campaign_size,
                                              campaign_format, &proto);
    if (!s.ok()) return Fail(s);
    auto handle = std::make_unique<cw_ledger>();
    v1::LedgerRecordBatch records;
    s = chuangwen::LedgerLog::Create(proto, &handle->log, &records);
    if (!s.ok()) return Fail(s);
    const int rc = ReturnMessage(records, first_format, first, first_size);
    if (rc != CW_OK) return rc;
    *out = handle.release();
    return CW_OK;
  });
}

int cw_ledger_log_open(const uint8_t* records, size_t size, int format,
                       cw_ledger** out) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    v1::LedgerRecordBatch batch;
    Status s = chuangwen::capi::DecodeRequest(records, size, format, &batch);
    if (!s.ok()) return Fail(s);
    auto handle = std::make_unique<cw_ledger>();
    s = chuangwen::LedgerLog::Open(batch, &handle->log);
    if (!s.ok()) return Fail(s);
    *out = handle.release();
    return CW_OK;
  });
}

int cw_ledger_log_sequence(const cw_ledger* ledger, uint64_t* out) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    CW_CAPI_REQUIRE(out, "out");
    if (!ledger->log)
      return Fail(CW_EINVALID, "this ledger does not fold a caller's log");
    *out = ledger->log->sequence();
    return CW_OK;
  });
}

int cw_ledger_log_catch_up(cw_ledger* ledger, const uint8_t* records,
                           size_t size, int format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    if (!ledger->log)
      return Fail(CW_EINVALID, "this ledger does not fold a caller's log");
    v1::LedgerRecordBatch batch;
    Status s = chuangwen::capi::DecodeRequest(records, size, format, &batch);
    if (s.ok()) s = ledger->log->CatchUp(batch);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_ledger_log_prepare(cw_ledger* ledger, const uint8_t* append,
                          size_t size, int format, int out_format,
                          uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    if (!ledger->log)
      return Fail(CW_EINVALID, "this ledger does not fold a caller's log");
    v1::LogAppend request;
    Status s = chuangwen::capi::DecodeRequest(append, size, format, &request);
    if (!s.ok()) return Fail(s);
    v1::LedgerRecordBatch records;
    s = ledger->log->Prepare(request, &records);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(records, out_format, out, out_size);
  });
}

int cw_ledger_refresh(cw_ledger* ledger) {
  return Guard([&] {
    CW_CAPI_REQUIRE(ledger, "ledger");
    if (!ledger->store) return CW_OK;
    Status s = ledger->store->Refresh();
    return s.ok() ? CW_OK : Fail(s);
  });
}

}  // extern "C"
