// The durable books: one SQLite file (WAL mode) holding the campaign they
// belong to (every version in force, with when and why it was replaced) and
// one stream per book (ledger events, evidence events, progress reports),
// each record as protobuf beside its campaign version, its local date and
// indexed columns. Opening a store folds its streams again into exactly the
// state it had.
//
// A batch is one SQLite transaction: all of it is stored or none. A process
// killed at any moment leaves every committed batch and no part of any
// other. A record is committed only after it was checked and folded under
// the file's write lock against the latest state, so every committed record
// folds on the next open. A file that is not a chuangwen ledger, or one whose
// pages are damaged, is refused; a file holding records that do not fold
// (written outside chuangwen or by an earlier release) opens read-only, the
// state folded from every other record, and damage() names each one.
//
// Files written by earlier releases are migrated when opened (numbered
// schema versions); their events keep the dates they had.
//
// Thread safety: a store is used by one thread at a time. Several processes
// may write one file: each write first folds what the others added to every
// stream, under SQLite's write lock, so checks always meet the latest state.
// Queries answer from the state as of this store's last write, Refresh() or
// opening. A write that waits for the lock past the busy timeout fails with
// Busy and changes nothing: try again.
#ifndef CHUANGWEN_LEDGER_STORE_H_
#define CHUANGWEN_LEDGER_STORE_H_

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "chuangwen/books.h"

namespace chuangwen {

struct LedgerStoreOptions {
  // fsync at every commit (SQLite synchronous=FULL), so that even a power
  // loss keeps committed batches. Off (NORMAL) still survives a crash of
  // the process.
  bool full_sync = true;
  // How long a write waits for another process's write lock.
  int busy_timeout_ms = 5000;
  // Where "today" comes from (nullptr: the system clock).
  std::shared_ptr<const Clock> clock;
};

class LedgerStore {
 public:
  // Creates a new store at `path` bound to `campaign`, which must validate
  // without problems. The file appears complete or not at all; Conflict if
  // it exists (a file this call did not make is never removed).
  static Status Create(const std::string& path, const v1::Campaign& campaign,
                       std::unique_ptr<LedgerStore>* out,
                       const LedgerStoreOptions& options = {});
  // Opens an existing store, migrates it if it is older, and folds it.
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
  // Stores evidence events (佐证资料), all or nothing (EvidenceBook::Append).
  Status AppendEvidence(const std::vector<v1::EvidenceEvent>& batch);
  // Stores progress reports (工作进展), all or nothing, checked as
  // ProgressBook::Append does with `today` as the latest date ("" for no
  // limit; Books::campaign().TodayIso() is the campaign's today).
  Status AppendProgress(const std::vector<v1::ProgressReport>& batch,
                        const std::string& today);

  // Folds what other processes added since this store last looked.
  Status Refresh();

  // The folded state and its queries. References stay valid for the
  // store's life.
  const Books& books() const;
  const Ledger& ledger() const { return books().ledger(); }
  const EvidenceBook& evidence() const { return books().evidence(); }
  // The campaign's inline reports and the stored ones.
  const ProgressBook& progress() const { return books().progress(); }
  // One item's (or escalation's) state and events, read from the file.
  Status History(const std::string& item_id, v1::ItemHistory* out) const;
  // Campaign versions: 1 is the one the store was created with.
  int campaign_version() const { return books().campaign_version(); }

  // True when the file holds records that do not fold; writes then fail
  // with Conflict naming them.
  bool read_only() const;
  // One line per record that does not fold: which stream, which record,
  // and why.
  const std::vector<std::string>& damage() const;

  // The whole log as length-delimited LedgerRecord messages: each campaign
  // version where it came into force, and every event, in order, with its
  // recorded date.
  Status Export(std::ostream* out) const;
  // Reads such a log into this store, which must hold no events yet; a
  // leading campaign identical to the store's is skipped. All or nothing.
  Status Import(std::istream* in);

  const std::string& path() const;

 private:
  struct Impl;
  explicit LedgerStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_LEDGER_STORE_H_
