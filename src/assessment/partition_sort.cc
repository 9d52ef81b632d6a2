// A stable counting sort by bucket, then the order inside buckets. Nearly
// equal values (weighted sums that differ in their last bits) share a bucket
// however fine the buckets are, so the second step is common, not a corner
// case. For a bucket of up to kSmall records each record's place follows from
// comparing it with the rest of its bucket:
//   place = bucket start + (larger) + (equal and earlier),
// with no data-dependent branch and no record waiting for another. Values
// are compared as integers (OrderKey): "equal and earlier" then folds into
// "larger" by comparing earlier records against the value less one, so one
// compare covers both. Records of larger buckets are placed afterwards.
#include "assessment/partition_sort.h"

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace chuangwen::internal {
namespace {

// Bucket starts from bucket k on, one at a time: bucket j's count is in
// start[j + 1] and `total` records come before bucket k. Crowded buckets
// are listed from crowded[crowded_count]; returns how many are listed.
size_t StartsFrom(uint32_t* start, uint32_t* cursor, uint32_t k,
                  uint32_t buckets, uint32_t total, uint32_t* crowded,
                  size_t crowded_count) {
  for (; k < buckets; ++k) {
    const uint32_t n = start[k + 1];
    if (n > static_cast<uint32_t>(PartitionSorter::kSmall))
      crowded[crowded_count++] = k;
    start[k] = cursor[k] = total;
    total += n;
  }
  start[buckets] = total;
  return crowded_count;
}

}  // namespace

void PartitionSorter::Reserve(size_t largest, uint32_t bits) {
  bits_ = bits;
  staged_.Ensure(largest, false);
  buckets_.Ensure(largest + 4, false);
  first_.Ensure(largest + 2 * kSmall, false);
  order_.Ensure(largest + 2 * kSmall, false);
}

void PartitionSorter::PlaceScalar(const uint32_t* first, const int64_t* order,
                                  size_t count, const RankRecord* in,
                                  RankRecord* out) {
  // Only records of the same bucket count, so even a crowded bucket's
  // records land inside it.
  for (size_t i = 0; i < count; ++i) {
    const uint32_t f = first[i];
    const int64_t o = order[i];
    size_t place = i;
    for (size_t d = 1; d < static_cast<size_t>(kSmall); ++d) {
      place -= (first[i - d] == f) & (order[i - d] < o);
      place += (first[i + d] == f) & (order[i + d] > o);
    }
    out[place] = in[i];
  }
}

void PartitionSorter::PlaceCrowdedScalar(const int64_t* order, uint32_t m,
                                         const RankRecord* in,
                                         RankRecord* out) {
  for (uint32_t i = 0; i < m; ++i) {
    uint32_t before = 0;
    for (uint32_t j = 0; j < m; ++j)
      before += (order[j] > order[i]) | ((order[j] == order[i]) & (j < i));
    out[before] = in[i];
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
namespace {

#define CW_AVX2 __attribute__((target("avx2,popcnt"), always_inline)) inline

// Bit j set where first[j] == f: eight lanes.
CW_AVX2 unsigned SameBucket(const uint32_t* first, __m256i f) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(first));
  return static_cast<unsigned>(
      _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(v, f))));
}
// Bit j set where order[j] < o (or > o): four lanes.
CW_AVX2 unsigned Less(const int64_t* order, __m256i o) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(order));
  return static_cast<unsigned>(
      _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(o, v))));
}
CW_AVX2 unsigned Greater(const int64_t* order, __m256i o) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(order));
  return static_cast<unsigned>(
      _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(v, o))));
}

