#include "import/plan_proposals.h"

#include <algorithm>
#include <map>
#include <set>

namespace chuangwen::internal {
namespace {

bool Mentions(const v1::Campaign& c, std::initializer_list<const char*> words) {
  for (const v1::TextBlock& b : c.text_blocks()) {
    for (const char* w : words) {
      if (b.text().find(w) != std::string::npos ||
          b.title().find(w) != std::string::npos)
        return true;
    }
  }
  for (const v1::Duty& d : c.schedule().duties())
    for (const char* w : words)
      if (d.title().find(w) != std::string::npos) return true;
  return false;
}

const v1::Document* PlanDocument(const v1::Campaign& c) {
  for (const v1::Document& d : c.documents())
    if (d.id() == c.plan_document_id()) return &d;
  return nullptr;
}

bool HasUnit(const v1::Campaign& c, const std::string& id) {
  return !id.empty() &&
         std::any_of(c.units().begin(), c.units().end(),
                     [&](const v1::Unit& u) { return u.id() == id; });
}

// The unit that issued the plan, when it is one of the campaign's units.
std::string IssuingUnit(const v1::Campaign& c) {
  const v1::Document* plan = PlanDocument(c);
  if (plan != nullptr && HasUnit(c, plan->issuer())) return plan->issuer();
  return "";
}

// The unit hosting the office: its host, else a unit named 办公室.
std::string OfficeUnit(const v1::Campaign& c) {
  for (const v1::Body& b : c.bodies())
    if (b.kind() == v1::BODY_KIND_OFFICE && HasUnit(c, b.host_unit_id()))
      return b.host_unit_id();
  for (const v1::Unit& u : c.units())
    if (u.name() == "办公室") return u.id();
  return IssuingUnit(c);
}

v1::Person* FindPerson(v1::Campaign* c, const std::string& id) {
  for (v1::Person& p : *c->mutable_people())
    if (p.id() == id) return &p;
  return nullptr;
}

// Units that answer for some task (responsible or lead).
std::set<std::string> ResponsibleUnits(const v1::Campaign& c) {
  std::set<std::string> out;
  for (const v1::Assignment& a : c.assignments()) {
    if (a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT ||
        a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT)
      out.insert(a.unit_id());
  }
  return out;
}

}  // namespace

void SeatPeople(v1::Campaign* c, std::vector<std::string>* notes) {
  const std::string issuer = IssuingUnit(*c);
  const std::string office_unit = OfficeUnit(*c);
  // The leading group first: a deputy who also directs the office is one
  // of the issuing unit's leaders.
  std::vector<v1::Body*> bodies;
  for (v1::Body& b : *c->mutable_bodies())
    if (b.kind() == v1::BODY_KIND_LEADING_GROUP) bodies.push_back(&b);
  for (v1::Body& b : *c->mutable_bodies())
    if (b.kind() != v1::BODY_KIND_LEADING_GROUP) bodies.push_back(&b);
  for (v1::Body* b : bodies) {
    const std::string unit =
        b->kind() == v1::BODY_KIND_OFFICE && HasUnit(*c, b->host_unit_id())
            ? b->host_unit_id()
            : issuer;
    if (unit.empty()) continue;
    for (const v1::Member& m : b->members()) {
      v1::Person* p = FindPerson(c, m.person_id());
      if (p == nullptr || !p->unit_id().empty()) continue;
      p->set_unit_id(unit);
      if (b->kind() == v1::BODY_KIND_LEADING_GROUP &&
          m.role() == v1::MEMBER_ROLE_LEADER && unit == issuer) {
        p->add_heads_unit_ids(unit);
        notes->push_back("seated " + p->name() + " (组长) as head of " + unit);
      } else {
        notes->push_back("seated " + p->name() + " in " + unit + " (" +
                         b->name() + ")");
      }
    }
  }
  for (const v1::Assignment& a : c->assignments()) {
    if (a.role() != v1::ASSIGNMENT_ROLE_LEAD_LEADER || issuer.empty()) continue;
    v1::Person* p = FindPerson(c, a.person_id());
    if (p == nullptr || !p->unit_id().empty()) continue;
    p->set_unit_id(issuer);
    notes->push_back("seated " + p->name() + " (责任领导) in " + issuer);
  }
  // Stand-ins for units nobody is named in.
  std::set<std::string> staffed;
  for (const v1::Person& p : c->people()) {
    staffed.insert(p.unit_id());
    staffed.insert(p.heads_unit_ids().begin(), p.heads_unit_ids().end());
  }
  std::set<std::string> wanted = ResponsibleUnits(*c);
  for (const v1::Body& b : c->bodies())
    for (const v1::Member& m : b.members())
      if (!m.unit_id().empty()) wanted.insert(m.unit_id());
  for (const v1::Unit& u : c->units()) {
    if (!wanted.count(u.id()) || staffed.count(u.id())) continue;
    v1::Person* p = c->add_people();
    p->set_id(u.id() + "负责同志");
    p->set_name(u.name() + "负责同志");
    p->set_unit_id(u.id());
    p->add_heads_unit_ids(u.id());
    p->set_title("负责人");
    p->set_proposed(true);
    notes->push_back("stand-in " + p->name() + " heads " + u.id() +
                     " (the plan names nobody there): put the real name in");
  }
  // An office without a named member gets a stand-in 主任.
  for (v1::Body& b : *c->mutable_bodies()) {
    if (b.kind() != v1::BODY_KIND_OFFICE) continue;
    if (std::any_of(b.members().begin(), b.members().end(),
                    [](const v1::Member& m) { return !m.person_id().empty(); }))
      continue;
    v1::Person* p = c->add_people();
    const std::string name = (b.name().empty() ? "办公室" : b.name()) + "主任";
    p->set_id(name);
    p->set_name(name);
    p->set_unit_id(office_unit);
    p->set_title("主任");
    p->set_proposed(true);
    v1::Member* m = b.add_members();
    m->set_person_id(p->id());
    m->set_role(v1::MEMBER_ROLE_DIRECTOR);
    m->set_note("导入时补充，待确认");
    notes->push_back("stand-in " + name + " directs " + b.id() +
                     " (the plan names no member): put the real name in");
  }
}

void FillResponsibilityGaps(v1::Campaign* c, std::vector<std::string>* notes) {
  // Responsible wins over assisting for the same unit and task.
  std::set<std::pair<std::string, std::string>> responsible;
  for (const v1::Assignment& a : c->assignments()) {
    if (a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT ||
        a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT)
      responsible.insert({a.task_id(), a.unit_id()});
  }
  auto* assignments = c->mutable_assignments();
  for (int i = assignments->size(); i-- > 0;) {
    const v1::Assignment& a = assignments->Get(i);
    if (a.role() != v1::ASSIGNMENT_ROLE_ASSISTING_UNIT ||
        !responsible.count({a.task_id(), a.unit_id()}))
      continue;
    notes->push_back("task " + a.task_id() + ": " + a.unit_id() +
                     " is responsible for it and also listed as assisting; "
                     "kept as responsible");
    assignments->erase(assignments->begin() + i);
  }
  // Leaf tasks nobody answers for, by themselves or through a task above.
  std::map<std::string, std::string> parent;
  std::set<std::string> has_children, answered;
  for (const v1::Task& t : c->tasks()) {
    parent[t.id()] = t.parent_id();
    if (!t.parent_id().empty()) has_children.insert(t.parent_id());
  }
  for (const auto& [task, unit] : responsible) answered.insert(task);
  const std::string office = OfficeUnit(*c);
  if (office.empty()) return;
  for (const v1::Task& t : c->tasks()) {
    if (has_children.count(t.id())) continue;
    bool found = false;
    std::set<std::string> seen;
    for (std::string x = t.id(); !x.empty() && seen.insert(x).second;
         x = parent[x])
      found = found || answered.count(x) > 0;
    if (found) continue;
    v1::Assignment* a = c->add_assignments();
    a->set_task_id(t.id());
    a->set_unit_id(office);
    a->set_role(v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
    a->set_label("待确认");
    notes->push_back("task " + t.id() + " names no responsible unit: " +
                     office + " (hosting the office) proposed; review it");
  }
}

void ProposeAssessment(v1::Campaign* c, std::vector<std::string>* notes) {
  v1::Assessment* a = c->mutable_assessment();
  if (a->schemes_size() > 0) return;
  const bool quarterly =
      Mentions(*c, {"重点工作考核", "每季度", "季度考核"});
  const bool monthly_stated = Mentions(
      *c, {"专项整治考核", "月度考核", "每月考核", "每月排名", "每月通报"});
  a->set_proposed(true);
  v1::Scheme* m = a->add_schemes();
  m->set_id("monthly");
  m->set_name(monthly_stated ? "专项整治考核" : "月度督查考核");
  auto deduction = [](v1::Scheme* s, const char* id, const char* name,
                      double points, double per) {
    v1::Indicator* i = s->add_indicators();
    i->set_id(id);
    i->set_name(name);
    i->set_points(points);
    i->mutable_deduction()->set_per_occurrence(per);
    i->mutable_deduction()->set_floor_at_zero(true);
  };
  deduction(m, "M1", "督查发现问题", 50, 5);
  deduction(m, "M2", "逾期未整改问题", 50, 10);
  v1::SupervisionRules* rules = c->mutable_supervision();
  v1::DeductionSource* found = rules->add_deductions();
  found->set_indicator_id("M1");
  found->set_basis(v1::FINDINGS);
  v1::DeductionSource* overdue = rules->add_deductions();
  overdue->set_indicator_id("M2");
  overdue->set_basis(v1::OVERDUE_ITEMS);
  v1::Component* monthly = a->add_components();
  monthly->set_id("special");
  monthly->set_name(m->name());
  monthly->set_scheme_id("monthly");
  monthly->set_period_kind(v1::MONTH);
  monthly->set_aggregation(v1::MEAN);
  monthly->set_weight(quarterly ? 0.6 : 1.0);
  notes->push_back(std::string("assessment proposed: a monthly ranking (") +
                   m->name() +
                   ") from the supervision ledger, 5 points off per finding "
                   "and 10 per overdue item" +
                   (monthly_stated ? "" : " (the plan states no monthly one)"));
  if (quarterly) {
    v1::Scheme* q = a->add_schemes();
    q->set_id("quarterly");
    q->set_name("重点工作考核");
    v1::Indicator* i = q->add_indicators();
    i->set_id("Q1");
    i->set_name("重点工作完成情况");
    i->set_points(100);
    i->mutable_direct();
    v1::Component* k = a->add_components();
    k->set_id("key-work");
    k->set_name("重点工作考核");
    k->set_scheme_id("quarterly");
    k->set_period_kind(v1::QUARTER);
    k->set_aggregation(v1::MEAN);
    k->set_weight(0.4);
    notes->push_back(
        "assessment proposed: a quarterly ranking (重点工作考核) scored by the "
        "office; the composite weighs it 0.4 against 0.6 for the monthly one");
  }
  for (const auto& [name, min] :
       std::vector<std::pair<const char*, double>>{
           {"优秀", 90}, {"良好", 80}, {"合格", 60}}) {
    v1::GradeBandRule* g = a->add_grades();
    g->set_name(name);
    g->set_min_score(min);
  }
  a->set_fail_grade("不合格");
  if (Mentions(*c, {"通报表扬"})) a->set_commend(1);
  if (Mentions(*c, {"通报批评"})) a->set_criticize(1);
  if (Mentions(*c, {"一票否决"})) {
    notes->push_back("the plan states 一票否决: enter each veto with its unit "
                     "and period; it fails the unit's year");
  }
  const std::string issuer = IssuingUnit(*c);
  std::set<std::string> assessed = ResponsibleUnits(*c);
  assessed.erase(issuer);
  for (const v1::Unit& u : c->units())
    if (assessed.count(u.id())) a->add_assessed_unit_ids(u.id());
  if (rules->notice_series().empty()) {
    const v1::Document* plan = PlanDocument(*c);
    std::string prefix;
    if (plan != nullptr) {
      const size_t bracket = plan->number().find("〔");
      if (bracket != std::string::npos) prefix = plan->number().substr(0, bracket);
    }
    rules->set_notice_series(prefix + "督改〔{year}〕{n}号");
    notes->push_back("notice series proposed: " + rules->notice_series());
  }
}

}  // namespace chuangwen::internal
