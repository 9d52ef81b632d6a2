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

void BM_RankArrays(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  RankingData d = MakeRankingData(n, 20, 42);
  std::vector<int32_t> rank(n), group_rank(n);
  std::vector<double> composite(n);
  RankInput in{d.scores.data(), n, 20, d.weights.data(), d.vetoed.data(),
               d.groups.data()};
  RankWorkspace workspace;
  for (auto _ : state) {
    Status s =
        RankArrays(in, RankOptions{},
                   RankOutput{rank.data(), group_rank.data(), composite.data()},
                   &workspace);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    benchmark::DoNotOptimize(rank.data());
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
  const size_t n = static_cast<size_t>(state.range(0));
  RankingData d = MakeRankingData(n, 20, 42);
  std::vector<int32_t> rank(n), group_rank(n);
  std::vector<double> composite(n);
  RankInput in{d.scores.data(), n, 20, d.weights.data(), d.vetoed.data(),
               d.groups.data()};
  (void)RankArrays(
      in, RankOptions{},
      RankOutput{rank.data(), group_rank.data(), composite.data()});
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
