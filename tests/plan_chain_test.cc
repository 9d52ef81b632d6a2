// An imported plan runs end to end with no campaign written by hand: each
// sample plan is imported, its people seated, a ledger file opened, a
// finding issued and rectified and another left overdue, a month ranked on
// the proposed assessment and its bulletin rendered. Then the cascade: a
// bureau's plan linked to the city's plan it cites, and a cycle across the
// two reported.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chuangwen/assessment.h"
#include "chuangwen/cascade.h"
#include "chuangwen/codec.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/plan_import.h"
#include "chuangwen/report.h"
#include "chuangwen/roles.h"
#include "chuangwen/validate.h"
#include "test_support.h"

namespace chuangwen {
namespace {

v1::ImportResult ImportFile(const std::string& path) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  v1::ImportResult r;
  s = ImportPlan(text, v1::ImportOptions(), &r);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  return r;
}

std::string Problems(const v1::ValidationReport& report) {
  std::string out;
  for (const v1::Problem& p : report.problems())
    out += p.location() + ": " + p.message() + "\n";
  return out;
}

// The plan's year: its issue date, else its first dated phase.
std::string PlanYear(const v1::Campaign& c) {
  for (const v1::Document& d : c.documents())
    if (d.id() == c.plan_document_id() && !d.issue_date().empty())
      return d.issue_date().substr(0, 4);
  for (const v1::Phase& p : c.schedule().phases())
    if (!p.start().empty()) return p.start().substr(0, 4);
  return "";
}

v1::LedgerEvent Event(const std::string& id, const std::string& item,
                      const std::string& actor, const std::string& at) {
  v1::LedgerEvent e;
  e.set_id(id);
  e.set_item_id(item);
  e.set_actor(actor);
  e.set_at(at);
  return e;
}

class ImportedPlanChainTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ImportedPlanChainTest, RunsFromImportToBulletin) {
  const v1::ImportResult imported =
      ImportFile(std::string(CW_SAMPLES_DIR) + "/" + GetParam());
  ASSERT_EQ(imported.problems().problems_size(), 0)
      << Problems(imported.problems());
  const v1::Campaign& proposed = imported.campaign();
  ASSERT_TRUE(proposed.assessment().proposed());
  const std::string year = PlanYear(proposed);
  ASSERT_EQ(year.size(), 4u);

  testing::TempDir dir;
  std::unique_ptr<LedgerStore> store;
  Status s = LedgerStore::Create(dir.File("ledger.db"), proposed, &store);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const Campaign& campaign = store->ledger().campaign();
  const CampaignIndex& index = campaign.index();
  const Roles& roles = campaign.roles();

  // Someone who may issue and verify, and two assessed units he does not
  // answer for, each with someone seated to act for it.
  std::string closer;
  for (const v1::Person& p : proposed.people()) {
    const int32_t i = index.Person(p.id());
    if (roles.May(i, v1::POLICY_ACTION_ISSUE) &&
        roles.May(i, v1::POLICY_ACTION_VERIFY)) {
      closer = p.id();
      break;
    }
  }
  ASSERT_FALSE(closer.empty()) << "nobody may issue and verify";
  std::vector<std::pair<std::string, std::string>> units;  // Unit, actor.
  for (const std::string& unit : proposed.assessment().assessed_unit_ids()) {
    if (roles.AnswersFor(index.Person(closer), index.Unit(unit))) continue;
    for (const v1::Person& p : proposed.people()) {
      if (roles.BelongsTo(index.Person(p.id()), index.Unit(unit))) {
        units.emplace_back(unit, p.id());
        break;
      }
    }
    if (units.size() == 2) break;
  }
  ASSERT_EQ(units.size(), 2u) << "two assessed units with someone in them";

