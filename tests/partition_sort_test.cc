// Sorting one partition of the ranking order against std::stable_sort, on
// the inputs that matter: clusters of nearly equal values (weighted sums that
// differ in their last bits) sharing buckets, exact ties, buckets from one
// record to hundreds, values of both signs; and each way of placing records
// (scalar, AVX2, AVX-512) against stable_sort.
#include "assessment/partition_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "assessment/rank_buckets.h"

namespace chuangwen::internal {
namespace {

struct Partition {
  std::vector<RankRecord> records;
  std::vector<uint16_t> buckets;
};

// `clusters` values spread over `bits`-bit buckets (monotone: a higher value
// never gets a higher bucket), each repeated `size` times give or take, most
// copies a few ulps apart and some exactly equal.
Partition Clustered(std::mt19937& rng, uint32_t bits, int clusters, int size) {
  Partition p;
  const uint32_t buckets = uint32_t{1} << bits;
  std::uniform_real_distribution<double> where(0, 1);
  std::uniform_int_distribution<int> copies(1, 2 * size);
  std::uniform_int_distribution<int> ulps(-3, 3);
  for (int c = 0; c < clusters; ++c) {
    const double base = 50 + where(rng);
    const int m = copies(rng);
    for (int i = 0; i < m; ++i) {
      double v = base;
      for (int s = ulps(rng); s != 0; s += s > 0 ? -1 : 1)
        v = std::nextafter(v, s > 0 ? 1e9 : -1e9);
      p.records.push_back(RankRecord{v, static_cast<uint32_t>(p.records.size()),
                                     static_cast<int32_t>(rng() % 7)});
    }
  }
  std::shuffle(p.records.begin(), p.records.end(), rng);
  // Unit numbers in input order, as the scatter leaves them.
  for (size_t i = 0; i < p.records.size(); ++i)
    p.records[i].unit = static_cast<uint32_t>(i);
  for (const RankRecord& r : p.records) {
    const double t = (51.0 - r.value) * buckets;  // Descending: high first.
    p.buckets.push_back(static_cast<uint16_t>(
        std::clamp(t, 0.0, static_cast<double>(buckets - 1))));
  }
  return p;
}

std::vector<RankRecord> Expected(std::vector<RankRecord> records) {
  std::stable_sort(records.begin(), records.end(),
                   [](const RankRecord& a, const RankRecord& b) {
                     return a.value > b.value;
                   });
  return records;
}

void ExpectSorted(const Partition& p, uint32_t bits) {
  const std::vector<RankRecord> want = Expected(p.records);
  PartitionSorter sorter;
  sorter.Reserve(p.records.size(), bits);
  std::vector<RankRecord> got(p.records.size());
  sorter.Sort(p.records.data(), p.buckets.data(), p.records.size(), got.data());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].unit, want[i].unit) << "position " << i;
    ASSERT_EQ(got[i].value, want[i].value) << "position " << i;
    ASSERT_EQ(got[i].group, want[i].group) << "position " << i;
  }
  // In place, as the ranking uses it.
  std::vector<RankRecord> in_place = p.records;
  sorter.Sort(in_place.data(), p.buckets.data(), in_place.size(),
              in_place.data());
  for (size_t i = 0; i < want.size(); ++i)
    ASSERT_EQ(in_place[i].unit, want[i].unit) << "position " << i;
}

TEST(PartitionSortTest, ClustersOfNearlyEqualValuesOfEverySize) {
  std::mt19937 rng(7);
  for (int size : {1, 2, 3, 5, 8, 20, 60}) {
    for (int round = 0; round < 20; ++round) {
      SCOPED_TRACE(testing::Message()
                   << "cluster size " << size << ", round " << round);
      ExpectSorted(Clustered(rng, 9, 400 / size + 1, size), 9);
    }
  }
}

TEST(PartitionSortTest, OneCrowdedBucketAndTinyPartitions) {
  std::mt19937 rng(8);
  // Everything in one bucket: counted placement, then a stable sort.
  for (int m : {9, 64, 65, 500}) {
    Partition p = Clustered(rng, 1, 1, m);
    std::fill(p.buckets.begin(), p.buckets.end(), 0);
    ExpectSorted(p, 1);
  }
  for (int m : {1, 2, 3}) ExpectSorted(Clustered(rng, 4, m, 1), 4);
  // All equal: input order kept.
  Partition equal;
  for (uint32_t i = 0; i < 300; ++i) {
    equal.records.push_back(RankRecord{42.0, i, 0});
    equal.buckets.push_back(static_cast<uint16_t>(i % 3));
  }
  std::fill(equal.buckets.begin(), equal.buckets.end(), 5);
  ExpectSorted(equal, 9);
}

