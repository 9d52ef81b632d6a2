#include "chuangwen/responsibility_query.h"

#include <string>
#include <vector>

#include "chuangwen/responsibility_graph.h"

namespace chuangwen {
namespace {

void FillUnit(const v1::Campaign& c, int32_t unit, v1::Party* out) {
  out->set_kind(v1::PARTY_KIND_UNIT);
  out->set_id(c.units(unit).id());
  out->set_name(c.units(unit).name());
}

void FillPerson(const v1::Campaign& c, int32_t person, v1::Party* out) {
  out->set_kind(v1::PARTY_KIND_PERSON);
  out->set_id(c.people(person).id());
  out->set_name(c.people(person).name());
}

void FillCounts(const RoleCounts& counts, v1::RoleCounts* out) {
  out->set_lead_leader(counts.lead_leader);
  out->set_responsible_unit(counts.responsible_unit);
  out->set_lead_unit(counts.lead_unit);
  out->set_assisting_unit(counts.assisting_unit);
  out->set_assisting_leader(counts.assisting_leader);
  out->set_total(counts.total);
}

void FillInvolvements(const Campaign& campaign,
                      const std::vector<Involvement>& found,
                      v1::PartyTasks* out) {
  const v1::Campaign& c = campaign.proto();
  RoleCounts counts;
  int32_t last_task = kNoIndex;
  out->mutable_involvements()->Reserve(static_cast<int>(found.size()));
  const ResponsibilityGraph& graph = campaign.graph();
  for (const Involvement& inv : found) {
    v1::Involvement* item = out->add_involvements();
    std::string_view id = graph.TaskId(inv.task),
                     title = graph.TaskTitle(inv.task);
    std::string_view label = graph.Label(inv.label);
    item->mutable_task_id()->assign(id.data(), id.size());
    item->mutable_task_title()->assign(title.data(), title.size());
    item->set_role(static_cast<v1::AssignmentRole>(inv.role));
    if (!label.empty())
      item->mutable_label()->assign(label.data(), label.size());
    if (inv.via_unit != kNoIndex)
      item->set_via_unit_id(c.units(inv.via_unit).id());
    counts.AddRole(inv.role);
    if (inv.task != last_task) ++counts.total;  // `found` is in task order.
    last_task = inv.task;
  }
  FillCounts(counts, out->mutable_counts());
}

Status UnknownTask(std::string_view id) {
  return Status::NotFound("task '" + std::string(id) + "' does not exist");
}

}  // namespace

Status QueryUnitTasks(const Campaign& campaign, std::string_view unit_id,
                      bool include_child_units, v1::PartyTasks* out) {
  out->Clear();
  int32_t unit = campaign.index().Unit(unit_id);
  if (unit == kNoIndex) {
    return Status::NotFound("unit '" + std::string(unit_id) +
                            "' does not exist");
  }
  std::vector<Involvement> found;
  campaign.graph().TasksOfUnit(unit, include_child_units, &found);
  FillUnit(campaign.proto(), unit, out->mutable_party());
  out->set_includes_child_units(include_child_units);
  FillInvolvements(campaign, found, out);
  return Status::OK();
}

Status QueryPersonTasks(const Campaign& campaign, std::string_view person_id,
                        v1::PartyTasks* out) {
  out->Clear();
  int32_t person = campaign.index().Person(person_id);
  if (person == kNoIndex) {
    return Status::NotFound("person '" + std::string(person_id) +
                            "' does not exist");
  }
  std::vector<Involvement> found;
  campaign.graph().TasksOfPerson(person, &found);
  FillPerson(campaign.proto(), person, out->mutable_party());
  FillInvolvements(campaign, found, out);
  return Status::OK();
}

Status QueryTaskParties(const Campaign& campaign, std::string_view task_id,
                        v1::TaskParties* out) {
  out->Clear();
  const v1::Campaign& c = campaign.proto();
  int32_t task = campaign.index().Task(task_id);
  if (task == kNoIndex) return UnknownTask(task_id);
  const v1::Task& t = c.tasks(task);
  out->set_task_id(t.id());
  out->set_title(t.title());
  out->set_parent_id(t.parent_id());
  std::vector<int32_t> assignments;
  campaign.graph().AssignmentsOfTask(task, &assignments);
  for (int32_t i : assignments) {
    const v1::Assignment& a = c.assignments(i);
    v1::PartyRole* role = out->add_parties();
    role->set_role(a.role());
    role->set_label(a.label());
    if (!a.person_id().empty()) {
      FillPerson(c, campaign.index().Person(a.person_id()),
                 role->mutable_party());
    } else {
      FillUnit(c, campaign.index().Unit(a.unit_id()), role->mutable_party());
    }
  }
  return Status::OK();
}

void QueryLoad(const Campaign& campaign, v1::LoadSummary* out) {
  out->Clear();
  const v1::Campaign& c = campaign.proto();
  for (int i = 0; i < c.units_size(); ++i) {
    v1::PartyLoad* load = out->add_units();
    FillUnit(c, i, load->mutable_party());
    FillCounts(campaign.graph().UnitLoad(i), load->mutable_counts());
  }
  for (int i = 0; i < c.people_size(); ++i) {
    v1::PartyLoad* load = out->add_people();
    FillPerson(c, i, load->mutable_party());
    FillCounts(campaign.graph().PersonLoad(i), load->mutable_counts());
  }
}

void QueryGaps(const Campaign& campaign, v1::GapReport* out) {
  out->Clear();
  const v1::Campaign& c = campaign.proto();
  for (const TaskGap& gap : campaign.graph().Gaps()) {
    v1::TaskGap* item = out->add_gaps();
    item->set_task_id(c.tasks(gap.task).id());
    item->set_title(c.tasks(gap.task).title());
    item->set_missing_lead_leader(gap.missing_lead_leader);
    item->set_missing_responsible_unit(gap.missing_responsible_unit);
  }
}

Status QueryDocumentChain(const Campaign& campaign, std::string_view task_id,
                          v1::DocumentChain* out) {
  out->Clear();
  const v1::Campaign& c = campaign.proto();
  int32_t task = campaign.index().Task(task_id);
  if (task == kNoIndex) return UnknownTask(task_id);
  out->set_task_id(c.tasks(task).id());
  std::vector<DocumentStep> steps;
  campaign.graph().DocumentChain(task, &steps);
  for (const DocumentStep& step : steps) {
    v1::DocumentLink* link = out->add_links();
    *link->mutable_document() = c.documents(step.document);
    link->set_depth(step.depth);
    if (step.cited_by != kNoIndex) {
      link->set_cited_by_id(c.documents(step.cited_by).id());
    }
  }
  return Status::OK();
}

}  // namespace chuangwen
