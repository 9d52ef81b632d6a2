// Rule 16: the units people head exist, and the role policy is one rule per
// action whose seats each name something that can hold them.
#include <set>

#include "model/validate_internal.h"

namespace chuangwen::internal {

void CheckRoles(const v1::Campaign& c, const CampaignIndex& index,
                v1::ValidationReport* report) {
  for (int i = 0; i < c.people_size(); ++i) {
    const v1::Person& p = c.people(i);
    for (int k = 0; k < p.heads_unit_ids_size(); ++k) {
      if (index.Unit(p.heads_unit_ids(k)) != kNoIndex) continue;
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 "person '" + p.id() + "' heads unit '" + p.heads_unit_ids(k) +
                     "', which does not exist",
                 FieldPath("people", i, "heads_unit_ids") + "[" +
                     std::to_string(k) + "]",
                 p.id());
    }
  }
  std::set<int> actions;
  const v1::RolePolicy& policy = c.role_policy();
  for (int i = 0; i < policy.rules_size(); ++i) {
    const v1::PolicyRule& rule = policy.rules(i);
    const std::string where =
        "role_policy." + FieldPath("rules", i, "");
    const std::string action = v1::PolicyAction_Name(rule.action());
    if (rule.action() == v1::POLICY_ACTION_UNSPECIFIED) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 "a role policy rule names no action", where + ".action", "");
    } else if (!actions.insert(rule.action()).second) {
      AddProblem(report, v1::PROBLEM_CODE_DUPLICATE_ID,
                 "the role policy has a second rule for " + action,
                 where + ".action", action);
    }
    const bool per_task = rule.action() == v1::POLICY_ACTION_SIGN_OFF_EVIDENCE ||
                          rule.action() == v1::POLICY_ACTION_REJECT_EVIDENCE ||
                          rule.action() == v1::POLICY_ACTION_REVIEW_PROGRESS;
    for (int k = 0; k < rule.seats_size(); ++k) {
      const v1::SeatSelector& s = rule.seats(k);
      const std::string at = where + ".seats[" + std::to_string(k) + "]";
      const int chosen = (s.body_id().empty() ? 0 : 1) +
                         (s.body_kind() == v1::BODY_KIND_UNSPECIFIED ? 0 : 1) +
                         (s.supervising_bodies() ? 1 : 0) +
                         (s.task_lead_leader() ? 1 : 0);
      if (chosen != 1) {
        AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                   "a seat for " + action +
                       " must name exactly one of body_id, body_kind, "
                       "supervising_bodies or task_lead_leader",
                   at, action);
      } else if (!s.body_id().empty() &&
                 index.Body(s.body_id()) == kNoIndex) {
        AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                   "a seat for " + action + " names body '" + s.body_id() +
                       "', which does not exist",
                   at + ".body_id", s.body_id());
      } else if (s.task_lead_leader() && !per_task) {
        AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                   "the task's lead leader is a seat only for evidence and "
                   "progress, not for " + action,
                   at + ".task_lead_leader", action);
      }
    }
  }
}

}  // namespace chuangwen::internal