  // A finding rectified and closed, another left overdue.
  const std::string month = year + "-06";
  std::vector<v1::LedgerEvent> events;
  for (size_t k = 0; k < 2; ++k) {
    v1::LedgerEvent issue = Event("e" + std::to_string(k), "item-" + std::to_string(k),
                                  closer, month + "-02T09:30:00+08:00");
    v1::IssueNotice* notice = issue.mutable_issue();
    notice->set_unit_id(units[k].first);
    notice->set_working_days(5);
    v1::Finding* f = notice->add_findings();
    f->set_id("f1");
    f->set_source(v1::DAILY_SUPERVISION);
    f->set_category("环境卫生");
    f->set_description("责任区内垃圾未及时清运");
    events.push_back(issue);
  }
  events.push_back(Event("e2", "item-0", units[0].second, month + "-03T10:00:00+08:00"));
  events.back().mutable_start();
  events.push_back(Event("e3", "item-0", units[0].second, month + "-05T16:00:00+08:00"));
  events.back().mutable_submit()->add_evidence("photos/after.jpg");
  events.push_back(Event("e4", "item-0", closer, month + "-06T11:00:00+08:00"));
  events.back().mutable_verify();
  s = store->Append(events);
  ASSERT_TRUE(s.ok()) << s.ToString();
  v1::LedgerItem closed;
  ASSERT_TRUE(store->ledger().Item("item-0", &closed).ok());
  EXPECT_EQ(closed.state(), v1::CLOSED);
  EXPECT_FALSE(closed.number().empty());  // From the proposed series.

  // The month ranks on the proposed assessment fed by the ledger.
  std::vector<v1::IndicatorInput> derived;
  ASSERT_TRUE(store->ledger().DeductionInputs(month, &derived).ok());
  v1::RankingTable table;
  s = RankPeriod(campaign, month, "", derived, &table);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(table.rows_size(),
            proposed.assessment().assessed_unit_ids_size());
  double clean = -1, overdue = -1;
  for (const v1::RankingRow& r : table.rows()) {
    if (r.unit_id() == units[0].first) clean = r.score();
    if (r.unit_id() == units[1].first) overdue = r.score();
  }
  EXPECT_EQ(clean, 95);    // One finding.
  EXPECT_EQ(overdue, 85);  // One finding, overdue at the month's end.
  EXPECT_EQ(table.rows(table.rows_size() - 1).unit_id(), units[1].first);

