// Plan import's parser, shared by its passes (one file each): the header and
// closing block (plan_header.cc), the organization (plan_organization.cc),
// the task tree (plan_tasks.cc), phases and duties (plan_schedule.cc), and
// the document read as sections and passages (plan_import.cc); the phrase
// recognisers they share are in plan_phrases.cc.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_PARSER_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_PARSER_H_

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "chuangwen/v1/plan_import.pb.h"
#include "import/plan_cues.h"
#include "import/plan_dates.h"
#include "import/plan_seats.h"
#include "import/plan_text.h"

namespace chuangwen::internal {

bool Contains(U32View text, U32View what);
bool ContainsAny(U32View text, std::initializer_list<U32View> what);
bool EndsWith(U32View text, U32View what);
// A person's name without 同志 or a post after it.
U32 CleanName(U32View name);
bool LooksLikeName(U32View name);
// "team", "section", "division", "station", "center", "bureau", "office" or
// "unit", from how the name ends.
std::string UnitKind(U32View name);

enum class SectionKind { kOrganization, kTasks, kSchedule, kText };
SectionKind SectionOf(U32View title, const CueTables& cues);
v1::TextBlockKind BlockKindOf(U32View title, const CueTables& cues);

using RoleLabel = RoleLabelCue;
const RoleLabel* FindRoleLabel(U32View label, const CueTables& cues);

// A responsibility label and its names within a line: "牵头单位：A、B",
// several on one line ("牵头领导:A 责任部门:B 配合部门:C"), or in brackets
// after a task ("（责任单位：A；配合单位：B）"). Positions index the
// folded line; [begin, end) covers the label, its names and any brackets.
struct RoleSpan {
  const RoleLabel* role;
  size_t begin, end;              // The whole span.
  size_t value_begin, value_end;  // The names.
};

std::vector<RoleSpan> FindRoleSpans(U32View norm, const CueTables& cues);
// `text` without the spans (and the spaces and separators around them).
U32 WithoutSpans(U32View text, const std::vector<RoleSpan>& spans);

// The column kinds of a task table's header row (序号 | 工作任务 | 责任领导 |
// 牵头单位 | 配合单位 | 完成时限).
struct TableColumns {
  int number = -1, task = -1, deadline = -1;
  std::vector<std::pair<int, const RoleLabel*>> roles;
};

// The cells of a tab-separated row, trimmed.
std::vector<U32> Cells(U32View text);
// `text`: the line as written (Fold turns tabs into spaces).
bool ReadTableHeader(U32View text, const CueTables& cues, TableColumns* out);

// The position right after `what` in `text`, or npos.
size_t After(U32View text, U32View what, size_t from = 0);
// Text from `from` up to (not including) the first of `stops`.
U32View UpTo(U32View text, size_t from, U32View stops);

// The cue an item was read by, for its provenance, and how sure the
// reading is (0..1).
struct Cue {
  std::string what = "layout";
  double confidence = 0.9;
};

class PlanParser {
 public:
  PlanParser(const v1::ImportOptions& options, const CueTables& cues,
             v1::ImportResult* out)
      : options_(options),
        cues_(cues),
        out_(out),
        c_(out->mutable_campaign()) {}

  void Run(std::vector<LogicalLine> lines, std::vector<internal::Skip> skipped);

 private:
  // ---- Entities ----
  // `clean`: drop 同志 and a post after the name ("李明局长").
  std::string Person(U32View raw, const LogicalLine& l, bool clean = true) {
    U32 name = clean ? CleanName(raw) : U32(Trim(raw));
    std::string id = ToUtf8(name);
    if (people_.insert(id).second) {
      v1::Person* p = c_->add_people();
      p->set_id(id);
      p->set_name(id);
      Provenance("person", id, l);
    }
    return id;
  }
  std::string Unit(U32View raw, const LogicalLine& l) {
    std::string id = ToUtf8(Trim(raw));
    if (units_.insert(id).second) {
      v1::Unit* u = c_->add_units();
      u->set_id(id);
      u->set_name(id);
      u->set_kind(UnitKind(Trim(raw)));
      Provenance("unit", id, l);
    }
    return id;
  }
  void Provenance(const std::string& kind, const std::string& id,
                  const LogicalLine& l, const Cue& cue = Cue()) {
    Provenance(kind, id, l.first, l.last, cue);
  }
  void Provenance(const std::string& kind, const std::string& id, int first,
                  int last, const Cue& cue = Cue()) {
    v1::Provenance* p = out_->add_provenance();
    p->set_kind(kind);
    p->set_id(id);
    p->set_cue(cue.what);
    p->set_confidence(cue.confidence);
    p->mutable_source()->set_first_line(first);
    p->mutable_source()->set_last_line(last);
  }
  void Use(size_t i) { used_[i] = true; }

