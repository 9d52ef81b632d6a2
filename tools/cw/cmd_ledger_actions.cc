// cw ledger DB issue|start|submit|verify|reject|extend|decide|long-term|
//              remind|bulletin|escalate …  — one ledger action from flags:
// ids are made here, the time comes from the campaign's clock, people and
// units are given by id or name, and the ledger checks the action exactly as
// it checks a batch from an integrator.
// cw ledger DB campaign [-o FILE] — the campaign in force.
#include <cstdio>
#include <iostream>
#include <vector>

#include "chuangwen/codec.h"
#include "chuangwen/date.h"
#include "chuangwen/ledger_store.h"
#include "cli.h"
#include "output.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;
using chuangwen::Status;

// Attempts at an append whose generated id another process took meanwhile.
constexpr int kIdAttempts = 5;

// The first "PREFIX-N" the ledger does not hold, for N from `from` up.
std::string NextId(const chuangwen::Ledger& ledger, const std::string& prefix,
                   size_t from) {
  std::vector<uint64_t> positions;
  for (size_t n = from;; ++n) {
    const std::string id = prefix + "-" + std::to_string(n);
    if (!ledger.EventPositions(id, &positions).ok()) return id;
  }
}

// "item-3.4": the item's fourth event.
std::string NextEventId(const chuangwen::Ledger& ledger,
                        const std::string& item_id) {
  std::vector<uint64_t> positions;
  (void)ledger.EventPositions(item_id, &positions);  // None when unknown.
  return item_id + "." + std::to_string(positions.size() + 1);
}

Status ParseSource(const std::string& text, v1::FindingSource* out) {
  static const std::pair<const char*, v1::FindingSource> kSources[] = {
      {"领导督导", v1::LEADER_SUPERVISION},
      {"leader", v1::LEADER_SUPERVISION},
      {"日常督查", v1::DAILY_SUPERVISION},
      {"daily", v1::DAILY_SUPERVISION},
      {"社会监督", v1::PUBLIC_REPORT},
      {"public", v1::PUBLIC_REPORT},
      {"明察暗访", v1::HIGHER_INSPECTION},
      {"inspection", v1::HIGHER_INSPECTION},
      {"自查", v1::SELF_CHECK},
      {"self", v1::SELF_CHECK}};
  for (const auto& [name, source] : kSources) {
    if (text == name) {
      *out = source;
      return Status::OK();
    }
  }
  return Status::InvalidArgument("--source: '" + text +
                                 "' is not 领导督导, 日常督查, 社会监督, "
                                 "明察暗访 or 自查");
}

Status ParseSeverity(const std::string& text, v1::Severity* out) {
  if (text == "轻微" || text == "minor") {
    *out = v1::MINOR;
  } else if (text.empty() || text == "一般" || text == "general") {
    *out = v1::GENERAL;
  } else if (text == "严重" || text == "serious") {
    *out = v1::SERIOUS;
  } else {
    return Status::InvalidArgument("--severity: '" + text +
                                   "' is not 轻微, 一般 or 严重");
  }
  return Status::OK();
}

// A deadline given as a date, or as N working days after `from` (a date).
Status Deadline(const chuangwen::Campaign& c, const std::string& text,
                const std::string& from, std::string* out) {
  int n = 0;
  chuangwen::Date date;
  if (chuangwen::ParseWorkingDayCount(text, &n)) {
    CW_RETURN_IF_ERROR(chuangwen::ParseIsoDate(from, &date));
    chuangwen::Date due;
    Status s = c.calendar().AddWorkingDays(date, n, &due);
    if (!s.ok()) return s.WithContext("--deadline");
    *out = chuangwen::FormatIsoDate(due);
    return Status::OK();
  }
  Status s = chuangwen::ParseIsoDate(text, &date);
  if (!s.ok())
    return Status::InvalidArgument("--deadline: '" + text +
                                   "' is neither a date (YYYY-MM-DD) nor "
                                   "working days (5wd)");
  *out = text;
  return Status::OK();
}

// Builds the action's event from the flags against the ledger as it is.
Status BuildEvent(const chuangwen::Ledger& ledger, const Args& args,
                  v1::LedgerEvent* e) {
  const chuangwen::Campaign& c = ledger.campaign();
  const std::string& action = args.positional[1];
  std::string actor, at;
  CW_RETURN_IF_ERROR(ResolveActor(c, args, &actor));
  CW_RETURN_IF_ERROR(EventTime(c, args, &at));
  chuangwen::Date day;
  CW_RETURN_IF_ERROR(c.LocalDate(at, &day));
  const std::string today = chuangwen::FormatIsoDate(day);
  e->set_actor(actor);
  e->set_at(at);
  e->set_reason(args.Has("reason") ? args.Value("reason") : args.Value("note"));

  if (action == "issue") {
    for (const char* required : {"unit", "finding", "deadline"}) {
      if (!args.Has(required))
        return Status::InvalidArgument(std::string("--") + required +
                                       " is required");
    }
    e->set_item_id(NextId(ledger, "item", ledger.item_count() + 1));
    v1::IssueNotice* notice = e->mutable_issue();
    std::string unit;
    CW_RETURN_IF_ERROR(
        ResolveUnit(c, args.Value("unit"), &unit).WithContext("--unit"));
    notice->set_unit_id(unit);
    notice->set_number(args.Value("number"));
    notice->set_required_result(args.Value("require"));
    int n = 0;
    if (chuangwen::ParseWorkingDayCount(args.Value("deadline"), &n)) {
      notice->set_working_days(n);
    } else {
      std::string deadline;
      CW_RETURN_IF_ERROR(Deadline(c, args.Value("deadline"), today, &deadline));
      notice->set_deadline(deadline);
    }
    v1::Finding* f = notice->add_findings();
    f->set_id(e->item_id() + "-f1");
    v1::FindingSource source = v1::DAILY_SUPERVISION;
    if (args.Has("source"))
      CW_RETURN_IF_ERROR(ParseSource(args.Value("source"), &source));
    f->set_source(source);
    f->set_channel(args.Value("channel"));
    f->set_found_on(today);
    f->set_found_by(actor);
    f->set_unit_id(unit);
    f->set_description(args.Value("finding"));
    f->set_category(args.Value("category"));
    v1::Severity severity = v1::GENERAL;
    CW_RETURN_IF_ERROR(ParseSeverity(args.Value("severity"), &severity));
    f->set_severity(severity);
    for (const std::string& file : SplitList(args.Value("evidence")))
      f->add_evidence(file);
    if (args.Has("point")) {
      std::string point;
      CW_RETURN_IF_ERROR(
          ResolvePoint(c, args.Value("point"), &point).WithContext("--point"));
      f->set_point_id(point);
    }
    if (args.Has("task")) {
      std::string task;
      CW_RETURN_IF_ERROR(
          ResolveTask(c, args.Value("task"), &task).WithContext("--task"));
      f->set_task_id(task);
    }
    f->set_indicator_id(args.Value("indicator"));
    e->set_id(e->item_id() + ".1");
    return Status::OK();
  }
  if (action == "escalate") {
    for (const char* required : {"unit", "measure", "items"}) {
      if (!args.Has(required))
        return Status::InvalidArgument(std::string("--") + required +
                                       " is required");
    }
    e->set_item_id(NextId(ledger, "esc", 1));
    e->set_id(e->item_id() + ".1");
    v1::ProposeEscalation* p = e->mutable_propose_escalation();
    std::string unit;
    CW_RETURN_IF_ERROR(
        ResolveUnit(c, args.Value("unit"), &unit).WithContext("--unit"));
    p->set_unit_id(unit);
    const std::string measure = args.Value("measure");
    if (measure == "interview" || measure == "约谈") {
      p->set_measure(v1::INTERVIEW);
    } else if (measure == "measures" || measure == "组织措施") {
      p->set_measure(v1::ORGANIZATIONAL_MEASURES);
    } else {
      return Status::InvalidArgument("--measure: '" + measure +
                                     "' is not interview (约谈) or measures "
                                     "(组织措施)");
    }
    for (const std::string& item : SplitList(args.Value("items")))
      p->add_item_ids(item);
    p->set_rule_id(args.Value("rule"));
    return Status::OK();
  }

  // The actions on an existing item (or escalation).
  if (args.positional.size() != 3)
    return Status::InvalidArgument("name the item: " + args.synopsis);
  e->set_item_id(args.positional[2]);
  e->set_id(NextEventId(ledger, e->item_id()));
  v1::LedgerItem item;
  const bool is_item = ledger.Item(e->item_id(), &item).ok();
  if (action == "start") {
    e->mutable_start();
  } else if (action == "submit") {
    v1::SubmitRectification* s = e->mutable_submit();
    for (const std::string& file : SplitList(args.Value("evidence")))
      s->add_evidence(file);
  } else if (action == "verify") {
    e->mutable_verify();
  } else if (action == "reject") {
    std::string deadline;
    if (args.Has("deadline"))
      CW_RETURN_IF_ERROR(Deadline(c, args.Value("deadline"), today, &deadline));
    e->mutable_reject()->set_new_deadline(deadline);
  } else if (action == "extend") {
    if (!args.Has("to")) return Status::InvalidArgument("--to is required");
    e->mutable_request_extension()->set_until(args.Value("to"));
  } else if (action == "decide") {
    if (args.Has("approve") == args.Has("refuse"))
      return Status::InvalidArgument("give --approve or --refuse");
    const bool approved = args.Has("approve");
    if (is_item)
      e->mutable_decide_extension()->set_approved(approved);
    else
      e->mutable_decide_escalation()->set_approved(approved);
  } else if (action == "long-term") {
    if (!args.Has("until"))
      return Status::InvalidArgument("--until is required");
    e->mutable_long_term()->set_plan_date(args.Value("until"));
  } else if (action == "remind") {
    int level = item.reminder_level() + 1;
    if (args.Has("level")) {
      try {
        level = std::stoi(args.Value("level"));
      } catch (const std::exception&) {
        return Status::InvalidArgument("--level: '" + args.Value("level") +
                                       "' is not a number");
      }
    }
    e->mutable_remind()->set_level(level);
  } else if (action == "bulletin") {
    e->mutable_bulletin()->set_number(args.Value("number"));
  } else {
    return Status::InvalidArgument("unknown ledger action '" + action + "'");
  }
  return Status::OK();
}

const char* StateText(v1::LedgerState s) {
  switch (s) {
    case v1::ISSUED:
      return "issued (已下发)";
    case v1::IN_RECTIFICATION:
      return "being rectified (整改中)";
    case v1::SUBMITTED:
      return "submitted for verification (待验收)";
    case v1::CLOSED:
      return "closed (已销号)";
    case v1::LONG_TERM:
      return "on the long-term ledger (挂账)";
    default:
      return "?";
  }
}

}  // namespace

int RunLedgerAction(const Args& args) {
  if (args.positional.size() < 2) return UsageError(args.synopsis);
  std::unique_ptr<chuangwen::LedgerStore> store;
  Status s = OpenLedger(args.positional[0], &store);
  if (!s.ok()) return Fail(s);
  v1::LedgerEvent event;
  for (int attempt = 0; attempt < kIdAttempts; ++attempt) {
    event.Clear();
    s = BuildEvent(store->ledger(), args, &event);
    if (!s.ok()) return Fail(s);
    s = store->Append({event});
    // Another process took the id between our read and our write; the
    // store has folded its records now, so the next id is free.
    const bool id_taken =
        s.code() == Status::Code::kConflict &&
        (s.message().find("is already used") != std::string::npos ||
         s.message().find("already exists") != std::string::npos) &&
        s.message().find("notice number") == std::string::npos;
    if (!id_taken) break;
  }
  if (!s.ok()) return Fail(s);
  v1::LedgerItem item;
  if (store->ledger().Item(event.item_id(), &item).ok()) {
    std::printf("%s %s: %s, deadline %s.\n", event.item_id().c_str(),
                item.number().c_str(), StateText(item.state()),
                item.deadline().empty() ? "-" : item.deadline().c_str());
  } else {
    std::printf("%s: recorded (%s).\n", event.item_id().c_str(),
                event.id().c_str());
  }
  return kExitOk;
}

int RunLedgerCampaign(const Args& args) {
  if (args.positional.size() != 2) return UsageError(args.synopsis);
  std::unique_ptr<chuangwen::LedgerStore> store;
  Status s = OpenLedger(args.positional[0], &store);
  if (!s.ok()) return Fail(s);
  const v1::Campaign& campaign = store->ledger().campaign().proto();
  if (!args.Has("o")) {
    std::string text;
    s = chuangwen::Encode(campaign, chuangwen::Format::kText, &text);
    if (!s.ok()) return Fail(s);
    std::cout << text;
    return kExitOk;
  }
  chuangwen::Format format;
  s = chuangwen::FormatFromPath(args.Value("o"), &format);
  std::string bytes;
  if (s.ok()) s = chuangwen::Encode(campaign, format, &bytes);
  if (s.ok()) s = WriteOutput(args.Value("o"), bytes);
  if (!s.ok()) return Fail(s);
  std::fprintf(stderr, "Wrote %s: campaign version %d.\n",
               CleanPath(args.Value("o")).c_str(), store->campaign_version());
  return kExitOk;
}

}  // namespace cw
