// Every scoring method, tree roll-ups (sums and weights), bonus caps, and
// every bad scheme and bad input.
#include "chuangwen/scoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "chuangwen/codec.h"

namespace chuangwen {
namespace {

constexpr char kScheme[] = R"(
  id: "monthly" name: "专项整治考核"
  indicators { id: "A" name: "专项整治" points: 60 }
  indicators { id: "A1" parent_id: "A" name: "占道经营整治" points: 20 direct {} }
  indicators { id: "A2" parent_id: "A" name: "督查问题整改" points: 20
    deduction { per_occurrence: 2 free_occurrences: 1 cap: 10 floor_at_zero: true
                factors { flag: "领导交办" factor: 2 } factors { flag: "媒体曝光" factor: 2 }
                excluded_flags: "approved_extension" } }
  indicators { id: "A3" parent_id: "A" name: "材料按时报送率" points: 20 ratio {} }
  indicators { id: "B" name: "重点工作" points: 40 }
  indicators { id: "B1" parent_id: "B" name: "志愿服务" points: 10 weight: 0.5 pass_fail {} }
  indicators { id: "B2" parent_id: "B" name: "信息报送" points: 10 weight: 0.5
    deduction { target_rate: 0.95 per_point_below: 0.5 floor_at_zero: true } }
  indicators { id: "X" name: "加分" bonus { cap: 5 } }
)";

constexpr char kInputs[] = R"(
  a { unit_id: "srk" indicator_id: "A1" period: "2025-06" score: 18 }
  a { unit_id: "srk" indicator_id: "A2" period: "2025-06" occurrences {
        items { ref: "g1" } items { ref: "g2" } items { ref: "g3" flags: "领导交办" }
        items { ref: "g4" flags: "approved_extension" }
        items { ref: "g5" flags: "媒体曝光" flags: "领导交办" } } }
  a { unit_id: "srk" indicator_id: "A3" period: "2025-06" ratio { numerator: 9 denominator: 10 } }
  a { unit_id: "srk" indicator_id: "B1" period: "2025-06" passed: true }
  a { unit_id: "srk" indicator_id: "B2" period: "2025-06" occurrences { rate: 0.9 has_rate: true } }
  a { unit_id: "srk" indicator_id: "X" period: "2025-06" bonus: 7 }
  a { unit_id: "srk" indicator_id: "A1" period: "2025-07" score: 20 }
  a { unit_id: "hwk" indicator_id: "A1" period: "2025-06" score: 1 }
)";

class ScoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Decode(kScheme, Format::kText, &scheme_).ok());
    ASSERT_TRUE(CompiledScheme::Compile(scheme_, &compiled_).ok());
    // Inputs as a list: parse each "a { … }" into an IndicatorInput.
    std::string text = kInputs;
    size_t pos = 0;
    while ((pos = text.find("a {", pos)) != std::string::npos) {
      size_t depth = 0, end = pos + 2;
      for (; end < text.size(); ++end) {
        if (text[end] == '{') ++depth;
        if (text[end] == '}' && --depth == 0) break;
      }
      v1::IndicatorInput in;
      ASSERT_TRUE(
          Decode(text.substr(pos + 3, end - pos - 3), Format::kText, &in).ok());
      inputs_.push_back(in);
      pos = end;
    }
  }
  std::vector<const v1::IndicatorInput*> Inputs() {
    std::vector<const v1::IndicatorInput*> out;
    for (const auto& in : inputs_) out.push_back(&in);
    return out;
  }
  double ScoreOf(const v1::ScoreSheet& sheet, const std::string& id) {
    for (const auto& s : sheet.indicators()) {
      if (s.indicator_id() == id) return s.score();
    }
    ADD_FAILURE() << "no " << id;
    return -1;
  }
  Status Try(const std::string& text_input, v1::ScoreSheet* sheet) {
    v1::IndicatorInput in;
    EXPECT_TRUE(Decode(text_input, Format::kText, &in).ok()) << text_input;
    inputs_.push_back(in);
    return compiled_->Score("srk", "2025-06", Inputs(), sheet);
  }

  v1::Scheme scheme_;
  std::unique_ptr<const CompiledScheme> compiled_;
  std::vector<v1::IndicatorInput> inputs_;
};

TEST_F(ScoringTest, EveryMethodAndTheTree) {
  v1::ScoreSheet sheet;
  ASSERT_TRUE(compiled_->Score("srk", "2025-06", Inputs(), &sheet).ok());
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "A1"), 18);
  // Deduction: g1 free; g2 −2; g3 (领导交办) −4; g4 excluded; g5 (both flags)
  // −8; 14 capped at 10.
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "A2"), 10);
  EXPECT_EQ(sheet.indicators(2).detail(),
            "20 − 10 (3 counted, 1 free, 1 excluded ×2 ×4, capped at 10)");
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "A3"), 18);  // 20 × 9/10.
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "A"), 46);   // Sum.
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "B1"), 10);
  EXPECT_NEAR(ScoreOf(sheet, "B2"), 7.5, 1e-9);  // 5 points below 95 % × 0.5.
  EXPECT_NEAR(ScoreOf(sheet, "B"), 35, 1e-9);  // 40 × (0.5 × 1 + 0.5 × 0.75).
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "X"), 5);    // 7 capped at 5.
  EXPECT_DOUBLE_EQ(sheet.bonus(), 5);
  EXPECT_NEAR(sheet.total(), 86, 1e-9);
}

