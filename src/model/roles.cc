#include "chuangwen/roles.h"

#include <algorithm>

namespace chuangwen {
namespace {

using v1::MemberRole;

v1::SeatSelector Seats(v1::BodyKind kind, std::vector<MemberRole> roles) {
  v1::SeatSelector s;
  s.set_body_kind(kind);
  for (MemberRole r : roles) s.add_roles(r);
  return s;
}

v1::SeatSelector SupervisingSeats(std::vector<MemberRole> roles) {
  v1::SeatSelector s;
  s.set_supervising_bodies(true);
  for (MemberRole r : roles) s.add_roles(r);
  return s;
}

const char* RoleName(MemberRole r) {
  switch (r) {
    case v1::MEMBER_ROLE_LEADER: return "组长";
    case v1::MEMBER_ROLE_DEPUTY_LEADER: return "副组长";
    case v1::MEMBER_ROLE_DIRECTOR: return "主任";
    case v1::MEMBER_ROLE_DEPUTY_DIRECTOR: return "副主任";
    case v1::MEMBER_ROLE_LIAISON: return "联络员";
    default: return "成员";
  }
}

const char* KindName(v1::BodyKind k) {
  switch (k) {
    case v1::BODY_KIND_LEADING_GROUP: return "the leading group";
    case v1::BODY_KIND_OFFICE: return "the office";
    case v1::BODY_KIND_WORKING_GROUP: return "working groups";
    default: return "bodies of no kind";
  }
}

// "主任 or 副主任 of the office (领导小组办公室)".
std::string Describe(const v1::SeatSelector& s, const v1::Campaign& c) {
  if (s.task_lead_leader()) return "the task's lead leader (责任领导)";
  std::string roles;
  for (int i = 0; i < s.roles_size(); ++i) {
    if (i > 0) roles += i + 1 == s.roles_size() ? " or " : ", ";
    roles += RoleName(s.roles(i));
  }
  std::string bodies;
  for (const v1::Body& b : c.bodies()) {
    const bool match = !s.body_id().empty() ? b.id() == s.body_id()
                       : s.supervising_bodies() ? b.supervises()
                                                : b.kind() == s.body_kind();
    if (!match) continue;
    bodies += bodies.empty() ? "" : ", ";
    bodies += b.name().empty() ? b.id() : b.name();
  }
  std::string what = !s.body_id().empty() ? "body '" + s.body_id() + "'"
                     : s.supervising_bodies()
                         ? std::string("supervising bodies")
                         : std::string(KindName(s.body_kind()));
  if (!bodies.empty() && s.body_id().empty()) what += " (" + bodies + ")";
  return (roles.empty() ? "members" : roles) + " of " + what;
}

void SortUnique(std::vector<int32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Contains(const std::vector<int32_t>& sorted, int32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

}  // namespace

v1::RolePolicy DefaultRolePolicy() {
  using v1::BODY_KIND_LEADING_GROUP;
  using v1::BODY_KIND_OFFICE;
  const std::vector<MemberRole> office_deciders = {
      v1::MEMBER_ROLE_DIRECTOR, v1::MEMBER_ROLE_DEPUTY_DIRECTOR};
  const std::vector<MemberRole> supervising_deciders = {
      v1::MEMBER_ROLE_LEADER, v1::MEMBER_ROLE_DEPUTY_LEADER,
      v1::MEMBER_ROLE_DIRECTOR, v1::MEMBER_ROLE_DEPUTY_DIRECTOR,
      v1::MEMBER_ROLE_MEMBER};
  v1::RolePolicy policy;
  auto add = [&](v1::PolicyAction action,
                 std::vector<v1::SeatSelector> seats) {
    v1::PolicyRule* rule = policy.add_rules();
    rule->set_action(action);
    for (v1::SeatSelector& s : seats) *rule->add_seats() = std::move(s);
  };
  for (v1::PolicyAction a :
       {v1::POLICY_ACTION_ISSUE, v1::POLICY_ACTION_REMIND}) {
    add(a, {Seats(BODY_KIND_OFFICE, {}), SupervisingSeats({})});
  }
  add(v1::POLICY_ACTION_ACCEPT_PUBLIC_REPORT, {Seats(BODY_KIND_OFFICE, {})});
  for (v1::PolicyAction a :
       {v1::POLICY_ACTION_VERIFY, v1::POLICY_ACTION_DECIDE_EXTENSION,
        v1::POLICY_ACTION_PLACE_LONG_TERM, v1::POLICY_ACTION_BULLETIN,
        v1::POLICY_ACTION_PROPOSE_ESCALATION,
        v1::POLICY_ACTION_REVIEW_PROGRESS}) {
    add(a, {Seats(BODY_KIND_OFFICE, office_deciders),
            SupervisingSeats(supervising_deciders)});
  }
  add(v1::POLICY_ACTION_DECIDE_ESCALATION,
      {Seats(BODY_KIND_LEADING_GROUP,
             {v1::MEMBER_ROLE_LEADER, v1::MEMBER_ROLE_DEPUTY_LEADER})});
  v1::SeatSelector lead_leader;
  lead_leader.set_task_lead_leader(true);
  add(v1::POLICY_ACTION_SIGN_OFF_EVIDENCE, {lead_leader});
  add(v1::POLICY_ACTION_REJECT_EVIDENCE,
      {lead_leader, Seats(BODY_KIND_OFFICE, office_deciders),
       SupervisingSeats(supervising_deciders)});
  return policy;
}

Roles::Roles(const v1::Campaign& c, const CampaignIndex& index)
    : campaign_(c), index_(index) {
  const size_t people = static_cast<size_t>(c.people_size());
  flags_.assign(people, 0);
  person_unit_.resize(people);
  heads_.resize(people);
  seats_.resize(people);
  std::vector<std::vector<int32_t>> heads_of_unit(
      static_cast<size_t>(c.units_size()));
  for (int32_t p = 0; p < c.people_size(); ++p) {
    const v1::Person& person = c.people(p);
    const int32_t own = index.Unit(person.unit_id());
    person_unit_[static_cast<size_t>(p)] = own;
    std::vector<int32_t>& heads = heads_[static_cast<size_t>(p)];
    for (const std::string& id : person.heads_unit_ids()) {
      const int32_t u = index.Unit(id);
      if (u != kNoIndex) heads.push_back(u);
    }
    SortUnique(&heads);
    for (int32_t u : heads) heads_of_unit[static_cast<size_t>(u)].push_back(p);
  }
  for (int32_t b = 0; b < c.bodies_size(); ++b) {
    for (const v1::Member& m : c.bodies(b).members()) {
      MemberRole role = m.role() == v1::MEMBER_ROLE_UNSPECIFIED
                            ? v1::MEMBER_ROLE_MEMBER
                            : m.role();
      const int32_t p = index.Person(m.person_id());
      if (p != kNoIndex) seats_[static_cast<size_t>(p)].push_back({b, role});
      const int32_t u = m.person_id().empty() ? index.Unit(m.unit_id())
                                              : kNoIndex;
      if (u == kNoIndex) continue;
      for (int32_t head : heads_of_unit[static_cast<size_t>(u)])
        seats_[static_cast<size_t>(head)].push_back({b, role});
    }
  }
  const bool any_supervises =
      std::any_of(c.bodies().begin(), c.bodies().end(),
                  [](const v1::Body& b) { return b.supervises(); });
  for (size_t p = 0; p < people; ++p) {
    for (const Seat& seat : seats_[p]) {
      const v1::Body& b = c.bodies(seat.body);
      uint8_t& f = flags_[p];
      if (any_supervises ? b.supervises() : b.kind() == v1::BODY_KIND_OFFICE)
        f |= kSupervisor;
      if (b.kind() == v1::BODY_KIND_OFFICE) f |= kOffice;
      if (b.kind() == v1::BODY_KIND_LEADING_GROUP &&
          (seat.role == v1::MEMBER_ROLE_LEADER ||
           seat.role == v1::MEMBER_ROLE_DEPUTY_LEADER))
        f |= kLeader;
    }
  }
  const v1::RolePolicy defaults = DefaultRolePolicy();
  for (const v1::RolePolicy* policy : {&defaults, &c.role_policy()}) {
    for (const v1::PolicyRule& rule : policy->rules()) {
      const size_t a = static_cast<size_t>(rule.action());
      if (a < kActions) policy_[a] = rule;
    }
  }
  for (size_t a = 0; a < kActions; ++a) {
    std::string& who = who_may_[a];
    for (const v1::SeatSelector& s : policy_[a].seats())
      who += (who.empty() ? "" : "; ") + Describe(s, c);
    if (who.empty()) who = "nobody";
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

const std::vector<int32_t>& Roles::HeadedBy(int32_t person) const {
  static const std::vector<int32_t> kNone;
  if (person < 0 || static_cast<size_t>(person) >= heads_.size()) return kNone;
  return heads_[static_cast<size_t>(person)];
}

bool Roles::BelongsTo(int32_t person, int32_t unit) const {
  if (index_.UnitAtOrUnder(UnitOf(person), unit)) return true;
  for (int32_t head : HeadedBy(person))
    if (index_.UnitAtOrUnder(head, unit)) return true;
  return false;
}

bool Roles::AnswersFor(int32_t person, int32_t unit) const {
  if (index_.UnitAtOrUnder(UnitOf(person), unit)) return true;
  for (int32_t head : HeadedBy(person))
    if (index_.UnitAtOrUnder(unit, head) || index_.UnitAtOrUnder(head, unit))
      return true;
  return false;
}

bool Roles::SeatMatches(const v1::SeatSelector& s, const Seat& seat) const {
  const v1::Body& b = campaign_.bodies(seat.body);
  const bool body = !s.body_id().empty() ? b.id() == s.body_id()
                    : s.supervising_bodies() ? b.supervises()
                    : s.body_kind() != v1::BODY_KIND_UNSPECIFIED
                        ? b.kind() == s.body_kind()
                        : false;
  if (!body) return false;
  return s.roles().empty() ||
         std::find(s.roles().begin(), s.roles().end(), seat.role) !=
             s.roles().end();
}

bool Roles::May(int32_t person, v1::PolicyAction action, int32_t task) const {
  const size_t a = static_cast<size_t>(action);
  if (a >= kActions || person < 0 ||
      static_cast<size_t>(person) >= seats_.size())
    return false;
  for (const v1::SeatSelector& s : policy_[a].seats()) {
    if (s.task_lead_leader()) {
      if (LeadsTask(person, task)) return true;
      continue;
    }
    for (const Seat& seat : seats_[static_cast<size_t>(person)])
      if (SeatMatches(s, seat)) return true;
  }
  return false;
}

const std::string& Roles::WhoMay(v1::PolicyAction action) const {
  static const std::string kNobody = "nobody";
  const size_t a = static_cast<size_t>(action);
  return a < kActions ? who_may_[a] : kNobody;
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
