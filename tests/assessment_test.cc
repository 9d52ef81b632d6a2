// Period rankings, the annual composite (aggregations and normalisations),
// vetoes, groups, grades, lists and explanations on the example campaign.
#include "chuangwen/assessment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "test_support.h"

namespace chuangwen {
namespace {

class AssessmentTest : public ::testing::Test {
 protected:
  v1::Campaign c_ = testing::LoadExample();

  v1::RankingTable Rank(const std::string& period,
                        const std::string& component = "") {
    v1::RankingTable t;
    Status s = RankPeriod(*Campaign::Build(c_), period, component, &t);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return t;
  }
  Status RankStatus(const std::string& period,
                    const std::string& component = "") {
    v1::RankingTable t;
    return RankPeriod(*Campaign::Build(c_), period, component, &t);
  }
  static std::map<std::string, double> Scores(const v1::RankingTable& t) {
    std::map<std::string, double> out;
    for (const auto& r : t.rows()) out[r.unit_id()] = r.score();
    return out;
  }
};

TEST_F(AssessmentTest, MonthlyRankingWithGradesAndLists) {
  v1::RankingTable t = Rank("2025-06");
  EXPECT_EQ(t.component_id(), "special");
  ASSERT_EQ(t.rows_size(), 7);
  for (int i = 1; i < t.rows_size(); ++i) {
    EXPECT_GE(t.rows(i - 1).score(), t.rows(i).score());
    EXPECT_LE(t.rows(i - 1).rank(), t.rows(i).rank());
  }
  for (const auto& r : t.rows()) {
    const char* want = r.score() >= 90   ? "优秀"
                       : r.score() >= 80 ? "良好"
                       : r.score() >= 60 ? "合格"
                                         : "不合格";
    EXPECT_EQ(r.grade(), want) << r.unit_id();
  }
  ASSERT_EQ(t.commended_size(), 2);
  EXPECT_EQ(t.commended(0), t.rows(0).unit_id());
  ASSERT_EQ(t.criticized_size(), 1);
  EXPECT_EQ(t.criticized(0), t.rows(6).unit_id());
}

TEST_F(AssessmentTest, VetoPutsTheUnitLastAndFailsIt) {
  v1::RankingTable t = Rank("2025-08");
  const v1::RankingRow& last = t.rows(t.rows_size() - 1);
  EXPECT_EQ(last.unit_id(), "zfdd1");
  EXPECT_TRUE(last.vetoed());
  EXPECT_EQ(last.rank(), 7);
  EXPECT_EQ(last.grade(), "不合格");
  EXPECT_NE(last.veto_reason().find("媒体曝光"), std::string::npos);
  EXPECT_GT(last.score(),
            t.rows(5).score());  // A better score does not save it.
  EXPECT_EQ(t.criticized(0), "zfdd1");
  // Within its group (执法队伍) it is also last.
  EXPECT_EQ(last.group(), "执法队伍");
  EXPECT_EQ(last.group_rank(), 2);
}

// 年终评先一票否决: a veto in any month fails its quarter and its year,
// unless the veto's reach (data) says otherwise; the explanation names the
// period and the reason.
TEST_F(AssessmentTest, AVetoInAnyMonthFailsTheYearUnlessItsReachSaysOtherwise) {
  auto row_of = [](const v1::RankingTable& t, const std::string& unit) {
    for (const v1::RankingRow& r : t.rows())
      if (r.unit_id() == unit) return r;
    ADD_FAILURE() << unit << " not ranked in " << t.period();
    return v1::RankingRow();
  };
  EXPECT_TRUE(row_of(Rank("2025"), "zfdd1").vetoed());
  // The year's best unit, vetoed in May, no longer ranks first but last.
  c_.mutable_assessment()->clear_vetoes();
  const std::string best = Rank("2025").rows(0).unit_id();
  v1::Veto* may = c_.mutable_assessment()->add_vetoes();
  may->set_unit_id(best);
  may->set_period("2025-05");
  may->set_reason("发生重大负面舆情");
  v1::RankingTable year = Rank("2025");
  const v1::RankingRow vetoed = row_of(year, best);
  EXPECT_TRUE(vetoed.vetoed());
  EXPECT_EQ(vetoed.rank(), year.rows_size());
  EXPECT_EQ(vetoed.grade(), "不合格");
  EXPECT_EQ(vetoed.veto_period(), "2025-05");
  EXPECT_EQ(vetoed.veto_reason(), "发生重大负面舆情");
  EXPECT_TRUE(row_of(Rank("2025-Q2"), best).vetoed());
  EXPECT_FALSE(row_of(Rank("2025-Q1"), best).vetoed());
  EXPECT_FALSE(row_of(Rank("2025-06"), best).vetoed());
  v1::Explanation why;
  ASSERT_TRUE(ExplainUnit(*Campaign::Build(c_), best, "2025", "", &why).ok());
  EXPECT_TRUE(why.vetoed());
  EXPECT_EQ(why.veto_period(), "2025-05");
  EXPECT_EQ(why.veto_reason(), "发生重大负面舆情");

  // The scheme keeps vetoes to their quarter; one veto reaches only its
  // month.
  c_.mutable_assessment()->set_veto_reach(v1::VETO_REACH_QUARTER);
  EXPECT_EQ(row_of(Rank("2025"), best).rank(), 1);
  EXPECT_TRUE(row_of(Rank("2025-Q2"), best).vetoed());
  c_.mutable_assessment()->mutable_vetoes(0)->set_reach(v1::VETO_REACH_PERIOD);
  EXPECT_FALSE(row_of(Rank("2025-Q2"), best).vetoed());
  EXPECT_TRUE(row_of(Rank("2025-05"), best).vetoed());
  // A year's own veto holds for every period of it.
  v1::Veto* all_year = c_.mutable_assessment()->add_vetoes();
  all_year->set_unit_id("hwk");
  all_year->set_period("2025");
  all_year->set_reason("全年未完成创建任务");
  EXPECT_TRUE(row_of(Rank("2025-03"), "hwk").vetoed());
  EXPECT_EQ(row_of(Rank("2025"), "hwk").veto_period(), "2025");
  // A veto's period must be one.
  all_year->set_period("2025-13");
  std::vector<std::string> problems;
  const v1::ValidationReport report = Validate(c_);
  for (const v1::Problem& p : report.problems())
    problems.push_back(p.location() + ": " + p.message());
  EXPECT_EQ(problems, std::vector<std::string>{
                          "assessment.vetoes[1].period: veto of unit 'hwk': "
                          "period '2025-13' is not YYYY, YYYY-MM or YYYY-Qn"});
}

// A month with target progress and no other inputs ranks on what it has.
TEST_F(AssessmentTest, AMonthWithOnlyTargetProgressRanksOnIt) {
  for (v1::Scheme& scheme : *c_.mutable_assessment()->mutable_schemes())
    for (v1::Indicator& i : *scheme.mutable_indicators())
      if (i.id() == "M22") i.set_target_id("t-1.1");
  auto* inputs = c_.mutable_assessment()->mutable_inputs();
  inputs->erase(std::remove_if(inputs->begin(), inputs->end(),
                               [](const v1::IndicatorInput& in) {
                                 return in.period() == "2025-09";
                               }),
                inputs->end());
  v1::RankingTable t = Rank("2025-09");
  ASSERT_EQ(t.rows_size(), 1);  // 市容科, the unit responsible for t-1.1.
  EXPECT_EQ(t.rows(0).unit_id(), "srk");
  EXPECT_GT(t.rows(0).score(), 0);
  EXPECT_EQ(RankStatus("2030-01").code(), Status::Code::kNotFound);
}

TEST_F(AssessmentTest, QuarterlyComponentAndGroups) {
  v1::RankingTable t = Rank("2025-Q2");
  EXPECT_EQ(t.component_id(), "key-work");
  std::map<std::string, int> group_sizes;
  for (const auto& r : t.rows()) {
    ++group_sizes[r.group()];
    EXPECT_GE(r.group_rank(), 1);
    EXPECT_LE(r.group_rank(), r.rank());
  }
  EXPECT_EQ(group_sizes["科室"], 5);
  EXPECT_EQ(group_sizes["执法队伍"], 2);
}

TEST_F(AssessmentTest, AnnualCompositeIsTheWeightedMeanOfComponents) {
  std::map<std::string, double> monthly, quarterly;
  for (int m = 1; m <= 12; ++m) {
    char p[8];
    std::snprintf(p, sizeof p, "2025-%02d", m);
    for (auto& [u, s] : Scores(Rank(p))) monthly[u] += s / 12;
  }
  for (int q = 1; q <= 4; ++q) {
    for (auto& [u, s] : Scores(Rank("2025-Q" + std::to_string(q))))
      quarterly[u] += s / 4;
  }
  v1::RankingTable year = Rank("2025");
  EXPECT_EQ(year.component_id(), "");
  for (auto& [u, s] : Scores(year)) {
    EXPECT_NEAR(s, 0.6 * monthly[u] + 0.4 * quarterly[u], 1e-9) << u;
  }
}

TEST_F(AssessmentTest, AggregationsAndNormalisations) {
  auto* special = c_.mutable_assessment()->mutable_components(0);
  auto* key = c_.mutable_assessment()->mutable_components(1);
  special->set_weight(1);
  key->set_weight(0);
  std::map<std::string, double> june = Scores(Rank("2025-12"));
  special->set_aggregation(v1::LAST);
  std::map<std::string, double> year = Scores(Rank("2025"));
  for (auto& [u, s] : june) EXPECT_NEAR(year[u], s, 1e-9) << u;

  special->set_aggregation(v1::SUM);
  double sum = 0;
  for (int m = 1; m <= 12; ++m) {
    char p[8];
    std::snprintf(p, sizeof p, "2025-%02d", m);
    sum += Scores(Rank(p))["bgs"];
  }
  EXPECT_NEAR(Scores(Rank("2025"))["bgs"], sum, 1e-9);

  special->set_aggregation(v1::BEST_N);
  special->set_best_n(3);
  std::vector<double> months;
  for (int m = 1; m <= 12; ++m) {
    char p[8];
    std::snprintf(p, sizeof p, "2025-%02d", m);
    months.push_back(Scores(Rank(p))["srk"]);
  }
  std::sort(months.rbegin(), months.rend());
  EXPECT_NEAR(Scores(Rank("2025"))["srk"],
              (months[0] + months[1] + months[2]) / 3, 1e-9);

  special->set_aggregation(v1::MEAN);
  special->set_normalization(v1::MIN_MAX);
  v1::RankingTable t = Rank("2025");
  EXPECT_NEAR(t.rows(0).score(), 100, 1e-9);
  EXPECT_NEAR(t.rows(t.rows_size() - 1).score(), 0, 1e-9);

  special->set_normalization(v1::Z_SCORE);
  double total = 0, squares = 0;
  for (auto& [u, s] : Scores(Rank("2025"))) {
    total += s;
    squares += s * s;
  }
  EXPECT_NEAR(total, 0, 1e-9);
  EXPECT_NEAR(squares / 7, 1, 1e-9);  // Unit variance.
}

TEST_F(AssessmentTest, ExplanationBreaksDownAndComparesWithTheUnitAbove) {
  auto campaign = Campaign::Build(c_);
  v1::RankingTable t = Rank("2025-06");
  const std::string unit = t.rows(3).unit_id();
  v1::Explanation e;
  ASSERT_TRUE(ExplainUnit(*campaign, unit, "2025-06", "", &e).ok());
  EXPECT_EQ(e.rank(), t.rows(3).rank());
  EXPECT_EQ(e.above_unit_id(), t.rows(2).unit_id());
  EXPECT_NEAR(e.gap_to_above(), t.rows(2).score() - t.rows(3).score(), 1e-9);
  EXPECT_EQ(e.parts_size(), 9);  // The leaves of the monthly scheme.
  double parts = 0, above = 0;
  for (const auto& p : e.parts()) {
    parts += p.score();
    above += p.above();
  }
  EXPECT_NEAR(parts, e.score(), 1e-9);
  EXPECT_NEAR(above - parts, e.gap_to_above(), 1e-9);
  for (int i = 1; i < e.parts_size(); ++i) {  // Largest shortfall first.
    EXPECT_GE(e.parts(i - 1).above() - e.parts(i - 1).score(),
              e.parts(i).above() - e.parts(i).score());
  }
  ASSERT_TRUE(
      ExplainUnit(*campaign, t.rows(0).unit_id(), "2025-06", "", &e).ok());
  EXPECT_EQ(e.above_unit_id(), "");
  ASSERT_TRUE(ExplainUnit(*campaign, "srk", "2025", "", &e).ok());
  EXPECT_EQ(e.parts_size(), 2);  // The two components.
  EXPECT_EQ(ExplainUnit(*campaign, "dhcg", "2025-06", "", &e).message(),
            "unit 'dhcg' has no score for period 2025-06");
}

TEST_F(AssessmentTest, BadInputsAreClearErrors) {
  EXPECT_EQ(RankStatus("2025-13").message(),
            "period '2025-13' is not YYYY-MM, YYYY-Qn or YYYY");
  EXPECT_EQ(RankStatus("2026-01").message(), "no scores for period 2026-01");
  EXPECT_EQ(RankStatus("2025-06", "nope").message(),
            "component 'nope' does not exist");
  EXPECT_EQ(RankStatus("2025-06", "key-work").message(),
            "component key-work is not scored by month");
  EXPECT_EQ(RankStatus("2025", "special").message(),
            "a year ranks the composite; it takes no component");
  c_.mutable_assessment()->mutable_inputs(0)->set_score(
      16);  // bgs M11 in 2025-01, max 15.
  EXPECT_EQ(RankStatus("2025-01").message(),
            "unit bgs, indicator M11: score 16 is outside 0..15");
  c_.mutable_assessment()->mutable_inputs(0)->set_score(
      std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(RankStatus("2025-01").message(),
            "unit bgs, indicator M11: score is not finite");
  c_.mutable_assessment()->mutable_inputs(0)->set_unit_id("zhiguan");
  EXPECT_EQ(RankStatus("2025-01").message(),
            "inputs[0]: unit 'zhiguan' does not exist");
  c_ = testing::LoadExample();
  c_.mutable_assessment()->mutable_components(1)->set_weight(0.5);
  EXPECT_NE(RankStatus("2025").message().find(
                "component weights: weights sum to 1.1"),
            std::string::npos);
  c_.mutable_assessment()->mutable_components(1)->set_weight(0.4);
  c_.mutable_assessment()->mutable_components(0)->set_aggregation(v1::BEST_N);
  EXPECT_EQ(RankStatus("2025").message(),
            "component special: best_n must be >= 1");
}

}  // namespace
}  // namespace chuangwen

#include "chuangwen/assessment_book.h"

namespace chuangwen {
namespace {

TEST_F(AssessmentTest, ClosedPeriodsStayFrozenUntilReopenedWithAReason) {
  auto campaign = Campaign::Build(c_);
  AssessmentBook book;
  ASSERT_TRUE(
      book.Close(*campaign, "2025-06", "", "xul", "2025-07-01T09:00:00Z").ok());
  EXPECT_TRUE(book.IsClosed("2025-06", "special"));
  v1::RankingTable frozen;
  ASSERT_TRUE(book.Frozen("2025-06", "", &frozen).ok());
  EXPECT_EQ(frozen.component_id(), "special");

  // Inputs change afterwards: the frozen table does not.
  v1::Campaign changed = c_;
  for (auto& in : *changed.mutable_assessment()->mutable_inputs()) {
    if (in.period() == "2025-06" && in.unit_id() == "ghk" &&
        in.indicator_id() == "M11")
      in.set_score(15);
  }
  auto later = Campaign::Build(changed);
  v1::RankingTable now, again;
  ASSERT_TRUE(RankPeriod(*later, "2025-06", "", &now).ok());
  ASSERT_TRUE(book.Frozen("2025-06", "", &again).ok());
  EXPECT_EQ(again.SerializeAsString(), frozen.SerializeAsString());
  EXPECT_NE(now.SerializeAsString(), frozen.SerializeAsString());

  Status s = book.Close(*later, "2025-06", "", "xul", "2025-07-02T09:00:00Z");
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_EQ(s.message(),
            "period 2025-06 (special) is already closed; reopen it first");
  EXPECT_EQ(
      book.Reopen("2025-06", "", "xul", "2025-07-02T10:00:00Z", "").code(),
      Status::Code::kInvalidArgument);
  ASSERT_TRUE(book.Reopen("2025-06", "", "sunhy", "2025-07-02T10:00:00Z",
                          "更正规划建设科占道经营得分")
                  .ok());
  ASSERT_EQ(book.state().reopenings_size(), 1);
  EXPECT_EQ(book.state().reopenings(0).by(), "sunhy");
  EXPECT_EQ(book.state().reopenings(0).component_id(), "special");
  ASSERT_TRUE(
      book.Close(*later, "2025-06", "", "xul", "2025-07-02T11:00:00Z").ok());
  ASSERT_TRUE(book.Frozen("2025-06", "special", &again).ok());
  EXPECT_EQ(again.SerializeAsString(), now.SerializeAsString());
  EXPECT_EQ(book.Reopen("2025-05", "", "x", "t", "r").code(),
            Status::Code::kNotFound);
}

TEST_F(AssessmentTest, CsvExport) {
  v1::RankingTable t = Rank("2025-08");
  std::string csv = RankingTableToCsv(t);
  EXPECT_EQ(csv.rfind("rank,group_rank,unit_id,unit_name,group,score,grade,"
                      "vetoed,veto_reason\r\n",
                      0),
            0u);
  size_t lines = 0;
  for (size_t p = csv.find("\r\n"); p != std::string::npos;
       p = csv.find("\r\n", p + 2))
    ++lines;
  EXPECT_EQ(lines, 8u);  // Header and seven units.
  EXPECT_NE(csv.find(",zfdd1,综合执法一中队,执法队伍,"), std::string::npos);
  EXPECT_NE(csv.find(",不合格,true,辖区发生"), std::string::npos);
  v1::RankingTable quoted;
  v1::RankingRow* row = quoted.add_rows();
  row->set_unit_name("a,b \"c\"");
  EXPECT_NE(RankingTableToCsv(quoted).find(",\"a,b \"\"c\"\"\","),
            std::string::npos);
}

}  // namespace
}  // namespace chuangwen

#include "chuangwen/validate.h"

namespace chuangwen {
namespace {

TEST_F(AssessmentTest, ValidationReportsAssessmentProblemsWithTheirPlace) {
  EXPECT_EQ(Validate(c_).problems_size(), 0);
  auto* a = c_.mutable_assessment();
  a->mutable_inputs(0)->set_score(16);
  a->mutable_inputs(1)->set_unit_id("zhiguan");
  a->mutable_inputs(2)->set_indicator_id("M99");
  a->mutable_components(1)->set_weight(0.5);
  a->mutable_schemes(1)->mutable_indicators(1)->set_weight(
      0.5);  // Q's children now sum to 1.2.
  a->mutable_vetoes(0)->set_unit_id("nobody");
  v1::ValidationReport r = Validate(c_);
  std::vector<std::string> got;
  for (const auto& p : r.problems())
    got.push_back(p.location() + " | " + p.message());
  EXPECT_EQ(
      got,
      (std::vector<std::string>{
          "assessment.schemes[1] | scheme quarterly: indicator Q: "
          "sub-indicator weights "
          "sum to 1.2, not 1",
          "assessment.components | component weights: weights sum to 1.100000, "
          "not 1 "
          "(normalise them, or ask for normalisation)",
          "assessment.vetoes[0].unit_id | veto: unit 'nobody' does not exist",
          "assessment.inputs[1].unit_id | input: unit 'zhiguan' does not exist",
          "assessment.inputs[2].indicator_id | input: indicator 'M99' is in no "
          "scheme",
          "assessment.inputs | unit bgs, indicator M11: score 16 is outside "
          "0..15"}));
}

}  // namespace
}  // namespace chuangwen
