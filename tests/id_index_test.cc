// The ledger's flat id index against std::set on random inserts and
// truncations, with a tiny alphabet so that probe runs collide and wrap.
#include "ledger/id_index.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace chuangwen::internal {
namespace {

TEST(IdIndexTest, MatchesASetUnderInsertsAndTruncations) {
  std::mt19937 rng(11);
  IdIndex index;
  std::vector<std::string> order;
  std::set<std::string> present;
  for (int round = 0; round < 20000; ++round) {
    if (rng() % 10 < 7 || order.empty()) {
      std::string id = "e" + std::to_string(rng() % 3000);
      const bool fresh = present.insert(id).second;
      EXPECT_EQ(index.Insert(id), fresh) << id;
      if (fresh) order.push_back(id);
    } else {
      size_t keep = order.size() - std::min<size_t>(order.size(), rng() % 40);
      index.Truncate(keep);
      while (order.size() > keep) {
        present.erase(order.back());
        order.pop_back();
      }
    }
    if (round % 1000 == 0) {
      ASSERT_EQ(index.size(), order.size());
      for (size_t i = 0; i < order.size(); ++i)
        ASSERT_EQ(index.Find(order[i]), static_cast<int64_t>(i));
      for (int k = 0; k < 3000; ++k) {
        std::string id = "e" + std::to_string(k);
        ASSERT_EQ(index.Contains(id), present.count(id) == 1) << id;
      }
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal
