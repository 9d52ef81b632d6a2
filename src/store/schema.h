// The ledger file's schema and its numbered migrations (PRAGMA user_version).
// A file written by an earlier release opens, migrates in one transaction
// and keeps its meaning; a file from a later release is refused.
#ifndef CHUANGWEN_SRC_STORE_SCHEMA_H_
#define CHUANGWEN_SRC_STORE_SCHEMA_H_

#include "store/sqlite.h"

namespace chuangwen::internal {

// 'CWLG': marks a SQLite file as a chuangwen ledger.
inline constexpr int kLedgerApplicationId = 0x43574C47;
// The version this library writes.
int LedgerSchemaVersion();

// Brings a file from its user_version (0: a new file) to the current one,
// under the write lock; does nothing when it is current.
Status MigrateLedgerSchema(SqliteDb* db);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_STORE_SCHEMA_H_
