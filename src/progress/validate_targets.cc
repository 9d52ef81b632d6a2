// Rule 14: each target has a unique id, an existing task, a metric, a real
// deadline not before its start, a goal on the side its direction says
// (AT_LEAST above the baseline, AT_MOST below), a level in % within 0..100;
// each milestone a real date between start and deadline, later than the one
// before, and a share within 0..1.
#include "chuangwen/progress.h"

#include <cmath>
#include <set>

#include "model/validate_internal.h"
#include "chuangwen/calendar.h"
#include "chuangwen/date.h"
#include "common/numbers.h"

namespace chuangwen::internal {
namespace {

void CheckTargets(const v1::Campaign& c, const CampaignIndex& index,
                  v1::ValidationReport* report) {
  std::set<std::string> ids;
  std::string start_of_plan;
  for (const v1::Document& d : c.documents())
    if (d.id() == c.plan_document_id()) start_of_plan = d.issue_date();
  for (int i = 0; i < c.targets_size(); ++i) {
    const v1::Target& t = c.targets(i);
    auto path = [&](const std::string& field) {
      return FieldPath("targets", i, field.c_str());
    };
    const std::string what = "target '" + t.id() + "'";
    auto problem = [&](v1::ProblemCode code, const std::string& field,
                       const std::string& message) {
      AddProblem(report, code, what + ": " + message, path(field), t.id());
    };
    if (t.id().empty()) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD, "a target has no id",
                 path("id"), "");
    } else if (!ids.insert(t.id()).second) {
      AddProblem(report, v1::PROBLEM_CODE_DUPLICATE_ID,
                 what + " is defined twice", path("id"), t.id());
    }
    if (index.Task(t.task_id()) == kNoIndex) {
      problem(v1::PROBLEM_CODE_UNKNOWN_REFERENCE, "task_id",
              "task '" + t.task_id() + "' does not exist");
    }
    if (t.metric().empty())
      problem(v1::PROBLEM_CODE_MISSING_FIELD, "metric", "has no metric");
    if (!std::isfinite(t.target()) || !std::isfinite(t.baseline())) {
      problem(v1::PROBLEM_CODE_INVALID_VALUE, "target",
              "target and baseline must be numbers");
      continue;
    }
    Date start, deadline;
    const bool has_start =
        !t.start().empty() && ParseIsoDate(t.start(), &start).ok();
    if (!t.start().empty() && !has_start) {
      problem(v1::PROBLEM_CODE_INVALID_VALUE, "start",
              "start '" + t.start() + "' is not a date");
    }
    bool has_deadline = false;
    if (t.deadline().empty()) {
      problem(v1::PROBLEM_CODE_MISSING_FIELD, "deadline", "has no deadline");
    } else if (!ParseIsoDate(t.deadline(), &deadline).ok()) {
      problem(v1::PROBLEM_CODE_INVALID_VALUE, "deadline",
              "deadline '" + t.deadline() + "' is not a date");
    } else {
      has_deadline = true;
    }
    if (has_start && has_deadline && deadline < start) {
      problem(v1::PROBLEM_CODE_INVALID_VALUE, "deadline",
              "deadline " + t.deadline() + " is before its start " + t.start());
    }
    const bool at_most = t.direction() == v1::AT_MOST;
    if (at_most ? t.target() > t.baseline() : t.target() < t.baseline()) {
      problem(v1::PROBLEM_CODE_INVALID_VALUE, "target",
              std::string(at_most ? "AT_MOST " : "AT_LEAST ") +
                  FormatGeneral(t.target()) + " from a baseline of " +
                  FormatGeneral(t.baseline()) +
                  " points the other way; check the direction");
    }
    if (t.measure() == v1::LEVEL && t.unit_of_measure() == "%" &&
        (t.target() < 0 || t.target() > 100 || t.baseline() < 0 ||
         t.baseline() > 100)) {
      problem(v1::PROBLEM_CODE_INVALID_VALUE, "target",
              "a level in % of " + FormatGeneral(t.target()) +
                  " from a baseline of " + FormatGeneral(t.baseline()) +
                  " is not within 0..100");
    }
    std::string previous;
    for (int k = 0; k < t.milestones_size(); ++k) {
      const v1::Milestone& m = t.milestones(k);
      const std::string field = "milestones[" + std::to_string(k) + "].";
      Date md;
      if (!ParseIsoDate(m.date(), &md).ok()) {
        problem(v1::PROBLEM_CODE_INVALID_VALUE, field + "date",
                "milestone date '" + m.date() + "' is not a date");
      } else {
        const std::string first = has_start ? t.start() : start_of_plan;
        if (has_deadline && md > deadline) {
          problem(v1::PROBLEM_CODE_INVALID_VALUE, field + "date",
                  "milestone " + m.date() + " is after the deadline " +
                      t.deadline());
        } else if (!first.empty() && m.date() < first) {
          problem(v1::PROBLEM_CODE_INVALID_VALUE, field + "date",
                  "milestone " + m.date() + " is before the start " + first);
        } else if (!previous.empty() && m.date() <= previous) {
          problem(v1::PROBLEM_CODE_INVALID_VALUE, field + "date",
                  "milestone " + m.date() + " is not after the one before it (" +
                      previous + ")");
        }
        previous = m.date();
      }
      if (!std::isfinite(m.share()) || m.share() < 0 || m.share() > 1) {
        problem(v1::PROBLEM_CODE_INVALID_VALUE, field + "share",
                "share " + FormatGeneral(m.share()) + " is not within 0..1");
      }
      if (m.share() != 0 && m.value() != 0) {
        problem(v1::PROBLEM_CODE_INVALID_VALUE, field + "value",
                "a milestone gives a value or a share, not both");
      }
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal

namespace chuangwen {

void AddProgressValidationRules(ValidationRules* rules) {
  rules->Add(&internal::CheckTargets);
}

}  // namespace chuangwen
