// Responsibility queries on the example campaign, by index and by id.
#include "chuangwen/responsibility_graph.h"

#include <gtest/gtest.h>

#include "chuangwen/responsibility_query.h"
#include "test_support.h"

namespace chuangwen {
namespace {

class ResponsibilityTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Campaign> c_ = Campaign::Build(testing::LoadExample());

  // "task:role[:via]" strings for compact comparisons.
  static std::vector<std::string> Describe(const v1::PartyTasks& answer) {
    std::vector<std::string> out;
    for (const v1::Involvement& inv : answer.involvements()) {
      std::string s =
          inv.task_id() + ":" + v1::AssignmentRole_Name(inv.role()).substr(16);
      if (!inv.via_unit_id().empty()) s += ":" + inv.via_unit_id();
      out.push_back(s);
    }
    return out;
  }
};

TEST_F(ResponsibilityTest, UnitTasksInPlanOrderWithRoles) {
  v1::PartyTasks answer;
  ASSERT_TRUE(QueryUnitTasks(*c_, "srk", false, &answer).ok());
  EXPECT_EQ(answer.party().name(), "市容科");
  EXPECT_EQ(answer.party().kind(), v1::PARTY_KIND_UNIT);
  EXPECT_EQ(Describe(answer), (std::vector<std::string>{
                                  "1.1:RESPONSIBLE_UNIT", "1.2:ASSISTING_UNIT",
                                  "1.3:ASSISTING_UNIT", "2.1:ASSISTING_UNIT",
                                  "3.1:ASSISTING_UNIT"}));
  EXPECT_EQ(answer.involvements(0).task_title(), "整治占道经营和乱停乱放");
  EXPECT_EQ(answer.involvements(0).label(), "责任科室");
  EXPECT_EQ(answer.counts().responsible_unit(), 1);
  EXPECT_EQ(answer.counts().assisting_unit(), 4);
  EXPECT_EQ(answer.counts().total(), 5);
}

TEST_F(ResponsibilityTest, UnitTasksIncludingChildUnits) {
  v1::PartyTasks direct, with_children;
  ASSERT_TRUE(QueryUnitTasks(*c_, "zfdd", false, &direct).ok());
  EXPECT_EQ(Describe(direct), (std::vector<std::string>{
                                  "1.1:ASSISTING_UNIT", "2.2:ASSISTING_UNIT",
                                  "2.3:LEAD_UNIT", "3.3:ASSISTING_UNIT"}));
  ASSERT_TRUE(QueryUnitTasks(*c_, "zfdd", true, &with_children).ok());
  EXPECT_TRUE(with_children.includes_child_units());
  EXPECT_EQ(Describe(with_children),
            (std::vector<std::string>{
                "1.1:ASSISTING_UNIT", "1.2:RESPONSIBLE_UNIT:zfdd1",
                "2.2:ASSISTING_UNIT", "2.3:LEAD_UNIT", "3.3:ASSISTING_UNIT"}));
  // The bureau itself has no direct task but reaches every task through its
  // units.
  v1::PartyTasks bureau;
  ASSERT_TRUE(QueryUnitTasks(*c_, "dhcg", true, &bureau).ok());
  EXPECT_EQ(bureau.counts().total(), 12);
  ASSERT_TRUE(QueryUnitTasks(*c_, "dhcg", false, &bureau).ok());
  EXPECT_EQ(bureau.involvements_size(), 0);
}

TEST_F(ResponsibilityTest, PersonTasks) {
  v1::PartyTasks answer;
  ASSERT_TRUE(QueryPersonTasks(*c_, "zhoumy", &answer).ok());
  EXPECT_EQ(answer.party().name(), "周明远");
  EXPECT_EQ(Describe(answer),
            (std::vector<std::string>{"2.1:LEAD_LEADER", "2.5:LEAD_LEADER"}));
  ASSERT_TRUE(QueryPersonTasks(*c_, "sunhy", &answer).ok());
  EXPECT_EQ(answer.counts().lead_leader(), 6);
  ASSERT_TRUE(QueryPersonTasks(*c_, "yangf", &answer).ok());
  EXPECT_EQ(answer.involvements_size(), 0);
}

TEST_F(ResponsibilityTest, TaskPartiesLeadersFirstThenUnitsByRole) {
  v1::TaskParties answer;
  ASSERT_TRUE(QueryTaskParties(*c_, "2.1", &answer).ok());
  EXPECT_EQ(answer.title(), "培育和践行社会主义核心价值观");
  EXPECT_EQ(answer.parent_id(), "2");
  std::vector<std::string> got;
  for (const v1::PartyRole& p : answer.parties()) {
    got.push_back(p.party().name() + "/" + p.label());
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "周明远/责任领导", "孙海燕/责任领导", "宣传科/责任科室",
                     "办公室/协助单位", "市容科/协助单位", "环卫科/协助单位"}));
  EXPECT_EQ(answer.parties(0).party().kind(), v1::PARTY_KIND_PERSON);
  EXPECT_EQ(answer.parties(2).role(), v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
}

TEST_F(ResponsibilityTest, UnknownIdsAreNotFoundWithTheId) {
  v1::PartyTasks tasks;
  Status s = QueryUnitTasks(*c_, "zhiguan", false, &tasks);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.message(), "unit 'zhiguan' does not exist");
  EXPECT_EQ(QueryPersonTasks(*c_, "srk", &tasks).message(),
            "person 'srk' does not exist");
  v1::TaskParties parties;
  EXPECT_EQ(QueryTaskParties(*c_, "9.9", &parties).message(),
            "task '9.9' does not exist");
  v1::DocumentChain chain;
  EXPECT_EQ(QueryDocumentChain(*c_, "", &chain).code(),
            Status::Code::kNotFound);
}

