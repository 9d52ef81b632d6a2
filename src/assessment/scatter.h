// Pass B's scatter of records into about five hundred partitions. Storing
// each record where it goes makes every store of a new cache line first read
// that line from memory, and the writes leave for memory in an order that
// hops between as many places as there are partitions. Instead a partition's
// records gather in a small buffer in the cache (eight lines) and leave
// eight whole lines at a time with stores that bypass the cache: no reads, and
// memory sees runs. Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_SCATTER_H_
#define CHUANGWEN_SRC_ASSESSMENT_SCATTER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "assessment/page_buffer.h"
#include "assessment/partition_sort.h"

namespace chuangwen::internal {

// Copies n records (n a multiple of four; both ends 64-byte aligned) with
// stores that bypass the cache, a whole line per store where the CPU can.
void StreamRecords(const RankRecord* from, size_t n, RankRecord* to);
// Makes the streamed stores visible to other threads.
void StreamFence();

class Scatter {
 public:
  // Records per buffer: eight lines, so fewer flushes (each one a branch
  // the CPU cannot predict). At a million units four lines made pass B
  // 0.1 ms slower and two lines 0.35 ms; sixteen were about the same and
  // thirty-two slower (the buffers, 256 KB per thread here, must stay close
  // to the core).
  static constexpr uint32_t kRun = 32;

  // Room for `partitions` buffers.
  void Reserve(size_t partitions) {
    if (partitions <= capacity_) return;
    buffer_.Allocate(partitions * kRun);
    line_.Allocate(partitions);
    next_.Allocate(partitions);
    capacity_ = partitions;
  }

  // Partition p's records go to out[at[p]], out[at[p] + 1], ... (at[] is
  // advanced as they do). `out` must be 64-byte aligned.
  void Start(RankRecord* out, uint32_t* at, size_t partitions) {
    out_ = out;
    at_ = at;
    // Each buffer mirrors the eight lines its next records go to: slot j is
    // out[line_[p] + j], so full buffers leave as whole, aligned lines.
    for (size_t p = 0; p < partitions; ++p) {
      line_[p] = at[p] & ~uint32_t{3};
      next_[p] = at[p] & 3;
    }
    partitions_ = partitions;
  }

  // Units [lo, hi): unit u's record (value[u], u, group[u], or group 0
  // without groups) into partition bucket[u] >> shift. One loop over
  // locals: a call per record, storing into the buffers, made the compiler
  // reload this object's members for every record (the stores might have
  // changed them).
  void PutUnits(size_t lo, size_t hi, const uint32_t* bucket, uint32_t shift,
                const double* value, const int32_t* group) {
    if (group != nullptr) {
      PutEach(lo, hi, bucket, shift, value, group);
    } else {
      PutEach(lo, hi, bucket, shift, value, NoGroups());
    }
  }

  // Writes what the buffers still hold; then every record is in place and
  // seen by other threads.
  void Finish() {
    for (size_t p = 0; p < partitions_; ++p) {
      const RankRecord* buf = buffer_.data() + p * kRun;
      const uint32_t first = at_[p] - line_[p];
      for (uint32_t j = first; j < next_[p]; ++j) out_[line_[p] + j] = buf[j];
      at_[p] = line_[p] + next_[p];
    }
    StreamFence();
  }

 private:
  // One 16-byte store where the CPU has them; field by field, a record is
  // three.
  static void StoreRecord(RankRecord* to, double value, uint32_t unit,
                          int32_t group) {
#ifdef __SSE2__
    const __m128i ids = _mm_unpacklo_epi32(
        _mm_cvtsi32_si128(static_cast<int>(unit)), _mm_cvtsi32_si128(group));
    _mm_storeu_si128(
        reinterpret_cast<__m128i*>(to),
        _mm_unpacklo_epi64(_mm_castpd_si128(_mm_set_sd(value)), ids));
#else
    *to = RankRecord{value, unit, group};
#endif
  }

  struct NoGroups {
    int32_t operator[](size_t) const { return 0; }
  };

  template <typename Group>
  void PutEach(size_t lo, size_t hi, const uint32_t* __restrict bucket,
               uint32_t shift, const double* __restrict value,
               const Group& group) {
    RankRecord* const __restrict buffers = buffer_.data();
    uint32_t* const __restrict next = next_.data();
    for (size_t u = lo; u < hi; ++u) {
      const uint32_t p = bucket[u] >> shift;
      RankRecord* buf = buffers + size_t{p} * kRun;
      const uint32_t slot = next[p];
      StoreRecord(buf + slot, value[u], static_cast<uint32_t>(u),
                  static_cast<int32_t>(group[u]));
      next[p] = slot + 1 == kRun ? 0 : slot + 1;
      if (slot + 1 == kRun) Flush(p, buf);
    }
  }

  void Flush(uint32_t p, const RankRecord* buf) {
    RankRecord* to = out_ + line_[p];
    const uint32_t first = at_[p] - line_[p];  // Slots before are not ours.
    if (first == 0) {
      StreamRecords(buf, kRun, to);
    } else {
      for (uint32_t j = first; j < kRun; ++j) to[j] = buf[j];
    }
    line_[p] += kRun;
    at_[p] = line_[p];
  }

  PageBuffer<RankRecord> buffer_;
  PageBuffer<uint32_t> line_, next_;
  size_t capacity_ = 0, partitions_ = 0;
  RankRecord* out_ = nullptr;
  uint32_t* at_ = nullptr;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_SCATTER_H_
