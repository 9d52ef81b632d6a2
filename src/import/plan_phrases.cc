// The phrase recognisers plan import's passes share.
#include <algorithm>

#include "import/plan_parser.h"

namespace chuangwen::internal {

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

SectionKind SectionOf(U32View title, const CueTables& cues) {
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

v1::TextBlockKind BlockKindOf(U32View title, const CueTables& cues) {
  for (const auto& [phrase, kind] : cues.text_blocks)
    if (Contains(title, phrase)) return kind;
  return v1::OTHER;
}

const RoleLabel* FindRoleLabel(U32View label, const CueTables& cues) {
  for (const RoleLabel& r : cues.role_labels)
    if (label == r.label) return &r;
  return nullptr;
}

std::vector<RoleSpan> FindRoleSpans(U32View norm, const CueTables& cues) {
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
    const size_t limit =
        s + 1 < spans.size() ? spans[s + 1].begin : norm.size();
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
    if (end < norm.size() && end < limit && norm[end] != U'。')
      span.end = end + 1;
    // Names end before a separator that leads to the next label.
    while (span.value_end > span.value_begin &&
           (IsSpace(norm[span.value_end - 1]) ||
            norm[span.value_end - 1] == U';' ||
            norm[span.value_end - 1] == U'；' ||
            norm[span.value_end - 1] == U','))
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

std::vector<U32> Cells(U32View text) {
  std::vector<U32> cells;
  size_t start = 0;
  for (;;) {
    size_t tab = text.find(U'\t', start);
    cells.emplace_back(Trim(text.substr(
        start, tab == U32View::npos ? U32View::npos : tab - start)));
    if (tab == U32View::npos) break;
    start = tab + 1;
  }
  return cells;
}

// `text`: the line as written (Fold turns tabs into spaces).
bool ReadTableHeader(U32View text, const CueTables& cues, TableColumns* out) {
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
size_t After(U32View text, U32View what, size_t from) {
  size_t p = text.find(what, from);
  return p == U32View::npos ? p : p + what.size();
}

// Text from `from` up to (not including) the first of `stops`.
U32View UpTo(U32View text, size_t from, U32View stops) {
  if (from >= text.size()) return U32View();
  size_t end = text.find_first_of(stops, from);
  return text.substr(from, end == U32View::npos ? U32View::npos : end - from);
}

}  // namespace chuangwen::internal
