#include "import/plan_review.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

namespace chuangwen::internal {
namespace {

struct RoleWord {
  const char* word;
  int role;
};

const RoleWord kSeatRoles[] = {
    {"leader", v1::MEMBER_ROLE_LEADER},
    {"deputy_leader", v1::MEMBER_ROLE_DEPUTY_LEADER},
    {"member", v1::MEMBER_ROLE_MEMBER},
    {"director", v1::MEMBER_ROLE_DIRECTOR},
    {"deputy_director", v1::MEMBER_ROLE_DEPUTY_DIRECTOR},
    {"liaison", v1::MEMBER_ROLE_LIAISON}};

const RoleWord kTaskRoles[] = {
    {"lead_leader", v1::ASSIGNMENT_ROLE_LEAD_LEADER},
    {"assisting_leader", v1::ASSIGNMENT_ROLE_ASSISTING_LEADER},
    {"lead_unit", v1::ASSIGNMENT_ROLE_LEAD_UNIT},
    {"responsible_unit", v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT},
    {"assisting_unit", v1::ASSIGNMENT_ROLE_ASSISTING_UNIT}};

template <size_t N>
const char* WordOf(const RoleWord (&table)[N], int role) {
  for (const RoleWord& r : table)
    if (r.role == role) return r.word;
  return "";
}

template <size_t N>
int RoleOf(const RoleWord (&table)[N], const std::string& word) {
  for (const RoleWord& r : table)
    if (word == r.word) return r.role;
  return 0;
}

const char* kHeaderFields[] = {"number", "issuer", "date", "signer", "name"};

// An item id split: "seat/leading-group/leader/林涛" → {seat, leading-group,
// leader, 林涛}; the last part may hold '/'.
struct ItemId {
  std::string kind, owner, role, party;
};

bool ParseItem(const std::string& id, ItemId* out) {
  *out = ItemId();
  const size_t a = id.find('/');
  if (a == std::string::npos) return false;
  out->kind = id.substr(0, a);
  if (out->kind == "header") {
    const std::string rest = id.substr(a + 1);
    const size_t b = rest.find('/');
    out->role = rest.substr(0, b);
    if (b != std::string::npos) out->party = rest.substr(b + 1);
    if (out->role == "joint_issuer") return !out->party.empty();
    return b == std::string::npos &&
           std::find(std::begin(kHeaderFields), std::end(kHeaderFields),
                     out->role) != std::end(kHeaderFields);
  }
  if (out->kind != "seat" && out->kind != "task") return false;
  const size_t b = id.find('/', a + 1);
  const size_t c = b == std::string::npos ? b : id.find('/', b + 1);
  if (c == std::string::npos || c + 1 >= id.size()) return false;
  out->owner = id.substr(a + 1, b - a - 1);
  out->role = id.substr(b + 1, c - b - 1);
  out->party = id.substr(c + 1);
  return out->kind == "seat" ? RoleOf(kSeatRoles, out->role) != 0
                             : RoleOf(kTaskRoles, out->role) != 0;
}

class Reviewer {
 public:
  explicit Reviewer(v1::ImportResult* r) : r_(r), c_(r->mutable_campaign()) {}

  v1::Document* Plan() {
    for (v1::Document& d : *c_->mutable_documents())
      if (d.id() == c_->plan_document_id()) return &d;
    return nullptr;
  }
  std::string PersonName(const std::string& id) const {
    for (const v1::Person& p : c_->people())
      if (p.id() == id) return p.name();
    return id;
  }
  std::string UnitName(const std::string& id) const {
    for (const v1::Unit& u : c_->units())
      if (u.id() == id) return u.name();
    return id;
  }
  // The id of the person named `name`, added when the campaign has none.
  std::string PersonId(const std::string& name) {
    for (const v1::Person& p : c_->people())
      if (p.name() == name) return p.id();
    v1::Person* p = c_->add_people();
    p->set_id(name);
    p->set_name(name);
    return name;
  }
  // The same for a unit.
  std::string UnitId(const std::string& name) {
    for (const v1::Unit& u : c_->units())
      if (u.name() == name) return u.id();
    v1::Unit* u = c_->add_units();
    u->set_id(name);
    u->set_name(name);
    return name;
  }
  bool IsUnitName(const std::string& name) const {
    for (const v1::Unit& u : c_->units())
      if (u.name() == name) return true;
    return false;
  }

