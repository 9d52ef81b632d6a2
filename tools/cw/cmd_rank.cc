// cw rank FILE --period P [--component ID] [--group] [--json]
// cw explain FILE --unit ID --period P [--component ID] [--json]
#include <cstdio>
#include <iostream>
#include <map>

#include "chuangwen/assessment.h"
#include "chuangwen/assessment_book.h"
#include "chuangwen/ledger_store.h"
#include "cli.h"
#include "progress.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

void PrintRows(const std::vector<const v1::RankingRow*>& rows, bool by_group) {
  std::printf("  %s %s %s  %s %s\n", Pad(by_group ? "组内" : "名次", 5).c_str(),
              Pad("单位", 18).c_str(), Pad("    得分", 8).c_str(),
              Pad("等次", 8).c_str(), "说明");
  for (const v1::RankingRow* r : rows) {
    std::string note =
        r->vetoed() ? "一票否决（" + r->veto_period() + "）：" + r->veto_reason()
                    : "";
    std::printf("  %-5d %s %8.2f  %s %s\n",
                by_group ? r->group_rank() : r->rank(),
                Pad(r->unit_name(), 18).c_str(), r->score(),
                Pad(r->grade(), 8).c_str(), note.c_str());
  }
}

std::string Names(const v1::RankingTable& t,
                  const google::protobuf::RepeatedPtrField<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    for (const v1::RankingRow& r : t.rows()) {
      if (r.unit_id() == id) out += (out.empty() ? "" : "、") + r.unit_name();
    }
  }
  return out.empty() ? "无" : out;
}

// What a ranking reads: a campaign file, or a ledger store with the
// campaign in force and the ledger's deductions for `period`.
struct RankSources {
  std::shared_ptr<const chuangwen::Campaign> file;
  std::unique_ptr<chuangwen::LedgerStore> store;
  const chuangwen::Campaign* campaign = nullptr;
  std::vector<v1::IndicatorInput> derived;
};

bool LoadRankSources(const Args& args, RankSources* out) {
  const std::string& path = args.positional[0];
  Stage stage("reading " + path);
  if (!IsLedgerPath(path)) {
    if (!LoadCampaign(path, args, &out->file)) return false;
    out->campaign = out->file.get();
    return true;
  }
  chuangwen::Status s = OpenLedger(path, &out->store);
  if (s.ok()) {
    out->campaign = &out->store->ledger().campaign();
    s = out->store->ledger().DeductionInputs(args.Value("period"),
                                             &out->derived);
  }
  if (!s.ok()) {
    UsageError(s.message());
    return false;
  }
  return true;
}

}  // namespace

int RunRank(const Args& args) {
  if (args.positional.size() != 1 || !args.Has("period") ||
      (args.Has("json") && args.Has("csv"))) {
    return UsageError(
        "usage: cw rank FILE --period YYYY-MM|YYYY-Qn|YYYY [--component ID] "
        "[--group] "
        "[--json | --csv]");
  }
  RankSources sources;
  if (!LoadRankSources(args, &sources)) return kExitUsage;
  v1::RankingTable table;
  chuangwen::Status s;
  {
    Stage stage("ranking " +
                std::to_string(sources.campaign->proto().units_size()) +
                " units");
    s = chuangwen::RankPeriod(*sources.campaign, args.Value("period"),
                              args.Value("component"), sources.derived, &table);
  }
  if (!s.ok()) return Fail(s);
  if (args.Has("json")) return PrintJson(table);
  if (args.Has("csv")) {
    std::cout << chuangwen::RankingTableToCsv(table,
                                              chuangwen::CsvStyle::kOffice);
    return kExitOk;
  }
  std::cout << table.period() << "  "
            << (table.component_id().empty() ? "综合考核评价"
                                             : table.component_id())
            << "\n";
  if (args.Has("group")) {
    std::map<std::string, std::vector<const v1::RankingRow*>> groups;
    for (const v1::RankingRow& r : table.rows())
      groups[r.group()].push_back(&r);
    for (auto& [name, rows] : groups) {
      std::cout << "\n【" << (name.empty() ? "未分组" : name) << "】\n";
      std::cout.flush();
      PrintRows(rows, true);
    }
  } else {
    std::vector<const v1::RankingRow*> rows;
    for (const v1::RankingRow& r : table.rows()) rows.push_back(&r);
    std::cout.flush();
    PrintRows(rows, false);
  }
  std::cout << "\n通报表扬：" << Names(table, table.commended()) << "\n";
  std::cout << "通报批评：" << Names(table, table.criticized()) << "\n";
  return kExitOk;
}

int RunExplain(const Args& args) {
  if (args.positional.size() != 1 || !args.Has("period") || !args.Has("unit")) {
    return UsageError(
        "usage: cw explain FILE --unit ID --period P [--component ID] "
        "[--json]");
  }
  RankSources sources;
  if (!LoadRankSources(args, &sources)) return kExitUsage;
  Args named;
  if (!ResolveNamedArgs(*sources.campaign, args, &named)) return kExitUsage;
  v1::Explanation e;
  chuangwen::Status s = chuangwen::ExplainUnit(
      *sources.campaign, named.Value("unit"), args.Value("period"),
      args.Value("component"), sources.derived, &e);
  if (!s.ok()) return Fail(s);
  if (args.Has("json")) return PrintJson(e);
  std::printf("%s  %s: %.2f, rank %d\n", e.period().c_str(),
              e.unit_id().c_str(), e.score(), e.rank());
  if (!e.above_unit_id().empty()) {
    std::printf("%.2f behind %s (just above)\n", e.gap_to_above(),
                e.above_unit_id().c_str());
  }
  for (const v1::ScorePart& p : e.parts()) {
    std::printf("  %-6s %s %8.2f", p.id().c_str(), Pad(p.name(), 16).c_str(),
                p.score());
    if (!e.above_unit_id().empty())
      std::printf("  (above: %.2f, %+.2f)", p.above(), p.score() - p.above());
    std::printf("  %s\n", p.detail().c_str());
  }
  return kExitOk;
}

}  // namespace cw
