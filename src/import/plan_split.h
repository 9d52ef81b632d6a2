// Lines that hold several items: a plan pasted from a web page or a document
// library as one line, an item glued to the one before it ("…各街道）2、…"),
// or a closing block run into the last paragraph. Split at the cues a reader
// uses — the next number of a list, a roster label, a trailing issuer and
// date — before anything is parsed.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_SPLIT_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_SPLIT_H_

#include <vector>

#include "import/plan_text.h"

namespace chuangwen::internal {

// Splits each line of `lines` where one of its items ends and the next
// begins (`issuer_endings` tell a trailing issuer). The pieces keep their
// line's source range.
void SplitRunTogetherLines(const std::vector<U32>& issuer_endings,
                           std::vector<LogicalLine>* lines);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_SPLIT_H_
