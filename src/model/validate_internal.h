// Shared pieces of the validation rules (src/model/validate*.cc).
#ifndef CHUANGWEN_SRC_MODEL_VALIDATE_INTERNAL_H_
#define CHUANGWEN_SRC_MODEL_VALIDATE_INTERNAL_H_

#include <string>

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::internal {

// Appends one problem to `report`.
void AddProblem(v1::ValidationReport* report, v1::ProblemCode code,
                std::string message, std::string location,
                std::string subject_id);

// "units[3].parent_id"
std::string FieldPath(const char* repeated, int i, const char* field);

// Rule 5: cycles among unit, body, task and document parents.
void CheckParentCycles(const v1::Campaign& campaign, const CampaignIndex& index,
                       v1::ValidationReport* report);

// Rule 16: the units people head, and the role policy.
void CheckRoles(const v1::Campaign& campaign, const CampaignIndex& index,
                v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_MODEL_VALIDATE_INTERNAL_H_
