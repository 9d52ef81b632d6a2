// The durable ledger: reopening restores the exact state, batches are all or
// nothing on disk, campaign versions, export/import, damaged and foreign
// files, and committed batches surviving SIGKILL at random moments.
#include "chuangwen/ledger_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "chuangwen/codec.h"
#include "test_support.h"

namespace chuangwen {
namespace {

using testing::TempDir;

std::vector<v1::LedgerEvent> ExampleEvents() {
  v1::LedgerEventBatch batch;
  const std::string path =
      testing::ExamplePath().substr(0, testing::ExamplePath().rfind('/')) +
      "/ledger.textproto";
  Status s = DecodeFile(path, Format::kText, &batch);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return {batch.events().begin(), batch.events().end()};
}

// Everything the queries say about a ledger, as one comparable text.
std::string Snapshot(const Ledger& ledger) {
  std::string out;
  auto add = [&](const google::protobuf::Message& m) {
    std::string text;
    EXPECT_TRUE(Encode(m, Format::kText, &text).ok());
    out += text + "\n";
  };
  for (const char* date : {"2025-06-30", "2025-09-30", "2025-10-31"}) {
    v1::OpenItemList open;
    EXPECT_TRUE(ledger.OpenItems("", date, &open).ok());
    add(open);
    v1::ReminderList reminders;
    EXPECT_TRUE(ledger.RemindersDue(date, &reminders).ok());
    add(reminders);
    v1::EscalationList escalations;
    EXPECT_TRUE(ledger.Escalations(date, &escalations).ok());
    add(escalations);
    v1::PointReport points;
    EXPECT_TRUE(ledger.Points(date, &points).ok());
    add(points);
  }
  for (const char* month : {"2025-05", "2025-08", "2025-10"}) {
    v1::MonthlyStats stats;
    EXPECT_TRUE(ledger.MonthlyStats(month, &stats).ok());
    add(stats);
  }
  out += "events " + std::to_string(ledger.event_count()) + " items " +
         std::to_string(ledger.item_count()) + "\n";
  return out;
}

class LedgerStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = dir_.File("ledger.db");
  v1::Campaign campaign_ = testing::LoadExample();

