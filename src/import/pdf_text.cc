#include "import/pdf_text.h"

#include <algorithm>
#include <map>
#include <vector>

#include "import/plan_text.h"

namespace chuangwen::internal {
namespace {

bool IsAsciiAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
         (c >= U'A' && c <= U'Z');
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool IsDash(char32_t c) {
  return c == U'-' || c == U'—' || c == U'－' || c == U'–' || c == U'─';
}

// "3", "- 3 -", "—3—", "第3页", "第 3 页 共 12 页", "3/12".
bool IsPageNumber(U32View line) {
  U32 t;
  for (char32_t c : line)
    if (!IsSpace(c)) t += Fold(c);
  if (t.empty()) return false;
  size_t i = 0;
  while (i < t.size() && IsDash(t[i])) ++i;
  size_t j = t.size();
  while (j > i && IsDash(t[j - 1])) --j;
  U32View core(t.data() + i, j - i);
  auto all_digits = [](U32View v) {
    return !v.empty() && v.size() <= 4 &&
           std::all_of(v.begin(), v.end(), IsDigit);
  };
  if (all_digits(core)) return true;
  const size_t slash = core.find(U'/');
  if (slash != U32View::npos && all_digits(core.substr(0, slash)) &&
      all_digits(core.substr(slash + 1)))
    return true;
  if (core.size() >= 3 && core.front() == U'第') {
    size_t k = 1;
    while (k < core.size() && IsDigit(core[k])) ++k;
    if (k > 1 && k < core.size() && core[k] == U'页') {
      U32View rest = core.substr(k + 1);
      if (rest.empty()) return true;
      if (!rest.empty() && (rest.front() == U',' || rest.front() == U'，'))
        rest.remove_prefix(1);
      if (rest.size() >= 3 && rest.front() == U'共' && rest.back() == U'页' &&
          all_digits(rest.substr(1, rest.size() - 2)))
        return true;
    }
  }
  return false;
}

// A line's key for spotting running headers: no digits, no spaces.
U32 HeaderKey(U32View line) {
  U32 key;
  for (char32_t c : line)
    if (!IsSpace(c) && !IsDigit(Fold(c))) key += c;
  return key;
}

// Spaces between a Han character and a digit or Latin letter go.
U32 UndoHanSpacing(U32View line) {
  U32 out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (IsSpace(line[i]) && !out.empty()) {
      size_t j = i;
      while (j < line.size() && IsSpace(line[j])) ++j;
      if (j < line.size() && j - i <= 2) {
        const char32_t before = out.back(), after = line[j];
        const bool han_before = IsHan(before), han_after = IsHan(after);
        if ((han_before && IsAsciiAlnum(Fold(after))) ||
            (han_after && IsAsciiAlnum(Fold(before)))) {
          i = j - 1;
          continue;
        }
      }
    }
    out += line[i];
  }
  return out;
}

bool EndsSentence(U32View line) {
  if (line.empty()) return true;
  const char32_t c = line.back();
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' ||
         c == U';' || c == U':' || c == U'!' || c == U'?' || c == U'」' ||
         c == U'”';
}

bool StartsItem(U32View line) {
  U32 norm;
  for (char32_t c : line) norm += Fold(c);
  if (MatchNumbering(norm).style != Numbering::kNone) return true;
  U32 label;
  size_t value_start = 0;
  return MatchLabel(norm, &label, &value_start);
}

}  // namespace

std::string CleanPdfText(std::string_view layout) {
  // Pages of trimmed lines.
  std::vector<std::vector<U32>> pages(1);
  U32 all = ToU32(layout);
  U32 line;
  auto end_line = [&] {
    pages.back().push_back(U32(Trim(line)));
    line.clear();
  };
  for (char32_t c : all) {
    if (c == U'\f') {
      if (!line.empty()) end_line();
      pages.emplace_back();
    } else if (c == U'\n') {
      end_line();
    } else if (c != U'\r') {
      line += c;
    }
  }
  if (!line.empty()) end_line();
  while (!pages.empty() && pages.back().empty()) pages.pop_back();

  // Running headers and footers: the first or last line of most pages,
  // digits aside.
  std::map<U32, int> first, last;
  auto edge = [](const std::vector<U32>& page, bool top) -> const U32* {
    if (top) {
      for (const U32& l : page)
        if (!l.empty() && !IsPageNumber(l)) return &l;
    } else {
      for (auto it = page.rbegin(); it != page.rend(); ++it)
        if (!it->empty() && !IsPageNumber(*it)) return &*it;
    }
    return nullptr;
  };
  for (const auto& page : pages) {
    if (const U32* l = edge(page, true)) ++first[HeaderKey(*l)];
    if (const U32* l = edge(page, false)) ++last[HeaderKey(*l)];
  }
  const int pages_n = static_cast<int>(pages.size());
  auto running = [&](const std::map<U32, int>& counts, const U32& l) {
    if (pages_n < 3) return false;
    auto it = counts.find(HeaderKey(l));
    return it != counts.end() && !it->first.empty() &&
           it->second * 5 >= pages_n * 3;
  };

  // The lines in order, page furniture removed.
  std::vector<U32> lines;
  for (const auto& page : pages) {
    const U32* top = edge(page, true);
    const U32* bottom = edge(page, false);
    for (const U32& l : page) {
      if (IsPageNumber(l)) continue;
      if (&l == top && running(first, l)) continue;
      if (&l == bottom && running(last, l)) continue;
      lines.push_back(UndoHanSpacing(l));
    }
  }

  // Lines the page width broke: a line nearly as wide as the widest, not
  // ending a sentence, followed by one that starts no new item.
  size_t widest = 0;
  for (const U32& l : lines) widest = std::max(widest, l.size());
  std::string out;
  U32 current;
  for (size_t i = 0; i < lines.size(); ++i) {
    current += lines[i];
    const bool breaks_here =
        i + 1 < lines.size() && !lines[i].empty() && !lines[i + 1].empty() &&
        lines[i].size() * 10 >= widest * 9 && widest >= 20 &&
        !EndsSentence(lines[i]) && !StartsItem(lines[i + 1]);
    if (breaks_here) continue;
    out += ToUtf8(current);
    out += '\n';
    current.clear();
  }
  return out;
}

}  // namespace chuangwen::internal
