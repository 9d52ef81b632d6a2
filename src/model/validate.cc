#include "chuangwen/validate.h"

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "chuangwen/assessment.h"
#include "chuangwen/evidence.h"
#include "chuangwen/ledger.h"
#include "chuangwen/progress.h"
#include "chuangwen/schedule.h"
#include "model/task_coverage.h"
#include "model/validate_internal.h"
#include "chuangwen/date.h"
#include "chuangwen/time_zone.h"
#include "model/text_check.h"

namespace chuangwen {
namespace internal {

void AddProblem(v1::ValidationReport* report, v1::ProblemCode code,
                std::string message, std::string location,
                std::string subject_id) {
  v1::Problem* p = report->add_problems();
  p->set_code(code);
  p->set_message(std::move(message));
  p->set_location(std::move(location));
  p->set_subject_id(std::move(subject_id));
}

std::string FieldPath(const char* repeated, int i, const char* field) {
  std::string out = repeated;
  out += '[';
  out += std::to_string(i);
  out += ']';
  if (field != nullptr && *field != '\0') {
    out += '.';
    out += field;
  }
  return out;
}

}  // namespace internal

namespace {

// The engines' rules, each registered through its public header: the one
// place the model meets the engines.
const ValidationRules& EngineRules() {
  static const ValidationRules rules = [] {
    ValidationRules r;
    AddScheduleValidationRules(&r);
    AddAssessmentValidationRules(&r);
    AddEvidenceValidationRules(&r);
    AddProgressValidationRules(&r);
    AddLedgerValidationRules(&r);
    return r;
  }();
  return rules;
}

using internal::AddProblem;
using internal::FieldPath;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

class Validator {
 public:
  Validator(const v1::Campaign& c, const CampaignIndex& index,
            v1::ValidationReport* report)
      : c_(c), index_(index), report_(report) {}

  void Run() {
    CheckTextAndZone();
    CheckIds();
    CheckReferences();
    CheckAssignmentShapes();
    CheckDates();
    internal::CheckParentCycles(c_, index_, report_);
    CheckResponsibleUnits();
    CheckLeadLeaders();
    CheckResponsibleAndAssisting();
    internal::CheckRoles(c_, index_, report_);
    EngineRules().Run(c_, index_, report_);
  }

 private:
  // Rule 13, first: a string that is not valid UTF-8 would be stored but
  // could never be read back.
  void CheckTextAndZone() {
    std::vector<internal::TextIssue> issues;
    internal::FindTextIssues(c_, &issues);
    for (const internal::TextIssue& i : issues) {
      AddProblem(report_, v1::PROBLEM_CODE_INVALID_VALUE,
                 i.path + " " + i.problem, i.path, "");
    }
    if (!c_.time_zone().empty()) {
      std::shared_ptr<const TimeZone> zone;
      Status s = TimeZone::Find(c_.time_zone(), &zone);
      if (!s.ok()) {
        AddProblem(report_, v1::PROBLEM_CODE_INVALID_VALUE, s.message(),
                   "time_zone", "");
      }
    }
  }

  // Rule 1.
  template <typename Repeated>
  void CheckIdsOf(const Repeated& items, const char* repeated,
                  const char* kind) {
    std::unordered_map<std::string, int> first;
    for (int i = 0; i < items.size(); ++i) {
      const auto& item = items.Get(i);
      if (item.id().empty()) {
        AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                   std::string(kind) + " at " + FieldPath(repeated, i, "") +
                       " has no id",
                   FieldPath(repeated, i, "id"), "");
        continue;
      }
      auto [it, inserted] = first.emplace(item.id(), i);
      if (!inserted) {
        AddProblem(report_, v1::PROBLEM_CODE_DUPLICATE_ID,
                   std::string(kind) + " id " + Quote(item.id()) +
                       " is used again (first at " +
                       FieldPath(repeated, it->second, "") + ")",
                   FieldPath(repeated, i, "id"), item.id());
      }
    }
  }

  template <typename Repeated>
  void CheckNamesOf(const Repeated& items, const char* repeated,
                    const char* kind) {
    for (int i = 0; i < items.size(); ++i) {
      const auto& item = items.Get(i);
      if (item.name().empty() && !item.id().empty()) {
        AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                   std::string(kind) + " " + Quote(item.id()) + " has no name",
                   FieldPath(repeated, i, "name"), item.id());
      }
    }
  }

