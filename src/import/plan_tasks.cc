// The task tree: numbered items at every level, task tables, and the
// responsibility lines of each task.
#include "import/plan_parser.h"

namespace chuangwen::internal {

bool PlanParser::HasResponsibilities(size_t begin, size_t end) const {
  for (size_t i = begin; i < end; ++i) {
    TableColumns columns;
    if (ReadTableHeader(lines_[i].text, cues_, &columns) ||
        !FindRoleSpans(lines_[i].norm, cues_).empty())
      return true;
  }
  return false;
}

void PlanParser::Tasks(size_t begin, size_t end) {
  std::vector<Numbering> styles;  // Style of each open level.
  std::vector<std::string> path;  // Task id of each open level.
  std::vector<int> counts(1, 0);  // Children so far, per open level + 1.
  v1::Task* task = nullptr;
  int task_first = 0, task_last = 0;
  Cue task_cue;
  auto close_task = [&] {
    if (task != nullptr)
      Provenance("task", task->id(), task_first, task_last, task_cue);
    task = nullptr;
  };
  // The names of `spans` as the task's assignments.
  auto assign = [&](const std::vector<RoleSpan>& spans, const LogicalLine& l) {
    for (const RoleSpan& span : spans) {
      U32View value = U32View(l.text).substr(span.value_begin,
                                             span.value_end - span.value_begin);
      AddAssignments(task->id(), span.role, value, l,
                     {"label " + ToUtf8(span.role->label), 0.95});
    }
  };
  // A new task at `depth` (1-based) of the open levels.
  auto open_task = [&](size_t depth, const std::string& numbering, U32View body,
                       const LogicalLine& l, size_t i) {
    int& order = counts[depth - 1];
    ++order;
    const std::string parent = depth >= 2 ? path[depth - 2] : "";
    const std::string id =
        (parent.empty() ? "" : parent + ".") + std::to_string(order);
    task = c_->add_tasks();
    task->set_id(id);
    task->set_parent_id(parent);
    task->set_order(order);
    task->set_document_id("plan");
    task->set_numbering(numbering);
    size_t stop = body.find_first_of(U"。；;");
    U32View title = stop == U32View::npos ? body : body.substr(0, stop);
    task->set_title(ToUtf8(Trim(title)));
    task->set_text(ToUtf8(body));
    task_first = l.first;
    task_last = l.last;
    task_cue = {"numbering " + numbering, 0.9};
    task_of_line_[i] = id;
    Use(i);
    return id;
  };
  TableColumns table;
  bool in_table = false;
  for (size_t i = begin; i < end; ++i) {
    if (used_[i]) continue;  // The closing block, read before.
    const LogicalLine& l = lines_[i];
    // A task table: a header row, then one task per row.
    if (!in_table && ReadTableHeader(l.text, cues_, &table)) {
      close_task();
      in_table = true;
      Provenance("task_table", "header", l);
      Use(i);
      continue;
    }
    if (in_table) {
      if (l.text.find(U'\t') == U32::npos) {
        in_table = false;
      } else {
        const std::vector<U32> cells = Cells(l.text);
        auto cell = [&](int at) -> U32View {
          return at >= 0 && static_cast<size_t>(at) < cells.size()
                     ? U32View(cells[static_cast<size_t>(at)])
                     : U32View();
        };
        if (!cell(table.task).empty()) {
          close_task();
          // Rows are children of the open numbered task, if any.
          const size_t depth = styles.size() + 1;
          if (path.size() < depth) path.resize(depth);
          if (counts.size() < depth + 1) counts.resize(depth + 1, 0);
          path[depth - 1] = open_task(depth, ToUtf8(cell(table.number)),
                                      cell(table.task), l, i);
          task_cue = {"table row", 0.95};
        } else if (task == nullptr) {
          continue;  // A continuation row with no task above: not used.
        }
        for (const auto& [at, role] : table.roles)
          AddAssignments(task->id(), role, cell(at), l,
                         {"table column " + ToUtf8(role->label), 0.95});
        if (!cell(table.deadline).empty()) {
          task->set_text(task->text() + "\n完成时限：" +
                         ToUtf8(cell(table.deadline)));
        }
        task_last = l.last;
        task_of_line_[i] = task->id();
        Use(i);
        continue;
      }
    }
    U32 label;
    size_t value_at;
    if (MatchLabel(l.norm, &label, &value_at) && task != nullptr &&
        FindRoleLabel(label, cues_) != nullptr) {
      assign(FindRoleSpans(l.norm, cues_), l);
      task_last = l.last;
      task_of_line_[i] = task->id();
      Use(i);
      continue;
    }
    NumberingMatch num = MatchNumbering(l.norm);
    if (num.style != Numbering::kNone) {
      close_task();
      auto level = std::find(styles.begin(), styles.end(), num.style);
      if (level == styles.end()) {
        styles.push_back(num.style);
        path.resize(styles.size());
        counts.resize(styles.size() + 1);
        counts[styles.size()] = 0;
      } else {
        const size_t depth = static_cast<size_t>(level - styles.begin()) + 1;
        styles.resize(depth);
        path.resize(depth);
        counts.resize(depth + 1);
        counts[depth] = 0;
      }
      const size_t depth = styles.size();
      // Responsibility in brackets or glued after the task's text.
      const std::vector<RoleSpan> spans =
          FindRoleSpans(U32View(l.norm).substr(num.length), cues_);
      const U32 body = WithoutSpans(U32View(l.text).substr(num.length), spans);
      path[depth - 1] =
          open_task(depth, ToUtf8(Trim(U32View(l.text).substr(0, num.length))),
                    body, l, i);
      if (!spans.empty()) {
        LogicalLine shifted = l;
        shifted.text = U32(U32View(l.text).substr(num.length));
        assign(spans, shifted);
      }
      continue;
    }
    if (task != nullptr) {
      // A paragraph of the current task, perhaps with its responsibility.
      const std::vector<RoleSpan> spans = FindRoleSpans(l.norm, cues_);
      if (!spans.empty()) assign(spans, l);
      const U32 rest = WithoutSpans(l.text, spans);
      if (!rest.empty()) task->set_text(task->text() + "\n" + ToUtf8(rest));
      task_last = l.last;
      task_of_line_[i] = task->id();
      Use(i);
    }
  }
  close_task();
}

// A task with sub-tasks passes its responsibility lines to those of its
// sub-tasks that have none of their own.
void PlanParser::InheritAssignments() {
  std::map<std::string, std::vector<v1::Assignment>> own;
  for (const v1::Assignment& a : c_->assignments())
    own[a.task_id()].push_back(a);
  for (const v1::Task& t : c_->tasks()) {
    if (own.count(t.id()) != 0) continue;
    for (std::string p = t.parent_id(); !p.empty();) {
      auto it = own.find(p);
      if (it != own.end()) {
        for (v1::Assignment a : it->second) {
          a.set_task_id(t.id());
          *c_->add_assignments() = a;
        }
        out_->add_notes("task " + t.id() +
                        " takes the responsibility lines of task " + p);
        break;
      }
      std::string next;
      for (const v1::Task& x : c_->tasks())
        if (x.id() == p) next = x.parent_id();
      p = next;
    }
  }
}

}  // namespace chuangwen::internal
