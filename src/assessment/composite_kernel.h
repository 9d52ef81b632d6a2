// The composite pass's vector kernel (AVX2, chosen at run time; callers fall
// back to plain loops where it returns having done nothing). It gives bit
// for bit what the scalar code gives. Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_COMPOSITE_KERNEL_H_
#define CHUANGWEN_SRC_ASSESSMENT_COMPOSITE_KERNEL_H_

#include <cstddef>
#include <cstdint>

#include "assessment/rank_buckets.h"

namespace chuangwen::internal {

// Whether the CPU runs the kernel below.
bool HasAvx2();

// What pass A reads and writes for one block of rows.
struct CompositeBlock {
  const double* scores;   // rows × k, row-major.
  size_t rows, k;         // Rows in all (read ahead up to there), columns.
  const double* weights;  // k entries.
  const uint8_t* vetoed;  // Per row; may be null.
  double* comp;           // Per row: the composite (-0.0 made +0.0).
  uint32_t* buckets;      // Per row: its bucket (RankBuckets).
  uint32_t* count;        // Per partition: rows counted in.
};

// A four of rows the kernel leaves to its caller (a vetoed or non-finite
// row among them), with their sums: reading them back from the composites
// would wait on memory, where they were streamed.
struct OddFour {
  uint32_t first;  // Its first row.
  double sum[4];
};

// Pass A over rows [lo, hi), four at a time while four remain: each row's
// weighted sum strictly left to right with separate multiplies and adds (no
// FMA), as RowComposite; for fours that are all finite, their buckets and
// partition counts (*live and *vetoed grow by their rows of each kind);
// every other four (or, when the vetoed map is not linear, every four with a
// vetoed row) goes to odd[*odd_count++], for the caller to finish (its
// composites are stored too). Returns the first row not done (lo when k < 2,
// without AVX2 or when the live map is not linear).
size_t SumAndBucketAvx2(const CompositeBlock& block,
                        const RankBuckets& buckets_of, size_t lo, size_t hi,
                        size_t* live, size_t* vetoed, OddFour* odd,
                        size_t* odd_count);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_COMPOSITE_KERNEL_H_
