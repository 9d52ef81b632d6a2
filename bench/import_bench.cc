// Plan import of a 1 MB plan (about 3,000 tasks with their responsibility
// lines, phases and duties). Target: under 100 ms.
// Run: build/bench/cw_bench_import --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "chuangwen/plan_import.h"

namespace chuangwen::bench {
namespace {

// An invented plan of about `bytes` bytes in the usual shape.
std::string GeneratePlan(size_t bytes) {
  static const char* kUnits[] = {"市容科",   "环卫科", "规划科", "宣传科",
                                 "执法大队", "办公室", "综合科", "客运科"};
  static const char* kLeaders[] = {"周明远", "孙海燕", "韩立群"};
  static const char* kWords[] = {
      "整治",   "占道经营", "乱停乱放", "主次干道", "农贸市场", "周边",
      "常态化", "问题清单", "逐一销号", "背街小巷", "环境卫生", "公益广告"};
  std::mt19937 rng(2017);
  std::string out =
      "东湖区城市管理局文件\n东城管〔2025〕3号\n"
      "关于印发《东湖区城市管理局创建工作方案》的通知\n2025年3月10日\n"
      "东湖区城市管理局创建工作方案\n一、组织机构\n"
      "成立东湖区城市管理局创建工作领导小组。\n组长：周明远\n"
      "副组长：孙海燕 韩立群\n成员：吴雅琴 陈思齐 林晓东\n"
      "二、主要任务及分工\n";
  for (int n = 1; out.size() < bytes; ++n) {
    out += "（" + std::to_string(n) + "）重点任务第" + std::to_string(n) +
           "项。\n";
    for (int k = 1; k <= 3; ++k) {
      out += std::to_string(k) + ". 开展第" + std::to_string(n) + "-" +
             std::to_string(k) + "项专项整治。";
      for (int w = 0; w < 30; ++w) out += kWords[rng() % 12];
      out += "，材料每月20日前报送局办公室。\n责任领导：";
      out += kLeaders[rng() % 3];
      out += "\n责任科室：";
      out += kUnits[rng() % 8];
      out += "\n配合单位：";
      out += kUnits[rng() % 8];
      out += "、";
      out += kUnits[rng() % 8];
      out += "\n";
    }
  }
  out +=
      "三、时间安排\n（一）动员阶段（3月15日前）：召开动员大会。\n"
      "（二）集中整治阶段（4月—8月）：逐项整改。\n";
  return out;
}

void BM_ImportPlan_1MB(benchmark::State& state) {
  const std::string plan = GeneratePlan(1 << 20);
  v1::ImportOptions options;
  v1::ImportResult result;
  for (auto _ : state) {
    Status s = ImportPlan(plan, options, &result);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.counters["tasks"] = result.campaign().tasks_size();
  state.counters["unused_lines"] = result.skipped_size();
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * plan.size()));
}
BENCHMARK(BM_ImportPlan_1MB)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