  // And the bulletin says so.
  ReportSources sources{&campaign, &store->ledger(), &store->evidence()};
  v1::ReportDocumentRequest request;
  request.set_kind(v1::MONTHLY_BULLETIN);
  request.set_format(v1::MARKDOWN);
  request.set_month(month);
  v1::ReportDocument doc;
  s = RenderReport(sources, request, &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const std::string& name = proposed.units(index.Unit(units[1].first)).name();
  EXPECT_NE(doc.content().find("| " + name + " | "), std::string::npos)
      << doc.content();
  EXPECT_NE(doc.content().find("| 85.00 |"), std::string::npos)
      << doc.content();
}

INSTANTIATE_TEST_SUITE_P(Samples, ImportedPlanChainTest,
                         ::testing::Values("plan-zhengzhou-2017.txt",
                                           "plan-laoshan-template.txt"));

// People the plan names are seated in units; seats it gives without names
// get stand-ins marked for review.
TEST(ImportedPlanTest, PeopleAreSeatedAndUnnamedSeatsFilled) {
  const v1::Campaign c =
      ImportFile(std::string(CW_SAMPLES_DIR) + "/plan-zhengzhou-2017.txt")
          .campaign();
  std::map<std::string, const v1::Person*> people;
  for (const v1::Person& p : c.people()) people[p.id()] = &p;
  ASSERT_TRUE(people.count("李群柱"));
  EXPECT_EQ(people["李群柱"]->unit_id(), "郑州市机动车修配管理处");  // 组长.
  EXPECT_EQ(people["王楠"]->unit_id(), "办公室");  // Office member.
  ASSERT_TRUE(people.count("市管科负责同志"));
  EXPECT_TRUE(people["市管科负责同志"]->proposed());
  EXPECT_EQ(people["市管科负责同志"]->unit_id(), "市管科");
  EXPECT_FALSE(people["王楠"]->proposed());
  // Quarterly 重点工作考核 is stated: it is proposed, weighed 0.4.
  ASSERT_EQ(c.assessment().components_size(), 2);
  EXPECT_EQ(c.assessment().components(1).name(), "重点工作考核");
  // A bare import seats nobody.
  std::string text;
  ASSERT_TRUE(
      ReadFile(std::string(CW_SAMPLES_DIR) + "/plan-zhengzhou-2017.txt", &text)
          .ok());
  v1::ImportOptions bare;
  bare.set_bare(true);
  v1::ImportResult r;
  ASSERT_TRUE(ImportPlan(text, bare, &r).ok());
  EXPECT_EQ(r.campaign().assessment().schemes_size(), 0);
  for (const v1::Person& p : r.campaign().people())
    EXPECT_TRUE(p.unit_id().empty()) << p.id();
}

TEST(CascadeTest, ABureauPlanLinksToTheCityPlanItCites) {
  const std::string dir = CW_CASCADE_FIXTURES;
  const v1::ImportResult city = ImportFile(dir + "/city.txt");
  const v1::ImportResult bureau = ImportFile(dir + "/bureau.txt");
  v1::CascadeResult linked;
  Status s = LinkPlans(bureau.campaign(), city.campaign(), &linked);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<std::string> links;
  for (const v1::TaskLink& l : linked.links())
    links.push_back(l.task_id() + " → " + l.implements_task_id() + " " +
                    l.parent_title() + " (" + l.match() + ")");
  EXPECT_EQ(links, (std::vector<std::string>{
                       "1 → parent-1/1 全面整治城市市容环境 (contains)",
                       "2 → parent-1/2 深入开展志愿服务活动 (shares 6 "
                       "characters)"}));
  EXPECT_EQ(std::vector<std::string>(linked.unlinked_task_ids().begin(),
                                     linked.unlinked_task_ids().end()),
            std::vector<std::string>{"3"});  // 内部安全生产: the bureau's own.
  const v1::Campaign& c = linked.campaign();
  EXPECT_EQ(Validate(c).problems_size(), 0) << Problems(Validate(c));
  for (const v1::Document& d : c.documents()) {
    if (d.id() != "parent-1") continue;
    EXPECT_EQ(d.number(), "青办〔2024〕3号");
    EXPECT_EQ(d.issue_date(), "2024-02-26");
  }
  // Linking again replaces the copy instead of adding a second.
  v1::CascadeResult again;
  ASSERT_TRUE(LinkPlans(c, city.campaign(), &again).ok());
  EXPECT_EQ(again.campaign().tasks_size(), c.tasks_size());
  EXPECT_EQ(again.links_size(), 2);

  // A cycle across the two plans: the city's task made to implement the
  // bureau's task that implements it.
  v1::Campaign cyclic = c;
  for (v1::Task& t : *cyclic.mutable_tasks())
    if (t.id() == "parent-1/2") t.add_implements_task_ids("2");
  const v1::ValidationReport report = Validate(cyclic);
  ASSERT_EQ(report.problems_size(), 1) << Problems(report);
  EXPECT_EQ(report.problems(0).code(), v1::PROBLEM_CODE_CYCLE);
  EXPECT_EQ(report.problems(0).message(),
            "tasks and the tasks they implement form a cycle: 2 "
            "(青城管〔2024〕11号) → parent-1/2 (青办〔2024〕3号) → 2 "
            "(青城管〔2024〕11号)");

  // A plan that does not cite the parent's 文号 is refused, naming both.
  s = LinkPlans(city.campaign(), bureau.campaign(), &again);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "child plan 青办〔2024〕3号 does not cite the parent's 文号 "
            "青城管〔2024〕11号 (it cites none)");
}

}  // namespace
}  // namespace chuangwen
