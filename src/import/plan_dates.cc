#include "import/plan_dates.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include "chuangwen/date.h"

namespace chuangwen::internal {
namespace {

bool Digit(char32_t c) { return c >= '0' && c <= '9'; }

int ReadInt(U32View t, size_t* i, size_t max_digits) {
  int v = 0;
  size_t start = *i;
  while (*i < t.size() && Digit(t[*i]) && *i - start < max_digits)
    v = v * 10 + static_cast<int>(t[(*i)++] - '0');
  return *i == start ? -1 : v;
}

void SkipSpaces(U32View t, size_t* i) {
  while (*i < t.size() && IsSpace(t[*i])) ++(*i);
}

// One point: [YYYY年|20XX年] [M月] [D日|底] — fields absent are -1.
struct Point {
  int year = -1;  // 0 = placeholder.
  int month = -1;
  int day = -1;
  bool month_end = false;
};

bool ReadPoint(U32View t, size_t* i, Point* p) {
  SkipSpaces(t, i);
  size_t start = *i;
  if (*i + 4 < t.size() + 1 && t.substr(*i, 4) == U"20XX") {
    *i += 4;
    p->year = 0;
  } else {
    size_t j = *i;
    int y = ReadInt(t, &j, 4);
    if (y >= 1990 && y <= 2099 && j - *i == 4) {
      *i = j;
      p->year = y;
    }
  }
  if (p->year >= 0) {
    SkipSpaces(t, i);
    if (*i < t.size() &&
        (t[*i] == U'年' || t[*i] == '-' || t[*i] == '.' || t[*i] == '/'))
      ++(*i);
    else
      return false;
  }
  SkipSpaces(t, i);
  size_t j = *i;
  int m = ReadInt(t, &j, 2);
  if (m >= 1 && m <= 12) {
    *i = j;
    p->month = m;
    SkipSpaces(t, i);
    if (*i < t.size() && t[*i] == U'月') {
      ++(*i);
      if (*i < t.size() && t[*i] == U'份') ++(*i);
    } else if (*i < t.size() &&
               (t[*i] == '-' || t[*i] == '.' || t[*i] == '/') && p->year > 0) {
      ++(*i);  // 2017-07-31
    } else {
      // A bare number: the month of a range like "8-9月".
      return true;
    }
    SkipSpaces(t, i);
    j = *i;
    int d = ReadInt(t, &j, 2);
    if (d >= 1 && d <= 31) {
      *i = j;
      p->day = d;
      if (*i < t.size() && (t[*i] == U'日' || t[*i] == U'号')) ++(*i);
    } else if (*i < t.size() && t[*i] == U'底') {
      ++(*i);
      p->month_end = true;
    }
  }
  return *i > start && p->month > 0;
}

bool IsRangeMark(char32_t c) {
  return c == '-' || c == U'—' || c == U'–' || c == U'~' || c == U'～' ||
         c == U'至' || c == U'到' || c == U'－';
}

std::string Iso(int y, int m, int d) {
  if (d < 0) d = 1;
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  if (d > last) d = last;
  return FormatIsoDate(boost::gregorian::date(static_cast<unsigned short>(y),
                                              static_cast<unsigned short>(m),
                                              static_cast<unsigned short>(d)));
}

int LastDay(int y, int m) {
  return boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(y), static_cast<unsigned short>(m));
}

}  // namespace

