// The array ranking path against the reference ranking (a stable sort by
// (vetoed, composite desc)) on random data full of ties, on one and two
// threads and on every instruction set vqsort dispatches to; and every bad
// input.
#include "chuangwen/ranking.h"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <string>

#include "assessment/rank_reference.h"
#include "chuangwen/rank_index.h"

namespace chuangwen {
namespace {

struct Data {
  size_t n, k;
  std::vector<double> scores, weights;
  std::vector<uint8_t> vetoed;
  std::vector<int32_t> groups;
};

Data Random(size_t n, size_t k, uint32_t seed, double granularity) {
  Data d{n, k, {}, {}, {}, {}};
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 100);
  d.scores.resize(n * k);
  for (double& s : d.scores) s = std::floor(u(rng) / granularity) * granularity;
  d.weights.assign(k, 1.0 / static_cast<double>(k));
  // Make the weights sum to exactly 1 in floating point.
  d.weights.back() =
      1.0 - std::accumulate(d.weights.begin(), d.weights.end() - 1, 0.0);
  d.vetoed.resize(n);
  d.groups.resize(n);
  for (size_t i = 0; i < n; ++i) {
    d.vetoed[i] = rng() % 100 == 0;
    d.groups[i] = static_cast<int32_t>(rng() % std::max<size_t>(1, n / 100));
  }
  return d;
}

// Composites summed here, ranks from the reference ranking (the oracle).
void Reference(const Data& d, TieMode ties, std::vector<int32_t>* rank,
               std::vector<int32_t>* group_rank, std::vector<double>* comp) {
  comp->assign(d.n, 0);
  for (size_t i = 0; i < d.n; ++i) {
    double a = d.scores[i * d.k] * d.weights[0];
    for (size_t j = 1; j < d.k; ++j) a += d.scores[i * d.k + j] * d.weights[j];
    (*comp)[i] = a;
  }
  rank->assign(d.n, 0);
  group_rank->assign(d.n, 0);
  internal::ReferenceRank(comp->data(), d.n, d.vetoed.data(), d.groups.data(),
                          ties, rank->data(), group_rank->data());
}

void ExpectSame(const Data& d, TieMode ties, int threads,
                RankWorkspace* workspace = nullptr) {
  std::vector<int32_t> want_rank, want_group;
  std::vector<double> want_comp;
  Reference(d, ties, &want_rank, &want_group, &want_comp);
  std::vector<int32_t> rank(d.n), group_rank(d.n);
  std::vector<double> comp(d.n);
  RankInput in{d.scores.data(), d.n, d.k, d.weights.data(), d.vetoed.data(),
               d.groups.data()};
  RankOptions options;
  options.ties = ties;
  options.threads = threads;
  const Status status = RankArrays(
      in, options, RankOutput{rank.data(), group_rank.data(), comp.data()},
      workspace);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(comp, want_comp);
  EXPECT_EQ(rank, want_rank);
  EXPECT_EQ(group_rank, want_group);
  // Ranking the composites directly agrees too.
  std::vector<int32_t> r2(d.n), g2(d.n);
  ASSERT_TRUE(RankComposites(comp.data(), d.n, d.vetoed.data(), d.groups.data(),
                             options, r2.data(), g2.data(), workspace)
                  .ok());
  EXPECT_EQ(r2, want_rank);
  EXPECT_EQ(g2, want_group);
}

TEST(RankingTest, SmallHandWorkedExample) {
  // Four units, two indicators weighted 0.6 / 0.4; unit 3 vetoed.
  std::vector<double> scores = {90, 80,   // 86
                                85, 95,   // 89
                                90, 80,   // 86 (tie with unit 0)
                                99, 99};  // 99, vetoed
  std::vector<double> weights = {0.6, 0.4};
  std::vector<uint8_t> vetoed = {0, 0, 0, 1};
  std::vector<int32_t> groups = {0, 1, 1, 0};
  std::vector<int32_t> rank(4), group_rank(4);
  std::vector<double> comp(4);
  RankInput in{scores.data(), 4, 2, weights.data(), vetoed.data(),
               groups.data()};
  for (auto [ties, expect] :
       std::vector<std::pair<TieMode, std::vector<int32_t>>>{
           {TieMode::kCompetition, {2, 1, 2, 4}},
           {TieMode::kDense, {2, 1, 2, 3}},
           {TieMode::kOrdinal, {2, 1, 3, 4}}}) {
    RankOptions options;
    options.ties = ties;
    ASSERT_TRUE(
        RankArrays(in, options,
                   RankOutput{rank.data(), group_rank.data(), comp.data()})
            .ok());
    EXPECT_EQ(rank, expect);
  }
  EXPECT_DOUBLE_EQ(comp[1], 89);
  EXPECT_EQ(group_rank, (std::vector<int32_t>{
                            1, 1, 2, 2}));  // Vetoed unit 3 last in group 0.
}

TEST(RankingTest, MatchesReferenceOnTiesAcrossModesAndThreads) {
  for (double granularity : {1.0, 0.1, 1e-9}) {
    Data d = Random(5000, 7, 11, granularity);
    for (TieMode ties :
         {TieMode::kCompetition, TieMode::kDense, TieMode::kOrdinal}) {
      ExpectSame(d, ties, 1);
    }
  }
}

// Two threads, when asked for, from 2^16 units on.
constexpr size_t kParallel = 270000;

TEST(RankingTest, MatchesReferenceOnTheParallelPath) {
  Data d = Random(kParallel, 20, 5, 0.5);
  ExpectSame(d, TieMode::kCompetition, 2);
  ExpectSame(d, TieMode::kOrdinal, 3);
}

TEST(RankingTest, DegenerateInputs) {
  Data all_equal{3000,
                 2,
                 std::vector<double>(6000, 7.0),
                 {0.5, 0.5},
                 std::vector<uint8_t>(3000, 0),
                 std::vector<int32_t>(3000, 0)};
  ExpectSame(all_equal, TieMode::kCompetition, 1);
  all_equal.vetoed.assign(3000, 1);
  ExpectSame(all_equal, TieMode::kDense, 1);
  // Extreme magnitudes and signed zeros.
  Data extremes{6,
                1,
                {1e308, -1e308, 0.0, -0.0, 5e-324, -5e-324},
                {1.0},
                std::vector<uint8_t>(6, 0),
                {0, 0, 0, 0, 0, 0}};
  ExpectSame(extremes, TieMode::kCompetition, 1);
  std::vector<int32_t> rank(6);
  RankInput in{extremes.scores.data(),  6,       1,
               extremes.weights.data(), nullptr, nullptr};
  ASSERT_TRUE(RankArrays(in, RankOptions{}, RankOutput{rank.data()}).ok());
  EXPECT_EQ(rank, (std::vector<int32_t>{1, 6, 3, 3, 2, 5}));  // +0 and -0 tie.
  // No units at all: nothing to do, nothing written.
  std::vector<double> three = {0.2, 0.3, 0.5};
  ASSERT_TRUE(
      RankArrays(RankInput{nullptr, 0, 3, three.data(), nullptr, nullptr},
                 RankOptions{}, RankOutput{rank.data()})
          .ok());
  EXPECT_EQ(rank, (std::vector<int32_t>{1, 6, 3, 3, 2, 5}));
}

TEST(RankingTest, SignedZerosTieInGivenComposites) {
  // Composites from the caller may hold -0.0 beside +0.0: they are equal.
  std::vector<double> small = {0.0, -0.0, 0.0, -0.0, 1.0};
  std::vector<int32_t> groups(small.size(), 3), rank(5), group_rank(5);
  ASSERT_TRUE(RankComposites(small.data(), small.size(), nullptr, groups.data(),
                             RankOptions{}, rank.data(), group_rank.data())
                  .ok());
  EXPECT_EQ(rank, (std::vector<int32_t>{2, 2, 2, 2, 1}));
  EXPECT_EQ(group_rank, rank);
  // The parallel path: zeros of both signs among other values, dense ties.
  const size_t n = kParallel;
  std::vector<double> comp(n);
  std::vector<int32_t> big_groups(n);
  for (size_t u = 0; u < n; ++u) {
    comp[u] = u % 3 == 0 ? (u % 2 == 0 ? 0.0 : -0.0)
                         : static_cast<double>(u % 7) - 3.0;
    big_groups[u] = static_cast<int32_t>(u % 5);
  }
  RankOptions options;
  options.threads = 2;
  options.ties = TieMode::kDense;
  std::vector<int32_t> r(n), g(n);
  ASSERT_TRUE(RankComposites(comp.data(), n, nullptr, big_groups.data(),
                             options, r.data(), g.data())
                  .ok());
  // Distinct values 3, 2, 1, 0 (either sign), -1, -2, -3: zero is fourth.
  for (size_t u = 0; u < n; ++u) {
    if (comp[u] == 0.0) {
      ASSERT_EQ(r[u], 4) << "unit " << u;
      ASSERT_EQ(g[u], 4) << "unit " << u;
    }
  }
}

TEST(RankingTest, OutliersFarFromTheRest) {
  Data d = Random(4000, 1, 13, 1e-9);
  d.weights = {1.0};
  d.scores[17] = 1e300;
  d.scores[3001] = -1e300;
  ExpectSame(d, TieMode::kCompetition, 1);
  ExpectSame(d, TieMode::kOrdinal, 1);
  Data big = Random(kParallel, 1, 14, 1e-9);
  big.weights = {1.0};
  big.scores[5] = 1e300;
  ExpectSame(big, TieMode::kDense, 2);
}

// The benchmark's kind of data: scores on a 0.1 grid and weights that are
// ratios of small integers, so that composites come in clusters of sums that
// are equal on paper and differ in their last bits after rounding.
Data NearTies(size_t n, size_t k, uint32_t seed) {
  Data d = Random(n, k, seed, 1.0);
  std::mt19937 rng(seed + 1);
  for (double& s : d.scores) s = static_cast<double>(rng() % 1001) / 10.0;
  for (double& w : d.weights) w = 1.0 + static_cast<double>(rng() % 100);
  const double sum = std::accumulate(d.weights.begin(), d.weights.end(), 0.0);
  for (double& w : d.weights) w /= sum;
  d.weights.back() =
      1.0 - std::accumulate(d.weights.begin(), d.weights.end() - 1, 0.0);
  return d;
}

TEST(RankingTest, NearTiesOnTheParallelPathInEveryMode) {
  Data d = NearTies(kParallel, 20, 21);
  for (TieMode ties :
       {TieMode::kCompetition, TieMode::kDense, TieMode::kOrdinal}) {
    ExpectSame(d, ties, 2);
  }
  ExpectSame(d, TieMode::kCompetition, 3);
  ExpectSame(d, TieMode::kDense, 4);
}

TEST(RankingTest, RowsOfEveryShortLengthAndOddUnitCounts) {
  // Composites come four rows at a time; the rest one by one.
  for (size_t k : {1, 2, 3, 5}) {
    SCOPED_TRACE(testing::Message() << k << " indicators");
    ExpectSame(NearTies(70001, k, 22), TieMode::kCompetition, 1);
    ExpectSame(NearTies(kParallel + 3, k, 22), TieMode::kCompetition, 2);
  }
}

TEST(RankingTest, WorkspaceReusedAcrossSizesAndThreadCounts) {
  RankWorkspace workspace;
  ExpectSame(NearTies(70000, 6, 23), TieMode::kCompetition, 2, &workspace);
  ExpectSame(NearTies(kParallel, 4, 24), TieMode::kOrdinal, 3, &workspace);
  ExpectSame(NearTies(5000, 4, 25), TieMode::kDense, 1, &workspace);
  ExpectSame(NearTies(100000, 8, 26), TieMode::kCompetition, 2, &workspace);
}

// More threads than the ranking uses, then fewer in the same workspace.
TEST(RankingTest, ThreadCountsAboveTwo) {
  RankWorkspace workspace;
  ExpectSame(NearTies(kParallel, 6, 27), TieMode::kCompetition, 16, &workspace);
  ExpectSame(NearTies(120000, 5, 28), TieMode::kDense, 2, &workspace);
}

TEST(RankingTest, PeriodicRowsHalfVetoedAndNoGroups) {
  // Rows repeating with a short period, half of them vetoed.
  Data d = NearTies(kParallel, 3, 27);
  for (size_t i = 32; i < d.n; ++i)
    for (size_t j = 0; j < d.k; ++j)
      d.scores[i * d.k + j] =
          d.scores[(i % 32) * d.k + j] + (i % 7 == 0 ? 1 : 0);
  for (size_t i = 0; i < d.n; ++i) d.vetoed[i] = i % 2;
  ExpectSame(d, TieMode::kCompetition, 2);
  // Without groups: overall ranks only.
  std::vector<int32_t> want_rank, want_group, rank(d.n);
  std::vector<double> want_comp;
  Reference(d, TieMode::kOrdinal, &want_rank, &want_group, &want_comp);
  RankOptions options;
  options.ties = TieMode::kOrdinal;
  options.threads = 2;
  RankInput in{d.scores.data(), d.n,    d.k, d.weights.data(),
               d.vetoed.data(), nullptr};
  ASSERT_TRUE(RankArrays(in, options, RankOutput{rank.data()}).ok());
  EXPECT_EQ(rank, want_rank);
}

TEST(RankingTest, GroupsOfOneOrTwoUnitsOnTheParallelPath) {
  // Two groups for three units: a state table about as large as the units.
  Data d = NearTies(kParallel, 5, 28);
  for (size_t i = 0; i < d.n; ++i)
    d.groups[i] = static_cast<int32_t>((i * 7919) % (d.n * 2 / 3));
  ExpectSame(d, TieMode::kCompetition, 2);
  ExpectSame(d, TieMode::kOrdinal, 3);
}

TEST(RankingTest, TiesWithinGroupsAcrossTheVetoLineOnTheParallelPath) {
  // Three values and seven groups: almost every unit ties with others of its
  // group, live and vetoed alike, and vetoed ones hold the live values too.
  const size_t n = kParallel;
  Data d{n,
         1,
         std::vector<double>(n),
         {1.0},
         std::vector<uint8_t>(n),
         std::vector<int32_t>(n)};
  std::mt19937 rng(41);
  for (size_t i = 0; i < n; ++i) {
    d.scores[i] = static_cast<double>(rng() % 3);
    d.vetoed[i] = rng() % 10 == 0;
    d.groups[i] = static_cast<int32_t>(rng() % 7);
  }
  for (TieMode ties :
       {TieMode::kCompetition, TieMode::kDense, TieMode::kOrdinal}) {
    ExpectSame(d, ties, 2);
  }
}

TEST(RankingTest, NegativeGroupIdsOnTheParallelPathWriteNothing) {
  Data d = NearTies(kParallel, 6, 31);
  std::fill(d.vetoed.begin(), d.vetoed.end(), 0);
  d.vetoed[4242] = 1;  // The only vetoed unit.
  RankInput in{d.scores.data(), d.n, d.k, d.weights.data(), d.vetoed.data(),
               d.groups.data()};
  RankOptions options;
  options.threads = 2;
  auto expect_rejected = [&](const std::string& message) {
    std::vector<int32_t> rank(d.n, -7), group_rank(d.n, -7);
    std::vector<double> comp(d.n, -7.0);
    EXPECT_EQ(
        RankArrays(in, options,
                   RankOutput{rank.data(), group_rank.data(), comp.data()})
            .message(),
        message);
    EXPECT_TRUE(std::all_of(rank.begin(), rank.end(),
                            [](int32_t r) { return r == -7; }));
    EXPECT_TRUE(std::all_of(group_rank.begin(), group_rank.end(),
                            [](int32_t r) { return r == -7; }));
    EXPECT_TRUE(std::all_of(comp.begin(), comp.end(),
                            [](double c) { return c == -7.0; }));
    std::vector<double> given(d.n, 50.0);
    EXPECT_EQ(
        RankComposites(given.data(), d.n, d.vetoed.data(), d.groups.data(),
                       options, rank.data(), group_rank.data())
            .message(),
        message);
  };
  d.groups[88888] = -2;
  d.groups[77777] = -1;
  expect_rejected("unit 77777: group id -1 is negative");
  d.groups[77777] = 1;
  d.groups[88888] = 2;
  d.groups[4242] = -5;
  expect_rejected("unit 4242: group id -5 is negative");
}

TEST(RankingTest, SparseHugeGroupIdsAreRenumbered) {
  Data d = Random(2000, 3, 9, 1.0);
  for (int32_t& g : d.groups) g = g * 1000003 % 2000000000;
  ExpectSame(d, TieMode::kCompetition, 1);
  Data big = NearTies(kParallel, 4, 32);
  for (int32_t& g : big.groups)
    g = static_cast<int32_t>(int64_t{g} * 1000003 % 2000000000);
  ExpectSame(big, TieMode::kCompetition, 2);
}

// vqsort picks its code by the CPU it runs on; each instruction set this
// CPU has is forced in turn (vqsort takes the best one it was built with
// among those allowed, down to its portable EMU128 and SCALAR code), on one
// thread and on two.
TEST(RankingTest, EveryInstructionSetTheCpuOffers) {
  const int64_t supported = hwy::SupportedTargets();
  Data small = NearTies(5000, 5, 33);
  Data large = NearTies(kParallel, 3, 34);
  int forced = 0;
  for (int bit = 0; bit < 63; ++bit) {
    const int64_t target = int64_t{1} << bit;
    if ((supported & target) == 0) continue;
    SCOPED_TRACE(hwy::TargetName(target));
    hwy::SetSupportedTargetsForTest(target);
    ASSERT_EQ(hwy::SupportedTargets(), target);
    ExpectSame(small, TieMode::kCompetition, 1);
    ExpectSame(large, TieMode::kOrdinal, 2);
    ++forced;
  }
  hwy::SetSupportedTargetsForTest(0);
  EXPECT_GE(forced, 2);  // At least a vector target and the fallback.
}

TEST(RankingTest, BadInputNamesUnitIndicatorOrWeightAndWritesNothing) {
  Data d = Random(200, 4, 3, 1.0);
  std::vector<int32_t> rank(200, -7), group_rank(200, -7);
  RankInput in{d.scores.data(), 200, 4, d.weights.data(), d.vetoed.data(),
               d.groups.data()};
  RankOutput out{rank.data(), group_rank.data()};

  d.scores[17 * 4 + 2] = std::nan("");
  Status s = RankArrays(in, RankOptions{}, out);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "unit 17, indicator 2: score is NaN");
  d.scores[17 * 4 + 2] = 5;
  d.scores[150 * 4 + 0] = -INFINITY;
  EXPECT_EQ(RankArrays(in, RankOptions{}, out).message(),
            "unit 150, indicator 0: score is infinite");
  d.scores[150 * 4 + 0] = 5;

  d.weights[1] = -0.25;
  EXPECT_EQ(RankArrays(in, RankOptions{}, out).message(),
            "weight 1 is negative (-0.250000)");
  d.weights = {0.3, 0.3, 0.3, 0.3};
  EXPECT_NE(RankArrays(in, RankOptions{}, out)
                .message()
                .find("weights sum to 1.200000, not 1"),
            std::string::npos);
  d.weights[3] = NAN;
  EXPECT_EQ(RankArrays(in, RankOptions{}, out).message(),
            "weight 3 is not finite");
  d.weights = {0, 0, 0, 0};
  RankOptions normalize;
  normalize.normalize_weights = true;
  EXPECT_EQ(RankArrays(in, normalize, out).message(),
            "weights sum to 0; cannot normalise");
  d.weights = {2, 2, 2, 2};
  d.groups[9] = -3;
  EXPECT_EQ(RankArrays(in, normalize, out).message(),
            "unit 9: group id -3 is negative");
  EXPECT_TRUE(
      std::all_of(rank.begin(), rank.end(), [](int32_t r) { return r == -7; }));
  EXPECT_TRUE(std::all_of(group_rank.begin(), group_rank.end(),
                          [](int32_t r) { return r == -7; }));

  d.groups[9] = 3;
  ASSERT_TRUE(
      RankArrays(in, normalize, out).ok());  // Normalised weights 2/8 each.
  EXPECT_EQ(RankArrays(in, RankOptions{}, RankOutput{}).message(),
            "rank output is missing");
}

}  // namespace
}  // namespace chuangwen

