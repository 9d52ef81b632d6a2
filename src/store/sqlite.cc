#include "store/sqlite.h"

namespace chuangwen::internal {

Status SqliteDb::Open(const std::string& path, int flags, int busy_timeout_ms,
                      std::unique_ptr<SqliteDb>* out) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Status::IOError("ledger '" + path + "': cannot open: " +
                               (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  out->reset(new SqliteDb(path, db));
  return Status::OK();
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Error(const std::string& what) const {
  const int code = sqlite3_errcode(db_) & 0xFF;
  std::string msg = "ledger '" + path_ + "': " + what + ": " +
                    sqlite3_errmsg(db_);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
    return Status::ParseError(
        msg + " (the file is damaged or not a chuangwen ledger)");
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Status::Busy(msg +
                        " (another process holds the file's write lock; "
                        "try again)");
  }
  return Status::IOError(msg);
}

Status SqliteDb::Exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    return Error(std::string("cannot run ") + sql);
  return Status::OK();
}

Status SqliteDb::QueryInt(const char* sql, int64_t* out) {
  Statement st(*this, sql);
  if (!st.ok() || st.Step() != SQLITE_ROW) return Error("cannot read the file");
  *out = st.ColumnInt(0);
  return Status::OK();
}

Statement::Statement(const SqliteDb& db, const char* sql) {
  rc_ = sqlite3_prepare_v2(db.get(), sql, -1, &stmt_, nullptr);
}

std::string_view Statement::ColumnBytes(int i) const {
  const void* p = sqlite3_column_blob(stmt_, i);
  const int n = sqlite3_column_bytes(stmt_, i);
  return p == nullptr ? std::string_view()
                      : std::string_view(static_cast<const char*>(p),
                                         static_cast<size_t>(n));
}

WriteTransaction::WriteTransaction(SqliteDb* db) : db_(db) {
  begin_ = db_->Exec("BEGIN IMMEDIATE");
  open_ = begin_.ok();
}

WriteTransaction::~WriteTransaction() {
  if (open_) sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status WriteTransaction::Commit() {
  CW_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  open_ = false;
  return Status::OK();
}

}  // namespace chuangwen::internal
