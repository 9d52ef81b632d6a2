// Ranking (排名): the hot path. Composite scores as weighted sums of N units'
// K indicator scores, ranked overall and within groups, with vetoed units
// (一票否决) after every other unit, over plain arrays and without protobuf.
//
// Order: non-vetoed units by composite descending, then vetoed units by
// composite descending; ties share a rank (competition 1224, dense 1223) or
// are broken by unit index (ordinal). Within a group the same order applies.
// The composite of unit u is ((s[u][0]*w[0] + s[u][1]*w[1]) + ...) summed
// left to right, without fused multiply-add, so that it equals what SQL
// engines compute from the same numbers.
//
// Weights must be finite, non-negative and sum to 1 within 1e-9 (relative);
// with normalize_weights they are divided by their sum instead (which must be
// positive). Every function checks all input before writing any output.
//
// Thread safety: reentrant. A ranking uses at most two threads: the calling
// one and one it starts for the call, from 2^22 units when the library
// decides (threads 0), from 2^16 when the caller asks for 2 or more. The
// passes are bound by memory, which a third thread does not widen.
#ifndef CHUANGWEN_RANKING_H_
#define CHUANGWEN_RANKING_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen {

enum class TieMode {
  kCompetition = 0,  // 1, 2, 2, 4
  kDense = 1,        // 1, 2, 2, 3
  kOrdinal = 2,      // 1, 2, 3, 4 (ties by unit index)
};

struct RankInput {
  const double* scores = nullptr;  // units × indicators, row-major.
  size_t units = 0;
  size_t indicators = 0;
  const double* weights = nullptr;  // indicators entries.
  const uint8_t* vetoed =
      nullptr;  // units entries (non-zero = vetoed); may be null.
  const int32_t* groups = nullptr;  // units entries, each >= 0; may be null.
};

struct RankOptions {
  TieMode ties = TieMode::kCompetition;
  bool normalize_weights = false;
  // 1: the calling thread only; 2 or more: two threads from 2^16 units;
  // 0: the process-wide default (SetDefaultRankThreads), which by default
  // lets the library decide (two threads from 2^22 units).
  int threads = 0;
  int spin_microseconds = -1;  // Ignored: helper threads no longer wait.
};

// Outputs, each `units` entries long and owned by the caller; any may be null
// except `rank`.
struct RankOutput {
  int32_t* rank = nullptr;        // 1-based overall rank.
  int32_t* group_rank = nullptr;  // 1-based rank within the unit's group.
  double* composite = nullptr;
};

// Scratch memory (16 bytes per unit, and a table per group) kept between
// rankings. Reusing one spares every later ranking the page faults of fresh
// memory, which on large inputs cost about as much as the ranking itself.
// One ranking at a time.
class RankWorkspace {
 public:
  RankWorkspace();
  ~RankWorkspace();
  RankWorkspace(const RankWorkspace&) = delete;
  RankWorkspace& operator=(const RankWorkspace&) = delete;
  struct Buffers;

 private:
  friend Buffers& WorkspaceBuffers(RankWorkspace* workspace);
  std::unique_ptr<Buffers> buffers_;
};

// Errors name the unit and indicator index of a NaN or infinite score, the
// index of a bad weight, or a negative group id; outputs are then untouched.
// `workspace` may be null (scratch is then allocated for this call).
Status RankArrays(const RankInput& input, const RankOptions& options,
                  const RankOutput& output, RankWorkspace* workspace = nullptr);

// The process-wide default for rankings whose RankOptions leave threads at
// 0 (0 here: the library decides). spin_microseconds is
// checked (>= -1) and otherwise ignored. Thread-safe; InvalidArgument for
// threads < 0 or spin < -1.
Status SetDefaultRankThreads(int threads, int spin_microseconds);

// Checks and (if asked) normalises weights; shared by every ranking path.
Status PrepareWeights(const double* weights, size_t count, bool normalize,
                      std::vector<double>* out);

// Ranks precomputed composites (as RankArrays does after summing).
Status RankComposites(const double* composite, size_t units,
                      const uint8_t* vetoed, const int32_t* groups,
                      const RankOptions& options, int32_t* rank,
                      int32_t* group_rank, RankWorkspace* workspace = nullptr);

}  // namespace chuangwen

#endif  // CHUANGWEN_RANKING_H_
