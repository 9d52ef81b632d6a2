#include "import/docx_numbering.h"

#include <utility>

namespace chuangwen::internal {
namespace {

const char* const kDigits[] = {"〇", "一", "二", "三", "四",
                               "五", "六", "七", "八", "九"};
const char* const kLegalDigits[] = {"零", "壹", "贰", "叁", "肆",
                                    "伍", "陆", "柒", "捌", "玖"};

// 1..9999 in Chinese counting: 十一 (not 一十一) below 20; with `thousand`,
// 百 and 千 and a zero (零, or 〇 in the Taiwanese style) for a gap.
std::string Counting(int n, const char* const digits[], const char* ten,
                     const char* hundred, const char* thousand,
                     const char* zero) {
  if (n <= 0) return std::to_string(n);
  if (n >= 10000) return std::to_string(n);
  const int parts[] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
  const char* units[] = {thousand, hundred, ten, ""};
  std::string out;
  bool pending_zero = false;
  for (int i = 0; i < 4; ++i) {
    if (parts[i] == 0) {
      if (!out.empty()) pending_zero = true;
      continue;
    }
    if (pending_zero) out += zero;
    pending_zero = false;
    // 10-19 read 十, 十一 …: the leading 一 is dropped only when 十 leads.
    if (!(i == 2 && parts[i] == 1 && out.empty())) out += digits[parts[i]];
    out += units[i];
  }
  return out;
}

std::string Letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kTable[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
      {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
      {5, "V"},    {4, "IV"},   {1, "I"}};
  std::string out;
  for (const auto& [value, text] : kTable) {
    while (n >= value) {
      out += text;
      n -= value;
    }
  }
  if (!upper) {
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A run of code points starting at `first` (①…⑳, ⑴…⒇, ㈠…㈩ …).
std::string Enclosed(int n, char32_t first, int count) {
  if (n < 1 || n > count) return std::to_string(n);
  const char32_t c = first + static_cast<char32_t>(n - 1);
  std::string out;
  out += static_cast<char>(0xE0 | (c >> 12));
  out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (c & 0x3F));
  return out;
}

std::string FullWidth(int n) {
  std::string out;
  for (char d : std::to_string(n)) {
    // U+FF10 + digit.
    out += "\xEF\xBC";
    out += static_cast<char>(0x90 + (d - '0'));
  }
  return out;
}

std::string Cycle(int n, const char* const names[], int count) {
  if (n < 1) return std::to_string(n);
  return names[(n - 1) % count];
}

}  // namespace

std::string FormatListNumber(int value, const std::string& format) {
  static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊",
                                       "己", "庚", "辛", "壬", "癸"};
  static const char* const kBranches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                          "午", "未", "申", "酉", "戌", "亥"};
  if (format == "decimal" || format.empty()) return std::to_string(value);
  if (format == "decimalZero")
    return (value < 10 ? "0" : "") + std::to_string(value);
  if (format == "chineseCounting" || format == "japaneseCounting" ||
      format == "taiwaneseCounting" || format == "koreanCounting")
    return Counting(value, kDigits, "十", "百", "千", "零");
  if (format == "chineseCountingThousand" ||
      format == "japaneseCountingThousand")
    return Counting(value, kDigits, "十", "百", "千", "零");
  if (format == "taiwaneseCountingThousand")
    return Counting(value, kDigits, "十", "百", "千", "〇");
  if (format == "chineseLegalSimplified" || format == "japaneseLegal")
    return Counting(value, kLegalDigits, "拾", "佰", "仟", "零");
  if (format == "taiwaneseDigital") {
    std::string out;
    for (char d : std::to_string(value)) out += kDigits[d - '0'];
    return out;
  }
  if (format == "ideographTraditional") return Cycle(value, kStems, 10);
  if (format == "ideographZodiac") return Cycle(value, kBranches, 12);
  if (format == "decimalFullWidth" || format == "decimalFullWidth2")
    return FullWidth(value);
  if (format == "decimalEnclosedCircle" ||
      format == "decimalEnclosedCircleChinese")
    return Enclosed(value, U'①', 20);
  if (format == "decimalEnclosedParen") return Enclosed(value, U'⑴', 20);
  if (format == "decimalEnclosedFullstop") return Enclosed(value, U'⒈', 20);
  if (format == "ideographEnclosedCircle") return Enclosed(value, U'㈠', 10);
  if (format == "ideographParenthesized") return Enclosed(value, U'㈠', 10);
  if (format == "upperLetter") return Letters(value, true);
  if (format == "lowerLetter") return Letters(value, false);
  if (format == "upperRoman") return Roman(value, true);
  if (format == "lowerRoman") return Roman(value, false);
  if (format == "none" || format == "bullet") return "";
  return std::to_string(value);
}

ListCounters::ListCounters(std::map<int, ListDefinition> definitions,
                           std::map<int, ListInstance> instances)
    : definitions_(std::move(definitions)), instances_(std::move(instances)) {}

const ListLevel* ListCounters::Level(int num_id, int level) const {
  auto inst = instances_.find(num_id);
  if (inst == instances_.end()) return nullptr;
  auto over = inst->second.level_override.find(level);
  if (over != inst->second.level_override.end() && over->second.defined)
    return &over->second;
  auto def = definitions_.find(inst->second.definition);
  if (def == definitions_.end()) return nullptr;
  return &def->second.levels[static_cast<size_t>(level)];
}

std::string ListCounters::Next(int num_id, int level) {
  if (level < 0 || level > 8) return "";
  const ListLevel* lvl = Level(num_id, level);
  if (lvl == nullptr || lvl->format == "bullet") return "";
  const ListInstance& inst = instances_.at(num_id);
  // An instance with start overrides numbers on its own; others share the
  // counters of their definition.
  const long key = inst.start_override.empty()
                       ? static_cast<long>(inst.definition)
                       : -1L - static_cast<long>(num_id);
  auto [it, fresh] = counters_.try_emplace(key);
  std::array<int, 9>& c = it->second;
  if (fresh) c.fill(0);
  auto start_of = [&](int l) {
    auto o = inst.start_override.find(l);
    if (o != inst.start_override.end()) return o->second;
    const ListLevel* x = Level(num_id, l);
    return x != nullptr ? x->start : 1;
  };
  c[static_cast<size_t>(level)] = c[static_cast<size_t>(level)] == 0
                                      ? start_of(level)
                                      : c[static_cast<size_t>(level)] + 1;
  for (int deeper = level + 1; deeper < 9; ++deeper)
    c[static_cast<size_t>(deeper)] = 0;
  std::string text = lvl->text;
  if (text.empty() && !lvl->defined)
    text = "%" + std::to_string(level + 1) + ".";
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' &&
        text[i + 1] <= '9') {
      const int l = text[i + 1] - '1';
      const ListLevel* x = Level(num_id, l);
      int value = c[static_cast<size_t>(l)];
      if (value == 0) value = start_of(l);  // A level not seen yet.
      const std::string format =
          x == nullptr ? "decimal" : (lvl->legal ? "decimal" : x->format);
      out += FormatListNumber(value, format);
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace chuangwen::internal
