// The text layer of plan import: bytes to UTF-8 (UTF-8 or GB18030), lines to
// logical lines (layout stripped, web-page chrome and copy-pasted repeats set
// aside, lines broken by a page break joined), and the small recognisers the
// parser shares: numbering labels, "label：value" lines, Chinese numerals.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_TEXT_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "chuangwen/status.h"
#include "chuangwen/v1/plan_import.pb.h"

namespace chuangwen::internal {

using U32 = std::u32string;
using U32View = std::u32string_view;

U32 ToU32(std::string_view utf8);
std::string ToUtf8(U32View text);

// UTF-8 (a BOM is dropped) as is; anything else is read as GB18030. `forced`
// ("utf-8", "gb18030" or empty) overrides detection.
Status DecodePlanBytes(std::string_view bytes, const std::string& forced,
                       std::string* utf8, std::string* encoding);

// One character folded for matching: full-width ASCII forms to ASCII, the
// ideographic space to a space, Chinese brackets of a 文号 to 〔〕.
char32_t Fold(char32_t c);
bool IsHan(char32_t c);
bool IsSpace(char32_t c);

struct LogicalLine {
  int first = 0, last = 0;  // 1-based source lines.
  U32 text;                 // As written (layout markers removed).
  U32 norm;                 // Folded, same length as `text`.
  bool heading = false;     // Was a Markdown heading.
};

struct Skip {
  int line;
  int last_line;
  std::string text;
  v1::LineFate fate;
  std::string note;
};

// Splits `utf8` into logical lines. Chrome lines and repeated blocks go to
// `skipped`; blank lines and layout rules (---) carry nothing and vanish.
// `issuer_endings` tell an issuer's name (a line of them is whole);
// `table_words` the column names of a table laid out with spaces.
void BuildLogicalLines(const std::string& utf8,
                       const std::vector<U32>& issuer_endings,
                       const std::vector<U32>& table_words,
                       std::vector<LogicalLine>* out,
                       std::vector<Skip>* skipped, int* line_count);

// Numbering labels at the start of a line.
enum class Numbering {
  kNone,
  kChineseComma,  // 一、
  kChineseParen,  // （一）
  kArabic,        // 1. 1、 1．
  kArabicParen,   // （1）
  kCircled,       // ①
  kChineseShi,    // 一是
};

struct NumberingMatch {
  Numbering style = Numbering::kNone;
  int value = 0;      // 1-based.
  size_t length = 0;  // Characters of the label (and spaces after it).
};

// Recognises a numbering label at the start of `norm` (spaces inside the
// label are allowed: "（ 一 ）", "一 、").
NumberingMatch MatchNumbering(U32View norm);

// "十三" → 13; 0 if not a Chinese numeral of 1..99.
int ChineseNumber(U32View text);

// "label：value" with a short label of Han characters (spaces inside the
// label are dropped: "组 长：" → "组长"). False otherwise.
bool MatchLabel(U32View norm, U32* label, size_t* value_start);

// Splits a list of names on 、，, ; / and spaces; drops a trailing 等. A
// separator inside brackets does not split ("各处（室、所）" is one), and
// spaces that pad a short name for alignment ("赵  军", "李 明") do not.
std::vector<U32> SplitNames(U32View value);

// An issuing body's name: Han only, ending in one of `endings` (委, 政府,
// 办公室, 局 …).
bool LooksLikeIssuer(U32View token, const std::vector<U32>& endings);

// A line of one to three issuers apart by spaces ("中共X县委办公室    X县
// 人民政府办公室"); empty if the line is anything else.
std::vector<U32> IssuerNames(U32View norm, const std::vector<U32>& endings);

// Trims spaces at both ends.
U32View Trim(U32View text);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_TEXT_H_