// The scalar placement's sums as masks: lanes i-8..i-1 (the first out of
// reach) and i+1..i+8 (the last).
__attribute__((target("avx2,popcnt"))) void PlaceWithAvx2(const uint32_t* first,
                                                          const int64_t* order,
                                                          size_t count,
                                                          const RankRecord* in,
                                                          RankRecord* out) {
  for (size_t i = 0; i < count; ++i) {
    const __m256i f = _mm256_set1_epi32(static_cast<int>(first[i]));
    const __m256i o = _mm256_set1_epi64x(order[i]);
    const unsigned same_before = SameBucket(first + i - 8, f) & 0xFEu;
    const unsigned same_after = SameBucket(first + i + 1, f) & 0x7Fu;
    const unsigned smaller_before =
        Less(order + i - 8, o) | Less(order + i - 4, o) << 4;
    const unsigned larger_after =
        Greater(order + i + 1, o) | Greater(order + i + 5, o) << 4;
    const auto up =
        static_cast<size_t>(__builtin_popcount(same_before & smaller_before));
    const auto down =
        static_cast<size_t>(__builtin_popcount(same_after & larger_after));
    out[i - up + down] = in[i];
  }
}

// Row r: 1 in lanes before r, 0 from r on (r up to 8). Subtracted from a
// broadcast key, it makes one "greater than" compare count the lanes that
// are larger, or equal and earlier (keys never reach INT64_MIN + 1).
alignas(64) constexpr int64_t kEarlier[9][8] = {
    {0, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0},
    {1, 1, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 0, 0, 0},
    {1, 1, 1, 1, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 0, 0, 0},
    {1, 1, 1, 1, 1, 1, 0, 0}, {1, 1, 1, 1, 1, 1, 1, 0},
    {1, 1, 1, 1, 1, 1, 1, 1}};

// With AVX-512: a record's bucket (at most kSmall records when its place
// counts) is read as one eight-lane vector from its first position. Lanes
// past the bucket hold later buckets' keys, never larger, or sentinels, so
// they never count; a crowded bucket's records stay within it.
__attribute__((target("avx512f,popcnt"))) void PlaceWith512(
    const uint32_t* first, const int64_t* order, size_t count,
    const RankRecord* in, RankRecord* out) {
  for (size_t i = 0; i < count; ++i) {
    const uint32_t b = first[i];
    const uint32_t at = (static_cast<uint32_t>(i) - b) & 7;
    const __m512i bound = _mm512_sub_epi64(_mm512_set1_epi64(order[i]),
                                           _mm512_load_si512(kEarlier[at]));
    const unsigned before =
        _mm512_cmpgt_epi64_mask(_mm512_loadu_si512(order + b), bound);
    out[b + static_cast<size_t>(__builtin_popcount(before))] = in[i];
  }
}

// A crowded bucket eight lanes at a time, the same way.
__attribute__((target("avx512f,popcnt"))) void PlaceCrowdedWith512(
    const int64_t* order, uint32_t m, const RankRecord* in, RankRecord* out) {
  for (uint32_t i = 0; i < m; ++i) {
    const __m512i key = _mm512_set1_epi64(order[i]);
    uint32_t before = 0;
    for (uint32_t c = 0; c < m; c += 8) {
      const uint32_t earlier = i <= c ? 0 : std::min<uint32_t>(i - c, 8);
      const __m512i bound =
          _mm512_sub_epi64(key, _mm512_load_si512(kEarlier[earlier]));
      before += static_cast<uint32_t>(__builtin_popcount(
          _mm512_cmpgt_epi64_mask(_mm512_loadu_si512(order + c), bound)));
    }
    out[before] = in[i];
  }
}

