// Text from plans and citizens written into files officials open: CSV cells
// that Excel or WPS would run as formulas, and file names that would leave
// their folder or trip Windows.
#ifndef CHUANGWEN_SRC_COMMON_SAFE_TEXT_H_
#define CHUANGWEN_SRC_COMMON_SAFE_TEXT_H_

#include <string>
#include <vector>

namespace chuangwen::internal {

// The UTF-8 byte order mark: without it Excel and WPS on Chinese Windows
// read a CSV as GBK.
inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

// One RFC 4180 field. A text starting with = + - @ or a tab or carriage
// return (a formula to a spreadsheet) is written as text behind a leading
// apostrophe; a plain number ("-2.5") is left as it is.
std::string CsvField(const std::string& text);
// Fields joined by commas, ending in CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

// A file name made from an id or a name: no path separators, control or
// bidirectional-override characters, characters Windows forbids, trailing
// dots or spaces, or reserved device names (CON, NUL, COM1…); never empty.
std::string SafeFileName(const std::string& name);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_COMMON_SAFE_TEXT_H_
