// The store on real hosts: several handles (and processes) writing one
// file, a reload that fails, concurrent creation, files written by the
// previous release, records that do not fold, and text that could never be
// read back.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <thread>

#include "chuangwen/books.h"
#include "chuangwen/codec.h"
#include "chuangwen/ledger_store.h"
#include "test_support.h"

namespace chuangwen {
namespace {

using testing::TempDir;

// A submission of two photos of task 1.1 by 陈思齐 (市容科), which 韩立群,
// the task's lead leader, may sign off and 许岚 (supervision) may reject.
v1::EvidenceEvent Submit(const std::string& id, const std::string& at) {
  v1::EvidenceEvent e;
  Status s = Decode("id: \"" + id + "-s\" actor: \"chensq\" at: \"" + at +
                        "\" submit { id: \"" + id +
                        "\" requirement_id: \"ev-srk-photos\" file: "
                        "\"photos/" + id + ".jpg\" sha256: \"" +
                        std::string(64, 'a') + "\" }",
                    Format::kText, &e);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return e;
}

v1::EvidenceEvent SignOff(const std::string& event_id,
                          const std::string& submission) {
  v1::EvidenceEvent e;
  e.set_id(event_id);
  e.set_actor("hanlq");
  e.set_at("2025-03-20T02:00:00Z");
  e.mutable_sign_off()->set_submission_id(submission);
  return e;
}

v1::EvidenceEvent Reject(const std::string& event_id,
                         const std::string& submission) {
  v1::EvidenceEvent e;
  e.set_id(event_id);
  e.set_actor("xul");
  e.set_at("2025-03-20T03:00:00Z");
  e.set_reason("照片不清晰");
  e.mutable_reject()->set_submission_id(submission);
  return e;
}

v1::ProgressReport Report(const std::string& id, double value) {
  v1::ProgressReport r;
  r.set_id(id);
  r.set_target_id("t-1.4");
  r.set_unit_id("ghk");
  r.set_reported_by("zhengwb");
  r.set_date("2025-10-28");
  r.set_value(value);
  return r;
}

class StoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = dir_.File("ledger.db");
  v1::Campaign campaign_ = testing::LoadExample();