// Bucket starts from counts with AVX-512, sixteen buckets at a time (see
// Arrange); returns how many buckets are crowded, listed in crowded[] (which
// has room for buckets + 16).
__attribute__((target("avx512f"))) size_t StartsWith512(uint32_t* start,
                                                        uint32_t* cursor,
                                                        uint32_t buckets,
                                                        uint32_t* crowded) {
  const __m512i zero = _mm512_setzero_si512();
  const __m512i small = _mm512_set1_epi32(PartitionSorter::kSmall);
  const __m512i last_lane = _mm512_set1_epi32(15);
  __m512i lane =
      _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i sixteen = _mm512_set1_epi32(16);
  __m512i running = zero;  // Records in the buckets before, in every lane.
  size_t crowded_count = 0;
  uint32_t k = 0;
  for (; k + 16 <= buckets; k += 16) {
    // Counts of buckets k..k+15 are in start[k + 1..k + 16]; their starts
    // go to start[k..k + 15] (counts already read).
    const __m512i count = _mm512_loadu_si512(start + k + 1);
    __m512i sum = count;  // Inclusive prefix sums, lanes shifted up.
    sum =
        _mm512_add_epi32(sum, _mm512_maskz_alignr_epi32(0xFFFF, sum, zero, 15));
    sum =
        _mm512_add_epi32(sum, _mm512_maskz_alignr_epi32(0xFFFF, sum, zero, 14));
    sum =
        _mm512_add_epi32(sum, _mm512_maskz_alignr_epi32(0xFFFF, sum, zero, 12));
    sum =
        _mm512_add_epi32(sum, _mm512_maskz_alignr_epi32(0xFFFF, sum, zero, 8));
    const __m512i first =
        _mm512_add_epi32(running, _mm512_sub_epi32(sum, count));
    _mm512_storeu_si512(start + k, first);
    _mm512_storeu_si512(cursor + k, first);
    running = _mm512_maskz_permutexvar_epi32(0xFFFF, last_lane,
                                             _mm512_add_epi32(running, sum));
    const __mmask16 many = _mm512_cmpgt_epu32_mask(count, small);
    _mm512_storeu_si512(crowded + crowded_count,
                        _mm512_maskz_compress_epi32(many, lane));
    crowded_count += static_cast<size_t>(__builtin_popcount(many));
    lane = _mm512_add_epi32(lane, sixteen);
  }
  // Bucket k - 1's start plus its count, still in start[k].
  const uint32_t total = k == 0 ? 0 : start[k - 1] + start[k];
  return StartsFrom(start, cursor, k, buckets, total, crowded, crowded_count);
}

// Buckets of four records at a time (BucketMap::operator() on four lanes),
// counted into count[]; their group ids widen [*group_min, *group_max].
// Returns the first record not done.
__attribute__((target("avx2"))) size_t KeysWithAvx2(
    const RankRecord* rec, size_t n, const BucketMap& map, uint32_t last,
    uint32_t mask, uint16_t* bucket, uint32_t* count, int32_t* group_min,
    int32_t* group_max) {
  static_assert(sizeof(RankRecord) == 16, "two records per 256-bit load");
  const __m256d zero = _mm256_setzero_pd();
  const __m256d lo = _mm256_set1_pd(map.lo());
  const __m256d scale = _mm256_set1_pd(map.scale());
  const __m256d top = _mm256_set1_pd(static_cast<double>(map.last()));
  const __m128i last4 = _mm_set1_epi32(static_cast<int>(last));
  const __m128i mask4 = _mm_set1_epi32(static_cast<int>(mask));
  __m256i gmin = _mm256_set1_epi32(*group_min);
  __m256i gmax = _mm256_set1_epi32(*group_max);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    // [v0, x0, v1, x1] and [v2, x2, v3, x3] → [v0, v1, v2, v3].
    const __m256d a = _mm256_loadu_pd(reinterpret_cast<const double*>(rec + i));
    const __m256d b =
        _mm256_loadu_pd(reinterpret_cast<const double*>(rec + i + 2));
    const __m256d v = _mm256_permute4x64_pd(_mm256_unpacklo_pd(a, b), 0xD8);
    // Each 32-bit lane a group id: [g0 g0 g2 g2 | g1 g1 g3 g3].
    const __m256i g = _mm256_castps_si256(_mm256_shuffle_ps(
        _mm256_castpd_ps(a), _mm256_castpd_ps(b), _MM_SHUFFLE(3, 3, 3, 3)));
    gmin = _mm256_min_epi32(gmin, g);
    gmax = _mm256_max_epi32(gmax, g);
    __m256d t = _mm256_mul_pd(_mm256_sub_pd(v, lo), scale);
    t = _mm256_min_pd(_mm256_max_pd(t, zero), top);
    const __m128i k =
        _mm_and_si128(_mm_sub_epi32(last4, _mm256_cvttpd_epi32(t)), mask4);
    // The keys fit 16 bits: pack the four and store them at once.
    _mm_storel_epi64(reinterpret_cast<__m128i*>(bucket + i),
                     _mm_packus_epi32(k, k));
  }
  // Counted afterwards from the stored keys: a plain loop of loads and
  // increments runs faster than lanes taken out of vectors one by one.
  for (size_t j = 0; j < i; ++j) ++count[bucket[j]];
  alignas(32) int32_t lanes[16];
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), gmin);
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes + 8), gmax);
  for (int q = 0; q < 8; ++q) {
    *group_min = std::min(*group_min, lanes[q]);
    *group_max = std::max(*group_max, lanes[8 + q]);
  }
  return i;
}

