// Responsibility queries by id, answered as chuangwen.v1 messages
// (responsibility.proto). These are what the C API and the CLI serve.
//
// Unknown ids are NotFound errors that name the id ("unit 'zhiguan' does not
// exist"). Thread safety: reentrant; the Campaign may be shared.
#ifndef CHUANGWEN_RESPONSIBILITY_QUERY_H_
#define CHUANGWEN_RESPONSIBILITY_QUERY_H_

#include <string_view>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/v1/responsibility.pb.h"

namespace chuangwen {

// Every task the unit is lead, responsible or assisting unit for; with
// `include_child_units`, also those of the units below it.
Status QueryUnitTasks(const Campaign& campaign, std::string_view unit_id,
                      bool include_child_units, v1::PartyTasks* out);

// Every task the person is assigned to (as lead leader).
Status QueryPersonTasks(const Campaign& campaign, std::string_view person_id,
                        v1::PartyTasks* out);

// Everyone involved in the task, with their role.
Status QueryTaskParties(const Campaign& campaign, std::string_view task_id,
                        v1::TaskParties* out);

// Task counts by role for every unit and every person.
void QueryLoad(const Campaign& campaign, v1::LoadSummary* out);

// Leaf tasks with no lead leader or no responsible unit.
void QueryGaps(const Campaign& campaign, v1::GapReport* out);

// The documents the task descends from, nearest first.
Status QueryDocumentChain(const Campaign& campaign, std::string_view task_id,
                          v1::DocumentChain* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_RESPONSIBILITY_QUERY_H_