  std::unique_ptr<LedgerStore> Create() {
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Create(path_, campaign_, &store);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return store;
  }
  std::unique_ptr<LedgerStore> Open() {
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Open(path_, &store);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return store;
  }
};

// Item 0a and 3: a handle opened before another one wrote checks against
// the latest state of every book, not only the ledger's.
TEST_F(StoreTest, EveryBookIsCaughtUpBeforeAWrite) {
  std::unique_ptr<LedgerStore> a = Create();
  ASSERT_TRUE(a->AppendEvidence({Submit("sub-x", "2025-03-12T08:00:00Z")}).ok());
  std::unique_ptr<LedgerStore> b = Open();
  ASSERT_TRUE(a->AppendEvidence({SignOff("x-o", "sub-x")}).ok());
  // b has not seen the sign-off: its rejection must meet it.
  Status s = b->AppendEvidence({Reject("x-r", "sub-x")});
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  EXPECT_EQ(s.message(),
            "evidence event 'x-r': submission 'sub-x' is already signed off");
  // A second sign-off, and a submission id already taken.
  s = b->AppendEvidence({SignOff("x-o2", "sub-x")});
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  s = a->AppendEvidence({Submit("sub-y", "2025-03-13T08:00:00Z")});
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = b->AppendEvidence({Submit("sub-y", "2025-03-13T09:00:00Z")});
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  // b signs off what a submitted, which it had never seen.
  s = b->AppendEvidence({SignOff("y-o", "sub-y")});
  EXPECT_TRUE(s.ok()) << s.ToString();
  // Refresh shows a reader what the other wrote.
  EXPECT_EQ(a->evidence().event_count(), 3u);
  ASSERT_TRUE(a->Refresh().ok());
  EXPECT_EQ(a->evidence().event_count(), 4u);
  // Progress: a duplicate id is a conflict, not an I/O error.
  ASSERT_TRUE(a->AppendProgress({Report("p-x", 10)}, "2025-10-31").ok());
  s = b->AppendProgress({Report("p-x", 11)}, "2025-10-31");
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  // And the file opens, folding to the state both handles reached.
  std::unique_ptr<LedgerStore> c = Open();
  EXPECT_FALSE(c->read_only());
  EXPECT_EQ(c->evidence().event_count(), a->evidence().event_count());
  EXPECT_EQ(c->progress().reports().size(), b->progress().reports().size());
}

// Ledger events of one item: 许岚 issues it; 陈思齐 (市容科) starts and
// submits; 许岚 verifies or rejects.
v1::LedgerEvent LedgerEventOf(const std::string& id, const std::string& item,
                              const std::string& kind) {
  std::string text = "id: \"" + id + "\" item_id: \"" + item + "\" ";
  if (kind == "issue") {
    text +=
        "actor: \"xul\" at: \"2025-10-13T10:00:00+08:00\" issue { unit_id: "
        "\"srk\" deadline: \"2025-10-20\" findings { id: \"f\" category: "
        "\"占道经营\" description: \"占道\" } }";
  } else if (kind == "submit") {
    text += "actor: \"chensq\" at: \"2025-10-15T10:00:00+08:00\" submit {}";
  } else if (kind == "verify") {
    text += "actor: \"xul\" at: \"2025-10-16T10:00:00+08:00\" verify {}";
  } else {
    text +=
        "actor: \"xul\" at: \"2025-10-16T10:00:00+08:00\" reason: \"不到位\" "
        "reject { new_deadline: \"2025-10-24\" }";
  }
  v1::LedgerEvent e;
  Status s = Decode(text, Format::kText, &e);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return e;
}

// Everything the three books say, as one comparable text.
std::string Everything(const LedgerStore& store) {
  std::string out;
  v1::OpenItemList open;
  EXPECT_TRUE(store.ledger().OpenItems("", "2025-10-31", &open).ok());
  v1::MonthlyStats stats;
  EXPECT_TRUE(store.ledger().MonthlyStats("2025-10", &stats).ok());
  v1::CompletenessReportRequest request;
  request.set_date("2025-03-31");
  v1::CompletenessReport report;
  EXPECT_TRUE(store.evidence().Completeness(request, &report).ok());
  v1::CampaignStatusRequest status_request;
  status_request.set_date("2025-10-31");
  v1::CampaignStatus status;
  EXPECT_TRUE(store.progress().Query(status_request, &status).ok());
  return open.DebugString() + stats.DebugString() + report.DebugString() +
         status.DebugString() + std::to_string(store.ledger().event_count());
}

// Item 0a with processes: two processes append conflicting evidence,
// progress and ledger events round after round; the file always opens,
// nothing damaged, and what each process ends up seeing is the fold of the
// file.
TEST_F(StoreTest, TwoProcessesRacingNeverLeaveADeadFile) {
  Create();
  constexpr int kRounds = 25;
  auto worker = [&](int who) {
    std::unique_ptr<LedgerStore> store;
    if (!LedgerStore::Open(path_, &store).ok()) _exit(3);
    // Accepted, or refused for the state the other process left: nothing
    // else (no I/O error, no "not found").
    bool expected = true;
    auto note = [&](const Status& s) {
      expected &= s.ok() || s.code() == Status::Code::kConflict;
    };
    for (int round = 0; round < kRounds; ++round) {
      const std::string sub = "sub-" + std::to_string(round);
      // Both submit the same id; then one signs off while the other rejects.
      note(store->AppendEvidence({Submit(sub, "2025-03-12T08:00:00Z")}));
      note(who == 0 ? store->AppendEvidence({SignOff(sub + "-o", sub)})
                    : store->AppendEvidence({Reject(sub + "-r", sub)}));
      note(store->AppendProgress({Report("p-" + std::to_string(round), who)},
                                 "2025-10-31"));
      // Both issue the same item, both submit it; one verifies while the
      // other rejects.
      const std::string item = "it-" + std::to_string(round);
      note(store->Append({LedgerEventOf(item + "-i", item, "issue")}));
      note(store->Append({LedgerEventOf(item + "-s", item, "submit")}));
      note(store->Append(
          {LedgerEventOf(item + (who == 0 ? "-v" : "-r"), item,
                  who == 0 ? "verify" : "reject")}));
    }
    // Once both are done, what this process sees.
    note(store->Refresh());
    std::ofstream(dir_.File("done-" + std::to_string(who))) << "";
    const std::string other = dir_.File("done-" + std::to_string(1 - who));
    for (int i = 0; i < 500 && access(other.c_str(), F_OK) != 0; ++i)
      usleep(10000);
    note(store->Refresh());
    std::ofstream(dir_.File("seen-" + std::to_string(who))) << Everything(*store);
    _exit(expected ? 0 : 4);
  };
  ASSERT_EQ(testing::RunInTwoProcesses(worker), "");
  std::unique_ptr<LedgerStore> store = Open();
  EXPECT_FALSE(store->read_only()) << store->damage().front();
  // Each submission was taken once and decided once.
  EXPECT_EQ(store->evidence().submission_count(), size_t{kRounds});
  EXPECT_EQ(store->evidence().event_count(), size_t{2 * kRounds});
  EXPECT_EQ(store->progress().reports().size(),
            size_t{kRounds} + static_cast<size_t>(campaign_.progress_size()));
  // Each item issued once, submitted once, decided once.
  EXPECT_EQ(store->ledger().item_count(), size_t{kRounds});
  EXPECT_EQ(store->ledger().event_count(), size_t{3 * kRounds});
  const std::string fold = Everything(*store);
  for (const char* who : {"seen-0", "seen-1"}) {
    std::ifstream in(dir_.File(who));
    std::stringstream seen;
    seen << in.rdbuf();
    EXPECT_EQ(seen.str(), fold) << who;
  }
}

// Item 4: a record that does not fold, met while catching up, neither
// half-changes the store nor leaves references dangling.
TEST_F(StoreTest, ACatchUpThatMeetsDamageKeepsTheStateWhole) {
  std::unique_ptr<LedgerStore> a = Create();
  const Ledger& ledger = a->ledger();  // Must stay valid throughout.
  std::unique_ptr<LedgerStore> b = Open();
  ASSERT_TRUE(b->AppendEvidence({Submit("sub-x", "2025-03-12T08:00:00Z")}).ok());
  ASSERT_TRUE(b->AppendProgress({Report("p-x", 3)}, "2025-10-31").ok());
  // Another program stores a sign-off of a submission that does not exist
  // (who may act is judged when an event enters, not when it is replayed).
  v1::EvidenceEvent forged = SignOff("forged", "sub-nowhere");
  forged.set_actor("chensq");
  std::string bytes;
  forged.SerializeToString(&bytes);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "INSERT INTO evidence_events (id, task_id, at, "
                               "kind, actor, campaign_version, event, date) "
                               "VALUES ('forged', '1.1', '', 11, 'chensq', 1, "
                               "?, '2025-03-20')",
                               -1, &st, nullptr),
            SQLITE_OK);
  sqlite3_bind_blob(st, 1, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(db);
  // a catches up before its write: the good records fold, the forged one is
  // named, the write is refused, and nothing is half-done.
  Status s = a->AppendProgress({Report("p-y", 4)}, "2025-10-31");
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  EXPECT_TRUE(a->read_only());
  ASSERT_EQ(a->damage().size(), 1u);
  EXPECT_NE(a->damage()[0].find("evidence event 2 does not fold"),
            std::string::npos)
      << a->damage()[0];
  EXPECT_EQ(a->evidence().submission_count(), 1u);
  EXPECT_EQ(&a->ledger(), &ledger);
  EXPECT_EQ(ledger.event_count(), 0u);
  // Reopened, the same: a readable file, never a dead one.
  std::unique_ptr<LedgerStore> c = Open();
  EXPECT_TRUE(c->read_only());
  v1::CompletenessReportRequest request;
  request.set_date("2025-03-31");
  v1::CompletenessReport report;
  ASSERT_TRUE(c->evidence().Completeness(request, &report).ok());
  EXPECT_EQ(report.signed_(), 0);
  EXPECT_EQ(report.submitted(), 1);
}

