// Responsibility graph (责任分工): who leads, is responsible for or assists
// which task, built once per campaign on Boost.Graph.
//
// Vertices are the campaign's units, people, tasks and documents (in that
// order, dense); edges are assignments (party → task, carrying the role),
// unit parents, task parents, task documents and document parents. Queries
// take and return dense indexes (CampaignIndex positions) and do no string
// work; responsibility_query.h answers the same questions by id as protobuf.
//
// Thread safety: immutable after construction; concurrent queries are safe.
#ifndef CHUANGWEN_RESPONSIBILITY_GRAPH_H_
#define CHUANGWEN_RESPONSIBILITY_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen {

// Task counts by role. `total` counts distinct tasks.
struct RoleCounts {
  int32_t lead_leader = 0;
  int32_t responsible_unit = 0;
  int32_t lead_unit = 0;
  int32_t assisting_unit = 0;
  int32_t assisting_leader = 0;
  int32_t total = 0;

  // Counts one assignment in `role` (a v1::AssignmentRole value) toward the
  // per-role fields; `total` is the caller's to set.
  void AddRole(int role);
};

// One task a party is involved in.
struct Involvement {
  int32_t task;        // Task index.
  int32_t assignment;  // Assignment index.
  int32_t via_unit;    // Child unit it came through, or kNoIndex if direct.
  int32_t role;        // v1::AssignmentRole of the assignment.
  int32_t label;  // Interned label; ResponsibilityGraph::Label() spells it.
};

// A document in a task's ancestry.
struct DocumentStep {
  int32_t document;  // Document index.
  int32_t depth;     // 0 = the task's own document.
  int32_t cited_by;  // Document at depth-1 citing it, or kNoIndex.
};

// A leaf task missing a lead leader or a responsible unit (own or inherited).
struct TaskGap {
  int32_t task;
  bool missing_lead_leader;
  bool missing_responsible_unit;
};

class ResponsibilityGraph {
 public:
  enum class EdgeKind : uint8_t {
    kAssignment,      // party → task
    kUnitParent,      // unit → parent unit
    kTaskParent,      // task → parent task
    kTaskDocument,    // task → its document
    kDocumentParent,  // document → document it implements
  };
  struct EdgeData {
    EdgeKind kind;
    int32_t assignment = kNoIndex;  // For kAssignment; kNoIndex otherwise.
    int32_t role = 0;               // For kAssignment: v1::AssignmentRole.
    int32_t label = 0;              // For kAssignment: interned label.
  };
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                            boost::no_property, EdgeData>;
  using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

  // `campaign` and `index` must outlive the graph.
  ResponsibilityGraph(const v1::Campaign& campaign, const CampaignIndex& index);

  ResponsibilityGraph(const ResponsibilityGraph&) = delete;
  ResponsibilityGraph& operator=(const ResponsibilityGraph&) = delete;

  // Tasks the unit is assigned to, in task order then role order. With
  // `include_child_units`, also those of every unit below it (via_unit set).
  void TasksOfUnit(int32_t unit, bool include_child_units,
                   std::vector<Involvement>* out) const;
  // Tasks the person leads, in task order.
  void TasksOfPerson(int32_t person, std::vector<Involvement>* out) const;
  // Assignments of the task: lead leaders first, then units by role, each
  // group in campaign order.
  void AssignmentsOfTask(int32_t task, std::vector<int32_t>* out) const;
  // Units directly below `unit`, in campaign order.
  void ChildUnits(int32_t unit, std::vector<int32_t>* out) const;

  const RoleCounts& UnitLoad(int32_t unit) const { return unit_load_[unit]; }
  const RoleCounts& PersonLoad(int32_t person) const {
    return person_load_[person];
  }

  // Leaf tasks with gaps, in task order.
  const std::vector<TaskGap>& Gaps() const { return gaps_; }

  // The task's document (its own, else the campaign's plan document) and the
  // documents it implements, breadth-first, each once.
  void DocumentChain(int32_t task, std::vector<DocumentStep>* out) const;

  const Graph& graph() const { return graph_; }

  // Task ids, titles and assignment labels, packed contiguously so that
  // answers listing many tasks read them without chasing message pointers.
  std::string_view TaskId(int32_t task) const { return task_ids_.at(task); }
  std::string_view TaskTitle(int32_t task) const {
    return task_titles_.at(task);
  }
  std::string_view Label(int32_t label) const { return labels_[label]; }

  Vertex UnitVertex(int32_t unit) const { return static_cast<Vertex>(unit); }
  Vertex PersonVertex(int32_t p) const { return person_base_ + p; }
  Vertex TaskVertex(int32_t t) const { return task_base_ + t; }
  Vertex DocumentVertex(int32_t d) const { return document_base_ + d; }

 private:
  // Strings of one column, back to back.
  class PackedStrings {
   public:
    void Add(std::string_view s) {
      chars_.append(s);
      ends_.push_back(static_cast<uint32_t>(chars_.size()));
    }
    std::string_view at(int32_t i) const {
      uint32_t begin = i == 0 ? 0 : ends_[i - 1];
      return std::string_view(chars_).substr(begin, ends_[i] - begin);
    }

   private:
    std::string chars_;
    std::vector<uint32_t> ends_;
  };

  void AppendDirect(Vertex party, int32_t via_unit,
                    std::vector<Involvement>* out) const;

  Graph graph_;
  Vertex person_base_, task_base_, document_base_;
  int32_t plan_document_;
  // Units in depth-first preorder; a unit's descendants follow it.
  std::vector<int32_t> unit_order_, unit_pre_, unit_subtree_size_;
  std::vector<RoleCounts> unit_load_, person_load_;
  std::vector<TaskGap> gaps_;
  PackedStrings task_ids_, task_titles_;
  std::vector<std::string> labels_;  // labels_[0] is "".
};

}  // namespace chuangwen

#endif  // CHUANGWEN_RESPONSIBILITY_GRAPH_H_