  v1::Body* BodyById(const std::string& id) {
    for (v1::Body& b : *c_->mutable_bodies())
      if (b.id() == id) return &b;
    return nullptr;
  }
  // The body `id`, added (with its provenance) the first time.
  v1::Body* FindOrAddBody(const std::string& id, const std::string& name,
                          v1::BodyKind kind, const LogicalLine& l) {
    if (v1::Body* b = BodyById(id)) return b;
    v1::Body* b = c_->add_bodies();
    b->set_id(id);
    b->set_name(name);
    b->set_kind(kind);
    if (kind != v1::BODY_KIND_LEADING_GROUP &&
        BodyById("leading-group") != nullptr)
      b->set_parent_body_id("leading-group");
    Provenance("body", id, l);
    return b;
  }
  v1::Body* LeadingGroup(const LogicalLine& l) {
    return FindOrAddBody("leading-group", "领导小组",
                         v1::BODY_KIND_LEADING_GROUP, l);
  }
  v1::Body* Office(const LogicalLine& l) {
    const v1::Body* group = BodyById("leading-group");
    const bool command =
        group != nullptr && group->name().find("指挥部") != std::string::npos;
    return FindOrAddBody("office", command ? "指挥部办公室" : "领导小组办公室",
                         v1::BODY_KIND_OFFICE, l);
  }
  void AddMember(v1::Body* body, const std::string& person, v1::MemberRole role,
                 const LogicalLine& l, const std::string& note,
                 const Cue& cue) {
    for (const v1::Member& m : body->members())
      if (m.person_id() == person && m.role() == role) return;
    v1::Member* m = body->add_members();
    m->set_person_id(person);
    m->set_role(role);
    if (!note.empty()) m->set_note(note);
    Provenance("member", body->id() + "/" + person, l, cue);
  }

  // "各科室负责同志" as members: each section seated by its head (a member
  // naming the unit). False when the phrase names no kind of unit known.
  bool SeatUnits(v1::Body* body, U32View who, v1::MemberRole role,
                 const LogicalLine& l) {
    std::string kind;
    if (ContainsAny(who, {U"各科室", U"各科", U"各处室"})) kind = "section";
    if (ContainsAny(who, {U"各部门", U"各单位"})) kind = "*";
    // "镇直各单位", "县直各部门": a set the plan does not list.
    if (kind.empty() || Contains(who, U"直各")) return false;
    bool any = false;
    for (const v1::Unit& u : c_->units()) {
      if (u.kind() == "bureau" || (kind != "*" && u.kind() != kind)) continue;
      if (u.name().rfind("各", 0) == 0) continue;  // A collective itself.
      v1::Member* m = body->add_members();
      m->set_unit_id(u.id());
      m->set_role(role);
      m->set_note(ToUtf8(Trim(who)));
      Provenance("member", body->id() + "/" + u.id(), l,
                 {"collective " + ToUtf8(Trim(who)), 0.6});
      any = true;
    }
    return any;
  }

  // The people named in `who` seated in `body` as `role`; a post with no
  // name seats a stand-in named by the post ("由区委书记任总指挥"). `rank`:
  // the seat as written, kept as the member's note where it says more
  // than the role (第一副组长, 总指挥). Returns the number seated.
  // A name told from a post beside it, or a seat held by a post alone, is
  // less sure than the cue that found it.
  int SeatPeople(v1::Body* body, v1::MemberRole role, U32View who, U32View rank,
                 const LogicalLine& l, const Cue& cue) {
    static const U32View kPlain[] = {U"组长",   U"副组长",     U"成员",
                                     U"组员",   U"主任",       U"副主任",
                                     U"联络员", U"办公室主任", U"办公室副主任"};
    const bool plain = std::find(std::begin(kPlain), std::end(kPlain), rank) !=
                       std::end(kPlain);
    int seated = 0;
    for (const PersonMention& p : internal::PeopleIn(who, cues_)) {
      const bool stand_in = p.name.empty();
      const std::string id = Person(stand_in ? p.post : p.name, l, false);
      for (v1::Person& person : *c_->mutable_people()) {
        if (person.id() != id) continue;
        if (person.title().empty() && !p.post.empty())
          person.set_title(ToUtf8(p.post));
        if (person.contact().empty() && !p.contact.empty())
          person.set_contact(ToUtf8(p.contact));
        if (stand_in) person.set_proposed(true);
      }
      Cue sure = cue;
      if (p.split) sure.confidence *= 0.9;
      if (stand_in) sure.confidence *= 0.7;
      AddMember(body, id, role, l, plain ? "" : ToUtf8(rank), sure);
      ++seated;
    }
    return seated;
  }

  // The names in `value` as parties of `task_id` in `role`.
  void AddAssignments(const std::string& task_id, const RoleLabel* role,
                      U32View value, const LogicalLine& l, const Cue& cue) {
    for (const U32& name : SplitNames(value)) {
      v1::Assignment* a = c_->add_assignments();
      a->set_task_id(task_id);
      a->set_role(role->role);
      a->set_label(ToUtf8(role->label));
      std::string party;
      if (role->role == v1::ASSIGNMENT_ROLE_LEAD_LEADER ||
          role->role == v1::ASSIGNMENT_ROLE_ASSISTING_LEADER) {
        party = Person(name, l);
        a->set_person_id(party);
      } else {
        party = Unit(name, l);
        a->set_unit_id(party);
      }
      Provenance("assignment", task_id + "/" + party, l, cue);
    }
  }

  // Issuers of the plan: the first is the issuer, the others joint.
  void AddIssuers(v1::Document* doc, const std::vector<U32>& names) {
    for (const U32& n : names) {
      const std::string name = ToUtf8(n);
      if (doc->issuer().empty()) {
        doc->set_issuer(name);
      } else if (doc->issuer() != name &&
                 std::find(doc->joint_issuers().begin(),
                           doc->joint_issuers().end(),
                           name) == doc->joint_issuers().end()) {
        doc->add_joint_issuers(name);
      }
    }
  }

  // A row of a government site's metadata table (索引号, 发文字号, 成文
  // 日期, 发布机构), label and value in cells of their own or together
  // ("发文字号：临政办〔2025〕18号"). False if the row is not one.
  bool MetadataRow(const LogicalLine& l, v1::Document* doc) {
    if (l.text.find(U'\t') == U32::npos) return false;
    std::vector<std::pair<U32, U32>> pairs;
    const std::vector<U32> cells = Cells(l.text);
    for (size_t k = 0; k < cells.size(); ++k) {
      U32 label, value;
      const size_t colon = cells[k].find_first_of(U":：");
      if (colon != U32::npos) {
        label = U32(Trim(U32View(cells[k]).substr(0, colon)));
        value = U32(Trim(U32View(cells[k]).substr(colon + 1)));
        if (value.empty() && k + 1 < cells.size()) value = cells[++k];
      } else if (k + 1 < cells.size()) {
        label = cells[k];
        value = cells[++k];
      }
      if (!label.empty()) pairs.emplace_back(label, value);
    }
    bool any = false;
    for (const auto& [label, value] : pairs) {
      if (value.empty()) continue;
      if (label == U"发文字号" || label == U"文号") {
        if (doc->number().empty()) doc->set_number(ToUtf8(value));
      } else if (label == U"成文日期" || label == U"发文日期") {
        U32 folded(value);
        for (char32_t& ch : folded) ch = Fold(ch);
        const std::string date = internal::WholeLineDate(folded);
        if (!date.empty() && doc->issue_date().empty())
          doc->set_issue_date(date);
      } else if (label == U"发布机构" || label == U"发文机关" ||
                 label == U"发文单位") {
        // A labelled field outweighs the issuer read off a title.
        if (doc->issuer().empty() || issuer_from_title_) {
          doc->set_issuer(ToUtf8(value));
          issuer_from_title_ = false;
        }
      } else if (label != U"索引号" && label != U"主题分类" &&
                 label != U"公开方式" && label != U"有效性" &&
                 label != U"发布日期" && label != U"体裁分类") {
        continue;
      }
      any = true;
    }
    return any;
  }

  // ---- Passes ----
  void Header(size_t begin, size_t end);
  void Trailer();
  void Organization();
  bool OrganizationLine(size_t i);
  void Tasks(size_t begin, size_t end);
  bool HasResponsibilities(size_t begin, size_t end) const;
  void Phases(size_t begin, size_t end);
  void TextBlocks(size_t begin, size_t end, U32View section_title);
  void Duties();
  void Duty(size_t line, size_t sentence_at, U32View sentence,
            size_t clause_start, size_t clause_end, bool has_sections,
            int* count);
  void InheritAssignments();
  int Year() const { return year_; }

  const v1::ImportOptions& options_;
  const CueTables& cues_;
  v1::ImportResult* out_;
  v1::Campaign* c_;
  std::vector<LogicalLine> lines_;
  std::vector<bool> used_;
  std::set<std::string> people_, units_;
  int year_ = 0;
  std::string root_unit_;
  std::string current_body_id_;
  int blocks_ = 0;
  bool placeholder_noted_ = false;
  bool issuer_from_title_ = false;
  // The last roster line with a seat label, for the lines that continue it.
  size_t roster_line_ = static_cast<size_t>(-2);
  v1::MemberRole roster_role_ = v1::MEMBER_ROLE_UNSPECIFIED;
  bool roster_units_ = false;
  U32 roster_rank_;
  // Task of each logical line inside the task section.
  std::vector<std::string> task_of_line_;
  std::vector<bool> phase_line_;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_PARSER_H_