// Item 6: two creators at once: one wins, the other is told the file
// exists, and the winner's file is never removed.
TEST_F(StoreTest, ConcurrentCreationHasOneWinnerAndKeepsItsFile) {
  for (int round = 0; round < 20; ++round) {
    const std::string path = dir_.File("race-" + std::to_string(round) + ".db");
    std::atomic<int> go{0};
    Status results[2];
    std::thread threads[2];
    for (int i = 0; i < 2; ++i) {
      threads[i] = std::thread([&, i] {
        ++go;
        while (go.load() < 2) {
        }
        std::unique_ptr<LedgerStore> store;
        results[i] = LedgerStore::Create(path, campaign_, &store);
      });
    }
    for (std::thread& t : threads) t.join();
    const int wins = results[0].ok() + results[1].ok();
    ASSERT_EQ(wins, 1) << results[0].ToString() << " / "
                       << results[1].ToString();
    const Status& loser = results[0].ok() ? results[1] : results[0];
    EXPECT_EQ(loser.code(), Status::Code::kConflict) << loser.ToString();
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Open(path, &store);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(store->campaign_version(), 1);
  }
  // A file that is not ours is never touched.
  const std::string other = dir_.File("notes.txt");
  FILE* f = fopen(other.c_str(), "w");
  fputs("督查笔记", f);
  fclose(f);
  std::unique_ptr<LedgerStore> store;
  EXPECT_EQ(LedgerStore::Create(other, campaign_, &store).code(),
            Status::Code::kConflict);
  EXPECT_EQ(access(other.c_str(), F_OK), 0);
}

