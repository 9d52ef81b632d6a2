#include "store/schema.h"

#include <string>

namespace chuangwen::internal {
namespace {

// The evidence and progress tables came within schema version 1: files of
// that version may lack them.
const char kStreamTables[] = R"sql(
CREATE TABLE IF NOT EXISTS evidence_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL,
  at TEXT NOT NULL,
  kind INTEGER NOT NULL,
  actor TEXT NOT NULL,
  campaign_version INTEGER NOT NULL,
  event BLOB NOT NULL             -- chuangwen.v1.EvidenceEvent.
);
CREATE INDEX IF NOT EXISTS evidence_by_task ON evidence_events (task_id, at);
CREATE TABLE IF NOT EXISTS progress_reports (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  target_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  date TEXT NOT NULL,
  campaign_version INTEGER NOT NULL,
  report BLOB NOT NULL            -- chuangwen.v1.ProgressReport.
);
CREATE INDEX IF NOT EXISTS progress_by_target ON progress_reports (target_id, date);
)sql";

struct Migration {
  int version;  // user_version once applied.
  const char* sql;
};

// Never edit a migration that has shipped: add the next one.
const Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE campaigns (
  version INTEGER PRIMARY KEY,
  from_seq INTEGER NOT NULL,      -- Ledger events before it came into force.
  replaced_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  campaign BLOB NOT NULL          -- chuangwen.v1.Campaign.
);
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,        -- 1, 2, 3 … in append order.
  id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  at TEXT NOT NULL,
  kind INTEGER NOT NULL,          -- LedgerEvent's oneof field number.
  actor TEXT NOT NULL,
  event BLOB NOT NULL             -- chuangwen.v1.LedgerEvent.
);
CREATE INDEX events_by_item ON events (item_id);
CREATE INDEX events_by_unit ON events (unit_id, at);
CREATE INDEX events_by_time ON events (at);
CREATE INDEX events_by_kind ON events (kind);
)sql"},
    // Every stream names the campaign version it was recorded under and the
    // event's local date. Events recorded under version 1 were dated by the
    // first ten characters of `at`, and keep that date.
    {2, R"sql(
ALTER TABLE events ADD COLUMN date TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN campaign_version INTEGER NOT NULL DEFAULT 1;
UPDATE events SET date = substr(at, 1, 10),
  campaign_version = (SELECT MAX(version) FROM campaigns
                      WHERE campaigns.from_seq < events.seq);
ALTER TABLE evidence_events ADD COLUMN date TEXT NOT NULL DEFAULT '';
UPDATE evidence_events SET date = substr(at, 1, 10);
)sql"},
};

}  // namespace

int LedgerSchemaVersion() {
  return kMigrations[sizeof kMigrations / sizeof kMigrations[0] - 1].version;
}

Status MigrateLedgerSchema(SqliteDb* db) {
  int64_t version = 0;
  CW_RETURN_IF_ERROR(db->QueryInt("PRAGMA user_version", &version));
  if (version == LedgerSchemaVersion()) return Status::OK();
  if (version > LedgerSchemaVersion()) {
    return Status::ParseError(
        "ledger '" + db->path() + "' has schema version " +
        std::to_string(version) + ", written by a later release; this library "
        "reads versions up to " + std::to_string(LedgerSchemaVersion()));
  }
  WriteTransaction txn(db);
  CW_RETURN_IF_ERROR(txn.status());
  // Another process may have migrated it while this one waited.
  CW_RETURN_IF_ERROR(db->QueryInt("PRAGMA user_version", &version));
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    if (m.version == 2) CW_RETURN_IF_ERROR(db->Exec(kStreamTables));
    CW_RETURN_IF_ERROR(db->Exec(m.sql).WithContext(
        "migrating to schema version " + std::to_string(m.version)));
  }
  const std::string pragmas =
      "PRAGMA application_id=" + std::to_string(kLedgerApplicationId) +
      "; PRAGMA user_version=" + std::to_string(LedgerSchemaVersion());
  CW_RETURN_IF_ERROR(db->Exec(pragmas.c_str()));
  return txn.Commit();
}

}  // namespace chuangwen::internal
