// Rule 15 of validation (validate.h): supervision rules.
#ifndef CHUANGWEN_SRC_LEDGER_VALIDATE_SUPERVISION_H_
#define CHUANGWEN_SRC_LEDGER_VALIDATE_SUPERVISION_H_

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::internal {

void CheckSupervision(const v1::Campaign& campaign, const CampaignIndex& index,
                      v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_LEDGER_VALIDATE_SUPERVISION_H_
