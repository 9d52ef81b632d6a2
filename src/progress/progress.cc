#include "common/numbers.h"
#include "chuangwen/progress.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cmath>
#include <functional>

#include "chuangwen/calendar.h"
#include "chuangwen/date.h"
#include "model/text_check.h"

namespace chuangwen {
namespace {

// Behind means more than this share of the way short of what is expected.
constexpr double kTolerance = 0.05;

int WorkingDays(const WorkCalendar& cal, const Date& from, const Date& to) {
  if (to < from) return 0;
  int n = 0;
  CalendarOptions o;
  o.weekend_fallback = true;
  if (!cal.CountWorkingDays(from, to, &n, o).ok())
    n = static_cast<int>((to - from).days()) + 1;
  return n;
}

// The campaign's warning policy (schedule.warning_policy): inside its
// window, a target behind is at risk and one on track turns yellow.
bool InWarningWindow(const v1::WarningPolicy& policy, const WorkCalendar& cal,
                     const Date& start, const Date& deadline, const Date& day) {
  if (policy.kind() == v1::WarningPolicy::BY_SHARE &&
      policy.yellow_at_share() > 0) {
    const int all = WorkingDays(cal, start, deadline);
    const int used = WorkingDays(cal, start, day);
    return all > 0 &&
           static_cast<double>(used) / all >= policy.yellow_at_share();
  }
  const int window = policy.yellow_within_working_days() > 0
                         ? policy.yellow_within_working_days()
                         : 3;
  return WorkingDays(cal, day + boost::gregorian::days(1), deadline) <= window;
}

v1::StatusColor ColorOf(v1::ProgressStatus s, bool window) {
  if (s == v1::ON_TRACK && window) return v1::YELLOW;
  switch (s) {
    case v1::BEHIND:
      return v1::YELLOW;
    case v1::AT_RISK:
    case v1::OVERDUE:
      return v1::RED;
    default:
      return v1::GREEN;
  }
}

}  // namespace

ProgressBook::ProgressBook(std::shared_ptr<const Campaign> campaign) {
  Bind(std::move(campaign));
}

void ProgressBook::Bind(std::shared_ptr<const Campaign> campaign) {
  campaign_ = std::move(campaign);
  start_.clear();
  targets_.clear();
  const v1::Campaign& c = campaign_->proto();
  for (const v1::Document& d : c.documents())
    if (d.id() == c.plan_document_id()) start_ = d.issue_date();
  for (const v1::Target& t : c.targets()) targets_[t.id()] = &t;
}

void ProgressBook::ReplaceCampaign(std::shared_ptr<const Campaign> campaign) {
  Bind(std::move(campaign));
}

Status ProgressBook::Check(const v1::ProgressReport& r,
                           const std::string& today, bool authorize,
                           size_t batch_start) const {
  const std::string where = "progress report '" + r.id() + "'";
  if (r.id().empty())
    return Status::InvalidArgument("a progress report has no id");
  if (ids_.count(r.id()) != 0)
    return Status::Conflict(where + ": id is already used");
  if (r.has_review()) return CheckReview(r, today, authorize, batch_start);
  auto t = targets_.find(r.target_id());
  if (t == targets_.end()) {
    // Name the task when the id is one: a report for a task with no target.
    if (campaign_->index().Task(r.target_id()) != kNoIndex) {
      return Status::NotFound(where + ": task " + r.target_id() +
                              " has no target");
    }
    return Status::NotFound(where + ": target '" + r.target_id() +
                            "' does not exist");
  }
  const v1::Target& target = *t->second;
  if (!std::isfinite(r.value()) || r.value() < 0) {
    return Status::InvalidArgument(where + ": value " +
                                   internal::FormatGeneral(r.value()) +
                                   " is negative or not a number");
  }
  if (target.measure() == v1::LEVEL && target.unit_of_measure() == "%" &&
      r.value() > 100) {
    return Status::InvalidArgument(where + ": value " +
                                   internal::FormatGeneral(r.value()) +
                                   "% is over 100% for a level in %");
  }
  Date d;
  Status ds = ParseIsoDate(r.date(), &d);
  if (!ds.ok())
    return Status::InvalidArgument(where + ": date " + ds.message());
  if (!start_.empty() && r.date() < start_) {
    return Status::InvalidArgument(where + ": dated " + r.date() +
                                   ", before the campaign starts on " + start_);
  }
  if (!today.empty() && r.date() > today) {
    return Status::InvalidArgument(where + ": dated " + r.date() +
                                   ", in the future (today is " + today + ")");
  }
  // The unit must be responsible for (or lead) the task or a task above it.
  const CampaignIndex& index = campaign_->index();
  const Roles& roles = campaign_->roles();
  const int32_t unit = index.Unit(r.unit_id());
  if (unit == kNoIndex)
    return Status::NotFound(where + ": unit '" + r.unit_id() +
                            "' does not exist");
  if (!roles.ResponsibleFor(unit, index.Task(target.task_id()))) {
    return Status::PermissionDenied(where + ": unit '" + r.unit_id() +
                                    "' is not responsible for task " +
                                    target.task_id());
  }
  if (!r.reported_by().empty()) {
    int32_t p = index.Person(r.reported_by());
    if (p == kNoIndex)
      return Status::NotFound(where + ": person '" + r.reported_by() +
                              "' does not exist");
    if (authorize && !roles.BelongsTo(p, unit)) {
      return Status::PermissionDenied(where + ": person '" + r.reported_by() +
                                      "' does not work in unit '" +
                                      r.unit_id() + "'");
    }
  }
  if (!r.supersedes().empty()) {
    auto found = ids_.find(r.supersedes());
    if (found == ids_.end()) {
      return Status::NotFound(where + ": the report it corrects, '" +
                              r.supersedes() + "', does not exist");
    }
    const v1::ProgressReport* old = &reports_[found->second];
    if (old->target_id() != r.target_id() || old->unit_id() != r.unit_id()) {
      return Status::InvalidArgument(
          where + ": corrects a report of another target or unit");
    }
  }
  return Status::OK();
}

Status ProgressBook::CheckReview(const v1::ProgressReport& r,
                                 const std::string& today, bool authorize,
                                 size_t batch_start) const {
  const std::string where = "progress review '" + r.id() + "'";
  const std::string& id = r.review().report_id();
  auto found = ids_.find(id);
  if (found == ids_.end() || reports_[found->second].has_review()) {
    return Status::NotFound(where + ": progress report '" + id +
                            "' does not exist");
  }
  bool reviewed = reviewed_.count(id) > 0;
  for (size_t k = batch_start; k < reports_.size(); ++k)
    reviewed = reviewed || (reports_[k].has_review() &&
                            reports_[k].review().report_id() == id);
  if (reviewed)
    return Status::Conflict(where + ": report '" + id + "' is already reviewed");
  const v1::ProgressReport& report = reports_[found->second];
  Date d;
  Status ds = ParseIsoDate(r.date(), &d);
  if (!ds.ok()) return Status::InvalidArgument(where + ": date " + ds.message());
  if (r.date() < report.date())
    return Status::InvalidArgument(where + ": dated before the report");
  if (!today.empty() && r.date() > today) {
    return Status::InvalidArgument(where + ": dated " + r.date() +
                                   ", in the future (today is " + today + ")");
  }
  if (!r.review().approved() && r.note().empty())
    return Status::InvalidArgument(where + ": sending a report back needs a "
                                           "reason (note)");
  const CampaignIndex& index = campaign_->index();
  const int32_t p = index.Person(r.reported_by());
  if (p == kNoIndex) {
    return Status::NotFound(where + ": reviewer '" + r.reported_by() +
                            "' does not exist");
  }
  if (!authorize) return Status::OK();
  const Roles& roles = campaign_->roles();
  const std::string who = "person '" + r.reported_by() + "' (" +
                          campaign_->proto().people(p).name() + ")";
  auto t = targets_.find(report.target_id());
  const int32_t task =
      t == targets_.end() ? kNoIndex : index.Task(t->second->task_id());
  if (!roles.May(p, v1::POLICY_ACTION_REVIEW_PROGRESS, task)) {
    return Status::PermissionDenied(
        where + ": " + who + " may not review '" + id + "': role policy: only " +
        roles.WhoMay(v1::POLICY_ACTION_REVIEW_PROGRESS) + " may");
  }
  if (r.reported_by() == report.reported_by() ||
      roles.AnswersFor(p, index.Unit(report.unit_id()))) {
    return Status::PermissionDenied(
        where + ": " + who + " may not review '" + id +
        "': separation of duties: nobody reviews a report of a unit they "
        "work in or head, or their own ('" + report.unit_id() + "')");
  }
  return Status::OK();
}

void ProgressBook::Index(size_t i) {
  const v1::ProgressReport& r = reports_[i];
  if (r.has_review()) {
    reviewed_[r.review().report_id()] = r.review().approved();
    // A report sent back no longer counts.
    if (!r.review().approved()) superseded_.insert(r.review().report_id());
    return;
  }
  if (!r.supersedes().empty()) superseded_.insert(r.supersedes());
  std::vector<size_t>& list = by_target_[r.target_id()][r.unit_id()];
  auto at =
      std::upper_bound(list.begin(), list.end(), i, [&](size_t a, size_t b) {
        return reports_[a].date() < reports_[b].date();
      });
  list.insert(at, i);
}

Status ProgressBook::Append(const std::vector<v1::ProgressReport>& batch,
                            const std::string& today) {
  return Apply(batch, today, true, nullptr);
}

Status ProgressBook::Apply(const std::vector<v1::ProgressReport>& batch,
                           const std::string& today, bool check_text,
                           const Persist* persist, bool keep) {
  // Reports of the batch may correct earlier reports of the same batch.
  const size_t before = reports_.size();
  Status s;
  for (const v1::ProgressReport& r : batch) {
    if (check_text) {
      s = internal::CheckText(r, "progress report '" + r.id() + "'");
      if (!s.ok()) break;
    }
    s = Check(r, today, check_text, before);
    if (!s.ok()) break;
    ids_.emplace(r.id(), reports_.size());
    reports_.push_back(r);
  }
  if (s.ok() && persist != nullptr) s = (*persist)();
  if (!s.ok() || !keep) {
    for (size_t i = before; i < reports_.size(); ++i)
      ids_.erase(reports_[i].id());
    reports_.resize(before);
    return s;
  }
  for (size_t i = before; i < reports_.size(); ++i) Index(i);
  return Status::OK();
}

namespace {

struct Computed {
  double expected = 0, reported = 0, expected_share = 0, actual_share = 0;
  std::string reported_on;
  v1::ProgressStatus status = v1::ON_TRACK;
  Date start, deadline;
  bool dated = false;
  bool window = false;  // Inside the warning policy's window.
};

}  // namespace

// Expected value, reported value, shares and status of one target at `day`.
static Computed ComputeTarget(
    const v1::WarningPolicy& policy, const WorkCalendar& cal,
    const v1::Target& t, const std::string& campaign_start,
    const std::map<std::string, std::vector<size_t>>* units,
    const std::vector<v1::ProgressReport>& reports,
    const std::set<std::string>& superseded, const std::string& only_unit,
    const Date& day) {
  Computed out;
  const std::string day_text = FormatIsoDate(day);
  Date deadline;
  if (!ParseIsoDate(t.deadline(), &deadline).ok()) deadline = day;
  Date start;
  const std::string start_text =
      !t.start().empty() ? t.start() : campaign_start;
  if (start_text.empty() || !ParseIsoDate(start_text, &start).ok())
    start = Date(deadline.year(), 1, 1);
  out.start = start;
  out.deadline = deadline;
  const double baseline = t.baseline();
  const double span = t.target() - baseline;
  // Points (date, value) from the start through the milestones to the end.
  std::vector<std::pair<Date, double>> points = {{start, baseline}};
  for (const v1::Milestone& m : t.milestones()) {
    Date md;
    if (!ParseIsoDate(m.date(), &md).ok()) continue;
    points.emplace_back(
        md, m.value() != 0 ? m.value() : baseline + m.share() * span);
  }
  points.emplace_back(deadline, t.target());
  std::stable_sort(
      points.begin(), points.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  if (day < start) {
    out.expected = baseline;
  } else if (day >= deadline) {
    out.expected = t.target();
  } else {
    for (size_t i = 1; i < points.size(); ++i) {
      if (day > points[i].first) continue;
      const auto& [d0, v0] = points[i - 1];
      const auto& [d1, v1v] = points[i];
      const int total = WorkingDays(cal, d0 + boost::gregorian::days(1), d1);
      const int done = WorkingDays(cal, d0 + boost::gregorian::days(1), day);
      out.expected = total <= 0 ? v1v : v0 + (v1v - v0) * done / total;
      break;
    }
  }
  // Reported: each unit's latest report not superseded, combined.
  double sum = 0;
  int count = 0;
  if (units != nullptr) {
    for (const auto& [unit, list] : *units) {
      if (!only_unit.empty() && unit != only_unit) continue;
      for (size_t k = list.size(); k-- > 0;) {
        const v1::ProgressReport& r = reports[list[k]];
        if (r.date() > day_text || superseded.count(r.id())) continue;
        sum += r.value();
        ++count;
        if (r.date() > out.reported_on) out.reported_on = r.date();
        break;
      }
    }
  }
  out.reported = count == 0                 ? baseline
                 : t.measure() == v1::LEVEL ? sum / count
                                            : sum;
  auto share = [&](double v) {
    return span == 0 ? (v == t.target() ? 1.0 : 0.0) : (v - baseline) / span;
  };
  out.expected_share = share(out.expected);
  out.actual_share = share(out.reported);
  if (out.actual_share >= 1 - 1e-9) {
    out.status = v1::DONE;
  } else if (day < start) {
    out.status = v1::NOT_DUE;
  } else if (day > deadline) {
    out.status = v1::OVERDUE;
  } else if (out.actual_share < out.expected_share - kTolerance) {
    out.status = InWarningWindow(policy, cal, start, deadline, day)
                     ? v1::AT_RISK
                     : v1::BEHIND;
  } else {
    out.status = v1::ON_TRACK;
    out.window = InWarningWindow(policy, cal, start, deadline, day);
  }
  return out;
}

Status ProgressBook::Attainment(const std::string& target_id,
                                const std::string& unit_id,
                                const std::string& date, double* out) const {
  auto t = targets_.find(target_id);
  if (t == targets_.end())
    return Status::NotFound("target '" + target_id + "' does not exist");
  Date day;
  CW_RETURN_IF_ERROR(ParseIsoDate(date, &day));
  auto units = by_target_.find(target_id);
  Computed c = ComputeTarget(
      campaign_->proto().schedule().warning_policy(), campaign_->calendar(),
      *t->second, start_, units == by_target_.end() ? nullptr : &units->second,
      reports_, superseded_, unit_id, day);
  *out = std::clamp(c.actual_share, 0.0, 1.0);
  return Status::OK();
}

Status ProgressBook::Query(const v1::CampaignStatusRequest& request,
                           v1::CampaignStatus* out) const {
  out->Clear();
  Date day;
  Status ds = ParseIsoDate(request.date(), &day);
  if (!ds.ok()) return Status::InvalidArgument("date: " + ds.message());
  const v1::Campaign& c = campaign_->proto();
  const CampaignIndex& index = campaign_->index();
  const WorkCalendar& cal = campaign_->calendar();
  const v1::WarningPolicy& policy = c.schedule().warning_policy();
  const size_t n = static_cast<size_t>(c.tasks_size());
  out->set_date(request.date());
  const std::string month_ago = FormatIsoDate(day - boost::gregorian::days(31));
  // Everything by task index: no string-keyed maps on the hot path.
  std::vector<std::vector<const std::string*>> units_of(n);
  for (const v1::Assignment& a : c.assignments()) {
    if (a.role() != v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT &&
        a.role() != v1::ASSIGNMENT_ROLE_LEAD_UNIT)
      continue;
    int32_t t = index.Task(a.task_id());
    if (t != kNoIndex) units_of[static_cast<size_t>(t)].push_back(&a.unit_id());
  }
  std::vector<int32_t> parent(n, kNoIndex);
  std::vector<std::vector<int32_t>> children(n);
  for (size_t i = 0; i < n; ++i) {
    const v1::Task& t = c.tasks(static_cast<int>(i));
    int32_t p = index.Task(t.parent_id());
    parent[i] = p;
    if (p != kNoIndex)
      children[static_cast<size_t>(p)].push_back(static_cast<int32_t>(i));
    for (const std::string& up : t.implements_task_ids()) {
      int32_t u = index.Task(up);
      if (u != kNoIndex)
        children[static_cast<size_t>(u)].push_back(static_cast<int32_t>(i));
    }
  }
  struct Rolled {
    int state = 0;  // 0 not yet, 1 in progress, 2 done.
    bool any = false;
    double expected = 0, actual = 0;
    Date start, deadline;
  };
  std::vector<std::vector<v1::TargetProgress>> own(n);
  std::vector<Rolled> rolled(n);
  for (const v1::Target& t : c.targets()) {
    const int32_t ti = index.Task(t.task_id());
    if (ti == kNoIndex) continue;
    auto units = by_target_.find(t.id());
    Computed x =
        ComputeTarget(policy, cal, t, start_,
                      units == by_target_.end() ? nullptr : &units->second,
                      reports_, superseded_, "", day);
    v1::TargetProgress& p = own[static_cast<size_t>(ti)].emplace_back();
    p.set_target_id(t.id());
    p.set_metric(t.metric());
    p.set_unit_of_measure(t.unit_of_measure());
    p.set_target(t.target());
    p.set_expected(x.expected);
    p.set_reported(x.reported);
    p.set_reported_on(x.reported_on);
    p.set_expected_share(x.expected_share);
    p.set_actual_share(x.actual_share);
    p.set_status(x.status);
    p.set_color(ColorOf(x.status, x.window));
    p.set_deadline(t.deadline());
    // Responsible units (of the task, or the nearest task above with any)
    // without a report in the last month.
    if (x.status != v1::DONE && x.status != v1::NOT_DUE) {
      for (int32_t task = ti, depth = 0; task != kNoIndex && depth < 64;
           task = parent[static_cast<size_t>(task)], ++depth) {
        const auto& list_units = units_of[static_cast<size_t>(task)];
        for (const std::string* u : list_units) {
          bool recent = false;
          if (units != by_target_.end()) {
            auto list = units->second.find(*u);
            if (list != units->second.end()) {
              for (size_t k : list->second) {
                const std::string& d = reports_[k].date();
                if (d <= request.date() && d > month_ago) recent = true;
              }
            }
          }
          if (!recent) p.add_late_units(*u);
        }
        if (!list_units.empty()) break;
      }
    }
    Rolled& r = rolled[static_cast<size_t>(ti)];
    if (r.start.is_not_a_date() || x.start < r.start) r.start = x.start;
    if (r.deadline.is_not_a_date() || x.deadline > r.deadline)
      r.deadline = x.deadline;
  }
  // Roll up, children first (iteratively: plans can be deep).
  std::function<void(size_t, int)> roll = [&](size_t i, int guard) {
    Rolled& r = rolled[i];
    if (r.state != 0) return;
    r.state = 1;  // Guards against cycles.
    double we = 0, wa = 0, w = 0;
    for (const v1::TargetProgress& p : own[i]) {
      we += std::min(p.expected_share(), 1.0);
      wa += std::clamp(p.actual_share(), 0.0, 1.0);
      w += 1;
    }
    if (guard < 64) {
      for (int32_t child : children[i]) {
        roll(static_cast<size_t>(child), guard + 1);
        const Rolled& cr = rolled[static_cast<size_t>(child)];
        if (!cr.any) continue;
        const double weight = c.tasks(child).weight();
        const double cw = weight > 0 ? weight : 1;
        we += cw * cr.expected;
        wa += cw * cr.actual;
        w += cw;
        if (r.start.is_not_a_date() || cr.start < r.start) r.start = cr.start;
        if (r.deadline.is_not_a_date() || cr.deadline > r.deadline)
          r.deadline = cr.deadline;
      }
    }
    if (w > 0) {
      r.any = true;
      r.expected = we / w;
      r.actual = wa / w;
    }
    r.state = 2;
  };
  for (size_t i = 0; i < n; ++i) roll(i, 0);
  // Filters.
  const int32_t only_unit = index.Unit(request.unit_id());
  auto unit_matches = [&](const std::vector<const std::string*>& list) {
    if (request.unit_id().empty()) return true;
    for (const std::string* u : list)
      if (index.UnitAtOrUnder(index.Unit(*u), only_unit)) return true;
    return false;
  };
  Date phase_start, phase_end;
  if (!request.phase_id().empty()) {
    bool found = false;
    for (const v1::Phase& p : c.schedule().phases()) {
      if (p.id() != request.phase_id()) continue;
      found = true;
      if (!ParseIsoDate(p.start(), &phase_start).ok())
        phase_start = Date(1400, 1, 1);
      if (!ParseIsoDate(p.end(), &phase_end).ok())
        phase_end = Date(9999, 12, 31);
    }
    if (!found)
      return Status::NotFound("phase '" + request.phase_id() +
                              "' does not exist");
  }
  std::vector<const std::string*> phases_now;  // Phases in force at the date.
  for (const v1::Phase& ph : c.schedule().phases()) {
    Date a, b;
    if ((!ParseIsoDate(ph.start(), &a).ok() || a <= day) &&
        (!ParseIsoDate(ph.end(), &b).ok() || day <= b))
      phases_now.push_back(&ph.id());
  }
  std::map<std::string, v1::UnitProgress> units;
  std::vector<std::pair<double, v1::TaskProgress*>> order;
  auto* tasks = out->mutable_tasks();
  tasks->Reserve(static_cast<int>(n));
  for (size_t i = 0; i < n; ++i) {
    const Rolled& r = rolled[i];
    if (!r.any) continue;
    const v1::Task& t = c.tasks(static_cast<int>(i));
    v1::ProgressStatus status;
    bool window = false;
    if (r.actual >= 1 - 1e-9) {
      status = v1::DONE;
    } else if (day < r.start) {
      status = v1::NOT_DUE;
    } else if (day > r.deadline) {
      status = v1::OVERDUE;
    } else if (r.actual < r.expected - kTolerance) {
      status = InWarningWindow(policy, cal, r.start, r.deadline, day)
                   ? v1::AT_RISK
                   : v1::BEHIND;
    } else {
      status = v1::ON_TRACK;
      window = InWarningWindow(policy, cal, r.start, r.deadline, day);
    }
    const bool behind =
        status == v1::BEHIND || status == v1::AT_RISK || status == v1::OVERDUE;
    if (!unit_matches(units_of[i])) continue;
    if (request.behind_only() && !behind) continue;
    if (request.statuses_size() > 0 &&
        std::find(request.statuses().begin(), request.statuses().end(),
                  status) == request.statuses().end())
      continue;
    if (!request.phase_id().empty() &&
        (r.deadline < phase_start || r.start > phase_end))
      continue;
    v1::TaskProgress* p = tasks->Add();
    p->set_task_id(t.id());
    p->set_title(t.title());
    int depth = 0;
    for (int32_t x = parent[i]; x != kNoIndex && depth < 64;
         x = parent[static_cast<size_t>(x)])
      ++depth;
    p->set_depth(depth);
    p->set_expected_share(r.expected);
    p->set_actual_share(r.actual);
    p->set_behind_by(std::max(0.0, r.expected - r.actual));
    p->set_status(status);
    p->set_color(ColorOf(status, window));
    for (v1::TargetProgress& tp : own[i]) *p->add_targets() = std::move(tp);
    for (const std::string* u : units_of[i]) p->add_unit_ids(*u);
    for (const std::string* ph : phases_now) p->add_phase_ids(*ph);
    for (const std::string* u : units_of[i]) {
      v1::UnitProgress& up = units[*u];
      up.set_unit_id(*u);
      up.set_tasks(up.tasks() + 1);
      switch (status) {
        case v1::DONE:
          up.set_done(up.done() + 1);
          break;
        case v1::BEHIND:
          up.set_behind(up.behind() + 1);
          break;
        case v1::AT_RISK:
          up.set_at_risk(up.at_risk() + 1);
          break;
        case v1::OVERDUE:
          up.set_overdue(up.overdue() + 1);
          break;
        default:
          up.set_on_track(up.on_track() + 1);
          break;
      }
      up.set_behind_by(up.behind_by() + p->behind_by());
    }
  }
  // Most behind first (stable: plan order among equals).
  std::stable_sort(tasks->pointer_begin(), tasks->pointer_end(),
                   [](const v1::TaskProgress* a, const v1::TaskProgress* b) {
                     return a->behind_by() > b->behind_by();
                   });
  for (auto& [id, u] : units) {
    u.set_behind_by(u.tasks() > 0 ? u.behind_by() / u.tasks() : 0);
    *out->add_units() = u;
  }
  return Status::OK();
}

Status QueryCampaignStatus(const Campaign& campaign,
                           const v1::CampaignStatusRequest& request,
                           v1::CampaignStatus* out) {
  // The campaign outlives the book, which is local: share without owning.
  ProgressBook book(
      std::shared_ptr<const Campaign>(&campaign, [](const Campaign*) {}));
  const auto& inline_reports = campaign.proto().progress();
  CW_RETURN_IF_ERROR(
      book.Append({inline_reports.begin(), inline_reports.end()}, ""));
  return book.Query(request, out);
}

}  // namespace chuangwen
