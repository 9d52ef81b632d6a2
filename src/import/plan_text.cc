#include "import/plan_text.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <unordered_map>

#include "import/plan_columns.h"
#include "import/plan_dates.h"
#include "import/plan_split.h"

namespace chuangwen::internal {

U32 ToU32(std::string_view s) {
  U32 out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int n;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1F;
      n = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0F;
      n = 3;
    } else if ((c >> 3) == 30) {
      cp = c & 0x07;
      n = 4;
    } else {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (i + static_cast<size_t>(n) > s.size()) {
      out.push_back(0xFFFD);
      break;
    }
    for (int k = 1; k < n; ++k)
      cp = (cp << 6) |
           (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string ToUtf8(U32View text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

namespace {

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80         ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

Status FromGb18030(std::string_view bytes, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1))
    return Status::Internal("GB18030 conversion is not available");
  out->assign(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* dst = out->data();
  size_t out_left = out->size();
  size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) {
    return Status::ParseError(
        "the plan is neither UTF-8 nor GB18030 (bad bytes at offset " +
        std::to_string(bytes.size() - in_left) + ")");
  }
  out->resize(out->size() - out_left);
  return Status::OK();
}

}  // namespace

Status DecodePlanBytes(std::string_view bytes, const std::string& forced,
                       std::string* utf8, std::string* encoding) {
  std::string f;
  for (char c : forced)
    f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (f == "gbk" || f == "gb2312") f = "gb18030";
  if (!f.empty() && f != "utf-8" && f != "utf8" && f != "gb18030") {
    return Status::InvalidArgument("encoding '" + forced +
                                   "' is not one of utf-8, gb18030");
  }
  if (f != "gb18030" && (f.empty() ? ValidUtf8(bytes) : true)) {
    if (!ValidUtf8(bytes))
      return Status::ParseError("the plan is not valid UTF-8");
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    utf8->assign(bytes);
    *encoding = "UTF-8";
    return Status::OK();
  }
  CW_RETURN_IF_ERROR(FromGb18030(bytes, utf8));
  *encoding = "GB18030";
  return Status::OK();
}

char32_t Fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x3000 || c == 0x00A0 || c == '\t') return ' ';
  return c;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == 0x3000 || c == '\t' || c == 0xA0;
}

U32View Trim(U32View t) {
  while (!t.empty() && IsSpace(t.front())) t.remove_prefix(1);
  while (!t.empty() && (IsSpace(t.back()) || t.back() == '\r'))
    t.remove_suffix(1);
  return t;
}