namespace chuangwen {
namespace {

TEST(RankIndexTest, LongRunsOfEqualValuesAcrossTheSearchSample) {
  // Runs of equal composites much longer than the index's sampling stride,
  // live and vetoed, and updates into, between and beyond them.
  const size_t n = 2000;
  std::vector<double> comp(n);
  std::vector<uint8_t> vetoed(n);
  std::vector<int32_t> groups(n);
  for (size_t u = 0; u < n; ++u) {
    comp[u] = static_cast<double>(u % 3) * 10.0;  // 0, 10, 20: runs of ~667.
    vetoed[u] = u % 7 == 0;
    groups[u] = static_cast<int32_t>(u % 5);
  }
  std::unique_ptr<RankIndex> index;
  ASSERT_TRUE(
      RankIndex::Build(comp.data(), n, vetoed.data(), groups.data(), &index)
          .ok());
  std::mt19937 rng(5);
  const double values[] = {-1.0, 0.0, 5.0, 10.0, 15.0, 20.0, 25.0};
  for (int step = 0; step < 300; ++step) {
    const size_t u = rng() % n;
    const double v = values[rng() % 7];
    int32_t r = 0, g = 0;
    ASSERT_TRUE(index->Update(u, v, &r, &g).ok());
    comp[u] = v;
    if (step % 30 != 29) continue;
    std::vector<int32_t> full(n), full_group(n);
    ASSERT_TRUE(RankComposites(comp.data(), n, vetoed.data(), groups.data(),
                               RankOptions{}, full.data(), full_group.data())
                    .ok());
    EXPECT_EQ(r, full[u]) << "step " << step;
    EXPECT_EQ(g, full_group[u]) << "step " << step;
    for (size_t w = 0; w < n; w += 7) {
      ASSERT_EQ(index->Rank(w), full[w]) << "unit " << w << ", step " << step;
      ASSERT_EQ(index->GroupRank(w), full_group[w]) << "unit " << w;
    }
  }
}

TEST(RankIndexTest, IncrementalUpdatesMatchAFullReRank) {
  Data d = Random(3000, 5, 21, 1.0);
  std::vector<double> comp(d.n);
  std::vector<int32_t> rank(d.n), group_rank(d.n);
  RankInput in{d.scores.data(), d.n, d.k, d.weights.data(), d.vetoed.data(),
               d.groups.data()};
  ASSERT_TRUE(
      RankArrays(in, RankOptions{},
                 RankOutput{rank.data(), group_rank.data(), comp.data()})
          .ok());
  std::unique_ptr<RankIndex> index;
  ASSERT_TRUE(RankIndex::Build(comp.data(), d.n, d.vetoed.data(),
                               d.groups.data(), &index)
                  .ok());
  for (size_t u = 0; u < d.n; u += 97) {
    EXPECT_EQ(index->Rank(u), rank[u]);
    EXPECT_EQ(index->GroupRank(u), group_rank[u]);
  }
  std::mt19937 rng(4);
  for (int step = 0; step < 400; ++step) {
    size_t u = rng() % d.n;
    // New values: often an existing value (ties), sometimes a fresh one, and
    // some units updated many times.
    double v =
        step % 3 == 0 ? comp[rng() % d.n] : std::floor((rng() % 10000) / 100.0);
    if (step % 5 == 0) u = rng() % 10;
    int32_t r = 0, g = 0;
    ASSERT_TRUE(index->Update(u, v, &r, &g).ok());
    comp[u] = v;
    if (step % 40 == 39 || step < 5) {
      std::vector<int32_t> full(d.n), full_group(d.n);
      ASSERT_TRUE(RankComposites(comp.data(), d.n, d.vetoed.data(),
                                 d.groups.data(), RankOptions{}, full.data(),
                                 full_group.data())
                      .ok());
      EXPECT_EQ(r, full[u]) << "step " << step;
      EXPECT_EQ(g, full_group[u]) << "step " << step;
      for (size_t w = 0; w < d.n; w += 13) {
        ASSERT_EQ(index->Rank(w), full[w])
            << "unit " << w << " after step " << step;
        ASSERT_EQ(index->GroupRank(w), full_group[w])
            << "unit " << w << " after step " << step;
      }
    }
  }
  int32_t r, g;
  EXPECT_EQ(index->Update(d.n, 1.0, &r, &g).code(), Status::Code::kNotFound);
  EXPECT_EQ(index->Update(0, NAN, &r, &g).message(),
            "unit 0: composite is not finite");
}

}  // namespace
}  // namespace chuangwen
