// The recognisers under plan import's organization and closing block:
// names with posts, seats in prose, dates in Chinese numerals.
#include "import/plan_seats.h"

#include <gtest/gtest.h>

#include <map>

#include "chuangwen/plan_import.h"
#include "import/plan_columns.h"
#include "import/plan_dates.h"

namespace chuangwen::internal {
namespace {

std::string Names(U32View list) {
  std::string out;
  for (const PersonMention& p : PeopleIn(list, BuiltInCues()))
    out += (out.empty() ? "" : "|") + ToUtf8(p.name) + "/" + ToUtf8(p.post);
  return out;
}

TEST(PlanSeatsTest, NamesWithPostsBeforeOrAfter) {
  EXPECT_EQ(Names(U"县委书记周志远"), "周志远/县委书记");
  EXPECT_EQ(Names(U"曹文华市委副书记、市长"), "曹文华/市委副书记、市长");
  EXPECT_EQ(Names(U"县委常委、副县长陆晓东，副县长马文静"),
            "陆晓东/县委常委、副县长|马文静/副县长");
  EXPECT_EQ(Names(U"何俊区委常委、宣传部部长"), "何俊/区委常委、宣传部部长");
  EXPECT_EQ(Names(U"林  涛  区委副书记、区长"), "林涛/区委副书记、区长");
  EXPECT_EQ(Names(U"罗斌、许婷婷同志"), "罗斌/|许婷婷/");
  // A post alone is a seat held by whoever holds it.
  EXPECT_EQ(Names(U"区委书记"), "/区委书记");
  // Collective seats name nobody.
  EXPECT_EQ(Names(U"各科室负责人"), "");
  EXPECT_EQ(Names(U"县直各有关单位主要负责同志"), "");
}

TEST(PlanSeatsTest, PhoneAfterName) {
  const std::vector<PersonMention> p =
      PeopleIn(U"孔维（13900001111）", BuiltInCues());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(ToUtf8(p[0].name), "孔维");
  EXPECT_EQ(ToUtf8(p[0].contact), "13900001111");
}

TEST(PlanSeatsTest, SeatsInProse) {
  const U32 line =
      U"成立以局长戴明辉为组长，副局长孟庆、石磊为副组长的领导小组，石磊同志兼"
      U"任办公室主任，龙小雨为联络员。";
  const std::vector<SeatMention> m = FindSeatMentions(line, BuiltInCues());
  ASSERT_EQ(m.size(), 4u);
  auto who = [&](size_t k) {
    return ToUtf8(
        U32View(line).substr(m[k].who_begin, m[k].who_end - m[k].who_begin));
  };
  EXPECT_EQ(m[0].role, v1::MEMBER_ROLE_LEADER);
  EXPECT_EQ(who(0), "局长戴明辉");
  EXPECT_EQ(m[1].role, v1::MEMBER_ROLE_DEPUTY_LEADER);
  EXPECT_EQ(who(1), "副局长孟庆、石磊");
  EXPECT_EQ(m[2].role, v1::MEMBER_ROLE_DIRECTOR);
  EXPECT_EQ(m[2].body, v1::SEAT_CUE_BODY_OFFICE);
  EXPECT_EQ(m[3].role, v1::MEMBER_ROLE_LIAISON);
  // "为组长单位" names a unit's part, not a seat.
  EXPECT_TRUE(FindSeatMentions(U"市城管局为组长单位", BuiltInCues()).empty());
}

// A table laid out with spaces (pdftotext -layout) reads as a tab table;
// a cell left empty is placed by the header's columns.
TEST(SpacedTableTest, RowsUnderTheHeaderGetTabs) {
  SpacedTable table(BuiltInCues().table_words);
  EXPECT_EQ(
      ToUtf8(table.Read(U"序号   工作任务           牵头单位      配合单位")),
      "序号\t工作任务\t牵头单位\t配合单位");
  EXPECT_EQ(
      ToUtf8(table.Read(U"1      整治农贸市场       区市场监管局  区城管局")),
      "1\t整治农贸市场\t区市场监管局\t区城管局");
  EXPECT_EQ(
      ToUtf8(table.Read(U"2      清理楼道堆物                     各街道")),
      "2\t清理楼道堆物\t\t各街道");
  // A line of one cell ends the table.
  EXPECT_EQ(ToUtf8(table.Read(U"二、工作要求")), "二、工作要求");
  EXPECT_EQ(ToUtf8(table.Read(U"各单位  要  高度重视")),
            "各单位  要  高度重视");
}

TEST(PlanDatesTest, ChineseNumeralDates) {
  EXPECT_EQ(WholeLineDate(U"二〇二五年三月十八日"), "2025-03-18");
  EXPECT_EQ(WholeLineDate(U"二○一七年十二月三十一日"), "2017-12-31");
  EXPECT_EQ(WholeLineDate(U"二〇二五年六月三日"), "2025-06-03");
  EXPECT_EQ(WholeLineDate(U"(2025年2月20日)"), "2025-02-20");
  EXPECT_EQ(WholeLineDate(U"二〇二五年十三月一日"), "");
  EXPECT_EQ(WholeLineDate(U"二〇二五年三月"), "");
}

}  // namespace
}  // namespace chuangwen::internal

