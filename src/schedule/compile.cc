#include <boost/date_time/gregorian/gregorian.hpp>
#include <string>
#include <unordered_map>

#include "chuangwen/schedule.h"
#include "model/validate_internal.h"
#include "chuangwen/date.h"
#include "schedule/compiled.h"

namespace chuangwen::internal {
namespace {

// Reports problems of one entity, prefixing messages and locations.
class Reporter {
 public:
  Reporter(v1::ValidationReport* report, std::string owner,
           std::string location, std::string subject)
      : report_(report),
        owner_(std::move(owner)),
        location_(std::move(location)),
        subject_(std::move(subject)) {}

  void Add(v1::ProblemCode code, const std::string& field,
           const std::string& message) {
    ok_ = false;
    if (report_ == nullptr) return;
    AddProblem(report_, code, owner_ + ": " + message,
               field.empty() ? location_ : location_ + "." + field, subject_);
  }
  // Parses an ISO date field; empty is allowed when `optional`.
  bool DateField(const std::string& text, const std::string& field,
                 bool optional, Date* out) {
    if (text.empty()) {
      if (!optional)
        Add(v1::PROBLEM_CODE_MISSING_FIELD, field, field + " is required");
      return optional;
    }
    Status s = ParseIsoDate(text, out);
    if (!s.ok()) {
      Add(v1::PROBLEM_CODE_INVALID_VALUE, field, field + " " + s.message());
      return false;
    }
    return true;
  }
  void Range(int value, int low, int high, const std::string& field) {
    if (value < low || value > high) {
      Add(v1::PROBLEM_CODE_INVALID_VALUE, field,
          field + " " + std::to_string(value) + " is out of range " +
              std::to_string(low) + ".." + std::to_string(high));
    }
  }
  bool ok() const { return ok_; }

 private:
  v1::ValidationReport* report_;
  std::string owner_, location_, subject_;
  bool ok_ = true;
};

int BoostWeekday(v1::Weekday w) {
  return static_cast<int>(w) % 7;
}  // SUNDAY (7) → 0.

void CheckWeekday(v1::Weekday w, const std::string& field, Reporter* r) {
  if (w == v1::WEEKDAY_UNSPECIFIED) {
    r->Add(v1::PROBLEM_CODE_MISSING_FIELD, field, field + " is required");
  } else if (!v1::Weekday_IsValid(w)) {
    r->Add(v1::PROBLEM_CODE_INVALID_VALUE, field,
           field + " " + std::to_string(static_cast<int>(w)) +
               " is not a weekday");
  }
}

void CompileRule(const v1::DutyRule& rule, CompiledDuty* d, Reporter* r) {
  d->kind = rule.kind_case();
  switch (rule.kind_case()) {
    case v1::DutyRule::kOneOff:
      r->DateField(rule.one_off().date(), "rule.one_off.date", false, &d->date);
      break;
    case v1::DutyRule::kYearly: {
      d->month = rule.yearly().month();
      d->day = rule.yearly().day();
      r->Range(d->month, 1, 12, "rule.yearly.month");
      if (d->month >= 1 && d->month <= 12) {
        // The longest the month ever is (February: 29).
        int longest = boost::gregorian::gregorian_calendar::end_of_month_day(
            2000, static_cast<unsigned short>(d->month));
        r->Range(d->day, 1, longest, "rule.yearly.day");
      }
      break;
    }
    case v1::DutyRule::kMonthly:
      d->day = rule.monthly().day();
      r->Range(d->day, 1, 31, "rule.monthly.day");
      break;
    case v1::DutyRule::kMonthEnd:
      break;
    case v1::DutyRule::kEveryNMonths: {
      const auto& m = rule.every_n_months();
      d->interval = m.interval();
      d->day = m.day();
      r->Range(d->interval, 1, 120, "rule.every_n_months.interval");
      r->Range(d->day, 1, 31, "rule.every_n_months.day");
      Date first;
      if (m.start_month().size() != 7 ||
          !ParseIsoDate(m.start_month() + "-01", &first).ok()) {
        r->Add(v1::PROBLEM_CODE_INVALID_VALUE,
               "rule.every_n_months.start_month",
               "rule.every_n_months.start_month '" + m.start_month() +
                   "' is not YYYY-MM");
      } else {
        d->start_month = first;
      }
      break;
    }
    case v1::DutyRule::kWeekly:
      CheckWeekday(rule.weekly().weekday(), "rule.weekly.weekday", r);
      d->weekday = BoostWeekday(rule.weekly().weekday());
      break;
    case v1::DutyRule::kEveryNWeeks: {
      const auto& w = rule.every_n_weeks();
      d->interval = w.interval();
      r->Range(d->interval, 1, 520, "rule.every_n_weeks.interval");
      CheckWeekday(w.weekday(), "rule.every_n_weeks.weekday", r);
      d->weekday = BoostWeekday(w.weekday());
      r->DateField(w.start(), "rule.every_n_weeks.start", false, &d->date);
      break;
    }
    case v1::DutyRule::kSemiMonthly: {
      const auto& s = rule.semi_monthly();
      d->first_day = s.first_day() == 0 ? 15 : s.first_day();
      d->second_day = s.second_day();
      r->Range(d->first_day, 1, 31, "rule.semi_monthly.first_day");
      r->Range(d->second_day, 0, 31, "rule.semi_monthly.second_day");
      if (d->second_day != 0 && d->second_day <= d->first_day) {
        r->Add(v1::PROBLEM_CODE_INVALID_VALUE, "rule.semi_monthly.second_day",
               "rule.semi_monthly.second_day " + std::to_string(d->second_day) +
                   " must come after first_day " +
                   std::to_string(d->first_day));
      }
      break;
    }
    case v1::DutyRule::kEveryNWorkingDays: {
      const auto& w = rule.every_n_working_days();
      d->interval = w.interval();
      r->Range(d->interval, 1, 1000, "rule.every_n_working_days.interval");
      r->DateField(w.start(), "rule.every_n_working_days.start", false,
                   &d->date);
      break;
    }
    case v1::DutyRule::KIND_NOT_SET:
      r->Add(v1::PROBLEM_CODE_MISSING_FIELD, "rule", "rule is required");
      break;
  }
}

}  // namespace

std::vector<CompiledPhase> CompilePhases(const v1::Campaign& c,
                                         v1::ValidationReport* report) {
  std::vector<CompiledPhase> phases(
      static_cast<size_t>(c.schedule().phases_size()));
  std::unordered_map<std::string, int> seen;
  for (int i = 0; i < c.schedule().phases_size(); ++i) {
    const v1::Phase& p = c.schedule().phases(i);
    std::string at = FieldPath("schedule.phases", i, "");
    Reporter r(report, "phase '" + p.id() + "'", at, p.id());
    if (p.id().empty())
      r.Add(v1::PROBLEM_CODE_MISSING_FIELD, "id", "id is required");
    auto [it, added] = seen.emplace(p.id(), i);
    if (!added && !p.id().empty()) {
      r.Add(v1::PROBLEM_CODE_DUPLICATE_ID, "id",
            "id is used again (first at " +
                FieldPath("schedule.phases", it->second, "") + ")");
    }
    Date start, end;
    bool has_start =
        !p.start().empty() && r.DateField(p.start(), "start", true, &start);
    bool has_end = !p.end().empty() && r.DateField(p.end(), "end", true, &end);
    if (has_start) phases[i].start = start;
    if (has_end) phases[i].end = end;
    if (has_start && has_end && end < start) {
      r.Add(v1::PROBLEM_CODE_INVALID_VALUE, "end",
            "end " + p.end() + " is before start " + p.start());
    }
  }
  return phases;
}

void EstimateRate(CompiledDuty* d) {
  switch (d->kind) {
    case v1::DutyRule::kOneOff:
      d->per_year = 1;
      break;
    case v1::DutyRule::kYearly:
      d->per_year = 1;
      break;
    case v1::DutyRule::kMonthly:
    case v1::DutyRule::kMonthEnd:
      d->per_year = 12;
      break;
    case v1::DutyRule::kEveryNMonths:
      d->per_year = 12.0 / d->interval;
      break;
    case v1::DutyRule::kWeekly:
      d->per_year = 53;
      break;
    case v1::DutyRule::kEveryNWeeks:
      d->per_year = 53.0 / d->interval;
      break;
    case v1::DutyRule::kSemiMonthly:
      d->per_year = 24;
      break;
    case v1::DutyRule::kEveryNWorkingDays:
      d->per_year = 252.0 / d->interval;
      break;
    case v1::DutyRule::KIND_NOT_SET:
      d->per_year = 0;
      break;
  }
}

bool CompileDuty(const v1::Campaign& c, const CampaignIndex& index, int i,
                 CompiledDuty* d, v1::ValidationReport* report) {
  const v1::Duty& duty = c.schedule().duties(i);
  Reporter r(report, "duty '" + duty.id() + "'",
             FieldPath("schedule.duties", i, ""), duty.id());
  d->index = i;
  if (duty.id().empty())
    r.Add(v1::PROBLEM_CODE_MISSING_FIELD, "id", "id is required");
  int owners = !duty.owner_unit_id().empty() + !duty.owner_body_id().empty() +
               !duty.owner_unit_kind().empty();
  if (owners != 1) {
    r.Add(v1::PROBLEM_CODE_MISSING_FIELD, "owner_unit_id",
          "must name exactly one owner: owner_unit_id, owner_body_id or "
          "owner_unit_kind");
  } else if (!duty.owner_unit_id().empty()) {
    int32_t u = index.Unit(duty.owner_unit_id());
    if (u == kNoIndex) {
      r.Add(v1::PROBLEM_CODE_UNKNOWN_REFERENCE, "owner_unit_id",
            "owner unit '" + duty.owner_unit_id() + "' does not exist");
    } else {
      d->owner_units.push_back(u);
    }
  } else if (!duty.owner_body_id().empty()) {
    d->owner_body = index.Body(duty.owner_body_id());
    if (d->owner_body == kNoIndex) {
      r.Add(v1::PROBLEM_CODE_UNKNOWN_REFERENCE, "owner_body_id",
            "owner body '" + duty.owner_body_id() + "' does not exist");
    }
  } else {
    for (int u = 0; u < c.units_size(); ++u) {
      if (c.units(u).kind() == duty.owner_unit_kind())
        d->owner_units.push_back(u);
    }
    if (d->owner_units.empty()) {
      r.Add(v1::PROBLEM_CODE_UNKNOWN_REFERENCE, "owner_unit_kind",
            "no unit is of kind '" + duty.owner_unit_kind() + "'");
    }
  }
  if (!duty.task_id().empty() && index.Task(duty.task_id()) == kNoIndex) {
    r.Add(v1::PROBLEM_CODE_UNKNOWN_REFERENCE, "task_id",
          "task '" + duty.task_id() + "' does not exist");
  }
  CompileRule(duty.rule(), d, &r);
  Date from, to;
  bool has_from = !duty.active_from().empty() &&
                  r.DateField(duty.active_from(), "active_from", true, &from);
  bool has_to = !duty.active_to().empty() &&
                r.DateField(duty.active_to(), "active_to", true, &to);
  if (has_from) d->active_from = from;
  if (has_to) d->active_to = to;
  if (has_from && has_to && to < from) {
    r.Add(v1::PROBLEM_CODE_INVALID_VALUE, "active_to",
          "active_to " + duty.active_to() + " is before active_from " +
              duty.active_from());
  }
  for (int k = 0; k < duty.active_phase_ids_size(); ++k) {
    const std::string& id = duty.active_phase_ids(k);
    int found = kNoIndex;
    for (int p = 0; p < c.schedule().phases_size(); ++p) {
      if (c.schedule().phases(p).id() == id) {
        found = p;
        break;
      }
    }
    if (found == kNoIndex) {
      r.Add(v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
            FieldPath("active_phase_ids", k, ""),
            "phase '" + id + "' does not exist");
    } else {
      d->phases.push_back(found);
    }
  }
  if (duty.non_working_day() == v1::NON_WORKING_DAY_POLICY_UNSPECIFIED) {
    d->policy = v1::EARLIER_WORKING_DAY;
  } else if (!v1::NonWorkingDayPolicy_IsValid(duty.non_working_day())) {
    r.Add(v1::PROBLEM_CODE_INVALID_VALUE, "non_working_day",
          "non_working_day " + std::to_string(duty.non_working_day()) +
              " is not a policy");
  } else {
    d->policy = duty.non_working_day();
  }
  EstimateRate(d);
  return r.ok();
}

void CheckSchedule(const v1::Campaign& c, const CampaignIndex& index,
                   v1::ValidationReport* report) {
  CompilePhases(c, report);
  std::unordered_map<std::string, int> seen;
  for (int i = 0; i < c.schedule().duties_size(); ++i) {
    const std::string& id = c.schedule().duties(i).id();
    auto [it, added] = seen.emplace(id, i);
    if (!added && !id.empty()) {
      AddProblem(report, v1::PROBLEM_CODE_DUPLICATE_ID,
                 "duty id '" + id + "' is used again (first at " +
                     FieldPath("schedule.duties", it->second, "") + ")",
                 FieldPath("schedule.duties", i, "id"), id);
    }
    CompiledDuty duty;
    CompileDuty(c, index, i, &duty, report);
  }
  if (c.has_calendar()) {
    std::shared_ptr<const WorkCalendar> cal;
    Status s =
        WorkCalendar::Build(WorkCalendar::ChinaData(), c.calendar(), &cal);
    if (!s.ok()) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 "calendar: " + s.message(), "calendar", "");
    }
  }
}

}  // namespace chuangwen::internal

namespace chuangwen {

void AddScheduleValidationRules(ValidationRules* rules) {
  rules->Add(&internal::CheckSchedule);
}

}  // namespace chuangwen
