// Each validation rule, broken on purpose in an otherwise valid campaign.
#include "chuangwen/validate.h"

#include <gtest/gtest.h>

#include "chuangwen/campaign.h"
#include "test_support.h"

namespace chuangwen {
namespace {

using testing::FindAssignment;
using testing::LoadExample;
using testing::ProblemsWithCode;

class ValidateTest : public ::testing::Test {
 protected:
  v1::Campaign c_ = LoadExample();

  v1::Assignment* AddAssignment(const std::string& task,
                                const std::string& unit,
                                const std::string& person,
                                v1::AssignmentRole role) {
    v1::Assignment* a = c_.add_assignments();
    a->set_task_id(task);
    a->set_unit_id(unit);
    a->set_person_id(person);
    a->set_role(role);
    return a;
  }
  v1::Task* Task(const std::string& id) {
    for (v1::Task& t : *c_.mutable_tasks()) {
      if (t.id() == id) return &t;
    }
    ADD_FAILURE() << "no task " << id;
    return nullptr;
  }
};

TEST_F(ValidateTest, ExampleIsValid) {
  v1::ValidationReport r = Validate(c_);
  EXPECT_EQ(r.problems_size(), 0) << r.DebugString();
}

TEST_F(ValidateTest, UnknownUnitInAssignmentNamesTaskUnitAndField) {
  int i = FindAssignment(c_, "2.3", "zfdd", v1::ASSIGNMENT_ROLE_LEAD_UNIT);
  ASSERT_GE(i, 0);
  c_.mutable_assignments(i)->set_unit_id("zhiguan");
  auto found =
      ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_UNKNOWN_REFERENCE);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message(), "task 2.3: lead unit 'zhiguan' does not exist");
  EXPECT_EQ(found[0].location(),
            "assignments[" + std::to_string(i) + "].unit_id");
  EXPECT_EQ(found[0].subject_id(), "2.3");
}

TEST_F(ValidateTest, EveryKindOfReferenceIsChecked) {
  c_.mutable_units(3)->set_parent_id("no-unit");
  c_.mutable_people(2)->set_unit_id("no-unit");
  c_.mutable_bodies(1)->set_parent_body_id("no-body");
  c_.mutable_bodies(1)->set_host_unit_id("no-unit");
  c_.mutable_bodies(0)->mutable_members(0)->set_person_id("no-person");
  c_.mutable_documents(1)->set_parent_ids(0, "no-doc");
  c_.set_plan_document_id("no-doc");
  Task("1.1")->set_parent_id("9");
  Task("1")->set_document_id("no-doc");
  Task("1.2")->add_implements_task_ids("no-task");
  c_.mutable_assignments(0)->set_task_id("no-task");
  c_.mutable_assignments(0)->set_person_id("no-person");
  auto found =
      ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_UNKNOWN_REFERENCE);
  std::vector<std::string> locations;
  for (const auto& p : found) locations.push_back(p.location());
  EXPECT_EQ(locations,
            (std::vector<std::string>{
                "units[3].parent_id", "people[2].unit_id",
                "bodies[0].members[0].person_id", "bodies[1].parent_body_id",
                "bodies[1].host_unit_id", "documents[1].parent_ids[0]",
                "plan_document_id", "tasks[0].document_id",
                "tasks[1].parent_id", "tasks[2].implements_task_ids[0]",
                "assignments[0].task_id", "assignments[0].person_id"}));
  EXPECT_EQ(found[0].message(),
            "unit 'hwk': parent unit 'no-unit' does not exist");
  EXPECT_EQ(found[8].message(), "task 1.1: parent task '9' does not exist");
}