  // Marks the provenance of `kind`/`id` as reviewed.
  void Reviewed(const std::string& kind, const std::string& id,
                const std::string& how) {
    for (v1::Provenance& p : *r_->mutable_provenance()) {
      if (p.kind() == kind && p.id() == id) {
        p.set_cue("review: " + how +
                  (p.cue().empty() ? "" : " (" + p.cue() + ")"));
        p.set_confidence(1.0);
      }
    }
  }
  void Note(const v1::ReviewDecision& d, const std::string& why) {
    r_->add_notes("review " + v1::ReviewAction_Name(d.action()) + " " +
                  d.item() + ": " + why);
  }

  void Header(const v1::ReviewDecision& d, const ItemId& id) {
    v1::Document* doc = Plan();
    if (doc == nullptr) return Note(d, "the import has no plan document");
    std::string* field = nullptr;
    if (id.role == "number") field = doc->mutable_number();
    if (id.role == "issuer") field = doc->mutable_issuer();
    if (id.role == "date") field = doc->mutable_issue_date();
    if (id.role == "signer") field = doc->mutable_signer();
    if (id.role == "name") field = c_->mutable_name();
    if (field != nullptr) {
      if (d.action() == v1::REVIEW_REJECT) field->clear();
      if (d.action() == v1::REVIEW_CORRECT || d.action() == v1::REVIEW_ADD)
        *field = d.value();
      return;
    }
    auto* joint = doc->mutable_joint_issuers();
    auto it = std::find(joint->begin(), joint->end(), id.party);
    if (d.action() == v1::REVIEW_ADD) {
      if (it == joint->end()) doc->add_joint_issuers(id.party);
    } else if (it == joint->end()) {
      Note(d, "no such joint issuer in this import");
    } else if (d.action() == v1::REVIEW_REJECT) {
      joint->erase(it);
    } else if (d.action() == v1::REVIEW_CORRECT) {
      *it = d.value();
    }
  }

  void Seat(const v1::ReviewDecision& d, const ItemId& id) {
    v1::Body* body = nullptr;
    for (v1::Body& b : *c_->mutable_bodies())
      if (b.id() == id.owner) body = &b;
    if (body == nullptr)
      return Note(d, "no body '" + id.owner + "' in this import");
    const int role = RoleOf(kSeatRoles, id.role);
    auto* members = body->mutable_members();
    int found = -1;
    for (int i = 0; i < members->size(); ++i) {
      const v1::Member& m = members->Get(i);
      const std::string party = m.person_id().empty()
                                    ? UnitName(m.unit_id())
                                    : PersonName(m.person_id());
      if (m.role() == role && party == id.party) found = i;
    }
    const std::string provenance_id = body->id() + "/";
    if (d.action() == v1::REVIEW_ADD) {
      if (found >= 0) return;
      v1::Member* m = body->add_members();
      m->set_role(static_cast<v1::MemberRole>(role));
      if (IsUnitName(id.party)) {
        m->set_unit_id(UnitId(id.party));
      } else {
        m->set_person_id(PersonId(id.party));
      }
      AddProvenance("member", provenance_id + id.party, "added");
      return;
    }
    if (found < 0) return Note(d, "no such seat in this import");
    v1::Member* m = members->Mutable(found);
    const std::string party_id =
        m->person_id().empty() ? m->unit_id() : m->person_id();
    if (d.action() == v1::REVIEW_ACCEPT) {
      Reviewed("member", provenance_id + party_id, "accepted");
    } else if (d.action() == v1::REVIEW_REJECT) {
      members->erase(members->begin() + found);
    } else if (d.action() == v1::REVIEW_CORRECT) {
      if (m->person_id().empty()) {
        m->set_unit_id(UnitId(d.value()));
      } else {
        m->set_person_id(PersonId(d.value()));
      }
      AddProvenance("member", provenance_id + d.value(), "corrected");
    }
  }

