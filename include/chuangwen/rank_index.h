// RankIndex: competition ranks kept current while single units' composites
// change, each change and each rank query in O(log N), without re-ranking.
//
// Built once from composites (and veto flags and groups) in O(N log N), as
// two order-statistic trees (Boost.MultiIndex ranked indices): one over
// (vetoed, composite descending, unit) for overall ranks and one over
// (group, vetoed, composite descending, unit) for group ranks. A unit's rank
// is one more than the number of units strictly ahead of it; vetoed units
// stay after all others, as in RankArrays.
//
// Thread safety: queries may run concurrently; Update needs exclusive access.
#ifndef CHUANGWEN_RANK_INDEX_H_
#define CHUANGWEN_RANK_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "chuangwen/status.h"

namespace chuangwen {

class RankIndex {
 public:
  // `vetoed` and `groups` may be null. Fails on a non-finite composite or a
  // negative group id, naming the unit.
  static Status Build(const double* composite, size_t units,
                      const uint8_t* vetoed, const int32_t* groups,
                      std::unique_ptr<RankIndex>* out);
  ~RankIndex();

  // Sets unit's composite and answers its new competition ranks (either
  // output may be null). InvalidArgument for a non-finite composite,
  // NotFound for a unit out of range; the index is then unchanged.
  Status Update(size_t unit, double composite, int32_t* rank,
                int32_t* group_rank);

  // Current competition ranks of a unit (< units()).
  int32_t Rank(size_t unit) const;
  int32_t GroupRank(size_t unit) const;
  double Composite(size_t unit) const;
  size_t units() const;

 private:
  struct Trees;
  explicit RankIndex(std::unique_ptr<Trees> trees);
  std::unique_ptr<Trees> trees_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_RANK_INDEX_H_
