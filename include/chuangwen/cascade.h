// The cascade (层层分解): a plan implements the plan above it, citing it by
// 文号 (a bureau's plan cites the city's). LinkPlans copies the parent plan's
// document and task tree into the child campaign, under the document the
// child cites, and links each child task to the parent task it implements,
// matched by title: the same title, one containing the other, else the
// longest run of characters they share (at least six). A task whose
// ancestor already implements the same parent task is not linked again; a
// task is reported unlinked only when no ancestor is linked either.
// Linking again replaces the earlier copy. Validation then checks the
// cascade for cycles (validate.h rule 5).
//
// Thread safety: reentrant.
#ifndef CHUANGWEN_CASCADE_H_
#define CHUANGWEN_CASCADE_H_

#include "chuangwen/status.h"
#include "chuangwen/v1/plan_import.pb.h"

namespace chuangwen {

// InvalidArgument when the parent has no plan document with a 文号, or the
// child's plan does not cite that 文号 among its parents.
Status LinkPlans(const v1::Campaign& child, const v1::Campaign& parent,
                 v1::CascadeResult* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_CASCADE_H_
