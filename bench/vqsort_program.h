// The baseline the ranking is measured against (issue #28): the program a
// careful engineer writes in an afternoon with Google Highway's vqsort. It
// sums each unit's composite into an array, packs (composite, unit) into
// 128-bit keys, non-vetoed units before vetoed ones, sorts both parts with
// vqsort, and walks the order once for competition ranks overall and within
// groups. Single-threaded; the caller keeps `keys` between calls, as it
// keeps our workspace.
#ifndef CHUANGWEN_BENCH_VQSORT_PROGRAM_H_
#define CHUANGWEN_BENCH_VQSORT_PROGRAM_H_

#include <hwy/contrib/sort/vqsort.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "ranking_data.h"

namespace chuangwen::bench {

inline void VqsortProgram(const RankingData& d,
                          std::vector<hwy::uint128_t>* keys, int32_t* rank,
                          int32_t* group_rank, double* composite) {
  const size_t n = d.units, k = d.indicators;
  for (size_t u = 0; u < n; ++u) {
    const double* row = &d.scores[u * k];
    double c = row[0] * d.weights[0];
    for (size_t j = 1; j < k; ++j) c += row[j] * d.weights[j];
    composite[u] = c + 0.0;  // -0.0 ties with +0.0.
  }
  size_t vetoed = 0;
  int32_t groups = 0;
  for (size_t u = 0; u < n; ++u) {
    vetoed += d.vetoed[u] != 0;
    groups = std::max(groups, d.groups[u] + 1);
  }
  keys->resize(n);
  size_t live = 0, dead = n - vetoed;
  for (size_t u = 0; u < n; ++u) {
    uint64_t bits;
    std::memcpy(&bits, &composite[u], 8);
    // Order-preserving bits of the composite, inverted: ascending order of
    // the keys is descending order of the composites.
    const uint64_t ordered = (bits >> 63) != 0 ? ~bits : bits | (1ull << 63);
    hwy::uint128_t& key = (*keys)[d.vetoed[u] != 0 ? dead++ : live++];
    key.hi = ~ordered;
    key.lo = u;
  }
  hwy::Sorter sorter;
  sorter(keys->data(), live, hwy::SortAscending());
  sorter(keys->data() + live, n - live, hwy::SortAscending());
  struct Group {
    int32_t count = 0, rank = 0;
    uint64_t last = 0;
    bool last_vetoed = false;
  };
  std::vector<Group> state(static_cast<size_t>(groups));
  int32_t current = 0;
  for (size_t i = 0; i < n; ++i) {
    const hwy::uint128_t& key = (*keys)[i];
    const bool is_vetoed = i >= live;
    if (i == 0 || i == live || key.hi != (*keys)[i - 1].hi)
      current = static_cast<int32_t>(i) + 1;
    rank[key.lo] = current;
    Group& g = state[static_cast<size_t>(d.groups[key.lo])];
    ++g.count;
    if (g.count == 1 || key.hi != g.last || is_vetoed != g.last_vetoed)
      g.rank = g.count;
    g.last = key.hi;
    g.last_vetoed = is_vetoed;
    group_rank[key.lo] = g.rank;
  }
}

}  // namespace chuangwen::bench

#endif  // CHUANGWEN_BENCH_VQSORT_PROGRAM_H_
