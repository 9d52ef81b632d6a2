// Wall-clock helpers of the side-by-side benchmark programs.
#ifndef CHUANGWEN_BENCH_TIMING_H_
#define CHUANGWEN_BENCH_TIMING_H_

#include <algorithm>
#include <chrono>
#include <vector>

namespace chuangwen::bench {

using Clock = std::chrono::steady_clock;

inline double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since)
      .count();
}

inline double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace chuangwen::bench

#endif  // CHUANGWEN_BENCH_TIMING_H_
