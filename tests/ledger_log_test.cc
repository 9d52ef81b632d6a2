// Ledgers over a log the integrator keeps (OA clusters): two ledgers on one
// shared record table, a SQLite table standing in for the integrator's
// database, written from two threads of work and from two processes; both
// converge, nothing is lost or applied twice.
#include "chuangwen/ledger_log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "chuangwen/codec.h"
#include "test_support.h"

namespace chuangwen {
namespace {

using testing::TempDir;

// The integrator's table: sequence number (primary key) and record bytes.
class SharedTable {
 public:
  explicit SharedTable(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    sqlite3_exec(db_,
                 "CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, "
                 "record BLOB NOT NULL)",
                 nullptr, nullptr, nullptr);
  }
  ~SharedTable() { sqlite3_close(db_); }

  v1::LedgerRecordBatch After(uint64_t sequence) {
    v1::LedgerRecordBatch out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT record FROM records WHERE seq > ? ORDER BY seq",
                       -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(sequence));
    while (sqlite3_step(st) == SQLITE_ROW) {
      EXPECT_TRUE(out.add_records()->ParseFromArray(
          sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0)));
    }
    sqlite3_finalize(st);
    return out;
  }

  // All or none; false when a sequence number is taken.
  bool Insert(const v1::LedgerRecordBatch& records) {
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO records (seq, record) VALUES (?, ?)",
                       -1, &st, nullptr);
    bool ok = true;
    for (const v1::LedgerRecord& r : records.records()) {
      const std::string bytes = r.SerializeAsString();
      sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(r.sequence()));
      sqlite3_bind_blob(st, 2, bytes.data(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT);
      ok = sqlite3_step(st) == SQLITE_DONE;
      sqlite3_reset(st);
      if (!ok) break;
    }
    sqlite3_finalize(st);
    sqlite3_exec(db_, ok ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
    return ok;
  }

 private:
  sqlite3* db_ = nullptr;
};

// The integrator's write loop: catch up, prepare, store, fold; again when
// another server stored first. Counts the retries.
Status Write(LedgerLog* log, SharedTable* table, v1::LogAppend append,
             int* retries = nullptr) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    CW_RETURN_IF_ERROR(log->CatchUp(table->After(log->sequence())));
    append.set_expected_sequence(log->sequence());
    v1::LedgerRecordBatch records;
    CW_RETURN_IF_ERROR(log->Prepare(append, &records));
    if (table->Insert(records)) return log->CatchUp(records);
    if (retries != nullptr) ++*retries;
  }
  return Status::Internal("no progress after 100 attempts");
}

v1::LogAppend Append(const std::string& text) {
  v1::LogAppend a;
  Status s = Decode(text, Format::kText, &a);
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << text;
  return a;
}

v1::LogAppend Issue(const std::string& item) {
  return Append(R"(events { events { id: ")" + item + R"(-1" item_id: ")" +
                item + R"(" actor: "xul" at: "2025-10-13T10:00:00+08:00"
      issue { unit_id: "srk" deadline: "2025-10-20"
        findings { id: ")" + item + R"(" source: DAILY_SUPERVISION
                   category: "占道经营" description: "占道" } } } })");
}

v1::LogAppend Submission(const std::string& sub, const std::string& actor) {
  return Append(R"(evidence { events { id: ")" + sub + "-" + actor +
                R"(" actor: "chensq" at: "2025-03-12T08:00:00Z"
      submit { id: ")" + sub + R"(" requirement_id: "ev-srk-photos"
               file: "a.jpg" sha256: ")" + std::string(64, 'b') + R"(" } } })");
}

v1::LogAppend Decision(const std::string& sub, bool sign) {
  return Append(sign ? R"(evidence { events { id: ")" + sub +
                           R"(-o" actor: "hanlq" at: "2025-03-20T02:00:00Z"
                           sign_off { submission_id: ")" + sub + R"(" } } })"
                     : R"(evidence { events { id: ")" + sub +
                           R"(-r" actor: "xul" at: "2025-03-20T02:00:00Z"
                           reason: "不清晰" reject { submission_id: ")" + sub +
                           R"(" } } })");
}

// What the queries say, as one comparable text.
std::string Snapshot(const Books& books) {
  std::string out;
  v1::OpenItemList open;
  EXPECT_TRUE(books.ledger().OpenItems("", "2025-10-31", &open).ok());
  out += open.DebugString();
  v1::CompletenessReportRequest request;
  request.set_date("2025-03-31");
  v1::CompletenessReport report;
  EXPECT_TRUE(books.evidence().Completeness(request, &report).ok());
  out += report.DebugString();
  out += "events " + std::to_string(books.ledger().event_count()) +
         " evidence " + std::to_string(books.evidence().event_count()) +
         " reports " + std::to_string(books.progress().reports().size());
  return out;
}

class LedgerLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SharedTable table(path_);
    std::unique_ptr<LedgerLog> log;
    v1::LedgerRecordBatch first;
    ASSERT_TRUE(LedgerLog::Create(testing::LoadExample(), &log, &first).ok());
    ASSERT_EQ(first.records_size(), 1);
    ASSERT_TRUE(table.Insert(first));
  }
  std::unique_ptr<LedgerLog> OpenLog(SharedTable* table) {
    std::unique_ptr<LedgerLog> log;
    Status s = LedgerLog::Open(table->After(0), &log);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return log;
  }

  TempDir dir_;
  std::string path_ = dir_.File("oa.db");
};

TEST_F(LedgerLogTest, TwoServersOnOneTableConverge) {
  SharedTable table(path_);
  std::unique_ptr<LedgerLog> a = OpenLog(&table), b = OpenLog(&table);
  int retries = 0;
  ASSERT_TRUE(Write(a.get(), &table, Issue("a-1"), &retries).ok());
  // b has not seen a's record: its first try loses the sequence number.
  v1::LedgerRecordBatch stale;
  v1::LogAppend append = Issue("b-1");
  append.set_expected_sequence(b->sequence());
  ASSERT_TRUE(b->Prepare(append, &stale).ok());
  EXPECT_FALSE(table.Insert(stale));
  // An append stating a sequence the ledger has not reached is a conflict.
  append.set_expected_sequence(b->sequence() + 1);
  EXPECT_EQ(b->Prepare(append, &stale).code(), Status::Code::kConflict);
  ASSERT_TRUE(Write(b.get(), &table, Issue("b-1"), &retries).ok());
  // Conflicting decisions: the second meets the first.
  ASSERT_TRUE(Write(a.get(), &table, Submission("sub-1", "a")).ok());
  ASSERT_TRUE(Write(a.get(), &table, Decision("sub-1", true)).ok());
  Status s = Write(b.get(), &table, Decision("sub-1", false));
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  s = Write(b.get(), &table, Submission("sub-1", "b"));
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  // Prepare changed nothing; the failed writes stored nothing.
  ASSERT_TRUE(a->CatchUp(table.After(a->sequence())).ok());
  ASSERT_TRUE(b->CatchUp(table.After(b->sequence())).ok());
  EXPECT_EQ(a->sequence(), 5u);
  EXPECT_EQ(b->sequence(), 5u);
  EXPECT_EQ(Snapshot(a->books()), Snapshot(b->books()));
  EXPECT_EQ(Snapshot(a->books()), Snapshot(OpenLog(&table)->books()));
  EXPECT_EQ(a->books().ledger().event_count(), 2u);
  // Records already folded are skipped; a gap is refused.
  EXPECT_TRUE(a->CatchUp(table.After(0)).ok());
  EXPECT_EQ(a->sequence(), 5u);
  v1::LedgerRecordBatch gap;
  gap.add_records()->set_sequence(9);
  EXPECT_EQ(a->CatchUp(gap).code(), Status::Code::kInvalidArgument);
}

TEST_F(LedgerLogTest, TwoProcessesInterleavingConvergeAndLoseNothing) {
  constexpr int kRounds = 15;
  auto worker = [&](int who) {
    SharedTable table(path_);
    std::unique_ptr<LedgerLog> log;
    if (!LedgerLog::Open(table.After(0), &log).ok()) _exit(3);
    const std::string me = who == 0 ? "a" : "b";
    bool expected = true;
    auto note = [&](const Status& s) {
      expected &= s.ok() || s.code() == Status::Code::kConflict;
    };
    for (int round = 0; round < kRounds; ++round) {
      const std::string sub = "sub-" + std::to_string(round);
      note(Write(log.get(), &table, Issue(me + "-" + std::to_string(round))));
      note(Write(log.get(), &table, Submission(sub, me)));
      note(Write(log.get(), &table, Decision(sub, who == 0)));
    }
    // Wait for the other, then write down what this server sees.
    for (int i = 0; i < 200 && log->sequence() < 1 + 4 * kRounds; ++i) {
      usleep(20000);
      note(log->CatchUp(table.After(log->sequence())));
    }
    std::ofstream(dir_.File("snapshot-" + me)) << Snapshot(log->books());
    _exit(expected ? 0 : 4);
  };
  ASSERT_EQ(testing::RunInTwoProcesses(worker), "");
  SharedTable table(path_);
  std::unique_ptr<LedgerLog> log = OpenLog(&table);
  // Every item of both, each submission once, each decided once.
  EXPECT_EQ(log->books().ledger().event_count(), size_t{2 * kRounds});
  EXPECT_EQ(log->books().evidence().submission_count(), size_t{kRounds});
  EXPECT_EQ(log->books().evidence().event_count(), size_t{2 * kRounds});
  EXPECT_EQ(log->sequence(), uint64_t{1 + 4 * kRounds});
  const std::string expected = Snapshot(log->books());
  for (const char* who : {"a", "b"}) {
    std::ifstream in(dir_.File(std::string("snapshot-") + who));
    std::stringstream seen;
    seen << in.rdbuf();
    EXPECT_EQ(seen.str(), expected) << who;
  }
}

}  // namespace
}  // namespace chuangwen
