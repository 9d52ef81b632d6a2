// Ranking hot path: N units × 20 scores, weighted composite, competition rank
// overall and within N/100 groups, 1 % vetoed; and one incremental update.
// Run: build/bench/cw_bench_ranking --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "chuangwen/rank_index.h"
#include "chuangwen/ranking.h"
#include "ranking_data.h"

namespace chuangwen::bench {
namespace {

// The seeded workload with its output arrays.
struct Workload {
  explicit Workload(size_t units)
      : n(units),
        d(MakeRankingData(units, 20, 42)),
        rank(units),
        group_rank(units),
        composite(units),
        in{d.scores.data(),  units,           20,
           d.weights.data(), d.vetoed.data(), d.groups.data()} {}
  RankOutput out() {
    return RankOutput{rank.data(), group_rank.data(), composite.data()};
  }
  size_t n;
  RankingData d;
  std::vector<int32_t> rank, group_rank;
  std::vector<double> composite;
  RankInput in;
};

void BM_RankArrays(benchmark::State& state) {
  Workload w(static_cast<size_t>(state.range(0)));
  const size_t n = w.n;
  RankWorkspace workspace;
  for (auto _ : state) {
    Status s = RankArrays(w.in, RankOptions{}, w.out(), &workspace);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    benchmark::DoNotOptimize(w.rank.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(n) * 20 * 8);
}
BENCHMARK(BM_RankArrays)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);

void BM_IncrementalUpdate(benchmark::State& state) {
  Workload w(static_cast<size_t>(state.range(0)));
  const size_t n = w.n;
  RankingData& d = w.d;
  (void)RankArrays(w.in, RankOptions{}, w.out());
  std::vector<double>& composite = w.composite;
  std::unique_ptr<RankIndex> index;
  (void)RankIndex::Build(composite.data(), n, d.vetoed.data(), d.groups.data(),
                         &index);
  std::mt19937_64 rng(7);
  for (auto _ : state) {
    size_t u = rng() % n;
    int32_t r = 0, g = 0;
    Status s =
        index->Update(u, static_cast<double>(rng() % 100001) / 1000.0, &r, &g);
    benchmark::DoNotOptimize(r + g);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_IncrementalUpdate)->Arg(1000000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