TEST_F(ResponsibilityTest, LoadPerUnitAndPerson) {
  v1::LoadSummary load;
  QueryLoad(*c_, &load);
  ASSERT_EQ(load.units_size(), 8);
  ASSERT_EQ(load.people_size(), 12);
  const v1::PartyLoad& office = load.units(1);
  EXPECT_EQ(office.party().id(), "bgs");
  EXPECT_EQ(office.counts().lead_unit(), 1);
  EXPECT_EQ(office.counts().responsible_unit(), 4);
  EXPECT_EQ(office.counts().assisting_unit(), 2);
  EXPECT_EQ(office.counts().total(), 7);
  EXPECT_EQ(load.people(2).party().id(), "hanlq");
  EXPECT_EQ(load.people(2).counts().lead_leader(), 4);
  EXPECT_EQ(load.people(11).counts().total(), 0);  // 杨帆 leads nothing.
}

TEST_F(ResponsibilityTest, GapsCountInheritedAssignments) {
  v1::GapReport gaps;
  QueryGaps(*c_, &gaps);
  EXPECT_EQ(gaps.gaps_size(), 0);

  v1::Campaign proto = c_->proto();
  // Remove 2.4's lead leader and 1.3's responsible unit.
  int leader = testing::FindAssignment(proto, "2.4", "sunhy",
                                       v1::ASSIGNMENT_ROLE_LEAD_LEADER);
  proto.mutable_assignments()->DeleteSubrange(leader, 1);
  int unit = testing::FindAssignment(proto, "1.3", "hwk",
                                     v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
  proto.mutable_assignments()->DeleteSubrange(unit, 1);
  auto broken = Campaign::Build(proto);
  QueryGaps(*broken, &gaps);
  ASSERT_EQ(gaps.gaps_size(), 2);
  EXPECT_EQ(gaps.gaps(0).task_id(), "1.3");
  EXPECT_FALSE(gaps.gaps(0).missing_lead_leader());
  EXPECT_TRUE(gaps.gaps(0).missing_responsible_unit());
  EXPECT_EQ(gaps.gaps(1).task_id(), "2.4");
  EXPECT_TRUE(gaps.gaps(1).missing_lead_leader());
  EXPECT_FALSE(gaps.gaps(1).missing_responsible_unit());

  // A lead leader on the parent task covers 2.4.
  v1::Assignment* a = proto.add_assignments();
  a->set_task_id("2");
  a->set_person_id("zhoumy");
  a->set_role(v1::ASSIGNMENT_ROLE_LEAD_LEADER);
  QueryGaps(*Campaign::Build(proto), &gaps);
  ASSERT_EQ(gaps.gaps_size(), 1);
  EXPECT_EQ(gaps.gaps(0).task_id(), "1.3");
}

TEST_F(ResponsibilityTest, DocumentChainNearestFirst) {
  v1::DocumentChain chain;
  // 1.1 has no document of its own: the plan document stands in.
  ASSERT_TRUE(QueryDocumentChain(*c_, "1.1", &chain).ok());
  ASSERT_EQ(chain.links_size(), 3);
  EXPECT_EQ(chain.links(0).document().number(), "东城管〔2025〕3号");
  EXPECT_EQ(chain.links(0).depth(), 0);
  EXPECT_EQ(chain.links(1).document().number(), "青城管〔2025〕21号");
  EXPECT_EQ(chain.links(1).depth(), 1);
  EXPECT_EQ(chain.links(1).cited_by_id(), "dhcg-2025-3");
  EXPECT_EQ(chain.links(2).document().number(), "青办〔2025〕6号");
  EXPECT_EQ(chain.links(2).depth(), 2);

  // A plan citing both its parent and its grandparent lists each once.
  v1::Campaign proto = c_->proto();
  proto.mutable_documents(2)->add_parent_ids("qingban-2025-6");
  ASSERT_TRUE(QueryDocumentChain(*Campaign::Build(proto), "2", &chain).ok());
  ASSERT_EQ(chain.links_size(), 3);
  EXPECT_EQ(chain.links(2).document().id(), "qingban-2025-6");
  EXPECT_EQ(chain.links(2).depth(), 1);
}

TEST_F(ResponsibilityTest, GraphSurvivesCyclesAndBrokenReferences) {
  v1::Campaign proto = c_->proto();
  proto.mutable_units(0)->set_parent_id("zfdd1");
  proto.mutable_documents(0)->add_parent_ids("dhcg-2025-3");
  proto.mutable_tasks(0)->set_parent_id("1.4");
  auto broken = Campaign::Build(proto);
  EXPECT_FALSE(broken->valid());
  v1::PartyTasks tasks;
  ASSERT_TRUE(QueryUnitTasks(*broken, "zfdd", true, &tasks).ok());
  EXPECT_EQ(tasks.involvements_size(),
            4);  // Units on a cycle keep only their own.
  v1::DocumentChain chain;
  ASSERT_TRUE(QueryDocumentChain(*broken, "2.1", &chain).ok());
  EXPECT_EQ(chain.links_size(), 3);
  v1::GapReport gaps;
  QueryGaps(*broken, &gaps);
}

}  // namespace
}  // namespace chuangwen
