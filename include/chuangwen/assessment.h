// Assessment (考核评价): a campaign's schemes, components and inputs turned
// into period rankings (专项整治考核 monthly, 重点工作考核 quarterly), the
// annual composite (综合考核评价), grades, commend and criticise lists, and
// explanations of one unit's score.
//
// Periods are "YYYY-MM" (monthly components), "YYYY-Qn" (quarterly) and
// "YYYY" (the composite: each component's period scores aggregated over the
// year, normalised across units, and weighted; a unit without scores in a
// component counts 0 there). Vetoes (一票否决) given for a period or for its
// whole year put the unit last and fail its grade, keeping the reason.
// Thread safety: reentrant; the Campaign may be shared.
#ifndef CHUANGWEN_ASSESSMENT_H_
#define CHUANGWEN_ASSESSMENT_H_

#include <string>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/validate.h"
#include "chuangwen/v1/assessment.pb.h"

namespace chuangwen {

// The ranking of `period`. `component_id` picks the component for a month or
// quarter (empty: the campaign's only component of that kind); it must be
// empty for a year. Errors name the period, component, unit or indicator.
Status RankPeriod(const Campaign& campaign, const std::string& period,
                  const std::string& component_id, v1::RankingTable* out);

// One unit's breakdown in `period`, and what separates it from the unit
// ranked just above it.
Status ExplainUnit(const Campaign& campaign, const std::string& unit_id,
                   const std::string& period, const std::string& component_id,
                   v1::Explanation* out);

// Validation rule 11 (validate.h): schemes, components, inputs.
void AddAssessmentValidationRules(ValidationRules* rules);

}  // namespace chuangwen

#endif  // CHUANGWEN_ASSESSMENT_H_
