// What an imported plan needs to run that its text leaves unsaid, proposed
// for review: people seated in units, stand-ins for seats the plan gives
// without names, gaps in the responsibility lines, a default assessment and
// supervision rules. Each step says what it did in `notes`.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_PROPOSALS_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_PROPOSALS_H_

#include <string>
#include <vector>

#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen::internal {

// Named members without a unit sit in the issuing unit (the leading
// group's, whose 组长 heads it) or the office's host unit (the office's);
// every unit that answers for a task or holds a seat gets a stand-in head
// ("市管科负责同志") when nobody is in it; an office without named members
// gets a stand-in 主任. Stand-ins are marked `proposed`.
void SeatPeople(v1::Campaign* campaign, std::vector<std::string>* notes);

// A unit both responsible for and assisting a task stays responsible; a leaf
// task nobody answers for goes to the unit hosting the office, labelled for
// review.
void FillResponsibilityGaps(v1::Campaign* campaign,
                            std::vector<std::string>* notes);

// When the plan brings no assessment: a monthly ranking (专项整治考核) fed by
// the supervision ledger (findings and overdue items), a quarterly one
// (重点工作考核) when the plan states it, their composite, grades and the
// units assessed; a notice series from the plan's 文号. Marked `proposed`.
void ProposeAssessment(v1::Campaign* campaign, std::vector<std::string>* notes);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_PROPOSALS_H_
