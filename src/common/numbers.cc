#include "common/numbers.h"

#include <charconv>
#include <cmath>

namespace chuangwen::internal {
namespace {

template <typename... Format>
std::string ToChars(double value, Format... format) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buf[400];  // %.*f of the largest double needs 309 digits and more.
  const auto result = std::to_chars(buf, buf + sizeof buf, value, format...);
  if (result.ec != std::errc()) return "?";
  return std::string(buf, result.ptr);
}

}  // namespace

std::string FormatFixed(double value, int decimals) {
  return ToChars(value, std::chars_format::fixed, decimals);
}

std::string FormatGeneral(double value, int precision) {
  return ToChars(value, std::chars_format::general, precision);
}

bool ParseDecimal(std::string_view text, double* out, size_t* used) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(),
                                      *out, std::chars_format::fixed);
  if (result.ec != std::errc()) return false;
  if (used != nullptr) *used = static_cast<size_t>(result.ptr - text.data());
  return true;
}

}  // namespace chuangwen::internal