bool ParseDateSpan(U32View t, int year, DateSpan* out) {
  *out = DateSpan();
  size_t i = 0;
  Point a;
  if (!ReadPoint(t, &i, &a)) return false;
  SkipSpaces(t, &i);
  Point b;
  bool range = false;
  if (i < t.size() && IsRangeMark(t[i])) {
    size_t j = i + 1;
    while (j < t.size() && IsRangeMark(t[j])) ++j;
    if (ReadPoint(t, &j, &b)) {
      range = true;
      i = j;
    }
  }
  SkipSpaces(t, &i);
  const bool before =
      i < t.size() && (t[i] == U'前' || t.substr(i, 2) == U"以前");
  auto resolve = [&](int y) {
    if (y > 0) return y;
    if (year <= 0) return -1;
    out->used_placeholder = true;
    return year;
  };
  const int ya = resolve(a.year);
  if (ya < 0) return false;
  if (range) {
    const int yb = b.year >= 0 ? resolve(b.year) : ya;
    if (yb < 0) return false;
    out->start = Iso(ya, a.month, a.day);
    out->end = Iso(yb, b.month,
                   b.day < 0 || b.month_end ? LastDay(yb, b.month) : b.day);
    return out->start <= out->end;
  }
  if (a.day < 0 && !a.month_end) {
    // A month: the whole month, or up to its end when "前".
    if (!before) out->start = Iso(ya, a.month, 1);
    out->end = Iso(ya, a.month, LastDay(ya, a.month));
    return true;
  }
  const int day = a.month_end ? LastDay(ya, a.month) : a.day;
  out->end = Iso(ya, a.month, day);
  if (!before) out->start = out->end;
  return true;
}

U32 ChineseNumeralDate(U32View t) {
  auto digit = [](char32_t c) -> int {
    static const U32View kDigits = U"〇一二三四五六七八九";
    if (c == U'○' || c == U'零' || c == U'O' || c == U'0') return 0;
    const size_t at = kDigits.find(c);
    return at == U32View::npos ? -1 : static_cast<int>(at);
  };
  // 一 … 三十一: 十, 十N, N十, N十M, or N.
  auto small = [&](U32View n) -> int {
    const size_t ten = n.find(U'十');
    if (ten == U32View::npos) return n.size() == 1 ? digit(n[0]) : -1;
    if (n.size() > 3) return -1;
    const int tens = ten == 0 ? 1 : digit(n[0]);
    const int ones = ten + 1 < n.size() ? digit(n[ten + 1]) : 0;
    return tens < 1 || ones < 0 || (ten != 0 && ten != 1) ? -1
                                                          : tens * 10 + ones;
  };
  const size_t nian = t.find(U'年'), yue = t.find(U'月'), ri = t.find(U'日');
  if (nian != 4 || yue == U32View::npos || ri == U32View::npos ||
      !(nian < yue && yue < ri))
    return U32();
  int year = 0;
  for (size_t k = 0; k < 4; ++k) {
    const int d = digit(t[k]);
    if (d < 0) return U32();
    year = year * 10 + d;
  }
  const int month = small(t.substr(nian + 1, yue - nian - 1));
  const int day = small(t.substr(yue + 1, ri - yue - 1));
  if (month < 1 || month > 12 || day < 1 || day > 31) return U32();
  const std::string iso = std::to_string(year) + "年" + std::to_string(month) +
                          "月" + std::to_string(day) + "日";
  return ToU32(iso) + U32(t.substr(ri + 1));
}

std::string WholeLineDate(U32View t) {
  t = Trim(t);
  // "（2025年2月20日）" under a title.
  if (t.size() > 2 && t.front() == '(' && t.back() == ')')
    t = Trim(t.substr(1, t.size() - 2));
  const U32 numerals = ChineseNumeralDate(t);
  if (!numerals.empty()) t = numerals;
  size_t i = 0;
  Point p;
  if (!ReadPoint(t, &i, &p) || p.year <= 0 || p.day < 0) return "";
  U32View rest = Trim(t.substr(i));
  if (!rest.empty() && rest != U"印发" && rest != U"发布") return "";
  return Iso(p.year, p.month, p.day);
}

int FirstYear(U32View t) {
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    if (!Digit(t[i]) || (i > 0 && Digit(t[i - 1]))) continue;
    size_t j = i;
    int y = ReadInt(t, &j, 4);
    if (j - i == 4 && (j >= t.size() || !Digit(t[j])) && y >= 1990 && y <= 2099)
      return y;
  }
  return 0;
}

}  // namespace chuangwen::internal
