// Rule 12 of validation: each evidence requirement has a unique id, names an
// existing task, an existing duty or a real due date, an existing owner unit,
// and a count that is not negative.
#include "chuangwen/evidence.h"

#include <set>

#include "model/validate_internal.h"
#include "chuangwen/date.h"

namespace chuangwen::internal {
namespace {

void CheckEvidence(const v1::Campaign& c, const CampaignIndex& index,
                   v1::ValidationReport* report) {
  std::set<std::string> ids, duties;
  for (const v1::Duty& d : c.schedule().duties()) duties.insert(d.id());
  for (int i = 0; i < c.evidence_requirements_size(); ++i) {
    const v1::EvidenceRequirement& r = c.evidence_requirements(i);
    auto path = [&](const char* field) {
      return FieldPath("evidence_requirements", i, field);
    };
    const std::string what = "evidence requirement '" + r.id() + "'";
    if (r.id().empty()) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 "an evidence requirement has no id", path("id"), "");
    } else if (!ids.insert(r.id()).second) {
      AddProblem(report, v1::PROBLEM_CODE_DUPLICATE_ID,
                 what + " is defined twice", path("id"), r.id());
    }
    if (index.Task(r.task_id()) == kNoIndex) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 what + ": task '" + r.task_id() + "' does not exist",
                 path("task_id"), r.id());
    }
    if (!r.duty_id().empty() && duties.count(r.duty_id()) == 0) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 what + ": duty '" + r.duty_id() + "' does not exist",
                 path("duty_id"), r.id());
    }
    if (r.duty_id().empty() && r.due().empty()) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 what + ": needs a duty (its deadlines) or a due date",
                 path("due"), r.id());
    }
    boost::gregorian::date d;
    if (!r.due().empty() && !ParseIsoDate(r.due(), &d).ok()) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 what + ": due '" + r.due() + "' is not a date", path("due"),
                 r.id());
    }
    if (!r.owner_unit_id().empty() &&
        index.Unit(r.owner_unit_id()) == kNoIndex) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 what + ": unit '" + r.owner_unit_id() + "' does not exist",
                 path("owner_unit_id"), r.id());
    }
    if (r.count() < 0) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 what + ": count is negative", path("count"), r.id());
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal

namespace chuangwen {

void AddEvidenceValidationRules(ValidationRules* rules) {
  rules->Add(&internal::CheckEvidence);
}

}  // namespace chuangwen
