// The event books of one campaign, kept together: the supervision ledger
// (督查台账), evidence (佐证资料) and progress reports (工作进展), with the
// campaign version in force. Each book checks a batch against the state it
// would meet and applies it, or undoes it: all or nothing, at a cost in
// proportion to the batch.
//
// Books live in memory; LedgerStore keeps them in a SQLite file.
// Thread safety: one writer; readers must not run during a change.
#ifndef CHUANGWEN_BOOKS_H_
#define CHUANGWEN_BOOKS_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "chuangwen/evidence.h"
#include "chuangwen/ledger.h"
#include "chuangwen/progress.h"

namespace chuangwen {

class Books {
 public:
  // Books over `campaign`, its inline progress reports folded in. Fails when
  // those reports do not fold. `keep_events`: keep the ledger's events in
  // memory for History (a store reads them from its file instead).
  static Status Make(std::shared_ptr<const Campaign> campaign,
                     std::unique_ptr<Books>* out, bool keep_events = true);

  Status AppendLedger(const std::vector<v1::LedgerEvent>& batch,
                      std::vector<v1::LedgerEvent>* accepted = nullptr);
  Status AppendEvidence(const std::vector<v1::EvidenceEvent>& batch);
  // `today`: the latest date a report may carry ("" for no limit).
  Status AppendProgress(const std::vector<v1::ProgressReport>& batch,
                        const std::string& today);
  // Puts a newer version of the campaign in force in every book (see
  // Ledger::ReplaceCampaign for the checks).
  Status ReplaceCampaign(std::shared_ptr<const Campaign> campaign);

  const Campaign& campaign() const { return ledger_->campaign(); }
  const Ledger& ledger() const { return *ledger_; }
  const EvidenceBook& evidence() const { return *evidence_; }
  const ProgressBook& progress() const { return *progress_; }
  // 1 for the campaign the books were made with, +1 per replacement.
  int campaign_version() const { return campaign_version_; }

  // ---- For stores (a SQLite file; a log an integrator keeps) ----
  // Sinks receive a checked batch before its change is final (to store it);
  // their failure undoes the batch. Ledger events come as recorded (a
  // notice number assigned), with their units and local dates.
  using LedgerSink =
      std::function<Status(const std::vector<const v1::LedgerEvent*>&,
                           const std::vector<std::string>& units,
                           const std::vector<Date>& dates)>;
  using EvidenceSink = std::function<Status(const std::vector<Date>& dates)>;
  using ProgressSink = std::function<Status()>;
  // `dates`: the events' local dates as stored, for records read back;
  // null for new events, whose text and time are checked and dated in the
  // campaign's time zone. `keep` false: a dry run, checked, given to the
  // sink and undone.
  Status ApplyLedger(const std::vector<v1::LedgerEvent>& batch,
                     const std::vector<Date>* dates, const LedgerSink* sink,
                     std::vector<v1::LedgerEvent>* accepted = nullptr,
                     bool keep = true);
  Status ApplyEvidence(const std::vector<v1::EvidenceEvent>& batch,
                       const std::vector<Date>* dates,
                       const EvidenceSink* sink, bool keep = true);
  // `stored`: reports read back (their text is not checked again).
  Status ApplyProgress(const std::vector<v1::ProgressReport>& batch,
                       const std::string& today, bool stored,
                       const ProgressSink* sink, bool keep = true);
  // Folding stored streams one after another puts each book under the
  // campaign version its records were recorded with (stored versions are
  // not checked again); SetCampaignVersion says which version the books
  // are at once every stream is folded.
  enum class Book { kLedger, kEvidence, kProgress };
  void PutInForce(Book book, std::shared_ptr<const Campaign> campaign);
  void SetCampaignVersion(int version) { campaign_version_ = version; }
  // Exchanges the state of two sets of books; each book object stays where
  // it is, so references to ledger(), evidence() and progress() stay valid.
  void Swap(Books* other);

 private:
  Books() = default;

  std::unique_ptr<Ledger> ledger_;
  std::unique_ptr<EvidenceBook> evidence_;
  std::unique_ptr<ProgressBook> progress_;
  int campaign_version_ = 1;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_BOOKS_H_
