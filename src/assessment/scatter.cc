// The streaming stores of pass B's scatter; see scatter.h.
#include "assessment/scatter.h"

#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CW_HAVE_STREAM_KERNELS 1
#endif

namespace chuangwen::internal {

#ifdef CW_HAVE_STREAM_KERNELS
namespace {

static_assert(sizeof(RankRecord) == 16, "four records per cache line");

// A line per store: the line leaves whole at once, rather than being put
// together from four stores.
__attribute__((target("avx512f"))) void Lines512(const RankRecord* from,
                                                 size_t n, RankRecord* to) {
  for (size_t j = 0; j < n; j += 4) {
    _mm512_stream_si512(reinterpret_cast<__m512i*>(to + j),
                        _mm512_load_si512(from + j));
  }
}

void Lines128(const RankRecord* from, size_t n, RankRecord* to) {
  for (size_t j = 0; j < n; ++j) {
    _mm_stream_si128(
        reinterpret_cast<__m128i*>(to + j),
        _mm_load_si128(reinterpret_cast<const __m128i*>(from + j)));
  }
}

}  // namespace

void StreamRecords(const RankRecord* from, size_t n, RankRecord* to) {
  static const bool has512 = __builtin_cpu_supports("avx512f");
  if (has512) {
    Lines512(from, n, to);
  } else {
    Lines128(from, n, to);
  }
}

void StreamFence() { _mm_sfence(); }
#else
void StreamRecords(const RankRecord* from, size_t n, RankRecord* to) {
  std::memcpy(static_cast<void*>(to), from, n * sizeof(RankRecord));
}
void StreamFence() {}
#endif

}  // namespace chuangwen::internal
