// AHP and entropy weights, rank robustness, and grading.
#include "chuangwen/weights.h"

#include <gtest/gtest.h>

#include <cmath>

#include "chuangwen/grading.h"
#include "chuangwen/robustness.h"

namespace chuangwen {
namespace {

TEST(AhpTest, ConsistentMatrixGivesItsRatios) {
  // i is twice as important as j, j twice as k.
  std::vector<double> m = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1};
  AhpResult r;
  ASSERT_TRUE(AhpWeights(m, 3, false, &r).ok());
  EXPECT_NEAR(r.weights[0], 4.0 / 7, 1e-9);
  EXPECT_NEAR(r.weights[1], 2.0 / 7, 1e-9);
  EXPECT_NEAR(r.weights[2], 1.0 / 7, 1e-9);
  EXPECT_NEAR(r.lambda_max, 3, 1e-9);
  EXPECT_NEAR(r.consistency_ratio, 0, 1e-9);
}

TEST(AhpTest, TypicalJudgementsPassAndInconsistentOnesAreRefusedUnlessForced) {
  std::vector<double> ok = {1, 3, 5, 1.0 / 3, 1, 3, 0.2, 1.0 / 3, 1};
  AhpResult r;
  ASSERT_TRUE(AhpWeights(ok, 3, false, &r).ok());
  EXPECT_LT(r.consistency_ratio, 0.1);
  EXPECT_GT(r.consistency_ratio, 0.0);
  EXPECT_NEAR(r.weights[0] + r.weights[1] + r.weights[2], 1, 1e-12);
  EXPECT_GT(r.weights[0], r.weights[1]);

  std::vector<double> cyclic = {1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1};
  Status s = AhpWeights(cyclic, 3, false, &r);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("consistency ratio"), std::string::npos)
      << s.message();
  ASSERT_TRUE(AhpWeights(cyclic, 3, true, &r).ok());
  EXPECT_GE(r.consistency_ratio, 0.1);
}

TEST(AhpTest, BadMatricesNameTheCell) {
  AhpResult r;
  EXPECT_EQ(AhpWeights({1, 2, 0.5, 2}, 2, false, &r).message(),
            "matrix[1][1] is 2, the diagonal must be 1");
  EXPECT_EQ(AhpWeights({1, 2, 0.4, 1}, 2, false, &r).message(),
            "matrix[1][0] 0.4 is not the reciprocal of matrix[0][1] 2");
  EXPECT_EQ(AhpWeights({1, -2, -0.5, 1}, 2, false, &r).message(),
            "matrix[0][1] -2 must be positive");
  EXPECT_EQ(AhpWeights({1, 2, 0.5}, 2, false, &r).message(),
            "AHP matrix has 3 entries, expected 4");
}

TEST(EntropyTest, SpreadColumnsWeighMoreAndConstantOnesNothing) {
  std::vector<double> w;
  // Column 0 identical for everyone; column 1 only unit 0 scores.
  ASSERT_TRUE(
      EntropyWeights(std::vector<double>{5, 1, 5, 0, 5, 0}.data(), 3, 2, &w)
          .ok());
  EXPECT_NEAR(w[0], 0, 1e-12);
  EXPECT_NEAR(w[1], 1, 1e-12);
  // Two spread columns, the second more so.
  ASSERT_TRUE(
      EntropyWeights(std::vector<double>{10, 1, 9, 50, 11, 100, 10, 3}.data(),
                     4, 2, &w)
          .ok());
  EXPECT_GT(w[1], w[0]);
  EXPECT_NEAR(w[0] + w[1], 1, 1e-12);
  // All constant: equal weights.
  ASSERT_TRUE(
      EntropyWeights(std::vector<double>{2, 3, 2, 3}.data(), 2, 2, &w).ok());
  EXPECT_EQ(w, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(EntropyWeights(std::vector<double>{1, -1, 2, 2}.data(), 2, 2, &w)
                .message(),
            "unit 0, indicator 1: value -1 must be finite and >= 0");
}

TEST(RobustnessTest, ReproducibleIntervalsThatCollapseWithoutSpread) {
  // Unit 0 dominates; units 1 and 2 trade places depending on the weights.
  std::vector<double> scores = {95, 95, 80, 60, 60, 80, 50, 50};
  std::vector<double> weights = {0.5, 0.5};
  RankInput in{scores.data(), 4, 2, weights.data(), nullptr, nullptr};
  RobustnessOptions options;
  options.trials = 300;
  options.spread = 0.3;
  options.seed = 7;
  std::vector<RankInterval> a, b;
  ASSERT_TRUE(RankRobustness(in, options, &a).ok());
  ASSERT_TRUE(RankRobustness(in, options, &b).ok());
  for (size_t u = 0; u < 4; ++u) {
    EXPECT_EQ(a[u].median, b[u].median);
    EXPECT_EQ(a[u].p5, b[u].p5);
    EXPECT_EQ(a[u].p95, b[u].p95);
  }
  EXPECT_EQ(a[0].p95, 1);  // Always first.
  EXPECT_EQ(a[3].p5, 4);   // Always last.
  EXPECT_EQ(a[1].p5, 2);
  EXPECT_EQ(a[1].p95, 3);  // Sometimes second, sometimes third.
  options.spread = 0;
  ASSERT_TRUE(RankRobustness(in, options, &a).ok());
  EXPECT_EQ(a[1].p5, 2);
  EXPECT_EQ(a[1].p95, 2);  // Tied with unit 2 at 70: competition rank 2.
  options.trials = 0;
  EXPECT_EQ(RankRobustness(in, options, &a).message(),
            "trials 0 is outside 1..100000");
}

TEST(GradingTest, BandsVetoAndLists) {
  std::vector<double> composite = {95, 88, 88, 70, 40, 99};
  std::vector<int32_t> rank = {1, 2, 2, 4, 5, 6};  // Unit 5 vetoed: last.
  std::vector<uint8_t> vetoed = {0, 0, 0, 0, 0, 1};
  GradingRules rules;
  rules.bands = {{"合格", 60}, {"优秀", 90}, {"良好", 80}};
  rules.commend = 2;
  rules.criticize = 1;
  GradingResult r;
  ASSERT_TRUE(Grade(composite, rank, vetoed, rules, &r).ok());
  EXPECT_EQ(r.grade, (std::vector<std::string>{"优秀", "良好", "良好", "合格",
                                               "不合格", "不合格"}));
  EXPECT_EQ(r.commended,
            (std::vector<int32_t>{0, 1, 2}));  // The tie at 2 comes along.
  EXPECT_EQ(r.criticized,
            (std::vector<int32_t>{5, 4}));  // The vetoed unit, then the last.
  rules.bands.push_back({"优秀", 95});
  EXPECT_EQ(Grade(composite, rank, vetoed, rules, &r).message(),
            "band '优秀' is defined twice");
  rules.bands.pop_back();
  rank.pop_back();
  EXPECT_NE(Grade(composite, rank, vetoed, rules, &r)
                .message()
                .find("sizes disagree"),
            std::string::npos);
}

}  // namespace
}  // namespace chuangwen