TEST_F(ValidateTest, DuplicateAndMissingIds) {
  v1::Unit* dup = c_.add_units();
  dup->set_id("srk");
  dup->set_name("市容科（重复）");
  v1::Task* t = c_.add_tasks();
  *t = *Task("2.4");
  c_.add_people()->set_name("无名");
  v1::ValidationReport r = Validate(c_);
  auto dups = ProblemsWithCode(r, v1::PROBLEM_CODE_DUPLICATE_ID);
  ASSERT_EQ(dups.size(), 2u);
  EXPECT_EQ(dups[0].message(),
            "unit id 'srk' is used again (first at units[2])");
  EXPECT_EQ(dups[0].location(), "units[8].id");
  EXPECT_EQ(dups[1].message(),
            "task id '2.4' is used again (first at tasks[9])");
  auto missing = ProblemsWithCode(r, v1::PROBLEM_CODE_MISSING_FIELD);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].location(), "people[12].id");
}

TEST_F(ValidateTest, TaskWithNoResponsibleUnit) {
  int i =
      FindAssignment(c_, "2.4", "xck", v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
  ASSERT_GE(i, 0);
  c_.mutable_assignments()->DeleteSubrange(i, 1);
  auto found =
      ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_NO_RESPONSIBLE_UNIT);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject_id(), "2.4");
  EXPECT_EQ(found[0].location(), "tasks[9]");
  EXPECT_NE(found[0].message().find("task 2.4 has no responsible or lead unit"),
            std::string::npos);

  // A responsible unit on the parent task covers its sub-tasks.
  AddAssignment("2", "xck", "", v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
  EXPECT_TRUE(
      ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_NO_RESPONSIBLE_UNIT)
          .empty());
}

TEST_F(ValidateTest, AssistingUnitAloneIsNotResponsible) {
  int i =
      FindAssignment(c_, "1.3", "hwk", v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
  c_.mutable_assignments(i)->set_role(v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
  auto found =
      ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_NO_RESPONSIBLE_UNIT);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject_id(), "1.3");
}

TEST_F(ValidateTest, LeadLeaderOutsideTheLeadingGroup) {
  // 杨帆 is the office's liaison, not a member of the leading group.
  int i = FindAssignment(c_, "3.2", "sunhy", v1::ASSIGNMENT_ROLE_LEAD_LEADER);
  c_.mutable_assignments(i)->set_person_id("yangf");
  auto found = ProblemsWithCode(
      Validate(c_), v1::PROBLEM_CODE_LEAD_LEADER_NOT_IN_LEADING_BODY);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message(),
            "task 3.2: lead leader 'yangf' (杨帆) sits in no leading group");
  EXPECT_EQ(found[0].location(),
            "assignments[" + std::to_string(i) + "].person_id");
}

TEST_F(ValidateTest, UnitBothResponsibleAndAssisting) {
  // As in a real plan: 责任科室：市管科 … 协助单位：市管科、资审科.
  AddAssignment("1.1", "srk", "", v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
  auto found = ProblemsWithCode(Validate(c_),
                                v1::PROBLEM_CODE_RESPONSIBLE_AND_ASSISTING);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message(),
            "task 1.1: unit 'srk' is both responsible for and assisting it");
  EXPECT_EQ(
      found[0].location(),
      "assignments[" + std::to_string(c_.assignments_size() - 1) + "].unit_id");
}

TEST_F(ValidateTest, CycleAmongUnitParents) {
  c_.mutable_units(0)->set_parent_id("zfdd1");  // dhcg → zfdd1 → zfdd → dhcg
  auto found = ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_CYCLE);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message(),
            "unit parents form a cycle: dhcg → zfdd1 → zfdd → dhcg");
  EXPECT_EQ(found[0].location(), "units[0].parent_id");
}

TEST_F(ValidateTest, CycleAmongTaskParentsIncludingSelfParent) {
  Task("1")->set_parent_id("1.4");
  Task("2.5")->set_parent_id("2.5");
  auto found = ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_CYCLE);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message(), "task parents form a cycle: 1 → 1.4 → 1");
  EXPECT_EQ(found[1].message(), "task parents form a cycle: 2.5 → 2.5");
}