  void Task(const v1::ReviewDecision& d, const ItemId& id) {
    bool task_found = false;
    for (const v1::Task& t : c_->tasks())
      task_found = task_found || t.id() == id.owner;
    if (!task_found)
      return Note(d, "no task '" + id.owner + "' in this import");
    const int role = RoleOf(kTaskRoles, id.role);
    const bool person = role == v1::ASSIGNMENT_ROLE_LEAD_LEADER ||
                        role == v1::ASSIGNMENT_ROLE_ASSISTING_LEADER;
    auto* list = c_->mutable_assignments();
    int found = -1;
    for (int i = 0; i < list->size(); ++i) {
      const v1::Assignment& a = list->Get(i);
      const std::string party = a.person_id().empty()
                                    ? UnitName(a.unit_id())
                                    : PersonName(a.person_id());
      if (a.task_id() == id.owner && a.role() == role && party == id.party)
        found = i;
    }
    if (d.action() == v1::REVIEW_ADD) {
      if (found >= 0) return;
      v1::Assignment* a = c_->add_assignments();
      a->set_task_id(id.owner);
      a->set_role(static_cast<v1::AssignmentRole>(role));
      if (person) {
        a->set_person_id(PersonId(id.party));
      } else {
        a->set_unit_id(UnitId(id.party));
      }
      AddProvenance("assignment", id.owner + "/" + id.party, "added");
      return;
    }
    if (found < 0) return Note(d, "no such task party in this import");
    v1::Assignment* a = list->Mutable(found);
    const std::string party_id =
        a->person_id().empty() ? a->unit_id() : a->person_id();
    if (d.action() == v1::REVIEW_ACCEPT) {
      Reviewed("assignment", id.owner + "/" + party_id, "accepted");
    } else if (d.action() == v1::REVIEW_REJECT) {
      list->erase(list->begin() + found);
    } else if (d.action() == v1::REVIEW_CORRECT) {
      if (person) {
        a->set_person_id(PersonId(d.value()));
      } else {
        a->set_unit_id(UnitId(d.value()));
      }
      AddProvenance("assignment", id.owner + "/" + d.value(), "corrected");
    }
  }

  void AddProvenance(const std::string& kind, const std::string& id,
                     const std::string& how) {
    v1::Provenance* p = r_->add_provenance();
    p->set_kind(kind);
    p->set_id(id);
    p->set_cue("review: " + how);
    p->set_confidence(1.0);
  }