  std::unique_ptr<LedgerStore> CreateStore() {
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Create(path_, campaign_, &store);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return store;
  }
};

TEST_F(LedgerStoreTest, ReopeningRestoresTheExactState) {
  std::vector<v1::LedgerEvent> events = ExampleEvents();
  ASSERT_GT(events.size(), 150u);
  std::string before, history_before;
  {
    std::unique_ptr<LedgerStore> store = CreateStore();
    // In several batches, as an office would enter them.
    for (size_t i = 0; i < events.size(); i += 40) {
      std::vector<v1::LedgerEvent> batch(
          events.begin() + static_cast<long>(i),
          events.begin() + static_cast<long>(std::min(events.size(), i + 40)));
      Status s = store->Append(batch);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
    before = Snapshot(store->ledger());
    v1::ItemHistory h;
    ASSERT_TRUE(store->History("dc-2025-901", &h).ok());
    ASSERT_EQ(h.events_size(), 2);
    history_before = h.DebugString();
  }
  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(LedgerStore::Open(path_, &store).ok());
  EXPECT_EQ(Snapshot(store->ledger()), before);
  v1::ItemHistory h;
  ASSERT_TRUE(store->History("dc-2025-901", &h).ok());
  EXPECT_EQ(h.DebugString(), history_before);
  // The same events in a plain in-memory ledger give the same state.
  Ledger memory(Campaign::Build(campaign_));
  ASSERT_TRUE(memory.Append(events).ok());
  EXPECT_EQ(Snapshot(memory), before);
}

TEST_F(LedgerStoreTest, ABadBatchStoresNothing) {
  std::vector<v1::LedgerEvent> events = ExampleEvents();
  {
    std::unique_ptr<LedgerStore> store = CreateStore();
    ASSERT_TRUE(store->Append({events[0], events[1]}).ok());
    std::vector<v1::LedgerEvent> bad = {events[2], events[3]};
    bad[1].set_actor("nobody");
    Status s = store->Append(bad);
    EXPECT_EQ(s.code(), Status::Code::kNotFound);
    EXPECT_EQ(store->ledger().event_count(), 2u);
    // The good half of the rejected batch can come again.
    ASSERT_TRUE(store->Append({events[2]}).ok());
  }
  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(LedgerStore::Open(path_, &store).ok());
  EXPECT_EQ(store->ledger().event_count(), 3u);
}

TEST_F(LedgerStoreTest, TwoWritersOnOneFileSeeEachOther) {
  std::vector<v1::LedgerEvent> events = ExampleEvents();
  std::unique_ptr<LedgerStore> a = CreateStore(), b;
  ASSERT_TRUE(LedgerStore::Open(path_, &b).ok());
  ASSERT_TRUE(a->Append({events[0]}).ok());  // A notice.
  size_t next = 1;                           // The item's next event.
  while (events[next].item_id() != events[0].item_id()) ++next;
  // b has not seen the notice; its next write folds it first.
  Status s = b->Append({events[next]});
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(b->ledger().event_count(), 2u);
  // And a, writing the same event again, is refused after catching up.
  EXPECT_EQ(a->Append({events[next]}).code(), Status::Code::kConflict);
  EXPECT_EQ(a->ledger().event_count(), 2u);
}

TEST_F(LedgerStoreTest, CreationRules) {
  std::unique_ptr<LedgerStore> store = CreateStore();
  std::unique_ptr<LedgerStore> again;
  EXPECT_EQ(LedgerStore::Create(path_, campaign_, &again).code(),
            Status::Code::kConflict);
  v1::Campaign broken = campaign_;
  broken.mutable_assignments(0)->set_unit_id("zhiguan");
  Status s = LedgerStore::Create(dir_.File("b.db"), broken, &again);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("validation problem"), std::string::npos);
  EXPECT_NE(access(dir_.File("b.db").c_str(), F_OK), 0);  // No file left.
  EXPECT_EQ(LedgerStore::Open(dir_.File("none.db"), &again).code(),
            Status::Code::kNotFound);
}

TEST_F(LedgerStoreTest, CampaignVersionsAreRecordedAndReplayed) {
  std::vector<v1::LedgerEvent> events = ExampleEvents();
  v1::Campaign next = campaign_;
  for (v1::Body& b : *next.mutable_bodies()) {
    if (b.id() == "inspection") {
      v1::Member* m = b.add_members();
      m->set_person_id("linxd");
      m->set_role(v1::MEMBER_ROLE_MEMBER);
    }
  }
  v1::LedgerEvent remind;
  ASSERT_TRUE(Decode(R"(id: "later" item_id: "dc-2025-003" actor: "linxd"
                        at: "2025-11-03T02:00:00Z" remind { level: 2 })",
                     Format::kText, &remind)
                  .ok());
  std::string before;
  {
    std::unique_ptr<LedgerStore> store = CreateStore();
    ASSERT_TRUE(store->Append(events).ok());
    EXPECT_EQ(store->Append({remind}).code(), Status::Code::kPermissionDenied);
    EXPECT_EQ(store->ReplaceCampaign(next, "").code(),
              Status::Code::kInvalidArgument);
    v1::Campaign other = next;
    other.set_id("elsewhere");
    EXPECT_EQ(store->ReplaceCampaign(other, "wrong").code(),
              Status::Code::kInvalidArgument);
    ASSERT_TRUE(store->ReplaceCampaign(next, "林晓东调入效能督查组").ok());
    EXPECT_EQ(store->campaign_version(), 2);
    ASSERT_TRUE(store->Append({remind}).ok());
    before = Snapshot(store->ledger());
  }
  std::unique_ptr<LedgerStore> store;
  Status s = LedgerStore::Open(path_, &store);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(store->campaign_version(), 2);
  EXPECT_EQ(Snapshot(store->ledger()), before);
  v1::LedgerItem item;
  ASSERT_TRUE(store->ledger().Item("dc-2025-003", &item).ok());
  EXPECT_EQ(item.reminder_level(), 2);
}

