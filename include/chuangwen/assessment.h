// Assessment (考核评价): a campaign's schemes, components and inputs turned
// into period rankings (专项整治考核 monthly, 重点工作考核 quarterly), the
// annual composite (综合考核评价), grades, commend and criticise lists, and
// explanations of one unit's score.
//
// Periods are "YYYY-MM" (monthly components), "YYYY-Qn" (quarterly) and
// "YYYY" (the composite: each component's period scores aggregated over the
// year, normalised across units, and weighted; a unit without scores in a
// component counts 0 there). Vetoes (一票否决) put the unit last and fail its
// grade in their period, in its quarter and year as far as their reach says
// (by default the year: 年终评先一票否决), keeping the period and reason.
// Only the assessment's assessed units rank, when it names them.
// Thread safety: reentrant; the Campaign may be shared.
#ifndef CHUANGWEN_ASSESSMENT_H_
#define CHUANGWEN_ASSESSMENT_H_

#include <string>
#include <vector>

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

// The same with inputs derived elsewhere, e.g. a ledger's deductions
// (Ledger::DeductionInputs): each counts where the campaign gives no input
// for its unit, indicator and period. A unit whose inputs in a period are
// all derived ranks on what it has (indicators without input score 0).
Status RankPeriod(const Campaign& campaign, const std::string& period,
                  const std::string& component_id,
                  const std::vector<v1::IndicatorInput>& derived,
                  v1::RankingTable* out);

// One unit's breakdown in `period`, and what separates it from the unit
// ranked just above it.
Status ExplainUnit(const Campaign& campaign, const std::string& unit_id,
                   const std::string& period, const std::string& component_id,
                   v1::Explanation* out);

// The same with derived inputs, as RankPeriod takes them.
Status ExplainUnit(const Campaign& campaign, const std::string& unit_id,
                   const std::string& period, const std::string& component_id,
                   const std::vector<v1::IndicatorInput>& derived,
                   v1::Explanation* out);

// Validation rule 11 (validate.h): schemes, components, inputs.
void AddAssessmentValidationRules(ValidationRules* rules);

}  // namespace chuangwen

#endif  // CHUANGWEN_ASSESSMENT_H_