TEST_F(ValidateTest, CycleAmongDocumentParents) {
  c_.mutable_documents(0)->add_parent_ids("dhcg-2025-3");
  auto found = ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_CYCLE);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(
      found[0].message(),
      "document parents form a cycle: 青办〔2025〕6号 → 东城管〔2025〕3号 → "
      "青城管〔2025〕21号 → 青办〔2025〕6号");
  EXPECT_EQ(found[0].subject_id(), "qingban-2025-6");
}

TEST_F(ValidateTest, CycleAmongBodyParents) {
  c_.mutable_bodies(0)->set_parent_body_id("office");
  auto found = ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_CYCLE);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(
      found[0].message(),
      "body parents form a cycle: leading-group → office → leading-group");
}

TEST_F(ValidateTest, AssignmentShapes) {
  AddAssignment("1.1", "srk", "",
                v1::ASSIGNMENT_ROLE_LEAD_LEADER);  // unit as leader
  AddAssignment("1.1", "", "chensq",
                v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);  // person as unit
  AddAssignment("1.1", "srk", "chensq",
                v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);               // both
  AddAssignment("1.1", "hwk", "", v1::ASSIGNMENT_ROLE_UNSPECIFIED);  // no role
  AddAssignment("1.1", "hwk", "",
                static_cast<v1::AssignmentRole>(42));  // unknown role
  v1::ValidationReport r = Validate(c_);
  auto mismatch = ProblemsWithCode(r, v1::PROBLEM_CODE_ROLE_MISMATCH);
  ASSERT_EQ(mismatch.size(), 2u);
  EXPECT_EQ(mismatch[0].message(),
            "task 1.1: lead leader must be a person, not unit 'srk'");
  EXPECT_EQ(mismatch[1].message(),
            "task 1.1: assisting unit must be a unit, not person 'chensq'");
  auto missing = ProblemsWithCode(r, v1::PROBLEM_CODE_MISSING_FIELD);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_NE(missing[0].message().find("exactly one of person_id or unit_id"),
            std::string::npos);
  EXPECT_NE(missing[1].message().find("has no role"), std::string::npos);
  auto invalid = ProblemsWithCode(r, v1::PROBLEM_CODE_INVALID_VALUE);
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_NE(invalid[0].message().find("unknown role 42"), std::string::npos);
}

TEST_F(ValidateTest, ImpossibleIssueDate) {
  c_.mutable_documents(2)->set_issue_date("2017-02-30");
  auto found = ProblemsWithCode(Validate(c_), v1::PROBLEM_CODE_INVALID_VALUE);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location(), "documents[2].issue_date");
  EXPECT_NE(found[0].message().find("'2017-02-30'"), std::string::npos);
}

