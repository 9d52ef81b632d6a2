// External converters for the formats plan import does not read itself:
// pdftotext (poppler-utils) for PDF, LibreOffice for .doc, .wps, .rtf and
// .odt. Each runs on a private copy of the input in a fresh directory, with
// a timeout, and its absence is an error naming the Debian package to
// install.
#ifndef CHUANGWEN_SRC_IMPORT_CONVERTERS_H_
#define CHUANGWEN_SRC_IMPORT_CONVERTERS_H_

#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace chuangwen::internal {

// pdftotext -layout: the PDF's text in UTF-8, pages separated by form feeds.
Status PdfToLayoutText(std::string_view pdf, std::string* text);

// LibreOffice (soffice --headless --convert-to docx) with a private user
// profile: a .doc, .wps, .rtf or .odt document as a .docx package.
Status OfficeToDocx(std::string_view document, const char* suffix,
                    std::string* docx);

// Seconds a converter may run before it is stopped (pdftotext, LibreOffice).
inline constexpr int kPdfTimeoutSeconds = 60;
inline constexpr int kOfficeTimeoutSeconds = 120;

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_CONVERTERS_H_
