// Sorting one partition of the ranking order: a few hundred (value, unit,
// group) records whose buckets are known, sorted inside the cache by value
// descending, ties in unit order. Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_PARTITION_SORT_H_
#define CHUANGWEN_SRC_ASSESSMENT_PARTITION_SORT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "assessment/page_buffer.h"

namespace chuangwen::internal {

struct RankRecord {  // 16 bytes: what the passes move.
  double value;
  uint32_t unit;
  int32_t group;
};

// A thread's scratch, kept between partitions (and calls).
class PartitionSorter {
 public:
  // Makes room for partitions of up to `largest` records over 2^bits
  // buckets.
  void Reserve(size_t largest, uint32_t bits);

  // Sorts `count` records into `out` (which may be `in`): value descending,
  // equal values in their order in `in`. bucket[i] is in[i]'s bucket within
  // the partition (< 2^bits), monotone: a lower bucket never holds a
  // smaller value.
  void Sort(const RankRecord* in, const uint16_t* bucket, size_t count,
            RankRecord* out);

  // Exposed for tests: the two ways of placing records within their
  // buckets (AVX2 when the CPU has it).
  static constexpr int kSmall = 8;          // Buckets up to this are placed.
  static constexpr uint32_t kCrowded = 64;  // Up to this: counted.
  static void PlaceScalar(const uint32_t* key, const double* value,
                          const uint32_t* start, size_t count,
                          const RankRecord* in, RankRecord* out);
  static bool PlaceAvx2(const uint32_t* key, const double* value,
                        const uint32_t* start, size_t count,
                        const RankRecord* in, RankRecord* out);

 private:
  uint32_t bits_ = 0;
  std::vector<uint32_t> start_, cursor_, crowded_;
  PageBuffer<RankRecord> staged_;
  PageBuffer<uint32_t> keys_;
  PageBuffer<double> values_;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_PARTITION_SORT_H_
