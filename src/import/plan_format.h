// The format layer of plan import: what a plan's bytes are (detected from the
// bytes, never the file name) and the limits every reader enforces.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_FORMAT_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace chuangwen::internal {

enum class PlanFormat {
  kText,  // UTF-8 or GB18030 text (Markdown included).
  kDocx,  // Word 2007+ (Office Open XML), also as WPS saves it.
  kOdt,   // OpenDocument text.
  kDoc,   // Word 97-2003 or WPS binary (an OLE2 compound file).
  kRtf,
  kPdf,
  kHtml,  // A page saved from a government site.
};

// The format's name as results and errors write it ("docx", "pdf" …).
const char* PlanFormatName(PlanFormat format);

// Limits: larger input is refused with an error that says so, never
// truncated.
inline constexpr size_t kMaxPlanBytes = 64u << 20;          // A file.
inline constexpr size_t kMaxPackagePartBytes = 256u << 20;  // An unzipped part.
inline constexpr size_t kMaxPlanTextBytes = 64u << 20;      // Text read out.

// Detects the format from the bytes. Fails (kParseError) for bytes that are
// none of the formats above, saying what they look like (a spreadsheet, an
// image, an archive …) and what to do; fails (kInvalidArgument) for input
// over kMaxPlanBytes.
Status DetectPlanFormat(std::string_view bytes, PlanFormat* out);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_FORMAT_H_
