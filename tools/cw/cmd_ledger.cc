// cw ledger FILE.db init --campaign CAMPAIGN
// cw ledger FILE.db add EVENTS [--format F]
// cw ledger FILE.db list [--unit ID] [--date D] [--json]
// cw ledger FILE.db overdue --date D [--json]
// cw ledger FILE.db history ITEM [--json]
// cw ledger FILE.db stats --month YYYY-MM [--json]
// cw ledger FILE.db reminders|escalations|repeated|points --date D [--json]
// cw ledger FILE.db export [-o FILE]
// cw ledger FILE.db import LOG
// cw ledger FILE.db replace-campaign CAMPAIGN --reason TEXT
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "chuangwen/codec.h"
#include "chuangwen/date.h"
#include "chuangwen/ledger_store.h"
#include "cli.h"
#include "progress.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

constexpr char kLedgerUsage[] =
    "usage: cw ledger FILE.db init --campaign CAMPAIGN\n"
    "       cw ledger FILE.db add EVENTS        (LedgerEventBatch or one "
    "LedgerEvent;\n"
    "                                            .textproto, .json or .pb)\n"
    "       cw ledger FILE.db list [--unit ID] [--date D]\n"
    "       cw ledger FILE.db overdue --date D\n"
    "       cw ledger FILE.db history ITEM\n"
    "       cw ledger FILE.db stats --month YYYY-MM\n"
    "       cw ledger FILE.db reminders|escalations|repeated|points --date D\n"
    "       cw ledger FILE.db export [-o FILE]  (length-delimited "
    "LedgerRecords)\n"
    "       cw ledger FILE.db import LOG\n"
    "       cw ledger FILE.db replace-campaign CAMPAIGN --reason TEXT\n"
    "queries print a table, or JSON with --json";

std::string UnitName(const chuangwen::Campaign& c, const std::string& id) {
  int32_t u = c.index().Unit(id);
  return u == chuangwen::kNoIndex ? id : c.proto().units(u).name();
}

const char* StateName(v1::LedgerState s) {
  switch (s) {
    case v1::ISSUED:
      return "已下发";
    case v1::IN_RECTIFICATION:
      return "整改中";
    case v1::SUBMITTED:
      return "待验收";
    case v1::CLOSED:
      return "已销号";
    case v1::LONG_TERM:
      return "挂账";
    default:
      return "?";
  }
}

const char* ColorName(v1::StatusColor color) {
  switch (color) {
    case v1::RED:
      return "红";
    case v1::YELLOW:
      return "黄";
    case v1::GREEN:
      return "绿";
    default:
      return "";
  }
}

// Reads events to add: a batch, or a single event.
chuangwen::Status ReadEvents(const std::string& path, const Args& args,
                             std::vector<v1::LedgerEvent>* out) {
  chuangwen::Format format;
  chuangwen::Status s =
      args.Has("format")
          ? chuangwen::ParseFormatName(args.Value("format"), &format)
          : chuangwen::FormatFromPath(path, &format);
  if (!s.ok()) return s;
  std::string bytes;
  CW_RETURN_IF_ERROR(chuangwen::ReadFile(path, &bytes));
  v1::LedgerEventBatch batch;
  s = chuangwen::Decode(bytes, format, &batch);
  if (!s.ok() || batch.events_size() == 0) {
    v1::LedgerEvent one;
    chuangwen::Status single = chuangwen::Decode(bytes, format, &one);
    if (!single.ok() || one.id().empty()) {
      return chuangwen::Status::ParseError(
          path + ": neither a LedgerEventBatch nor a LedgerEvent" +
          (s.ok() ? std::string(" (no events)") : ": " + s.message()));
    }
    out->push_back(std::move(one));
    return chuangwen::Status::OK();
  }
  out->assign(batch.events().begin(), batch.events().end());
  return chuangwen::Status::OK();
}

int PrintOpen(const chuangwen::Campaign& c, const v1::OpenItemList& list,
              const char* empty) {
  if (list.items_size() == 0) {
    std::printf("%s\n", empty);
    return kExitOk;
  }
  std::printf("  %s %s %s %s %s %s\n", Pad("灯", 3).c_str(),
              Pad("事项", 14).c_str(), Pad("通知书编号", 26).c_str(),
              Pad("责任单位", 16).c_str(), Pad("整改期限", 11).c_str(),
              "逾期工作日");
  for (const v1::OpenItem& i : list.items()) {
    std::printf("  %s %s %s %s %s %d\n", Pad(ColorName(i.color()), 3).c_str(),
                Pad(i.item_id(), 14).c_str(), Pad(i.number(), 26).c_str(),
                Pad(UnitName(c, i.unit_id()), 16).c_str(),
                Pad(i.deadline(), 11).c_str(), i.working_days_late());
  }
  return kExitOk;
}

int Query(const chuangwen::LedgerStore& store, const std::string& command,
          const Args& args) {
  const chuangwen::Ledger& ledger = store.ledger();
  const chuangwen::Campaign& c = ledger.campaign();
  const bool json = args.Has("json");
  const std::string date =
      args.Has("date") ? args.Value("date") : c.TodayIso();
  chuangwen::Status s;
  if (command == "list" || command == "overdue") {
    Args named;
    if (!ResolveNamedArgs(c, args, &named)) return kExitUsage;
    v1::OpenItemList list;
    s = command == "list" ? ledger.OpenItems(named.Value("unit"), date, &list)
                          : ledger.Overdue(date, &list);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(list);
    std::printf("%s %s: %d\n",
                command == "list" ? "Open items at" : "Overdue at",
                date.c_str(), list.items_size());
    return PrintOpen(
        c, list, command == "list" ? "No open items." : "No overdue items.");
  }
  if (command == "history") {
    if (args.positional.size() != 3)
      return UsageError("usage: cw ledger FILE.db history ITEM");
    v1::ItemHistory history;
    s = store.History(args.positional[2], &history);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(history);
    const v1::LedgerItem& item = history.item();
    if (!item.id().empty()) {
      std::printf("%s %s  %s  %s  期限 %s\n", item.id().c_str(),
                  item.number().c_str(), UnitName(c, item.unit_id()).c_str(),
                  StateName(item.state()), item.deadline().c_str());
    }
    for (const v1::LedgerEvent& e : history.events()) {
      std::string text;
      chuangwen::Status t =
          chuangwen::Encode(e, chuangwen::Format::kText, &text);
      std::string line;  // One line: newlines and indentation collapsed.
      for (char ch : text) {
        if (ch == '\n') ch = ' ';
        if (ch != ' ' || (!line.empty() && line.back() != ' ')) line += ch;
      }
      std::printf("  %s\n", t.ok() ? line.c_str() : e.id().c_str());
    }
    return kExitOk;
  }
  if (command == "stats") {
    if (!args.Has("month"))
      return UsageError("usage: cw ledger FILE.db stats --month YYYY-MM");
    v1::MonthlyStats stats;
    s = ledger.MonthlyStats(args.Value("month"), &stats);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(stats);
    std::printf("%s 督查问题统计\n", stats.month().c_str());
    std::printf("  %s %6s %8s %8s %6s %6s %6s\n", Pad("责任单位", 16).c_str(),
                "发现", "按期整改", "逾期整改", "逾期", "退回", "未销号");
    for (const v1::UnitMonthStats& u : stats.units()) {
      std::printf("  %s %6d %8d %8d %6d %6d %6d\n",
                  Pad(UnitName(c, u.unit_id()), 16).c_str(), u.found(),
                  u.rectified_on_time(), u.rectified_late(), u.overdue(),
                  u.reopened(), u.open());
    }
    return kExitOk;
  }
  if (command == "reminders") {
    v1::ReminderList list;
    s = ledger.RemindersDue(date, &list);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(list);
    std::printf("Reminders due at %s: %d\n", date.c_str(),
                list.reminders_size());
    for (const v1::ReminderDue& r : list.reminders()) {
      std::printf("  %s %s %s 期限 %s 逾期 %d 个工作日\n",
                  Pad(r.name(), 12).c_str(), Pad(r.item_id(), 14).c_str(),
                  Pad(UnitName(c, r.unit_id()), 16).c_str(),
                  r.deadline().c_str(), r.working_days_late());
    }
    return kExitOk;
  }
  if (command == "escalations") {
    v1::EscalationList list;
    s = ledger.Escalations(date, &list);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(list);
    std::printf("Escalations recommended at %s: %d\n", date.c_str(),
                list.recommendations_size());
    for (const v1::EscalationRecommendation& r : list.recommendations()) {
      std::printf("  %s %s %s\n", Pad(UnitName(c, r.unit_id()), 16).c_str(),
                  r.measure() == v1::INTERVIEW ? "约谈" : "组织措施",
                  r.reason().c_str());
    }
    return kExitOk;
  }
  if (command == "repeated") {
    v1::RepeatedProblemList list;
    s = ledger.RepeatedProblems(date, &list);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(list);
    std::printf("Repeated problems up to %s: %d\n", date.c_str(),
                list.problems_size());
    for (const v1::RepeatedProblem& p : list.problems()) {
      std::printf("  %s %s %d 次 (%s – %s)\n",
                  Pad(UnitName(c, p.unit_id()), 16).c_str(),
                  Pad(p.category(), 10).c_str(), p.findings(),
                  p.first_found().c_str(), p.last_found().c_str());
    }
    return kExitOk;
  }
  if (command == "points") {
    v1::PointReport report;
    s = ledger.Points(date, &report);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(report);
    for (const v1::PointStatus& p : report.points()) {
      std::printf("  %s 问题 %d 未销号 %d %s\n", Pad(p.name(), 18).c_str(),
                  p.findings(), p.open_items(), p.last_found().c_str());
    }
    return kExitOk;
  }
  return UsageError(std::string("unknown ledger command '") + command + "'\n" +
                    kLedgerUsage);
}

}  // namespace

int RunLedger(const Args& args) {
  if (args.positional.size() < 2) return UsageError(kLedgerUsage);
  const std::string& path = args.positional[0];
  const std::string& command = args.positional[1];
  std::unique_ptr<chuangwen::LedgerStore> store;
  chuangwen::Status s;
  if (command == "init") {
    if (!args.Has("campaign") || args.positional.size() != 2)
      return UsageError("usage: cw ledger FILE.db init --campaign CAMPAIGN");
    std::shared_ptr<const chuangwen::Campaign> campaign;
    if (!LoadCampaign(args.Value("campaign"), args, &campaign))
      return kExitUsage;
    s = chuangwen::LedgerStore::Create(path, campaign->proto(), &store);
    if (!s.ok()) return Fail(s);
    std::printf("Created ledger %s for campaign %s (%s).\n", path.c_str(),
                campaign->proto().id().c_str(),
                campaign->proto().name().c_str());
    return kExitOk;
  }
  s = OpenLedger(path, &store);
  if (!s.ok()) return Fail(s);
  if (command == "add") {
    if (args.positional.size() != 3)
      return UsageError("usage: cw ledger FILE.db add EVENTS");
    std::vector<v1::LedgerEvent> events;
    s = ReadEvents(args.positional[2], args, &events);
    if (s.ok()) s = store->Append(events);
    if (!s.ok()) return Fail(s);
    std::printf(
        "Added %zu events; the ledger holds %zu events and %zu items.\n",
        events.size(), store->ledger().event_count(),
        store->ledger().item_count());
    return kExitOk;
  }
  if (command == "export") {
    std::ofstream file;
    std::streambuf* sink = std::cout.rdbuf();
    if (args.Has("o")) {
      std::error_code ignored;  // A folder that cannot be made fails the open.
      const std::filesystem::path parent =
          std::filesystem::path(args.Value("o")).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
      file.open(args.Value("o"), std::ios::binary);
      if (!file) return UsageError("cannot write " + args.Value("o"));
      sink = file.rdbuf();
    } else if (isatty(fileno(stdout))) {
      return UsageError("the log is binary: give -o FILE or redirect stdout");
    }
    CountingBuf counted(sink, "exporting", 0);
    std::ostream out(&counted);
    s = store->Export(&out);
    out.flush();
    if (s.ok() && file.is_open()) {
      file.close();
      if (!file)
        s = chuangwen::Status::IOError("cannot write " + args.Value("o"));
    }
    return s.ok() ? kExitOk : Fail(s);
  }
  if (command == "import") {
    if (args.positional.size() != 3)
      return UsageError("usage: cw ledger FILE.db import LOG");
    std::ifstream file(args.positional[2], std::ios::binary | std::ios::ate);
    if (!file) return UsageError("cannot read " + args.positional[2]);
    const auto size = static_cast<size_t>(
        std::max<std::streamoff>(0, static_cast<std::streamoff>(file.tellg())));
    file.seekg(0);
    CountingBuf counted(file.rdbuf(), "importing", size);
    std::istream in(&counted);
    s = store->Import(&in);
    if (!s.ok()) return Fail(s);
    std::printf("Imported %zu events.\n", store->ledger().event_count());
    return kExitOk;
  }
  if (command == "replace-campaign") {
    if (args.positional.size() != 3 || !args.Has("reason")) {
      return UsageError(
          "usage: cw ledger FILE.db replace-campaign CAMPAIGN --reason TEXT");
    }
    std::shared_ptr<const chuangwen::Campaign> campaign;
    if (!LoadCampaign(args.positional[2], args, &campaign)) return kExitUsage;
    s = store->ReplaceCampaign(campaign->proto(), args.Value("reason"));
    if (!s.ok()) return Fail(s);
    std::printf("Campaign version %d is in force.\n",
                store->campaign_version());
    return kExitOk;
  }
  return Query(*store, command, args);
}

}  // namespace cw
