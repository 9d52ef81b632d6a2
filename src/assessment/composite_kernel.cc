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
// Fours of rows summed side by side. A four's sums are a chain of k
// dependent adds (left to right); one four at a time left the adder waiting
// on that chain, and the reads ahead waiting on the adder: pass A took about
// 0.5 ms longer at a million rows. Two to six fours measured alike.
constexpr int kFours = 3;

#define CW_AVX2_INLINE \
  __attribute__((target("avx2,sse4.1"), always_inline)) inline

// The sums of kCount fours of rows from r0 (k columns each), as RowComposite:
// two columns of four rows are gathered with 128-bit loads (row r's pair
// [j, j+1]) and one unpack, so each lane sums its row strictly left to right
// (fewer shuffles than a 4×4 transpose).
template <int kCount>
CW_AVX2_INLINE void SumFours(const double* r0, size_t k, const double* w,
                             __m256d* acc) {
  const size_t k2 = k / 2 * 2;
  for (int f = 0; f < kCount; ++f) acc[f] = _mm256_setzero_pd();
  for (size_t j = 0; j < k2; j += 2) {
    const __m256d w0 = _mm256_broadcast_sd(w + j);
    const __m256d w1 = _mm256_broadcast_sd(w + j + 1);
    for (int f = 0; f < kCount; ++f) {
      const double* r = r0 + 4 * k * static_cast<size_t>(f) + j;
      // [r0 j, r0 j+1, r2 j, r2 j+1] and [r1 j, r1 j+1, r3 j, r3 j+1].
      const __m256d rows02 = _mm256_insertf128_pd(
          _mm256_castpd128_pd256(_mm_loadu_pd(r)), _mm_loadu_pd(r + 2 * k), 1);
      const __m256d rows13 =
          _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_loadu_pd(r + k)),
                               _mm_loadu_pd(r + 3 * k), 1);
      const __m256d p = _mm256_mul_pd(_mm256_unpacklo_pd(rows02, rows13), w0);
      acc[f] = j == 0 ? p : _mm256_add_pd(acc[f], p);
      acc[f] = _mm256_add_pd(
          acc[f], _mm256_mul_pd(_mm256_unpackhi_pd(rows02, rows13), w1));
    }
  }
  if (k2 < k) {  // An odd last column, still in order.
    const __m256d wl = _mm256_broadcast_sd(w + k2);
    for (int f = 0; f < kCount; ++f) {
      const double* r = r0 + 4 * k * static_cast<size_t>(f) + k2;
      const __m256d col = _mm256_set_pd(r[3 * k], r[2 * k], r[k], r[0]);
      acc[f] = _mm256_add_pd(acc[f], _mm256_mul_pd(col, wl));
    }
  }
}

// The bookkeeping of one pass over rows, on four sums at a time while they
// are in registers, so that the reads ahead never pause.
class FourKeeper {
 public:
  CW_AVX2_INLINE FourKeeper(const CompositeBlock& b,
                            const RankBuckets& buckets_of, size_t lo,
                            OddFour* odd, size_t odds)
      : b_(b),
        map_lo_(_mm256_set1_pd(buckets_of.live_map().lo())),
        scale_(_mm256_set1_pd(buckets_of.live_map().scale())),
        top_(_mm256_set1_pd(static_cast<double>(buckets_of.live_map().last()))),
        last_(_mm_set1_epi32(static_cast<int>(buckets_of.live_last()))),
        vet_linear_(buckets_of.map(true).linear()),
        vet_lo_(_mm256_set1_pd(buckets_of.map(true).lo())),
        vet_scale_(_mm256_set1_pd(buckets_of.map(true).scale())),
        vet_top_(
            _mm256_set1_pd(static_cast<double>(buckets_of.map(true).last()))),
        vet_last_(_mm_set1_epi32(static_cast<int>(buckets_of.last(true)))),
        shift_(buckets_of.shift()),
        // Composites and buckets bypass the cache (when aligned for it):
        // the scores streaming through would push them out before pass B
        // reads them, and a cached store first reads its line from memory.
        stream_(reinterpret_cast<uintptr_t>(b.comp + lo) % 32 == 0 &&
                reinterpret_cast<uintptr_t>(b.buckets + lo) % 16 == 0),
        odd_(odd),
        odds_(odds) {}

