// Roles: who may do what, derived once from a campaign's organization and
// task assignments. The one place the ledger, evidence and progress ask.
//
// - Supervisors (督查): members of bodies marked `supervises`, else (when no
//   body is) of office bodies. The office (办公室): members of office bodies.
//   Campaign leaders: the leading group's 组长 and 副组长.
// - A person belongs to the unit they work in and to every unit above it.
// - A task's lead leaders (责任领导) and responsible units (责任单位, 牵头单位)
//   are its own and those of every task above it; its nearest responsible
//   units are its own, else its nearest ancestor's that has any.
//
// People, units and tasks are positions (CampaignIndex); kNoIndex answers
// false. Thread safety: immutable; safe to share.
#ifndef CHUANGWEN_ROLES_H_
#define CHUANGWEN_ROLES_H_

#include <cstdint>
#include <vector>

#include "chuangwen/campaign_index.h"

namespace chuangwen {

class Roles {
 public:
  Roles(const v1::Campaign& campaign, const CampaignIndex& index);

  bool Supervises(int32_t person) const { return Has(person, kSupervisor); }
  bool InOffice(int32_t person) const { return Has(person, kOffice); }
  bool LeadsCampaign(int32_t person) const { return Has(person, kLeader); }

  // The person works in `unit` or in a unit below it.
  bool BelongsTo(int32_t person, int32_t unit) const;
  // The person's own unit, or kNoIndex.
  int32_t UnitOf(int32_t person) const;
  // A lead leader of `task` or of a task above it.
  bool LeadsTask(int32_t person, int32_t task) const;
  // `unit` is responsible for or leads `task` or a task above it.
  bool ResponsibleFor(int32_t unit, int32_t task) const;
  // The responsible and lead units of `task`, else of its nearest ancestor
  // that has any (empty when none has).
  const std::vector<int32_t>& NearestResponsibleUnits(int32_t task) const;

 private:
  enum Flag : uint8_t { kSupervisor = 1, kOffice = 2, kLeader = 4 };
  bool Has(int32_t person, Flag f) const {
    return person >= 0 && static_cast<size_t>(person) < flags_.size() &&
           (flags_[static_cast<size_t>(person)] & f) != 0;
  }
  struct TaskRoles {
    std::vector<int32_t> leaders;      // Own and inherited, sorted.
    std::vector<int32_t> responsible;  // Own and inherited, sorted.
    std::vector<int32_t> nearest;      // Own, else the nearest ancestor's.
  };

  const CampaignIndex& index_;
  std::vector<uint8_t> flags_;        // Per person.
  std::vector<int32_t> person_unit_;  // Per person.
  std::vector<TaskRoles> tasks_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_ROLES_H_
