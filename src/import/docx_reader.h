// The .docx reader of plan import: a Word (or WPS) package to the lines of
// text a reader sees — list labels from automatic numbering put back in
// front of their paragraphs, soft line breaks kept, table rows as
// tab-separated cells, tracked deletions, field codes and hidden text left
// out. Running headers and footers are not read.
#ifndef CHUANGWEN_SRC_IMPORT_DOCX_READER_H_
#define CHUANGWEN_SRC_IMPORT_DOCX_READER_H_

#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace chuangwen::internal {

// UTF-8 text, one paragraph (or table row) per line. kParseError for a
// package that is damaged or has no document; kInvalidArgument for a part
// larger than kMaxPackagePartBytes unpacked (a ZIP bomb) or text over
// kMaxPlanTextBytes.
Status ReadDocx(std::string_view bytes, std::string* text);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_DOCX_READER_H_
