// The web-page reader of plan import: a page saved from a government site
// (HTML in UTF-8 or GB2312/GBK, as its meta charset says) to the lines a
// reader sees — block elements and line breaks end lines, table rows become
// tab-separated cells, scripts, styles, navigation, headers and footers are
// left out.
#ifndef CHUANGWEN_SRC_IMPORT_HTML_READER_H_
#define CHUANGWEN_SRC_IMPORT_HTML_READER_H_

#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace chuangwen::internal {

// UTF-8 text, one block per line. kParseError when nothing can be parsed.
Status ReadHtml(std::string_view bytes, std::string* text);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_HTML_READER_H_
