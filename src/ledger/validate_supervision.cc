// Rule 15: the notice series numbers each notice ({n}); reminder levels
// climb (each later than the one before); inspection points have unique
// ids, names, existing units and real coordinates; escalation rules have an
// id, a measure and something that fires them; deductions name an existing
// indicator and a basis; the repeated-problem window is not negative.
#include "chuangwen/ledger.h"

#include <cmath>
#include <set>

#include "model/validate_internal.h"
#include "common/numbers.h"

namespace chuangwen::internal {
namespace {

std::string Path(const char* repeated, int i, const char* field) {
  return "supervision." + FieldPath(repeated, i, field);
}

void CheckSupervision(const v1::Campaign& c, const CampaignIndex& index,
                      v1::ValidationReport* report) {
  const v1::SupervisionRules& s = c.supervision();
  if (!s.notice_series().empty() &&
      s.notice_series().find("{n}") == std::string::npos) {
    AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
               "has no {n}: every notice of a year would get the same number",
               "supervision.notice_series", "");
  }
  for (int i = 1; i < s.reminders_size(); ++i) {
    if (s.reminders(i).working_days_after_deadline() <=
        s.reminders(i - 1).working_days_after_deadline()) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 "must be later than the level before it (levels climb)",
                 Path("reminders", i, "working_days_after_deadline"),
                 s.reminders(i).name());
    }
  }
  for (int i = 0; i < s.reminders_size(); ++i) {
    const v1::ReminderLevel& level = s.reminders(i);
    if (level.level_color() == v1::STATUS_COLOR_UNSPECIFIED &&
        !level.color().empty() &&
        ReminderColor(level) == v1::STATUS_COLOR_UNSPECIFIED) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 "'" + level.color() +
                     "' is not a colour (blue, yellow, orange or red); set "
                     "level_color",
                 Path("reminders", i, "color"), level.name());
    }
    if (s.reminders(i).working_days_after_deadline() < 0) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE, "is negative",
                 Path("reminders", i, "working_days_after_deadline"),
                 s.reminders(i).name());
    }
  }
  std::set<std::string> points;
  for (int i = 0; i < s.points_size(); ++i) {
    const v1::InspectionPoint& p = s.points(i);
    const std::string what = "inspection point '" + p.id() + "'";
    if (p.id().empty()) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 "an inspection point has no id", Path("points", i, "id"), "");
    } else if (!points.insert(p.id()).second) {
      AddProblem(report, v1::PROBLEM_CODE_DUPLICATE_ID,
                 what + " is defined twice", Path("points", i, "id"), p.id());
    }
    if (p.name().empty()) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD, what + ": has no name",
                 Path("points", i, "name"), p.id());
    }
    if (!p.unit_id().empty() && index.Unit(p.unit_id()) == kNoIndex) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 what + ": unit '" + p.unit_id() + "' does not exist",
                 Path("points", i, "unit_id"), p.id());
    }
    if (!std::isfinite(p.latitude()) || std::fabs(p.latitude()) > 90) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 what + ": " + FormatGeneral(p.latitude()) +
                     " is not within -90..90",
                 Path("points", i, "latitude"), p.id());
    }
    if (!std::isfinite(p.longitude()) || std::fabs(p.longitude()) > 180) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 what + ": " + FormatGeneral(p.longitude()) +
                     " is not within -180..180",
                 Path("points", i, "longitude"), p.id());
    }
  }
  std::set<std::string> rules;
  for (int i = 0; i < s.escalation_size(); ++i) {
    const v1::EscalationRule& e = s.escalation(i);
    const std::string what = "escalation rule '" + e.id() + "'";
    if (e.id().empty()) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 "an escalation rule has no id", Path("escalation", i, "id"),
                 "");
    } else if (!rules.insert(e.id()).second) {
      AddProblem(report, v1::PROBLEM_CODE_DUPLICATE_ID,
                 what + " is defined twice", Path("escalation", i, "id"),
                 e.id());
    }
    if (e.measure() == v1::ESCALATION_MEASURE_UNSPECIFIED) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD, what + ": no measure",
                 Path("escalation", i, "measure"), e.id());
    }
    if (e.min_bulletins() < 0) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 what + ": min_bulletins is negative",
                 Path("escalation", i, "min_bulletins"), e.id());
    }
    if (e.min_bulletins() <= 0 &&
        e.overdue_severity() == v1::SEVERITY_UNSPECIFIED) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 what + ": fires on nothing (set min_bulletins or "
                        "overdue_severity)",
                 Path("escalation", i, ""), e.id());
    }
  }
  std::set<std::string> indicators;
  for (const v1::Scheme& scheme : c.assessment().schemes())
    for (const v1::Indicator& ind : scheme.indicators())
      indicators.insert(ind.id());
  for (int i = 0; i < s.deductions_size(); ++i) {
    const v1::DeductionSource& d = s.deductions(i);
    if (indicators.count(d.indicator_id()) == 0) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 "indicator '" + d.indicator_id() + "' does not exist",
                 Path("deductions", i, "indicator_id"), d.indicator_id());
    }
    if (d.basis() == v1::DEDUCTION_BASIS_UNSPECIFIED) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD, "no basis",
                 Path("deductions", i, "basis"), d.indicator_id());
    }
  }
  if (s.repeat_window_months() < 0) {
    AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE, "is negative",
               "supervision.repeat_window_months", "");
  }
  if (s.repeat_min_findings() < 0) {
    AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE, "is negative",
               "supervision.repeat_min_findings", "");
  }
}

}  // namespace
}  // namespace chuangwen::internal

namespace chuangwen {

v1::StatusColor ReminderColor(const v1::ReminderLevel& level) {
  if (level.level_color() != v1::STATUS_COLOR_UNSPECIFIED)
    return level.level_color();
  const std::string& name = level.color();
  if (name == "blue") return v1::BLUE;
  if (name == "yellow") return v1::YELLOW;
  if (name == "orange") return v1::ORANGE;
  if (name == "red") return v1::RED;
  return v1::STATUS_COLOR_UNSPECIFIED;
}

void AddLedgerValidationRules(ValidationRules* rules) {
  rules->Add(&internal::CheckSupervision);
}

}  // namespace chuangwen