TEST(PartitionSortTest, SortMappedComputesTheMapsBuckets) {
  // The ranking's path: buckets from a linear map, computed and counted by
  // the sorter (four at a time, then the rest), then sorted as Sort does.
  std::mt19937 rng(11);
  for (int round = 0; round < 60; ++round) {
    Partition p = Clustered(rng, 9, 1 + round * 7, 1 + round % 6);
    std::vector<double> sample;
    for (size_t i = 0; i < p.records.size(); i += 3)
      sample.push_back(p.records[i].value);
    BucketMap map;
    map.Build(sample, 1u << 12);
    const uint32_t last = (1u << 12) + 5, mask = (1u << 9) - 1;
    for (size_t i = 0; i < p.records.size(); ++i) {
      p.buckets[i] =
          static_cast<uint16_t>((last - map(p.records[i].value)) & mask);
    }
    // Within one partition the masked buckets must stay monotone: keep
    // the records of the partition that holds the first one.
    const uint32_t part = (last - map(p.records[0].value)) >> 9;
    Partition same;
    for (size_t i = 0; i < p.records.size(); ++i) {
      if ((last - map(p.records[i].value)) >> 9 != part) continue;
      same.records.push_back(p.records[i]);
      same.buckets.push_back(p.buckets[i]);
    }
    // One negative group id somewhere: the sorter reports the range.
    same.records[same.records.size() / 2].group = -1 - round;
    int32_t lo = same.records[0].group, hi = lo;
    for (const RankRecord& r : same.records) {
      lo = std::min(lo, r.group);
      hi = std::max(hi, r.group);
    }
    PartitionSorter sorter;
    sorter.Reserve(same.records.size(), 9);
    std::vector<RankRecord> want(same.records.size());
    sorter.Sort(same.records.data(), same.buckets.data(), same.records.size(),
                want.data());
    std::vector<RankRecord> got = same.records;
    sorter.SortMapped(got.data(), got.size(), map, last);
    EXPECT_EQ(sorter.group_min(), lo) << "round " << round;
    EXPECT_EQ(sorter.group_max(), hi) << "round " << round;
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(got[i].unit, want[i].unit) << "round " << round << " at " << i;
    }
    const std::vector<RankRecord> sorted = Expected(same.records);
    for (size_t i = 0; i < sorted.size(); ++i)
      ASSERT_EQ(got[i].unit, sorted[i].unit) << "round " << round;
  }
}

TEST(PartitionSortTest, ARecordAloneIsInOrderAndItsGroupIsNoted) {
  PartitionSorter sorter;
  sorter.Reserve(1, 9);
  BucketMap map;
  map.Build({1.0, 2.0}, 1u << 9);
  RankRecord alone{1.5, 7, -4};
  sorter.SortMapped(&alone, 1, map, (1u << 9) - 1);
  EXPECT_EQ(alone.unit, 7u);
  EXPECT_EQ(sorter.group_min(), -4);
  EXPECT_EQ(sorter.group_max(), -4);
  sorter.ResetGroupRange();
  sorter.SortMapped(&alone, 0, map, (1u << 9) - 1);
  EXPECT_GT(sorter.group_min(), sorter.group_max());  // Nothing seen.
}

TEST(PartitionSortTest, OrderKeyOrdersAsTheValues) {
  const double values[] = {-1e300, -2.5, -1.0, -1e-300, 0.0,
                           1e-300, 0.1,  1.0,  3.0,     1e300};
  for (double a : values) {
    for (double b : values) {
      EXPECT_EQ(OrderKey(a) < OrderKey(b), a < b) << a << " vs " << b;
      EXPECT_EQ(OrderKey(a) == OrderKey(b), a == b) << a << " vs " << b;
    }
    EXPECT_GT(OrderKey(a), std::numeric_limits<int64_t>::min() + 1);
  }
}

