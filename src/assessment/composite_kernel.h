// The composite pass's vector kernels (AVX2, chosen at run time; callers
// fall back to plain loops where these return having done nothing). Both
// give bit for bit what the scalar code gives. Internal to the ranking hot
// path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_COMPOSITE_KERNEL_H_
#define CHUANGWEN_SRC_ASSESSMENT_COMPOSITE_KERNEL_H_

#include <cstddef>
#include <cstdint>

#include "assessment/rank_buckets.h"

namespace chuangwen::internal {

// Whether the CPU runs the kernels below.
bool HasAvx2();

// Weighted sums of rows [lo, hi) of the row-major `scores` (k per row, `rows`
// rows in all, read ahead of hi up to there) into out[0 ..), four rows at a
// time, each strictly left to right with separate multiplies and adds (no
// FMA), as RowComposite. Returns the first row not done (lo when k < 2).
size_t SumRowsAvx2(const double* scores, size_t rows, size_t k,
                   const double* weights, size_t lo, size_t hi, double* out);

// Pass A's bookkeeping for live units, four at a time, from u = lo while
// u + 4 <= hi: normalises -0.0 in comp[u], stores the unit's bucket in
// buckets[u] (as RankBuckets does) and counts its partition in count[].
// Stops at the first four holding a vetoed unit or a non-finite composite
// (or when the live map is not linear) and returns where it stopped; *live
// grows by the units done.
size_t BucketLiveAvx2(const RankBuckets& buckets_of, const uint8_t* vetoed,
                      double* comp, uint32_t* buckets, uint32_t* count,
                      size_t lo, size_t hi, size_t* live);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_COMPOSITE_KERNEL_H_
