// PDF text as pdftotext -layout leaves it, made into a plan's lines: page
// numbers and running headers and footers dropped, the spaces the layout
// puts between Han characters and digits or Latin ("2017 年 3 月") undone,
// and lines the page width broke joined again.
#ifndef CHUANGWEN_SRC_IMPORT_PDF_TEXT_H_
#define CHUANGWEN_SRC_IMPORT_PDF_TEXT_H_

#include <string>
#include <string_view>

namespace chuangwen::internal {

// `layout`: UTF-8, pages separated by form feeds.
std::string CleanPdfText(std::string_view layout);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PDF_TEXT_H_