#undef CW_AVX2

}  // namespace

size_t PartitionSorter::KeysAvx2(const RankRecord* rec, size_t n,
                                 const BucketMap& map, uint32_t last,
                                 uint32_t mask, uint16_t* bucket,
                                 uint32_t* count, int32_t* group_min,
                                 int32_t* group_max) {
  static const bool has = __builtin_cpu_supports("avx2");
  if (!has) return 0;
  return KeysWithAvx2(rec, n, map, last, mask, bucket, count, group_min,
                      group_max);
}

bool PartitionSorter::PlaceAvx2(const uint32_t* first, const int64_t* order,
                                size_t count, const RankRecord* in,
                                RankRecord* out) {
  static const bool has =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
  if (!has) return false;
  static_assert(kSmall == 8, "the AVX2 lanes assume eight");
  PlaceWithAvx2(first, order, count, in, out);
  return true;
}

static bool HasAvx512() {
  static const bool has =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("popcnt");
  return has;
}

bool PartitionSorter::PlaceAvx512(const uint32_t* first, const int64_t* order,
                                  size_t count, const RankRecord* in,
                                  RankRecord* out) {
  if (!HasAvx512()) return false;
  static_assert(kSmall == 8, "a bucket is one eight-lane vector");
  PlaceWith512(first, order, count, in, out);
  return true;
}

bool PartitionSorter::PlaceCrowdedAvx512(const int64_t* order, uint32_t m,
                                         const RankRecord* in,
                                         RankRecord* out) {
  if (!HasAvx512()) return false;
  PlaceCrowdedWith512(order, m, in, out);
  return true;
}

size_t PartitionSorter::Starts(uint32_t buckets) {
  static const bool has = __builtin_cpu_supports("avx512f");
  if (has) {
    return StartsWith512(start_.data(), cursor_.data(), buckets,
                         crowded_.data());
  }
  return StartsScalar(buckets);
}
#else
size_t PartitionSorter::Starts(uint32_t buckets) {
  return StartsScalar(buckets);
}
bool PartitionSorter::PlaceAvx512(const uint32_t*, const int64_t*, size_t,
                                  const RankRecord*, RankRecord*) {
  return false;
}
bool PartitionSorter::PlaceCrowdedAvx512(const int64_t*, uint32_t,
                                         const RankRecord*, RankRecord*) {
  return false;
}
size_t PartitionSorter::KeysAvx2(const RankRecord*, size_t, const BucketMap&,
                                 uint32_t, uint32_t, uint16_t*, uint32_t*,
                                 int32_t*, int32_t*) {
  return 0;
}
bool PartitionSorter::PlaceAvx2(const uint32_t*, const int64_t*, size_t,
                                const RankRecord*, RankRecord*) {
  return false;
}
#endif

size_t PartitionSorter::StartsScalar(uint32_t buckets) {
  return StartsFrom(start_.data(), cursor_.data(), 0, buckets, 0,
                    crowded_.data(), 0);
}

void PartitionSorter::Stage(const RankRecord* __restrict in,
                            const uint16_t* __restrict bucket, size_t count,
                            uint32_t* __restrict cursor,
                            const uint32_t* __restrict start,
                            RankRecord* __restrict staged,
                            uint32_t* __restrict first,
                            int64_t* __restrict order) {
  for (size_t i = 0; i < count; ++i) {
    const uint32_t k = bucket[i];
    const uint32_t at = cursor[k]++;
    // One 16-byte move (a copy through a local was split into its fields:
    // three stores where one does).
    std::memcpy(static_cast<void*>(staged + at), in + i, sizeof(RankRecord));
    first[at] = start[k];
    order[at] = OrderKey(in[i].value);
  }
}

void PartitionSorter::Sort(const RankRecord* in, const uint16_t* bucket,
                           size_t count, RankRecord* out) {
  start_.assign((size_t{1} << bits_) + 1, 0);
  for (size_t i = 0; i < count; ++i) ++start_[bucket[i] + 1];
  Arrange(in, bucket, count, out);
}

void PartitionSorter::SortMapped(RankRecord* records, size_t count,
                                 const BucketMap& map, uint32_t last) {
  if (count < 2) {  // Already in order; only its group id is noted.
    if (count == 1) {
      group_min_ = std::min(group_min_, records[0].group);
      group_max_ = std::max(group_max_, records[0].group);
    }
    return;
  }
  start_.assign((size_t{1} << bits_) + 1, 0);
  const uint32_t mask = (uint32_t{1} << bits_) - 1;
  uint16_t* bucket = buckets_.data();
  size_t i = 0;
  if (map.linear()) {
    i = KeysAvx2(records, count, map, last, mask, bucket, start_.data() + 1,
                 &group_min_, &group_max_);
  }
  for (; i < count; ++i) {
    const uint32_t k = (last - map(records[i].value)) & mask;
    bucket[i] = static_cast<uint16_t>(k);
    ++start_[k + 1];
    group_min_ = std::min(group_min_, records[i].group);
    group_max_ = std::max(group_max_, records[i].group);
  }
  Arrange(records, bucket, count, records);
}

void PartitionSorter::Arrange(const RankRecord* in, const uint16_t* bucket,
                              size_t count, RankRecord* out) {
  const uint32_t buckets = uint32_t{1} << bits_;
  // Bucket k is [start_[k], start_[k + 1]); crowded ones are noted here,
  // from their counts, rather than record by record below.
  cursor_.resize(buckets);
  crowded_.resize(size_t{buckets} + 16);
  const size_t crowded = Starts(buckets);
  // Records in bucket order, with kSmall sentinels on either side (a
  // bucket that holds nothing, a key below every value) so that neighbours
  // can be read blindly.
  uint32_t* first = first_.data() + kSmall;
  int64_t* order = order_.data() + kSmall;
  RankRecord* staged = staged_.data();
  Stage(in, bucket, count, cursor_.data(), start_.data(), staged, first, order);
  for (size_t d = 1; d <= static_cast<size_t>(kSmall); ++d) {
    *(first - d) = first[count - 1 + d] = ~uint32_t{0};
    *(order - d) = order[count - 1 + d] = std::numeric_limits<int64_t>::min();
  }
  if (!PlaceAvx512(first, order, count, staged, out) &&
      !PlaceAvx2(first, order, count, staged, out)) {
    PlaceScalar(first, order, count, staged, out);
  }
  // Crowded buckets, whose records were only kept inside them above, are
  // placed whole: by counting what goes before each record, or sorted when
  // very crowded.
  for (size_t c = 0; c < crowded; ++c) {
    const uint32_t k = crowded_[c];
    const uint32_t b = start_[k], e = start_[k + 1];
    if (e - b <= kCrowded) {
      if (!PlaceCrowdedAvx512(order + b, e - b, staged + b, out + b))
        PlaceCrowdedScalar(order + b, e - b, staged + b, out + b);
    } else {
      std::copy(staged + b, staged + e, out + b);
      std::stable_sort(out + b, out + e,
                       [](const RankRecord& x, const RankRecord& y) {
                         return x.value > y.value;
                       });
    }
  }
}

}  // namespace chuangwen::internal