 private:
  v1::ImportResult* r_;
  v1::Campaign* c_;
};

}  // namespace

Status CheckReview(
    const google::protobuf::RepeatedPtrField<v1::ReviewDecision>& review) {
  for (int i = 0; i < review.size(); ++i) {
    const v1::ReviewDecision& d = review[i];
    const std::string at = "review[" + std::to_string(i) + "]";
    if (d.action() == v1::REVIEW_ACTION_UNSPECIFIED ||
        !v1::ReviewAction_IsValid(d.action()))
      return Status::InvalidArgument(at + ": no action");
    ItemId id;
    if (!ParseItem(d.item(), &id))
      return Status::InvalidArgument(
          at + ".item '" + d.item() +
          "': not a header/FIELD, seat/BODY/ROLE/NAME or task/TASK/ROLE/NAME "
          "id");
    if (d.action() == v1::REVIEW_CORRECT && d.value().empty())
      return Status::InvalidArgument(at + ": a correction without a value");
  }
  return Status::OK();
}

void ApplyReview(
    const google::protobuf::RepeatedPtrField<v1::ReviewDecision>& review,
    v1::ImportResult* r) {
  Reviewer reviewer(r);
  for (const v1::ReviewDecision& d : review) {
    ItemId id;
    if (!ParseItem(d.item(), &id)) continue;  // CheckReview refused it.
    if (id.kind == "header") reviewer.Header(d, id);
    if (id.kind == "seat") reviewer.Seat(d, id);
    if (id.kind == "task") reviewer.Task(d, id);
  }
}

void ListReviewItems(v1::ImportResult* r) {
  r->clear_review_items();
  const v1::Campaign& c = r->campaign();
  std::unordered_map<std::string, const v1::Provenance*> source;
  source.reserve(static_cast<size_t>(r->provenance_size()));
  for (const v1::Provenance& p : r->provenance())
    source[p.kind() + '\x1f' + p.id()] = &p;  // The last (a review) wins.
  std::unordered_map<std::string, std::string> person, unit;
  for (const v1::Person& p : c.people()) person[p.id()] = p.name();
  for (const v1::Unit& u : c.units()) unit[u.id()] = u.name();
  auto add = [&](const std::string& item, const std::string& reading,
                 const std::string& kind, const std::string& provenance_id) {
    v1::ReviewItem* x = r->add_review_items();
    x->set_item(item);
    x->set_reading(reading);
    auto it = source.find(kind + '\x1f' + provenance_id);
    if (it != source.end()) {
      *x->mutable_source() = it->second->source();
      x->set_cue(it->second->cue());
      x->set_confidence(it->second->confidence());
    } else {
      x->set_confidence(0.9);
    }
  };
  for (const v1::Document& d : c.documents()) {
    if (d.id() != c.plan_document_id()) continue;
    const std::pair<const char*, std::string> fields[] = {
        {"number", d.number()},
        {"issuer", d.issuer()},
        {"date", d.issue_date()},
        {"signer", d.signer()}};
    for (const auto& [field, value] : fields)
      if (!value.empty())
        add(std::string("header/") + field, value, "document", d.id());
    for (const std::string& j : d.joint_issuers())
      add("header/joint_issuer/" + j, j, "document", d.id());
  }
  if (!c.name().empty())
    add("header/name", c.name(), "document", c.plan_document_id());
  for (const v1::Body& b : c.bodies()) {
    for (const v1::Member& m : b.members()) {
      const std::string id =
          m.person_id().empty() ? m.unit_id() : m.person_id();
      const std::string name = m.person_id().empty() ? unit[id] : person[id];
      add("seat/" + b.id() + "/" + WordOf(kSeatRoles, m.role()) + "/" + name,
          b.name() + " " + WordOf(kSeatRoles, m.role()) + " " + name +
              (m.note().empty() ? "" : " (" + m.note() + ")"),
          "member", b.id() + "/" + id);
    }
  }
  std::unordered_map<std::string, std::string> title;
  for (const v1::Task& t : c.tasks()) title[t.id()] = t.title();
  for (const v1::Assignment& a : c.assignments()) {
    const std::string id = a.person_id().empty() ? a.unit_id() : a.person_id();
    const std::string name = a.person_id().empty() ? unit[id] : person[id];
    add("task/" + a.task_id() + "/" + WordOf(kTaskRoles, a.role()) + "/" + name,
        a.task_id() + " " + title[a.task_id()] + " — " +
            (a.label().empty() ? WordOf(kTaskRoles, a.role()) : a.label()) +
            " " + name,
        "assignment", a.task_id() + "/" + id);
  }
  std::stable_sort(r->mutable_review_items()->begin(),
                   r->mutable_review_items()->end(),
                   [](const v1::ReviewItem& a, const v1::ReviewItem& b) {
                     return a.confidence() < b.confidence();
                   });
}

}  // namespace chuangwen::internal
