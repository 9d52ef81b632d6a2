// cw_ledger: the supervision ledger, durable (a SQLite file), folded from a
// log the caller keeps, or in memory; its evidence and progress books.
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/stream.hpp>
#include <memory>
#include <sstream>

#include "campaign_handle.h"
#include "capi_internal.h"
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
using chuangwen::capi::DecodeRequest;
using chuangwen::capi::OrEmpty;
using chuangwen::capi::Required;
using chuangwen::capi::Respond;
using chuangwen::capi::Run;

// A query of the ledger's state answering `Answer`.
template <typename Answer, typename Query>
int Ask(const cw_ledger* ledger, int format, uint8_t** out, size_t* out_size,
        Query query) {
  return Respond<Answer>(format, out, out_size, [&](Answer* m) -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    return query(ledger->ledger(), m);
  });
}

// A request → response query of the ledger.
template <typename Request, typename Answer, typename Query>
int AskWith(const cw_ledger* ledger, const uint8_t* request, size_t size,
            int request_format, int format, uint8_t** out, size_t* out_size,
            Query query) {
  return Respond<Request, Answer>(
      request, size, request_format, format, out, out_size,
      [&](const Request& req, Answer* m) -> Status {
        CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
        return query(req, m);
      });
}

// A ledger over a log the caller keeps changes only through its records.
Status LogWrite() {
  return Status::InvalidArgument(
      "this ledger folds a log the caller keeps: append through "
      "cw_ledger_log_prepare, store the records, then cw_ledger_log_catch_up");
}

Status NotALog() {
  return Status::InvalidArgument("this ledger does not fold a caller's log");
}

Status Give(std::unique_ptr<cw_ledger> handle, cw_ledger** out) {
  *out = handle.release();
  return Status::OK();
}

}  // namespace

extern "C" {

int cw_ledger_new(const cw_campaign* campaign, const char* path,
                  cw_ledger** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    auto handle = std::make_unique<cw_ledger>();
    if (path != nullptr) {
      CW_RETURN_IF_ERROR(chuangwen::LedgerStore::Create(
          path, campaign->rep->proto(), &handle->store));
    } else {
      CW_RETURN_IF_ERROR(
          chuangwen::Books::Make(campaign->rep, &handle->memory));
    }
    return Give(std::move(handle), out);
  });
}

int cw_ledger_open(const char* path, cw_ledger** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(path, "path"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    auto handle = std::make_unique<cw_ledger>();
    CW_RETURN_IF_ERROR(chuangwen::LedgerStore::Open(path, &handle->store));
    return Give(std::move(handle), out);
  });
}

void cw_ledger_free(cw_ledger* ledger) { delete ledger; }

int cw_ledger_append(cw_ledger* ledger, const uint8_t* batch, size_t size,
                     int format) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    v1::LedgerEventBatch request;
    CW_RETURN_IF_ERROR(DecodeRequest(batch, size, format, &request, "batch"));
    std::vector<v1::LedgerEvent> events(
        std::make_move_iterator(request.mutable_events()->begin()),
        std::make_move_iterator(request.mutable_events()->end()));
    return ledger->log     ? LogWrite()
           : ledger->store ? ledger->store->Append(events)
                           : ledger->memory->AppendLedger(events);
  });
}

int cw_ledger_replace_campaign(cw_ledger* ledger, const uint8_t* campaign,
                               size_t size, int format, const char* reason) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    CW_RETURN_IF_ERROR(Required(reason, "reason"));
    v1::Campaign proto;
    CW_RETURN_IF_ERROR(
        DecodeRequest(campaign, size, format, &proto, "campaign"));
    if (ledger->log) return LogWrite();
    if (ledger->store) return ledger->store->ReplaceCampaign(proto, reason);
    if (*reason == '\0')
      return Status::InvalidArgument("replacing the campaign needs a reason");
    return ledger->memory->ReplaceCampaign(
        chuangwen::Campaign::Build(std::move(proto)));
  });
}

int cw_ledger_append_evidence(cw_ledger* ledger, const uint8_t* batch,
                              size_t size, int format) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    v1::EvidenceEventBatch request;
    CW_RETURN_IF_ERROR(DecodeRequest(batch, size, format, &request, "batch"));
    std::vector<v1::EvidenceEvent> events(request.events().begin(),
                                          request.events().end());
    return ledger->log     ? LogWrite()
           : ledger->store ? ledger->store->AppendEvidence(events)
                           : ledger->memory->AppendEvidence(events);
  });
}

int cw_ledger_evidence_completeness(const cw_ledger* ledger,
                                    const uint8_t* request, size_t size,
                                    int request_format, int format,
                                    uint8_t** out, size_t* out_size) {
  return AskWith<v1::CompletenessReportRequest, v1::CompletenessReport>(
      ledger, request, size, request_format, format, out, out_size,
      [&](const auto& req, auto* m) {
        return ledger->evidence().Completeness(req, m);
      });
}

int cw_ledger_evidence_archive(const cw_ledger* ledger, int format,
                               uint8_t** out, size_t* out_size) {
  return Ask<v1::ArchiveIndex>(
      ledger, format, out, out_size,
      [&](const auto&, auto* m) { return ledger->evidence().Archive(m); });
}

int cw_ledger_evidence_package(const cw_ledger* ledger, const uint8_t* request,
                               size_t size, int request_format, int format,
                               uint8_t** out, size_t* out_size) {
  return AskWith<v1::EvidencePackageRequest, v1::EvidencePackage>(
      ledger, request, size, request_format, format, out, out_size,
      [&](const auto& req, auto* m) {
        return ledger->evidence().Package(req, m);
      });
}

int cw_ledger_append_progress(cw_ledger* ledger, const uint8_t* batch,
                              size_t size, int format, const char* today) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    v1::ProgressReportBatch request;
    CW_RETURN_IF_ERROR(DecodeRequest(batch, size, format, &request, "batch"));
    std::vector<v1::ProgressReport> reports(request.reports().begin(),
                                            request.reports().end());
    const std::string day = OrEmpty(today);
    return ledger->log     ? LogWrite()
           : ledger->store ? ledger->store->AppendProgress(reports, day)
                           : ledger->memory->AppendProgress(reports, day);
  });
}

int cw_ledger_progress_status(const cw_ledger* ledger, const uint8_t* request,
                              size_t size, int request_format, int format,
                              uint8_t** out, size_t* out_size) {
  return AskWith<v1::CampaignStatusRequest, v1::CampaignStatus>(
      ledger, request, size, request_format, format, out, out_size,
      [&](const auto& req, auto* m) {
        return ledger->progress().Query(req, m);
      });
}

int cw_report_render(const cw_campaign* campaign, const cw_ledger* ledger,
                     const uint8_t* request, size_t size, int request_format,
                     int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::ReportDocumentRequest, v1::ReportDocument>(
      request, size, request_format, format, out, out_size,
      [&](const auto& req, auto* m) -> Status {
        if (campaign == nullptr && ledger == nullptr)
          return Status::InvalidArgument(
              "a report needs a campaign or a ledger");
        chuangwen::ReportSources sources;
        if (ledger != nullptr) {
          sources.campaign = &ledger->ledger().campaign();
          sources.ledger = &ledger->ledger();
          sources.evidence = &ledger->evidence();
        } else {
          sources.campaign = campaign->rep.get();
        }
        return chuangwen::RenderReport(sources, req, m);
      });
}

int cw_ledger_event_count(const cw_ledger* ledger, size_t* out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    *out = ledger->ledger().event_count();
    return Status::OK();
  });
}

int cw_ledger_item(const cw_ledger* ledger, const char* item_id, int format,
                   uint8_t** out, size_t* out_size) {
  return Ask<v1::LedgerItem>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Item(OrEmpty(item_id), m); });
}

int cw_ledger_history(const cw_ledger* ledger, const char* item_id, int format,
                      uint8_t** out, size_t* out_size) {
  return Ask<v1::ItemHistory>(
      ledger, format, out, out_size, [&](const auto& l, auto* m) {
        return ledger->store ? ledger->store->History(OrEmpty(item_id), m)
                             : l.History(OrEmpty(item_id), m);
      });
}

int cw_ledger_outstanding(const cw_ledger* ledger, const char* unit_id,
                          const char* date, int format, uint8_t** out,
                          size_t* out_size) {
  return Ask<v1::OpenItemList>(
      ledger, format, out, out_size, [&](const auto& l, auto* m) {
        return l.OpenItems(OrEmpty(unit_id), OrEmpty(date), m);
      });
}

int cw_ledger_overdue(const cw_ledger* ledger, const char* date, int format,
                      uint8_t** out, size_t* out_size) {
  return Ask<v1::OpenItemList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Overdue(OrEmpty(date), m); });
}

int cw_ledger_monthly_stats(const cw_ledger* ledger, const char* month,
                            int format, uint8_t** out, size_t* out_size) {
  return Ask<v1::MonthlyStats>(ledger, format, out, out_size,
                               [&](const auto& l, auto* m) {
                                 return l.MonthlyStats(OrEmpty(month), m);
                               });
}

int cw_ledger_repeated_problems(const cw_ledger* ledger, const char* date,
                                int format, uint8_t** out, size_t* out_size) {
  return Ask<v1::RepeatedProblemList>(
      ledger, format, out, out_size, [&](const auto& l, auto* m) {
        return l.RepeatedProblems(OrEmpty(date), m);
      });
}

