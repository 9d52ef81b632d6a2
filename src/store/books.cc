#include "chuangwen/books.h"

namespace chuangwen {

Status Books::Make(std::shared_ptr<const Campaign> campaign,
                   std::unique_ptr<Books>* out, bool keep_events) {
  std::unique_ptr<Books> books(new Books());
  LedgerOptions options;
  options.keep_events = keep_events;
  books->ledger_ = std::make_unique<Ledger>(campaign, options);
  books->evidence_ = std::make_unique<EvidenceBook>(campaign);
  books->progress_ = std::make_unique<ProgressBook>(campaign);
  const auto& reports = campaign->proto().progress();
  CW_RETURN_IF_ERROR(
      books->progress_->Append({reports.begin(), reports.end()}, "")
          .WithContext("the campaign's progress reports"));
  *out = std::move(books);
  return Status::OK();
}

Status Books::AppendLedger(const std::vector<v1::LedgerEvent>& batch,
                           std::vector<v1::LedgerEvent>* accepted) {
  return ledger_->Append(batch, accepted);
}

Status Books::AppendEvidence(const std::vector<v1::EvidenceEvent>& batch) {
  return evidence_->Append(batch);
}

Status Books::AppendProgress(const std::vector<v1::ProgressReport>& batch,
                             const std::string& today) {
  return progress_->Append(batch, today);
}

Status Books::ReplaceCampaign(std::shared_ptr<const Campaign> campaign) {
  CW_RETURN_IF_ERROR(ledger_->ReplaceCampaign(campaign));
  evidence_->ReplaceCampaign(campaign);
  progress_->ReplaceCampaign(std::move(campaign));
  ++campaign_version_;
  return Status::OK();
}

Status Books::ApplyLedger(const std::vector<v1::LedgerEvent>& batch,
                          const std::vector<Date>* dates,
                          const LedgerSink* sink,
                          std::vector<v1::LedgerEvent>* accepted, bool keep) {
  return ledger_->Apply(batch, keep, accepted, sink, dates);
}

Status Books::ApplyEvidence(const std::vector<v1::EvidenceEvent>& batch,
                            const std::vector<Date>* dates,
                            const EvidenceSink* sink, bool keep) {
  return evidence_->Apply(batch, dates, sink, keep);
}

Status Books::ApplyProgress(const std::vector<v1::ProgressReport>& batch,
                            const std::string& today, bool stored,
                            const ProgressSink* sink, bool keep) {
  return progress_->Apply(batch, today, !stored, sink, keep);
}

void Books::Swap(Books* other) {
  std::swap(*ledger_, *other->ledger_);
  std::swap(*evidence_, *other->evidence_);
  std::swap(*progress_, *other->progress_);
  std::swap(campaign_version_, other->campaign_version_);
}

void Books::PutInForce(Book book, std::shared_ptr<const Campaign> campaign) {
  switch (book) {
    case Book::kLedger:
      ledger_->Rebind(std::move(campaign));
      break;
    case Book::kEvidence:
      evidence_->ReplaceCampaign(std::move(campaign));
      break;
    case Book::kProgress:
      progress_->ReplaceCampaign(std::move(campaign));
      break;
  }
}

}  // namespace chuangwen
