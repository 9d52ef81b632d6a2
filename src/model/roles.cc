#include "chuangwen/roles.h"

#include <algorithm>

namespace chuangwen {
namespace {

void SortUnique(std::vector<int32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Contains(const std::vector<int32_t>& sorted, int32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

}  // namespace

Roles::Roles(const v1::Campaign& c, const CampaignIndex& index)
    : index_(index) {
  flags_.assign(static_cast<size_t>(c.people_size()), 0);
  person_unit_.resize(static_cast<size_t>(c.people_size()));
  for (int32_t p = 0; p < c.people_size(); ++p)
    person_unit_[static_cast<size_t>(p)] = index.Unit(c.people(p).unit_id());
  const bool any_supervises =
      std::any_of(c.bodies().begin(), c.bodies().end(),
                  [](const v1::Body& b) { return b.supervises(); });
  for (const v1::Body& b : c.bodies()) {
    for (const v1::Member& m : b.members()) {
      const int32_t p = index.Person(m.person_id());
      if (p == kNoIndex) continue;
      uint8_t& f = flags_[static_cast<size_t>(p)];
      if (any_supervises ? b.supervises() : b.kind() == v1::BODY_KIND_OFFICE)
        f |= kSupervisor;
      if (b.kind() == v1::BODY_KIND_OFFICE) f |= kOffice;
      if (b.kind() == v1::BODY_KIND_LEADING_GROUP &&
          (m.role() == v1::MEMBER_ROLE_LEADER ||
           m.role() == v1::MEMBER_ROLE_DEPUTY_LEADER))
        f |= kLeader;
    }
  }
  // Each task's own parties, then each task's inherited ones by walking up
  // (a parent cycle, a validation problem, stops where it repeats).
  const size_t n = static_cast<size_t>(c.tasks_size());
  std::vector<TaskRoles> own(n);
  for (const v1::Assignment& a : c.assignments()) {
    const int32_t t = index.Task(a.task_id());
    if (t == kNoIndex) continue;
    TaskRoles& r = own[static_cast<size_t>(t)];
    if (a.role() == v1::ASSIGNMENT_ROLE_LEAD_LEADER) {
      const int32_t p = index.Person(a.person_id());
      if (p != kNoIndex) r.leaders.push_back(p);
    } else if (a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT ||
               a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT) {
      const int32_t u = index.Unit(a.unit_id());
      if (u != kNoIndex) r.responsible.push_back(u);
    }
  }
  tasks_.resize(n);
  std::vector<int32_t> path;
  for (size_t t = 0; t < n; ++t) {
    TaskRoles& r = tasks_[t];
    path.clear();
    for (int32_t x = static_cast<int32_t>(t);
         x != kNoIndex && path.size() <= n &&
         std::find(path.begin(), path.end(), x) == path.end();
         x = index.Task(c.tasks(x).parent_id())) {
      path.push_back(x);
      const TaskRoles& o = own[static_cast<size_t>(x)];
      r.leaders.insert(r.leaders.end(), o.leaders.begin(), o.leaders.end());
      r.responsible.insert(r.responsible.end(), o.responsible.begin(),
                           o.responsible.end());
      if (r.nearest.empty()) r.nearest = o.responsible;
    }
    SortUnique(&r.leaders);
    SortUnique(&r.responsible);
    SortUnique(&r.nearest);
  }
}

int32_t Roles::UnitOf(int32_t person) const {
  if (person < 0 || static_cast<size_t>(person) >= person_unit_.size())
    return kNoIndex;
  return person_unit_[static_cast<size_t>(person)];
}

bool Roles::BelongsTo(int32_t person, int32_t unit) const {
  return index_.UnitAtOrUnder(UnitOf(person), unit);
}

bool Roles::LeadsTask(int32_t person, int32_t task) const {
  if (task < 0 || static_cast<size_t>(task) >= tasks_.size()) return false;
  return Contains(tasks_[static_cast<size_t>(task)].leaders, person);
}

bool Roles::ResponsibleFor(int32_t unit, int32_t task) const {
  if (task < 0 || static_cast<size_t>(task) >= tasks_.size()) return false;
  return Contains(tasks_[static_cast<size_t>(task)].responsible, unit);
}

const std::vector<int32_t>& Roles::NearestResponsibleUnits(
    int32_t task) const {
  static const std::vector<int32_t> kNone;
  if (task < 0 || static_cast<size_t>(task) >= tasks_.size()) return kNone;
  return tasks_[static_cast<size_t>(task)].nearest;
}

}  // namespace chuangwen
