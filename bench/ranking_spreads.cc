// The ranking against the vqsort program (vqsort_program.h) on six spreads
// of composites at 10^4 .. 10^7 units, K = 20, both timed in this process,
// alternating, on the same data; and each against the memory-read floor
// (one read of the scores at the machine's measured bandwidth). Prints one
// row per spread and size; exits 1 if any ranks differ from the program's.
// Options: --max-units N (10000000), --indicators K (20).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bandwidth.h"
#include "chuangwen/ranking.h"
#include "ranking_data.h"
#include "vqsort_program.h"

namespace {

using chuangwen::bench::Clock;

using chuangwen::bench::Median;
using chuangwen::bench::Ms;

}  // namespace

int main(int argc, char** argv) {
  size_t max_units = 10000000, indicators = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--max-units") == 0)
      max_units = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--indicators") == 0)
      indicators = std::strtoull(argv[i + 1], nullptr, 10);
  }
  bool all_same = true;
  double bandwidth = 0;
  std::printf("%-12s %9s %10s %10s %8s %8s\n", "spread", "units", "ours_ms",
              "vqsort_ms", "ours/vq", "ours/floor");
  for (size_t units = 10000; units <= max_units; units *= 10) {
    for (const auto& [spread, name] : chuangwen::bench::Spreads()) {
      const auto d = chuangwen::bench::MakeRankingData(units, indicators,
                                                       20170313, spread);
      std::vector<int32_t> rank(units), group_rank(units), vq_rank(units),
          vq_group(units);
      std::vector<double> composite(units), vq_composite(units);
      std::vector<hwy::uint128_t> keys;
      chuangwen::RankWorkspace workspace;
      const chuangwen::RankInput in{d.scores.data(), units,
                                    indicators,      d.weights.data(),
                                    d.vetoed.data(), d.groups.data()};
      // Enough repetitions for about a fifth of a second each.
      const int runs =
          static_cast<int>(std::max<size_t>(3, 20000000 / (units * 10)));
      std::vector<double> ours, theirs;
      for (int r = 0; r <= runs; ++r) {
        auto t0 = Clock::now();
        const chuangwen::Status s = chuangwen::RankArrays(
            in, chuangwen::RankOptions{},
            chuangwen::RankOutput{rank.data(), group_rank.data(),
                                  composite.data()},
            &workspace);
        const double ours_ms = Ms(t0);
        if (!s.ok()) {
          std::fprintf(stderr, "ranking failed: %s\n", s.ToString().c_str());
          return 1;
        }
        t0 = Clock::now();
        chuangwen::bench::VqsortProgram(d, &keys, vq_rank.data(),
                                        vq_group.data(), vq_composite.data());
        const double theirs_ms = Ms(t0);
        if (r == 0) continue;  // The first of each maps its scratch memory.
        ours.push_back(ours_ms);
        theirs.push_back(theirs_ms);
      }
      const bool same = rank == vq_rank && group_rank == vq_group &&
                        composite == vq_composite;
      all_same = all_same && same;
      if (bandwidth == 0) {
        double warm = 0;
        bool evicted = false;
        // Measured once, on the first data set large enough to leave the
        // caches (at least 160 MB); smaller ones use the same figure.
        const auto big = chuangwen::bench::MakeRankingData(
            std::max<size_t>(units, 1000000), indicators, 1);
        bandwidth =
            chuangwen::bench::MeasureBandwidthGBs(big.scores, &warm, &evicted);
        std::printf("# read bandwidth %.1f GB/s (%s)\n", bandwidth,
                    evicted ? "from memory" : "caches not flushed");
      }
      const double floor_ms =
          static_cast<double>(units * indicators * 8) / (bandwidth * 1e6);
      const double o = Median(ours), t = Median(theirs);
      std::printf("%-12s %9zu %10.3f %10.3f %8.2f %8.2f%s\n", name.c_str(),
                  units, o, t, o / t, o / floor_ms,
                  same ? "" : "  RANKS DIFFER");
      std::fflush(stdout);
    }
  }
  return all_same ? 0 : 1;
}
