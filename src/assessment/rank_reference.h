// The reference ranking: the contract of ranking.h written as plainly as
// possible (a stable sort of unit indices). The tests' oracle, and the
// library's path for inputs small enough that it is as fast.
#ifndef CHUANGWEN_ASSESSMENT_RANK_REFERENCE_H_
#define CHUANGWEN_ASSESSMENT_RANK_REFERENCE_H_

#include <cstddef>
#include <cstdint>

#include "chuangwen/ranking.h"

namespace chuangwen::internal {

// Ranks `units` finite composites (vetoed and groups may be null; groups
// non-negative). Writes rank and, unless null, group_rank.
void ReferenceRank(const double* composite, size_t units, const uint8_t* vetoed,
                   const int32_t* groups, TieMode ties, int32_t* rank,
                   int32_t* group_rank);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_ASSESSMENT_RANK_REFERENCE_H_
