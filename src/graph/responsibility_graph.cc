#include "chuangwen/responsibility_graph.h"

#include <algorithm>
#include <unordered_map>

#include "model/task_coverage.h"

namespace chuangwen {
void RoleCounts::AddRole(int role) {
  switch (role) {
    case v1::ASSIGNMENT_ROLE_LEAD_LEADER:
      ++lead_leader;
      break;
    case v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT:
      ++responsible_unit;
      break;
    case v1::ASSIGNMENT_ROLE_LEAD_UNIT:
      ++lead_unit;
      break;
    case v1::ASSIGNMENT_ROLE_ASSISTING_UNIT:
      ++assisting_unit;
      break;
    case v1::ASSIGNMENT_ROLE_ASSISTING_LEADER:
      ++assisting_leader;
      break;
    default:
      break;
  }
}

ResponsibilityGraph::ResponsibilityGraph(const v1::Campaign& c,
                                         const CampaignIndex& index)
    : graph_(static_cast<size_t>(c.units_size() + c.people_size() +
                                 c.tasks_size() + c.documents_size())),
      person_base_(static_cast<Vertex>(c.units_size())),
      task_base_(person_base_ + static_cast<Vertex>(c.people_size())),
      document_base_(task_base_ + static_cast<Vertex>(c.tasks_size())),
      plan_document_(index.Document(c.plan_document_id())) {
  const EdgeData structural{EdgeKind::kUnitParent};
  for (int i = 0; i < c.units_size(); ++i) {
    int32_t p = index.Unit(c.units(i).parent_id());
    if (p != kNoIndex && p != i) {
      boost::add_edge(UnitVertex(i), UnitVertex(p), structural, graph_);
    }
  }
  for (int i = 0; i < c.tasks_size(); ++i) {
    const v1::Task& t = c.tasks(i);
    int32_t p = index.Task(t.parent_id());
    if (p != kNoIndex && p != i) {
      boost::add_edge(TaskVertex(i), TaskVertex(p),
                      EdgeData{EdgeKind::kTaskParent}, graph_);
    }
    int32_t d = index.Document(t.document_id());
    if (d != kNoIndex) {
      boost::add_edge(TaskVertex(i), DocumentVertex(d),
                      EdgeData{EdgeKind::kTaskDocument}, graph_);
    }
  }
  for (int i = 0; i < c.documents_size(); ++i) {
    for (const std::string& id : c.documents(i).parent_ids()) {
      int32_t p = index.Document(id);
      if (p != kNoIndex && p != i) {
        boost::add_edge(DocumentVertex(i), DocumentVertex(p),
                        EdgeData{EdgeKind::kDocumentParent}, graph_);
      }
    }
  }
  for (const v1::Task& t : c.tasks()) {
    task_ids_.Add(t.id());
    task_titles_.Add(t.title());
  }
  labels_.emplace_back();
  std::unordered_map<std::string, int32_t> label_ids{{"", 0}};
  for (int i = 0; i < c.assignments_size(); ++i) {
    const v1::Assignment& a = c.assignments(i);
    int32_t t = index.Task(a.task_id());
    if (t == kNoIndex) continue;
    auto [label, added] =
        label_ids.emplace(a.label(), static_cast<int32_t>(labels_.size()));
    if (added) labels_.push_back(a.label());
    const EdgeData edge{EdgeKind::kAssignment, i, a.role(), label->second};
    if (!a.person_id().empty()) {
      int32_t p = index.Person(a.person_id());
      if (p != kNoIndex) {
        boost::add_edge(PersonVertex(p), TaskVertex(t), edge, graph_);
      }
    } else if (!a.unit_id().empty()) {
      int32_t u = index.Unit(a.unit_id());
      if (u != kNoIndex) {
        boost::add_edge(UnitVertex(u), TaskVertex(t), edge, graph_);
      }
    }
  }

  // Subtree order: units in depth-first preorder from each root, so that the
  // units below u are order_[pre_[u] + 1, pre_[u] + size_[u]). Units on a
  // parent cycle are reached from no root and keep no subtree.
  const int32_t n_units = c.units_size();
  unit_pre_.assign(static_cast<size_t>(n_units), kNoIndex);
  unit_subtree_size_.assign(static_cast<size_t>(n_units), 1);
  unit_order_.reserve(static_cast<size_t>(n_units));
  std::vector<int32_t> children, stack;
  for (int32_t root = 0; root < n_units; ++root) {
    int32_t p = index.Unit(c.units(root).parent_id());
    if (p != kNoIndex && p != root) continue;
    stack.assign(1, root);
    while (!stack.empty()) {
      int32_t u = stack.back();
      stack.pop_back();
      unit_pre_[u] = static_cast<int32_t>(unit_order_.size());
      unit_order_.push_back(u);
      ChildUnits(u, &children);
      stack.insert(stack.end(), children.rbegin(), children.rend());
    }
  }
  for (auto it = unit_order_.rbegin(); it != unit_order_.rend(); ++it) {
    int32_t p = index.Unit(c.units(*it).parent_id());
    if (p != kNoIndex && p != *it)
      unit_subtree_size_[p] += unit_subtree_size_[*it];
  }

  // Loads.
  auto load_of = [&](Vertex v) {
    RoleCounts counts;
    std::vector<int32_t> tasks;
    for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) {
      const EdgeData& data = graph_[*e];
      if (data.kind != EdgeKind::kAssignment) continue;
      counts.AddRole(data.role);
      tasks.push_back(
          static_cast<int32_t>(boost::target(*e, graph_) - task_base_));
    }
    std::sort(tasks.begin(), tasks.end());
    counts.total = static_cast<int32_t>(
        std::unique(tasks.begin(), tasks.end()) - tasks.begin());
    return counts;
  };
  unit_load_.resize(static_cast<size_t>(c.units_size()));
  for (int i = 0; i < c.units_size(); ++i)
    unit_load_[i] = load_of(UnitVertex(i));
  person_load_.resize(static_cast<size_t>(c.people_size()));
  for (int i = 0; i < c.people_size(); ++i) {
    person_load_[i] = load_of(PersonVertex(i));
  }

