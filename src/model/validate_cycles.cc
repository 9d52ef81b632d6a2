// Rule 5: parents form no cycle. Each parent relation is a directed graph
// (child → parent) searched depth-first with Boost.Graph; a back edge closes a
// cycle, which is reported once with its members in order.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <string>
#include <vector>

#include "model/validate_internal.h"

namespace chuangwen::internal {
namespace {

using ParentGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<ParentGraph>::vertex_descriptor;
using Edge = boost::graph_traits<ParentGraph>::edge_descriptor;

struct CycleRecorder : public boost::default_dfs_visitor {
  std::vector<Vertex>* predecessor;
  std::vector<std::vector<Vertex>>* cycles;

  void tree_edge(Edge e, const ParentGraph& g) const {
    (*predecessor)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(Edge e, const ParentGraph& g) const {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    // `to` is an ancestor of `from` in the search tree: walk back to it.
    std::vector<Vertex> path{from};
    for (Vertex v = from; v != to;) {
      v = (*predecessor)[v];
      path.push_back(v);
    }
    cycles->emplace_back(path.rbegin(), path.rend());
  }
};

// Finds cycles in the relation given by `parents_of(i)` over `n` items and
// reports those `keep(cycle)` accepts, using `describe(i)` for each member.
template <typename ParentsOf, typename IdOf, typename Describe,
          typename Keep>
void ReportCycles(int n, ParentsOf parents_of, const char* relation,
                  const char* repeated, const char* field, IdOf id_of,
                  Describe describe, Keep keep, v1::ValidationReport* report) {
  ParentGraph graph(static_cast<size_t>(n));
  bool any_edge = false;
  for (int i = 0; i < n; ++i) {
    for (int32_t p : parents_of(i)) {
      boost::add_edge(static_cast<Vertex>(i), static_cast<Vertex>(p), graph);
      any_edge = true;
    }
  }
  if (!any_edge) return;
  std::vector<Vertex> predecessor(static_cast<size_t>(n));
  std::vector<std::vector<Vertex>> cycles;
  CycleRecorder recorder;
  recorder.predecessor = &predecessor;
  recorder.cycles = &cycles;
  boost::depth_first_search(graph, boost::visitor(recorder));
  for (const auto& cycle : cycles) {
    if (!keep(cycle)) continue;
    std::string chain;
    for (Vertex v : cycle) {
      chain += describe(static_cast<int>(v));
      chain += " → ";
    }
    chain += describe(static_cast<int>(cycle.front()));
    int first = static_cast<int>(cycle.front());
    AddProblem(report, v1::PROBLEM_CODE_CYCLE,
               std::string(relation) + " form a cycle: " + chain,
               FieldPath(repeated, first, field), id_of(first));
  }
}

bool Any(const std::vector<Vertex>&) { return true; }

std::vector<int32_t> One(int32_t parent) {
  if (parent == kNoIndex) return {};
  return {parent};
}

}  // namespace

void CheckParentCycles(const v1::Campaign& c, const CampaignIndex& index,
                       v1::ValidationReport* report) {
  auto unit_id = [&](int i) { return c.units(i).id(); };
  ReportCycles(
      c.units_size(),
      [&](int i) { return One(index.Unit(c.units(i).parent_id())); },
      "unit parents", "units", "parent_id", unit_id, unit_id, Any, report);
  auto body_id = [&](int i) { return c.bodies(i).id(); };
  ReportCycles(
      c.bodies_size(),
      [&](int i) { return One(index.Body(c.bodies(i).parent_body_id())); },
      "body parents", "bodies", "parent_body_id", body_id, body_id, Any,
      report);
  auto task_id = [&](int i) { return c.tasks(i).id(); };
  ReportCycles(
      c.tasks_size(),
      [&](int i) { return One(index.Task(c.tasks(i).parent_id())); },
      "task parents", "tasks", "parent_id", task_id, task_id, Any, report);
  // Tasks through the tasks they implement and their parents: a cycle with
  // at least one implementing step (pure parent cycles are reported above).
  auto implements = [&](int i) {
    std::vector<int32_t> next = One(index.Task(c.tasks(i).parent_id()));
    for (const std::string& id : c.tasks(i).implements_task_ids()) {
      int32_t t = index.Task(id);
      if (t != kNoIndex) next.push_back(t);
    }
    return next;
  };
  auto describe_task = [&](int i) {
    const v1::Task& t = c.tasks(i);
    const int32_t d = index.Document(t.document_id());
    const std::string doc = d == kNoIndex ? t.document_id()
                            : c.documents(d).number().empty()
                                ? c.documents(d).id()
                                : c.documents(d).number();
    return doc.empty() ? t.id() : t.id() + " (" + doc + ")";
  };
  auto through_implements = [&](const std::vector<Vertex>& cycle) {
    for (size_t k = 0; k < cycle.size(); ++k) {
      const int32_t from = static_cast<int32_t>(cycle[k]);
      const int32_t to = static_cast<int32_t>(cycle[(k + 1) % cycle.size()]);
      if (index.Task(c.tasks(from).parent_id()) != to) return true;
    }
    return false;
  };
  ReportCycles(c.tasks_size(), implements, "tasks and the tasks they implement",
               "tasks", "implements_task_ids", task_id, describe_task,
               through_implements, report);
  ReportCycles(
      c.documents_size(),
      [&](int i) {
        std::vector<int32_t> parents;
        for (const std::string& id : c.documents(i).parent_ids()) {
          int32_t p = index.Document(id);
          if (p != kNoIndex) parents.push_back(p);
        }
        return parents;
      },
      "document parents", "documents", "parent_ids",
      [&](int i) { return c.documents(i).id(); },
      [&](int i) {
        const v1::Document& d = c.documents(i);
        return d.number().empty() ? d.id() : d.number();
      },
      Any, report);
}

}  // namespace chuangwen::internal