// Staged records in buckets (runs, each later run never larger), with the
// placements' sentinels; in[i].unit is i.
struct Staged {
  std::vector<uint32_t> first;
  std::vector<int64_t> order;
  std::vector<RankRecord> in;
  std::vector<uint32_t> start;     // Bucket starts, then the count.
  std::vector<RankRecord> sorted;  // Each bucket stably sorted.
};

Staged MakeStaged(std::mt19937& rng, size_t n) {
  constexpr int kSmall = PartitionSorter::kSmall;
  // Few distinct values, both signs: ties within and across buckets.
  const double levels[] = {3.0, 1.0, 1e-300, 0.0, -1e-300, -1.0, -2.5};
  std::vector<double> values(n);
  for (double& v : values) v = levels[rng() % 7];
  std::sort(values.begin(), values.end(), std::greater<double>());
  Staged st;
  st.first.assign(n + 2 * kSmall, ~uint32_t{0});
  st.order.assign(n + 2 * kSmall, std::numeric_limits<int64_t>::min());
  for (size_t i = 0; i < n;) {
    const size_t most = rng() % 4 == 0 ? 70 : 12;
    const size_t run = std::min<size_t>(n - i, 1 + rng() % most);
    st.start.push_back(static_cast<uint32_t>(i));
    // Inside a bucket the input order is any order.
    std::shuffle(values.begin() + static_cast<ptrdiff_t>(i),
                 values.begin() + static_cast<ptrdiff_t>(i + run), rng);
    for (size_t j = i; j < i + run; ++j) {
      st.first[kSmall + j] = static_cast<uint32_t>(i);
      st.order[kSmall + j] = OrderKey(values[j]);
      st.in.push_back(RankRecord{values[j], static_cast<uint32_t>(j), 0});
    }
    i += run;
  }
  st.start.push_back(static_cast<uint32_t>(n));
  st.sorted = st.in;
  for (size_t k = 0; k + 1 < st.start.size(); ++k) {
    std::stable_sort(st.sorted.begin() + st.start[k],
                     st.sorted.begin() + st.start[k + 1],
                     [](const RankRecord& x, const RankRecord& y) {
                       return x.value > y.value;
                     });
  }
  return st;
}

TEST(PartitionSortTest, PlacementsOrderSmallBucketsAndKeepCrowdedOnesInside) {
  std::mt19937 rng(9);
  constexpr int kSmall = PartitionSorter::kSmall;
  using Place = bool (*)(const uint32_t*, const int64_t*, size_t,
                         const RankRecord*, RankRecord*);
  const Place scalar = [](const uint32_t* f, const int64_t* o, size_t n,
                          const RankRecord* in, RankRecord* out) {
    PartitionSorter::PlaceScalar(f, o, n, in, out);
    return true;
  };
  const std::pair<const char*, Place> ways[] = {
      {"scalar", scalar},
      {"AVX2", &PartitionSorter::PlaceAvx2},
      {"AVX-512", &PartitionSorter::PlaceAvx512}};
  int ran[3] = {0, 0, 0};
  for (int round = 0; round < 300; ++round) {
    const size_t n = 1 + rng() % 300;
    const Staged st = MakeStaged(rng, n);
    for (int w = 0; w < 3; ++w) {
      std::vector<RankRecord> out(n, RankRecord{0, ~uint32_t{0}, 0});
      if (!ways[w].second(st.first.data() + kSmall, st.order.data() + kSmall, n,
                          st.in.data(), out.data())) {
        continue;  // This CPU lacks it.
      }
      ++ran[w];
      for (size_t k = 0; k + 1 < st.start.size(); ++k) {
        const uint32_t b = st.start[k], e = st.start[k + 1];
        for (uint32_t i = b; i < e; ++i) {
          if (e - b <= static_cast<uint32_t>(kSmall)) {
            ASSERT_EQ(out[i].unit, st.sorted[i].unit)
                << ways[w].first << ", round " << round << " at " << i;
          } else if (out[i].unit != ~uint32_t{0}) {
            // Crowded: nothing, or one of its own records (all are placed
            // again afterwards). The full sorts above catch any that stray.
            ASSERT_GE(out[i].unit, b) << ways[w].first << ", round " << round;
            ASSERT_LT(out[i].unit, e) << ways[w].first << ", round " << round;
          }
        }
      }
    }
    for (size_t k = 0; k + 1 < st.start.size(); ++k) {
      const uint32_t b = st.start[k], m = st.start[k + 1] - b;
      if (m > PartitionSorter::kCrowded) continue;
      std::vector<RankRecord> scalar_out(m), vector_out(m);
      PartitionSorter::PlaceCrowdedScalar(st.order.data() + kSmall + b, m,
                                          st.in.data() + b, scalar_out.data());
      const bool has512 = PartitionSorter::PlaceCrowdedAvx512(
          st.order.data() + kSmall + b, m, st.in.data() + b, vector_out.data());
      for (uint32_t i = 0; i < m; ++i) {
        ASSERT_EQ(scalar_out[i].unit, st.sorted[b + i].unit)
            << "crowded, round " << round << " at " << b + i;
        if (has512) {
          ASSERT_EQ(vector_out[i].unit, st.sorted[b + i].unit)
              << "crowded AVX-512, round " << round << " at " << b + i;
        }
      }
    }
  }
  EXPECT_EQ(ran[0], 300);
}

TEST(RankBucketsTest, MonotoneAndOutliersAtTheEnds) {
  // A sample without the extremes: values beyond it go to the end buckets,
  // and the order is never inverted.
  std::vector<double> values;
  std::mt19937 rng(10);
  std::normal_distribution<double> normal(60, 8);
  for (int i = 0; i < 100000; ++i) values.push_back(normal(rng));
  values[500] = 1e300;
  values[900] = -1e300;
  const RankBuckets buckets(values.size(), nullptr,
                            [&](size_t u) { return values[u]; });
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end(), std::greater<double>());
  for (size_t i = 1; i < sorted.size(); ++i)
    ASSERT_LE(buckets(sorted[i - 1], false), buckets(sorted[i], false));
  EXPECT_EQ(buckets(1e300, false), 0u);
  EXPECT_EQ(buckets(-1e300, false), buckets(-1e299, false));
  // The vetoed part comes after every live bucket.
  std::vector<uint8_t> vetoed(values.size(), 0);
  for (size_t i = 0; i < vetoed.size(); i += 50) vetoed[i] = 1;
  const RankBuckets split(values.size(), vetoed.data(),
                          [&](size_t u) { return values[u]; });
  EXPECT_LT(split(-1e300, false), split(1e300, true));
  EXPECT_EQ(split(-1e300, false) >> split.shift(),
            split.first_vetoed_partition() - 1);
}

TEST(RankBucketsTest, TheSampleReadInPartsShapesTheSameBuckets) {
  // Runs of the sample read in uneven parts (as threads would), a few
  // non-finite values and vetoed units among them: the same maps.
  std::mt19937 rng(11);
  std::normal_distribution<double> normal(70, 9);
  for (size_t units : {size_t{1000}, size_t{5000}, size_t{300000}}) {
    std::vector<double> values(units);
    std::vector<uint8_t> vetoed(units, 0);
    for (size_t u = 0; u < units; ++u) {
      values[u] = u % 997 == 5 ? std::nan("") : normal(rng);
      vetoed[u] = u % 37 == 0;
    }
    auto value = [&](size_t u) { return values[u]; };
    const RankBuckets whole(units, vetoed.data(), value);
    size_t covered = 0;
    const RankBuckets parts(
        units, vetoed.data(), value, [](size_t, size_t) {}, 3,
        [&](size_t runs, auto read) {
          read(2, runs / 5, runs / 2);  // Any order, any sizes.
          read(0, 0, runs / 5);
          read(1, runs / 2, runs);
          covered = runs;
        });
    EXPECT_GT(covered, 0u);
    for (bool vet : {false, true}) {
      EXPECT_EQ(parts.map(vet).lo(), whole.map(vet).lo()) << units;
      EXPECT_EQ(parts.map(vet).scale(), whole.map(vet).scale()) << units;
      EXPECT_EQ(parts.last(vet), whole.last(vet)) << units;
    }
    EXPECT_EQ(parts.shift(), whole.shift());
    EXPECT_EQ(parts.partitions(), whole.partitions());
    // And a small input's sample is all of it: the live map starts at the
    // least live value.
    if (units <= 4096) {
      double lo = 1e300;
      for (size_t u = 0; u < units; ++u)
        if (vetoed[u] == 0 && std::isfinite(values[u]))
          lo = std::min(lo, values[u]);
      EXPECT_EQ(whole.map(false).lo(), lo);
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal
