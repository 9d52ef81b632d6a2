#include "common/safe_text.h"

#include <cctype>

namespace chuangwen::internal {
namespace {

// "12", "-2.5", "+3": digits, at most one point between digits, a sign.
bool IsPlainNumber(const std::string& text) {
  size_t i = text.empty() || (text[0] != '-' && text[0] != '+') ? 0 : 1;
  const size_t start = i;
  bool point = false;
  for (; i < text.size(); ++i) {
    if (text[i] == '.' && !point && i > start && i + 1 < text.size()) {
      point = true;
    } else if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return i > start;
}

// Length of the UTF-8 sequence at `s[i]` that is a bidirectional control
// (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), else 0.
size_t BidiControlAt(const std::string& s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2) return 0;
  const unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
  const unsigned char b2 = static_cast<unsigned char>(s[i + 2]);
  if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)))
    return 3;
  if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  return 0;
}

bool ReservedOnWindows(const std::string& name) {
  std::string stem = name.substr(0, name.find('.'));
  for (char& c : stem)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (stem == "CON" || stem == "PRN" || stem == "AUX" || stem == "NUL")
    return true;
  return stem.size() == 4 &&
         (stem.compare(0, 3, "COM") == 0 || stem.compare(0, 3, "LPT") == 0) &&
         stem[3] >= '1' && stem[3] <= '9';
}

}  // namespace

std::string CsvField(const std::string& text) {
  std::string value = text;
  if (!value.empty() &&
      std::string("=+-@\t\r").find(value[0]) != std::string::npos &&
      !IsPlainNumber(value)) {
    value = "'" + value;
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i)
    out += (i ? "," : "") + CsvField(fields[i]);
  return out + "\r\n";
}

std::string SafeFileName(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    if (size_t n = BidiControlAt(name, i); n > 0) {
      i += n;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(name[i++]);
    if (c < 0x20 || c == 0x7F) continue;
    out += std::string("/\\:*?\"<>|").find(static_cast<char>(c)) ==
                   std::string::npos
               ? static_cast<char>(c)
               : '_';
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' '))
    out.pop_back();
  while (!out.empty() && (out.front() == '.' || out.front() == ' '))
    out.erase(0, 1);
  if (out.empty()) return "_";
  if (ReservedOnWindows(out)) out = "_" + out;
  return out;
}

}  // namespace chuangwen::internal
