// Plan import: from logical lines to a proposed campaign. The document is
// read as a careful person reads it: the header above the first 一、, then
// each top-level section by what its title says it is (organization, tasks,
// schedule, or passages to keep), with the organization's sentences and the
// recurring duties picked out wherever they are.
#include "chuangwen/plan_import.h"

#include <algorithm>
#include <map>
#include <set>

#include "chuangwen/validate.h"
#include "import/converters.h"
#include "import/docx_reader.h"
#include "import/html_reader.h"
#include "import/pdf_text.h"
#include "import/plan_dates.h"
#include "import/plan_format.h"
#include "import/plan_proposals.h"
#include "import/plan_review.h"
#include "import/plan_seats.h"
#include "import/plan_targets.h"
#include "import/plan_text.h"

namespace chuangwen {
namespace {

using internal::DateSpan;
using internal::Fold;
using internal::IsHan;
using internal::IsSpace;
using internal::LogicalLine;
using internal::MatchLabel;
using internal::MatchNumbering;
using internal::Numbering;
using internal::NumberingMatch;
using internal::PersonMention;
using internal::SplitNames;
using internal::ToUtf8;
using internal::Trim;
using internal::U32;
using internal::U32View;

bool Contains(U32View text, U32View what) {
  return text.find(what) != U32View::npos;
}

bool ContainsAny(U32View text, std::initializer_list<U32View> what) {
  for (U32View w : what)
    if (Contains(text, w)) return true;
  return false;
}

bool EndsWith(U32View text, U32View what) {
  return text.size() >= what.size() &&
         text.substr(text.size() - what.size()) == what;
}

// A person's name without 同志 or a post after it.
U32 CleanName(U32View name) {
  static const U32View kSuffixes[] = {U"同志", U"副局长", U"局长", U"副处长",
                                      U"处长", U"副主任", U"主任", U"科长",
                                      U"书记", U"副书记"};
  U32View t = Trim(name);
  for (bool again = true; again;) {
    again = false;
    for (U32View s : kSuffixes) {
      if (t.size() > s.size() + 1 && EndsWith(t, s)) {
        t.remove_suffix(s.size());
        again = true;
      }
    }
  }
  return U32(t);
}

bool LooksLikeName(U32View name) {
  if (name.size() < 2 || name.size() > 4) return false;
  return std::all_of(name.begin(), name.end(), IsHan);
}

std::string UnitKind(U32View name) {
  if (EndsWith(name, U"大队") || EndsWith(name, U"中队") ||
      EndsWith(name, U"队"))
    return "team";
  if (EndsWith(name, U"科") || EndsWith(name, U"室") || EndsWith(name, U"股"))
    return "section";
  if (EndsWith(name, U"处")) return "division";
  if (EndsWith(name, U"所") || EndsWith(name, U"站")) return "station";
  if (EndsWith(name, U"中心")) return "center";
  if (EndsWith(name, U"局") || EndsWith(name, U"委员会") ||
      EndsWith(name, U"委"))
    return "bureau";
  if (EndsWith(name, U"办")) return "office";
  return "unit";
}

enum class SectionKind { kOrganization, kTasks, kSchedule, kText };

SectionKind SectionOf(U32View title, const internal::CueTables& cues) {
  for (const auto& [phrase, kind] : cues.sections) {
    if (!Contains(title, phrase)) continue;
    switch (kind) {
      case v1::IMPORT_SECTION_TASKS:
        return SectionKind::kTasks;
      case v1::IMPORT_SECTION_SCHEDULE:
        return SectionKind::kSchedule;
      case v1::IMPORT_SECTION_ORGANIZATION:
        return SectionKind::kOrganization;
      default:
        break;
    }
  }
  return SectionKind::kText;
}

v1::TextBlockKind BlockKindOf(U32View title, const internal::CueTables& cues) {
  for (const auto& [phrase, kind] : cues.text_blocks)
    if (Contains(title, phrase)) return kind;
  return v1::OTHER;
}

using RoleLabel = internal::RoleLabelCue;

const RoleLabel* FindRoleLabel(U32View label, const internal::CueTables& cues) {
  for (const RoleLabel& r : cues.role_labels)
    if (label == r.label) return &r;
  return nullptr;
}

// A responsibility label and its names within a line: "牵头单位：A、B",
// several on one line ("牵头领导:A 责任部门:B 配合部门:C"), or in brackets
// after a task ("（责任单位：A；配合单位：B）"). Positions index the
// folded line; [begin, end) covers the label, its names and any brackets.
struct RoleSpan {
  const RoleLabel* role;
  size_t begin, end;              // The whole span.
  size_t value_begin, value_end;  // The names.
};

std::vector<RoleSpan> FindRoleSpans(U32View norm,
                                    const internal::CueTables& cues) {
  std::vector<RoleSpan> spans;
  // Labels are found from their colons: the longest label that ends right
  // before one (spaces between allowed) wins (牵头责任单位 over 责任单位).
  for (size_t j = 0; j < norm.size(); ++j) {
    if (norm[j] != U':') continue;
    size_t k = j;
    while (k > 0 && IsSpace(norm[k - 1])) --k;
    const RoleLabel* best = nullptr;
    for (const RoleLabel& r : cues.role_labels) {
      const size_t n = r.label.size();
      if (n <= k && (best == nullptr || n > best->label.size()) &&
          norm.substr(k - n, n) == r.label)
        best = &r;
    }
    if (best == nullptr) continue;
    const size_t i = k - best->label.size();
    if (!spans.empty() && spans.back().value_begin > i) continue;
    RoleSpan span{best, i, 0, j + 1, 0};
    size_t b = i;
    while (b > 0 && IsSpace(norm[b - 1])) --b;
    const bool bracketed =
        b > 0 && (norm[b - 1] == U'(' || norm[b - 1] == U'[' ||
                  norm[b - 1] == U'【' || norm[b - 1] == U'〔');
    if (bracketed) span.begin = b - 1;
    spans.push_back(span);
  }
  for (size_t s = 0; s < spans.size(); ++s) {
    RoleSpan& span = spans[s];
    const size_t limit = s + 1 < spans.size() ? spans[s + 1].begin : norm.size();
    // Names end at the bracket that closes the span, or a full stop;
    // brackets inside a name ("办（站、所）") are the name's.
    size_t end = span.value_begin;
    int depth = 0;
    for (; end < limit && norm[end] != U'。'; ++end) {
      const char32_t c = norm[end];
      if (c == U'(' || c == U'[' || c == U'【' || c == U'〔') {
        ++depth;
      } else if (c == U')' || c == U']' || c == U'】' || c == U'〕') {
        if (depth == 0) break;
        --depth;
      }
    }
    span.value_end = end;
    span.end = end;
    if (end < norm.size() && end < limit && norm[end] != U'。') span.end = end + 1;
    // Names end before a separator that leads to the next label.
    while (span.value_end > span.value_begin &&
           (IsSpace(norm[span.value_end - 1]) || norm[span.value_end - 1] == U';' ||
            norm[span.value_end - 1] == U'；' || norm[span.value_end - 1] == U','))
      --span.value_end;
  }
  return spans;
}

// `text` without the spans (and the spaces and separators around them).
U32 WithoutSpans(U32View text, const std::vector<RoleSpan>& spans) {
  U32 out;
  size_t at = 0;
  for (const RoleSpan& s : spans) {
    if (s.begin > at) out += text.substr(at, s.begin - at);
    at = std::max(at, s.end);
  }
  if (at < text.size()) out += text.substr(at);
  return U32(Trim(out));
}

// The column kinds of a task table's header row (序号 | 工作任务 | 责任领导 |
// 牵头单位 | 配合单位 | 完成时限).
struct TableColumns {
  int number = -1, task = -1, deadline = -1;
  std::vector<std::pair<int, const RoleLabel*>> roles;
};

std::vector<U32> Cells(U32View text) {
  std::vector<U32> cells;
  size_t start = 0;
  for (;;) {
    size_t tab = text.find(U'\t', start);
    cells.emplace_back(Trim(text.substr(start, tab == U32View::npos ? U32View::npos : tab - start)));
    if (tab == U32View::npos) break;
    start = tab + 1;
  }
  return cells;
}

// `text`: the line as written (Fold turns tabs into spaces).
bool ReadTableHeader(U32View text, const internal::CueTables& cues,
                     TableColumns* out) {
  if (text.find(U'\t') == U32View::npos) return false;
  TableColumns cols;
  const std::vector<U32> cells = Cells(text);
  for (size_t i = 0; i < cells.size(); ++i) {
    U32 c;
    for (char32_t ch : cells[i])
      if (!IsSpace(ch)) c += Fold(ch);
    const int at = static_cast<int>(i);
    if (c == U"序号" || c == U"编号") {
      cols.number = at;
    } else if (const RoleLabel* r = FindRoleLabel(c, cues)) {
      cols.roles.emplace_back(at, r);
    } else if (ContainsAny(c, {U"时限", U"时间", U"节点"})) {
      cols.deadline = at;
    } else if (cols.task < 0 &&
               ContainsAny(c, {U"任务", U"工作内容", U"工作措施", U"具体措施",
                               U"内容", U"事项"})) {
      cols.task = at;
    }
  }
  if (cols.task < 0 || cols.roles.empty()) return false;
  *out = cols;
  return true;
}

// The position right after `what` in `text`, or npos.
size_t After(U32View text, U32View what, size_t from = 0) {
  size_t p = text.find(what, from);
  return p == U32View::npos ? p : p + what.size();
}

// Text from `from` up to (not including) the first of `stops`.
U32View UpTo(U32View text, size_t from, U32View stops) {
  if (from >= text.size()) return U32View();
  size_t end = text.find_first_of(stops, from);
  return text.substr(from, end == U32View::npos ? U32View::npos : end - from);
}

// The cue an item was read by, for its provenance, and how sure the
// reading is (0..1).
struct Cue {
  std::string what = "layout";
  double confidence = 0.9;
};

class PlanParser {
 public:
  PlanParser(const v1::ImportOptions& options, const internal::CueTables& cues,
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
  const internal::CueTables& cues_;
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

void PlanParser::Header(size_t begin, size_t end) {
  v1::Document* doc = c_->add_documents();
  doc->set_id("plan");
  c_->set_plan_document_id("plan");
  int parents = 0;
  for (size_t i = begin; i < end; ++i) {
    const LogicalLine& l = lines_[i];
    U32View n = l.norm;
    // 文号: 郑修管〔2017〕8号, 新事文【2014】25号, [2017], (2017).
    for (size_t p = 0; p < n.size(); ++p) {
      if (U32View(U"〔【[(").find(n[p]) == U32View::npos) continue;
      size_t q = p + 1;
      while (q < n.size() && internal::IsSpace(n[q])) ++q;
      if (q + 4 > n.size() ||
          !std::all_of(n.begin() + static_cast<long>(q),
                       n.begin() + static_cast<long>(q + 4),
                       [](char32_t ch) { return ch >= '0' && ch <= '9'; }))
        continue;
      size_t r = q + 4;
      while (r < n.size() && internal::IsSpace(n[r])) ++r;
      if (r >= n.size() || U32View(U"〕】])").find(n[r]) == U32View::npos)
        continue;
      size_t s = r + 1;
      size_t digits = s;
      while (digits < n.size() && n[digits] >= '0' && n[digits] <= '9')
        ++digits;
      if (digits == s || digits >= n.size() || n[digits] != U'号') continue;
      size_t prefix = p;
      while (prefix > 0 && IsHan(n[prefix - 1]) && p - prefix < 10) --prefix;
      if (prefix == p) continue;
      // Inside 《…》（…）a number is a parent's, read below; "（X〔2025〕9
      // 号）" under the title is the plan's own.
      if (prefix > 0 &&
          (n[prefix - 1] == U'《' ||
           (n[prefix - 1] == '(' && prefix >= 2 && n[prefix - 2] == U'》')))
        continue;
      if (doc->number().empty()) {
        doc->set_number(ToUtf8(n.substr(prefix, p - prefix)) + "〔" +
                        ToUtf8(n.substr(q, 4)) + "〕" +
                        ToUtf8(n.substr(s, digits - s)) + "号");
        Use(i);
      }
    }
    // Parent documents: 《title》（number）.
    for (size_t p = n.find(U'《'); p != U32View::npos;
         p = n.find(U'《', p + 1)) {
      size_t close = n.find(U'》', p);
      if (close == U32View::npos) break;
      size_t q = close + 1;
      while (q < n.size() && internal::IsSpace(n[q])) ++q;
      if (q >= n.size() || n[q] != '(') continue;
      size_t r = n.find(')', q);
      if (r == U32View::npos) continue;
      U32View number = Trim(n.substr(q + 1, r - q - 1));
      if (!EndsWith(number, U"号")) continue;
      v1::Document* parent = c_->add_documents();
      parent->set_id("parent-" + std::to_string(++parents));
      parent->set_title(ToUtf8(U32View(l.text).substr(p + 1, close - p - 1)));
      U32 num(number);
      for (char32_t& ch : num) {
        if (ch == U'【' || ch == '[') ch = U'〔';
        if (ch == U'】' || ch == ']') ch = U'〕';
      }
      parent->set_number(ToUtf8(num));
      doc->add_parent_ids(parent->id());
      Provenance("document", parent->id(), l);
      Use(i);
    }
    if (MetadataRow(l, doc)) {
      Use(i);
      continue;
    }
    // "青城管〔2025〕9号          签发人：周  明": the signer after wide
    // padding on the 文号's line.
    if (const size_t signer = After(n, U"签发人:");
        signer != U32View::npos && signer > 7 && doc->signer().empty()) {
      const std::vector<U32> names =
          SplitNames(Trim(U32View(l.text).substr(signer)));
      if (!names.empty()) doc->set_signer(ToUtf8(names[0]));
      Use(i);
    }
    const std::string date = internal::WholeLineDate(n);
    if (!date.empty()) {
      if (doc->issue_date().empty()) doc->set_issue_date(date);
      Use(i);
      continue;
    }
    if (n.size() <= 30 && n.back() == ':' && doc->recipients_size() == 0) {
      // 主送: "局属各科室、各管理所：".
      for (const U32& r :
           SplitNames(U32View(l.text).substr(0, l.text.size() - 1)))
        doc->add_recipients(ToUtf8(r));
      Use(i);
      continue;
    }
    U32 label;
    size_t value_at = 0;
    if (MatchLabel(n, &label, &value_at)) {
      U32View value = Trim(U32View(l.text).substr(value_at));
      if (label == U"签发人" || label == U"签发") {
        // "林  涛" padded for alignment is one name.
        const std::vector<U32> names = SplitNames(value);
        doc->set_signer(ToUtf8(names.size() == 1 ? U32View(names[0]) : value));
        Use(i);
      } else if (label == U"抄送") {
        for (const U32& r : SplitNames(value)) doc->add_copied_to(ToUtf8(r));
        Use(i);
      } else if (label == U"主送") {
        for (const U32& r : SplitNames(value)) doc->add_recipients(ToUtf8(r));
        Use(i);
      } else if (value.empty() && n.size() <= 20) {
        doc->add_recipients(
            ToUtf8(Trim(U32View(l.text).substr(0, value_at - 1))));
        Use(i);
      }
      continue;
    }
    // Issuers above the title, one or several to a line ("中共X县委办公室
    // X县人民政府办公室"), or signing the covering notice.
    const std::vector<U32> issuers =
        internal::IssuerNames(n, cues_.issuer_endings);
    if (!issuers.empty()) {
      AddIssuers(doc, issuers);
      Use(i);
      continue;
    }
    if (EndsWith(n, U"文件") && n.size() <= 30) {
      doc->set_issuer(
          ToUtf8(Trim(U32View(l.text).substr(0, l.text.size() - 2))));
      Use(i);
      continue;
    }
    if (n.size() <= 100 && !Contains(n, U"根据") &&
        (Contains(n, U"关于印发") || EndsWith(n, U"的通知"))) {
      doc->set_title(ToUtf8(l.text));
      // "青川市交通运输局关于印发…": the issuer leads the title.
      size_t about = n.find(U"关于");
      if (doc->issuer().empty() && about != U32View::npos && about >= 4 &&
          std::all_of(n.begin(), n.begin() + static_cast<long>(about), IsHan)) {
        doc->set_issuer(ToUtf8(U32View(l.text).substr(0, about)));
        issuer_from_title_ = true;
      }
      Use(i);
      continue;
    }
    if (n.size() <= 60 &&
        std::any_of(cues_.plan_title_endings.begin(),
                    cues_.plan_title_endings.end(),
                    [&](const U32& end) { return EndsWith(n, end); })) {
      // The plan's own title; spaces inside it are layout.
      U32 title;
      for (char32_t ch : l.text)
        if (!internal::IsSpace(ch)) title.push_back(ch);
      c_->set_name(ToUtf8(title));
      Use(i);
      continue;
    }
    if (ContainsAny(n, {U"印发给你们", U"请遵照执行", U"请认真贯彻执行",
                        U"请结合实际"})) {
      Use(i);  // The covering notice's sentence.
      continue;
    }
  }
  if (doc->title().empty()) doc->set_title(c_->name());
  if (c_->name().empty()) c_->set_name(doc->title());
  if (end > begin)
    Provenance("document", "plan", lines_[begin].first, lines_[end - 1].last);
}

void PlanParser::Trailer() {
  // The issuer's name and a date at the end (郑州市…管理处 /
  // 2017年3月13日印发); joint issuers on one line or on several.
  v1::Document* doc = c_->mutable_documents(0);
  for (size_t i = lines_.size(); i-- > 0 && i + 6 >= lines_.size();) {
    const std::string date = internal::WholeLineDate(lines_[i].norm);
    if (date.empty()) continue;
    if (doc->issue_date().empty()) doc->set_issue_date(date);
    if (!used_[i]) Provenance("document", "plan", lines_[i]);
    Use(i);
    size_t top = i;
    while (top > 0 && i - top < 3 && !used_[top - 1] &&
           !internal::IssuerNames(lines_[top - 1].norm, cues_.issuer_endings)
                .empty())
      --top;
    if (top < i) {
      for (size_t k = top; k < i; ++k) {
        AddIssuers(doc,
                   internal::IssuerNames(lines_[k].norm, cues_.issuer_endings));
        Provenance("document", "plan", lines_[k]);
        Use(k);
      }
    } else if (i > 0 && !used_[i - 1]) {
      U32View prev = lines_[i - 1].norm;
      if (prev.size() <= 30 && MatchNumbering(prev).style == Numbering::kNone &&
          std::all_of(prev.begin(), prev.end(), [](char32_t ch) {
            return IsHan(ch) || internal::IsSpace(ch);
          })) {
        if (doc->issuer().empty()) doc->set_issuer(ToUtf8(lines_[i - 1].text));
        Provenance("document", "plan", lines_[i - 1]);
        Use(i - 1);
      }
    }
    break;
  }
}

// Organization sentences wherever they are: the leading group, its office,
// working groups and their members.
bool PlanParser::OrganizationLine(size_t i) {
  const LogicalLine& l = lines_[i];
  U32View n = l.norm;
  U32View t = l.text;
  bool used = false;
  // A working group heading: "（一）综合协调组" or "综合协调组：".
  {
    NumberingMatch num = MatchNumbering(n);
    U32View rest = Trim(t.substr(num.length));
    U32View head = UpTo(rest, 0, U":：");
    if (head.size() >= 3 && head.size() <= 12 && EndsWith(head, U"组") &&
        !Contains(head, U"领导小组") && head != U"组长" && head != U"副组长" &&
        (num.style != Numbering::kNone || rest.size() == head.size() ||
         rest[head.size()] == U'：' || rest[head.size()] == ':')) {
      std::string id = "group-" + ToUtf8(head);
      v1::Body* b =
          FindOrAddBody(id, ToUtf8(head), v1::BODY_KIND_WORKING_GROUP, l);
      current_body_id_ = id;
      U32View after = Trim(rest.substr(head.size()));
      if (!after.empty() && (after[0] == U'：' || after[0] == ':')) {
        after = Trim(after.substr(1));
        if (!after.empty()) b->add_duties(ToUtf8(after));
      }
      return true;
    }
  }
  // 成立…领导小组 / 指挥部: the body and its name.
  const U32View group_word = Contains(n, U"领导小组") ? U32View(U"领导小组")
                             : Contains(n, U"指挥部") ? U32View(U"指挥部")
                                                      : U32View();
  if (!group_word.empty() && ContainsAny(n, {U"成立", U"组成", U"调整"}) &&
      !Contains(n, U"指挥部办公室") && !Contains(n, U"领导小组办公室")) {
    v1::Body* b = LeadingGroup(l);
    size_t start = After(n, U"成立");
    size_t end = n.find(group_word, start == U32View::npos ? 0 : start);
    if (start != U32View::npos && end != U32View::npos && end > start &&
        end - start <= 80) {
      U32View name = t.substr(start, end - start + group_word.size());
      // "由…为成员的XX领导小组": the name starts after the last 的.
      size_t de = name.rfind(U'的');
      if (de != U32View::npos && de + 1 < name.size())
        name = name.substr(de + 1);
      b->set_name(ToUtf8(name));
    } else if (group_word == U"指挥部" && b->name() == "领导小组") {
      b->set_name("指挥部");
    }
    current_body_id_ = "leading-group";
    used = true;
  }
  // Seats in prose: "以局长王伟为组长", "X同志兼办公室主任，Y、Z同志任副主任",
  // "由区委书记任总指挥".
  for (const internal::SeatMention& m : internal::FindSeatMentions(n, cues_)) {
    v1::Body* b = nullptr;
    const bool office =
        m.body == v1::SEAT_CUE_BODY_OFFICE ||
        (m.body == v1::SEAT_CUE_BODY_CURRENT &&
         (Contains(n, U"办公室") || current_body_id_ == "office"));
    if (office) {
      b = Office(l);
    } else if (m.body == v1::SEAT_CUE_BODY_CURRENT &&
               !current_body_id_.empty()) {
      b = BodyById(current_body_id_);
    } else {
      b = LeadingGroup(l);
    }
    if (b == nullptr) continue;
    const U32View who = t.substr(m.who_begin, m.who_end - m.who_begin);
    if (SeatPeople(b, m.role, who, m.rank, l,
                   {"seat " + ToUtf8(m.marker), 0.85}) == 0 &&
        !SeatUnits(b, who, m.role, l))
      out_->add_notes(ToUtf8(m.marker) + ": " + ToUtf8(Trim(who)) +
                      " (not a named person; review the members)");
    used = true;
  }
  // The office: 下设办公室，办公室设在…，主任由…兼任，成员由…组成，…为联络员
  if (Contains(n, U"下设办公室") || Contains(n, U"办公室主任由") ||
      Contains(n, U"办公室设在")) {
    v1::Body* b = Office(l);
    current_body_id_ = "office";
    used = true;
    size_t host = After(n, U"办公室设在");
    if (host != U32View::npos) {
      U32View where = Trim(UpTo(t, host, U"，,。；;"));
      if (!where.empty()) {
        // "修管处办公室" is the section 办公室 of the bureau when one exists.
        b->set_host_unit_id(Unit(where, l));
      }
    }
    size_t director = After(n, U"主任由");
    if (director != U32View::npos) {
      // "主任由镇党委委员、宣传委员欧阳青兼任": the holder with their posts.
      const size_t stop = n.find_first_of(U"，,。；;", director);
      U32View who = t.substr(
          director, stop == U32View::npos ? U32View::npos : stop - director);
      for (U32View verb :
           {U32View(U"兼任"), U32View(U"担任"), U32View(U"担")}) {
        if (who.size() > verb.size() &&
            who.substr(who.size() - verb.size()) == verb) {
          who.remove_suffix(verb.size());
          break;
        }
      }
      const bool concurrent = n.find(U"兼任", director) != U32View::npos;
      SeatPeople(b, v1::MEMBER_ROLE_DIRECTOR, who,
                 concurrent ? U32View(U"兼任") : U32View(U"主任"), l,
                 {"office 主任由", 0.9});
    }
    size_t members = After(n, U"成员由");
    if (members != U32View::npos) {
      size_t end = n.find(U"组成", members);
      if (end != U32View::npos) {
        for (const U32& who : SplitNames(t.substr(members, end - members))) {
          U32 name = CleanName(who);
          if (LooksLikeName(name))
            AddMember(b, Person(name, l), v1::MEMBER_ROLE_MEMBER, l, "",
                      {"office 成员由", 0.85});
        }
      }
    }
    size_t duty = After(n, U"，负责");
    if (duty != U32View::npos) {
      U32View what = UpTo(t, duty, U"。");
      size_t liaison = what.find(U"联络员");
      if (liaison == U32View::npos && !what.empty())
        b->add_duties("负责" + ToUtf8(what));
    }
  }
  // …同志为联络员（联系方式18737121296），负责与…的沟通和联系。
  size_t liaison = n.find(U"为联络员");
  if (liaison != U32View::npos) {
    size_t from = liaison;
    while (from > 0 && U32View(U"。，,；;").find(n[from - 1]) == U32View::npos)
      --from;
    U32 name = CleanName(t.substr(from, liaison - from));
    if (LooksLikeName(name)) {
      v1::Body* b =
          current_body_id_.empty() ? Office(l) : BodyById(current_body_id_);
      std::string person = Person(name, l);
      std::string note;
      size_t contact = n.find(U"联系方式", liaison);
      if (contact != U32View::npos) {
        size_t d = contact + 4;
        while (d < n.size() && !(n[d] >= '0' && n[d] <= '9')) ++d;
        size_t e = d;
        while (e < n.size() && ((n[e] >= '0' && n[e] <= '9') || n[e] == '-'))
          ++e;
        if (e > d) {
          for (v1::Person& p : *c_->mutable_people())
            if (p.id() == person) p.set_contact(ToUtf8(n.substr(d, e - d)));
        }
      }
      size_t duty = After(n, U"负责", liaison);
      if (duty != U32View::npos) note = "负责" + ToUtf8(UpTo(t, duty, U"。"));
      AddMember(b, person, v1::MEMBER_ROLE_LIAISON, l, note,
                {"seat 为联络员", 0.9});
      used = true;
    }
  }
  // Label lines: 组长：…, 第一副组长：…, 总指挥：…, 成员单位：…, 主任：…,
  // 联络员：…, 工作职责：…; a roster's next lines without a label
  // continue its last seat ("          唐卫国副区长").
  U32 label;
  size_t value_at;
  const bool labelled = MatchLabel(n, &label, &value_at);
  v1::MemberRole role;
  bool units = false;
  if (labelled && internal::SeatLabel(label, cues_, &role, &units)) {
    U32View value = Trim(t.substr(value_at));
    v1::Body* b = nullptr;
    const bool office_role = role == v1::MEMBER_ROLE_DIRECTOR ||
                             role == v1::MEMBER_ROLE_DEPUTY_DIRECTOR ||
                             role == v1::MEMBER_ROLE_LIAISON;
    if (label.find(U"办公室") != U32::npos) {
      b = Office(l);
    } else if (!current_body_id_.empty()) {
      b = BodyById(current_body_id_);
    }
    if (b == nullptr) b = office_role ? Office(l) : LeadingGroup(l);
    if (Contains(label, U"指挥") && b->id() == "leading-group" &&
        b->name() == "领导小组")
      b->set_name("指挥部");
    if (current_body_id_.empty()) current_body_id_ = b->id();
    roster_line_ = i;
    roster_role_ = role;
    roster_units_ = units;
    roster_rank_ = label;
    if (units) {
      for (const U32& name : SplitNames(value)) {
        const std::string unit = Unit(name, l);
        bool seated = false;
        for (const v1::Member& m : b->members())
          seated = seated || (m.unit_id() == unit && m.role() == role);
        if (seated) continue;
        v1::Member* m = b->add_members();
        m->set_unit_id(unit);
        m->set_role(role);
        Provenance("member", b->id() + "/" + unit, l,
                   {"roster " + ToUtf8(label), 0.95});
      }
    } else if (SeatPeople(b, role, value, label, l,
                          {"roster " + ToUtf8(label), 0.95}) == 0 &&
               !value.empty() && !(value[0] >= '0' && value[0] <= '9') &&
               !SeatUnits(b, value, role, l)) {
      out_->add_notes(ToUtf8(label) + ": " + ToUtf8(value) +
                      " (not a named person; review the members)");
    }
    return true;
  }
  if (!labelled && roster_line_ + 1 == i && !roster_units_ && n.size() <= 40 &&
      !Contains(n, U"。") && MatchNumbering(n).style == Numbering::kNone &&
      !current_body_id_.empty()) {
    bool complete = false;
    const std::vector<PersonMention> people =
        internal::PeopleIn(t, cues_, &complete);
    const bool named =
        std::any_of(people.begin(), people.end(),
                    [](const PersonMention& p) { return !p.name.empty(); });
    if (complete && named) {
      SeatPeople(BodyById(current_body_id_), roster_role_, t, roster_rank_, l,
                 {"roster continued " + ToUtf8(roster_rank_), 0.8});
      roster_line_ = i;
      return true;
    }
  }
  // "联络员：孔维（139…）" inside an office sentence.
  if (!labelled && Contains(n, U"办公室")) {
    size_t at = After(n, U"联络员:");
    if (at != U32View::npos)
      if (SeatPeople(Office(l), v1::MEMBER_ROLE_LIAISON, UpTo(t, at, U"。；;"),
                     U"联络员", l, {"label 联络员", 0.9}) > 0)
        used = true;
  }
  if (labelled) {
    U32View value = Trim(t.substr(value_at));
    if ((label == U"工作职责" || label == U"职责" || label == U"主要职责") &&
        !current_body_id_.empty()) {
      if (v1::Body* b = BodyById(current_body_id_))
        b->add_duties(ToUtf8(value));
      return true;
    }
  }
  return used;
}

void PlanParser::Organization() {
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (!task_of_line_[i].empty()) continue;  // Task text is the tasks'.
    if (OrganizationLine(i)) {
      Use(i);
      if (!current_body_id_.empty())
        Provenance("body", current_body_id_, lines_[i]);
    }
  }
}

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
      U32View value = U32View(l.text).substr(
          span.value_begin, span.value_end - span.value_begin);
      AddAssignments(task->id(), span.role, value, l,
                     {"label " + ToUtf8(span.role->label), 0.95});
    }
  };
  // A new task at `depth` (1-based) of the open levels.
  auto open_task = [&](size_t depth, const std::string& numbering,
                       U32View body, const LogicalLine& l, size_t i) {
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
          task->set_text(task->text() + "\n完成时限：" + ToUtf8(cell(table.deadline)));
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

void PlanParser::Phases(size_t begin, size_t end) {
  int count = 0;
  for (size_t i = begin; i < end; ++i) {
    const LogicalLine& l = lines_[i];
    U32View n = l.norm;
    NumberingMatch num = MatchNumbering(n);
    size_t at = num.length;
    const bool ordinal =
        n.size() > 3 && n[0] == U'第' && Contains(n.substr(0, 8), U"阶段");
    if (num.style == Numbering::kNone && !ordinal) continue;
    U32View rest = n.substr(at);
    // Name: up to "(" or ":".
    size_t name_end = rest.find_first_of(U"(:");
    if (name_end == U32View::npos) continue;
    U32View name = Trim(U32View(l.text).substr(at, name_end));
    if (name.empty() || name.size() > 16) continue;
    DateSpan span;
    bool dated = false;
    size_t desc_at = at + name_end;
    if (rest[name_end] == '(') {
      size_t close = rest.find(')', name_end);
      if (close == U32View::npos) continue;
      U32View expr = rest.substr(name_end + 1, close - name_end - 1);
      dated = internal::ParseDateSpan(expr, Year(), &span);
      if (!dated && ContainsAny(expr, {U"20XX", U"月"})) {
        out_->add_notes("phase '" + ToUtf8(name) + "': date '" + ToUtf8(expr) +
                        "' not read (no year known)");
      }
      desc_at = at + close + 1;
    }
    U32View desc =
        Trim(U32View(l.text).substr(std::min(desc_at, l.text.size())));
    if (!desc.empty() && (Fold(desc[0]) == ':')) desc = Trim(desc.substr(1));
    v1::Phase* p = c_->mutable_schedule()->add_phases();
    p->set_id("phase-" + std::to_string(++count));
    U32 full_name(name);
    if (ordinal) {
      // "第一阶段" says little: add its first sentence when short.
      size_t stop = desc.find_first_of(U"。；;");
      if (stop != U32View::npos && stop <= 20)
        full_name += U"：" + U32(desc.substr(0, stop));
    }
    p->set_name(ToUtf8(full_name));
    p->set_start(span.start);
    p->set_end(span.end);
    p->set_description(ToUtf8(desc));
    if (span.used_placeholder && !placeholder_noted_) {
      placeholder_noted_ = true;
      out_->add_notes("dates without a year (or with 20XX) read as " +
                      std::to_string(Year()));
    }
    Provenance("phase", p->id(), l);
    phase_line_[i] = true;
    Use(i);
  }
}

void PlanParser::TextBlocks(size_t begin, size_t end, U32View section_title) {
  v1::TextBlock* block = nullptr;
  int first = 0, last = 0;
  auto close = [&] {
    if (block == nullptr) return;
    std::set<std::string> flags;
    U32 text = internal::ToU32(block->text());
    for (const auto& [mark, flag] : cues_.mechanisms)
      if (Contains(text, mark)) flags.insert(flag);
    for (const std::string& f : flags) block->add_flags(f);
    Provenance("text_block", block->id(), first, last);
    block = nullptr;
  };
  auto open = [&](U32View title, const LogicalLine& l) {
    close();
    block = c_->add_text_blocks();
    block->set_id("block-" + std::to_string(++blocks_));
    block->set_title(ToUtf8(title));
    v1::TextBlockKind kind = BlockKindOf(title, cues_);
    if (kind == v1::OTHER) kind = BlockKindOf(section_title, cues_);
    block->set_kind(kind);
    first = l.first;
    last = l.last;
  };
  for (size_t i = begin; i < end; ++i) {
    const LogicalLine& l = lines_[i];
    if (used_[i]) continue;
    NumberingMatch num = MatchNumbering(l.norm);
    // A short numbered line, or (一) … heading: a block of its own.
    if (num.style == Numbering::kChineseParen ||
        num.style == Numbering::kChineseComma) {
      U32View rest = Trim(U32View(l.text).substr(num.length));
      size_t stop = rest.find_first_of(U"。");
      U32View title = stop == U32View::npos ? rest : rest.substr(0, stop);
      if (title.size() <= 24) {
        open(title, l);
        if (stop != U32View::npos && stop + 1 < rest.size())
          block->set_text(ToUtf8(Trim(rest.substr(stop + 1))));
        Use(i);
        continue;
      }
    }
    if (block == nullptr) open(section_title, l);
    block->set_text(block->text().empty()
                        ? ToUtf8(l.text)
                        : block->text() + "\n" + ToUtf8(l.text));
    last = l.last;
    Use(i);
  }
  close();
}

void PlanParser::Duties() {
  int count = 0;
  bool has_sections = false;
  for (const v1::Unit& u : c_->units()) has_sections |= u.kind() == "section";
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (phase_line_[i]) continue;  // A phase's dates are not a duty.
    const LogicalLine& l = lines_[i];
    U32View n = l.norm;
    // Sentence by sentence, clause by clause: one sentence may set several
    // duties ("每周五报送进展，每月25日前报送台账").
    size_t start = 0;
    while (start < n.size()) {
      size_t end = n.find_first_of(U"。;!?", start);
      if (end == U32View::npos) end = n.size();
      const size_t sentence_at = start;
      U32View sn = n.substr(start, end - start);
      start = end + 1;
      for (size_t cs = 0; cs < sn.size();) {
        size_t ce = sn.find_first_of(U",，", cs);
        if (ce == U32View::npos) ce = sn.size();
        Duty(i, sentence_at, sn, cs, ce, has_sections, &count);
        cs = ce + 1;
      }
    }
  }
}

void PlanParser::Duty(size_t i, size_t sentence_at, U32View sn, size_t cs,
                      size_t ce, bool has_sections, int* count) {
  const LogicalLine& l = lines_[i];
  U32View n = l.norm;
  U32View cn = sn.substr(cs, ce - cs);  // The clause, folded.
  U32View st = U32View(l.text).substr(sentence_at, sn.size());
  v1::DutyRule rule;
  size_t at;
  auto number_after = [&](size_t p, int* v) {
    size_t q = p;
    while (q < cn.size() && internal::IsSpace(cn[q])) ++q;
    int x = 0;
    size_t d = q;
    while (d < cn.size() && cn[d] >= '0' && cn[d] <= '9' && d - q < 2)
      x = x * 10 + static_cast<int>(cn[d++] - '0');
    *v = x;
    return d > q ? d : U32View::npos;
  };
  if ((at = cn.find(U"每月")) != U32View::npos) {
    int day = 0;
    size_t d = number_after(at + 2, &day);
    if (d != U32View::npos && d < cn.size() &&
        (cn[d] == U'日' || cn[d] == U'号') && day >= 1 && day <= 31) {
      rule.mutable_monthly()->set_day(day);
    } else if (ContainsAny(cn.substr(at), {U"底", U"一次", U"通报"})) {
      rule.mutable_month_end();
    }
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET &&
      (at = cn.find(U"每周")) != U32View::npos && at + 2 < cn.size()) {
    static const U32View kDays = U"一二三四五六日";
    size_t w = kDays.find(cn[at + 2]);
    if (w == U32View::npos && cn[at + 2] == U'天') w = 6;
    if (w != U32View::npos)
      rule.mutable_weekly()->set_weekday(static_cast<v1::Weekday>(w + 1));
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET &&
      (at = cn.find(U"每半月")) != U32View::npos) {
    rule.mutable_semi_monthly();
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET &&
      (at = cn.find(U"每季度")) != U32View::npos && Year() > 0) {
    auto* q = rule.mutable_every_n_months();
    q->set_interval(3);
    q->set_start_month(std::to_string(Year()) + "-03");
    q->set_day(31);
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET && Year() > 0 &&
      ContainsAny(cn, {U"报送", U"上报", U"提交", U"报"})) {
    // A one-off date: "4月20日前一并报送", "7月份报送".
    for (size_t p = 0; p < cn.size(); ++p) {
      if (!(cn[p] >= '0' && cn[p] <= '9') ||
          (p > 0 && cn[p - 1] >= '0' && cn[p - 1] <= '9'))
        continue;
      if (p > 0 && cn[p - 1] == U'每') break;
      size_t e = cn.find(U"报", p);
      if (e == U32View::npos || e - p > 10) break;
      DateSpan span;
      if (internal::ParseDateSpan(cn.substr(p, e - p), Year(), &span)) {
        rule.mutable_one_off()->set_date(span.end);
        at = p;
      }
      break;
    }
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET) return;
  v1::Duty* d = c_->mutable_schedule()->add_duties();
  d->set_id("duty-" + std::to_string(++*count));
  U32View clause = Trim(st.substr(cs, ce - cs));
  d->set_title(ToUtf8(clause.size() > 60 ? clause.substr(0, 60) : clause));
  d->set_text(ToUtf8(Trim(st)));
  *d->mutable_rule() = rule;
  d->set_non_working_day(v1::EARLIER_WORKING_DAY);
  // The recipient: "向局办公室报送", or "报送局办公室".
  auto office_like = [](U32View who) {
    return !who.empty() && who.size() <= 12 &&
           (EndsWith(who, U"办公室") || EndsWith(who, U"办") ||
            EndsWith(who, U"局") || EndsWith(who, U"委") ||
            EndsWith(who, U"科") || EndsWith(who, U"组"));
  };
  size_t to = After(cn, U"向");
  if (to != U32View::npos) {
    size_t stop = cn.find_first_of(U"报通", to);
    U32View who =
        stop == U32View::npos ? U32View() : Trim(st.substr(cs + to, stop - to));
    if (office_like(who)) d->set_recipient(ToUtf8(who));
  }
  if (d->recipient().empty() && (to = After(cn, U"报送")) != U32View::npos) {
    U32View who = Trim(UpTo(st.substr(cs, ce - cs), to, U",，。;；和及"));
    if (office_like(who)) d->set_recipient(ToUtf8(who));
  }
  // Who owes it: a body named as the subject; units when the sentence, or
  // the paragraph's first sentence after its title, has 各部门/各科室 as
  // subject; else the office.
  U32View subject = Trim(sn);
  std::string owner_body;
  for (const v1::Body& b : c_->bodies()) {
    const U32 name = internal::ToU32(b.name());
    if (!name.empty() &&
        (subject.rfind(name, 0) == 0 || cn.rfind(name, 0) == 0))
      owner_body = b.id();
  }
  U32View paragraph = Trim(n.substr(MatchNumbering(n).length));
  size_t title_end = paragraph.find(U'。');
  U32View lead = title_end == U32View::npos
                     ? paragraph
                     : Trim(paragraph.substr(title_end + 1));
  const bool office_subject =
      ContainsAny(subject.substr(0, std::min<size_t>(subject.size(), 4)),
                  {U"办公室", U"创建办", U"督查"});
  const bool units_owe =
      has_sections && !office_subject &&
      (subject.rfind(U"各", 0) == 0 ||
       ContainsAny(subject, {U"各部门要", U"各科室要", U"各单位要"}) ||
       lead.rfind(U"各", 0) == 0);
  // A duty stated inside a task is owed by the unit that leads the task.
  std::string task_unit;
  for (std::string t = task_of_line_[i]; !t.empty() && task_unit.empty();) {
    for (const v1::Assignment& a : c_->assignments()) {
      if (a.task_id() == t && !a.unit_id().empty() &&
          (a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT ||
           a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT)) {
        task_unit = a.unit_id();
        break;
      }
    }
    const size_t dot = t.rfind('.');
    t = dot == std::string::npos ? "" : t.substr(0, dot);
  }
  if (!owner_body.empty()) {
    d->set_owner_body_id(owner_body);
  } else if (units_owe) {
    d->set_owner_unit_kind("section");
  } else if (!task_unit.empty()) {
    d->set_owner_unit_id(task_unit);
  } else if (BodyById("office") != nullptr) {
    d->set_owner_body_id("office");
  } else if (has_sections) {
    d->set_owner_unit_kind("section");
  }
  if (!task_of_line_[i].empty()) d->set_task_id(task_of_line_[i]);
  if (Contains(sn, U"整治期间")) {
    for (const v1::Phase& p : c_->schedule().phases())
      if (p.name().find("整治") != std::string::npos)
        d->add_active_phase_ids(p.id());
  }
  Provenance("duty", d->id(), l);
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

void PlanParser::Run(std::vector<LogicalLine> lines,
                     std::vector<internal::Skip> skipped) {
  lines_ = std::move(lines);
  used_.assign(lines_.size(), false);
  task_of_line_.assign(lines_.size(), "");
  phase_line_.assign(lines_.size(), false);
  c_->set_id(options_.campaign_id().empty() ? "imported"
                                            : options_.campaign_id());
  // Top-level sections: 一、二、… in order.
  std::vector<size_t> sections;
  int expect = 1;
  for (size_t i = 0; i < lines_.size(); ++i) {
    NumberingMatch m = MatchNumbering(lines_[i].norm);
    if (m.style == Numbering::kChineseComma && m.value == expect) {
      sections.push_back(i);
      ++expect;
    }
  }
  // Without 一、 sections the body starts at the first task table, numbered
  // line, roster label or responsibility line.
  size_t body = sections.empty() ? lines_.size() : sections[0];
  if (sections.empty()) {
    for (size_t i = 0; i < lines_.size() && body == lines_.size(); ++i) {
      const LogicalLine& l = lines_[i];
      U32 label;
      size_t at;
      v1::MemberRole role;
      bool units;
      TableColumns columns;
      if (ReadTableHeader(l.text, cues_, &columns) ||
          !FindRoleSpans(l.norm, cues_).empty() ||
          (MatchNumbering(l.norm).style != Numbering::kNone &&
           internal::WholeLineDate(l.norm).empty()) ||
          (MatchLabel(l.norm, &label, &at) &&
           internal::SeatLabel(label, cues_, &role, &units)))
        body = i;
    }
  }
  // The year for dates without one: options, the issue date, the title.
  year_ = options_.year();
  Header(0, body);
  Trailer();
  if (year_ == 0 && !c_->documents(0).issue_date().empty())
    year_ = std::stoi(c_->documents(0).issue_date().substr(0, 4));
  if (year_ == 0) year_ = internal::FirstYear(internal::ToU32(c_->name()));
  if (year_ == 0 && !lines_.empty()) {
    for (size_t i = 0; i < std::min<size_t>(lines_.size(), 5) && year_ == 0;
         ++i)
      year_ = internal::FirstYear(lines_[i].norm);
  }
  // The plan's own unit: the issuer, when named.
  const std::string issuer = c_->documents(0).issuer();
  // Sections.
  for (size_t s = 0; s < sections.size(); ++s) {
    const size_t begin = sections[s];
    const size_t end =
        s + 1 < sections.size() ? sections[s + 1] : lines_.size();
    const LogicalLine& head = lines_[begin];
    U32View title =
        Trim(U32View(head.text).substr(MatchNumbering(head.norm).length));
    Provenance("section", ToUtf8(title), head);
    SectionKind kind = SectionOf(head.norm, cues_);
    // A section of responsibility lines is a task section whatever its
    // title says ("一要明确责任分工").
    if (kind == SectionKind::kText && HasResponsibilities(begin + 1, end))
      kind = SectionKind::kTasks;
    switch (kind) {
      case SectionKind::kTasks:
        Use(begin);
        Tasks(begin + 1, end);
        break;
      case SectionKind::kSchedule:
        Use(begin);
        Phases(begin + 1, end);
        break;
      default:
        break;
    }
    (void)title;
  }
  if (sections.empty() && HasResponsibilities(body, lines_.size())) {
    Provenance("section", "tasks", lines_[body]);
    Tasks(body, lines_.size());
  }
  // 抄送 and 签发人 lines are the document's wherever they stand.
  for (size_t i = body; i < lines_.size(); ++i) {
    U32 label;
    size_t value_at;
    if (used_[i] || !MatchLabel(lines_[i].norm, &label, &value_at)) continue;
    U32View value = Trim(U32View(lines_[i].text).substr(value_at));
    v1::Document* doc = c_->mutable_documents(0);
    if (label == U"抄送") {
      for (const U32& r : SplitNames(value)) doc->add_copied_to(ToUtf8(r));
      Provenance("document", "plan", lines_[i]);
      Use(i);
    } else if (label == U"签发人") {
      const std::vector<U32> names = SplitNames(value);
      doc->set_signer(ToUtf8(names.size() == 1 ? U32View(names[0]) : value));
      Provenance("document", "plan", lines_[i]);
      Use(i);
    }
  }
  Organization();
  // What is left of each section is kept as text.
  for (size_t s = 0; s < sections.size(); ++s) {
    const size_t begin = sections[s];
    const size_t end =
        s + 1 < sections.size() ? sections[s + 1] : lines_.size();
    const LogicalLine& head = lines_[begin];
    U32View title =
        Trim(U32View(head.text).substr(MatchNumbering(head.norm).length));
    size_t stop = title.find_first_of(U"。");
    if (stop != U32View::npos) title = title.substr(0, stop);
    const bool head_used = used_[begin];
    Use(begin);
    if (!head_used) {
      // The heading's own text after its title, if any, is the block's.
      U32View rest =
          Trim(U32View(head.text).substr(MatchNumbering(head.norm).length));
      if (stop != U32View::npos && stop + 1 < rest.size()) used_[begin] = false;
    }
    TextBlocks(begin + (used_[begin] ? 1 : 0), end, title);
  }
  // The preamble before 一、 (为…制定方案如下), once the header took its part.
  {
    std::vector<size_t> rest;
    for (size_t i = 0; i < body; ++i)
      if (!used_[i] && lines_[i].norm.size() >= 30) rest.push_back(i);
    if (!rest.empty()) {
      v1::TextBlock* b = c_->add_text_blocks();
      b->set_id("block-" + std::to_string(++blocks_));
      b->set_title("前言");
      b->set_kind(v1::GOAL);
      for (size_t i : rest) {
        b->set_text(b->text().empty()
                        ? ToUtf8(lines_[i].text)
                        : b->text() + "\n" + ToUtf8(lines_[i].text));
        Use(i);
      }
      Provenance("text_block", b->id(), lines_[rest.front()].first,
                 lines_[rest.back()].last);
    }
  }
  Trailer();
  Duties();
  InheritAssignments();
  // Units the plan names sit under its issuer.
  if (!issuer.empty() && !c_->units().empty()) {
    const LogicalLine& first = lines_.front();
    root_unit_ = Unit(internal::ToU32(issuer), first);
    for (v1::Unit& u : *c_->mutable_units()) {
      if (u.id() != root_unit_) u.set_parent_id(root_unit_);
    }
    for (v1::Unit& u : *c_->mutable_units())
      if (u.id() == root_unit_) u.set_kind("bureau");
  }
  // "修管处办公室" hosting the office is the section 办公室 when it exists.
  for (v1::Body& b : *c_->mutable_bodies()) {
    const std::string host = b.host_unit_id();  // A copy: it is reset below.
    if (host.empty() || host == "办公室") continue;
    if (host.size() > 9 && host.compare(host.size() - 9, 9, "办公室") == 0 &&
        units_.count("办公室") != 0) {
      out_->add_notes("office host '" + host + "' read as unit '办公室'");
      b.set_host_unit_id("办公室");
      auto& units = *c_->mutable_units();
      for (int k = 0; k < units.size(); ++k) {
        if (units[k].id() == host) {
          units.erase(units.begin() + k);
          break;
        }
      }
      units_.erase(host);
    }
  }
  // Every line: used, or listed with why.
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (used_[i]) continue;
    skipped.push_back({lines_[i].first, lines_[i].last, ToUtf8(lines_[i].text),
                       v1::NOT_UNDERSTOOD, ""});
  }
  std::stable_sort(skipped.begin(), skipped.end(),
                   [](const internal::Skip& a, const internal::Skip& b) {
                     return a.line < b.line;
                   });
  for (const internal::Skip& k : skipped) {
    v1::SkippedLine* s = out_->add_skipped();
    s->set_line(k.line);
    s->set_text(k.text);
    s->set_fate(k.fate);
    s->set_note(k.note);
    s->set_last_line(k.last_line);
  }
}

// The plan's year: the options', the issue date's, or the first in its name.
int PlanYear(const v1::ImportOptions& options, const v1::Campaign& c) {
  if (options.year() != 0) return options.year();
  for (const v1::Document& d : c.documents())
    if (d.id() == c.plan_document_id() && d.issue_date().size() >= 4)
      return std::stoi(d.issue_date().substr(0, 4));
  return internal::FirstYear(internal::ToU32(c.name()));
}

// Cues an import adds must say what they are: a phrase and its meaning.
Status CheckExtraCues(const v1::ImportCues& c) {
  auto bad = [](const std::string& field, int i, const char* what) {
    return Status::InvalidArgument("extra_cues." + field + "[" +
                                   std::to_string(i) + "]: " + what);
  };
  for (int i = 0; i < c.role_labels_size(); ++i) {
    if (c.role_labels(i).label().empty())
      return bad("role_labels", i, "no label");
    if (c.role_labels(i).role() == v1::ASSIGNMENT_ROLE_UNSPECIFIED)
      return bad("role_labels", i, "no role");
  }
  for (int i = 0; i < c.seat_words_size(); ++i) {
    if (c.seat_words(i).word().empty()) return bad("seat_words", i, "no word");
    if (c.seat_words(i).role() == v1::MEMBER_ROLE_UNSPECIFIED)
      return bad("seat_words", i, "no role");
    if (c.seat_words(i).body() == v1::SEAT_CUE_BODY_UNSPECIFIED)
      return bad("seat_words", i, "no body");
  }
  for (int i = 0; i < c.sections_size(); ++i) {
    if (c.sections(i).phrase().empty()) return bad("sections", i, "no phrase");
    if (c.sections(i).kind() == v1::IMPORT_SECTION_KIND_UNSPECIFIED)
      return bad("sections", i, "no kind");
  }
  for (int i = 0; i < c.text_blocks_size(); ++i)
    if (c.text_blocks(i).phrase().empty())
      return bad("text_blocks", i, "no phrase");
  for (int i = 0; i < c.mechanisms_size(); ++i)
    if (c.mechanisms(i).phrase().empty() || c.mechanisms(i).flag().empty())
      return bad("mechanisms", i, "no phrase or flag");
  for (const auto* list :
       {&c.seat_verbs(), &c.post_endings(), &c.issuer_endings(),
        &c.plan_title_endings(), &c.family_names()})
    for (const std::string& x : *list)
      if (x.empty())
        return Status::InvalidArgument("extra_cues: an empty phrase");
  return Status::OK();
}

// The plan's text, as UTF-8, from whatever format it came in.
Status ReadPlanText(std::string_view bytes, internal::PlanFormat format,
                    const v1::ImportOptions& options, std::string* utf8,
                    std::string* encoding) {
  using internal::PlanFormat;
  switch (format) {
    case PlanFormat::kText:
      return internal::DecodePlanBytes(bytes, options.encoding(), utf8,
                                       encoding);
    case PlanFormat::kDocx: {
      std::string text;
      CW_RETURN_IF_ERROR(internal::ReadDocx(bytes, &text));
      return internal::DecodePlanBytes(text, "utf-8", utf8, encoding);
    }
    case PlanFormat::kDoc:
    case PlanFormat::kOdt:
    case PlanFormat::kRtf: {
      // LibreOffice keeps the list labels when it writes .docx.
      std::string docx, text;
      CW_RETURN_IF_ERROR(internal::OfficeToDocx(
          bytes, internal::PlanFormatName(format), &docx));
      CW_RETURN_IF_ERROR(internal::ReadDocx(docx, &text));
      return internal::DecodePlanBytes(text, "utf-8", utf8, encoding);
    }
    case PlanFormat::kPdf: {
      std::string layout;
      CW_RETURN_IF_ERROR(internal::PdfToLayoutText(bytes, &layout));
      return internal::DecodePlanBytes(internal::CleanPdfText(layout), "utf-8",
                                       utf8, encoding);
    }
    case PlanFormat::kHtml: {
      std::string text;
      CW_RETURN_IF_ERROR(internal::ReadHtml(bytes, &text));
      return internal::DecodePlanBytes(text, "utf-8", utf8, encoding);
    }
  }
  return Status::Internal("unknown plan format");
}

}  // namespace

Status ImportPlan(std::string_view bytes, const v1::ImportOptions& options,
                  v1::ImportResult* out) {
  out->Clear();
  if (options.year() != 0 && (options.year() < 1990 || options.year() > 2099)) {
    return Status::InvalidArgument("year " + std::to_string(options.year()) +
                                   " is out of range 1990..2099");
  }
  CW_RETURN_IF_ERROR(CheckExtraCues(options.extra_cues()));
  CW_RETURN_IF_ERROR(internal::CheckReview(options.review()));
  internal::CueTables with_extra;
  if (options.has_extra_cues())
    with_extra = internal::CuesWith(options.extra_cues());
  const internal::CueTables& cues =
      options.has_extra_cues() ? with_extra : internal::BuiltInCues();
  internal::PlanFormat format;
  CW_RETURN_IF_ERROR(internal::DetectPlanFormat(bytes, &format));
  std::string utf8, encoding;
  CW_RETURN_IF_ERROR(ReadPlanText(bytes, format, options, &utf8, &encoding));
  out->set_format(internal::PlanFormatName(format));
  std::vector<LogicalLine> lines;
  std::vector<internal::Skip> skipped;
  int line_count = 0;
  internal::BuildLogicalLines(utf8, cues.issuer_endings, cues.table_words,
                              &lines, &skipped, &line_count);
  out->set_encoding(encoding);
  out->set_lines(line_count);
  PlanParser parser(options, cues, out);
  parser.Run(std::move(lines), std::move(skipped));
  // A reviewer's decisions apply to what the text says, before anything
  // is proposed from it.
  internal::ApplyReview(options.review(), out);
  if (!options.bare()) {
    std::vector<std::string> notes;
    internal::FillResponsibilityGaps(out->mutable_campaign(), &notes);
    internal::SeatPeople(out->mutable_campaign(), &notes);
    internal::ProposeAssessment(out->mutable_campaign(), &notes);
    const int year = PlanYear(options, out->campaign());
    internal::ProposeTargets(out->mutable_campaign(), year, &notes);
    internal::ProposeEvidence(out->mutable_campaign(), year, &notes);
    for (std::string& n : notes) out->add_notes(std::move(n));
  }
  *out->mutable_problems() = Validate(out->campaign());
  internal::ListReviewItems(out);
  return Status::OK();
}

}  // namespace chuangwen
