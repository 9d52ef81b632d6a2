// AVX2 kernel of the composite pass; see composite_kernel.h.
#include "assessment/composite_kernel.h"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CW_HAVE_AVX2_KERNELS 1
#endif

namespace chuangwen::internal {

#ifdef CW_HAVE_AVX2_KERNELS
namespace {

// Rows asked for ahead of the sums. The hardware prefetcher alone falls
// short of the read bandwidth here; the bookkeeping done between rows leaves
// too little time for a shorter distance to cover the memory's latency.
constexpr size_t kPrefetchRows = 64;

// Four rows at a time. Two columns of four rows are gathered with 128-bit
// loads (row r's pair [j, j+1]) and one unpack, so each lane sums its row
// strictly left to right (this costs fewer shuffles than a 4×4 transpose).
// The bookkeeping is done on the four sums while they are in registers, so
// that the reads ahead never pause.
__attribute__((target("avx2,sse4.1"))) size_t SumAndBucket(
    const CompositeBlock& b, const RankBuckets& buckets_of, size_t lo,
    size_t hi, size_t* live, size_t* vetoed, OddFour* odd, size_t* odd_count) {
  const size_t k = b.k, k2 = k / 2 * 2;
  const double* w = b.weights;
  const BucketMap& map = buckets_of.live_map();
  const __m256d zero = _mm256_setzero_pd();
  const __m256d map_lo = _mm256_set1_pd(map.lo());
  const __m256d scale = _mm256_set1_pd(map.scale());
  const __m256d top = _mm256_set1_pd(static_cast<double>(map.last()));
  const __m128i last = _mm_set1_epi32(static_cast<int>(buckets_of.live_last()));
  // Vetoed rows' map, used in the few fours that have one.
  const BucketMap& vet_map = buckets_of.map(true);
  const bool vet_linear = vet_map.linear();
  const __m256d vet_lo = _mm256_set1_pd(vet_map.lo());
  const __m256d vet_scale = _mm256_set1_pd(vet_map.scale());
  const __m256d vet_top = _mm256_set1_pd(static_cast<double>(vet_map.last()));
  const __m128i vet_last =
      _mm_set1_epi32(static_cast<int>(buckets_of.last(true)));
  const uint32_t shift = buckets_of.shift();
  size_t done_live = 0, done_vetoed = 0, odds = *odd_count;
  // Composites and buckets bypass the cache (when aligned for it): the
  // scores streaming through would push them out before pass B reads them,
  // and a cached store first reads its line from memory.
  const bool stream = reinterpret_cast<uintptr_t>(b.comp + lo) % 32 == 0 &&
                      reinterpret_cast<uintptr_t>(b.buckets + lo) % 16 == 0;
  size_t i = lo;
  for (; i + 4 <= hi; i += 4) {
    const double* r0 = b.scores + i * k;
    const double* r1 = r0 + k;
    const double* r2 = r1 + k;
    const double* r3 = r2 + k;
    if (i + kPrefetchRows + 4 <= b.rows) {
      const double* ahead = r0 + kPrefetchRows * k;
      for (size_t q = 0; q < 4 * k; q += 8)
        _mm_prefetch(reinterpret_cast<const char*>(ahead + q), _MM_HINT_T0);
    }
    __m256d acc = zero;
    for (size_t j = 0; j < k2; j += 2) {
      // [r0 j, r0 j+1, r2 j, r2 j+1] and [r1 j, r1 j+1, r3 j, r3 j+1].
      const __m256d rows02 =
          _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(r0 + j)),
                               _mm_loadu_pd(r2 + j), 1);
      const __m256d rows13 =
          _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(r1 + j)),
                               _mm_loadu_pd(r3 + j), 1);
      const __m256d p = _mm256_mul_pd(_mm256_unpacklo_pd(rows02, rows13),
                                      _mm256_broadcast_sd(w + j));
      acc = j == 0 ? p : _mm256_add_pd(acc, p);
      acc = _mm256_add_pd(acc, _mm256_mul_pd(_mm256_unpackhi_pd(rows02, rows13),
                                             _mm256_broadcast_sd(w + j + 1)));
    }
    if (k2 < k) {  // An odd last column, still in order.
      const __m256d col = _mm256_set_pd(r3[k2], r2[k2], r1[k2], r0[k2]);
      acc = _mm256_add_pd(acc, _mm256_mul_pd(col, _mm256_broadcast_sd(w + k2)));
    }
    // + 0.0 turns -0.0 into +0.0: equal composites must key equal.
    const __m256d v = _mm256_add_pd(acc, zero);
    if (stream) {
      _mm256_stream_pd(b.comp + i, v);
    } else {
      _mm256_storeu_pd(b.comp + i, v);
    }
    const bool finite =  // v - v is 0 unless v is infinite or NaN.
        _mm256_movemask_pd(
            _mm256_cmp_pd(_mm256_sub_pd(v, v), zero, _CMP_EQ_OQ)) == 0xF;
    uint32_t vetoed4 = 0;
    if (b.vetoed != nullptr) std::memcpy(&vetoed4, b.vetoed + i, 4);
    if (!finite || (vetoed4 != 0 && !vet_linear)) {
      odd[odds].first = static_cast<uint32_t>(i);
      _mm256_storeu_pd(odd[odds].sum, v);
      ++odds;
      continue;
    }
    // BucketMap::operator(): t = (v - lo) * scale, clamped to [0, last].
    __m256d t = _mm256_mul_pd(_mm256_sub_pd(v, map_lo), scale);
    t = _mm256_min_pd(_mm256_max_pd(t, zero), top);
    __m128i bucket = _mm_sub_epi32(last, _mm256_cvttpd_epi32(t));
    if (vetoed4 != 0) {  // Their lanes' buckets from the vetoed map.
      __m256d tv = _mm256_mul_pd(_mm256_sub_pd(v, vet_lo), vet_scale);
      tv = _mm256_min_pd(_mm256_max_pd(tv, zero), vet_top);
      const __m128i is_vet = _mm_cmpgt_epi32(
          _mm_cvtepu8_epi32(_mm_cvtsi32_si128(static_cast<int>(vetoed4))),
          _mm_setzero_si128());
      bucket = _mm_blendv_epi8(
          bucket, _mm_sub_epi32(vet_last, _mm256_cvttpd_epi32(tv)), is_vet);
      const auto lanes = static_cast<size_t>(__builtin_popcount(
          static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(is_vet)))));
      done_vetoed += lanes;
      done_live -= lanes;
    }
    if (stream) {
      _mm_stream_si128(reinterpret_cast<__m128i*>(b.buckets + i), bucket);
    } else {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(b.buckets + i), bucket);
    }
    ++b.count[static_cast<uint32_t>(_mm_cvtsi128_si32(bucket)) >> shift];
    ++b.count[static_cast<uint32_t>(_mm_extract_epi32(bucket, 1)) >> shift];
    ++b.count[static_cast<uint32_t>(_mm_extract_epi32(bucket, 2)) >> shift];
    ++b.count[static_cast<uint32_t>(_mm_extract_epi32(bucket, 3)) >> shift];
    done_live += 4;
  }
  if (stream) _mm_sfence();  // Streamed stores are seen by every thread.
  *live += done_live;
  *vetoed += done_vetoed;
  *odd_count = odds;
  return i;
}

}  // namespace

bool HasAvx2() {
  static const bool has =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("sse4.1");
  return has;
}

size_t SumAndBucketAvx2(const CompositeBlock& block,
                        const RankBuckets& buckets_of, size_t lo, size_t hi,
                        size_t* live, size_t* vetoed, OddFour* odd,
                        size_t* odd_count) {
  if (block.k < 2 || !HasAvx2() || !buckets_of.live_map().linear()) return lo;
  return SumAndBucket(block, buckets_of, lo, hi, live, vetoed, odd, odd_count);
}
#else
bool HasAvx2() { return false; }
size_t SumAndBucketAvx2(const CompositeBlock&, const RankBuckets&, size_t lo,
                        size_t, size_t*, size_t*, OddFour*, size_t*) {
  return lo;
}
#endif

}  // namespace chuangwen::internal
