// AVX2 kernels of the composite pass; see composite_kernel.h.
#include "assessment/composite_kernel.h"

#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CW_HAVE_AVX2_KERNELS 1
#endif

namespace chuangwen::internal {

#ifdef CW_HAVE_AVX2_KERNELS
namespace {

constexpr size_t kPrefetchRows = 16;

// Four rows at a time with AVX2. Two columns of four rows are gathered with
// 128-bit loads (row r's pair [j, j+1]) and one unpack, so each lane sums its
// row strictly left to right with separate multiplies and adds (no FMA),
// exactly as the scalar loop. (This gathering costs fewer shuffles than a
// 4×4 transpose; the sums are short enough that shuffles, not memory, were
// the limit.) Returns the first row not done.
__attribute__((target("avx2"))) size_t SumRows(const double* s, size_t rows,
                                               size_t k, const double* w,
                                               size_t lo, size_t hi,
                                               double* out) {
  size_t i = lo;
  const size_t k2 = k / 2 * 2;
  if (k2 == 0) return lo;
  for (; i + 4 <= hi; i += 4) {
    const double* r0 = s + i * k;
    const double* r1 = r0 + k;
    const double* r2 = r1 + k;
    const double* r3 = r2 + k;
    // The hardware prefetcher alone falls short of the read bandwidth here;
    // rows further on are asked for explicitly.
    if (i + kPrefetchRows + 4 <= rows) {
      const double* ahead = r0 + kPrefetchRows * k;
      for (size_t q = 0; q < 4 * k; q += 8)
        _mm_prefetch(reinterpret_cast<const char*>(ahead + q), _MM_HINT_T0);
    }
    __m256d acc = _mm256_setzero_pd();
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
    _mm256_storeu_pd(out + (i - lo), acc);
    if (k2 < k) {  // An odd last column, still in order.
      out[i - lo] += r0[k2] * w[k2];
      out[i - lo + 1] += r1[k2] * w[k2];
      out[i - lo + 2] += r2[k2] * w[k2];
      out[i - lo + 3] += r3[k2] * w[k2];
    }
  }
  return i;
}

__attribute__((target("avx2"))) size_t BucketLive(
    const RankBuckets& buckets_of, const uint8_t* vetoed, double* comp,
    uint32_t* buckets, uint32_t* count, size_t lo, size_t hi, size_t* live) {
  const BucketMap& map = buckets_of.live_map();
  const __m256d zero = _mm256_setzero_pd();
  const __m256d map_lo = _mm256_set1_pd(map.lo());
  const __m256d scale = _mm256_set1_pd(map.scale());
  const __m256d top = _mm256_set1_pd(static_cast<double>(map.last()));
  const __m128i last = _mm_set1_epi32(static_cast<int>(buckets_of.live_last()));
  const uint32_t shift = buckets_of.shift();
  size_t u = lo;
  for (; u + 4 <= hi; u += 4) {
    const __m256d v = _mm256_add_pd(_mm256_loadu_pd(comp + u), zero);
    const bool finite =  // v - v is 0 unless v is infinite or NaN.
        _mm256_movemask_pd(
            _mm256_cmp_pd(_mm256_sub_pd(v, v), zero, _CMP_EQ_OQ)) == 0xF;
    uint32_t vetoed4 = 0;
    if (vetoed != nullptr) std::memcpy(&vetoed4, vetoed + u, 4);
    if (!finite || vetoed4 != 0) break;
    _mm256_storeu_pd(comp + u, v);
    // BucketMap::operator(): t = (v - lo) * scale, clamped to [0, last].
    __m256d t = _mm256_mul_pd(_mm256_sub_pd(v, map_lo), scale);
    t = _mm256_min_pd(_mm256_max_pd(t, zero), top);
    const __m128i b = _mm_sub_epi32(last, _mm256_cvttpd_epi32(t));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(buckets + u), b);
    ++count[static_cast<uint32_t>(_mm_cvtsi128_si32(b)) >> shift];
    ++count[static_cast<uint32_t>(_mm_extract_epi32(b, 1)) >> shift];
    ++count[static_cast<uint32_t>(_mm_extract_epi32(b, 2)) >> shift];
    ++count[static_cast<uint32_t>(_mm_extract_epi32(b, 3)) >> shift];
  }
  *live += u - lo;
  return u;
}

}  // namespace

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

size_t SumRowsAvx2(const double* scores, size_t rows, size_t k,
                   const double* weights, size_t lo, size_t hi, double* out) {
  return HasAvx2() ? SumRows(scores, rows, k, weights, lo, hi, out) : lo;
}

size_t BucketLiveAvx2(const RankBuckets& buckets_of, const uint8_t* vetoed,
                      double* comp, uint32_t* buckets, uint32_t* count,
                      size_t lo, size_t hi, size_t* live) {
  if (!HasAvx2() || !buckets_of.live_map().linear()) return lo;
  return BucketLive(buckets_of, vetoed, comp, buckets, count, lo, hi, live);
}
#else
bool HasAvx2() { return false; }
size_t SumRowsAvx2(const double*, size_t, size_t, const double*, size_t lo,
                   size_t, double*) {
  return lo;
}
size_t BucketLiveAvx2(const RankBuckets&, const uint8_t*, double*, uint32_t*,
                      uint32_t*, size_t lo, size_t, size_t*) {
  return lo;
}
#endif

}  // namespace chuangwen::internal
