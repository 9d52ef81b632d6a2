// Rule 14 of validation (validate.h): targets and their milestones.
#ifndef CHUANGWEN_SRC_PROGRESS_VALIDATE_TARGETS_H_
#define CHUANGWEN_SRC_PROGRESS_VALIDATE_TARGETS_H_

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::internal {

void CheckTargets(const v1::Campaign& campaign, const CampaignIndex& index,
                  v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_PROGRESS_VALIDATE_TARGETS_H_