TEST_F(ValidateTest, ReportsEveryProblemAtOnce) {
  c_.mutable_units(0)->set_parent_id("zfdd1");
  AddAssignment("1.1", "srk", "", v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
  c_.mutable_assignments(0)->set_person_id("yangf");
  AddAssignment("2.2", "zhiguan", "", v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
  c_.mutable_documents(2)->set_issue_date("2025-13-01");
  v1::ValidationReport r = Validate(c_);
  EXPECT_EQ(r.problems_size(), 5) << r.DebugString();
  // Rule order: references, dates, cycles, leaders, responsible-and-assisting.
  EXPECT_EQ(r.problems(0).code(), v1::PROBLEM_CODE_UNKNOWN_REFERENCE);
  EXPECT_EQ(r.problems(1).code(), v1::PROBLEM_CODE_INVALID_VALUE);
  EXPECT_EQ(r.problems(2).code(), v1::PROBLEM_CODE_CYCLE);
  EXPECT_EQ(r.problems(3).code(),
            v1::PROBLEM_CODE_LEAD_LEADER_NOT_IN_LEADING_BODY);
  EXPECT_EQ(r.problems(4).code(), v1::PROBLEM_CODE_RESPONSIBLE_AND_ASSISTING);
}

// Rule 14: targets and their milestones.
TEST_F(ValidateTest, TargetsAndMilestones) {
  ASSERT_GE(c_.targets_size(), 3);
  c_.mutable_targets(1)->set_id(c_.targets(0).id());  // Would overwrite.
  v1::Target* t = c_.mutable_targets(2);
  t->set_task_id("9.9");
  t->set_deadline("2025-13-01");
  v1::Target* late = c_.add_targets();
  late->set_id("t-late");
  late->set_task_id("1.1");
  late->set_metric("拆违面积");
  late->set_target(100);
  late->set_start("2025-06-01");
  late->set_deadline("2025-03-01");
  v1::Target* odd = c_.add_targets();
  odd->set_id("t-odd");
  odd->set_task_id("1.1");
  odd->set_metric("投诉件数");
  odd->set_baseline(10);
  odd->set_target(40);
  odd->set_direction(v1::AT_MOST);
  odd->set_start("2025-03-01");
  odd->set_deadline("2025-12-31");
  v1::Milestone* m = odd->add_milestones();
  m->set_date("2026-02-01");
  m->set_share(1.5);
  v1::Target* rate = c_.add_targets();
  rate->set_id("t-rate");
  rate->set_task_id("1.1");
  rate->set_metric("达标率");
  rate->set_unit_of_measure("%");
  rate->set_measure(v1::LEVEL);
  rate->set_target(120);
  rate->set_deadline("2025-12-31");
  v1::ValidationReport r = Validate(c_);
  std::vector<std::string> where;
  for (const v1::Problem& p : r.problems()) where.push_back(p.location() + ": " + p.message());
  auto has = [&](const std::string& text) {
    for (const std::string& w : where)
      if (w.find(text) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("targets[1].id: target '" + c_.targets(0).id() +
                  "' is defined twice"));
  EXPECT_TRUE(has("targets[2].task_id: target 't-1.3': task '9.9' does not exist"));
  EXPECT_TRUE(has("targets[2].deadline: target 't-1.3': deadline '2025-13-01' is not a date"));
  EXPECT_TRUE(has("targets[6].deadline: target 't-late': deadline 2025-03-01 is before its start 2025-06-01"));
  EXPECT_TRUE(has("targets[7].target: target 't-odd': AT_MOST 40 from a baseline of 10"));
  EXPECT_TRUE(has("targets[7].milestones[0].date: target 't-odd': milestone 2026-02-01 is after the deadline 2025-12-31"));
  EXPECT_TRUE(has("targets[7].milestones[0].share: target 't-odd': share 1.5 is not within 0..1"));
  EXPECT_TRUE(has("targets[8].target: target 't-rate': a level in % of 120"));
  EXPECT_EQ(ProblemsWithCode(r, v1::PROBLEM_CODE_DUPLICATE_ID).size(), 1u);
}

// Rule 15: supervision rules.
TEST_F(ValidateTest, SupervisionRules) {
  v1::SupervisionRules* s = c_.mutable_supervision();
  s->set_notice_series("东城管督改〔{year}〕号");
  ASSERT_GE(s->reminders_size(), 2);
  s->mutable_reminders(1)->set_working_days_after_deadline(
      s->reminders(0).working_days_after_deadline());
  ASSERT_GE(s->points_size(), 2);
  s->mutable_points(1)->set_id(s->points(0).id());
  s->mutable_points(0)->set_unit_id("nowhere");
  s->mutable_points(0)->set_latitude(123);
  v1::EscalationRule* e = s->add_escalation();
  e->set_id("");
  v1::DeductionSource* d = s->add_deductions();
  d->set_indicator_id("M99");
  s->set_repeat_window_months(-1);
  v1::ValidationReport r = Validate(c_);
  std::vector<std::string> where;
  for (const v1::Problem& p : r.problems()) where.push_back(p.location() + ": " + p.message());
  auto has = [&](const std::string& text) {
    for (const std::string& w : where)
      if (w.find(text) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("supervision.notice_series: has no {n}"));
  EXPECT_TRUE(has("supervision.reminders[1].working_days_after_deadline: must be later than the level before it"));
  EXPECT_TRUE(has("supervision.points[1].id: inspection point '" + s->points(0).id() + "' is defined twice"));
  EXPECT_TRUE(has("supervision.points[0].unit_id: inspection point '" + s->points(0).id() + "': unit 'nowhere' does not exist"));
  EXPECT_TRUE(has("supervision.points[0].latitude: inspection point '" + s->points(0).id() + "': 123 is not within -90..90"));
  const int last = s->escalation_size() - 1;
  EXPECT_TRUE(has("supervision.escalation[" + std::to_string(last) + "].id: an escalation rule has no id"));
  EXPECT_TRUE(has("supervision.escalation[" + std::to_string(last) + "].measure: escalation rule '': no measure"));
  EXPECT_TRUE(has("supervision.escalation[" + std::to_string(last) + "]: escalation rule '': fires on nothing"));
  const int ld = s->deductions_size() - 1;
  EXPECT_TRUE(has("supervision.deductions[" + std::to_string(ld) + "].indicator_id: indicator 'M99' does not exist"));
  EXPECT_TRUE(has("supervision.deductions[" + std::to_string(ld) + "].basis: no basis"));
  EXPECT_TRUE(has("supervision.repeat_window_months: is negative"));
}

}  // namespace
}  // namespace chuangwen

namespace chuangwen {
namespace {

// A problem in a campaign loaded from text or JSON names where it is, as
// lines and columns of characters (not bytes).
TEST(ProblemLocationTest, TextAndJsonGiveLineAndColumn) {
  const std::string text =
      "id: \"c\"\n"
      "units { id: \"a\" name: \"甲单位\" }\n"
      "units {\n"
      "\tid: \"b\"  name: \"乙单位\"\tparent_id: \"nowhere\"\n"
      "}\n"
      "units { id: \"c\" }\n";
  std::shared_ptr<const Campaign> c;
  ASSERT_TRUE(Campaign::Load(text, Format::kText, &c).ok());
  auto find = [&](const std::string& location) -> v1::Problem {
    for (const v1::Problem& p : c->problems().problems())
      if (p.location() == location) return p;
    ADD_FAILURE() << "no problem at " << location;
    return v1::Problem();
  };
  v1::Problem parent = find("units[1].parent_id");
  EXPECT_EQ(parent.line(), 4);
  EXPECT_EQ(parent.column(), 23);  // Two tabs and "乙单位" count 1 each.
  // A missing field: where its element starts.
  v1::Problem name = find("units[2].name");
  EXPECT_EQ(name.line(), 6);
  EXPECT_EQ(name.column(), 1);

  const std::string json =
      "{\n"
      "  \"id\": \"c\",\n"
      "  \"units\": [\n"
      "    {\"id\": \"a\", \"name\": \"甲单位\"},\n"
      "    {\"id\": \"b\", \"name\": \"乙单位\", \"parentId\": \"nowhere\"},\n"
      "    {\"id\": \"c\"}\n"
      "  ]\n"
      "}\n";
  ASSERT_TRUE(Campaign::Load(json, Format::kJson, &c).ok());
  parent = find("units[1].parent_id");
  EXPECT_EQ(parent.line(), 5);
  EXPECT_EQ(parent.column(), 44);
  name = find("units[2].name");
  EXPECT_EQ(name.line(), 6);
  EXPECT_EQ(name.column(), 5);
  // Built in memory there are no lines.
  c = Campaign::Build(c->proto());
  EXPECT_EQ(c->problems().problems(0).line(), 0);
}

}  // namespace
}  // namespace chuangwen
