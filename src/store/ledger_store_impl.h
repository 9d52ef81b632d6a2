// LedgerStore's state and the pieces its files share: the cursor of what has
// been folded from each stream, the campaign versions, and the inserts.
#ifndef CHUANGWEN_SRC_STORE_LEDGER_STORE_IMPL_H_
#define CHUANGWEN_SRC_STORE_LEDGER_STORE_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "chuangwen/ledger_store.h"
#include "store/sqlite.h"

namespace chuangwen {

struct LedgerStore::Impl {
  // The last record folded from each stream (seq), and versions seen.
  struct Cursor {
    int64_t campaigns = 0, events = 0, evidence = 0, progress = 0;
  };

  LedgerStoreOptions options;
  std::unique_ptr<internal::SqliteDb> db;
  std::unique_ptr<Books> books;
  // Version k is versions[k - 1]; null when it does not parse.
  std::vector<std::shared_ptr<const Campaign>> versions;
  Cursor cursor;
  std::vector<std::string> damage;

  // Folds every record added to any stream since the cursor; records that
  // do not fold are skipped and named in `damage`.
  Status Fold();
  // Under the write lock: folds what others added, then refuses to write
  // to a damaged file.
  Status PrepareWrite();

  static Status InsertCampaign(internal::SqliteDb* db,
                               const v1::Campaign& campaign, int64_t from_seq,
                               const std::string& reason,
                               const Campaign& model);
  Status InsertLedger(const std::vector<const v1::LedgerEvent*>& events,
                      const std::vector<std::string>& units,
                      const std::vector<Date>& dates, int version,
                      int64_t* last);
  Status InsertEvidence(const std::vector<v1::EvidenceEvent>& events,
                        const std::vector<Date>& dates, int version,
                        int64_t* last);
  Status InsertProgress(const std::vector<v1::ProgressReport>& reports,
                        int version, int64_t* last);
};

}  // namespace chuangwen

#endif  // CHUANGWEN_SRC_STORE_LEDGER_STORE_IMPL_H_