namespace chuangwen {
namespace {

// A local label the built-in cues lack is one extra cue away; a cue
// without its meaning is refused, naming it.
TEST(PlanCuesTest, ExtraCuesAddLocalLabels) {
  const std::string plan =
      "一、重点任务\n（一）整治农贸市场\n牵头单位：县市场监管局\n督办单位：县纪"
      "委\n";
  v1::ImportOptions options;
  options.set_bare(true);
  v1::ImportResult r;
  ASSERT_TRUE(ImportPlan(plan, options, &r).ok());
  EXPECT_EQ(r.campaign().assignments_size(), 1);
  v1::RoleCue* cue = options.mutable_extra_cues()->add_role_labels();
  cue->set_label("督办单位");
  cue->set_role(v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
  ASSERT_TRUE(ImportPlan(plan, options, &r).ok());
  ASSERT_EQ(r.campaign().assignments_size(), 2);
  EXPECT_EQ(r.campaign().assignments(1).unit_id(), "县纪委");
  EXPECT_EQ(r.campaign().assignments(1).label(), "督办单位");
  cue->clear_role();
  const Status s = ImportPlan(plan, options, &r);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("extra_cues.role_labels[0]: no role"),
            std::string::npos)
      << s.ToString();
}

// A 文号 with its year in ASCII or Chinese quotes reads as with 〔〕.
TEST(PlanHeaderTest, NumberWithTheYearInQuotes) {
  v1::ImportOptions options;
  options.set_bare(true);
  for (const char* number : {"青城管\"2025\"9号", "青城管“2025”9号"}) {
    const std::string plan =
        std::string("青川市城市管理局文件\n") + number +
        "\n青川市城市管理局2025年创建工作方案\n一、重点任务\n"
        "（一）整治占道经营\n牵头单位：市容科\n";
    v1::ImportResult r;
    ASSERT_TRUE(ImportPlan(plan, options, &r).ok());
    EXPECT_EQ(r.campaign().documents(0).number(), "青城管〔2025〕9号")
        << number;
  }
}

// Each reading names the cue that fired, and the ones told from context
// are less sure than labelled ones.
TEST(PlanCuesTest, ProvenanceNamesTheCueAndHowSure) {
  const std::string plan =
      "一、组织领导\n成立以区委书记为组长，副区长何俊为副组长的领导小组。\n"
      "二、重点任务\n（一）整治农贸市场\n牵头单位：区市场监管局\n";
  v1::ImportOptions options;
  options.set_bare(true);
  v1::ImportResult r;
  ASSERT_TRUE(ImportPlan(plan, options, &r).ok());
  std::map<std::string, const v1::Provenance*> by_id;
  for (const v1::Provenance& p : r.provenance())
    by_id[p.kind() + " " + p.id()] = &p;
  const v1::Provenance* a = by_id["assignment 1/区市场监管局"];
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->cue(), "label 牵头单位");
  EXPECT_DOUBLE_EQ(a->confidence(), 0.95);
  const v1::Provenance* deputy = by_id["member leading-group/何俊"];
  const v1::Provenance* post_only = by_id["member leading-group/区委书记"];
  ASSERT_NE(deputy, nullptr);
  ASSERT_NE(post_only, nullptr);
  EXPECT_EQ(deputy->cue(), "seat 为副组长");
  EXPECT_LT(post_only->confidence(), deputy->confidence());
  EXPECT_LT(deputy->confidence(), a->confidence());
}

}  // namespace
}  // namespace chuangwen
