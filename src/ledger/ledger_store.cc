// The SQLite store of the ledger: schema, durable batches, replay on open,
// campaign versions, export and import of the log.
#include "chuangwen/ledger_store.h"

#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <istream>
#include <ostream>

namespace chuangwen {
namespace {

// 'CWLG': marks a SQLite file as a chuangwen ledger.
constexpr int kApplicationId = 0x43574C47;
constexpr int kSchemaVersion = 1;
constexpr size_t kReplayChunk = 4096;

const char kSchema[] = R"sql(
CREATE TABLE campaigns (
  version INTEGER PRIMARY KEY,
  from_seq INTEGER NOT NULL,      -- Events before it came into force.
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
)sql";

// Evidence events (佐证资料), folded apart from the ledger's, each under the
// campaign version in force when it was stored.
const char kEvidenceSchema[] = R"sql(
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

// One prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() const { return stmt_; }
  void Text(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_STATIC);
  }
  void Blob(int i, const std::string& s) {
    sqlite3_bind_blob(stmt_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_STATIC);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string_view ColumnBytes(int i) const {
    const void* p = sqlite3_column_blob(stmt_, i);
    int n = sqlite3_column_bytes(stmt_, i);
    return p == nullptr ? std::string_view()
                        : std::string_view(static_cast<const char*>(p),
                                           static_cast<size_t>(n));
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

Status SqlError(sqlite3* db, const std::string& path, const std::string& what) {
  const int code = sqlite3_errcode(db);
  std::string msg =
      "ledger '" + path + "': " + what + ": " + sqlite3_errmsg(db);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
    return Status::ParseError(
        msg + " (the file is damaged or not a chuangwen ledger)");
  }
  return Status::IOError(msg);
}

Status Exec(sqlite3* db, const std::string& path, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    return SqlError(db, path, std::string("cannot run ") + sql);
  return Status::OK();
}

Status PragmaInt(sqlite3* db, const std::string& path, const char* sql,
                 int64_t* out) {
  Statement st(db, sql);
  if (!st.ok() || st.Step() != SQLITE_ROW)
    return SqlError(db, path, "cannot read the file");
  *out = sqlite3_column_int64(st.get(), 0);
  return Status::OK();
}

Status Configure(sqlite3* db, const std::string& path,
                 const LedgerStoreOptions& options) {
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 0);
  Statement wal(db, "PRAGMA journal_mode=WAL");
  if (!wal.ok() || wal.Step() != SQLITE_ROW)
    return SqlError(db, path, "cannot switch to WAL mode");
  // A larger page cache keeps the indexes' pages in memory between batches.
  CW_RETURN_IF_ERROR(Exec(db, path, "PRAGMA cache_size=-65536"));
  return Exec(db, path,
              options.full_sync ? "PRAGMA synchronous=FULL"
                                : "PRAGMA synchronous=NORMAL");
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::string NowUtc() {
  time_t t = time(nullptr);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The owned connection until a store takes it.
struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;

Status OpenDb(const std::string& path, int flags, DbHandle* out) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  out->reset(db);
  if (rc != SQLITE_OK) {
    return Status::IOError("ledger '" + path + "': cannot open: " +
                           (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  return Status::OK();
}

}  // namespace

LedgerStore::LedgerStore(std::string path, sqlite3* db)
    : path_(std::move(path)), db_(db) {}

LedgerStore::~LedgerStore() { sqlite3_close(db_); }

Status LedgerStore::Create(const std::string& path,
                           const v1::Campaign& campaign,
                           std::unique_ptr<LedgerStore>* out,
                           const LedgerStoreOptions& options) {
  if (FileExists(path))
    return Status::Conflict("ledger '" + path + "' already exists");
  std::shared_ptr<const Campaign> model = Campaign::Build(campaign);
  if (!model->valid()) {
    const v1::Problem& p = model->problems().problems(0);
    return Status::InvalidArgument(
        "campaign '" + campaign.id() + "' has " +
        std::to_string(model->problems().problems_size()) +
        " validation problem(s); the first: " + p.location() + ": " +
        p.message());
  }
  DbHandle db;
  CW_RETURN_IF_ERROR(
      OpenDb(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db));
  // Larger pages: fewer WAL frames (one write each) per committed batch.
  Status s = Exec(db.get(), path, "PRAGMA page_size=16384");
  if (s.ok()) s = Configure(db.get(), path, options);
  if (s.ok()) s = Exec(db.get(), path, "BEGIN IMMEDIATE");
  if (s.ok()) s = Exec(db.get(), path, kSchema);
  if (s.ok()) s = Exec(db.get(), path, kEvidenceSchema);
  if (s.ok()) {
    const std::string pragmas =
        "PRAGMA application_id=" + std::to_string(kApplicationId) +
        "; PRAGMA user_version=" + std::to_string(kSchemaVersion);
    s = Exec(db.get(), path, pragmas.c_str());
  }
  std::unique_ptr<LedgerStore> store(new LedgerStore(path, db.release()));
  LedgerOptions lo;
  lo.keep_events = false;
  store->ledger_ = std::make_unique<Ledger>(model, lo);
  store->evidence_ = std::make_unique<EvidenceBook>(model);
  store->progress_ = std::make_unique<ProgressBook>(model);
  if (s.ok()) {
    s = store->progress_
            ->Append({campaign.progress().begin(), campaign.progress().end()},
                     "")
            .WithContext("the campaign's progress reports");
  }
  if (s.ok()) s = store->InsertCampaign(campaign, "created");
  if (s.ok()) s = Exec(store->db_, path, "COMMIT");
  if (!s.ok()) {
    store.reset();
    ::remove(path.c_str());
    ::remove((path + "-wal").c_str());
    ::remove((path + "-shm").c_str());
    return s;
  }
  store->campaign_version_ = 1;
  *out = std::move(store);
  return Status::OK();
}

Status LedgerStore::Open(const std::string& path,
                         std::unique_ptr<LedgerStore>* out,
                         const LedgerStoreOptions& options) {
  if (!FileExists(path))
    return Status::NotFound("ledger '" + path + "' does not exist");
  DbHandle db;
  CW_RETURN_IF_ERROR(OpenDb(path, SQLITE_OPEN_READWRITE, &db));
  int64_t app = 0, version = 0;
  CW_RETURN_IF_ERROR(PragmaInt(db.get(), path, "PRAGMA application_id", &app));
  if (app != kApplicationId) {
    return Status::ParseError("ledger '" + path +
                              "' is not a chuangwen ledger (a SQLite file of "
                              "another application)");
  }
  CW_RETURN_IF_ERROR(
      PragmaInt(db.get(), path, "PRAGMA user_version", &version));
  if (version != kSchemaVersion) {
    return Status::ParseError(
        "ledger '" + path + "' has schema version " + std::to_string(version) +
        "; this library reads " + std::to_string(kSchemaVersion));
  }
  CW_RETURN_IF_ERROR(Configure(db.get(), path, options));
  // Files from before evidence was kept gain its table.
  CW_RETURN_IF_ERROR(Exec(db.get(), path, kEvidenceSchema));
  std::unique_ptr<LedgerStore> store(new LedgerStore(path, db.release()));
  CW_RETURN_IF_ERROR(store->Load());
  *out = std::move(store);
  return Status::OK();
}

// Folds the log again: each campaign version comes into force before the
// event it names.
Status LedgerStore::Load() {
  struct Version {
    int64_t from_seq;
    std::shared_ptr<const Campaign> campaign;
  };
  std::vector<Version> versions;
  {
    Statement st(db_,
                 "SELECT version, from_seq, campaign FROM campaigns ORDER BY "
                 "version");
    if (!st.ok()) return SqlError(db_, path_, "cannot read campaigns");
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      v1::Campaign c;
      std::string_view bytes = st.ColumnBytes(2);
      if (!c.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return Status::ParseError(
            "ledger '" + path_ + "': campaign version " +
            std::to_string(sqlite3_column_int64(st.get(), 0)) +
            " does not parse (the file is damaged)");
      }
      versions.push_back(
          {sqlite3_column_int64(st.get(), 1), Campaign::Build(std::move(c))});
    }
    if (rc != SQLITE_DONE) return SqlError(db_, path_, "cannot read campaigns");
  }
  if (versions.empty() || versions[0].from_seq != 0) {
    return Status::ParseError("ledger '" + path_ +
                              "' has no campaign (the file is damaged)");
  }
  LedgerOptions lo;
  lo.keep_events = false;
  ledger_ = std::make_unique<Ledger>(versions[0].campaign, lo);
  size_t next_version = 1;
  Statement st(db_, "SELECT seq, event FROM events ORDER BY seq");
  if (!st.ok()) return SqlError(db_, path_, "cannot read events");
  std::vector<v1::LedgerEvent> chunk(kReplayChunk);
  size_t filled = 0;
  int64_t expected_seq = 1;
  auto flush = [&]() -> Status {
    if (filled == 0) return Status::OK();
    chunk.resize(filled);
    Status s = ledger_->Replay(chunk);
    chunk.resize(kReplayChunk);
    filled = 0;
    if (!s.ok()) {
      return Status::ParseError(
          "ledger '" + path_ + "': a stored event does not fold (" +
          s.message() + "); the file was changed outside chuangwen");
    }
    return Status::OK();
  };
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    const int64_t seq = sqlite3_column_int64(st.get(), 0);
    if (seq != expected_seq) {
      return Status::ParseError("ledger '" + path_ + "': event " +
                                std::to_string(expected_seq) +
                                " is missing (the file is damaged)");
    }
    ++expected_seq;
    if (next_version < versions.size() &&
        versions[next_version].from_seq == seq - 1) {
      CW_RETURN_IF_ERROR(flush());
      Status s = ledger_->ReplaceCampaign(versions[next_version].campaign);
      if (!s.ok()) {
        return Status::ParseError("ledger '" + path_ + "': campaign version " +
                                  std::to_string(next_version + 1) +
                                  " cannot be in force: " + s.message());
      }
      ++next_version;
    }
    std::string_view bytes = st.ColumnBytes(1);
    if (!chunk[filled].ParseFromArray(bytes.data(),
                                      static_cast<int>(bytes.size()))) {
      return Status::ParseError("ledger '" + path_ + "': event " +
                                std::to_string(seq) +
                                " does not parse (the file is damaged)");
    }
    if (++filled == kReplayChunk) CW_RETURN_IF_ERROR(flush());
  }
  if (rc != SQLITE_DONE) return SqlError(db_, path_, "cannot read events");
  CW_RETURN_IF_ERROR(flush());
  for (; next_version < versions.size(); ++next_version) {
    Status s = ledger_->ReplaceCampaign(versions[next_version].campaign);
    if (!s.ok()) {
      return Status::ParseError("ledger '" + path_ + "': campaign version " +
                                std::to_string(next_version + 1) +
                                " cannot be in force: " + s.message());
    }
  }
  campaign_version_ = static_cast<int>(versions.size());
  // Evidence, each event under the campaign version it was stored with.
  evidence_ = std::make_unique<EvidenceBook>(versions[0].campaign);
  Statement ev(
      db_,
      "SELECT seq, campaign_version, event FROM evidence_events ORDER BY seq");
  if (!ev.ok()) return SqlError(db_, path_, "cannot read evidence");
  int erc;
  while ((erc = ev.Step()) == SQLITE_ROW) {
    const int64_t version = sqlite3_column_int64(ev.get(), 1);
    if (version < 1 || version > static_cast<int64_t>(versions.size())) {
      return Status::ParseError(
          "ledger '" + path_ + "': evidence event " +
          std::to_string(sqlite3_column_int64(ev.get(), 0)) +
          " names campaign version " + std::to_string(version) +
          " (the file is damaged)");
    }
    evidence_->ReplaceCampaign(
        versions[static_cast<size_t>(version - 1)].campaign);
    v1::EvidenceEvent e;
    std::string_view bytes = ev.ColumnBytes(2);
    if (!e.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      return Status::ParseError(
          "ledger '" + path_ + "': evidence event " +
          std::to_string(sqlite3_column_int64(ev.get(), 0)) +
          " does not parse (the file is damaged)");
    }
    Status s = evidence_->Append({e});
    if (!s.ok()) {
      return Status::ParseError(
          "ledger '" + path_ + "': a stored evidence event does not fold (" +
          s.message() + "); the file was changed outside chuangwen");
    }
  }
  if (erc != SQLITE_DONE) return SqlError(db_, path_, "cannot read evidence");
  evidence_->ReplaceCampaign(versions.back().campaign);
  // Progress: the first campaign's inline reports, then the stored ones,
  // each under the campaign version it was stored with.
  progress_ = std::make_unique<ProgressBook>(versions[0].campaign);
  const auto& inline_reports = versions[0].campaign->proto().progress();
  CW_RETURN_IF_ERROR(
      progress_->Append({inline_reports.begin(), inline_reports.end()}, "")
          .WithContext("ledger '" + path_ +
                       "': the campaign's progress reports"));
  Statement pr(db_,
               "SELECT seq, campaign_version, report FROM progress_reports "
               "ORDER BY seq");
  if (!pr.ok()) return SqlError(db_, path_, "cannot read progress reports");
  int prc;
  while ((prc = pr.Step()) == SQLITE_ROW) {
    const int64_t version = sqlite3_column_int64(pr.get(), 1);
    if (version < 1 || version > static_cast<int64_t>(versions.size())) {
      return Status::ParseError(
          "ledger '" + path_ + "': progress report " +
          std::to_string(sqlite3_column_int64(pr.get(), 0)) +
          " names campaign version " + std::to_string(version) +
          " (the file is damaged)");
    }
    progress_->ReplaceCampaign(
        versions[static_cast<size_t>(version - 1)].campaign);
    v1::ProgressReport r;
    std::string_view bytes = pr.ColumnBytes(2);
    if (!r.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      return Status::ParseError(
          "ledger '" + path_ + "': progress report " +
          std::to_string(sqlite3_column_int64(pr.get(), 0)) +
          " does not parse (the file is damaged)");
    }
    Status s = progress_->Append({r}, "");
    if (!s.ok()) {
      return Status::ParseError(
          "ledger '" + path_ + "': a stored progress report does not fold (" +
          s.message() + "); the file was changed outside chuangwen");
    }
  }
  if (prc != SQLITE_DONE)
    return SqlError(db_, path_, "cannot read progress reports");
  progress_->ReplaceCampaign(versions.back().campaign);
  return Status::OK();
}

Status LedgerStore::AppendProgress(const std::vector<v1::ProgressReport>& batch,
                                   const std::string& today) {
  CW_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  Status s = CatchUp();
  if (s.ok()) s = AppendProgressWithin(batch, today, true);
  if (!s.ok() && !sqlite3_get_autocommit(db_))
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return s;
}

Status LedgerStore::AppendProgressWithin(
    const std::vector<v1::ProgressReport>& batch, const std::string& today,
    bool commit) {
  ProgressBook check =
      *progress_;  // The book changes once the file has the batch.
  CW_RETURN_IF_ERROR(check.Append(batch, today));
  Statement st(db_,
               "INSERT INTO progress_reports (id, target_id, unit_id, date, "
               "campaign_version, report) VALUES (?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return SqlError(db_, path_, "cannot store progress reports");
  std::string bytes;
  for (const v1::ProgressReport& r : batch) {
    r.SerializeToString(&bytes);
    st.Text(1, r.id());
    st.Text(2, r.target_id());
    st.Text(3, r.unit_id());
    st.Text(4, r.date());
    st.Int(5, campaign_version_);
    st.Blob(6, bytes);
    if (st.Step() != SQLITE_DONE)
      return SqlError(db_, path_,
                      "cannot store progress report '" + r.id() + "'");
    st.Reset();
  }
  if (commit) CW_RETURN_IF_ERROR(Exec(db_, path_, "COMMIT"));
  *progress_ = std::move(check);
  return Status::OK();
}

Status LedgerStore::AppendEvidence(
    const std::vector<v1::EvidenceEvent>& batch) {
  CW_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  Status s = CatchUp();
  if (s.ok()) s = AppendEvidenceWithin(batch, true);
  if (!s.ok() && !sqlite3_get_autocommit(db_))
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return s;
}

Status LedgerStore::AppendEvidenceWithin(
    const std::vector<v1::EvidenceEvent>& batch, bool commit) {
  // Check on a copy first: the book changes only once the file has the batch.
  EvidenceBook check = *evidence_;
  CW_RETURN_IF_ERROR(check.Append(batch));
  Statement st(db_,
               "INSERT INTO evidence_events (id, task_id, at, kind, actor, "
               "campaign_version, event) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return SqlError(db_, path_, "cannot store evidence");
  std::string bytes;
  for (const v1::EvidenceEvent& e : batch) {
    e.SerializeToString(&bytes);
    std::string task;
    if (e.has_submit()) {
      for (const v1::EvidenceRequirement& r :
           ledger_->campaign().proto().evidence_requirements())
        if (r.id() == e.submit().requirement_id()) task = r.task_id();
    }
    st.Text(1, e.id());
    st.Text(2, task);
    st.Text(3, e.at());
    st.Int(4, e.kind_case());
    st.Text(5, e.actor());
    st.Int(6, campaign_version_);
    st.Blob(7, bytes);
    if (st.Step() != SQLITE_DONE)
      return SqlError(db_, path_,
                      "cannot store evidence event '" + e.id() + "'");
    st.Reset();
  }
  if (commit) CW_RETURN_IF_ERROR(Exec(db_, path_, "COMMIT"));
  *evidence_ = std::move(check);
  return Status::OK();
}

Status LedgerStore::InsertCampaign(const v1::Campaign& campaign,
                                   const std::string& reason) {
  Statement st(
      db_,
      "INSERT INTO campaigns (from_seq, replaced_at, reason, campaign) "
      "VALUES (?, ?, ?, ?)");
  if (!st.ok()) return SqlError(db_, path_, "cannot record the campaign");
  std::string bytes;
  campaign.SerializeToString(&bytes);
  st.Int(1, static_cast<int64_t>(ledger_->event_count()));
  std::string now = NowUtc();
  st.Text(2, now);
  st.Text(3, reason);
  st.Blob(4, bytes);
  if (st.Step() != SQLITE_DONE)
    return SqlError(db_, path_, "cannot record the campaign");
  return Status::OK();
}

Status LedgerStore::InsertEvents(
    const std::vector<const v1::LedgerEvent*>& events,
    const std::vector<std::string>& units) {
  Statement st(db_,
               "INSERT INTO events (id, item_id, unit_id, at, kind, actor, "
               "event) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return SqlError(db_, path_, "cannot store events");
  std::string bytes;
  for (size_t i = 0; i < events.size(); ++i) {
    const v1::LedgerEvent& e = *events[i];
    e.SerializeToString(&bytes);
    st.Text(1, e.id());
    st.Text(2, e.item_id());
    st.Text(3, units[i]);
    st.Text(4, e.at());
    st.Int(5, e.kind_case());
    st.Text(6, e.actor());
    st.Blob(7, bytes);
    if (st.Step() != SQLITE_DONE)
      return SqlError(db_, path_, "cannot store event '" + e.id() + "'");
    st.Reset();
  }
  return Status::OK();
}

Status LedgerStore::AppendWithin(const std::vector<v1::LedgerEvent>& batch,
                                 std::vector<v1::LedgerEvent>* accepted,
                                 bool commit) {
  // The commit happens inside the ledger's persist step, so that the state
  // in memory changes only once the file has the batch.
  Ledger::Persist persist =
      [&](const std::vector<const v1::LedgerEvent*>& events,
          const std::vector<std::string>& units) {
        CW_RETURN_IF_ERROR(InsertEvents(events, units));
        return commit ? Exec(db_, path_, "COMMIT") : Status::OK();
      };
  return ledger_->Apply(batch, true, accepted, &persist);
}

Status LedgerStore::CatchUp() {
  Statement st(db_,
               "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events), "
               "(SELECT COUNT(*) FROM campaigns)");
  if (!st.ok() || st.Step() != SQLITE_ROW)
    return SqlError(db_, path_, "cannot read the file");
  if (static_cast<uint64_t>(sqlite3_column_int64(st.get(), 0)) !=
          ledger_->event_count() ||
      sqlite3_column_int64(st.get(), 1) != campaign_version_) {
    return Load();
  }
  return Status::OK();
}

Status LedgerStore::Append(const std::vector<v1::LedgerEvent>& batch,
                           std::vector<v1::LedgerEvent>* accepted) {
  CW_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  // Under the write lock: fold what other processes added since.
  Status s = CatchUp();
  if (s.ok()) s = AppendWithin(batch, accepted, true);
  if (!s.ok() && !sqlite3_get_autocommit(db_)) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  return s;
}

Status LedgerStore::ReplaceCampaign(const v1::Campaign& campaign,
                                    const std::string& reason) {
  if (reason.empty())
    return Status::InvalidArgument("replacing the campaign needs a reason");
  std::shared_ptr<const Campaign> model = Campaign::Build(campaign);
  CW_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  Status s = CatchUp();
  if (s.ok()) s = ledger_->CheckCampaign(*model);
  if (s.ok()) s = InsertCampaign(campaign, reason);
  if (s.ok()) s = Exec(db_, path_, "COMMIT");
  if (!s.ok()) {
    if (!sqlite3_get_autocommit(db_))
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  ++campaign_version_;
  evidence_->ReplaceCampaign(model);
  progress_->ReplaceCampaign(model);
  return ledger_->ReplaceCampaign(model);
}

Status LedgerStore::History(const std::string& item_id,
                            v1::ItemHistory* out) const {
  out->Clear();
  std::vector<uint64_t> positions;
  CW_RETURN_IF_ERROR(ledger_->EventPositions(item_id, &positions));
  v1::LedgerItem item;
  if (ledger_->Item(item_id, &item).ok()) *out->mutable_item() = item;
  Statement st(db_,
               "SELECT seq, event FROM events WHERE item_id = ? ORDER BY seq");
  if (!st.ok()) return SqlError(db_, path_, "cannot read events");
  st.Text(1, item_id);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    std::string_view bytes = st.ColumnBytes(1);
    if (!out->add_events()->ParseFromArray(bytes.data(),
                                           static_cast<int>(bytes.size()))) {
      return Status::ParseError(
          "ledger '" + path_ + "': event " +
          std::to_string(sqlite3_column_int64(st.get(), 0)) +
          " does not parse (the file is damaged)");
    }
  }
  if (rc != SQLITE_DONE) return SqlError(db_, path_, "cannot read events");
  return Status::OK();
}

Status LedgerStore::Export(std::ostream* out) const {
  Statement campaigns(db_,
                      "SELECT from_seq, reason, campaign FROM campaigns ORDER "
                      "BY version");
  Statement events(db_, "SELECT seq, event FROM events ORDER BY seq");
  if (!campaigns.ok() || !events.ok())
    return SqlError(db_, path_, "cannot read the log");
  v1::LedgerRecord record;
  auto write = [&]() -> Status {
    if (!google::protobuf::util::SerializeDelimitedToOstream(record, out))
      return Status::IOError("cannot write the exported log");
    return Status::OK();
  };
  Statement evidence(db_,
                     "SELECT seq, campaign_version, event FROM evidence_events "
                     "ORDER BY campaign_version, seq");
  if (!evidence.ok()) return SqlError(db_, path_, "cannot read evidence");
  int vrc = evidence.Step();
  Statement progress(
      db_,
      "SELECT seq, campaign_version, report FROM progress_reports "
      "ORDER BY campaign_version, seq");
  if (!progress.ok())
    return SqlError(db_, path_, "cannot read progress reports");
  int prc = progress.Step();
  int version = 0;  // The campaign version last written.
  // Evidence stored under versions up to `v`, before version v + 1.
  auto write_evidence_up_to = [&](int64_t v) -> Status {
    while (vrc == SQLITE_ROW && sqlite3_column_int64(evidence.get(), 1) <= v) {
      record.Clear();
      std::string_view bytes = evidence.ColumnBytes(2);
      if (!record.mutable_evidence()->ParseFromArray(
              bytes.data(), static_cast<int>(bytes.size()))) {
        return Status::ParseError(
            "ledger '" + path_ + "': evidence event " +
            std::to_string(sqlite3_column_int64(evidence.get(), 0)) +
            " does not parse (the file is damaged)");
      }
      CW_RETURN_IF_ERROR(write());
      vrc = evidence.Step();
    }
    while (prc == SQLITE_ROW && sqlite3_column_int64(progress.get(), 1) <= v) {
      record.Clear();
      std::string_view bytes = progress.ColumnBytes(2);
      if (!record.mutable_progress()->ParseFromArray(
              bytes.data(), static_cast<int>(bytes.size()))) {
        return Status::ParseError(
            "ledger '" + path_ + "': progress report " +
            std::to_string(sqlite3_column_int64(progress.get(), 0)) +
            " does not parse (the file is damaged)");
      }
      CW_RETURN_IF_ERROR(write());
      prc = progress.Step();
    }
    return Status::OK();
  };
  int crc = campaigns.Step();
  int erc;
  int64_t written = 0;
  auto write_campaigns_up_to = [&](int64_t seq) -> Status {
    while (crc == SQLITE_ROW &&
           sqlite3_column_int64(campaigns.get(), 0) <= seq) {
      CW_RETURN_IF_ERROR(write_evidence_up_to(version));
      ++version;
      record.Clear();
      std::string_view bytes = campaigns.ColumnBytes(2);
      if (!record.mutable_campaign()->ParseFromArray(
              bytes.data(), static_cast<int>(bytes.size()))) {
        return Status::ParseError("ledger '" + path_ +
                                  "': a stored campaign does not parse");
      }
      record.set_reason(reinterpret_cast<const char*>(
          sqlite3_column_text(campaigns.get(), 1)));
      CW_RETURN_IF_ERROR(write());
      crc = campaigns.Step();
    }
    return Status::OK();
  };
  while ((erc = events.Step()) == SQLITE_ROW) {
    CW_RETURN_IF_ERROR(write_campaigns_up_to(written));
    record.Clear();
    std::string_view bytes = events.ColumnBytes(1);
    if (!record.mutable_event()->ParseFromArray(
            bytes.data(), static_cast<int>(bytes.size()))) {
      return Status::ParseError(
          "ledger '" + path_ + "': event " +
          std::to_string(sqlite3_column_int64(events.get(), 0)) +
          " does not parse (the file is damaged)");
    }
    CW_RETURN_IF_ERROR(write());
    ++written;
  }
  if (erc != SQLITE_DONE) return SqlError(db_, path_, "cannot read events");
  CW_RETURN_IF_ERROR(write_campaigns_up_to(INT64_MAX));
  CW_RETURN_IF_ERROR(write_evidence_up_to(INT64_MAX));
  out->flush();
  if (!*out) return Status::IOError("cannot write the exported log");
  return Status::OK();
}

Status LedgerStore::Import(std::istream* in) {
  if (ledger_->event_count() != 0 || !evidence_->events().empty() ||
      progress_->reports().size() !=
          static_cast<size_t>(ledger_->campaign().proto().progress_size())) {
    return Status::Conflict("ledger '" + path_ + "' already holds " +
                            std::to_string(ledger_->event_count()) +
                            " events; import needs an empty store");
  }
  const int version_before = campaign_version_;
  CW_RETURN_IF_ERROR(Exec(db_, path_, "BEGIN IMMEDIATE"));
  google::protobuf::io::IstreamInputStream stream(in);
  std::vector<v1::LedgerEvent> chunk;
  std::string current;
  ledger_->campaign().proto().SerializeToString(&current);
  size_t count = 0;
  bool leading = true;
  Status s = [&]() -> Status {
    for (;;) {
      v1::LedgerRecord record;
      bool clean_eof = false;
      if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(
              &record, &stream, &clean_eof)) {
        if (clean_eof) break;
        return Status::ParseError("imported log: record " +
                                  std::to_string(count + 1) +
                                  " does not parse");
      }
      ++count;
      if (record.has_campaign()) {
        if (!chunk.empty()) {
          CW_RETURN_IF_ERROR(AppendWithin(chunk, nullptr, false));
          chunk.clear();
        }
        std::string bytes;
        record.campaign().SerializeToString(&bytes);
        if (leading && bytes == current) continue;
        std::shared_ptr<const Campaign> model =
            Campaign::Build(record.campaign());
        Status c = ledger_->CheckCampaign(*model);
        if (!c.ok()) {
          return Status::InvalidArgument("imported log: record " +
                                         std::to_string(count) + ": " +
                                         c.message());
        }
        CW_RETURN_IF_ERROR(InsertCampaign(
            record.campaign(),
            record.reason().empty() ? "imported" : record.reason()));
        CW_RETURN_IF_ERROR(ledger_->ReplaceCampaign(model));
        evidence_->ReplaceCampaign(model);
        progress_->ReplaceCampaign(model);
        ++campaign_version_;
        continue;
      }
      leading = false;
      if (record.has_progress()) {
        if (!chunk.empty()) {
          CW_RETURN_IF_ERROR(AppendWithin(chunk, nullptr, false));
          chunk.clear();
        }
        CW_RETURN_IF_ERROR(
            AppendProgressWithin({record.progress()}, "", false));
        continue;
      }
      if (record.has_evidence()) {
        if (!chunk.empty()) {
          CW_RETURN_IF_ERROR(AppendWithin(chunk, nullptr, false));
          chunk.clear();
        }
        CW_RETURN_IF_ERROR(AppendEvidenceWithin({record.evidence()}, false));
        continue;
      }
      if (!record.has_event()) {
        return Status::ParseError("imported log: record " +
                                  std::to_string(count) + " is empty");
      }
      chunk.push_back(std::move(*record.mutable_event()));
      if (chunk.size() == kReplayChunk) {
        CW_RETURN_IF_ERROR(AppendWithin(chunk, nullptr, false));
        chunk.clear();
      }
    }
    if (!chunk.empty()) CW_RETURN_IF_ERROR(AppendWithin(chunk, nullptr, false));
    return Exec(db_, path_, "COMMIT");
  }();
  if (!s.ok()) {
    if (!sqlite3_get_autocommit(db_))
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    campaign_version_ = version_before;
    Status reload = Load();  // Back to the state in the file.
    if (!reload.ok()) return reload;
  }
  return s;
}

}  // namespace chuangwen
