// RankIndex: competition ranks kept current while single units' composites
// change, each change and each rank query in O(log N), without re-ranking.
//
// Built once from composites (and veto flags and groups) in O(N log N). The
// units' initial values form a sorted base; a changed unit leaves the base
// (a removal count in a Fenwick tree at its run of equal values) and joins a
// sorted side list in the slot between two base values (another Fenwick
// tree counts side values per slot). The number of units ahead of a value is
// then two Fenwick prefix sums and two binary searches. Vetoed units stay
// after all others, as in RankArrays.
//
// Thread safety: queries may run concurrently; Update needs exclusive access.
#ifndef CHUANGWEN_RANK_INDEX_H_
#define CHUANGWEN_RANK_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen {

class RankIndex {
 public:
  // `vetoed` and `groups` may be null. Fails on a non-finite composite or a
  // negative group id, naming the unit.
  static Status Build(const double* composite, size_t units,
                      const uint8_t* vetoed, const int32_t* groups,
                      std::unique_ptr<RankIndex>* out);

  // Sets unit's composite and answers its new competition ranks.
  Status Update(size_t unit, double composite, int32_t* rank,
                int32_t* group_rank);

  // Current competition ranks of a unit.
  int32_t Rank(size_t unit) const;
  int32_t GroupRank(size_t unit) const;
  double Composite(size_t unit) const { return current_[unit]; }
  size_t units() const { return current_.size(); }

 private:
  // One ordered multiset of (vetoed, value) keys: the base and the side list.
  struct Tree;
  RankIndex();

 public:
  ~RankIndex();

 private:
  std::vector<double> current_;
  std::vector<uint8_t> vetoed_;
  std::vector<uint8_t> in_base_;
  std::vector<int32_t> group_of_;  // Dense group index per unit.
  std::unique_ptr<Tree> overall_;
  std::vector<Tree> groups_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_RANK_INDEX_H_
