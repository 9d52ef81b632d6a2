// Review of an import (审核): the items a person checks, each under a stable
// id built from what it says, and the decisions of an earlier review applied
// to a new import of the same plan — so a corrected reading stays corrected
// when the plan is imported again.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_REVIEW_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_REVIEW_H_

#include "chuangwen/status.h"
#include "chuangwen/v1/plan_import.pb.h"

namespace chuangwen::internal {

// kInvalidArgument naming the decision when one has no action or an id
// that is not a header/, seat/ or task/ id.
Status CheckReview(
    const google::protobuf::RepeatedPtrField<v1::ReviewDecision>& review);

// Applies checked decisions to `r`'s campaign. A decision that names no item
// of this import (the plan changed) becomes a note.
void ApplyReview(
    const google::protobuf::RepeatedPtrField<v1::ReviewDecision>& review,
    v1::ImportResult* r);

// Fills r->review_items: header fields, seats and task parties, least sure
// first.
void ListReviewItems(v1::ImportResult* r);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_REVIEW_H_
