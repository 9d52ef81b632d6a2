// Books whose log an integrator keeps in its own database (OA clusters).
//
// Several application servers over one database (达梦, 人大金仓, openGauss,
// PostgreSQL, MySQL) cannot share a SQLite file. Each server keeps a
// LedgerLog: the books in memory, folded from the records the database
// holds, each record with its sequence number (1, 2, 3 …; record 1 is the
// campaign). To write, a server
//   1. catches up: CatchUp(records with sequence > sequence()),
//   2. prepares its batch: Prepare(append with expected_sequence =
//      sequence()) checks it against that state and returns the records to
//      store, numbered from sequence() + 1, without changing the state,
//   3. stores them in one database transaction that fails if any of those
//      sequence numbers is taken (a primary key on the sequence), and
//   4. folds them with CatchUp; if another server stored first, step 3
//      fails: catch up and prepare again (optimistic concurrency).
// State changes only by CatchUp, so every server's state is the fold of a
// prefix of one log: servers converge, and nothing is applied twice.
//
// Thread safety: one thread at a time per log.
#ifndef CHUANGWEN_LEDGER_LOG_H_
#define CHUANGWEN_LEDGER_LOG_H_

#include <cstdint>
#include <memory>

#include "chuangwen/books.h"
#include "chuangwen/v1/ledger.pb.h"

namespace chuangwen {

class LedgerLog {
 public:
  // A new log over `campaign` (which must validate): `*first` is its record
  // 1, to store before anything else.
  static Status Create(const v1::Campaign& campaign,
                       std::unique_ptr<LedgerLog>* out,
                       v1::LedgerRecordBatch* first,
                       std::shared_ptr<const Clock> clock = nullptr);
  // The books folded from a log's records (from sequence 1 on).
  static Status Open(const v1::LedgerRecordBatch& records,
                     std::unique_ptr<LedgerLog>* out,
                     std::shared_ptr<const Clock> clock = nullptr);

  // Folds records stored after sequence(): those at or before it are
  // skipped, the rest must follow on without a gap. In order: on a record
  // that does not fold (InvalidArgument naming it, or the book's own error)
  // the records before it stay folded and sequence() says how far.
  Status CatchUp(const v1::LedgerRecordBatch& records);
  // Checks `append` against the state after record
  // `append.expected_sequence()` (Conflict if this log is elsewhere: catch up
  // first) and returns the records to store, numbered on from there. The
  // state does not change.
  Status Prepare(const v1::LogAppend& append, v1::LedgerRecordBatch* out);

  // The last record folded.
  uint64_t sequence() const { return sequence_; }
  const Books& books() const { return *books_; }

 private:
  LedgerLog() = default;
  Status Fold(const v1::LedgerRecord& record);

  std::shared_ptr<const Clock> clock_;
  std::unique_ptr<Books> books_;
  uint64_t sequence_ = 0;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_LEDGER_LOG_H_
