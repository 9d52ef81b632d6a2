// What a task's text commits to, proposed for review: quantities
// ("年内建成绿道120公里", "10月底前实现90%以上事项网上可办", "投诉不超过20件")
// as targets, and the materials it must produce ("建立工作台账", "留存照片",
// "报送工作总结") as evidence requirements.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_TARGETS_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_TARGETS_H_

#include <string>
#include <vector>

#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen::internal {

// Targets (ids "target-<task>-<n>") from the tasks' text. A deadline stated
// with the quantity ("10月底前", "年内") is used, else the end of `year`;
// with year 0 nothing is proposed. Each is listed in `notes`.
void ProposeTargets(v1::Campaign* campaign, int year,
                    std::vector<std::string>* notes);

// Evidence requirements (ids "evidence-<task>-<kind>") for the materials a
// task's text names, due with the task's own recurring duty when it has one
// ("每月20日前报送"), else by the end of `year`.
void ProposeEvidence(v1::Campaign* campaign, int year,
                     std::vector<std::string>* notes);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_TARGETS_H_
