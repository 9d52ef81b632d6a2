// Numbers as text without the C locale: a host that set a comma-decimal
// locale (setlocale(LC_ALL, "")) never reaches a bulletin, an SVG, a CSV or
// a message. std::to_chars is locale-independent by definition.
#ifndef CHUANGWEN_SRC_COMMON_NUMBERS_H_
#define CHUANGWEN_SRC_COMMON_NUMBERS_H_

#include <string>
#include <string_view>

namespace chuangwen::internal {

// As printf's "%.*f".
std::string FormatFixed(double value, int decimals);
// As printf's "%.*g".
std::string FormatGeneral(double value, int precision = 6);

// A decimal number ("12", "-2.5") at the start of `text`, whatever the
// locale; sets `*used` to the characters read. False when there is none.
bool ParseDecimal(std::string_view text, double* out, size_t* used = nullptr);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_COMMON_NUMBERS_H_
