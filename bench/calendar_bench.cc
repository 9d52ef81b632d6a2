// Working-day calendar queries: 10 million each, over random dates of the
// shipped years. Target: under 50 ns median per query.
// Run: build/bench/cw_bench_calendar --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "chuangwen/calendar.h"

namespace chuangwen::bench {
namespace {

constexpr int64_t kQueries = 10'000'000;

const std::vector<Date>& Dates() {
  static const std::vector<Date>* dates = [] {
    auto* v = new std::vector<Date>();
    std::mt19937 rng(42);
    const Date first(2014, 1, 1);
    for (int i = 0; i < 1 << 16; ++i) {
      v->push_back(first +
                   boost::gregorian::days(static_cast<long>(rng() % 4700)));
    }
    return v;
  }();
  return *dates;
}

void BM_IsWorkingDay(benchmark::State& state) {
  const WorkCalendar& cal = *WorkCalendar::China();
  const auto& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    bool working = false;
    Status s = cal.IsWorkingDay(dates[i++ & 0xFFFF], &working);
    benchmark::DoNotOptimize(working);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_IsWorkingDay)->Iterations(kQueries);

void BM_AddWorkingDays(benchmark::State& state) {
  const WorkCalendar& cal = *WorkCalendar::China();
  const auto& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    Date out;
    int n = static_cast<int>(i % 41) - 20;  // -20..20 working days.
    Status s = cal.AddWorkingDays(dates[i++ & 0xFFFF], n, &out);
    benchmark::DoNotOptimize(out);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_AddWorkingDays)->Iterations(kQueries);

void BM_CountWorkingDays(benchmark::State& state) {
  const WorkCalendar& cal = *WorkCalendar::China();
  const auto& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    Date a = dates[i & 0xFFFF], b = dates[(i + 1) & 0xFFFF];
    ++i;
    int n = 0;
    Status s =
        a < b ? cal.CountWorkingDays(a, b, &n) : cal.CountWorkingDays(b, a, &n);
    benchmark::DoNotOptimize(n);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_CountWorkingDays)->Iterations(kQueries);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