TEST_F(ScoringTest, MissingDeductionAndBonusInputsAreFullBaseAndZero) {
  inputs_.erase(inputs_.begin() + 1);  // A2
  inputs_.erase(inputs_.begin() + 4);  // X (after the erase above)
  v1::ScoreSheet sheet;
  ASSERT_TRUE(compiled_->Score("srk", "2025-06", Inputs(), &sheet).ok());
  EXPECT_DOUBLE_EQ(ScoreOf(sheet, "A2"), 20);
  EXPECT_DOUBLE_EQ(sheet.bonus(), 0);
}

TEST_F(ScoringTest, FloorAtZeroAndWithout) {
  v1::Scheme s;
  ASSERT_TRUE(
      Decode(
          R"(id: "s" indicators { id: "D" points: 5 deduction { per_occurrence: 2 } })",
          Format::kText, &s)
          .ok());
  std::unique_ptr<const CompiledScheme> c;
  ASSERT_TRUE(CompiledScheme::Compile(s, &c).ok());
  v1::IndicatorInput in;
  ASSERT_TRUE(Decode(R"(unit_id: "u" indicator_id: "D" period: "p" occurrences {
      items {} items {} items {} items {} })",
                     Format::kText, &in)
                  .ok());
  v1::ScoreSheet sheet;
  ASSERT_TRUE(c->Score("u", "p", {&in}, &sheet).ok());
  EXPECT_DOUBLE_EQ(sheet.total(), -3);  // 5 − 8: no floor.
  s.mutable_indicators(0)->mutable_deduction()->set_floor_at_zero(
      true);  // 扣完为止
  ASSERT_TRUE(CompiledScheme::Compile(s, &c).ok());
  ASSERT_TRUE(c->Score("u", "p", {&in}, &sheet).ok());
  EXPECT_DOUBLE_EQ(sheet.total(), 0);
}

TEST_F(ScoringTest, BadInputsNameUnitAndIndicator) {
  v1::ScoreSheet sheet;
  inputs_[0].set_score(21);
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator A1: score 21 is outside 0..20");
  inputs_[0].set_score(std::nan(""));
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator A1: score is not finite");
  inputs_[0].set_passed(true);
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator A1: expects a score for period 2025-06");
  inputs_[0].set_score(18);
  EXPECT_EQ(compiled_->Score("srk", "2025-07", Inputs(), &sheet).message(),
            "unit srk, indicator A3: no ratio for period 2025-07");
  EXPECT_EQ(
      Try(R"(unit_id: "srk" indicator_id: "A1" period: "2025-06" score: 3)",
          &sheet)
          .message(),
      "unit srk, indicator A1: more than one input for period 2025-06");
  inputs_.pop_back();
  EXPECT_EQ(
      Try(R"(unit_id: "srk" indicator_id: "Z9" period: "2025-06" score: 3)",
          &sheet)
          .message(),
      "unit srk, indicator Z9: no such indicator in scheme monthly");
  inputs_.pop_back();
  EXPECT_EQ(
      Try(R"(unit_id: "srk" indicator_id: "A" period: "2025-06" score: 3)",
          &sheet)
          .message(),
      "unit srk, indicator A: has sub-indicators and takes no input");
  inputs_.pop_back();
  inputs_[2].mutable_ratio()->set_denominator(0);
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator A3: ratio 9/0 needs a positive denominator");
  inputs_[2].mutable_ratio()->set_denominator(8);
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator A3: ratio 9/8 is outside 0..1");
  inputs_[2].mutable_ratio()->set_denominator(10);
  inputs_[4].mutable_occurrences()->set_rate(1.5);
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator B2: rate 1.5 is outside 0..1");
  inputs_[4].mutable_occurrences()->set_rate(0.9);
  inputs_[5].set_bonus(-1);
  EXPECT_EQ(compiled_->Score("srk", "2025-06", Inputs(), &sheet).message(),
            "unit srk, indicator X: bonus -1 must be a finite amount >= 0");
}

TEST_F(ScoringTest, BadSchemesNameIndicatorAndField) {
  auto fails = [&](const std::function<void(v1::Scheme*)>& edit) {
    v1::Scheme s = scheme_;
    edit(&s);
    std::unique_ptr<const CompiledScheme> c;
    Status st = CompiledScheme::Compile(s, &c);
    EXPECT_FALSE(st.ok());
    return st.message();
  };
  EXPECT_EQ(fails([](v1::Scheme* s) {
              s->mutable_indicators(1)->set_parent_id("Q");
            }),
            "indicator A1: parent 'Q' does not exist");
  EXPECT_EQ(fails([](v1::Scheme* s) {
              s->mutable_indicators(0)->set_parent_id("A1");
            }),
            "indicator A: parents form a cycle");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(1)->clear_direct(); }),
      "indicator A1: a leaf needs a scoring method");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(0)->mutable_direct(); }),
      "indicator A: has sub-indicators, so it takes no scoring method");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(6)->set_weight(0); }),
      "indicator B: some sub-indicators have weights and some do not");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(6)->set_weight(0.4); }),
      "indicator B: sub-indicator weights sum to 0.9, not 1");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(0)->set_points(50); }),
      "indicator A: sub-indicators' points (60) exceed its 50");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(1)->set_points(-1); }),
      "indicator A1: points -1 is negative");
  EXPECT_EQ(
      fails([](v1::Scheme* s) { s->mutable_indicators(2)->set_id("A1"); }),
      "indicator A1: id is used twice");
  EXPECT_EQ(
      fails([](v1::Scheme* s) {
        s->mutable_indicators(6)->mutable_deduction()->set_target_rate(95);
      }),
      "indicator B2: deduction.target_rate 95 is outside 0..1");
}

}  // namespace
}  // namespace chuangwen
