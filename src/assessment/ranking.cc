// The ranking hot path. Passes, each over plain arrays:
//  A. composites (row-parallel; 4 rows interleaved so the left-to-right sums
//     of different rows overlap), a finiteness check, and per-thread counts
//     of units per partition, a partition being a range of value buckets
//     (buckets are monotone in the composite and shaped on a sample, vetoed
//     units in buckets after all others);
//  B. a stable parallel scatter of (value, unit, group) records into their
//     partitions: about two thousand sequential streams, not a random write
//     per unit;
//  C. partition by partition (threads take contiguous runs of partitions),
//     a stable counting sort by bucket inside the cache, a fix-up of the few
//     buckets holding distinct values, and ranks: overall from positions,
//     within groups from per-group running state. No value spans two
//     partitions, so a thread can start mid-order knowing only how many units
//     of each group came before it (counted from the records themselves).
// Expected O(N) overall; no comparison sort of the whole input.
#include "chuangwen/ranking.h"

#include <algorithm>

#include "assessment/bucket_map.h"
#include "assessment/page_buffer.h"
#include "assessment/partition_sort.h"
#include "assessment/worker_pool.h"
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>

#ifdef CW_RANK_PROFILE
#include <chrono>
#include <cstdio>
#define PROF(name) do { auto _n = std::chrono::steady_clock::now(); std::fprintf(stderr, "%s %.3f\n", name, std::chrono::duration<double, std::milli>(_n - prof_t).count()); prof_t = _n; } while (0)
#define PROF_START auto prof_t = std::chrono::steady_clock::now()
#else
#define PROF(name)
#define PROF_START
#endif

