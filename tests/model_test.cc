// The model layer: every kind of id interned, unit ancestry in O(1) at any
// depth, and roles derived once for people who hold several seats.
#include <gtest/gtest.h>

#include "chuangwen/campaign.h"
#include "chuangwen/codec.h"
#include "test_support.h"

namespace chuangwen {
namespace {

TEST(ModelTest, EveryKindOfIdIsIndexed) {
  std::shared_ptr<const Campaign> c = Campaign::Build(testing::LoadExample());
  const v1::Campaign& p = c->proto();
  const CampaignIndex& index = c->index();
  ASSERT_GT(p.schedule().duties_size(), 1);
  EXPECT_EQ(index.Duty(p.schedule().duties(1).id()), 1);
  EXPECT_EQ(index.Phase(p.schedule().phases(0).id()), 0);
  EXPECT_EQ(index.Target("t-1.4"), 3);
  EXPECT_EQ(index.EvidenceRequirement("ev-xck-summary"), 2);
  EXPECT_EQ(index.InspectionPoint("p-gjz"), 1);
  const v1::Scheme& scheme = p.assessment().schemes(1);
  EXPECT_EQ(index.Scheme(scheme.id()), 1);
  const IndicatorRef ref = index.Indicator(scheme.indicators(2).id());
  EXPECT_EQ(ref.scheme, 1);
  EXPECT_EQ(ref.indicator, 2);
  EXPECT_EQ(index.Indicator("nope").scheme, kNoIndex);
  EXPECT_EQ(index.Target("nope"), kNoIndex);
}

// A county's units 200 deep (the old walks gave up after 64 steps).
TEST(ModelTest, UnitAncestryAtAnyDepth) {
  v1::Campaign c;
  c.set_id("deep");
  for (int i = 0; i < 200; ++i) {
    v1::Unit* u = c.add_units();
    u->set_id("u" + std::to_string(i));
    u->set_name("第" + std::to_string(i) + "级");
    if (i > 0) u->set_parent_id("u" + std::to_string(i - 1));
  }
  v1::Unit* other = c.add_units();
  other->set_id("other");
  other->set_name("另一单位");
  std::shared_ptr<const Campaign> model = Campaign::Build(c);
  const CampaignIndex& index = model->index();
  EXPECT_TRUE(index.UnitAtOrUnder(index.Unit("u199"), index.Unit("u0")));
  EXPECT_TRUE(index.UnitAtOrUnder(index.Unit("u120"), index.Unit("u57")));
  EXPECT_TRUE(index.UnitAtOrUnder(index.Unit("u57"), index.Unit("u57")));
  EXPECT_FALSE(index.UnitAtOrUnder(index.Unit("u57"), index.Unit("u120")));
  EXPECT_FALSE(index.UnitAtOrUnder(index.Unit("u199"), index.Unit("other")));
  EXPECT_FALSE(index.UnitAtOrUnder(kNoIndex, index.Unit("u0")));
  EXPECT_EQ(index.ParentUnit(index.Unit("u7")), index.Unit("u6"));
}

// People with two seats: the role set is the union of their seats.
TEST(ModelTest, RolesOfPeopleWithSeveralSeats) {
  v1::Campaign c;
  ASSERT_TRUE(Decode(R"(
    id: "two-seats"
    units { id: "bureau" name: "青川市文旅局" }
    units { id: "office-unit" name: "局办公室" parent_id: "bureau" }
    units { id: "market" name: "市场管理科" parent_id: "bureau" }
    units { id: "market-1" name: "市场管理一股" parent_id: "market" }
    people { id: "head" name: "严冬梅" unit_id: "bureau" }
    people { id: "deputy" name: "柏青山" unit_id: "market" }
    people { id: "clerk" name: "岳小禾" unit_id: "office-unit" }
    people { id: "staff" name: "甘如一" unit_id: "market-1" }
    bodies { id: "lg" name: "领导小组" kind: BODY_KIND_LEADING_GROUP
      members { person_id: "head" role: MEMBER_ROLE_LEADER }
      members { person_id: "deputy" role: MEMBER_ROLE_DEPUTY_LEADER } }
    bodies { id: "off" name: "领导小组办公室" kind: BODY_KIND_OFFICE
      members { person_id: "deputy" role: MEMBER_ROLE_DIRECTOR }
      members { person_id: "clerk" role: MEMBER_ROLE_LIAISON } }
    bodies { id: "insp" name: "效能督查组" kind: BODY_KIND_WORKING_GROUP
      supervises: true
      members { person_id: "deputy" role: MEMBER_ROLE_LEADER } }
    tasks { id: "1" title: "市场秩序" }
    tasks { id: "1.1" parent_id: "1" title: "集贸市场整治" }
    assignments { task_id: "1" person_id: "head" role: ASSIGNMENT_ROLE_LEAD_LEADER }
    assignments { task_id: "1" unit_id: "market" role: ASSIGNMENT_ROLE_RESPONSIBLE_UNIT }
    assignments { task_id: "1.1" person_id: "deputy" role: ASSIGNMENT_ROLE_LEAD_LEADER }
  )", Format::kText, &c).ok());
  std::shared_ptr<const Campaign> model = Campaign::Build(c);
  const CampaignIndex& x = model->index();
  const Roles& r = model->roles();
  const int32_t head = x.Person("head"), deputy = x.Person("deputy"),
                clerk = x.Person("clerk"), staff = x.Person("staff");
  EXPECT_TRUE(r.LeadsCampaign(deputy));
  EXPECT_TRUE(r.InOffice(deputy));
  EXPECT_TRUE(r.Supervises(deputy));  // The 效能督查组, marked supervising.
  EXPECT_FALSE(r.Supervises(clerk));  // The office does not when a body is.
  EXPECT_TRUE(r.InOffice(clerk));
  EXPECT_FALSE(r.LeadsCampaign(clerk));
  EXPECT_TRUE(r.LeadsCampaign(head));
  EXPECT_FALSE(r.InOffice(head));
  // Belonging follows the unit tree.
  EXPECT_TRUE(r.BelongsTo(staff, x.Unit("market")));
  EXPECT_TRUE(r.BelongsTo(staff, x.Unit("bureau")));
  EXPECT_FALSE(r.BelongsTo(deputy, x.Unit("market-1")));
  // Task parties, own and inherited.
  EXPECT_TRUE(r.LeadsTask(head, x.Task("1.1")));
  EXPECT_TRUE(r.LeadsTask(deputy, x.Task("1.1")));
  EXPECT_FALSE(r.LeadsTask(deputy, x.Task("1")));
  EXPECT_TRUE(r.ResponsibleFor(x.Unit("market"), x.Task("1.1")));
  EXPECT_FALSE(r.ResponsibleFor(x.Unit("market-1"), x.Task("1.1")));
  ASSERT_EQ(r.NearestResponsibleUnits(x.Task("1.1")).size(), 1u);
  EXPECT_EQ(r.NearestResponsibleUnits(x.Task("1.1"))[0], x.Unit("market"));
  EXPECT_FALSE(r.Supervises(kNoIndex));
}

}  // namespace
}  // namespace chuangwen