TEST_F(LedgerStoreTest, ExportAndImportReproduceTheState) {
  std::vector<v1::LedgerEvent> events = ExampleEvents();
  std::unique_ptr<LedgerStore> store = CreateStore();
  ASSERT_TRUE(store->Append(events).ok());
  v1::Campaign next = campaign_;
  next.set_name(campaign_.name() + "（修订）");
  ASSERT_TRUE(store->ReplaceCampaign(next, "方案修订").ok());
  std::stringstream log;
  ASSERT_TRUE(store->Export(&log).ok());
  const std::string bytes = log.str();

  std::unique_ptr<LedgerStore> copy;
  ASSERT_TRUE(LedgerStore::Create(dir_.File("copy.db"), campaign_, &copy).ok());
  std::stringstream in(bytes);
  Status s = copy->Import(&in);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Snapshot(copy->ledger()), Snapshot(store->ledger()));
  EXPECT_EQ(copy->campaign_version(), 2);
  EXPECT_EQ(copy->ledger().campaign().proto().name(), next.name());
  std::stringstream again(bytes);
  EXPECT_EQ(copy->Import(&again).code(), Status::Code::kConflict);
  // Reopened, the imported store has the same state.
  copy.reset();
  ASSERT_TRUE(LedgerStore::Open(dir_.File("copy.db"), &copy).ok());
  EXPECT_EQ(Snapshot(copy->ledger()), Snapshot(store->ledger()));

  // A log cut in the middle of a record imports nothing.
  std::unique_ptr<LedgerStore> cut;
  ASSERT_TRUE(LedgerStore::Create(dir_.File("cut.db"), campaign_, &cut).ok());
  std::stringstream truncated(bytes.substr(0, bytes.size() / 2));
  s = cut->Import(&truncated);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_EQ(cut->ledger().event_count(), 0u);
  cut.reset();
  ASSERT_TRUE(LedgerStore::Open(dir_.File("cut.db"), &cut).ok());
  EXPECT_EQ(cut->ledger().event_count(), 0u);
}

