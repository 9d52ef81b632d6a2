// Which tasks are covered by a lead leader and a responsible unit, counting
// assignments on ancestor tasks. Shared by validation and the gap report.
#ifndef CHUANGWEN_SRC_MODEL_TASK_COVERAGE_H_
#define CHUANGWEN_SRC_MODEL_TASK_COVERAGE_H_

#include <cstdint>
#include <vector>

#include "chuangwen/campaign_index.h"

namespace chuangwen::internal {

struct TaskCoverage {
  std::vector<bool> is_leaf;          // No task names it as parent.
  // A task of a cited plan (another document), kept for the cascade: its
  // parties are that plan's business.
  std::vector<bool> cited;
  std::vector<bool> has_lead_leader;  // Own or inherited.
  std::vector<bool>
      has_responsible_unit;  // Responsible or lead; own or inherited.
};

TaskCoverage ComputeTaskCoverage(const v1::Campaign& campaign,
                                 const CampaignIndex& index);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_MODEL_TASK_COVERAGE_H_
