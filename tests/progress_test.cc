// Targets and progress: expected progress from milestones and linear over
// working days (holidays do not count), each metric kind and direction,
// every status, roll-up through sub-tasks and the plan cascade, the link to
// assessment, the example's status, and every bad report.
#include "chuangwen/progress.h"

#include <gtest/gtest.h>

#include "chuangwen/assessment.h"
#include "chuangwen/codec.h"
#include "test_support.h"

namespace chuangwen {
namespace {

v1::Target T(const std::string& text) {
  v1::Target t;
  Status s = Decode(text, Format::kText, &t);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return t;
}

v1::ProgressReport R(const std::string& id, const std::string& target,
                     const std::string& unit, const std::string& date,
                     double value, const std::string& supersedes = "") {
  v1::ProgressReport r;
  r.set_id(id);
  r.set_target_id(target);
  r.set_unit_id(unit);
  r.set_date(date);
  r.set_value(value);
  r.set_supersedes(supersedes);
  return r;
}

class ProgressTest : public ::testing::Test {
 protected:
  // The example without its targets and progress, plus `targets`.
  std::shared_ptr<const Campaign> With(const std::vector<v1::Target>& targets) {
    v1::Campaign c = testing::LoadExample();
    c.clear_targets();
    c.clear_progress();
    for (const v1::Target& t : targets) *c.add_targets() = t;
    return Campaign::Build(std::move(c));
  }
  const v1::TaskProgress* Task(const v1::CampaignStatus& s,
                               const std::string& id) {
    for (const v1::TaskProgress& t : s.tasks())
      if (t.task_id() == id) return &t;
    return nullptr;
  }
  v1::CampaignStatus Query(const ProgressBook& book, const std::string& date) {
    v1::CampaignStatusRequest r;
    r.set_date(date);
    v1::CampaignStatus s;
    Status st = book.Query(r, &s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return s;
  }
};

TEST_F(ProgressTest, LinearExpectationSkipsTheNationalDayHolidays) {
  // 100 items from 2025-09-22 to 2025-10-17 on working days: the days off
  // 10-01..10-08 add nothing to what is expected.
  auto c = With({T(R"(id: "t" task_id: "1.1" metric: "点位" target: 100
                      start: "2025-09-22" deadline: "2025-10-17")")});
  ProgressBook book(c);
  v1::CampaignStatus a = Query(book, "2025-09-30"),
                     b = Query(book, "2025-10-08"),
                     d = Query(book, "2025-10-09");
  const double at_sep30 = Task(a, "1.1")->targets(0).expected();
  EXPECT_DOUBLE_EQ(Task(b, "1.1")->targets(0).expected(), at_sep30);
  EXPECT_GT(Task(d, "1.1")->targets(0).expected(), at_sep30);
  // 09-23 … 09-30 (with the make-up Sunday 09-28): 7 of the 15 working days
  // to 10-17 (with the make-up Saturday 10-11).
  EXPECT_NEAR(at_sep30, 100.0 * 7 / 15, 1e-9);
}

TEST_F(ProgressTest, MilestonesMetricKindsAndDirections) {
  auto c = With(
      {T(R"(id: "km" task_id: "1.1" metric: "公路" unit_of_measure: "公里" target: 550
                      start: "2025-01-01" deadline: "2025-12-31"
                      milestones { date: "2025-06-30" share: 0.3 })"),
       T(R"(id: "rate" task_id: "1.3" metric: "达标率" unit_of_measure: "%" measure: LEVEL
                      baseline: 60 target: 90 start: "2025-01-01" deadline: "2025-12-31")"),
       T(R"(id: "less" task_id: "1.4" metric: "投诉" unit_of_measure: "件" direction: AT_MOST
                      baseline: 50 target: 20 start: "2025-01-01" deadline: "2025-12-31")")});
  ProgressBook book(c);
  // 1.1 has 市容科 responsible; 1.3 环卫科; 1.4 规划建设科 leads.
  ASSERT_TRUE(book.Append({R("a", "km", "srk", "2025-06-30", 170),
                           R("b", "rate", "hwk", "2025-06-30", 75),
                           R("c", "less", "ghk", "2025-06-30", 35)},
                          "2025-12-31")
                  .ok());
  v1::CampaignStatus s = Query(book, "2025-06-30");
  const v1::TargetProgress& km = Task(s, "1.1")->targets(0);
  EXPECT_DOUBLE_EQ(km.expected(), 165);  // 30 % of 550 by the milestone.
  EXPECT_EQ(km.status(), v1::ON_TRACK);
  const v1::TargetProgress& rate = Task(s, "1.3")->targets(0);
  EXPECT_DOUBLE_EQ(rate.reported(), 75);
  EXPECT_NEAR(rate.actual_share(), 0.5, 1e-9);
  const v1::TargetProgress& less = Task(s, "1.4")->targets(0);
  EXPECT_NEAR(less.actual_share(), 0.5, 1e-9);  // 50 → 35 of the way to 20.
}

TEST_F(ProgressTest, EveryStatus) {
  auto target = [](const std::string& id, const std::string& task) {
    return T("id: \"" + id + "\" task_id: \"" + task +
             "\" metric: \"m\" target: 100 start: \"2025-03-01\" deadline: "
             "\"2025-10-31\"");
  };
  auto c =
      With({target("done", "1.1"), target("ok", "1.3"), target("behind", "1.4"),
            target("risk", "2.1"), target("late", "2.2")});
  ProgressBook book(c);
  ASSERT_TRUE(book.Append({R("1", "done", "srk", "2025-06-01", 100),
                           R("2", "ok", "hwk", "2025-06-01", 50),
                           R("3", "behind", "ghk", "2025-06-01", 10),
                           R("4", "risk", "xck", "2025-06-01", 10),
                           R("5", "late", "bgs", "2025-06-01", 10)},
                          "2025-12-31")
                  .ok());
  v1::CampaignStatus june = Query(book, "2025-06-20");
  EXPECT_EQ(Task(june, "1.1")->status(), v1::DONE);
  EXPECT_EQ(Task(june, "1.3")->status(), v1::ON_TRACK);
  EXPECT_EQ(Task(june, "1.4")->status(), v1::BEHIND);
  EXPECT_EQ(Task(june, "1.4")->color(), v1::YELLOW);
  v1::CampaignStatus late_oct = Query(book, "2025-10-28");
  EXPECT_EQ(Task(late_oct, "2.1")->status(), v1::AT_RISK);
  EXPECT_EQ(Task(late_oct, "2.1")->color(), v1::RED);
  v1::CampaignStatus nov = Query(book, "2025-11-03");
  EXPECT_EQ(Task(nov, "2.2")->status(), v1::OVERDUE);
  v1::CampaignStatus feb = Query(book, "2025-02-10");
  EXPECT_EQ(Task(feb, "1.3")->status(), v1::NOT_DUE);
  // Most behind first; the behind-only filter; a unit's summary.
  EXPECT_EQ(june.tasks(0).status(), v1::BEHIND);
  v1::CampaignStatusRequest r;
  r.set_date("2025-06-20");
  r.set_behind_only(true);
  v1::CampaignStatus behind;
  ASSERT_TRUE(book.Query(r, &behind).ok());
  for (const v1::TaskProgress& t : behind.tasks())
    EXPECT_NE(t.status(), v1::ON_TRACK);
  r.set_behind_only(false);
  r.set_unit_id("ghk");
  ASSERT_TRUE(book.Query(r, &behind).ok());
  ASSERT_EQ(behind.units_size(), 1);
  EXPECT_EQ(behind.units(0).behind(), 1);
}

TEST_F(ProgressTest, TheCampaignsWarningPolicyColoursTargets) {
  // The example's policy: yellow within 3 working days of the deadline.
  auto c = With({T(R"(id: "t" task_id: "1.1" metric: "m" target: 100
                      start: "2025-06-02" deadline: "2025-07-03")")});
  ProgressBook book(c);
  ASSERT_TRUE(
      book.Append({R("a", "t", "srk", "2025-06-25", 90)}, "2025-12-31").ok());
  v1::CampaignStatus s = Query(book, "2025-06-27");
  EXPECT_EQ(Task(s, "1.1")->status(), v1::ON_TRACK);
  EXPECT_EQ(Task(s, "1.1")->color(), v1::GREEN);  // Four working days left.
  s = Query(book, "2025-06-30");
  EXPECT_EQ(Task(s, "1.1")->status(), v1::ON_TRACK);
  EXPECT_EQ(Task(s, "1.1")->color(), v1::YELLOW);  // 07-01, 07-02, 07-03 left.
  EXPECT_EQ(Task(s, "1.1")->targets(0).color(), v1::YELLOW);
}

TEST_F(ProgressTest, RollUpThroughSubTasksAndTheCascade) {
  v1::Campaign c = testing::LoadExample();
  c.clear_targets();
  c.clear_progress();
  *c.add_targets() = T(R"(id: "a" task_id: "1.1" metric: "m" target: 100
                          start: "2025-01-01" deadline: "2025-12-31")");
  *c.add_targets() = T(R"(id: "b" task_id: "1.3" metric: "m" target: 100
                          start: "2025-01-01" deadline: "2025-12-31")");
  // Task 1.1 weighs three times 1.3 in task 1.
  for (v1::Task& t : *c.mutable_tasks())
    if (t.id() == "1.1") t.set_weight(3);
  // A section plan's task 9.1 implements the bureau's task 2.1.
  v1::Task* lower = c.add_tasks();
  lower->set_id("9.1");
  lower->set_title("下级方案任务");
  lower->set_document_id(c.plan_document_id());
  lower->add_implements_task_ids("2.1");
  v1::Assignment* a = c.add_assignments();
  a->set_task_id("9.1");
  a->set_unit_id("xck");
  a->set_role(v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
  *c.add_targets() = T(R"(id: "c" task_id: "9.1" metric: "m" target: 10
                          start: "2025-01-01" deadline: "2025-12-31")");
  auto campaign = Campaign::Build(std::move(c));
  ProgressBook book(campaign);
  ASSERT_TRUE(book.Append({R("1", "a", "srk", "2025-06-01", 80),
                           R("2", "b", "hwk", "2025-06-01", 40),
                           R("3", "c", "xck", "2025-06-01", 5)},
                          "2025-12-31")
                  .ok());
  v1::CampaignStatus s = Query(book, "2025-06-01");
  EXPECT_NEAR(Task(s, "1")->actual_share(), (3 * 0.8 + 0.4) / 4, 1e-9);
  EXPECT_NEAR(Task(s, "2.1")->actual_share(), 0.5,
              1e-9);  // From the lower plan.
  EXPECT_NEAR(Task(s, "2")->actual_share(), 0.5, 1e-9);
}

TEST_F(ProgressTest, BadReportsStoreNothing) {
  auto c = With({T(
      R"(id: "pct" task_id: "1.3" metric: "达标率" unit_of_measure: "%" measure: LEVEL
                      target: 95 start: "2025-03-01" deadline: "2025-10-31")")});
  ProgressBook book(c);
  auto fails = [&](const v1::ProgressReport& r) {
    Status s =
        book.Append({R("ok", "pct", "hwk", "2025-05-01", 80), r}, "2025-09-30");
    EXPECT_TRUE(book.reports().empty());
    return s;
  };
  EXPECT_EQ(fails(R("x", "1.1", "srk", "2025-05-01", 3)).message(),
            "progress report 'x': task 1.1 has no target");
  EXPECT_EQ(fails(R("x", "pct", "hwk", "2025-05-01", -1)).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(
      fails(R("x", "pct", "hwk", "2025-05-01", 120)).message(),
      "progress report 'x': value 120% is over 100% for a level in %");
  EXPECT_EQ(fails(R("x", "pct", "hwk", "2025-03-01", 50)).message(),
            "progress report 'x': dated 2025-03-01, before the campaign starts "
            "on 2025-03-10");
  EXPECT_EQ(fails(R("x", "pct", "hwk", "2025-10-08", 50)).message(),
            "progress report 'x': dated 2025-10-08, in the future (today is "
            "2025-09-30)");
  Status s = fails(R("x", "pct", "srk", "2025-05-01", 50));
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(s.message(),
            "progress report 'x': unit 'srk' is not responsible for task 1.3");
  v1::ProgressReport wrong_person = R("x", "pct", "hwk", "2025-05-01", 50);
  wrong_person.set_reported_by("chensq");
  EXPECT_EQ(fails(wrong_person).code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(fails(R("x", "pct", "hwk", "2025-05-01", 50, "p-none")).code(),
            Status::Code::kNotFound);
  // A correction supersedes, and the history stays.
  ASSERT_TRUE(
      book.Append({R("a", "pct", "hwk", "2025-05-01", 80)}, "2025-09-30").ok());
  ASSERT_TRUE(
      book.Append({R("b", "pct", "hwk", "2025-05-02", 82, "a")}, "2025-09-30")
          .ok());
  EXPECT_EQ(book.reports().size(), 2u);
  v1::CampaignStatus st = Query(book, "2025-05-31");
  EXPECT_DOUBLE_EQ(Task(st, "1.3")->targets(0).reported(), 82);
}

TEST_F(ProgressTest, TheExampleAndTheLinkToAssessment) {
  auto c = Campaign::Build(testing::LoadExample());
  v1::CampaignStatusRequest r;
  r.set_date("2025-09-30");
  v1::CampaignStatus s;
  ASSERT_TRUE(QueryCampaignStatus(*c, r, &s).ok());
  ASSERT_GE(s.tasks_size(), 6);
  // 一中队's shop signs stalled in July: at risk on the deadline, most behind.
  EXPECT_EQ(s.tasks(0).task_id(), "1.2");
  EXPECT_EQ(s.tasks(0).status(), v1::AT_RISK);
  std::map<std::string, v1::ProgressStatus> by_task;
  for (const v1::TaskProgress& t : s.tasks()) by_task[t.task_id()] = t.status();
  EXPECT_EQ(by_task["1.1"], v1::DONE);
  EXPECT_EQ(by_task["1.4"], v1::BEHIND);
  // 大队 missed its September report.
  for (const v1::TaskProgress& t : s.tasks()) {
    if (t.task_id() == "2.3") {
      ASSERT_EQ(t.targets(0).late_units_size(), 1);
      EXPECT_EQ(t.targets(0).late_units(0), "zfdd");
    }
  }
  // An indicator scored from a target: the ranking and the progress agree.
  v1::Campaign linked = testing::LoadExample();
  for (v1::Scheme& scheme : *linked.mutable_assessment()->mutable_schemes()) {
    for (v1::Indicator& i : *scheme.mutable_indicators()) {
      if (i.id() == "M22") i.set_target_id("t-1.1");
    }
  }
  auto inputs = linked.mutable_assessment()->mutable_inputs();
  for (int i = inputs->size(); i-- > 0;) {
    if (inputs->Get(i).indicator_id() == "M22" &&
        inputs->Get(i).unit_id() == "srk")
      inputs->DeleteSubrange(i, 1);
  }
  auto lc = Campaign::Build(std::move(linked));
  v1::Explanation e;
  ASSERT_TRUE(ExplainUnit(*lc, "srk", "2025-06", "", &e).ok());
  bool found = false;
  for (const v1::ScorePart& p : e.parts()) {
    if (p.id() != "M22") continue;
    found = true;
    ProgressBook book(lc);
    ASSERT_TRUE(book.Append({lc->proto().progress().begin(),
                             lc->proto().progress().end()},
                            "")
                    .ok());
    double share = 0;
    ASSERT_TRUE(book.Attainment("t-1.1", "srk", "2025-06-30", &share).ok());
    EXPECT_NEAR(p.score(), 10 * share, 1e-9);  // Ratio × 10 points.
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace chuangwen

#include <unistd.h>

#include <sstream>

#include "chuangwen/ledger_store.h"

namespace chuangwen {
namespace {

TEST(ProgressStoreTest, ReportsKeptWithTheLedgerAllOrNothing) {
  char tmpl[] = "/tmp/cw-progress-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string path = dir + "/l.db";
  v1::Campaign campaign = testing::LoadExample();
  const size_t inline_reports = static_cast<size_t>(campaign.progress_size());
  std::string before, log;
  {
    std::unique_ptr<LedgerStore> store;
    ASSERT_TRUE(LedgerStore::Create(path, campaign, &store).ok());
    EXPECT_EQ(store->progress().reports().size(), inline_reports);
    // 规划建设科 catches up in November; a batch with a report from a unit
    // not responsible for the task stores nothing.
    Status s =
        store->AppendProgress({R("n1", "t-1.4", "ghk", "2025-11-20", 20),
                               R("n2", "t-1.4", "srk", "2025-11-20", 20)},
                              "2025-11-30");
    EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
    EXPECT_EQ(store->progress().reports().size(), inline_reports);
    ASSERT_TRUE(
        store
            ->AppendProgress({R("n1", "t-1.4", "ghk", "2025-11-20", 20)},
                             "2025-11-30")
            .ok());
    EXPECT_EQ(store
                  ->AppendProgress({R("n3", "t-1.4", "ghk", "2025-12-20", 22)},
                                   "2025-11-30")
                  .code(),
              Status::Code::kInvalidArgument);  // In the future.
    v1::CampaignStatusRequest r;
    r.set_date("2025-11-25");
    v1::CampaignStatus st;
    ASSERT_TRUE(store->progress().Query(r, &st).ok());
    before = st.DebugString();
    std::ostringstream out;
    ASSERT_TRUE(store->Export(&out).ok());
    log = out.str();
  }
  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(LedgerStore::Open(path, &store).ok());
  EXPECT_EQ(store->progress().reports().size(), inline_reports + 1);
  v1::CampaignStatusRequest r;
  r.set_date("2025-11-25");
  v1::CampaignStatus st;
  ASSERT_TRUE(store->progress().Query(r, &st).ok());
  EXPECT_EQ(st.DebugString(), before);
  for (const v1::TaskProgress& t : st.tasks()) {
    if (t.task_id() == "1.4") {
      EXPECT_DOUBLE_EQ(t.targets(0).reported(), 20);
    }
  }
  std::unique_ptr<LedgerStore> copy;
  ASSERT_TRUE(LedgerStore::Create(dir + "/c.db", campaign, &copy).ok());
  std::istringstream in(log);
  Status s = copy->Import(&in);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(copy->progress().Query(r, &st).ok());
  EXPECT_EQ(st.DebugString(), before);
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace chuangwen
