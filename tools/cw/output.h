// Where cw writes: output folders made when missing, paths printed clean
// ("reports//a.md" → "reports/a.md"), and a document's file name kept inside
// its folder.
#ifndef CHUANGWEN_TOOLS_CW_OUTPUT_H_
#define CHUANGWEN_TOOLS_CW_OUTPUT_H_

#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace cw {

// `path` without doubled separators or "./" segments.
std::string CleanPath(const std::string& path);

// Writes `bytes` to `path`, making its folders first.
chuangwen::Status WriteOutput(const std::string& path, std::string_view bytes);

// `dir`/`file_name`, made; InvalidArgument when the name would leave the
// folder (a separator or "..": names come from ids and unit names).
chuangwen::Status JoinOutput(const std::string& dir,
                             const std::string& file_name, std::string* out);

}  // namespace cw

#endif  // CHUANGWEN_TOOLS_CW_OUTPUT_H_
