#include "assessment/rank_reference.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <utility>
#include <vector>

namespace chuangwen::internal {

void ReferenceRank(const double* composite, size_t units, const uint8_t* vetoed,
                   const int32_t* groups, TieMode ties, int32_t* rank,
                   int32_t* group_rank) {
  // Ahead means smaller: not vetoed before vetoed, then higher composite.
  auto key = [&](size_t u) {
    return std::make_pair(vetoed != nullptr && vetoed[u] != 0, -composite[u]);
  };
  std::vector<size_t> order(units);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return key(a) < key(b); });
  auto assign = [&](const std::vector<size_t>& in_order, int32_t* out) {
    int32_t dense = 0, competition = 0;
    for (size_t i = 0; i < in_order.size(); ++i) {
      const auto position = static_cast<int32_t>(i + 1);
      if (i == 0 || key(in_order[i]) != key(in_order[i - 1])) {
        ++dense;
        competition = position;
      }
      out[in_order[i]] = ties == TieMode::kOrdinal ? position
                         : ties == TieMode::kDense ? dense
                                                   : competition;
    }
  };
  assign(order, rank);
  if (group_rank == nullptr) return;
  std::map<int32_t, std::vector<size_t>> members;
  for (size_t u : order)
    members[groups != nullptr ? groups[u] : 0].push_back(u);
  for (const auto& entry : members) assign(entry.second, group_rank);
}

}  // namespace chuangwen::internal
