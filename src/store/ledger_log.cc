// Books over a log an integrator keeps: folding its records, preparing new
// ones by a dry run against the current state.
#include "chuangwen/ledger_log.h"

#include "chuangwen/date.h"
#include "model/text_check.h"

namespace chuangwen {
namespace {

std::string Record(uint64_t sequence) {
  return "record " + std::to_string(sequence);
}

}  // namespace

Status LedgerLog::Create(const v1::Campaign& campaign,
                         std::unique_ptr<LedgerLog>* out,
                         v1::LedgerRecordBatch* first,
                         std::shared_ptr<const Clock> clock) {
  std::shared_ptr<const Campaign> model = Campaign::Build(campaign, clock);
  CW_RETURN_IF_ERROR(model->CheckValid());
  first->Clear();
  v1::LedgerRecord* r = first->add_records();
  *r->mutable_campaign() = campaign;
  r->set_reason("created");
  r->set_sequence(1);
  return Open(*first, out, std::move(clock));
}

Status LedgerLog::Open(const v1::LedgerRecordBatch& records,
                       std::unique_ptr<LedgerLog>* out,
                       std::shared_ptr<const Clock> clock) {
  std::unique_ptr<LedgerLog> log(new LedgerLog());
  log->clock_ = std::move(clock);
  if (records.records_size() == 0 || !records.records(0).has_campaign() ||
      records.records(0).sequence() != 1) {
    return Status::InvalidArgument(
        "a ledger log starts with record 1, its campaign");
  }
  CW_RETURN_IF_ERROR(log->CatchUp(records));
  *out = std::move(log);
  return Status::OK();
}

Status LedgerLog::CatchUp(const v1::LedgerRecordBatch& records) {
  // Consecutive ledger events fold as one chunk; a chunk that does not fold
  // is folded event by event to name the record at fault.
  std::vector<v1::LedgerEvent> chunk;
  std::vector<Date> dates;
  std::vector<uint64_t> sequences;
  auto flush = [&]() -> Status {
    if (chunk.empty()) return Status::OK();
    Status s = books_->ApplyLedger(chunk, &dates, nullptr);
    if (s.ok()) {
      sequence_ = sequences.back();
    } else {
      for (size_t i = 0; i < chunk.size(); ++i) {
        const std::vector<Date> one = {dates[i]};
        s = books_->ApplyLedger({chunk[i]}, &one, nullptr);
        if (!s.ok()) break;
        sequence_ = sequences[i];
      }
    }
    chunk.clear();
    dates.clear();
    sequences.clear();
    return s.ok() ? s : s.WithContext(Record(sequence_ + 1));
  };
  for (const v1::LedgerRecord& r : records.records()) {
    const uint64_t next = sequence_ + chunk.size() + 1;
    if (r.sequence() < next) continue;  // Folded already.
    if (r.sequence() > next) {
      CW_RETURN_IF_ERROR(flush());
      return Status::InvalidArgument(
          Record(r.sequence()) + " does not follow on: this log has folded " +
          "up to record " + std::to_string(sequence_) + "; hand over the "
          "records after it");
    }
    if (r.has_event()) {
      Date d;
      Status s = r.date().empty()
                     ? books_->campaign().LocalDate(r.event().at(), &d)
                     : ParseIsoDate(r.date(), &d);
      if (!s.ok()) {
        CW_RETURN_IF_ERROR(flush());
        return Status::InvalidArgument(Record(r.sequence()) + ": date " +
                                       s.message());
      }
      chunk.push_back(r.event());
      dates.push_back(d);
      sequences.push_back(r.sequence());
      continue;
    }
    CW_RETURN_IF_ERROR(flush());
    CW_RETURN_IF_ERROR(Fold(r).WithContext(Record(r.sequence())));
    sequence_ = r.sequence();
  }
  return flush();
}

Status LedgerLog::Fold(const v1::LedgerRecord& r) {
  if (r.has_campaign()) {
    std::shared_ptr<const Campaign> model =
        Campaign::Build(r.campaign(), clock_);
    if (books_ == nullptr) return Books::Make(model, &books_, true);
    for (Books::Book b : {Books::Book::kLedger, Books::Book::kEvidence,
                          Books::Book::kProgress})
      books_->PutInForce(b, model);
    books_->SetCampaignVersion(books_->campaign_version() + 1);
    return Status::OK();
  }
  if (books_ == nullptr)
    return Status::InvalidArgument("the log does not start with a campaign");
  if (r.has_evidence()) {
    std::vector<Date> d(1);
    CW_RETURN_IF_ERROR(r.date().empty()
                           ? books_->campaign().LocalDate(r.evidence().at(), &d[0])
                           : ParseIsoDate(r.date(), &d[0]));
    return books_->ApplyEvidence({r.evidence()}, &d, nullptr);
  }
  if (r.has_progress())
    return books_->ApplyProgress({r.progress()}, "", true, nullptr);
  return Status::InvalidArgument("the record is empty");
}

Status LedgerLog::Prepare(const v1::LogAppend& append,
                          v1::LedgerRecordBatch* out) {
  out->Clear();
  if (append.expected_sequence() != sequence_) {
    return Status::Conflict(
        "the append expects the log at record " +
        std::to_string(append.expected_sequence()) +
        " but this ledger has folded up to record " +
        std::to_string(sequence_) + ": catch up first");
  }
  uint64_t next = sequence_;
  auto add = [&]() {
    v1::LedgerRecord* r = out->add_records();
    r->set_sequence(++next);
    return r;
  };
  switch (append.batch_case()) {
    case v1::LogAppend::kEvents: {
      const auto& events = append.events().events();
      Books::LedgerSink sink =
          [&](const std::vector<const v1::LedgerEvent*>& recorded,
              const std::vector<std::string>&, const std::vector<Date>& dates) {
            for (size_t i = 0; i < recorded.size(); ++i) {
              v1::LedgerRecord* r = add();
              *r->mutable_event() = *recorded[i];
              r->set_date(FormatIsoDate(dates[i]));
            }
            return Status::OK();
          };
      return books_->ApplyLedger({events.begin(), events.end()}, nullptr,
                                 &sink, nullptr, false);
    }
    case v1::LogAppend::kEvidence: {
      const std::vector<v1::EvidenceEvent> events(
          append.evidence().events().begin(), append.evidence().events().end());
      Books::EvidenceSink sink = [&](const std::vector<Date>& dates) {
        for (size_t i = 0; i < events.size(); ++i) {
          v1::LedgerRecord* r = add();
          *r->mutable_evidence() = events[i];
          r->set_date(FormatIsoDate(dates[i]));
        }
        return Status::OK();
      };
      return books_->ApplyEvidence(events, nullptr, &sink, false);
    }
    case v1::LogAppend::kProgress: {
      const std::vector<v1::ProgressReport> reports(
          append.progress().reports().begin(),
          append.progress().reports().end());
      Books::ProgressSink sink = [&]() {
        for (const v1::ProgressReport& report : reports)
          *add()->mutable_progress() = report;
        return Status::OK();
      };
      return books_->ApplyProgress(reports, append.today(), false, &sink,
                                   false);
    }
    case v1::LogAppend::kCampaign: {
      if (append.reason().empty())
        return Status::InvalidArgument("replacing the campaign needs a reason");
      CW_RETURN_IF_ERROR(internal::CheckText(append, "the append"));
      std::shared_ptr<const Campaign> model =
          Campaign::Build(append.campaign(), clock_);
      CW_RETURN_IF_ERROR(books_->ledger().CheckCampaign(*model));
      v1::LedgerRecord* r = add();
      *r->mutable_campaign() = append.campaign();
      r->set_reason(append.reason());
      return Status::OK();
    }
    case v1::LogAppend::BATCH_NOT_SET:
      break;
  }
  return Status::InvalidArgument("the append holds no batch");
}

}  // namespace chuangwen