int cw_ledger_escalations(const cw_ledger* ledger, const char* date, int format,
                          uint8_t** out, size_t* out_size) {
  return Ask<v1::EscalationList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Escalations(OrEmpty(date), m); });
}

int cw_ledger_reminders(const cw_ledger* ledger, const char* date, int format,
                        uint8_t** out, size_t* out_size) {
  return Ask<v1::ReminderList>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.RemindersDue(OrEmpty(date), m); });
}

int cw_ledger_points(const cw_ledger* ledger, const char* date, int format,
                     uint8_t** out, size_t* out_size) {
  return Ask<v1::PointReport>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Points(OrEmpty(date), m); });
}

int cw_ledger_deductions(const cw_ledger* ledger, const char* month, int format,
                         uint8_t** out, size_t* out_size) {
  return Ask<v1::DeductionInputs>(
      ledger, format, out, out_size,
      [&](const auto& l, auto* m) { return l.Deductions(OrEmpty(month), m); });
}

int cw_ledger_export(const cw_ledger* ledger, uint8_t** out, size_t* out_size) {
  return chuangwen::capi::RespondBytes(out, out_size, [&](std::string* bytes) {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    if (!ledger->store)
      return Status::InvalidArgument("only a ledger file has a log to export");
    std::ostringstream stream;
    CW_RETURN_IF_ERROR(ledger->store->Export(&stream));
    *bytes = stream.str();
    return Status::OK();
  });
}

int cw_ledger_import(cw_ledger* ledger, const uint8_t* data, size_t size) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    if (data == nullptr && size != 0)
      return Status::InvalidArgument(
          "data must not be NULL when size is not 0");
    if (!ledger->store)
      return Status::InvalidArgument("import needs a ledger file");
    // Read in place: a log may be gigabytes.
    boost::iostreams::stream<boost::iostreams::array_source> stream(
        reinterpret_cast<const char*>(data), size);
    return ledger->store->Import(&stream);
  });
}

int cw_ledger_log_new(const cw_campaign* campaign, int first_format,
                      cw_ledger** out, uint8_t** out_first,
                      size_t* out_first_size) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    CW_RETURN_IF_ERROR(Required(out_first, "out_first"));
    CW_RETURN_IF_ERROR(Required(out_first_size, "out_first_size"));
    chuangwen::Format f;
    CW_RETURN_IF_ERROR(chuangwen::capi::CheckFormat(first_format, &f));
    auto handle = std::make_unique<cw_ledger>();
    v1::LedgerRecordBatch records;
    CW_RETURN_IF_ERROR(chuangwen::LedgerLog::Create(campaign->rep->proto(),
                                                    &handle->log, &records));
    CW_RETURN_IF_ERROR(
        chuangwen::capi::GiveMessage(records, f, out_first, out_first_size));
    return Give(std::move(handle), out);
  });
}

int cw_ledger_log_load(const uint8_t* records, size_t size, int format,
                       cw_ledger** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    v1::LedgerRecordBatch batch;
    CW_RETURN_IF_ERROR(DecodeRequest(records, size, format, &batch, "records"));
    auto handle = std::make_unique<cw_ledger>();
    CW_RETURN_IF_ERROR(chuangwen::LedgerLog::Open(batch, &handle->log));
    return Give(std::move(handle), out);
  });
}

int cw_ledger_log_sequence(const cw_ledger* ledger, uint64_t* out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    if (!ledger->log) return NotALog();
    *out = ledger->log->sequence();
    return Status::OK();
  });
}

int cw_ledger_log_catch_up(cw_ledger* ledger, const uint8_t* records,
                           size_t size, int format) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    if (!ledger->log) return NotALog();
    v1::LedgerRecordBatch batch;
    CW_RETURN_IF_ERROR(DecodeRequest(records, size, format, &batch, "records"));
    return ledger->log->CatchUp(batch);
  });
}

int cw_ledger_log_prepare(cw_ledger* ledger, const uint8_t* append,
                          size_t size, int format, int out_format,
                          uint8_t** out, size_t* out_size) {
  return Respond<v1::LogAppend, v1::LedgerRecordBatch>(
      append, size, format, out_format, out, out_size,
      [&](const auto& req, auto* m) -> Status {
        CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
        if (!ledger->log) return NotALog();
        return ledger->log->Prepare(req, m);
      });
}

int cw_ledger_refresh(cw_ledger* ledger) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(ledger, "ledger"));
    return ledger->store ? ledger->store->Refresh() : Status::OK();
  });
}

}  // extern "C"
