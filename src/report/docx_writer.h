// DOCX output: the HTML document as a Word package that officials edit,
// stamp and print, with the page of GB/T 9704 (A4, margins 37/35/28/26 mm
// mirrored for binding, 22 lines of 3号 仿宋), the title in 2号 小标宋, page
// numbers "— 1 —" right on odd pages and left on even ones, table header
// rows repeated on each page, headings kept with what follows, and the 版记
// at the foot of the last page.
//
// It reads the HTML's class vocabulary, so an integrator's own HTML
// template converts too: .masthead (.issuer, .number, .signer-name),
// hr.red, h1.title, .subtitle, .recipients, h2, h3, p.body/.item, li,
// table (thead rows repeat), .attachments (.more), .signature (.sign-issuer,
// .date), .note, .receipt (a new page), .banji (.copied, .printed). Charts
// (SVG) are left out: their table is in the document. Built with libxml2
// (reading the HTML, writing the XML) and libzip (the package).
#ifndef CHUANGWEN_SRC_REPORT_DOCX_WRITER_H_
#define CHUANGWEN_SRC_REPORT_DOCX_WRITER_H_

#include <string>

#include "chuangwen/status.h"

namespace chuangwen::internal {

Status HtmlToDocx(const std::string& html, std::string* docx);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_REPORT_DOCX_WRITER_H_