// A write that waits for another process's lock past the busy timeout is
// Busy (retry), not an I/O error, and changes nothing.
TEST_F(StoreTest, AWriteBlockedPastTheTimeoutIsBusy) {
  Create();
  LedgerStoreOptions quick;
  quick.busy_timeout_ms = 100;
  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(LedgerStore::Open(path_, &store, quick).ok());
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  Status s = store->AppendProgress({Report("p-busy", 1)}, "2025-10-31");
  EXPECT_EQ(s.code(), Status::Code::kBusy) << s.ToString();
  EXPECT_NE(s.message().find("try again"), std::string::npos);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  s = store->AppendProgress({Report("p-busy", 1)}, "2025-10-31");
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// Item 0b: text that is not valid UTF-8, or holds NUL, never enters.
TEST_F(StoreTest, TextThatCouldNotBeReadBackIsRefused) {
  v1::Campaign bad = campaign_;
  bad.mutable_units(2)->set_name("\377\376市容");
  std::shared_ptr<const Campaign> model = Campaign::Build(bad);
  ASSERT_FALSE(model->valid());
  EXPECT_EQ(model->problems().problems(0).location(), "units[2].name");
  EXPECT_EQ(model->problems().problems(0).message(),
            "units[2].name is not valid UTF-8 (at byte 0)");
  std::unique_ptr<LedgerStore> refused;
  EXPECT_EQ(LedgerStore::Create(path_, bad, &refused).code(),
            Status::Code::kInvalidArgument);
  std::unique_ptr<LedgerStore> store = Create();
  Status s = store->ReplaceCampaign(bad, "a revision");
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << s.ToString();
  // An id with NUL could never be looked up.
  v1::Campaign nul = campaign_;
  nul.mutable_people(0)->set_id(std::string("a\0b", 3));
  EXPECT_EQ(Campaign::Build(nul)->problems().problems(0).message(),
            "people[0].id contains a NUL character at byte 1");
  // Events too.
  v1::EvidenceEvent e = Submit("sub-z", "2025-03-12T08:00:00Z");
  e.mutable_submit()->set_title("\xe5\xb8");
  s = store->AppendEvidence({e});
  EXPECT_EQ(s.message(),
            "evidence event 'sub-z-s': submit.title is not valid UTF-8 (at "
            "byte 0)");
  v1::ProgressReport r = Report("p-z", 1);
  r.set_note(std::string("ok\0", 3));
  EXPECT_EQ(store->AppendProgress({r}, "").code(),
            Status::Code::kInvalidArgument);
  // The file still opens, whole.
  store.reset();
  std::unique_ptr<LedgerStore> reopened = Open();
  EXPECT_FALSE(reopened->read_only());
}

// Item 0b: a file that holds a campaign version that does not parse (as
// the previous release could write) opens read-only with the version before
// it in force and the ledger intact.
TEST_F(StoreTest, AnUnreadableCampaignVersionLeavesAReadableFile) {
  {
    std::unique_ptr<LedgerStore> store = Create();
    v1::LedgerEventBatch batch;
    ASSERT_TRUE(DecodeFile(testing::ExamplePath().substr(
                               0, testing::ExamplePath().rfind('/')) +
                               "/ledger.textproto",
                           Format::kText, &batch)
                    .ok());
    ASSERT_TRUE(store->Append({batch.events().begin(), batch.events().end()})
                    .ok());
    v1::Campaign revised = campaign_;
    revised.set_name("修订");
    ASSERT_TRUE(store->ReplaceCampaign(revised, "a revision").ok());
  }
  // What protobuf writes for a string that is not UTF-8: it stores it, but
  // refuses it when parsing.
  v1::Campaign broken = campaign_;
  broken.set_name("\377\376");
  std::string bytes;
  broken.SerializeToString(&bytes);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(
                db, "UPDATE campaigns SET campaign = ? WHERE version = 2", -1,
                &st, nullptr),
            SQLITE_OK);
  sqlite3_bind_blob(st, 1, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(db);
  std::unique_ptr<LedgerStore> store = Open();
  EXPECT_TRUE(store->read_only());
  ASSERT_FALSE(store->damage().empty());
  EXPECT_EQ(store->damage()[0],
            "campaign version 2 does not parse; the version before it stays "
            "in force");
  EXPECT_EQ(store->ledger().event_count(), 188u);
  EXPECT_EQ(store->ledger().campaign().proto().name(), campaign_.name());
}

// A file written by the previous release (schema version 1) migrates, keeps
// every record and keeps each event's date: the submission stored at
// 2025-10-20T17:00:00Z (01:00 the next day in Beijing) was on time then and
// stays on time.
TEST_F(StoreTest, AFileOfThePreviousReleaseMigratesAndKeepsItsMeaning) {
  const std::string fixture =
      std::string(CW_STORE_FIXTURES) + "/ledger-v1.db";
  std::filesystem::copy_file(fixture, path_);
  std::unique_ptr<LedgerStore> store = Open();
  EXPECT_FALSE(store->read_only());
  EXPECT_EQ(store->campaign_version(), 2);
  EXPECT_EQ(store->ledger().event_count(), 192u);
  EXPECT_EQ(store->evidence().event_count(), 64u);
  v1::LedgerItem item;
  ASSERT_TRUE(store->ledger().Item("fx-2025-1", &item).ok());
  EXPECT_EQ(item.state(), v1::CLOSED);
  v1::MonthlyStats stats;
  ASSERT_TRUE(store->ledger().MonthlyStats("2025-10", &stats).ok());
  bool found = false;
  for (const v1::UnitMonthStats& u : stats.units()) {
    if (u.unit_id() != "srk") continue;
    found = true;
    EXPECT_EQ(u.rectified_on_time(), 1);
    EXPECT_EQ(u.rectified_late(), 0);
  }
  EXPECT_TRUE(found);
  int64_t version = 0;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  version = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_EQ(version, 2);
  // The migrated file takes new events, dated in the campaign's zone.
  v1::LedgerEvent e;
  ASSERT_TRUE(Decode(R"(id: "fx-5" item_id: "fx-2025-2" actor: "xul"
                        at: "2025-10-24T10:00:00+08:00"
                        issue { unit_id: "srk" deadline: "2025-10-31"
                          findings { id: "fxf2" source: DAILY_SUPERVISION
                                     category: "占道经营" description: "占道" } })",
                     Format::kText, &e)
                  .ok());
  Status s = store->Append({e});
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// Item 7: an in-memory ledger's campaign replacement reaches every book.
TEST_F(StoreTest, ReplacingTheCampaignOfBooksInMemoryReachesEveryBook) {
  std::unique_ptr<Books> books;
  ASSERT_TRUE(Books::Make(Campaign::Build(campaign_), &books).ok());
  v1::Campaign revised = campaign_;
  v1::Target* t = revised.add_targets();
  t->set_id("t-new");
  t->set_task_id("1.4");
  t->set_metric("新增公厕");
  t->set_target(5);
  t->set_measure(v1::CUMULATIVE);
  t->set_deadline("2025-12-31");
  ASSERT_TRUE(books->ReplaceCampaign(Campaign::Build(revised)).ok());
  EXPECT_EQ(books->campaign_version(), 2);
  v1::ProgressReport r = Report("p-new", 2);
  r.set_target_id("t-new");
  Status s = books->AppendProgress({r}, "2025-10-31");
  EXPECT_TRUE(s.ok()) << s.ToString();
}

}  // namespace
}  // namespace chuangwen
