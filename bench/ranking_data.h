// The ranking workload of the benchmarks: N units, K indicator scores each
// (doubles on a 0.1 grid, so ties happen), weights summing to 1, 1 % vetoed,
// N/100 groups. Seeded, so every program generates the same data.
#ifndef CHUANGWEN_BENCH_RANKING_DATA_H_
#define CHUANGWEN_BENCH_RANKING_DATA_H_

#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

namespace chuangwen::bench {

struct RankingData {
  size_t units = 0, indicators = 0;
  std::vector<double> scores, weights;
  std::vector<uint8_t> vetoed;
  std::vector<int32_t> groups;
};

inline RankingData MakeRankingData(size_t units, size_t indicators,
                                   uint64_t seed) {
  RankingData d;
  d.units = units;
  d.indicators = indicators;
  std::mt19937_64 rng(seed);
  d.scores.resize(units * indicators);
  for (double& s : d.scores)
    s = static_cast<double>(rng() % 1001) / 10.0;  // 0.0 .. 100.0
  d.weights.resize(indicators);
  for (double& w : d.weights) w = 1.0 + static_cast<double>(rng() % 100);
  double sum = std::accumulate(d.weights.begin(), d.weights.end(), 0.0);
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
