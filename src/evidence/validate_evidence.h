// Rule 12 of validation (validate.h): evidence requirements.
#ifndef CHUANGWEN_SRC_EVIDENCE_VALIDATE_EVIDENCE_H_
#define CHUANGWEN_SRC_EVIDENCE_VALIDATE_EVIDENCE_H_

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::internal {

void CheckEvidence(const v1::Campaign& campaign, const CampaignIndex& index,
                   v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_EVIDENCE_VALIDATE_EVIDENCE_H_
