#include "import/plan_split.h"

#include <algorithm>
#include <array>

#include "import/plan_dates.h"

namespace chuangwen::internal {
namespace {

// A flattened document: long enough that it cannot be one item.
constexpr size_t kFlattenedChars = 60;

const U32View kSeatLabels[] = {
    U"组长",   U"副组长",   U"第一副组长",   U"常务副组长", U"执行组长",
    U"总指挥", U"副总指挥", U"常务副总指挥", U"成员",       U"成员单位",
    U"组员",   U"主任",     U"副主任",       U"联络员"};

bool Boundary(char32_t before) {
  return IsSpace(before) || U32View(U"。;)").find(before) != U32View::npos;
}

// A seat label ("副组长：") at `p`, after a space or a full stop.
bool SeatLabelAt(U32View norm, size_t p) {
  if (p == 0 ||
      !(IsSpace(norm[p - 1]) || norm[p - 1] == U'。' || norm[p - 1] == ';'))
    return false;
  for (U32View label : kSeatLabels) {
    if (norm.substr(p, label.size()) != label) continue;
    size_t q = p + label.size();
    while (q < norm.size() && IsSpace(norm[q])) ++q;
    if (q < norm.size() && norm[q] == ':') return true;
  }
  return false;
}

LogicalLine Piece(const LogicalLine& l, size_t from, size_t to) {
  LogicalLine p = l;
  U32View text = U32View(l.text).substr(from, to - from);
  U32View norm = U32View(l.norm).substr(from, to - from);
  // Trim both alike.
  size_t b = 0, e = text.size();
  while (b < e && IsSpace(norm[b])) ++b;
  while (e > b && IsSpace(norm[e - 1])) --e;
  p.text = U32(text.substr(b, e - b));
  p.norm = U32(norm.substr(b, e - b));
  return p;
}

// Where a trailing closing block starts in a flattened line: "… 东湖街道
// 办事处 2025年3月5日" (issuers, each after a space, then the date).
size_t ClosingBlockStart(U32View norm, const std::vector<U32>& endings) {
  size_t end = norm.size();
  auto last_token = [&](size_t stop, size_t* begin) {
    size_t b = stop;
    while (b > 0 && !IsSpace(norm[b - 1])) --b;
    *begin = b;
    return norm.substr(b, stop - b);
  };
  size_t begin;
  U32View date = last_token(end, &begin);
  if (begin == 0 || WholeLineDate(date).empty()) return U32View::npos;
  size_t start = begin;
  for (int issuers = 0; issuers < 3; ++issuers) {
    size_t stop = start;
    while (stop > 0 && IsSpace(norm[stop - 1])) --stop;
    U32View token = last_token(stop, &begin);
    if (begin == 0 || !LooksLikeIssuer(token, endings)) break;
    start = begin;
  }
  return start;
}

}  // namespace

void SplitRunTogetherLines(const std::vector<U32>& issuer_endings,
                           std::vector<LogicalLine>* lines) {
  std::vector<LogicalLine> out;
  // The last value of each numbering style seen, in document order.
  std::array<int, 8> last{};
  auto seen = [&](const NumberingMatch& m) {
    last[static_cast<size_t>(m.style)] = m.value;
  };
  for (LogicalLine& l : *lines) {
    const bool row = l.text.find(U'\t') != U32::npos;
    if (row || l.heading) {
      out.push_back(std::move(l));
      continue;
    }
    const U32View norm = l.norm;
    const bool flattened = norm.size() >= kFlattenedChars;
    std::vector<size_t> cuts;
    const NumberingMatch first = MatchNumbering(norm);
    if (first.style != Numbering::kNone) seen(first);
    // A leading title: "…工作方案 为全面…".
    if (flattened && first.style == Numbering::kNone) {
      const size_t gap = norm.find(' ');
      if (gap != U32View::npos && gap >= 6 && gap <= 60) {
        const U32View head = norm.substr(0, gap);
        for (U32View end : {U32View(U"方案"), U32View(U"计划"),
                            U32View(U"通知"), U32View(U"意见")})
          if (head.size() > end.size() &&
              head.substr(head.size() - end.size()) == end)
            cuts.push_back(gap);
      }
    }
    const size_t closing =
        flattened ? ClosingBlockStart(norm, issuer_endings) : U32View::npos;
    const size_t scan_end = closing == U32View::npos ? norm.size() : closing;
    for (size_t p = 1; p < scan_end; ++p) {
      if (!Boundary(norm[p - 1]) && !SeatLabelAt(norm, p)) continue;
      if (flattened && SeatLabelAt(norm, p)) {
        cuts.push_back(p);
        continue;
      }
      const NumberingMatch m = MatchNumbering(norm.substr(p));
      if (m.style == Numbering::kNone || m.style == Numbering::kCircled ||
          m.style == Numbering::kChineseShi)
        continue;
      // The next number of a list already open, or a new list in a
      // flattened line; the label is followed by text, not a digit.
      const int prev = last[static_cast<size_t>(m.style)];
      const bool next = m.value == prev + 1 || (flattened && m.value == 1);
      const char32_t after =
          m.length < norm.size() - p ? norm[p + m.length] : 0;
      if (!next || !(IsHan(after) || after == U'“' || after == '"')) continue;
      // After a space or a full stop the number starts an item; after a
      // closing bracket only when that bracket ends a responsibility
      // ("（责任单位：…）2、…").
      if (norm[p - 1] == ')') {
        const size_t open = norm.rfind('(', p - 1);
        if (open == U32View::npos ||
            norm.substr(open, p - open).find(':') == U32View::npos)
          continue;
      }
      seen(m);
      cuts.push_back(p);
      p += m.length;
    }
    if (closing != U32View::npos) {
      cuts.push_back(closing);
      // Each issuer and the date on its own line.
      for (size_t p = closing + 1; p < norm.size(); ++p)
        if (IsSpace(norm[p - 1]) && !IsSpace(norm[p])) cuts.push_back(p);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    if (cuts.empty()) {
      out.push_back(std::move(l));
      continue;
    }
    size_t from = 0;
    for (size_t cut : cuts) {
      LogicalLine p = Piece(l, from, cut);
      if (!p.text.empty()) out.push_back(std::move(p));
      from = cut;
    }
    LogicalLine p = Piece(l, from, norm.size());
    if (!p.text.empty()) out.push_back(std::move(p));
  }
  *lines = std::move(out);
}

}  // namespace chuangwen::internal
