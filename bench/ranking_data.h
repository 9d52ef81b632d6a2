// The ranking workloads of the benchmarks: N units, K indicator scores each,
// weights summing to 1, 1 % vetoed, N/100 groups, with composites spread in
// one of six ways. Seeded, so every program generates the same data.
#ifndef CHUANGWEN_BENCH_RANKING_DATA_H_
#define CHUANGWEN_BENCH_RANKING_DATA_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace chuangwen::bench {

enum class Spread {
  kUniform,      // Scores uniform on a 0.1 grid over 0..100.
  kClustered,    // Every composite within 1e-6 of 75.
  kFewDistinct,  // 50 distinct rows: huge ties.
  kIdentical,    // Every row the same.
  kLogNormal,    // Heavy-tailed: a log-normal level per unit.
  kRealistic,  // 100 less deductions; most units 85..100, ties at round values.
};

inline const std::vector<std::pair<Spread, std::string>>& Spreads() {
  static const std::vector<std::pair<Spread, std::string>> all = {
      {Spread::kUniform, "uniform"},         {Spread::kClustered, "clustered"},
      {Spread::kFewDistinct, "50-distinct"}, {Spread::kIdentical, "identical"},
      {Spread::kLogNormal, "log-normal"},    {Spread::kRealistic, "realistic"}};
  return all;
}

struct RankingData {
  size_t units = 0, indicators = 0;
  std::vector<double> scores, weights;
  std::vector<uint8_t> vetoed;
  std::vector<int32_t> groups;
};

inline RankingData MakeRankingData(size_t units, size_t indicators,
                                   uint64_t seed,
                                   Spread spread = Spread::kUniform) {
  RankingData d;
  d.units = units;
  d.indicators = indicators;
  std::mt19937_64 rng(seed);
  auto uniform = [&] { return static_cast<double>(rng() % 1001) / 10.0; };
  d.scores.resize(units * indicators);
  switch (spread) {
    case Spread::kUniform:
      for (double& s : d.scores) s = uniform();
      break;
    case Spread::kClustered:
      for (double& s : d.scores)
        s = 75.0 + static_cast<double>(rng() % 1000001) * 1e-12;
      break;
    case Spread::kFewDistinct:
    case Spread::kIdentical: {
      const size_t rows = spread == Spread::kIdentical ? 1 : 50;
      std::vector<double> pool(rows * indicators);
      for (double& s : pool) s = uniform();
      for (size_t u = 0; u < units; ++u) {
        const size_t r = rng() % rows;
        std::copy_n(&pool[r * indicators], indicators,
                    &d.scores[u * indicators]);
      }
      break;
    }
    case Spread::kLogNormal: {
      std::lognormal_distribution<double> level(0.0, 2.0);
      for (size_t u = 0; u < units; ++u) {
        const double base = level(rng);
        for (size_t j = 0; j < indicators; ++j)
          d.scores[u * indicators + j] =
              base * (1.0 + static_cast<double>(rng() % 1000) * 1e-4);
      }
      break;
    }
    case Spread::kRealistic:
      // Half the indicators at full marks, most others a few half points
      // off, some 5 to 30 off; one unit in twenty weak on every indicator.
      for (size_t u = 0; u < units; ++u) {
        const bool weak = rng() % 20 == 0;
        for (size_t j = 0; j < indicators; ++j) {
          const uint64_t r = rng() % 100;
          double off = r < 50   ? 0.0
                       : r < 85 ? 0.5 * static_cast<double>(1 + rng() % 10)
                                : static_cast<double>(5 + rng() % 26);
          if (weak) off += static_cast<double>(10 + rng() % 21);
          d.scores[u * indicators + j] = std::max(0.0, 100.0 - off);
        }
      }
      break;
  }
  d.weights.resize(indicators);
  if (spread == Spread::kRealistic) {
    // Round weights, as plans write them (5 %, 10 %...).
    for (size_t j = 0; j < indicators; ++j) d.weights[j] = j % 2 == 0 ? 2 : 1;
  } else {
    for (double& w : d.weights) w = 1.0 + static_cast<double>(rng() % 100);
  }
  const double sum = std::accumulate(d.weights.begin(), d.weights.end(), 0.0);
  for (double& w : d.weights) w /= sum;
  d.weights.back() =
      1.0 - std::accumulate(d.weights.begin(), d.weights.end() - 1, 0.0);
  d.vetoed.resize(units);
  d.groups.resize(units);
  const uint64_t groups = units / 100 > 0 ? units / 100 : 1;
  for (size_t i = 0; i < units; ++i) {
    d.vetoed[i] = rng() % 100 == 0;
    d.groups[i] = static_cast<int32_t>(rng() % groups);
  }
  return d;
}

}  // namespace chuangwen::bench

#endif  // CHUANGWEN_BENCH_RANKING_DATA_H_
