// The review round trip: items under stable ids, and an earlier review's
// decisions (accept, reject, correct, add) applied to a new import of the
// same plan.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "chuangwen/plan_import.h"

namespace chuangwen {
namespace {

const char kPlan[] =
    "青岭区2025年创建工作方案\n"
    "一、组织领导\n"
    "组  长：高建平\n"
    "副组长：罗晓、唐伟\n"
    "二、重点任务\n"
    "（一）整治农贸市场\n"
    "牵头单位：区市场监管局\n"
    "配合单位：区城管局、各街道\n"
    "（二）规范户外广告\n"
    "牵头单位：区城管局\n";

v1::ImportResult Import(const std::vector<v1::ReviewDecision>& review) {
  v1::ImportOptions options;
  options.set_bare(true);
  for (const v1::ReviewDecision& d : review) *options.add_review() = d;
  v1::ImportResult r;
  const Status s = ImportPlan(kPlan, options, &r);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return r;
}

v1::ReviewDecision Decision(const std::string& item, v1::ReviewAction action,
                            const std::string& value = "") {
  v1::ReviewDecision d;
  d.set_item(item);
  d.set_action(action);
  d.set_value(value);
  return d;
}

const v1::ReviewItem* Item(const v1::ImportResult& r, const std::string& id) {
  for (const v1::ReviewItem& x : r.review_items())
    if (x.item() == id) return &x;
  return nullptr;
}

TEST(PlanReviewTest, ItemsHaveStableIdsLeastSureFirst) {
  const v1::ImportResult a = Import({}), b = Import({});
  ASSERT_EQ(a.review_items_size(), b.review_items_size());
  for (int i = 0; i < a.review_items_size(); ++i)
    EXPECT_EQ(a.review_items(i).item(), b.review_items(i).item());
  for (const char* id :
       {"header/name", "seat/leading-group/leader/高建平",
        "seat/leading-group/deputy_leader/唐伟",
        "task/1/lead_unit/区市场监管局", "task/1/assisting_unit/各街道",
        "task/2/lead_unit/区城管局"})
    EXPECT_NE(Item(a, id), nullptr) << id;
  const auto& items = a.review_items();
  EXPECT_TRUE(
      std::is_sorted(items.begin(), items.end(),
                     [](const v1::ReviewItem& x, const v1::ReviewItem& y) {
                       return x.confidence() < y.confidence();
                     }));
  const v1::ReviewItem* unit = Item(a, "task/1/lead_unit/区市场监管局");
  EXPECT_EQ(unit->source().first_line(), 7);
  EXPECT_EQ(unit->cue(), "label 牵头单位");
}

TEST(PlanReviewTest, DecisionsApplyToTheNextImport) {
  const v1::ImportResult r =
      Import({Decision("seat/leading-group/deputy_leader/唐伟",
                       v1::REVIEW_CORRECT, "唐炜"),
              Decision("task/1/assisting_unit/各街道", v1::REVIEW_REJECT),
              Decision("task/2/responsible_unit/区住建局", v1::REVIEW_ADD),
              Decision("task/1/lead_unit/区市场监管局", v1::REVIEW_ACCEPT),
              Decision("header/number", v1::REVIEW_ADD, "青岭创〔2025〕1号"),
              Decision("task/9/lead_unit/区教育局", v1::REVIEW_REJECT)});
  EXPECT_NE(Item(r, "seat/leading-group/deputy_leader/唐炜"), nullptr);
  EXPECT_EQ(Item(r, "seat/leading-group/deputy_leader/唐伟"), nullptr);
  EXPECT_EQ(Item(r, "task/1/assisting_unit/各街道"), nullptr);
  EXPECT_NE(Item(r, "task/1/assisting_unit/区城管局"), nullptr);
  const v1::ReviewItem* added = Item(r, "task/2/responsible_unit/区住建局");
  ASSERT_NE(added, nullptr);
  EXPECT_DOUBLE_EQ(added->confidence(), 1.0);
  EXPECT_DOUBLE_EQ(Item(r, "task/1/lead_unit/区市场监管局")->confidence(), 1.0);
  EXPECT_EQ(r.campaign().documents(0).number(), "青岭创〔2025〕1号");
  // The plan changed since the review: said, not failed.
  ASSERT_EQ(r.notes_size(), 1);
  EXPECT_NE(r.notes(0).find("no task '9'"), std::string::npos) << r.notes(0);
}

TEST(PlanReviewTest, MalformedDecisionsAreRefusedByName) {
  v1::ImportOptions options;
  v1::ImportResult r;
  *options.add_review() =
      Decision("seat/leading-group/captain/高建平", v1::REVIEW_ACCEPT);
  Status s = ImportPlan(kPlan, options, &r);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("review[0].item"), std::string::npos)
      << s.ToString();
  options.clear_review();
  *options.add_review() =
      Decision("task/1/lead_unit/区市场监管局", v1::REVIEW_CORRECT);
  s = ImportPlan(kPlan, options, &r);
  EXPECT_NE(s.message().find("review[0]: a correction without a value"),
            std::string::npos)
      << s.ToString();
  options.clear_review();
  *options.add_review() =
      Decision("header/number", v1::REVIEW_ACTION_UNSPECIFIED);
  s = ImportPlan(kPlan, options, &r);
  EXPECT_NE(s.message().find("review[0]: no action"), std::string::npos);
}

}  // namespace
}  // namespace chuangwen

