// The durable supervision ledger: one SQLite file (WAL mode) holding the
// campaign it belongs to (every version in force, with when and why it was
// replaced) and the event log, each event as protobuf beside indexed columns
// for its item, unit, time and kind. Opening a store folds its events again
// into exactly the state it had.
//
// A batch is one SQLite transaction: all of it is stored or none. A process
// killed at any moment leaves every committed batch and no part of any
// other. A file that is not a chuangwen ledger, or one whose pages or events
// are damaged, is refused with an error that says so.
//
// Thread safety: a store is used by one thread at a time. Several processes
// may write one file: each write first folds what the others added, under
// SQLite's write lock, so checks always meet the latest state. Queries answer
// from the state as of this store's last write or opening.
#ifndef CHUANGWEN_LEDGER_STORE_H_
#define CHUANGWEN_LEDGER_STORE_H_

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "chuangwen/evidence.h"
#include "chuangwen/ledger.h"
#include "chuangwen/progress.h"

struct sqlite3;

namespace chuangwen {

struct LedgerStoreOptions {
  // fsync at every commit (SQLite synchronous=FULL), so that even a power
  // loss keeps committed batches. Off (NORMAL) still survives a crash of
  // the process.
  bool full_sync = true;
};

class LedgerStore {
 public:
  // Creates a new store at `path` bound to `campaign`, which must validate
  // without problems. Fails with Conflict if the file exists.
  static Status Create(const std::string& path, const v1::Campaign& campaign,
                       std::unique_ptr<LedgerStore>* out,
                       const LedgerStoreOptions& options = {});
  // Opens an existing store and rebuilds its state.
  static Status Open(const std::string& path, std::unique_ptr<LedgerStore>* out,
                     const LedgerStoreOptions& options = {});
  ~LedgerStore();
  LedgerStore(const LedgerStore&) = delete;
  LedgerStore& operator=(const LedgerStore&) = delete;

  // Checks and stores a batch, all or nothing (see Ledger::Append).
  Status Append(const std::vector<v1::LedgerEvent>& batch,
                std::vector<v1::LedgerEvent>* accepted = nullptr);
  // Puts a newer version of the campaign in force (see
  // Ledger::ReplaceCampaign) and records it with `reason`.
  Status ReplaceCampaign(const v1::Campaign& campaign,
                         const std::string& reason);

  // Stores evidence events (佐证资料) in the same file, all or nothing,
  // checked against the campaign in force (see EvidenceBook::Append).
  Status AppendEvidence(const std::vector<v1::EvidenceEvent>& batch);

  // Stores progress reports (工作进展) in the same file, all or nothing,
  // checked as ProgressBook::Append does with `today` as the latest date.
  Status AppendProgress(const std::vector<v1::ProgressReport>& batch,
                        const std::string& today);

  // The folded state and its queries.
  const Ledger& ledger() const { return *ledger_; }
  const EvidenceBook& evidence() const { return *evidence_; }
  // The campaign's inline reports and the stored ones.
  const ProgressBook& progress() const { return *progress_; }
  // One item's (or escalation's) state and events, read from the file.
  Status History(const std::string& item_id, v1::ItemHistory* out) const;
  // Campaign versions: 1 is the one the store was created with.
  int campaign_version() const { return campaign_version_; }

  // The whole log as length-delimited LedgerRecord messages: each campaign
  // version where it came into force, and every event, in order.
  Status Export(std::ostream* out) const;
  // Reads such a log into this store, which must hold no events yet; a
  // leading campaign identical to the store's is skipped. All or nothing.
  Status Import(std::istream* in);

  const std::string& path() const { return path_; }

 private:
  LedgerStore(std::string path, sqlite3* db);
  Status Load();
  // Reloads when another connection added events or campaign versions.
  Status CatchUp();
  // Checks and inserts a batch inside the open transaction; commits it
  // before the state in memory changes when `commit`.
  Status AppendWithin(const std::vector<v1::LedgerEvent>& batch,
                      std::vector<v1::LedgerEvent>* accepted, bool commit);
  Status InsertEvents(const std::vector<const v1::LedgerEvent*>& events,
                      const std::vector<std::string>& units);
  Status InsertCampaign(const v1::Campaign& campaign,
                        const std::string& reason);
  Status AppendEvidenceWithin(const std::vector<v1::EvidenceEvent>& batch,
                              bool commit);
  Status AppendProgressWithin(const std::vector<v1::ProgressReport>& batch,
                              const std::string& today, bool commit);

  std::string path_;
  sqlite3* db_;
  std::unique_ptr<Ledger> ledger_;
  std::unique_ptr<EvidenceBook> evidence_;
  std::unique_ptr<ProgressBook> progress_;
  int campaign_version_ = 0;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_LEDGER_STORE_H_
