// Where in a campaign's source text each validation problem is: the line and
// column of the field its path names ("tasks[8].unit_id"), or of the nearest
// enclosing element the text has. Text format through protobuf's parse-info
// tree; JSON through a scanner of its own (protobuf's JSON parser keeps no
// positions). Binary has no lines: problems keep line 0.
#ifndef CHUANGWEN_SRC_MODEL_LOCATE_PROBLEMS_H_
#define CHUANGWEN_SRC_MODEL_LOCATE_PROBLEMS_H_

#include <string_view>

#include "chuangwen/codec.h"
#include "chuangwen/v1/validation.pb.h"

namespace google::protobuf {
class Descriptor;
}

namespace chuangwen::internal {

// Sets line and column (1-based) of each problem in `report` whose location
// names a field of a message of type `root` in `bytes`.
void LocateProblems(std::string_view bytes, Format format,
                    const google::protobuf::Descriptor* root,
                    v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_MODEL_LOCATE_PROBLEMS_H_
