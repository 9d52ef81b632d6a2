// Plan import of a 1 MB text plan (about 3,000 tasks with their
// responsibility lines, phases and duties) and of a 100-page .docx (automatic
// numbering, a task table on every page). Target: each under 100 ms.
// Run: build/bench/cw_bench_import --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "chuangwen/plan_import.h"
#include "zip_builder.h"

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

std::string Para(const std::string& text, int level = -1) {
  std::string ppr;
  if (level >= 0)
    ppr = "<w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
          "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>";
  return "<w:p>" + ppr + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string Cell(const std::string& text) {
  return "<w:tc>" + Para(text) + "</w:tc>";
}

// About 100 pages of A4 at 22 lines of 28 characters: per page a numbered
// task with two sub-tasks and their responsibility lines, and a task table
// of five rows. Every paragraph differs (repeated blocks are dropped as
// copy-paste).
std::string GenerateDocx(int pages) {
  const std::string w =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
      "main\"";
  std::string body = Para("东湖区城市管理局创建工作方案") + Para("主要任务", 0);
  for (int p = 1; p <= pages; ++p) {
    body += Para(
        "第" + std::to_string(p) + "项重点任务：整治主次干道占道经营和乱停乱放",
        1);
    for (int k = 1; k <= 2; ++k) {
      body += Para("开展第" + std::to_string(p) + "-" + std::to_string(k) +
                       "片区背街小巷环境卫生专项整治，建立问题清单，逐一销号，"
                       "材料每月20日前报送局办公室。",
                   2);
      body += Para("责任领导：周明远") + Para("责任科室：市容科") +
              Para("配合单位：环卫科、执法大队");
    }
    body += "<w:tbl><w:tr>" + Cell("序号") + Cell("工作任务") +
            Cell("牵头单位") + Cell("配合单位") + Cell("完成时限") + "</w:tr>";
    for (int r = 1; r <= 5; ++r)
      body += "<w:tr>" + Cell(std::to_string(r)) +
              Cell("清理第" + std::to_string(p) + "-" + std::to_string(r) +
                   "号路段公益广告和户外招牌，规范设置") +
              Cell("规划科") + Cell("宣传科、综合科") + Cell("2025年6月底") +
              "</w:tr>";
    body += "</w:tbl>";
  }
  const std::string numbering =
      "<w:numbering " + w + "><w:abstractNum w:abstractNumId=\"0\">" +
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
      "w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>" +
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
      "w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>" +
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt "
      "w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>" +
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId "
      "w:val=\"0\"/></w:num></w:numbering>";
  return chuangwen::testing::Zip(
      {{"[Content_Types].xml",
        "<Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "content-types\"/>"},
       {"word/document.xml",
        "<w:document " + w + "><w:body>" + body + "</w:body></w:document>"},
       {"word/numbering.xml", numbering}});
}

void BM_ImportDocx_100Pages(benchmark::State& state) {
  const std::string docx = GenerateDocx(100);
  v1::ImportOptions options;
  v1::ImportResult result;
  for (auto _ : state) {
    Status s = ImportPlan(docx, options, &result);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.counters["tasks"] = result.campaign().tasks_size();
  state.counters["lines"] = result.lines();
  state.counters["docx_bytes"] = static_cast<double>(docx.size());
}
BENCHMARK(BM_ImportDocx_100Pages)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
