// Pass B's buffered scatter against storing each record in place: partitions
// of every size (empty, under one buffer, exactly one, several), starting at
// any place within a cache line, written by several scatterers into
// neighbouring ranges as the ranking's threads do.
#include "assessment/scatter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace chuangwen::internal {
namespace {

TEST(ScatterTest, SameLayoutAsPlainStores) {
  std::mt19937 rng(12);
  for (int round = 0; round < 40; ++round) {
    const size_t parts = 1 + rng() % 70, writers = 1 + rng() % 3;
    const size_t n = rng() % 3000;
    std::vector<uint32_t> part(n);
    for (uint32_t& p : part) {
      // Some partitions crowded, some rare, some empty.
      p = static_cast<uint32_t>(rng() % (rng() % 4 == 0 ? std::min<size_t>(3, parts) : parts));
    }
    // Offsets as pass B lays them out: partition-major, then writer.
    std::vector<std::vector<uint32_t>> at(writers,
                                          std::vector<uint32_t>(parts, 0));
    for (size_t w = 0; w < writers; ++w) {
      for (size_t u = n * w / writers; u < n * (w + 1) / writers; ++u)
        ++at[w][part[u]];
    }
    uint32_t running = 0;
    for (size_t p = 0; p < parts; ++p) {
      for (size_t w = 0; w < writers; ++w) {
        const uint32_t c = at[w][p];
        at[w][p] = running;
        running += c;
      }
    }
    std::vector<std::vector<uint32_t>> plain_at = at;
    std::vector<RankRecord> plain(n);
    PageBuffer<RankRecord> buffered(n + 1);
    for (size_t w = 0; w < writers; ++w) {
      Scatter scatter;
      scatter.Reserve(parts);
      scatter.Start(buffered.data(), at[w].data(), parts);
      for (size_t u = n * w / writers; u < n * (w + 1) / writers; ++u) {
        const RankRecord r{u * 0.5, static_cast<uint32_t>(u),
                           static_cast<int32_t>(w)};
        scatter.Put(part[u], r);
        plain[plain_at[w][part[u]]++] = r;
      }
      scatter.Finish();
      EXPECT_EQ(at[w], plain_at[w]) << "round " << round << ", writer " << w;
    }
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(buffered[i].unit, plain[i].unit)
          << "round " << round << " at " << i;
      ASSERT_EQ(buffered[i].value, plain[i].value);
      ASSERT_EQ(buffered[i].group, plain[i].group);
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal
