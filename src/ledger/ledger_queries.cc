// Queries over the folded ledger: items, open and overdue lists, monthly
// statistics, repeated problems, escalation recommendations, reminders,
// inspection points and deduction occurrences.
#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>
#include <set>
#include <tuple>

#include "chuangwen/date.h"
#include "chuangwen/ledger.h"
#include "ledger/ledger_state.h"

namespace chuangwen {
namespace {

using internal::Day;
using internal::DayText;
using internal::ItemState;

Status ParseDay(const std::string& text, const char* what, Day* out) {
  Date d;
  Status s = ParseIsoDate(text, &d);
  if (!s.ok())
    return Status::InvalidArgument(std::string(what) + ": " + s.message());
  *out = internal::ToDay(d);
  return Status::OK();
}

// A query date that working days are counted at: it must lie in the
// calendar's loaded years, as everywhere else (no silent weekends-only
// count).
Status ParseWorkingDate(const WorkCalendar& calendar, const std::string& text,
                        const char* what, Day* out) {
  CW_RETURN_IF_ERROR(ParseDay(text, what, out));
  bool working;
  Status s = calendar.IsWorkingDay(internal::FromDay(*out), &working);
  if (!s.ok())
    return Status::InvalidArgument(std::string(what) + ": " + s.message());
  return Status::OK();
}

// "YYYY-MM" → its first and last day.
Status ParseMonth(const std::string& text, Day* first, Day* last) {
  Date d;
  if (text.size() != 7 || !ParseIsoDate(text + "-01", &d).ok()) {
    return Status::InvalidArgument("month '" + text +
                                   "' is not of the form YYYY-MM");
  }
  *first = internal::ToDay(d);
  *last = internal::ToDay(d.end_of_month());
  return Status::OK();
}

// Working days in (deadline, day]: how late an item is.
int WorkingDaysLate(const WorkCalendar& calendar, Day deadline, Day day) {
  if (day <= deadline) return 0;
  int late = 0;
  CalendarOptions options;
  options.weekend_fallback = true;
  Status s = calendar.CountWorkingDays(internal::FromDay(deadline + 1),
                                       internal::FromDay(day), &late, options);
  return s.ok() ? late : day - deadline;
}

// Working days the item is late at `day`; 0 when it is not overdue (not
// past due, or past due over days off only).
int LateAt(const ItemState& s, Day day, const WorkCalendar& calendar) {
  const internal::Snapshot* snap = s.At(day);
  if (snap == nullptr || !snap->PastDue(day)) return 0;
  return WorkingDaysLate(calendar, snap->deadline, day);
}

void FillItem(const ItemState& s, v1::LedgerItem* out) {
  out->set_id(s.id);
  out->set_number(s.notice.number());
  out->set_unit_id(s.unit_id());
  out->set_state(s.state);
  out->set_issued_on(DayText(s.issued));
  out->set_deadline(DayText(s.deadline));
  out->set_plan_date(DayText(s.plan_date));
  out->set_closed_on(DayText(s.closed_on));
  out->set_extension_requested(DayText(s.extension_requested));
  out->set_rejections(s.rejections);
  out->set_extensions_approved(s.extensions_approved);
  *out->mutable_findings() = s.notice.findings();
  out->set_events(s.events);
  out->set_reminder_level(s.reminder_level);
  out->set_bulletins(static_cast<int32_t>(s.bulletined_on.size()));
  out->set_required_result(s.notice.required_result());
}

// The category an item is counted under: its first finding's.
const std::string& Category(const ItemState& s) {
  static const std::string kNone;
  return s.notice.findings_size() == 0 ? kNone
                                       : s.notice.findings(0).category();
}

}  // namespace

Status Ledger::Item(const std::string& item_id, v1::LedgerItem* out) const {
  const ItemState* s = state_->FindItem(item_id);
  if (s == nullptr)
    return Status::NotFound("item '" + item_id + "' does not exist");
  out->Clear();
  FillItem(*s, out);
  return Status::OK();
}

Status Ledger::EventPositions(const std::string& item_id,
                              std::vector<uint64_t>* out) const {
  if (const ItemState* s = state_->FindItem(item_id)) {
    *out = s->positions;
    return Status::OK();
  }
  auto it = state_->escalation_index.find(item_id);
  if (it == state_->escalation_index.end())
    return Status::NotFound("item '" + item_id + "' does not exist");
  *out = state_->escalations[it->second].positions;
  return Status::OK();
}

Status Ledger::History(const std::string& item_id, v1::ItemHistory* out) const {
  out->Clear();
  std::vector<uint64_t> positions;
  CW_RETURN_IF_ERROR(EventPositions(item_id, &positions));
  if (!options_.keep_events) {
    return Status::InvalidArgument(
        "this ledger keeps no events in memory; ask its store");
  }
  if (const ItemState* s = state_->FindItem(item_id))
    FillItem(*s, out->mutable_item());
  for (uint64_t p : positions) *out->add_events() = events_[p];
  return Status::OK();
}

Status Ledger::OpenItems(const std::string& unit_id, const std::string& date,
                         v1::OpenItemList* out) const {
  out->Clear();
  Day day;
  CW_RETURN_IF_ERROR(
      ParseWorkingDate(campaign_->calendar(), date, "date", &day));
  const CampaignIndex& index = campaign_->index();
  const int32_t only = index.Unit(unit_id);
  if (!unit_id.empty() && only == kNoIndex)
    return Status::NotFound("unit '" + unit_id + "' does not exist");
  // The unit and every unit below it.
  auto within = [&](const std::string& unit) {
    return unit_id.empty() || index.UnitAtOrUnder(index.Unit(unit), only);
  };
  const v1::WarningPolicy& policy =
      campaign_->proto().schedule().warning_policy();
  const int yellow = policy.yellow_within_working_days() > 0
                         ? policy.yellow_within_working_days()
                         : 3;
  out->set_date(date);
  std::vector<const ItemState*> found;
  for (const ItemState& s : state_->items) {
    if (s.OpenAt(day) && within(s.unit_id())) found.push_back(&s);
  }
  std::vector<std::pair<Day, v1::OpenItem>> rows;
  for (const ItemState* s : found) {
    const internal::Snapshot* snap = s->At(day);
    v1::OpenItem row;
    row.set_item_id(s->id);
    row.set_number(s->notice.number());
    row.set_unit_id(s->unit_id());
    row.set_deadline(DayText(snap->deadline));
    row.set_severity(s->severity);
    const int late = LateAt(*s, day, campaign_->calendar());
    if (late > 0) {
      row.set_color(v1::RED);
      row.set_working_days_late(late);
    } else if (snap->state == v1::SUBMITTED) {
      row.set_color(v1::GREEN);
    } else {
      int left = 0;
      CalendarOptions options;
      options.weekend_fallback = true;
      Status st = campaign_->calendar().CountWorkingDays(
          internal::FromDay(day), internal::FromDay(snap->deadline), &left,
          options);
      if (!st.ok()) left = snap->deadline - day;
      row.set_color(left <= yellow ? v1::YELLOW : v1::GREEN);
    }
    rows.emplace_back(snap->deadline, std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.first < b.first;
  });
  for (auto& r : rows) *out->add_items() = std::move(r.second);
  return Status::OK();
}

Status Ledger::Overdue(const std::string& date,
                       std::vector<OverdueRow>* out) const {
  out->clear();
  Day day;
  CW_RETURN_IF_ERROR(
      ParseWorkingDate(campaign_->calendar(), date, "overdue date", &day));
  struct Late {
    Day deadline;
    uint32_t item;
  };
  std::vector<Late> late;
  Day lo = day, hi = 0;
  for (size_t i = 0; i < state_->items.size(); ++i) {
    const internal::Snapshot* snap = state_->items[i].At(day);
    if (snap != nullptr && snap->PastDue(day)) {
      late.push_back({snap->deadline, static_cast<uint32_t>(i)});
      lo = std::min(lo, snap->deadline);
      hi = std::max(hi, snap->deadline);
    }
  }
  if (late.empty()) return Status::OK();
  // Deadlines span few distinct days: a stable counting sort by deadline,
  // and each deadline's working days late computed once.
  const size_t range = static_cast<size_t>(hi - lo) + 1;
  std::vector<uint32_t> start(range + 1, 0);
  for (const Late& l : late) ++start[static_cast<size_t>(l.deadline - lo) + 1];
  for (size_t d = 1; d <= range; ++d) start[d] += start[d - 1];
  std::vector<int> days_late(range, -1);
  out->resize(late.size());
  for (const Late& l : late) {
    const size_t d = static_cast<size_t>(l.deadline - lo);
    if (days_late[d] < 0)
      days_late[d] = WorkingDaysLate(campaign_->calendar(), l.deadline, day);
    const ItemState& s = state_->items[l.item];
    (*out)[start[d]++] = OverdueRow{&s.id,
                                    &s.notice.unit_id(),
                                    &s.notice.number(),
                                    internal::FromDay(l.deadline),
                                    days_late[d],
                                    s.severity};
  }
  // Past due over days off only is not late.
  out->erase(std::remove_if(out->begin(), out->end(),
                            [](const OverdueRow& r) {
                              return r.working_days_late == 0;
                            }),
             out->end());
  return Status::OK();
}

Status Ledger::Overdue(const std::string& date, v1::OpenItemList* out) const {
  out->Clear();
  std::vector<OverdueRow> rows;
  CW_RETURN_IF_ERROR(Overdue(date, &rows));
  out->set_date(date);
  auto* items = out->mutable_items();
  items->Reserve(static_cast<int>(rows.size()));
  std::string deadline;
  Date last;
  for (const OverdueRow& r : rows) {
    if (r.deadline != last) {
      deadline = FormatIsoDate(r.deadline);
      last = r.deadline;
    }
    v1::OpenItem* row = items->Add();
    row->set_item_id(*r.item_id);
    row->set_number(*r.number);
    row->set_unit_id(*r.unit_id);
    row->set_deadline(deadline);
    row->set_working_days_late(r.working_days_late);
    row->set_color(v1::RED);
    row->set_severity(r.severity);
  }
  return Status::OK();
}

Status Ledger::MonthlyStats(const std::string& month,
                            v1::MonthlyStats* out) const {
  out->Clear();
  Day first, last;
  CW_RETURN_IF_ERROR(ParseMonth(month, &first, &last));
  std::map<std::string, v1::UnitMonthStats> units;
  for (const ItemState& s : state_->items) {
    if (s.issued > last) continue;
    v1::UnitMonthStats* u = nullptr;
    auto unit = [&]() {
      if (u == nullptr) {
        u = &units[s.unit_id()];
        u->set_unit_id(s.unit_id());
      }
      return u;
    };
    if (s.issued >= first)
      unit()->set_found(unit()->found() + s.notice.findings_size());
    if (s.closed_on >= first && s.closed_on <= last) {
      if (s.last_submitted <= s.DueForSubmission()) {
        unit()->set_rectified_on_time(unit()->rectified_on_time() + 1);
      } else {
        unit()->set_rectified_late(unit()->rectified_late() + 1);
      }
    }
    if (LateAt(s, last, campaign_->calendar()) > 0)
      unit()->set_overdue(unit()->overdue() + 1);
    if (s.OpenAt(last)) unit()->set_open(unit()->open() + 1);
    int reopened = static_cast<int>(
        std::count_if(s.rejected_on.begin(), s.rejected_on.end(),
                      [&](Day d) { return d >= first && d <= last; }));
    if (reopened > 0) unit()->set_reopened(unit()->reopened() + reopened);
  }
  out->set_month(month);
  for (auto& [id, stats] : units) *out->add_units() = std::move(stats);
  return Status::OK();
}

Status Ledger::RepeatedProblems(const std::string& date,
                                v1::RepeatedProblemList* out) const {
  out->Clear();
  Day day;
  CW_RETURN_IF_ERROR(ParseDay(date, "date", &day));
  const v1::SupervisionRules& rules = campaign_->proto().supervision();
  const int window =
      rules.repeat_window_months() > 0 ? rules.repeat_window_months() : 3;
  const int threshold =
      rules.repeat_min_findings() > 0 ? rules.repeat_min_findings() : 2;
  const Day from = internal::ToDay(internal::FromDay(day) -
                                   boost::gregorian::months(window)) +
                   1;
  struct Group {
    int findings = 0;
    std::vector<std::string> items;
    Day first = 0, last = 0;
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  for (const ItemState& s : state_->items) {
    if (s.issued > day) continue;
    for (const v1::Finding& f : s.notice.findings()) {
      Day found = s.issued;
      if (!f.found_on().empty()) {
        Date d;
        if (ParseIsoDate(f.found_on(), &d).ok()) found = internal::ToDay(d);
      }
      if (found < from || found > day || f.category().empty()) continue;
      const std::string& unit = f.unit_id().empty() ? s.unit_id() : f.unit_id();
      Group& g = groups[{unit, f.category()}];
      ++g.findings;
      if (g.items.empty() || g.items.back() != s.id) g.items.push_back(s.id);
      g.first = g.first == 0 ? found : std::min(g.first, found);
      g.last = std::max(g.last, found);
    }
  }
  std::vector<v1::RepeatedProblem> problems;
  for (auto& [key, g] : groups) {
    if (g.findings < threshold) continue;
    v1::RepeatedProblem p;
    p.set_unit_id(key.first);
    p.set_category(key.second);
    p.set_findings(g.findings);
    for (const std::string& id : g.items) p.add_item_ids(id);
    p.set_first_found(DayText(g.first));
    p.set_last_found(DayText(g.last));
    problems.push_back(std::move(p));
  }
  std::stable_sort(
      problems.begin(), problems.end(),
      [](const auto& a, const auto& b) { return a.findings() > b.findings(); });
  for (auto& p : problems) *out->add_problems() = std::move(p);
  return Status::OK();
}

Status Ledger::Escalations(const std::string& date,
                           v1::EscalationList* out) const {
  out->Clear();
  Day day;
  CW_RETURN_IF_ERROR(ParseDay(date, "date", &day));
  // Already proposed (and not refused): no recommendation again.
  std::set<std::pair<std::string, int>> proposed;
  for (const internal::EscalationState& x : state_->escalations) {
    if (x.proposed_on <= day && x.decision >= 0)
      proposed.insert({x.unit_id, x.measure});
  }
  std::set<std::pair<std::string, int>> recommended;
  for (const v1::EscalationRule& rule :
       campaign_->proto().supervision().escalation()) {
    // Per unit (and category): bulletined items not closed at `day`.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>>
        bulletined;
    std::map<std::string, std::vector<std::string>> severe;
    for (const ItemState& s : state_->items) {
      if (!s.OpenAt(day)) continue;
      const bool named =
          std::any_of(s.bulletined_on.begin(), s.bulletined_on.end(),
                      [&](Day d) { return d <= day; });
      if (named && rule.min_bulletins() > 0) {
        bulletined[{s.unit_id(), rule.same_category() ? Category(s) : ""}]
            .push_back(s.id);
      }
      if (rule.overdue_severity() != v1::SEVERITY_UNSPECIFIED &&
          s.severity >= rule.overdue_severity() &&
          LateAt(s, day, campaign_->calendar()) > 0) {
        severe[s.unit_id()].push_back(s.id);
      }
    }
    auto recommend = [&](const std::string& unit, const std::string& category,
                         const std::vector<std::string>& items,
                         const std::string& reason, bool severe) {
      std::pair<std::string, int> key{unit, rule.measure()};
      if (proposed.count(key) || !recommended.insert(key).second) return;
      v1::EscalationRecommendation* r = out->add_recommendations();
      r->set_unit_id(unit);
      r->set_measure(rule.measure());
      r->set_rule_id(rule.id());
      r->set_category(category);
      for (const std::string& id : items) r->add_item_ids(id);
      r->set_reason(reason);
      r->set_severe_overdue(severe);
    };
    for (const auto& [key, items] : bulletined) {
      if (static_cast<int>(items.size()) >= rule.min_bulletins()) {
        recommend(key.first, key.second, items,
                  std::to_string(items.size()) + " bulletined item(s)" +
                      (key.second.empty() ? "" : " in " + key.second) +
                      " not closed",
                  false);
      }
    }
    for (const auto& [unit, items] : severe) {
      recommend(unit, "", items,
                std::to_string(items.size()) +
                    " overdue item(s) at or above severity " +
                    v1::Severity_Name(rule.overdue_severity()),
                true);
    }
  }
  return Status::OK();
}

Status Ledger::RemindersDue(const std::string& date,
                            v1::ReminderList* out) const {
  out->Clear();
  Day day;
  CW_RETURN_IF_ERROR(
      ParseWorkingDate(campaign_->calendar(), date, "date", &day));
  const auto& ladder = campaign_->proto().supervision().reminders();
  if (ladder.empty()) return Status::OK();
  for (const ItemState& s : state_->items) {
    const int late = LateAt(s, day, campaign_->calendar());
    if (late == 0) continue;
    const Day deadline = s.At(day)->deadline;
    int level = 0;
    for (int i = 0; i < ladder.size(); ++i) {
      if (late > ladder[i].working_days_after_deadline()) level = i + 1;
    }
    if (level <= s.reminder_level) continue;
    v1::ReminderDue* r = out->add_reminders();
    r->set_item_id(s.id);
    r->set_unit_id(s.unit_id());
    r->set_level(level);
    r->set_name(ladder[level - 1].name());
    r->set_color(ReminderColor(ladder[level - 1]));
    r->set_deadline(DayText(deadline));
    r->set_working_days_late(late);
    r->set_sent_level(s.reminder_level);
  }
  return Status::OK();
}

Status Ledger::Points(const std::string& date, v1::PointReport* out) const {
  out->Clear();
  Day day;
  CW_RETURN_IF_ERROR(ParseDay(date, "date", &day));
  std::map<std::string, int> position;
  for (const v1::InspectionPoint& p :
       campaign_->proto().supervision().points()) {
    position.emplace(p.id(), out->points_size());
    v1::PointStatus* s = out->add_points();
    s->set_point_id(p.id());
    s->set_name(p.name());
  }
  for (const ItemState& s : state_->items) {
    if (s.issued > day) continue;
    bool open = s.OpenAt(day);
    std::set<std::string> seen;
    for (const v1::Finding& f : s.notice.findings()) {
      auto it = position.find(f.point_id());
      if (it == position.end()) continue;
      v1::PointStatus* p = out->mutable_points(it->second);
      p->set_findings(p->findings() + 1);
      std::string found =
          f.found_on().empty() ? DayText(s.issued) : f.found_on();
      if (found > p->last_found()) p->set_last_found(found);
      if (seen.insert(f.point_id()).second) {
        p->add_item_ids(s.id);
        if (open) p->set_open_items(p->open_items() + 1);
      }
    }
  }
  return Status::OK();
}

Status Ledger::Deductions(const std::string& month,
                          v1::DeductionInputs* out) const {
  out->Clear();
  Day first, last;
  CW_RETURN_IF_ERROR(ParseMonth(month, &first, &last));
  out->set_month(month);
  const v1::Campaign& c = campaign_->proto();
  for (const v1::DeductionSource& source : c.supervision().deductions()) {
    std::map<std::string, v1::Occurrences> per_unit;
    for (const v1::Unit& u : c.units()) per_unit[u.id()];
    for (const ItemState& s : state_->items) {
      if (s.issued > last) continue;
      if (!source.category().empty() &&
          std::none_of(s.notice.findings().begin(), s.notice.findings().end(),
                       [&](const v1::Finding& f) {
                         return f.category() == source.category();
                       })) {
        continue;
      }
      std::set<std::string> flags;
      for (const v1::Finding& f : s.notice.findings())
        flags.insert(f.flags().begin(), f.flags().end());
      if (s.extensions_approved > 0) flags.insert("approved_extension");
      auto add = [&](const std::string& ref, int times) {
        v1::Occurrences& o = per_unit[s.unit_id()];
        for (int i = 0; i < times; ++i) {
          v1::Occurrence* x = o.add_items();
          x->set_ref(ref);
          for (const std::string& f : flags) x->add_flags(f);
        }
      };
      switch (source.basis()) {
        case v1::OVERDUE_ITEMS:
          if (LateAt(s, last, campaign_->calendar()) > 0) add(s.id, 1);
          break;
        case v1::LATE_RECTIFICATIONS:
          if (s.closed_on >= first && s.closed_on <= last &&
              s.last_submitted > s.DueForSubmission()) {
            add(s.id, 1);
          }
          break;
        case v1::FINDINGS:
          if (s.issued >= first) {
            for (const v1::Finding& f : s.notice.findings()) {
              if (source.category().empty() ||
                  f.category() == source.category()) {
                add(s.id + "/" + f.id(), 1);
              }
            }
          }
          break;
        case v1::BULLETINS:
          add(s.id, static_cast<int>(std::count_if(
                        s.bulletined_on.begin(), s.bulletined_on.end(),
                        [&](Day d) { return d >= first && d <= last; })));
          break;
        default:
          break;
      }
    }
    for (auto& [unit, occurrences] : per_unit) {
      v1::IndicatorInput* in = out->add_inputs();
      in->set_unit_id(unit);
      in->set_indicator_id(source.indicator_id());
      in->set_period(month);
      *in->mutable_occurrences() = std::move(occurrences);
    }
  }
  return Status::OK();
}

Status Ledger::DeductionInputs(const std::string& period,
                               std::vector<v1::IndicatorInput>* out) const {
  const bool year = period.size() == 4;
  const bool quarter = period.size() == 7 && period[5] == 'Q' &&
                       period[6] >= '1' && period[6] <= '4';
  std::vector<std::string> months;
  if (year || quarter) {
    const int first = quarter ? (period[6] - '1') * 3 + 1 : 1;
    for (int m = first; m < first + (quarter ? 3 : 12); ++m)
      months.push_back(period.substr(0, 4) + (m < 10 ? "-0" : "-") +
                       std::to_string(m));
  } else {
    months.push_back(period);
  }
  for (const std::string& month : months) {
    v1::DeductionInputs inputs;
    CW_RETURN_IF_ERROR(Deductions(month, &inputs));
    for (v1::IndicatorInput& in : *inputs.mutable_inputs())
      out->push_back(std::move(in));
  }
  return Status::OK();
}

Status Ledger::NextNoticeNumber(int year, std::string* out) const {
  const std::string& series = campaign_->proto().supervision().notice_series();
  if (series.empty())
    return Status::NotFound("the campaign has no notice series");
  auto it = state_->notices_per_year.find(year);
  int n = (it == state_->notices_per_year.end() ? 0 : it->second) + 1;
  auto format = [&](int k) { return internal::FormatSeries(series, year, k); };
  *out = format(n);
  while (state_->notice_numbers.Contains(*out)) *out = format(++n);
  return Status::OK();
}

}  // namespace chuangwen