namespace chuangwen {
namespace {

// Quantities a task commits to become proposed targets, the materials it
// must produce proposed evidence requirements, and phases given as months
// (7月份, 8-9月份) their dates.
TEST(PlanProposalsTest, TargetsEvidenceAndMonthPhases) {
  const char plan[] =
      "石川县2025年创建工作方案\n"
      "一、重点任务\n"
      "（一）建设绿道网络。年内建成绿道120公里，建立工作台账。\n"
      "牵头单位：县住建局\n"
      "（二）提升政务服务。10月底前实现90%"
      "以上事项网上可办，每月20日前报送工作照片。\n"
      "牵头单位：县政务服务中心\n"
      "（三）治理噪声扰民。全年噪声投诉不超过20件。\n"
      "牵头单位：县生态环境局\n"
      "二、工作步骤\n"
      "（一）动员部署阶段（7月份）。召开动员会。\n"
      "（二）集中攻坚阶段（8-9月份）。逐项推进。\n";
  v1::ImportOptions options;
  v1::ImportResult r;
  ASSERT_TRUE(ImportPlan(plan, options, &r).ok());
  const v1::Campaign& c = r.campaign();
  ASSERT_EQ(c.targets_size(), 3) << c.DebugString();
  EXPECT_EQ(c.targets(0).task_id(), "1");
  EXPECT_EQ(c.targets(0).metric(), "绿道");
  EXPECT_EQ(c.targets(0).target(), 120);
  EXPECT_EQ(c.targets(0).unit_of_measure(), "公里");
  EXPECT_EQ(c.targets(0).deadline(), "2025-12-31");
  EXPECT_EQ(c.targets(1).metric(), "事项网上可办");
  EXPECT_EQ(c.targets(1).measure(), v1::LEVEL);
  EXPECT_EQ(c.targets(1).deadline(), "2025-10-31");
  EXPECT_EQ(c.targets(2).direction(), v1::AT_MOST);
  EXPECT_EQ(c.targets(2).target(), 20);
  ASSERT_EQ(c.evidence_requirements_size(), 2);
  EXPECT_EQ(c.evidence_requirements(0).kind(), v1::WORK_LEDGER);
  EXPECT_EQ(c.evidence_requirements(0).due(), "2025-12-31");
  EXPECT_EQ(c.evidence_requirements(1).kind(), v1::PHOTO);
  EXPECT_FALSE(c.evidence_requirements(1).duty_id().empty());
  ASSERT_EQ(c.schedule().phases_size(), 2);
  EXPECT_EQ(c.schedule().phases(0).start(), "2025-07-01");
  EXPECT_EQ(c.schedule().phases(0).end(), "2025-07-31");
  EXPECT_EQ(c.schedule().phases(1).start(), "2025-08-01");
  EXPECT_EQ(c.schedule().phases(1).end(), "2025-09-30");
  // The ceiling's baseline is not in the plan: validation asks for it.
  ASSERT_EQ(r.problems().problems_size(), 1) << r.problems().DebugString();
  EXPECT_EQ(r.problems().problems(0).location(), "targets[2].target");
  // Proposals only: the text alone has none.
  options.set_bare(true);
  ASSERT_TRUE(ImportPlan(plan, options, &r).ok());
  EXPECT_EQ(r.campaign().targets_size(), 0);
}

}  // namespace
}  // namespace chuangwen
