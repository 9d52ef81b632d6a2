// Sorting one partition of the ranking order: a few hundred (value, unit,
// group) records whose buckets are known, sorted inside the cache by value
// descending, ties in unit order. Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_PARTITION_SORT_H_
#define CHUANGWEN_SRC_ASSESSMENT_PARTITION_SORT_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "assessment/page_buffer.h"
#include "assessment/rank_buckets.h"

namespace chuangwen::internal {

struct RankRecord {  // 16 bytes: what the passes move.
  double value;
  uint32_t unit;
  int32_t group;
};

// A finite double's bits as an integer that orders as the double does
// (negative values' magnitude bits flipped), for integer compares in the
// placement. -0.0 would come before +0.0: values must not hold it.
inline int64_t OrderKey(double v) {
  int64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits ^ static_cast<int64_t>(static_cast<uint64_t>(bits >> 63) >> 1);
}

// A thread's scratch, kept between partitions (and calls).
class PartitionSorter {
 public:
  // Makes room for partitions of up to `largest` records over 2^bits
  // buckets.
  void Reserve(size_t largest, uint32_t bits);

  // Sorts `count` records into `out` (which may be `in`): value descending,
  // equal values in their order in `in`. bucket[i] is in[i]'s bucket within
  // the partition (< 2^bits), monotone: a lower bucket never holds a
  // smaller value. Values are finite, and none is -0.0 (see OrderKey).
  void Sort(const RankRecord* in, const uint16_t* bucket, size_t count,
            RankRecord* out);

  // Sorts `count` records (none or one too) in place as Sort does, each
  // record's bucket being (last - map(value)) & (2^bits - 1): RankBuckets'
  // buckets within a partition. (Computed here, four at a time, and counted
  // as they are.)
  void SortMapped(RankRecord* records, size_t count, const BucketMap& map,
                  uint32_t last);

  // The least and greatest group ids SortMapped has seen since this was
  // constructed or reset (it reads every record anyway: the ranking checks
  // group ids here rather than in a pass of their own).
  int32_t group_min() const { return group_min_; }
  int32_t group_max() const { return group_max_; }
  void ResetGroupRange() {
    group_min_ = std::numeric_limits<int32_t>::max();
    group_max_ = std::numeric_limits<int32_t>::min();
  }

  // Exposed for tests: the ways of placing staged records (the vector ones
  // when the CPU has them). Record i of `in` (in bucket order) has its
  // bucket's first position in first[i] and its value's OrderKey in
  // order[i]; both arrays have kSmall sentinels either side (first ~0u,
  // order INT64_MIN). A record of a bucket of up to kSmall goes to its
  // place in `out`; one of a crowded bucket goes somewhere inside its
  // bucket's range, which the crowded step then rewrites whole.
  static constexpr int kSmall = 8;          // Buckets up to this are placed.
  static constexpr uint32_t kCrowded = 64;  // Up to this: counted.
  static void PlaceScalar(const uint32_t* first, const int64_t* order,
                          size_t count, const RankRecord* in, RankRecord* out);
  static bool PlaceAvx2(const uint32_t* first, const int64_t* order,
                        size_t count, const RankRecord* in, RankRecord* out);
  // AVX-512: each record compared with its whole bucket, read as one
  // eight-lane vector from its first position.
  static bool PlaceAvx512(const uint32_t* first, const int64_t* order,
                          size_t count, const RankRecord* in, RankRecord* out);
  // One crowded bucket of `m` (up to kCrowded) staged records, their keys in
  // order[0, m) with at least kSmall readable after it (later buckets'
  // keys, never larger, or sentinels), each to out[the number of records
  // that go before it].
  static void PlaceCrowdedScalar(const int64_t* order, uint32_t m,
                                 const RankRecord* in, RankRecord* out);
  static bool PlaceCrowdedAvx512(const int64_t* order, uint32_t m,
                                 const RankRecord* in, RankRecord* out);

 private:
  // SortMapped's buckets with AVX2 (when the CPU has it), counted into
  // count[]; returns the first record not done.
  static size_t KeysAvx2(const RankRecord* rec, size_t n, const BucketMap& map,
                         uint32_t last, uint32_t mask, uint16_t* bucket,
                         uint32_t* count, int32_t* group_min,
                         int32_t* group_max);
  // Turns the counts in start_[k + 1] into bucket starts (start_ and
  // cursor_), listing crowded buckets in crowded_; returns how many.
  size_t Starts(uint32_t buckets);
  size_t StartsScalar(uint32_t buckets);
  // Records in bucket order (a stable counting scatter by cursor[]), with
  // each one's bucket start (start[]) and OrderKey.
  static void Stage(const RankRecord* in, const uint16_t* bucket, size_t count,
                    uint32_t* cursor, const uint32_t* start, RankRecord* staged,
                    uint32_t* first, int64_t* order);
  // Sort once start_[k + 1] holds bucket k's count.
  void Arrange(const RankRecord* in, const uint16_t* bucket, size_t count,
               RankRecord* out);

  uint32_t bits_ = 0;
  int32_t group_min_ = std::numeric_limits<int32_t>::max();
  int32_t group_max_ = std::numeric_limits<int32_t>::min();
  std::vector<uint32_t> start_, cursor_, crowded_;
  PageBuffer<RankRecord> staged_;
  PageBuffer<uint16_t> buckets_;  // SortMapped's.
  PageBuffer<uint32_t> first_;
  PageBuffer<int64_t> order_;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_PARTITION_SORT_H_
