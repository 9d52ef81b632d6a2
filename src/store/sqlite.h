// A small wrapper over SQLite for the store: an owned connection, prepared
// statements finalized on scope exit, and a write transaction that rolls back
// in its destructor unless committed. Errors are Status values naming the
// file: a damaged or foreign file is ParseError, a write lock held past the
// busy timeout is Busy (the caller may retry), anything else IOError.
#ifndef CHUANGWEN_SRC_STORE_SQLITE_H_
#define CHUANGWEN_SRC_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace chuangwen::internal {

class SqliteDb {
 public:
  // Opens `path` with sqlite3_open_v2 `flags`; `busy_timeout_ms` is how long
  // a write waits for another connection's lock.
  static Status Open(const std::string& path, int flags, int busy_timeout_ms,
                     std::unique_ptr<SqliteDb>* out);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

  Status Exec(const char* sql);
  // The first column of the first row of `sql` as an integer (0 when NULL).
  Status QueryInt(const char* sql, int64_t* out);
  // A Status for the connection's last error while doing `what`.
  Status Error(const std::string& what) const;

 private:
  SqliteDb(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  std::string path_;
  sqlite3* db_;
};

class Statement {
 public:
  Statement(const SqliteDb& db, const char* sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() const { return stmt_; }
  void Text(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_STATIC);
  }
  void Blob(int i, std::string_view s) {
    sqlite3_bind_blob(stmt_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_STATIC);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t ColumnInt(int i) const { return sqlite3_column_int64(stmt_, i); }
  std::string_view ColumnBytes(int i) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

// BEGIN IMMEDIATE (the write lock) on construction; ROLLBACK on destruction
// unless Commit() succeeded.
class WriteTransaction {
 public:
  explicit WriteTransaction(SqliteDb* db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // The outcome of BEGIN: Busy when the lock stayed taken past the timeout.
  const Status& status() const { return begin_; }
  Status Commit();

 private:
  SqliteDb* db_;
  Status begin_;
  bool open_ = false;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_STORE_SQLITE_H_
