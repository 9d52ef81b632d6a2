// Text entering the model: every string field of a message is valid UTF-8
// without NUL. Protobuf stores such strings but refuses them when parsing,
// so one let in is a record that can never be read back; an id with NUL can
// never be looked up.
#ifndef CHUANGWEN_SRC_MODEL_TEXT_CHECK_H_
#define CHUANGWEN_SRC_MODEL_TEXT_CHECK_H_

#include <google/protobuf/message.h>

#include <string>
#include <string_view>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen::internal {

// Empty when `text` is valid UTF-8 without NUL, else what is wrong.
std::string TextProblem(std::string_view text);

struct TextIssue {
  std::string path;  // "units[3].name"
  std::string problem;
};

// Every string field of `message`, recursively; at most `limit` issues.
void FindTextIssues(const google::protobuf::Message& message,
                    std::vector<TextIssue>* out, size_t limit = 20);

// InvalidArgument "<what>: <path>: <problem>" for the first issue.
Status CheckText(const google::protobuf::Message& message,
                 const std::string& what);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_MODEL_TEXT_CHECK_H_