int ChineseNumber(U32View t) {
  static const std::u32string kDigits = U"零一二三四五六七八九";
  auto digit = [&](char32_t c) {
    if (c == U'两') return 2;
    size_t p = kDigits.find(c);
    return p == std::u32string::npos ? -1 : static_cast<int>(p);
  };
  if (t.empty() || t.size() > 3) return 0;
  size_t ten = t.find(U'十');
  if (ten == U32View::npos) {
    return t.size() == 1 && digit(t[0]) > 0 ? digit(t[0]) : 0;
  }
  int tens = 1, ones = 0;
  if (ten == 1) {
    tens = digit(t[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  if (ten + 1 < t.size()) {
    if (ten + 2 != t.size()) return 0;
    ones = digit(t[ten + 1]);
    if (ones <= 0) return 0;
  }
  return tens * 10 + ones;
}

NumberingMatch MatchNumbering(U32View norm) {
  NumberingMatch m;
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < norm.size() && IsSpace(norm[i])) ++i;
  };
  auto cn_run = [&](size_t from) {
    size_t j = from;
    while (j < norm.size() && j - from < 3 &&
           U32View(U"零一二三四五六七八九十两").find(norm[j]) != U32View::npos)
      ++j;
    return j;
  };
  auto done = [&](Numbering style, int value) {
    skip_spaces();
    if (i >= norm.size())
      return NumberingMatch{};  // A bare label is no heading.
    m.style = style;
    m.value = value;
    m.length = i;
    return m;
  };
  skip_spaces();
  if (i >= norm.size()) return m;
  const char32_t c = norm[i];
  if (c >= U'①' && c <= U'⑳') {
    ++i;
    return done(Numbering::kCircled, static_cast<int>(c - U'①') + 1);
  }
  // ㈠ reads as （一）, ⑴ as (1), ⒈ as 1.
  if (c >= U'㈠' && c <= U'㈩') {
    ++i;
    return done(Numbering::kChineseParen, static_cast<int>(c - U'㈠') + 1);
  }
  if (c >= U'⑴' && c <= U'⒇') {
    ++i;
    return done(Numbering::kArabicParen, static_cast<int>(c - U'⑴') + 1);
  }
  if (c >= U'⒈' && c <= U'⒛') {
    ++i;
    return done(Numbering::kArabic, static_cast<int>(c - U'⒈') + 1);
  }
  if (c == '(') {
    ++i;
    skip_spaces();
    size_t start = i;
    if (i < norm.size() && norm[i] >= '0' && norm[i] <= '9') {
      int v = 0;
      while (i < norm.size() && norm[i] >= '0' && norm[i] <= '9' &&
             i - start < 3)
        v = v * 10 + static_cast<int>(norm[i++] - '0');
      skip_spaces();
      if (i < norm.size() && norm[i] == ')') {
        ++i;
        return done(Numbering::kArabicParen, v);
      }
      return m;
    }
    size_t end = cn_run(start);
    int v = ChineseNumber(norm.substr(start, end - start));
    i = end;
    skip_spaces();
    if (v > 0 && i < norm.size() && norm[i] == ')') {
      ++i;
      return done(Numbering::kChineseParen, v);
    }
    return NumberingMatch{};
  }
  if (c >= '0' && c <= '9') {
    int v = 0;
    size_t start = i;
    while (i < norm.size() && norm[i] >= '0' && norm[i] <= '9' && i - start < 3)
      v = v * 10 + static_cast<int>(norm[i++] - '0');
    skip_spaces();  // "1 ． 整治" has odd spacing.
    if (i < norm.size() &&
        (norm[i] == '.' || norm[i] == U'、' || norm[i] == U'．')) {
      // "1.5万" or "2017." are not labels: a digit right after the dot is.
      if (i + 1 < norm.size() && norm[i + 1] >= '0' && norm[i + 1] <= '9')
        return NumberingMatch{};
      ++i;
      return done(Numbering::kArabic, v);
    }
    return NumberingMatch{};
  }
  size_t end = cn_run(i);
  if (end > i) {
    int v = ChineseNumber(norm.substr(i, end - i));
    if (v <= 0) return NumberingMatch{};
    i = end;
    skip_spaces();
    if (i < norm.size() &&
        (norm[i] == U'、' || norm[i] == ',' || norm[i] == '.')) {
      ++i;
      return done(Numbering::kChineseComma, v);
    }
    // 一是 … 二是, and 一要 … 二要 as plans also write them.
    if (i < norm.size() && (norm[i] == U'是' || norm[i] == U'要')) {
      ++i;
      return done(Numbering::kChineseShi, v);
    }
  }
  return NumberingMatch{};
}

bool MatchLabel(U32View norm, U32* label, size_t* value_start) {
  label->clear();
  size_t i = 0;
  while (i < norm.size() && i < 14) {
    char32_t c = norm[i];
    if (c == ':') {
      if (label->empty()) return false;
      *value_start = i + 1;
      return true;
    }
    if (IsHan(c)) {
      label->push_back(c);
    } else if (!IsSpace(c) && c != '(' && c != ')') {
      return false;
    } else if (c == '(' || c == ')') {
      label->push_back(c);
    }
    ++i;
  }
  return false;
}

bool LooksLikeIssuer(U32View token, const std::vector<U32>& endings) {
  if (token.size() < 3 || token.size() > 25) return false;
  if (!std::all_of(token.begin(), token.end(), IsHan)) return false;
  for (const U32& end : endings)
    if (token.size() > end.size() &&
        token.substr(token.size() - end.size()) == end)
      return true;
  return false;
}

std::vector<U32> IssuerNames(U32View norm, const std::vector<U32>& endings) {
  std::vector<U32> out;
  size_t i = 0;
  while (i < norm.size()) {
    while (i < norm.size() && IsSpace(norm[i])) ++i;
    size_t j = i;
    while (j < norm.size() && !IsSpace(norm[j])) ++j;
    if (j == i) break;
    if (!LooksLikeIssuer(norm.substr(i, j - i), endings)) return {};
    out.emplace_back(norm.substr(i, j - i));
    i = j;
  }
  return out.size() <= 3 ? out : std::vector<U32>();
}

std::vector<U32> SplitNames(U32View value) {
  std::vector<U32> out;
  U32 cur;
  auto flush = [&] {
    U32View t = Trim(cur);
    while (!t.empty() && (t.back() == U'。' || t.back() == '.'))
      t.remove_suffix(1);
    if (t.size() >= 1 && t.back() == U'等' && t.size() > 2) t.remove_suffix(1);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  // A padded name: parts of one or two Han characters, three in all at
  // most, with nothing but spaces between them.
  // A roster's post may follow after wide padding ("林  涛  区委副书记"):
  // the name ends before it.
  auto padded_name_at = [&](size_t i) {
    size_t j = i, han = 0, parts = 0;
    bool before_post = false;
    while (j < value.size()) {
      size_t k = j;
      while (k < value.size() && IsHan(value[k])) ++k;
      if (k == j) return size_t{0};
      if (k - j > 2) {
        if (parts < 2 || j < 2 || !IsSpace(Fold(value[j - 2])))
          return size_t{0};
        j -= 2;
        while (j > i && IsSpace(Fold(value[j - 1]))) --j;
        before_post = true;
        break;
      }
      han += k - j;
      ++parts;
      size_t m = k;
      while (m < value.size() && IsSpace(Fold(value[m]))) ++m;
      if (m == k || m >= value.size() || !IsHan(value[m])) {
        j = k;
        break;
      }
      j = m;
    }
    const char32_t next = j < value.size() ? Fold(value[j]) : U'、';
    const bool ends = before_post || next == U'、' || next == ',' ||
                      next == U'，' || next == ';' || next == U'；' ||
                      next == U'。';
    return parts >= 2 && han <= 3 && han >= 2 && ends ? j : size_t{0};
  };
  int depth = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char32_t c = value[i];
    const char32_t f = Fold(c);
    if (f == '(' || f == U'（' || f == U'【' || f == '[') ++depth;
    if ((f == ')' || f == U'）' || f == U'】' || f == ']') && depth > 0)
      --depth;
    if (depth == 0 && cur.empty()) {
      if (const size_t end = padded_name_at(i)) {
        for (size_t k = i; k < end; ++k)
          if (!IsSpace(Fold(value[k]))) cur.push_back(value[k]);
        i = end - 1;
        continue;
      }
    }
    if (depth == 0 && (f == U'、' || f == ',' || f == ';' || f == ' ' ||
                       f == U'，' || f == U'；' || f == U'/')) {
      flush();
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

namespace {

bool IsChrome(U32View norm) {
  if (norm.size() > 80) return false;
  // A site's metadata table is the document's header, not chrome.
  for (U32View meta :
       {U32View(U"发文字号"), U32View(U"成文日期"), U32View(U"索引号")})
    if (norm.find(meta) != U32View::npos) return false;
  static const U32View kMarks[] = {U"发布日期", U"发布时间", U"浏览次数",
                                   U"阅读次数", U"点击次数", U"打印本页",
                                   U"关闭窗口", U"【打印】", U"【关闭】",
                                   U"分享到",   U"字体:",    U"字号:"};
  for (U32View m : kMarks)
    if (norm.find(m) != U32View::npos) return true;
  // A breadcrumb: "首页 > 通知公告", "当前位置：…".
  if (norm.find(U"当前位置") != U32View::npos) return true;
  return norm.find(U"首页") != U32View::npos && norm.find('>') != U32View::npos;
}

bool EndsSentence(U32View norm) {
  if (norm.empty()) return true;
  if (U32View(U"。;:!?”\"…)》").find(norm.back()) != U32View::npos) return true;
  // Titles end in what they are.
  for (U32View end :
       {U32View(U"通知"), U32View(U"方案"), U32View(U"计划"), U32View(U"意见"),
        U32View(U"办法"), U32View(U"文件"), U32View(U"决定"), U32View(U"安排"),
        U32View(U"分解表"), U32View(U"清单")}) {
    if (norm.size() >= end.size() &&
        norm.substr(norm.size() - end.size()) == end)
      return true;
  }
  return false;
}

// Starts something of its own: numbering, a label, a phase.
bool StartsStructure(const LogicalLine& l) {
  if (l.heading) return true;
  U32 label;
  size_t at;
  if (MatchNumbering(l.norm).style != Numbering::kNone) return true;
  if (MatchLabel(l.norm, &label, &at)) return true;
  if (l.norm.size() <= 30 && l.norm.back() == ':') return true;  // 主送 line.
  return l.norm.size() >= 2 && l.norm[0] == U'第' &&
         l.norm.find(U"阶段") != U32View::npos && l.norm.find(U"阶段") < 6;
}

U32 Key(U32View norm) {
  U32 k;
  for (char32_t c : norm)
    if (!IsSpace(c)) k.push_back(c);
  return k;
}

}  // namespace

void BuildLogicalLines(const std::string& utf8,
                       const std::vector<U32>& issuer_endings,
                       const std::vector<U32>& table_words,
                       std::vector<LogicalLine>* out,
                       std::vector<Skip>* skipped, int* line_count) {
  out->clear();
  // 1. Physical lines, layout stripped; tables laid out with spaces get
  // tabs between their cells.
  std::vector<LogicalLine> lines;
  SpacedTable spaced(table_words);
  int number = 0;
  for (size_t start = 0; start <= utf8.size();) {
    size_t end = utf8.find('\n', start);
    if (end == std::string::npos) end = utf8.size();
    ++number;
    U32 raw =
        spaced.Read(ToU32(std::string_view(utf8).substr(start, end - start)));
    start = end + 1;
    // A table row keeps its tabs at the ends: they place its cells.
    const bool row = raw.find(U'\t') != U32::npos;
    auto trim = [row](U32View v) {
      if (!row) return Trim(v);
      while (!v.empty() && (v.front() == ' ' || v.front() == 0x3000)) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\r' || v.back() == 0x3000))
        v.remove_suffix(1);
      return v;
    };
    U32View t = trim(raw);
    bool heading = false;
    while (!t.empty() && t.front() == '#') {
      heading = true;
      t.remove_prefix(1);
    }
    t = trim(t);
    U32 text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '*' && i + 1 < t.size() && t[i + 1] == '*') {
        ++i;  // Markdown bold.
        continue;
      }
      text.push_back(t[i]);
    }
    U32View body = trim(text);
    if (Trim(body).empty() || body.find_first_not_of(U"-*_=") == U32View::npos) {
      if (end == utf8.size()) break;
      continue;  // Blank, or a layout rule.
    }
    LogicalLine l;
    l.first = l.last = number;
    l.text = U32(body);
    l.norm.resize(l.text.size());
    std::transform(l.text.begin(), l.text.end(), l.norm.begin(), Fold);
    l.heading = heading;
    if (IsChrome(l.norm)) {
      skipped->push_back(
          {number, number, ToUtf8(l.text), v1::WEB_CHROME, "web page chrome"});
    } else {
      lines.push_back(std::move(l));
    }
    if (end == utf8.size()) break;
  }
  *line_count = number;
  // 2. Join lines broken in the middle of a sentence (a page break).
  std::vector<LogicalLine> joined;
  for (LogicalLine& l : lines) {
    if (!joined.empty()) {
      LogicalLine& prev = joined.back();
      U32 label;
      size_t at;
      // A line laid out with wide gaps ("中共X委办公室    X人民政府办公室")
      // and a date line are whole.
      const bool prev_open = !prev.heading && prev.norm.size() >= 20 &&
                             !EndsSentence(prev.norm) &&
                             !MatchLabel(prev.norm, &label, &at) &&
                             prev.norm.find(U"   ") == U32::npos &&
                             WholeLineDate(l.norm).empty() &&
                             IssuerNames(l.norm, issuer_endings).empty();
      // Table rows (cells between tabs) are whole lines.
      const bool row = prev.text.find(U'\t') != U32::npos ||
                       l.text.find(U'\t') != U32::npos;
      if (prev_open && !row && !StartsStructure(l)) {
        prev.text += l.text;
        prev.norm += l.norm;
        prev.last = l.last;
        continue;
      }
    }
    joined.push_back(std::move(l));
  }
  SplitRunTogetherLines(issuer_endings, &joined);
  // 3. Blocks repeated by copy-paste: a run of lines equal to an earlier
  // run (at least 3 lines and 60 characters), with the line before it when
  // that is the tail of the line before the original.
  std::vector<U32> keys(joined.size());
  for (size_t i = 0; i < joined.size(); ++i) keys[i] = Key(joined[i].norm);
  std::unordered_map<U32, size_t> first_seen;
  std::vector<int> duplicate_of(joined.size(), -1);
  for (size_t i = 0; i < joined.size(); ++i) {
    auto [it, fresh] = first_seen.emplace(keys[i], i);
    if (fresh || duplicate_of[i] >= 0) continue;
    const size_t j = it->second;
    size_t run = 0, chars = 0;
    while (i + run < joined.size() && j + run < i &&
           keys[i + run] == keys[j + run]) {
      chars += keys[i + run].size();
      ++run;
    }
    if (run < 3 || chars < 60) continue;
    size_t from = i;
    if (i > 0 && j > 0 && duplicate_of[i - 1] < 0 && keys[i - 1].size() >= 8) {
      const U32& before = keys[j - 1];
      const U32& tail = keys[i - 1];
      if (before.size() > tail.size() &&
          before.compare(before.size() - tail.size(), tail.size(), tail) == 0)
        from = i - 1;
    }
    for (size_t k = from; k < i + run; ++k)
      duplicate_of[k] = static_cast<int>(j - (i - k));
  }
  for (size_t i = 0; i < joined.size(); ++i) {
    if (duplicate_of[i] < 0) {
      out->push_back(std::move(joined[i]));
      continue;
    }
    const LogicalLine& original = joined[static_cast<size_t>(duplicate_of[i])];
    const std::string note =
        "repeats line" + (original.first == original.last
                              ? " " + std::to_string(original.first)
                              : "s " + std::to_string(original.first) + "–" +
                                    std::to_string(original.last));
    skipped->push_back({joined[i].first, joined[i].last, ToUtf8(joined[i].text),
                        v1::DUPLICATE, note});
  }
  std::stable_sort(
      skipped->begin(), skipped->end(),
      [](const Skip& a, const Skip& b) { return a.line < b.line; });
}

}  // namespace chuangwen::internal
