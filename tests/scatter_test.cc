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
      p = static_cast<uint32_t>(
          rng() % (rng() % 4 == 0 ? std::min<size_t>(3, parts) : parts));
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
    std::vector<double> value(n);
    std::vector<int32_t> group(n);
    PageBuffer<RankRecord> buffered(n + 1);
    for (size_t w = 0; w < writers; ++w) {
      const size_t lo = n * w / writers, hi = n * (w + 1) / writers;
      for (size_t u = lo; u < hi; ++u) {
        value[u] = u * 0.5;
        group[u] = static_cast<int32_t>(w);
        plain[plain_at[w][part[u]]++] =
            RankRecord{value[u], static_cast<uint32_t>(u), group[u]};
      }
      Scatter scatter;
      scatter.Reserve(parts);
      scatter.Start(buffered.data(), at[w].data(), parts);
      scatter.PutUnits(lo, hi, part.data(), 0, value.data(), group.data());
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

// With partitions taken from buckets by a shift, with and without groups
// (group 0 then).
TEST(ScatterTest, PartitionsFromBucketsWithAndWithoutGroups) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const uint32_t shift = rng() % 4;
    const size_t parts = 1 + rng() % 40, n = rng() % 2500;
    std::vector<uint32_t> bucket(n);
    std::vector<double> value(n);
    std::vector<int32_t> group(n);
    std::vector<uint32_t> at(parts, 0);
    for (size_t u = 0; u < n; ++u) {
      bucket[u] = static_cast<uint32_t>(((rng() % parts) << shift) +
                                        rng() % (1u << shift));
      value[u] = static_cast<double>(rng() % 1000) / 10.0;
      group[u] = static_cast<int32_t>(rng() % 9);
      ++at[bucket[u] >> shift];
    }
    uint32_t running = 0;
    for (uint32_t& a : at) {
      const uint32_t c = a;
      a = running;
      running += c;
    }
    for (const bool with_groups : {true, false}) {
      std::vector<uint32_t> at_plain = at, at_units = at;
      std::vector<RankRecord> plain(n);
      for (size_t u = 0; u < n; ++u) {
        plain[at_plain[bucket[u] >> shift]++] = RankRecord{
            value[u], static_cast<uint32_t>(u), with_groups ? group[u] : 0};
      }
      PageBuffer<RankRecord> units(n + 1);
      Scatter all;
      all.Reserve(parts);
      all.Start(units.data(), at_units.data(), parts);
      all.PutUnits(0, n, bucket.data(), shift, value.data(),
                   with_groups ? group.data() : nullptr);
      all.Finish();
      EXPECT_EQ(at_plain, at_units);
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(units[i].unit, plain[i].unit) << "round " << round;
        ASSERT_EQ(units[i].value, plain[i].value);
        ASSERT_EQ(units[i].group, plain[i].group);
      }
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal
