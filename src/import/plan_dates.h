// Dates as plans write them: 2017年3月13日, 2017-07-31, 3月15日前, 1月—8月,
// 8-9月, 7月份, 20XX年4-10月, 10月底前. Years written as a placeholder (20XX)
// or left out take the plan's year.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_DATES_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_DATES_H_

#include <string>

#include "import/plan_text.h"

namespace chuangwen::internal {

struct DateSpan {
  std::string start;  // ISO; empty = open.
  std::string end;
  bool used_placeholder = false;  // A 20XX or missing year was filled in.
};

// Reads a date or a span of dates from folded text. `year` fills in
// placeholders and missing years; with year 0 such dates fail.
bool ParseDateSpan(U32View norm, int year, DateSpan* out);

// A whole-line date ("2017年3月13日", "2017年3月13日印发", "2017-07-31",
// "二〇一七年三月十三日", "（2017年3月13日）"): its ISO form, or "" if the
// line is not one.
std::string WholeLineDate(U32View norm);

// "二〇一七年三月十三日…" as "2017年3月13日…"; empty if `norm` does not
// start with a date in Chinese numerals.
U32 ChineseNumeralDate(U32View norm);

// The first 4-digit year (1990..2099) in the text, or 0.
int FirstYear(U32View norm);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_DATES_H_
