#include "import/plan_format.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace chuangwen::internal {
namespace {

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// Whether a ZIP archive names `entry` in its central directory (the names
// are stored as plain bytes, so a search finds them).
bool ZipNames(std::string_view bytes, std::string_view entry) {
  return bytes.find(entry) != std::string_view::npos;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string Megabytes(size_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

}  // namespace

const char* PlanFormatName(PlanFormat format) {
  switch (format) {
    case PlanFormat::kText:
      return "text";
    case PlanFormat::kDocx:
      return "docx";
    case PlanFormat::kOdt:
      return "odt";
    case PlanFormat::kDoc:
      return "doc";
    case PlanFormat::kRtf:
      return "rtf";
    case PlanFormat::kPdf:
      return "pdf";
    case PlanFormat::kHtml:
      return "html";
  }
  return "text";
}

Status DetectPlanFormat(std::string_view bytes, PlanFormat* out) {
  if (bytes.size() > kMaxPlanBytes) {
    return Status::InvalidArgument("the plan is " + Megabytes(bytes.size()) +
                                   "; plans of more than " +
                                   Megabytes(kMaxPlanBytes) +
                                   " are refused (split it, or convert it to "
                                   "text first)");
  }
  if (StartsWith(bytes, "PK\x03\x04")) {
    if (ZipNames(bytes, "word/document.xml")) {
      *out = PlanFormat::kDocx;
      return Status::OK();
    }
    if (ZipNames(bytes, "application/vnd.oasis.opendocument.text")) {
      *out = PlanFormat::kOdt;
      return Status::OK();
    }
    if (ZipNames(bytes, "xl/workbook.xml")) {
      return Status::ParseError(
          "this is an Excel spreadsheet (.xlsx), not a plan: save the plan "
          "itself (.docx, .doc, .wps, .pdf or text)");
    }
    if (ZipNames(bytes, "ppt/presentation.xml")) {
      return Status::ParseError(
          "this is a PowerPoint presentation (.pptx), not a plan");
    }
    if (ZipNames(bytes, "application/vnd.oasis.opendocument")) {
      return Status::ParseError(
          "this is an OpenDocument file other than text (a spreadsheet or "
          "presentation), not a plan");
    }
    return Status::ParseError(
        "this is a ZIP archive, not a plan: unpack it and import the plan "
        "inside (.docx, .doc, .wps, .pdf or text)");
  }
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // Word, WPS, Excel and PowerPoint binaries share the container; the
    // stream names (UTF-16) tell them apart.
    auto names = [&](const char* ascii) {
      std::string utf16;
      for (const char* p = ascii; *p != '\0'; ++p) {
        utf16 += *p;
        utf16 += '\0';
      }
      return bytes.find(utf16) != std::string_view::npos;
    };
    if (names("Workbook") || names("Book")) {
      return Status::ParseError(
          "this is an Excel spreadsheet (.xls), not a plan");
    }
    if (names("PowerPoint Document")) {
      return Status::ParseError(
          "this is a PowerPoint presentation (.ppt), not a plan");
    }
    *out = PlanFormat::kDoc;
    return Status::OK();
  }
  if (StartsWith(bytes, "%PDF-")) {
    *out = PlanFormat::kPdf;
    return Status::OK();
  }
  if (StartsWith(bytes, "{\\rtf")) {
    *out = PlanFormat::kRtf;
    return Status::OK();
  }
  if (StartsWith(bytes, "\x89PNG") || StartsWith(bytes, "\xFF\xD8\xFF") ||
      StartsWith(bytes, "GIF8") || StartsWith(bytes, "II*\0") ||
      StartsWith(bytes, "MM\0*")) {
    return Status::ParseError(
        "this is an image (a scan or photo of a plan): it has no text to "
        "read; run OCR on it first, or import the plan's .docx, .pdf or text");
  }
  if (StartsWith(bytes, "\x1F\x8B") || StartsWith(bytes, "7z\xBC\xAF") ||
      StartsWith(bytes, "Rar!")) {
    return Status::ParseError(
        "this is a compressed archive, not a plan: unpack it and import the "
        "plan inside");
  }
  if (StartsWith(bytes,
                 "\x7F"
                 "ELF")) {
    return Status::ParseError("this is a program, not a plan");
  }
  // HTML: a tag near the start (after a BOM, spaces or a comment).
  const std::string head = Lower(bytes.substr(0, 4096));
  size_t start = head.find_first_not_of(" \t\r\n");
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0)
    start = head.find_first_not_of(" \t\r\n", 3);
  if (start != std::string::npos &&
      (head.compare(start, 9, "<!doctype") == 0 ||
       head.compare(start, 5, "<html") == 0 ||
       (head.compare(start, 5, "<?xml") == 0 &&
        head.find("<html") != std::string::npos) ||
       (head.compare(start, 4, "<!--") == 0 &&
        head.find("<html") != std::string::npos))) {
    *out = PlanFormat::kHtml;
    return Status::OK();
  }
  *out = PlanFormat::kText;
  return Status::OK();
}

}  // namespace chuangwen::internal