namespace chuangwen {
namespace {

using Record = internal::RankRecord;

struct GroupState {  // A group's place in the walk of the global order.
  int32_t count;
  int32_t rank;  // The last rank given: competition or dense.
  double last;   // NaN before the group's first unit: never equal.
};

struct SortThread {  // Pass C scratch of one thread.
  internal::PartitionSorter sorter;
  internal::PageBuffer<uint16_t> keys;
};

}  // namespace

struct RankWorkspace::Buffers {
  internal::WorkerPool pool;  // Declared first: destroyed last.
  internal::PageBuffer<double> comp;
  internal::PageBuffer<uint32_t> buckets;  // Each unit's, in unit order.
  internal::PageBuffer<Record> rec;
  std::vector<GroupState> state;
  std::vector<std::vector<uint32_t>> part_count;  // Per thread × partition.
  std::vector<SortThread> sorters;                // Per pass-C thread.
};

RankWorkspace::RankWorkspace() : buffers_(std::make_unique<Buffers>()) {}
RankWorkspace::~RankWorkspace() = default;
RankWorkspace::Buffers& WorkspaceBuffers(RankWorkspace* workspace) {
  return *workspace->buffers_;
}

namespace {

int ThreadCount(const RankOptions& options, size_t units) {
  int hw = static_cast<int>(std::thread::hardware_concurrency());
  int t = options.threads > 0 ? options.threads : std::max(1, hw);
  // Small inputs are faster on one thread than the cost of starting more.
  if (units < 65536) t = 1;
  return std::min(t, 64);
}

// Runs body(t, lo, hi) for `threads` contiguous chunks of [0, n).
template <typename Body>
void ParallelChunks(internal::WorkerPool& pool, int threads, size_t n,
                    Body body) {
  auto chunk = [&](int t) {
    return n * static_cast<size_t>(t) / static_cast<size_t>(threads);
  };
  pool.Run(threads, [&](int t) { body(t, chunk(t), chunk(t + 1)); });
}

// One row's composite, summed left to right (the order every path uses).
double RowComposite(const double* row, size_t k, const double* w) {
  double a = k > 0 ? row[0] * w[0] : 0.0;
  for (size_t j = 1; j < k; ++j) a += row[j] * w[j];
  return a;
}

struct Bounds {
  size_t live = 0, vetoed = 0;  // Finite composites of each kind.
  int64_t max_group = -1;
  size_t first_bad =
      std::numeric_limits<size_t>::max();  // Non-finite composite.
  size_t first_negative_group = std::numeric_limits<size_t>::max();
};

// Buckets, in ranking order: live units' buckets descending in value, then
// (from a partition boundary) vetoed units' buckets descending. A partition
// is 2^shift consecutive buckets.
class Bucketer {
 public:
  // Shapes the maps on a sample of `units` values; value(u) gives unit u's
  // composite (not necessarily finite).
  template <typename Value>
  Bucketer(size_t units, const uint8_t* vetoed, Value value) {
    constexpr size_t kBlock = 16, kSample = 4096;
    std::vector<double> live, vet;
    live.reserve(std::min(units, kSample));
    auto take = [&](size_t u) {
      double v = value(u);
      if (!std::isfinite(v)) return;
      (vetoed != nullptr && vetoed[u] != 0 ? vet : live).push_back(v);
    };
    if (units <= kSample) {
      for (size_t u = 0; u < units; ++u) take(u);
    } else {
      // Runs of adjacent rows (cheap to read) at scattered places: a fixed
      // pseudo-random offset in each stride avoids aliasing with periodic
      // data and keeps the result reproducible.
      const size_t blocks = kSample / kBlock, stride = units / blocks;
      uint64_t x = 0x9e3779b97f4a7c15u;
      for (size_t b = 0; b < blocks; ++b) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t first =
            b * stride + (stride > kBlock ? x % (stride - kBlock) : 0);
        for (size_t u = first; u < std::min(units, first + kBlock); ++u)
          take(u);
      }
    }
    // About a bucket per unit (more do not help: values that differ only in
    // their last bits share any bucket), split by the sample's share of
    // vetoed units.
    const size_t sampled = std::max<size_t>(1, live.size() + vet.size());
    const size_t slots = units;
    const size_t vet_buckets =
        vetoed == nullptr ? 1
                          : std::max<size_t>(16, slots * vet.size() / sampled);
    const size_t live_buckets =
        std::max<size_t>(1, slots > vet_buckets ? slots - vet_buckets : 1);
    // Up to 2^16 buckets per partition (keys are 16 bits), more partitions
    // only for billions of units.
    while ((slots >> shift_) > kPartitions && shift_ < 16) ++shift_;
    // Few vetoed points say little about their shape: borrow the live one.
    if (vet.size() < 32) vet = live;
    live_.Build(live, static_cast<uint32_t>(live_buckets));
    vet_.Build(vet, static_cast<uint32_t>(vet_buckets));
    const size_t mask = (size_t{1} << shift_) - 1;
    live_last_ = static_cast<uint32_t>(live_buckets - 1);
    vet_first_ = static_cast<uint32_t>((live_buckets + mask) & ~mask);
    vet_last_ = static_cast<uint32_t>(vet_first_ + vet_buckets - 1);
  }

  uint32_t operator()(double v, bool vetoed) const {
    return vetoed ? vet_last_ - vet_(v) : live_last_ - live_(v);
  }
  uint32_t Partition(double v, bool vetoed) const {
    return (*this)(v, vetoed) >> shift_;
  }
  uint32_t shift() const { return shift_; }
  const internal::BucketMap& live_map() const { return live_; }
  uint32_t live_last() const { return live_last_; }
  size_t partitions() const { return (size_t{vet_last_} >> shift_) + 1; }
  size_t first_vetoed_partition() const { return vet_first_ >> shift_; }

