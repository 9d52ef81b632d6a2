// cw status FILE --date YYYY-MM-DD [--unit ID] [--behind] [--phase ID] [--json]
// Every task with targets: expected against reported, with a bar per target
// drawn in block characters, most behind first; then each unit's summary.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "chuangwen/codec.h"
#include "chuangwen/date.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/progress.h"
#include "cli.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

const char* StatusName(v1::ProgressStatus s) {
  switch (s) {
    case v1::DONE:
      return "完成";
    case v1::ON_TRACK:
      return "正常";
    case v1::BEHIND:
      return "滞后";
    case v1::AT_RISK:
      return "预警";
    case v1::OVERDUE:
      return "逾期";
    case v1::NOT_DUE:
      return "未开始";
    default:
      return "";
  }
}

// A 20-cell bar: filled to the actual share, with ┃ where expected is.
std::string Bar(double actual, double expected) {
  const int width = 20;
  const int filled =
      static_cast<int>(std::lround(std::clamp(actual, 0.0, 1.0) * width));
  const int mark =
      static_cast<int>(std::lround(std::clamp(expected, 0.0, 1.0) * width));
  std::string bar;
  for (int i = 0; i < width; ++i) {
    if (i == mark && mark < width && i >= filled)
      bar += "┃";
    else
      bar += i < filled ? "█" : "░";
  }
  return bar;
}

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%3.0f%%", share * 100);
  return buf;
}

}  // namespace

int RunStatus(const Args& args) {
  if (args.positional.size() != 1 || !args.Has("date")) {
    return UsageError(
        "usage: cw status FILE --date YYYY-MM-DD [--unit ID] [--behind] "
        "[--phase ID] [--json]");
  }
  // A campaign file (its inline reports), or a ledger store (its reports).
  std::shared_ptr<const chuangwen::Campaign> campaign;
  std::unique_ptr<chuangwen::LedgerStore> store;
  const std::string& path = args.positional[0];
  if (IsLedgerPath(path)) {
    chuangwen::Status opened = OpenLedger(path, &store);
    if (!opened.ok()) return UsageError(opened.message());
    campaign = store->ledger().shared_campaign();
  } else if (!LoadCampaign(path, args, &campaign)) {
    return kExitUsage;
  }
  Args named;
  if (!ResolveNamedArgs(*campaign, args, &named)) return kExitUsage;
  v1::CampaignStatusRequest request;
  request.set_date(args.Value("date"));
  request.set_unit_id(named.Value("unit"));
  request.set_phase_id(args.Value("phase"));
  request.set_behind_only(args.Has("behind"));
  v1::CampaignStatus status;
  chuangwen::Status s =
      store ? store->progress().Query(request, &status)
            : chuangwen::QueryCampaignStatus(*campaign, request, &status);
  if (!s.ok()) return Fail(s);
  if (args.Has("json")) return PrintJson(status);
  auto unit_name = [&](const std::string& id) {
    int32_t u = campaign->index().Unit(id);
    return u == chuangwen::kNoIndex ? id : campaign->proto().units(u).name();
  };
  std::printf("目标任务进展（截至%s）：%d项任务\n", status.date().c_str(),
              status.tasks_size());
  for (const v1::TaskProgress& t : status.tasks()) {
    std::string units;
    for (const std::string& u : t.unit_ids())
      units += (units.empty() ? "" : "、") + unit_name(u);
    std::printf("%s %s %s  应完成%s 实际%s  %s\n",
                Pad(StatusName(t.status()), 6).c_str(),
                Pad(t.task_id(), 5).c_str(), Pad(t.title(), 30).c_str(),
                Percent(t.expected_share()).c_str(),
                Percent(t.actual_share()).c_str(), units.c_str());
    for (const v1::TargetProgress& p : t.targets()) {
      char values[96];
      std::snprintf(values, sizeof values, "%g/%g%s", p.reported(), p.target(),
                    p.unit_of_measure().c_str());
      std::string late;
      for (const std::string& u : p.late_units())
        late += (late.empty() ? "" : "、") + unit_name(u);
      std::printf("      %s %s %s 应达%g  %s%s\n",
                  Bar(p.actual_share(), p.expected_share()).c_str(),
                  Pad(p.metric(), 18).c_str(), Pad(values, 14).c_str(),
                  std::round(p.expected() * 10) / 10, StatusName(p.status()),
                  late.empty() ? "" : ("  本月未报：" + late).c_str());
    }
  }
  std::printf("\n单位汇总\n");
  for (const v1::UnitProgress& u : status.units()) {
    std::printf("  %s 任务%d 完成%d 正常%d 滞后%d 预警%d 逾期%d\n",
                Pad(unit_name(u.unit_id()), 16).c_str(), u.tasks(), u.done(),
                u.on_track(), u.behind(), u.at_risk(), u.overdue());
  }
  return kExitOk;
}

// cw progress FILE.db add REPORTS [--today YYYY-MM-DD]
int RunProgress(const Args& args) {
  if (args.positional.size() != 3 || args.positional[1] != "add") {
    return UsageError(
        "usage: cw progress FILE.db add REPORTS [--today YYYY-MM-DD]  "
        "(a chuangwen.v1.ProgressReportBatch)");
  }
  std::unique_ptr<chuangwen::LedgerStore> store;
  chuangwen::Status s =
      OpenLedger(args.positional[0], &store);
  if (!s.ok()) return Fail(s);
  chuangwen::Format f;
  s = chuangwen::FormatFromPath(args.positional[2], &f);
  v1::ProgressReportBatch batch;
  if (s.ok()) s = chuangwen::DecodeFile(args.positional[2], f, &batch);
  std::string today = args.Value("today");
  if (today.empty()) today = store->books().campaign().TodayIso();
  if (s.ok())
    s = store->AppendProgress({batch.reports().begin(), batch.reports().end()},
                              today);
  if (!s.ok()) return Fail(s);
  std::printf("Added %d progress reports; %zu in all.\n", batch.reports_size(),
              store->progress().reports().size());
  return kExitOk;
}

}  // namespace cw