TEST_F(LedgerStoreTest, ForeignAndDamagedFilesAreRefused) {
  std::unique_ptr<LedgerStore> store;
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir_.File(name), std::ios::binary) << bytes;
    return dir_.File(name);
  };
  // Not SQLite at all.
  Status s =
      LedgerStore::Open(write("text.db", "定期督查台账，不是数据库"), &store);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_NE(s.message().find("not a chuangwen ledger"), std::string::npos)
      << s.message();
  // Empty.
  s = LedgerStore::Open(write("empty.db", ""), &store);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  // A SQLite file of another application.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("other.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  s = LedgerStore::Open(dir_.File("other.db"), &store);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_EQ(s.message(), "ledger '" + dir_.File("other.db") +
                             "' is not a chuangwen ledger (a SQLite file of "
                             "another application, or not one at all)");

  // A ledger whose event was overwritten by another program.
  {
    std::unique_ptr<LedgerStore> good = CreateStore();
    ASSERT_TRUE(good->Append(ExampleEvents()).ok());
  }
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE events SET event = x'0aff' WHERE seq = 7",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  // It opens read-only, folded from every other record, naming the bad one.
  s = LedgerStore::Open(path_, &store);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(store->read_only());
  ASSERT_FALSE(store->damage().empty());
  EXPECT_EQ(store->damage()[0], "ledger event 7 does not parse");
  EXPECT_GT(store->ledger().event_count(), 100u);
  s = store->Append(ExampleEvents());
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_NE(s.message().find("is read-only: it holds"), std::string::npos)
      << s.message();

  // Pages overwritten in the middle of the file: an error, never a crash.
  std::string copy_path = write("pages.db", "");
  {
    std::unique_ptr<LedgerStore> good;
    ASSERT_TRUE(
        LedgerStore::Create(dir_.File("fresh.db"), campaign_, &good).ok());
    ASSERT_TRUE(good->Append(ExampleEvents()).ok());
  }
  // Fold the WAL into the main file first.
  ASSERT_EQ(sqlite3_open(dir_.File("fresh.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  std::ifstream in(dir_.File("fresh.db"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 16384u);
  std::mt19937 rng(7);
  int refused = 0;
  for (int round = 0; round < 8; ++round) {
    std::string damaged = bytes;
    size_t at = 4096 + rng() % (damaged.size() - 16384);
    for (size_t i = 0; i < 8192; ++i)
      damaged[at + i] = static_cast<char>(rng());
    write("pages.db", damaged);
    std::remove((copy_path + "-wal").c_str());
    std::remove((copy_path + "-shm").c_str());
    s = LedgerStore::Open(copy_path, &store);
    // Either the damage missed what opening reads (unused space, or index
    // pages, which later queries read and report) or it is reported.
    if (s.ok()) {
      EXPECT_EQ(store->ledger().event_count(), ExampleEvents().size());
      v1::ItemHistory h;
      Status q = store->History("dc-2025-901", &h);
      EXPECT_TRUE(q.ok() || q.code() == Status::Code::kParseError)
          << q.ToString();
      store.reset();
    } else {
      ++refused;
      EXPECT_TRUE(s.code() == Status::Code::kParseError ||
                  s.code() == Status::Code::kIOError)
          << s.ToString();
    }
  }
  EXPECT_GE(refused, 3) << refused;
}

// A child appends batches in a loop and reports each committed batch on a
// pipe; it is killed with SIGKILL at a random moment. After reopening,
// every reported batch is there, whole, and nothing partial is.
TEST_F(LedgerStoreTest, CommittedBatchesSurviveSigkill) {
  constexpr int kBatch = 25;
  { CreateStore(); }
  std::mt19937 rng(20251122);
  size_t reported_total = 0;
  for (int run = 0; run < 20; ++run) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      std::unique_ptr<LedgerStore> store;
      if (!LedgerStore::Open(path_, &store).ok()) _exit(3);
      for (uint32_t b =
               static_cast<uint32_t>(store->ledger().item_count() / kBatch);
           ; ++b) {
        std::vector<v1::LedgerEvent> batch(kBatch);
        for (int i = 0; i < kBatch; ++i) {
          v1::LedgerEvent& e = batch[static_cast<size_t>(i)];
          const std::string id =
              "k" + std::to_string(b) + "-" + std::to_string(i);
          e.set_id(id);
          e.set_item_id(id);
          e.set_actor("xul");
          e.set_at("2025-06-03T02:00:00Z");
          v1::IssueNotice* n = e.mutable_issue();
          n->set_number("测〔2025〕" + id);
          n->set_unit_id("hwk");
          n->set_deadline("2025-06-20");
          v1::Finding* f = n->add_findings();
          f->set_id("f");
          f->set_category("垃圾清运");
        }
        if (!store->Append(batch).ok()) _exit(4);
        if (write(fds[1], &b, sizeof b) != sizeof b) _exit(5);
      }
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 200));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status))
        << "child exited with " << WEXITSTATUS(status);
    uint32_t b;
    size_t reported = 0;
    uint32_t last = 0;
    while (read(fds[0], &b, sizeof b) == sizeof b) {
      ++reported;
      last = b;
    }
    close(fds[0]);
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Open(path_, &store);
    ASSERT_TRUE(s.ok()) << "run " << run << ": " << s.ToString();
    const size_t events = store->ledger().event_count();
    EXPECT_EQ(events % kBatch, 0u) << "run " << run << ": a partial batch";
    if (reported > 0) {
      EXPECT_GE(events, (last + 1) * static_cast<size_t>(kBatch))
          << "run " << run;
      v1::LedgerItem item;
      EXPECT_TRUE(store->ledger()
                      .Item("k" + std::to_string(last) + "-" +
                                std::to_string(kBatch - 1),
                            &item)
                      .ok());
    }
    reported_total += reported;
  }
  EXPECT_GT(reported_total, 20u);  // The children did get work done.
}

}  // namespace
}  // namespace chuangwen