 private:
  static constexpr size_t kPartitions = 2048;
  internal::BucketMap live_, vet_;
  uint32_t live_last_ = 0, vet_first_ = 0, vet_last_ = 0, shift_ = 0;
};

#if defined(__x86_64__) && defined(__GNUC__)
constexpr size_t kPrefetchRows = 16;

// Four rows at a time with AVX2. Two columns of four rows are gathered with
// 128-bit loads (row r's pair [j, j+1]) and one unpack, so each lane sums its
// row strictly left to right with separate multiplies and adds (no FMA),
// exactly as the scalar loop. (This gathering costs fewer shuffles than a
// 4×4 transpose; the sums are short enough that shuffles, not memory, were
// the limit.) Returns the first row not done.
__attribute__((target("avx2"))) size_t SumRowsAvx2(const double* s, size_t k,
                                                   const double* w, size_t lo,
                                                   size_t hi, double* out) {
  size_t i = lo;
  const size_t k2 = k / 2 * 2;
  if (k2 == 0) return lo;
  for (; i + 4 <= hi; i += 4) {
    const double* r0 = s + i * k;
    const double* r1 = r0 + k;
    const double* r2 = r1 + k;
    const double* r3 = r2 + k;
    // The hardware prefetcher alone falls short of the read bandwidth here;
    // rows further on are asked for explicitly (past the end is harmless).
    const double* ahead = r0 + kPrefetchRows * k;
    for (size_t q = 0; q < 4 * k; q += 8)
      _mm_prefetch(reinterpret_cast<const char*>(ahead + q), _MM_HINT_T0);
    __m256d acc = _mm256_setzero_pd();
    for (size_t j = 0; j < k2; j += 2) {
      // [r0 j, r0 j+1, r2 j, r2 j+1] and [r1 j, r1 j+1, r3 j, r3 j+1].
      const __m256d rows02 = _mm256_insertf128_pd(
          _mm256_castpd128_pd256(_mm_loadu_pd(r0 + j)), _mm_loadu_pd(r2 + j),
          1);
      const __m256d rows13 = _mm256_insertf128_pd(
          _mm256_castpd128_pd256(_mm_loadu_pd(r1 + j)), _mm_loadu_pd(r3 + j),
          1);
      const __m256d p = _mm256_mul_pd(_mm256_unpacklo_pd(rows02, rows13),
                                      _mm256_broadcast_sd(w + j));
      acc = j == 0 ? p : _mm256_add_pd(acc, p);
      acc = _mm256_add_pd(
          acc, _mm256_mul_pd(_mm256_unpackhi_pd(rows02, rows13),
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

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

// Pass A's bookkeeping for rows [lo, hi) of `comp` (a multiple of four), four
// at a time: the same buckets as Bucketer, bit for bit. Groups holding a
// vetoed unit or a non-finite composite go to `one` instead.
template <typename One>
__attribute__((target("avx2"))) void FinishAvx2(const Bucketer& bucketer,
                                                const uint8_t* vetoed,
                                                double* comp, uint32_t* buckets,
                                                uint32_t* count, size_t lo,
                                                size_t hi, size_t* live,
                                                One one) {
  const internal::BucketMap& map = bucketer.live_map();
  const __m256d zero = _mm256_setzero_pd();
  const __m256d map_lo = _mm256_set1_pd(map.lo());
  const __m256d scale = _mm256_set1_pd(map.scale());
  const __m256d top = _mm256_set1_pd(static_cast<double>(map.last()));
  const __m128i last = _mm_set1_epi32(static_cast<int>(bucketer.live_last()));
  const uint32_t shift = bucketer.shift();
  for (size_t u = lo; u + 4 <= hi; u += 4) {
    __m256d v = _mm256_add_pd(_mm256_loadu_pd(comp + u), zero);  // -0 → +0
    const bool finite =
        _mm256_movemask_pd(_mm256_cmp_pd(_mm256_sub_pd(v, v), zero,
                                         _CMP_EQ_OQ)) == 0xF;
    uint32_t vet4 = 0;
    if (vetoed != nullptr) std::memcpy(&vet4, vetoed + u, 4);
    if (!finite || vet4 != 0) {
      for (size_t q = u; q < u + 4; ++q) one(q, comp[q]);
      continue;
    }
    _mm256_storeu_pd(comp + u, v);
    __m256d t = _mm256_mul_pd(_mm256_sub_pd(v, map_lo), scale);
    t = _mm256_min_pd(_mm256_max_pd(t, zero), top);
    const __m128i b = _mm_sub_epi32(last, _mm256_cvttpd_epi32(t));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(buckets + u), b);
    ++count[static_cast<uint32_t>(_mm_cvtsi128_si32(b)) >> shift];
    ++count[static_cast<uint32_t>(_mm_extract_epi32(b, 1)) >> shift];
    ++count[static_cast<uint32_t>(_mm_extract_epi32(b, 2)) >> shift];
    ++count[static_cast<uint32_t>(_mm_extract_epi32(b, 3)) >> shift];
    *live += 4;
  }
}
#endif

// Sums one chunk of rows into `comp`, with each unit's bucket in `buckets`
// and partition loads counted into `count`.
Bounds ComputeChunk(const RankInput& in, const double* w,
                    const Bucketer& bucketer, double* comp, uint32_t* buckets,
                    uint32_t* count, size_t lo, size_t hi) {
  Bounds b;
  const uint32_t shift = bucketer.shift();
  const size_t k = in.indicators;
  const double* s = in.scores;
  const uint8_t* vetoed = in.vetoed;
  size_t i = lo;
  auto finish = [&](size_t u, double v) {
    v += 0.0;  // -0.0 → +0.0: equal composites must compare (and key) equal.
    comp[u] = v;
    if (!std::isfinite(v)) {
      b.first_bad = std::min(b.first_bad, u);
      return;
    }
    const bool vet = vetoed != nullptr && vetoed[u] != 0;
    ++(vet ? b.vetoed : b.live);
    const uint32_t bucket = bucketer(v, vet);
    buckets[u] = bucket;
    ++count[bucket >> shift];
  };
#if defined(__x86_64__) && defined(__GNUC__)
  if (k >= 2 && HasAvx2()) {
    // Blocks of rows into `comp` directly, then their bookkeeping.
    constexpr size_t kBlock = 1024;
    while (i + 4 <= hi) {
      size_t end = std::min(hi, i + kBlock);
      size_t done = SumRowsAvx2(s, k, w, i, end, comp + i);
      if (bucketer.live_map().linear()) {
        FinishAvx2(bucketer, vetoed, comp, buckets, count, i, done, &b.live,
                   finish);
      } else {
        for (size_t u = i; u < done; ++u) finish(u, comp[u]);
      }
      i = done;
    }
  }
#endif
  if (k > 0) {
    for (; i + 4 <= hi; i += 4) {
      const double* r0 = s + i * k;
      const double* r1 = r0 + k;
      const double* r2 = r1 + k;
      const double* r3 = r2 + k;
      double a0 = r0[0] * w[0], a1 = r1[0] * w[0], a2 = r2[0] * w[0],
             a3 = r3[0] * w[0];
      for (size_t j = 1; j < k; ++j) {
        const double wj = w[j];
        a0 += r0[j] * wj;
        a1 += r1[j] * wj;
        a2 += r2[j] * wj;
        a3 += r3[j] * wj;
      }
      finish(i, a0);
      finish(i + 1, a1);
      finish(i + 2, a2);
      finish(i + 3, a3);
    }
  }
  for (; i < hi; ++i) finish(i, RowComposite(s + i * k, k, w));
  return b;
}

// The same bookkeeping over given composites.
Bounds ScanComposites(const double* comp, const uint8_t* vetoed,
                      const Bucketer& bucketer, uint32_t* buckets,
                      uint32_t* count, size_t lo, size_t hi) {
  Bounds b;
  for (size_t u = lo; u < hi; ++u) {
    double v = comp[u];
    if (!std::isfinite(v)) {
      b.first_bad = std::min(b.first_bad, u);
      continue;
    }
    const bool vet = vetoed != nullptr && vetoed[u] != 0;
    ++(vet ? b.vetoed : b.live);
    const uint32_t bucket = bucketer(v, vet);
    buckets[u] = bucket;
    ++count[bucket >> bucketer.shift()];
  }
  return b;
}

void ScanGroups(const int32_t* groups, size_t lo, size_t hi, Bounds* b) {
  if (groups == nullptr) return;
  int32_t mx = -1;
  for (size_t u = lo; u < hi; ++u) {
    int32_t g = groups[u];
    if (g < 0) b->first_negative_group = std::min(b->first_negative_group, u);
    mx = std::max(mx, g);
  }
  b->max_group = std::max<int64_t>(b->max_group, mx);
}

Bounds MergeBounds(const std::vector<Bounds>& parts) {
  Bounds all;
  for (const Bounds& p : parts) {
    all.live += p.live;
    all.vetoed += p.vetoed;
    all.max_group = std::max(all.max_group, p.max_group);
    all.first_bad = std::min(all.first_bad, p.first_bad);
    all.first_negative_group =
        std::min(all.first_negative_group, p.first_negative_group);
  }
  return all;
}

// Per-thread partition counts, sized and zeroed for `bucketer`.
std::vector<std::vector<uint32_t>>& PartitionCounts(RankWorkspace::Buffers& ws,
                                                    int threads,
                                                    const Bucketer& bucketer) {
  ws.part_count.resize(static_cast<size_t>(threads));
  for (auto& c : ws.part_count) c.assign(bucketer.partitions(), 0);
  return ws.part_count;
}

Status BadScore(const RankInput& in, size_t unit) {
  std::string what = "composite is not finite";
  for (size_t j = 0; j < in.indicators; ++j) {
    double v = in.scores[unit * in.indicators + j];
    if (!std::isfinite(v)) {
      return Status::InvalidArgument(
          "unit " + std::to_string(unit) + ", indicator " + std::to_string(j) +
          ": score is " + (std::isnan(v) ? "NaN" : "infinite"));
    }
  }
  return Status::InvalidArgument("unit " + std::to_string(unit) + ": " + what);
}

// a if c, else b, computed with masks: a branch here would follow the data
// and mispredict (compilers turn plain selects like this into branches).
inline int32_t Choose(bool c, int32_t a, int32_t b) {
  const int32_t mask = -static_cast<int32_t>(c);
  return b ^ ((a ^ b) & mask);
}

// The outputs' cache lines are written in random order: fetching them a few
// records ahead overlaps the misses.
constexpr size_t kAhead = 16;

// Calls f(std::integral_constant<TieMode, ties>) so that walks are compiled
// once per mode, without the choice inside their loops.
template <typename F>
void WithTies(TieMode ties, F f) {
  switch (ties) {
    case TieMode::kOrdinal:
      return f(std::integral_constant<TieMode, TieMode::kOrdinal>());
    case TieMode::kDense:
      return f(std::integral_constant<TieMode, TieMode::kDense>());
    case TieMode::kCompetition:
      break;
  }
  f(std::integral_constant<TieMode, TieMode::kCompetition>());
}

// Overall ranks from the global order. No value spans two partitions, and
// vetoed units (from `live` on) start a partition of their own.
template <TieMode kTies>
void WalkOverall(const Record* r, size_t n, size_t live, int32_t* rank) {
  int32_t dense = 0, competition = 0;
  double last = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) __builtin_prefetch(rank + r[i + kAhead].unit, 1);
    // Data-dependent: bitwise, so that it compiles without branches.
    const bool fresh = (i == 0) | (r[i].value != last) | (i == live);
    dense += fresh;
    competition = Choose(fresh, static_cast<int32_t>(i) + 1, competition);
    last = r[i].value;
    rank[r[i].unit] = kTies == TieMode::kOrdinal ? static_cast<int32_t>(i) + 1
                      : kTies == TieMode::kDense ? dense
                                                 : competition;
  }
}

// Ranks within groups from the global order, from per-group running state.
template <TieMode kTies>
void WalkGroups(const Record* r, size_t n, size_t live, GroupState* state,
                size_t groups, int32_t* group_rank) {
  const double kNone = std::numeric_limits<double>::quiet_NaN();
  std::fill(state, state + groups, GroupState{0, 0, kNone});
  auto walk = [&](size_t lo, size_t hi) {
    for (size_t i = lo; i < hi; ++i) {
      if (i + kAhead < n) {
        __builtin_prefetch(state + r[i + kAhead].group, 1);
        __builtin_prefetch(group_rank + r[i + kAhead].unit, 1);
      }
      GroupState& g = state[r[i].group];
      ++g.count;
      const bool fresh = r[i].value != g.last;
      g.rank = kTies == TieMode::kDense ? g.rank + fresh
                                        : Choose(fresh, g.count, g.rank);
      g.last = r[i].value;
      group_rank[r[i].unit] = kTies == TieMode::kOrdinal ? g.count : g.rank;
    }
  };
  walk(0, live);
  // Vetoed units never tie with live ones, even at equal values.
  for (size_t g = 0; g < groups; ++g) state[g].last = kNone;
  walk(live, n);
}

// Passes B and C, given composites, their bounds and partition counts.
Status RankKnown(const double* comp, size_t n, const int32_t* groups, const Bounds& bounds,
                 const Bucketer& bucketer, int threads, TieMode ties,
                 int32_t* rank, int32_t* group_rank, double* composite_out,
                 RankWorkspace::Buffers& ws) {
  PROF_START;
  if (bounds.first_negative_group != std::numeric_limits<size_t>::max()) {
    return Status::InvalidArgument(
        "unit " + std::to_string(bounds.first_negative_group) + ": group id " +
        std::to_string(groups[bounds.first_negative_group]) + " is negative");
  }
  if (n == 0) return Status::OK();
  // Group ids index a state table; sparse huge ids are renumbered.
  std::vector<int32_t> dense_groups;
  if (groups != nullptr && group_rank != nullptr &&
      bounds.max_group >= static_cast<int64_t>(4 * n + 65536)) {
    std::unordered_map<int32_t, int32_t> ids;
    dense_groups.resize(n);
    for (size_t u = 0; u < n; ++u) {
      dense_groups[u] = ids.emplace(groups[u], static_cast<int32_t>(ids.size()))
                            .first->second;
    }
    groups = dense_groups.data();
  }
  const size_t group_count =
      groups == nullptr
          ? 1
          : static_cast<size_t>(std::max<int64_t>(bounds.max_group, 0)) + 1;
  const bool want_groups = group_rank != nullptr;

  // Offsets: partition-major, then thread, so that the scatter is stable.
  const size_t parts = bucketer.partitions();
  std::vector<std::vector<uint32_t>>& offset = ws.part_count;
  std::vector<uint32_t> part_start(parts + 1, 0);
  {
    uint32_t running = 0;
    for (size_t p = 0; p < parts; ++p) {
      part_start[p] = running;
      for (int t = 0; t < threads; ++t) {
        uint32_t c = offset[static_cast<size_t>(t)][p];
        offset[static_cast<size_t>(t)][p] = running;
        running += c;
      }
    }
    part_start[parts] = running;
  }
  // Pass B: scatter, each record with its bucket within the partition.
  internal::PageBuffer<Record>& rec = ws.rec;
  rec.Ensure(n, false);
  const uint32_t shift = bucketer.shift();
  const uint32_t mask = (uint32_t{1} << shift) - 1;
  ParallelChunks(ws.pool, threads, n, [&](int t, size_t lo, size_t hi) {
    uint32_t* off = offset[static_cast<size_t>(t)].data();
    Record* out = rec.data();
    const uint32_t* bucket = ws.buckets.data();
    for (size_t u = lo; u < hi; ++u) {
      out[off[bucket[u] >> shift]++] =
          Record{comp[u], static_cast<uint32_t>(u), groups == nullptr ? 0 : groups[u]};
    }
  });
  PROF("scatter");

  // Pass C: each thread sorts a run of partitions in place, runs balanced
  // by records.
  const auto ns = static_cast<size_t>(threads);
  std::vector<size_t> first_part(ns + 1, parts);
  first_part[0] = 0;
  for (size_t k = 1; k < ns; ++k) {
    const auto target = static_cast<uint32_t>(n * k / ns);
    first_part[k] = static_cast<size_t>(
        std::lower_bound(part_start.begin(), part_start.end() - 1, target) -
        part_start.begin());
  }
  if (ws.sorters.size() < ns) ws.sorters.resize(ns);
  const size_t first_vetoed = bucketer.first_vetoed_partition();
  ParallelChunks(ws.pool, threads, ns, [&](int t, size_t, size_t) {
    SortThread& st = ws.sorters[static_cast<size_t>(t)];
    const size_t pa = first_part[static_cast<size_t>(t)];
    const size_t pb = first_part[static_cast<size_t>(t) + 1];
    size_t largest = 0;
    for (size_t p = pa; p < pb; ++p)
      largest = std::max<size_t>(largest, part_start[p + 1] - part_start[p]);
    st.sorter.Reserve(largest, shift);
    st.keys.Ensure(largest, false);
    uint16_t* key = st.keys.data();
    for (size_t p = pa; p < pb; ++p) {
      const size_t begin = part_start[p], count = part_start[p + 1] - begin;
      if (count < 2) continue;
      Record* first = rec.data() + begin;
      const bool vet = p >= first_vetoed;
      // The next partition is read while this one is sorted.
      const Record* next = rec.data() + part_start[p + 1];
      const size_t next_count = part_start[std::min(p + 2, parts)] -
                                part_start[p + 1];
      for (size_t i = 0; i < count; ++i) {
        if ((i & 3) == 0 && i < next_count) __builtin_prefetch(next + i);
        key[i] = static_cast<uint16_t>(bucketer(first[i].value, vet) & mask);
      }
      st.sorter.Sort(first, key, count, first);
    }
  });
  PROF("sort");

  // Pass D: ranks from the global order, overall and within groups, each a
  // walk of its own (two threads writing different arrays). No value spans
  // two partitions, and vetoed units start a partition of their own.
  const size_t live = bounds.live;
  const Record* r = rec.data();
  auto overall = [&] {
    WithTies(ties, [&](auto mode) {
      WalkOverall<decltype(mode)::value>(r, n, live, rank);
    });
    // The group walk takes longer; this thread has time for the copy.
    if (composite_out != nullptr) std::copy(comp, comp + n, composite_out);
  };
  auto by_group = [&] {
    ws.state.resize(group_count);
    WithTies(ties, [&](auto mode) {
      WalkGroups<decltype(mode)::value>(r, n, live, ws.state.data(),
                                        group_count, group_rank);
    });
  };
  if (want_groups && threads > 1) {
    ws.pool.Run(2, [&](int t) { t == 0 ? overall() : by_group(); });
  } else {
    overall();
    if (want_groups) by_group();
  }
  PROF("ranks");
  return Status::OK();
}

}  // namespace

Status PrepareWeights(const double* weights, size_t count, bool normalize,
                      std::vector<double>* out) {
  if (weights == nullptr && count > 0)
    return Status::InvalidArgument("weights are missing");
  out->assign(weights, weights + count);
  double sum = 0;
  for (size_t j = 0; j < count; ++j) {
    double w = weights[j];
    if (!std::isfinite(w)) {
      return Status::InvalidArgument("weight " + std::to_string(j) +
                                     " is not finite");
    }
    if (w < 0) {
      return Status::InvalidArgument("weight " + std::to_string(j) +
                                     " is negative (" + std::to_string(w) +
                                     ")");
    }
    sum += w;
  }
  if (count == 0) return Status::OK();
  if (normalize) {
    if (!(sum > 0))
      return Status::InvalidArgument("weights sum to 0; cannot normalise");
    for (double& w : *out) w /= sum;
    return Status::OK();
  }
  if (std::fabs(sum - 1.0) > 1e-9) {
    return Status::InvalidArgument(
        "weights sum to " + std::to_string(sum) +
        ", not 1 (normalise them, or ask for normalisation)");
  }
  return Status::OK();
}

Status RankArrays(const RankInput& in, const RankOptions& options,
                  const RankOutput& out, RankWorkspace* workspace) {
  RankWorkspace local;
  RankWorkspace::Buffers& ws =
      WorkspaceBuffers(workspace != nullptr ? workspace : &local);
  if (out.rank == nullptr)
    return Status::InvalidArgument("rank output is missing");
  if (in.units > 0 && in.indicators > 0 && in.scores == nullptr) {
    return Status::InvalidArgument("scores are missing");
  }
  if (in.units > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::InvalidArgument("too many units for 32-bit ranks");
  }
  std::vector<double> w;
  CW_RETURN_IF_ERROR(
      PrepareWeights(in.weights, in.indicators, options.normalize_weights, &w));
  PROF_START;
  const size_t n = in.units;
  const int threads = ThreadCount(options, n);
  const double* wp = w.data();
  const size_t k = in.indicators;
  const Bucketer bucketer(n, in.vetoed, [&](size_t u) {
    return RowComposite(in.scores + u * k, k, wp);
  });
  PROF("sample");
  internal::PageBuffer<double>& comp = ws.comp;
  comp.Ensure(n, false);
  std::vector<Bounds> parts(static_cast<size_t>(threads));
  auto& counts = PartitionCounts(ws, threads, bucketer);
  ws.buckets.Ensure(n, false);
  ParallelChunks(ws.pool, threads, n, [&](int t, size_t lo, size_t hi) {
    const auto i = static_cast<size_t>(t);
    parts[i] = ComputeChunk(in, wp, bucketer, comp.data(), ws.buckets.data(),
                            counts[i].data(), lo, hi);
    ScanGroups(in.groups, lo, hi, &parts[i]);
  });
  Bounds bounds = MergeBounds(parts);
  PROF("composite");
  if (bounds.first_bad != std::numeric_limits<size_t>::max())
    return BadScore(in, bounds.first_bad);
  // Every input is checked: from here on nothing can fail but allocation, so
  // ranks go straight into the caller's buffers.
  return RankKnown(comp.data(), n, in.groups, bounds, bucketer,
                   threads, options.ties, out.rank, out.group_rank,
                   out.composite, ws);
}

Status RankComposites(const double* composite, size_t units,
                      const uint8_t* vetoed, const int32_t* groups,
                      const RankOptions& options, int32_t* rank,
                      int32_t* group_rank, RankWorkspace* workspace) {
  RankWorkspace local;
  RankWorkspace::Buffers& ws =
      WorkspaceBuffers(workspace != nullptr ? workspace : &local);
  if (rank == nullptr) return Status::InvalidArgument("rank output is missing");
  if (units > 0 && composite == nullptr)
    return Status::InvalidArgument("composites are missing");
  if (units > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
    return Status::InvalidArgument("too many units for 32-bit ranks");
  const int threads = ThreadCount(options, units);
  const Bucketer bucketer(units, vetoed,
                          [&](size_t u) { return composite[u]; });
  std::vector<Bounds> parts(static_cast<size_t>(threads));
  auto& counts = PartitionCounts(ws, threads, bucketer);
  ws.buckets.Ensure(units, false);
  ParallelChunks(ws.pool, threads, units, [&](int t, size_t lo, size_t hi) {
    const auto i = static_cast<size_t>(t);
    parts[i] = ScanComposites(composite, vetoed, bucketer, ws.buckets.data(),
                              counts[i].data(), lo, hi);
    ScanGroups(groups, lo, hi, &parts[i]);
  });
  Bounds bounds = MergeBounds(parts);
  if (bounds.first_bad != std::numeric_limits<size_t>::max()) {
    return Status::InvalidArgument("unit " + std::to_string(bounds.first_bad) +
                                   ": composite is not finite");
  }
  // Equal composites compare equal everywhere below, -0.0 and +0.0 included.
  return RankKnown(composite, units, groups, bounds, bucketer, threads,
                   options.ties, rank, group_rank, nullptr, ws);
}

}  // namespace chuangwen