  internal::TaskCoverage cov = internal::ComputeTaskCoverage(c, index);
  for (int i = 0; i < c.tasks_size(); ++i) {
    if (!cov.is_leaf[i] || cov.cited[i]) continue;
    if (!cov.has_lead_leader[i] || !cov.has_responsible_unit[i]) {
      gaps_.push_back(
          TaskGap{i, !cov.has_lead_leader[i], !cov.has_responsible_unit[i]});
    }
  }
}

void ResponsibilityGraph::AppendDirect(Vertex party, int32_t via_unit,
                                       std::vector<Involvement>* out) const {
  for (auto [e, end] = boost::out_edges(party, graph_); e != end; ++e) {
    const EdgeData& data = graph_[*e];
    if (data.kind != EdgeKind::kAssignment) continue;
    out->push_back(Involvement{
        static_cast<int32_t>(boost::target(*e, graph_) - task_base_),
        data.assignment, via_unit, data.role, data.label});
  }
}

void ResponsibilityGraph::TasksOfUnit(int32_t unit, bool include_child_units,
                                      std::vector<Involvement>* out) const {
  out->clear();
  AppendDirect(UnitVertex(unit), kNoIndex, out);
  if (include_child_units && unit_pre_[unit] != kNoIndex) {
    const int32_t begin = unit_pre_[unit] + 1;
    const int32_t end = unit_pre_[unit] + unit_subtree_size_[unit];
    for (int32_t k = begin; k < end; ++k) {
      AppendDirect(UnitVertex(unit_order_[k]), unit_order_[k], out);
    }
  }
  std::sort(out->begin(), out->end(),
            [](const Involvement& a, const Involvement& b) {
              if (a.task != b.task) return a.task < b.task;
              if (a.role != b.role) return a.role < b.role;
              return a.assignment < b.assignment;
            });
}

void ResponsibilityGraph::TasksOfPerson(int32_t person,
                                        std::vector<Involvement>* out) const {
  out->clear();
  AppendDirect(PersonVertex(person), kNoIndex, out);
  std::sort(out->begin(), out->end(),
            [](const Involvement& a, const Involvement& b) {
              if (a.task != b.task) return a.task < b.task;
              return a.assignment < b.assignment;
            });
}

void ResponsibilityGraph::AssignmentsOfTask(int32_t task,
                                            std::vector<int32_t>* out) const {
  // (role, assignment) pairs sort into lead leaders first, then units by role.
  std::vector<std::pair<int32_t, int32_t>> ranked;
  for (auto [e, end] = boost::in_edges(TaskVertex(task), graph_); e != end;
       ++e) {
    const EdgeData& data = graph_[*e];
    if (data.kind == EdgeKind::kAssignment) {
      ranked.emplace_back(data.role, data.assignment);
    }
  }
  std::sort(ranked.begin(), ranked.end());
  out->clear();
  for (const auto& r : ranked) out->push_back(r.second);
}

void ResponsibilityGraph::ChildUnits(int32_t unit,
                                     std::vector<int32_t>* out) const {
  out->clear();
  for (auto [e, end] = boost::in_edges(UnitVertex(unit), graph_); e != end;
       ++e) {
    if (graph_[*e].kind == EdgeKind::kUnitParent) {
      out->push_back(static_cast<int32_t>(boost::source(*e, graph_)));
    }
  }
}

void ResponsibilityGraph::DocumentChain(int32_t task,
                                        std::vector<DocumentStep>* out) const {
  out->clear();
  int32_t own = kNoIndex;
  for (auto [e, end] = boost::out_edges(TaskVertex(task), graph_); e != end;
       ++e) {
    if (graph_[*e].kind == EdgeKind::kTaskDocument) {
      own = static_cast<int32_t>(boost::target(*e, graph_) - document_base_);
    }
  }
  if (own == kNoIndex) own = plan_document_;
  if (own == kNoIndex) return;
  out->push_back(DocumentStep{own, 0, kNoIndex});
  // Breadth-first over document parents; a chain is short, so a linear
  // membership test beats a hash set here.
  for (size_t next = 0; next < out->size(); ++next) {
    const DocumentStep step = (*out)[next];
    for (auto [e, end] =
             boost::out_edges(DocumentVertex(step.document), graph_);
         e != end; ++e) {
      if (graph_[*e].kind != EdgeKind::kDocumentParent) continue;
      int32_t parent =
          static_cast<int32_t>(boost::target(*e, graph_) - document_base_);
      bool seen = std::any_of(
          out->begin(), out->end(),
          [parent](const DocumentStep& s) { return s.document == parent; });
      if (!seen)
        out->push_back(DocumentStep{parent, step.depth + 1, step.document});
    }
  }
}

}  // namespace chuangwen
