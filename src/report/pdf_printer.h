// PDF output: the HTML document printed by headless Chromium with its own
// print CSS (GB/T 9704 page, page numbers), where Chromium is installed.
// Where pdftotext (poppler-utils) is installed too, a second print moves
// the 版记 to the foot of the last page, as the standard wants.
#ifndef CHUANGWEN_SRC_REPORT_PDF_PRINTER_H_
#define CHUANGWEN_SRC_REPORT_PDF_PRINTER_H_

#include <string>

#include "chuangwen/status.h"

namespace chuangwen::internal {

// NotFound naming the Debian package when Chromium is not installed;
// IOError when it fails or runs past its time.
Status HtmlToPdf(const std::string& html, std::string* pdf);

// Seconds one print may take.
inline constexpr int kPrintTimeoutSeconds = 120;

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_REPORT_PDF_PRINTER_H_