  // Rows [i, i + 4), summed into `sum`.
  CW_AVX2_INLINE void Keep(size_t i, __m256d sum) {
    const __m256d zero = _mm256_setzero_pd();
    // + 0.0 turns -0.0 into +0.0: equal composites must key equal.
    const __m256d v = _mm256_add_pd(sum, zero);
    if (stream_) {
      _mm256_stream_pd(b_.comp + i, v);
    } else {
      _mm256_storeu_pd(b_.comp + i, v);
    }
    const bool finite =  // v - v is 0 unless v is infinite or NaN.
        _mm256_movemask_pd(
            _mm256_cmp_pd(_mm256_sub_pd(v, v), zero, _CMP_EQ_OQ)) == 0xF;
    uint32_t vetoed4 = 0;
    if (b_.vetoed != nullptr) std::memcpy(&vetoed4, b_.vetoed + i, 4);
    if (!finite || (vetoed4 != 0 && !vet_linear_)) {
      odd_[odds_].first = static_cast<uint32_t>(i);
      _mm256_storeu_pd(odd_[odds_].sum, v);
      ++odds_;
      return;
    }
    // BucketMap::operator(): t = (v - lo) * scale, clamped to [0, last].
    __m256d t = _mm256_mul_pd(_mm256_sub_pd(v, map_lo_), scale_);
    t = _mm256_min_pd(_mm256_max_pd(t, zero), top_);
    __m128i bucket = _mm_sub_epi32(last_, _mm256_cvttpd_epi32(t));
    if (vetoed4 != 0) {  // Their lanes' buckets from the vetoed map.
      __m256d tv = _mm256_mul_pd(_mm256_sub_pd(v, vet_lo_), vet_scale_);
      tv = _mm256_min_pd(_mm256_max_pd(tv, zero), vet_top_);
      const __m128i is_vet = _mm_cmpgt_epi32(
          _mm_cvtepu8_epi32(_mm_cvtsi32_si128(static_cast<int>(vetoed4))),
          _mm_setzero_si128());
      bucket = _mm_blendv_epi8(
          bucket, _mm_sub_epi32(vet_last_, _mm256_cvttpd_epi32(tv)), is_vet);
      const auto lanes = static_cast<size_t>(__builtin_popcount(
          static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(is_vet)))));
      vetoed_ += lanes;
      live_ -= lanes;
    }
    if (stream_) {
      _mm_stream_si128(reinterpret_cast<__m128i*>(b_.buckets + i), bucket);
    } else {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(b_.buckets + i), bucket);
    }
    ++b_.count[static_cast<uint32_t>(_mm_cvtsi128_si32(bucket)) >> shift_];
    ++b_.count[static_cast<uint32_t>(_mm_extract_epi32(bucket, 1)) >> shift_];
    ++b_.count[static_cast<uint32_t>(_mm_extract_epi32(bucket, 2)) >> shift_];
    ++b_.count[static_cast<uint32_t>(_mm_extract_epi32(bucket, 3)) >> shift_];
    live_ += 4;
  }

  CW_AVX2_INLINE void Finish(size_t* live, size_t* vetoed, size_t* odd_count) {
    if (stream_) _mm_sfence();  // Streamed stores are seen by every thread.
    *live += live_;
    *vetoed += vetoed_;
    *odd_count = odds_;
  }

 private:
  const CompositeBlock& b_;
  const __m256d map_lo_, scale_, top_;
  const __m128i last_;
  const bool vet_linear_;
  const __m256d vet_lo_, vet_scale_, vet_top_;
  const __m128i vet_last_;
  const uint32_t shift_;
  const bool stream_;
  OddFour* const odd_;
  size_t odds_;
  size_t live_ = 0, vetoed_ = 0;
};

// Asks for `rows` rows kPrefetchRows ahead of row i, when they exist.
CW_AVX2_INLINE void ReadAhead(const CompositeBlock& b, size_t i, size_t rows) {
  if (i + kPrefetchRows + rows > b.rows) return;
  const char* ahead =
      reinterpret_cast<const char*>(b.scores + (i + kPrefetchRows) * b.k);
  for (size_t q = 0; q < rows * b.k * sizeof(double); q += 64)
    _mm_prefetch(ahead + q, _MM_HINT_T0);
}

__attribute__((target("avx2,sse4.1"))) size_t SumAndBucket(
    const CompositeBlock& b, const RankBuckets& buckets_of, size_t lo,
    size_t hi, size_t* live, size_t* vetoed, OddFour* odd, size_t* odd_count) {
  FourKeeper keeper(b, buckets_of, lo, odd, *odd_count);
  const size_t k = b.k;
  size_t i = lo;
  for (; i + 4 * kFours <= hi; i += 4 * kFours) {
    ReadAhead(b, i, 4 * kFours);
    __m256d acc[kFours];
    SumFours<kFours>(b.scores + i * k, k, b.weights, acc);
    for (int f = 0; f < kFours; ++f)
      keeper.Keep(i + 4 * static_cast<size_t>(f), acc[f]);
  }
  for (; i + 4 <= hi; i += 4) {
    ReadAhead(b, i, 4);
    __m256d acc[1];
    SumFours<1>(b.scores + i * k, k, b.weights, acc);
    keeper.Keep(i, acc[0]);
  }
  keeper.Finish(live, vetoed, odd_count);
  return i;
}

#undef CW_AVX2_INLINE

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
