#include "model/task_coverage.h"

namespace chuangwen::internal {

TaskCoverage ComputeTaskCoverage(const v1::Campaign& campaign,
                                 const CampaignIndex& index) {
  const int n = campaign.tasks_size();
  std::vector<int32_t> parent(n, kNoIndex);
  TaskCoverage cov;
  cov.is_leaf.assign(n, true);
  cov.cited.assign(n, false);
  const std::string& plan = campaign.plan_document_id();
  for (int i = 0; i < n; ++i) {
    const std::string& doc = campaign.tasks(i).document_id();
    cov.cited[i] = !plan.empty() && !doc.empty() && doc != plan;
  }
  std::vector<bool> own_leader(n, false), own_unit(n, false);
  for (int i = 0; i < n; ++i) {
    int32_t p = index.Task(campaign.tasks(i).parent_id());
    if (p != kNoIndex && p != i) {
      parent[i] = p;
      cov.is_leaf[p] = false;
    }
  }
  for (const v1::Assignment& a : campaign.assignments()) {
    int32_t t = index.Task(a.task_id());
    if (t == kNoIndex) continue;
    switch (a.role()) {
      case v1::ASSIGNMENT_ROLE_LEAD_LEADER:
        if (index.Person(a.person_id()) != kNoIndex) own_leader[t] = true;
        break;
      case v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT:
      case v1::ASSIGNMENT_ROLE_LEAD_UNIT:
        if (index.Unit(a.unit_id()) != kNoIndex) own_unit[t] = true;
        break;
      default:
        break;
    }
  }
  // Inherit down the tree. state: 0 = not done, 1 = in progress, 2 = done.
  // A task on a parent cycle inherits nothing from the cycle (reported as a
  // CYCLE problem elsewhere).
  cov.has_lead_leader = own_leader;
  cov.has_responsible_unit = own_unit;
  std::vector<uint8_t> state(n, 0);
  std::vector<int32_t> stack;
  for (int i = 0; i < n; ++i) {
    if (state[i] == 2) continue;
    stack.clear();
    int32_t t = i;
    while (t != kNoIndex && state[t] == 0) {
      state[t] = 1;
      stack.push_back(t);
      t = parent[t];
    }
    // `t` is a finished ancestor (or none, or a task of a cycle in progress).
    bool leader = t != kNoIndex && state[t] == 2 && cov.has_lead_leader[t];
    bool unit = t != kNoIndex && state[t] == 2 && cov.has_responsible_unit[t];
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      leader = leader || own_leader[*it];
      unit = unit || own_unit[*it];
      cov.has_lead_leader[*it] = leader;
      cov.has_responsible_unit[*it] = unit;
      state[*it] = 2;
    }
  }
  return cov;
}

}  // namespace chuangwen::internal
