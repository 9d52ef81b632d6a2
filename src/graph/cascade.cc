#include "chuangwen/cascade.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "import/plan_text.h"

namespace chuangwen {
namespace {

using internal::U32;

// Han characters, letters and digits only: titles compare without their
// punctuation, spaces and quotes.
U32 TitleKey(const std::string& title) {
  U32 out;
  for (char32_t ch : internal::ToU32(title)) {
    const bool han = ch >= 0x4E00 && ch <= 0x9FFF;
    const bool alnum = (ch >= U'0' && ch <= U'9') || (ch >= U'a' && ch <= U'z') ||
                       (ch >= U'A' && ch <= U'Z');
    if (han || alnum) out.push_back(ch);
  }
  return out;
}

size_t LongestCommonRun(const U32& a, const U32& b) {
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  size_t best = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return best;
}

// How well two titles match (higher is better; 0: not at all), and in words.
size_t Match(const U32& child, const U32& parent, std::string* how) {
  constexpr size_t kMinRun = 6;
  if (child.empty() || parent.empty()) return 0;
  if (child == parent) {
    *how = "same title";
    return 100000;
  }
  const U32& shorter = child.size() < parent.size() ? child : parent;
  const U32& longer = child.size() < parent.size() ? parent : child;
  if (shorter.size() >= 4 && longer.find(shorter) != U32::npos) {
    *how = "contains";
    return 10000 + shorter.size();
  }
  const size_t run = LongestCommonRun(child, parent);
  if (run < kMinRun) return 0;
  *how = "shares " + std::to_string(run) + " characters";
  return run;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Status LinkPlans(const v1::Campaign& child, const v1::Campaign& parent,
                 v1::CascadeResult* out) {
  out->Clear();
  const v1::Document* parent_plan = nullptr;
  for (const v1::Document& d : parent.documents())
    if (d.id() == parent.plan_document_id()) parent_plan = &d;
  if (parent_plan == nullptr || parent_plan->number().empty()) {
    return Status::InvalidArgument("parent campaign '" + parent.id() +
                                   "' has no plan document with a 文号");
  }
  const v1::Document* child_plan = nullptr;
  for (const v1::Document& d : child.documents())
    if (d.id() == child.plan_document_id()) child_plan = &d;
  if (child_plan == nullptr) {
    return Status::InvalidArgument("child campaign '" + child.id() +
                                   "' has no plan document");
  }
  // The document the child cites by the parent's 文号.
  std::string cited;
  std::string cites;
  for (const std::string& id : child_plan->parent_ids()) {
    for (const v1::Document& d : child.documents()) {
      if (d.id() != id) continue;
      if (d.number() == parent_plan->number()) cited = d.id();
      cites += (cites.empty() ? "" : ", ") +
               (d.number().empty() ? d.id() : d.number());
    }
  }
  if (cited.empty()) {
    return Status::InvalidArgument(
        "child plan " +
        (child_plan->number().empty() ? child_plan->id()
                                      : child_plan->number()) +
        " does not cite the parent's 文号 " + parent_plan->number() +
        (cites.empty() ? " (it cites none)" : " (it cites " + cites + ")"));
  }
  const std::string prefix = cited + "/";
  v1::Campaign* c = out->mutable_campaign();
  *c = child;
  // Drop an earlier copy.
  auto* tasks = c->mutable_tasks();
  tasks->erase(std::remove_if(tasks->begin(), tasks->end(),
                              [&](const v1::Task& t) {
                                return StartsWith(t.id(), prefix);
                              }),
               tasks->end());
  for (v1::Task& t : *tasks) {
    auto* impl = t.mutable_implements_task_ids();
    impl->erase(std::remove_if(impl->begin(), impl->end(),
                               [&](const std::string& id) {
                                 return StartsWith(id, prefix);
                               }),
                impl->end());
  }
  auto* docs = c->mutable_documents();
  docs->erase(std::remove_if(docs->begin(), docs->end(),
                             [&](const v1::Document& d) {
                               return StartsWith(d.id(), prefix);
                             }),
              docs->end());
  // The parent's documents: its plan is the cited one; others match the
  // child's by 文号 or are copied in.
  std::map<std::string, std::string> doc_id;  // Parent's id → child's.
  for (const v1::Document& d : parent.documents()) {
    if (&d == parent_plan) {
      doc_id[d.id()] = cited;
      continue;
    }
    for (const v1::Document& mine : c->documents())
      if (!d.number().empty() && mine.number() == d.number())
        doc_id[d.id()] = mine.id();
    if (!doc_id.count(d.id())) doc_id[d.id()] = prefix + d.id();
  }
  for (const v1::Document& d : parent.documents()) {
    v1::Document* target = nullptr;
    if (&d == parent_plan) {
      for (v1::Document& mine : *c->mutable_documents())
        if (mine.id() == cited) target = &mine;
      if (target->title().empty()) target->set_title(d.title());
      if (target->issuer().empty()) target->set_issuer(d.issuer());
      if (target->issue_date().empty()) target->set_issue_date(d.issue_date());
    } else if (StartsWith(doc_id[d.id()], prefix)) {
      target = c->add_documents();
      *target = d;
      target->set_id(doc_id[d.id()]);
      target->clear_parent_ids();
    } else {
      continue;
    }
    for (const std::string& p : d.parent_ids()) {
      auto it = doc_id.find(p);
      if (it == doc_id.end()) continue;
      if (std::find(target->parent_ids().begin(), target->parent_ids().end(),
                    it->second) == target->parent_ids().end())
        target->add_parent_ids(it->second);
    }
  }
  // The parent's tasks, under new ids.
  const std::string& parent_doc = parent.plan_document_id();
  std::vector<std::pair<std::string, U32>> candidates;  // Id, title key.
  for (const v1::Task& t : parent.tasks()) {
    v1::Task* copy = c->add_tasks();
    copy->set_id(prefix + t.id());
    copy->set_title(t.title());
    copy->set_text(t.text());
    if (!t.parent_id().empty()) copy->set_parent_id(prefix + t.parent_id());
    copy->set_order(t.order());
    copy->set_numbering(t.numbering());
    const std::string doc = t.document_id().empty() ? parent_doc : t.document_id();
    copy->set_document_id(doc_id.count(doc) ? doc_id[doc] : cited);
    for (const std::string& id : t.implements_task_ids())
      copy->add_implements_task_ids(prefix + id);
    if (copy->document_id() == cited)
      candidates.emplace_back(copy->id(), TitleKey(t.title()));
  }
  // Link the child's own tasks (listed parents before children).
  std::map<std::string, std::string> parent_of, linked;  // Child task ids.
  for (const v1::Task& t : child.tasks()) parent_of[t.id()] = t.parent_id();
  std::map<std::string, const v1::Task*> copied;
  for (const v1::Task& t : c->tasks()) copied[t.id()] = &t;
  const std::string& own_doc = child.plan_document_id();
  for (v1::Task& t : *c->mutable_tasks()) {
    if (StartsWith(t.id(), prefix)) continue;
    if (!t.document_id().empty() && t.document_id() != own_doc) continue;
    const U32 key = TitleKey(t.title());
    size_t best = 0;
    std::string best_id, how, best_how;
    for (const auto& [id, title] : candidates) {
      const size_t score = Match(key, title, &how);
      if (score > best) {
        best = score;
        best_id = id;
        best_how = how;
      }
    }
    // Linked through an ancestor: to any parent task, or to this one.
    bool covered = false, same = false;
    std::set<std::string> seen;
    for (std::string a = parent_of[t.id()]; !a.empty() && seen.insert(a).second;
         a = parent_of[a]) {
      covered = covered || linked.count(a) > 0;
      same = same || (linked.count(a) > 0 && linked[a] == best_id);
    }
    if (best == 0 || same) {
      if (!covered) out->add_unlinked_task_ids(t.id());
      continue;
    }
    t.add_implements_task_ids(best_id);
    linked[t.id()] = best_id;
    v1::TaskLink* link = out->add_links();
    link->set_task_id(t.id());
    link->set_implements_task_id(best_id);
    link->set_parent_title(copied[best_id]->title());
    link->set_match(best_how);
  }
  out->set_parent_document_id(cited);
  return Status::OK();
}

}  // namespace chuangwen
