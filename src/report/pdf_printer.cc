#include "report/pdf_printer.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "chuangwen/codec.h"
#include "common/numbers.h"
#include "common/subprocess.h"

namespace chuangwen::internal {
namespace {

// The foot of the 版心 on an A4 page: 297 mm less the 35 mm bottom margin,
// in PDF points.
constexpr double kBodyBottomPt = (297.0 - 35.0) / 25.4 * 72.0;
// From the last line's text to the 版记's lower rule: half the line's
// leading and the rule.
constexpr double kBanjiBelowTextPt = 8.0;
// The 版记's default room above it (style.css: .banji-foot).
constexpr double kBanjiGapPt = 28.95;
constexpr size_t kMaxPdfBytes = 256u << 20;

std::string FindChromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string path = Which(name);
    if (!path.empty()) return path;
  }
  return "";
}

Status Print(const std::string& chromium, const ScratchDir& dir,
             const std::string& html, std::string* pdf) {
  const std::string input = dir.path() + "/document.html";
  const std::string output = dir.path() + "/document.pdf";
  CW_RETURN_IF_ERROR(WritePrivateFile(input, html));
  std::string ignored;
  int exit_status = 0;
  CW_RETURN_IF_ERROR(RunProgram(
      {chromium, "--headless", "--no-sandbox", "--disable-gpu",
       "--no-first-run", "--disable-dev-shm-usage", "--no-pdf-header-footer",
       "--user-data-dir=" + dir.path() + "/profile", "--print-to-pdf=" + output,
       "file://" + input},
      kPrintTimeoutSeconds, 1 << 20, "PDF", &ignored, &exit_status));
  Status s = ReadFile(output, pdf);
  if (exit_status != 0 || !s.ok() || pdf->size() > kMaxPdfBytes) {
    return Status::IOError(
        "PDF: Chromium could not print the document (exit "
        "status " +
        std::to_string(exit_status) + ")");
  }
  return Status::OK();
}

// The last page's number and the lowest text on it that lies inside the
// 版心 (page numbers lie below it), from pdftotext -bbox.
bool LastTextBottom(const std::string& pdftotext, const ScratchDir& dir,
                    const std::string& pdf, int* pages, double* bottom) {
  const std::string path = dir.path() + "/measure.pdf";
  if (!WritePrivateFile(path, pdf).ok()) return false;
  std::string xhtml;
  int exit_status = 0;
  if (!RunProgram({pdftotext, "-bbox", path, "-"}, kPrintTimeoutSeconds,
                  64u << 20, "PDF", &xhtml, &exit_status)
           .ok() ||
      exit_status != 0)
    return false;
  const size_t last = xhtml.rfind("<page ");
  if (last == std::string::npos) return false;
  *pages = 0;
  for (size_t at = xhtml.find("<page "); at != std::string::npos;
       at = xhtml.find("<page ", at + 1))
    ++*pages;
  *bottom = 0;
  static constexpr std::string_view kYMax = "yMax=\"";
  for (size_t at = xhtml.find(kYMax, last); at != std::string::npos;
       at = xhtml.find(kYMax, at + 1)) {
    double y = 0;
    if (ParseDecimal(std::string_view(xhtml).substr(at + kYMax.size()), &y) &&
        y <= kBodyBottomPt)
      *bottom = std::max(*bottom, y);
  }
  return *bottom > 0;
}

}  // namespace

Status HtmlToPdf(const std::string& html, std::string* pdf) {
  const std::string chromium = FindChromium();
  if (chromium.empty()) {
    return Status::NotFound(
        "PDF output needs Chromium, which is not installed (Debian: apt "
        "install chromium); write HTML or DOCX instead");
  }
  ScratchDir dir;
  if (dir.path().empty())
    return Status::IOError("cannot make a private directory");
  CW_RETURN_IF_ERROR(Print(chromium, dir, html, pdf));
  // The 版记 at the foot of the last page: print again with the room left
  // below it added above it, when that keeps the page count.
  const std::string pdftotext = Which("pdftotext");
  const size_t head_end = html.find("</head>");
  int pages = 0;
  double bottom = 0;
  if (pdftotext.empty() || head_end == std::string::npos ||
      html.find("class=\"banji\"") == std::string::npos ||
      !LastTextBottom(pdftotext, dir, *pdf, &pages, &bottom))
    return Status::OK();
  const double room = kBodyBottomPt - kBanjiBelowTextPt - bottom;
  if (room < 1) return Status::OK();
  std::string moved = html;
  moved.insert(head_end, "<style>:root{--banji-gap:" +
                             FormatFixed(kBanjiGapPt + room, 2) +
                             "pt}</style>");
  std::string second;
  int second_pages = 0;
  double second_bottom = 0;
  if (Print(chromium, dir, moved, &second).ok() &&
      LastTextBottom(pdftotext, dir, second, &second_pages, &second_bottom) &&
      second_pages == pages)
    pdf->swap(second);
  return Status::OK();
}

}  // namespace chuangwen::internal
