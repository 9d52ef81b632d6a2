// Roles: who may do what, derived once from a campaign's organization, task
// assignments and role policy. The one place the ledger, evidence and
// progress ask.
//
// - Seats: a person holds the seats given to them in bodies, and those
//   given to every unit they head (Person.heads_unit_ids; "各科室负责同志为
//   成员"). A seat without a role counts as a 成员 (member).
// - The role policy (RolePolicy, with defaults that follow the plans) says
//   which seats may issue, verify, decide and sign off.
// - A person acts for the unit they work in and the units they head, and so
//   for every unit above those; they decide on no item of a unit they act
//   for, nor of a unit below one they head.
// - Supervisors (督查): members of bodies marked `supervises`, else (when no
//   body is) of office bodies. The office (办公室): members of office bodies.
//   Campaign leaders: the leading group's 组长 and 副组长.
// - A task's lead leaders (责任领导) and responsible units (责任单位, 牵头单位)
//   are its own and those of every task above it; its nearest responsible
//   units are its own, else its nearest ancestor's that has any.
//
// People, units and tasks are positions (CampaignIndex); kNoIndex answers
// false. Thread safety: immutable; safe to share.
#ifndef CHUANGWEN_ROLES_H_
#define CHUANGWEN_ROLES_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "chuangwen/campaign_index.h"

namespace chuangwen {

// The plans' defaults for every action (see RolePolicy in
// organization.proto); a campaign's own rules replace them action by action.
v1::RolePolicy DefaultRolePolicy();

class Roles {
 public:
  Roles(const v1::Campaign& campaign, const CampaignIndex& index);

  bool Supervises(int32_t person) const { return Has(person, kSupervisor); }
  bool InOffice(int32_t person) const { return Has(person, kOffice); }
  bool LeadsCampaign(int32_t person) const { return Has(person, kLeader); }

  // The role policy allows the person to take `action`; `task` is the
  // task concerned (for the lead-leader seat), or kNoIndex.
  bool May(int32_t person, v1::PolicyAction action,
           int32_t task = kNoIndex) const;
  // Who may take `action`, in words, for refusals.
  const std::string& WhoMay(v1::PolicyAction action) const;

  // The person works in or heads `unit` or a unit below it: they act for
  // it (start, submit, report).
  bool BelongsTo(int32_t person, int32_t unit) const;
  // `unit` is the person's own unit or above it, or a unit they head, above
  // one or below one: they may not verify, reject, extend or 挂账 its items.
  // (A plain member of a bureau may decide on its sections' items; its
  // head, or a deputy in charge of a section, may not.)
  bool AnswersFor(int32_t person, int32_t unit) const;
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
  static constexpr size_t kActions = v1::PolicyAction_ARRAYSIZE;
  bool Has(int32_t person, Flag f) const {
    return person >= 0 && static_cast<size_t>(person) < flags_.size() &&
           (flags_[static_cast<size_t>(person)] & f) != 0;
  }
  struct Seat {
    int32_t body;
    v1::MemberRole role;
  };
  struct TaskRoles {
    std::vector<int32_t> leaders;      // Own and inherited, sorted.
    std::vector<int32_t> responsible;  // Own and inherited, sorted.
    std::vector<int32_t> nearest;      // Own, else the nearest ancestor's.
  };
  bool SeatMatches(const v1::SeatSelector& s, const Seat& seat) const;
  const std::vector<int32_t>& HeadedBy(int32_t person) const;

  const v1::Campaign& campaign_;
  const CampaignIndex& index_;
  std::vector<uint8_t> flags_;                   // Per person.
  std::vector<int32_t> person_unit_;             // Per person.
  std::vector<std::vector<int32_t>> heads_;  // Units headed, per person.
  std::vector<std::vector<Seat>> seats_;         // Per person.
  std::array<v1::PolicyRule, kActions> policy_;  // Per action.
  std::array<std::string, kActions> who_may_;
  std::vector<TaskRoles> tasks_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_ROLES_H_