  void CheckIds() {
    CheckIdsOf(c_.units(), "units", "unit");
    CheckIdsOf(c_.people(), "people", "person");
    CheckIdsOf(c_.bodies(), "bodies", "body");
    CheckIdsOf(c_.documents(), "documents", "document");
    CheckIdsOf(c_.tasks(), "tasks", "task");
    CheckNamesOf(c_.units(), "units", "unit");
    CheckNamesOf(c_.people(), "people", "person");
    CheckNamesOf(c_.bodies(), "bodies", "body");
    for (int i = 0; i < c_.tasks_size(); ++i) {
      const v1::Task& t = c_.tasks(i);
      if (t.title().empty() && t.text().empty() && !t.id().empty()) {
        AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                   "task " + t.id() + " has neither title nor text",
                   FieldPath("tasks", i, "title"), t.id());
      }
    }
  }

  // Rule 2. `owner` describes the referring entity, e.g. "task 2.3".
  void Ref(bool exists, const std::string& id, const std::string& owner,
           const char* what, const std::string& location,
           const std::string& subject) {
    if (id.empty() || exists) return;
    AddProblem(report_, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
               owner + ": " + what + " " + Quote(id) + " does not exist",
               location, subject);
  }

  void CheckReferences() {
    for (int i = 0; i < c_.units_size(); ++i) {
      const v1::Unit& u = c_.units(i);
      Ref(index_.Unit(u.parent_id()) != kNoIndex, u.parent_id(),
          "unit " + Quote(u.id()), "parent unit",
          FieldPath("units", i, "parent_id"), u.id());
    }
    for (int i = 0; i < c_.people_size(); ++i) {
      const v1::Person& p = c_.people(i);
      Ref(index_.Unit(p.unit_id()) != kNoIndex, p.unit_id(),
          "person " + Quote(p.id()), "unit", FieldPath("people", i, "unit_id"),
          p.id());
    }
    for (int i = 0; i < c_.bodies_size(); ++i) {
      const v1::Body& b = c_.bodies(i);
      std::string owner = "body " + Quote(b.id());
      Ref(index_.Body(b.parent_body_id()) != kNoIndex, b.parent_body_id(),
          owner, "parent body", FieldPath("bodies", i, "parent_body_id"),
          b.id());
      Ref(index_.Unit(b.host_unit_id()) != kNoIndex, b.host_unit_id(), owner,
          "host unit", FieldPath("bodies", i, "host_unit_id"), b.id());
      for (int m = 0; m < b.members_size(); ++m) {
        const v1::Member& member = b.members(m);
        std::string at =
            FieldPath("bodies", i, "") + FieldPath(".members", m, "");
        Ref(index_.Person(member.person_id()) != kNoIndex, member.person_id(),
            owner, "member person", at + ".person_id", b.id());
        Ref(index_.Unit(member.unit_id()) != kNoIndex, member.unit_id(), owner,
            "member unit", at + ".unit_id", b.id());
        if (member.person_id().empty() == member.unit_id().empty()) {
          AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                     owner + ": member " + std::to_string(m) +
                         " must name exactly one of person_id or unit_id",
                     at, b.id());
        }
        if (member.role() == v1::MEMBER_ROLE_UNSPECIFIED) {
          AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                     owner + ": member " + std::to_string(m) + " has no role",
                     at + ".role", b.id());
        } else if (!v1::MemberRole_IsValid(member.role())) {
          AddProblem(report_, v1::PROBLEM_CODE_INVALID_VALUE,
                     owner + ": member " + std::to_string(m) +
                         " has unknown role " + std::to_string(member.role()),
                     at + ".role", b.id());
        }
      }
    }
    for (int i = 0; i < c_.documents_size(); ++i) {
      const v1::Document& d = c_.documents(i);
      for (int p = 0; p < d.parent_ids_size(); ++p) {
        Ref(index_.Document(d.parent_ids(p)) != kNoIndex, d.parent_ids(p),
            "document " + Quote(d.id()), "parent document",
            FieldPath("documents", i, "") + FieldPath(".parent_ids", p, ""),
            d.id());
      }
    }
    Ref(index_.Document(c_.plan_document_id()) != kNoIndex,
        c_.plan_document_id(), "campaign", "plan document", "plan_document_id",
        c_.id());
    for (int i = 0; i < c_.tasks_size(); ++i) {
      const v1::Task& t = c_.tasks(i);
      std::string owner = "task " + t.id();
      Ref(index_.Task(t.parent_id()) != kNoIndex, t.parent_id(), owner,
          "parent task", FieldPath("tasks", i, "parent_id"), t.id());
      Ref(index_.Document(t.document_id()) != kNoIndex, t.document_id(), owner,
          "document", FieldPath("tasks", i, "document_id"), t.id());
      for (int k = 0; k < t.implements_task_ids_size(); ++k) {
        Ref(index_.Task(t.implements_task_ids(k)) != kNoIndex,
            t.implements_task_ids(k), owner, "implemented task",
            FieldPath("tasks", i, "") +
                FieldPath(".implements_task_ids", k, ""),
            t.id());
      }
    }
    for (int i = 0; i < c_.assignments_size(); ++i) {
      const v1::Assignment& a = c_.assignments(i);
      std::string owner = a.task_id().empty()
                              ? "assignment " + std::to_string(i)
                              : "task " + a.task_id();
      if (a.task_id().empty()) {
        AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                   owner + " names no task",
                   FieldPath("assignments", i, "task_id"), "");
      }
      Ref(index_.Task(a.task_id()) != kNoIndex, a.task_id(),
          "assignment " + std::to_string(i), "task",
          FieldPath("assignments", i, "task_id"), a.task_id());
      Ref(index_.Person(a.person_id()) != kNoIndex, a.person_id(), owner,
          RolePartyWord(a.role()), FieldPath("assignments", i, "person_id"),
          a.task_id());
      Ref(index_.Unit(a.unit_id()) != kNoIndex, a.unit_id(), owner,
          RolePartyWord(a.role()), FieldPath("assignments", i, "unit_id"),
          a.task_id());
    }
  }

  static const char* RolePartyWord(int role) {
    switch (role) {
      case v1::ASSIGNMENT_ROLE_LEAD_LEADER:
        return "lead leader";
      case v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT:
        return "responsible unit";
      case v1::ASSIGNMENT_ROLE_LEAD_UNIT:
        return "lead unit";
      case v1::ASSIGNMENT_ROLE_ASSISTING_UNIT:
        return "assisting unit";
      case v1::ASSIGNMENT_ROLE_ASSISTING_LEADER:
        return "assisting leader";
      default:
        return "party";
    }
  }

  // Rule 3.
  void CheckAssignmentShapes() {
    for (int i = 0; i < c_.assignments_size(); ++i) {
      const v1::Assignment& a = c_.assignments(i);
      std::string owner = "task " + a.task_id();
      std::string at = FieldPath("assignments", i, "");
      bool person = !a.person_id().empty(), unit = !a.unit_id().empty();
      if (person == unit) {
        AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                   owner + ": assignment " + std::to_string(i) +
                       " must name exactly one of person_id or unit_id",
                   at, a.task_id());
      }
      if (a.role() == v1::ASSIGNMENT_ROLE_UNSPECIFIED) {
        AddProblem(report_, v1::PROBLEM_CODE_MISSING_FIELD,
                   owner + ": assignment " + std::to_string(i) + " has no role",
                   at + ".role", a.task_id());
      } else if (!v1::AssignmentRole_IsValid(a.role())) {
        AddProblem(report_, v1::PROBLEM_CODE_INVALID_VALUE,
                   owner + ": assignment " + std::to_string(i) +
                       " has unknown role " + std::to_string(a.role()),
                   at + ".role", a.task_id());
      } else if (person != unit) {
        bool wants_person = a.role() == v1::ASSIGNMENT_ROLE_LEAD_LEADER ||
                            a.role() == v1::ASSIGNMENT_ROLE_ASSISTING_LEADER;
        if (wants_person && unit) {
          AddProblem(report_, v1::PROBLEM_CODE_ROLE_MISMATCH,
                     owner + ": " + RolePartyWord(a.role()) +
                         " must be a person, not unit " + Quote(a.unit_id()),
                     at + ".unit_id", a.task_id());
        } else if (!wants_person && person) {
          AddProblem(report_, v1::PROBLEM_CODE_ROLE_MISMATCH,
                     owner + ": " + RolePartyWord(a.role()) +
                         " must be a unit, not person " + Quote(a.person_id()),
                     at + ".person_id", a.task_id());
        }
      }
    }
  }

  // Rule 4.
  void CheckDates() {
    for (int i = 0; i < c_.documents_size(); ++i) {
      const v1::Document& d = c_.documents(i);
      if (d.issue_date().empty()) continue;
      boost::gregorian::date date;
      Status s = ParseIsoDate(d.issue_date(), &date);
      if (!s.ok()) {
        AddProblem(report_, v1::PROBLEM_CODE_INVALID_VALUE,
                   "document " + Quote(d.id()) + ": issue_date " + s.message(),
                   FieldPath("documents", i, "issue_date"), d.id());
      }
    }
  }

  // Rule 6.
  void CheckResponsibleUnits() {
    internal::TaskCoverage cov = internal::ComputeTaskCoverage(c_, index_);
    for (int i = 0; i < c_.tasks_size(); ++i) {
      if (cov.is_leaf[i] && !cov.cited[i] && !cov.has_responsible_unit[i]) {
        const v1::Task& t = c_.tasks(i);
        AddProblem(report_, v1::PROBLEM_CODE_NO_RESPONSIBLE_UNIT,
                   "task " + t.id() +
                       " has no responsible or lead unit (nor has any task "
                       "above it)",
                   FieldPath("tasks", i, ""), t.id());
      }
    }
  }

  // Rule 7.
  void CheckLeadLeaders() {
    std::unordered_set<std::string> in_leading_group;
    for (const v1::Body& b : c_.bodies()) {
      if (b.kind() != v1::BODY_KIND_LEADING_GROUP) continue;
      for (const v1::Member& m : b.members()) {
        if (!m.person_id().empty()) in_leading_group.insert(m.person_id());
      }
    }
    for (int i = 0; i < c_.assignments_size(); ++i) {
      const v1::Assignment& a = c_.assignments(i);
      if (a.role() != v1::ASSIGNMENT_ROLE_LEAD_LEADER) continue;
      int32_t p = index_.Person(a.person_id());
      if (p == kNoIndex) continue;  // Reported as an unknown reference.
      if (in_leading_group.count(a.person_id()) == 0) {
        AddProblem(report_, v1::PROBLEM_CODE_LEAD_LEADER_NOT_IN_LEADING_BODY,
                   "task " + a.task_id() + ": lead leader " +
                       Quote(a.person_id()) + " (" + c_.people(p).name() +
                       ") sits in no leading group",
                   FieldPath("assignments", i, "person_id"), a.task_id());
      }
    }
  }

  // Rule 8.
  void CheckResponsibleAndAssisting() {
    std::set<std::pair<std::string, std::string>> responsible;  // (task, unit)
    for (const v1::Assignment& a : c_.assignments()) {
      if ((a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT ||
           a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT) &&
          !a.unit_id().empty()) {
        responsible.emplace(a.task_id(), a.unit_id());
      }
    }
    for (int i = 0; i < c_.assignments_size(); ++i) {
      const v1::Assignment& a = c_.assignments(i);
      if (a.role() != v1::ASSIGNMENT_ROLE_ASSISTING_UNIT || a.unit_id().empty())
        continue;
      if (responsible.count({a.task_id(), a.unit_id()}) != 0) {
        AddProblem(report_, v1::PROBLEM_CODE_RESPONSIBLE_AND_ASSISTING,
                   "task " + a.task_id() + ": unit " + Quote(a.unit_id()) +
                       " is both responsible for and assisting it",
                   FieldPath("assignments", i, "unit_id"), a.task_id());
      }
    }
  }

  const v1::Campaign& c_;
  const CampaignIndex& index_;
  v1::ValidationReport* report_;
};

}  // namespace

v1::ValidationReport Validate(const v1::Campaign& campaign,
                              const CampaignIndex& index) {
  v1::ValidationReport report;
  Validator(campaign, index, &report).Run();
  return report;
}

v1::ValidationReport Validate(const v1::Campaign& campaign) {
  CampaignIndex index(campaign);
  return Validate(campaign, index);
}

}  // namespace chuangwen
