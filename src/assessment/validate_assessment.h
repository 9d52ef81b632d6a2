// Rule 11 of validation (validate.h): schemes compile, components name
// schemes and have weights summing to 1, groups, vetoes and inputs name
// existing units and indicators, and every input scores.
#ifndef CHUANGWEN_SRC_ASSESSMENT_VALIDATE_ASSESSMENT_H_
#define CHUANGWEN_SRC_ASSESSMENT_VALIDATE_ASSESSMENT_H_

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::internal {

void CheckAssessment(const v1::Campaign& campaign, const CampaignIndex& index,
                     v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_VALIDATE_ASSESSMENT_H_
