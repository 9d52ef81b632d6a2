// Validation of a campaign message: every problem at once, each with its place.
//
// Rules, in report order:
//  1. Every unit, person, body, document and task has an id, unique among its
//     kind (MISSING_FIELD, DUPLICATE_ID); names are present (MISSING_FIELD).
//  2. Every reference names an existing entity: unit and body parents, a
//     person's unit, body members and host units, document parents, task
//     parents, task documents and implemented tasks, assignment tasks and
//     parties, the plan document (UNKNOWN_REFERENCE).
//  3. Every assignment names exactly one party and a role that fits it: lead
//     leaders are people, every other role is a unit (MISSING_FIELD,
//     ROLE_MISMATCH, INVALID_VALUE); every body member names one party.
//  4. Dates are real dates in ISO form (INVALID_VALUE).
//  5. Unit parents, body parents, task parents and document parents form no
//     cycle; nor do tasks through the tasks they implement (across plans)
//     and their parents (CYCLE).
//  6. Every leaf task of the campaign's own plan has a responsible or lead
//     unit, its own or one of its ancestor tasks' (NO_RESPONSIBLE_UNIT);
//     tasks of a cited parent plan (another document) are exempt.
//  7. Every lead leader sits in a leading group
//  (LEAD_LEADER_NOT_IN_LEADING_BODY).
//  8. No unit is both responsible (or lead) for and assisting the same task
//     (RESPONSIBLE_AND_ASSISTING).
//  9. Schedule: phase and duty ids unique, dates real, ends not before
//     starts; each duty names exactly one existing owner (unit, body, or a
//     unit kind some unit has), an existing task and phases, and one rule
//     whose fields are in range (day 1..31, month 1..12, a real weekday,
//     interval >= 1, start_month YYYY-MM).
// 10. The campaign's own calendar years and adjustments build on top of the
//     national calendar.
// 11. Assessment: schemes compile (see scoring.h), components name existing
//     schemes and a period kind and their weights sum to 1, groups, vetoes
//     and inputs name existing units and indicators, and every input scores
//     (a score within its indicator's points, a ratio within 0..1 …).
// 12. Evidence requirements: unique ids, an existing task, an existing duty
//     or a real due date, an existing owner unit, a count not negative.
// 13. (Reported first.) Every string is valid UTF-8 without NUL, and the
//     time zone, when given, is an IANA name the database knows
//     (INVALID_VALUE).
// 14. Targets: unique ids, an existing task, a metric, a real deadline not
//     before the start, a goal on the side the direction says, a level in %
//     within 0..100; milestones dated in order between start and deadline,
//     shares within 0..1.
// 15. Supervision rules: a notice series with {n}; reminder levels that
//     climb; inspection points with unique ids, names, existing units, real
//     coordinates; escalation rules with an id, a measure and a trigger;
//     deductions naming an existing indicator and a basis.
// 16. Roles: the units a person heads exist; the role policy has one rule
//     per action, each seat selector names an existing body, a body kind,
//     the supervising bodies or (for evidence) the task's lead leader
//     (UNKNOWN_REFERENCE, INVALID_VALUE, DUPLICATE_ID).
// Rules 1-8, 13 and 16 are the model's; rules 9-12, 14 and 15 belong to the
// engines (schedule and calendar, assessment, evidence, progress, ledger),
// each of which registers its rules through its public header
// (Add...ValidationRules).
// Thread safety: reentrant.
#ifndef CHUANGWEN_VALIDATE_H_
#define CHUANGWEN_VALIDATE_H_

#include <vector>

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/campaign.pb.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen {

// One rule: appends each problem it finds, naming the field and the thing.
using ValidationRule = void (*)(const v1::Campaign& campaign,
                                const CampaignIndex& index,
                                v1::ValidationReport* report);

// The rules an engine contributes, in report order.
class ValidationRules {
 public:
  void Add(ValidationRule rule) { rules_.push_back(rule); }
  void Run(const v1::Campaign& campaign, const CampaignIndex& index,
           v1::ValidationReport* report) const {
    for (ValidationRule rule : rules_) rule(campaign, index, report);
  }

 private:
  std::vector<ValidationRule> rules_;
};

v1::ValidationReport Validate(const v1::Campaign& campaign);

// The same with an index already built over `campaign`.
v1::ValidationReport Validate(const v1::Campaign& campaign,
                              const CampaignIndex& index);

}  // namespace chuangwen

#endif  // CHUANGWEN_VALIDATE_H_
