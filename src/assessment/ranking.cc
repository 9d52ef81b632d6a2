// The ranking hot path. Passes, each over plain arrays, on the workspace's
// threads:
//  A. composites (blocks of rows taken by threads as they come;
//     composite_kernel.h), a finiteness check, each unit's bucket
//     (rank_buckets.h: monotone in the composite, shaped on a sample,
//     vetoed units after all others) and per-chunk counts of units per
//     partition (2^shift consecutive buckets, about five hundred
//     partitions);
//  B. a stable scatter of (value, unit, group) records into their
//     partitions, buffered per partition and written a few whole lines at
//     a time (scatter.h), not a random write per unit;
//  C. threads take runs of partitions (balanced by records) and sort each
//     inside the cache (partition_sort.h), checking group ids on the way;
//  D. ranks: one walk of the global order for overall ranks (and the
//     composites' copy), another for ranks within groups from per-group
//     running state, on two threads writing arrays of their own (threads
//     writing into the same cache lines would pass them back and forth).
// Expected O(N) overall; no comparison sort of the whole input.
#include "chuangwen/ranking.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "assessment/composite_kernel.h"
#include "assessment/page_buffer.h"
#include "assessment/partition_sort.h"
#include "assessment/rank_buckets.h"
#include "assessment/scatter.h"
#include "assessment/worker_pool.h"

namespace chuangwen {
namespace {

using Record = internal::RankRecord;

// Walks compare values by their bits: one integer compare, and equal
// composites have equal bits (-0.0 is made +0.0, none is NaN).
inline uint64_t Bits(double v) {
  uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}
constexpr uint64_t kNoBits = ~uint64_t{0};  // A NaN's: equal to no value.

// A group's place in the walk of the global order, in one word so that a
// record costs one load and one store of it: the low half counts the
// group's records so far (distinct values for dense ties), the high half is
// one past the position of its last record (0 before the first).
using GroupState = uint64_t;

struct SortThread {  // Pass C scratch of one thread.
  internal::PartitionSorter sorter;
};

}  // namespace

struct RankWorkspace::Buffers {
  internal::WorkerPool pool;  // Declared first: destroyed last.
  internal::PageBuffer<double> comp;
  internal::PageBuffer<uint32_t> buckets;  // Each unit's, in unit order.
  internal::PageBuffer<Record> rec;
  std::vector<GroupState> state;
  std::vector<std::vector<uint32_t>> part_count;   // Per chunk × partition.
  std::vector<std::vector<uint32_t>> block_count;  // Thread × chunk, × part.
  std::vector<SortThread> sorters;                 // Per pass-C thread.
  std::vector<internal::Scatter> scatter;          // Per pass-B thread.
};

RankWorkspace::RankWorkspace() : buffers_(std::make_unique<Buffers>()) {}
RankWorkspace::~RankWorkspace() = default;
RankWorkspace::Buffers& WorkspaceBuffers(RankWorkspace* workspace) {
  return *workspace->buffers_;
}

namespace {

std::atomic<int> default_threads{0};
std::atomic<int> default_spin{-1};

int ThreadCount(const RankOptions& options, size_t units) {
  int hw = static_cast<int>(std::thread::hardware_concurrency());
  int t = options.threads > 0 ? options.threads : default_threads.load();
  if (t <= 0) t = std::max(1, hw);
  // Small inputs are faster on one thread than the cost of starting more.
  if (units < 65536) t = 1;
  return std::min(t, 64);
}

void SetSpin(RankWorkspace::Buffers& ws, const RankOptions& options) {
  int spin = options.spin_microseconds >= 0 ? options.spin_microseconds
                                            : default_spin.load();
  if (spin < 0) spin = 1000;
  ws.pool.set_spin(std::chrono::microseconds(spin));
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
  size_t first_bad =
      std::numeric_limits<size_t>::max();  // Non-finite composite.
};

// Sums one chunk of rows into `comp`, with each unit's bucket in `buckets`
// and partition loads counted into `count`. (Group ids are checked in pass
// C, which reads them anyway; here they were one more stream to read.)
Bounds ComputeChunk(const RankInput& in, const double* w,
                    const internal::RankBuckets& bucketer, double* comp,
                    uint32_t* buckets, uint32_t* count, size_t lo, size_t hi) {
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
  // The vector kernel in blocks; then the fours it left (non-finite sums, or
  // vetoed units when all vetoed values are one) one unit at a time.
  const internal::CompositeBlock block{s,      in.units, k,       w,
                                       vetoed, comp,     buckets, count};
  constexpr size_t kBlock = 1024;
  internal::OddFour odd[kBlock / 4];
  while (i + 4 <= hi) {
    size_t odds = 0;
    const size_t end =
        internal::SumAndBucketAvx2(block, bucketer, i, std::min(hi, i + kBlock),
                                   &b.live, &b.vetoed, odd, &odds);
    if (end == i) break;
    for (size_t q = 0; q < odds; ++q) {
      for (uint32_t l = 0; l < 4; ++l) finish(odd[q].first + l, odd[q].sum[l]);
    }
    i = end;
  }
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

// The same bookkeeping over given composites, copied into `copy` with -0.0
// made +0.0 (the passes after this compare values by their bits).
Bounds ScanComposites(const double* comp, const uint8_t* vetoed,
                      const internal::RankBuckets& bucketer, double* copy,
                      uint32_t* buckets, uint32_t* count, size_t lo,
                      size_t hi) {
  Bounds b;
  for (size_t u = lo; u < hi; ++u) {
    const double v = comp[u] + 0.0;
    copy[u] = v;
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

void Absorb(const Bounds& p, Bounds* all) {
  all->live += p.live;
  all->vetoed += p.vetoed;
  all->first_bad = std::min(all->first_bad, p.first_bad);
}

Bounds MergeBounds(const std::vector<Bounds>& parts) {
  Bounds all;
  for (const Bounds& p : parts) Absorb(p, &all);
  return all;
}

// Where each of `threads` even chunks of [0, n) starts (and n last).
std::vector<size_t> EvenChunks(size_t n, int threads) {
  std::vector<size_t> start(static_cast<size_t>(threads) + 1);
  for (size_t t = 0; t < start.size(); ++t)
    start[t] = n * t / static_cast<size_t>(threads);
  return start;
}

// Per-chunk partition counts (pass B's chunks), sized and zeroed.
std::vector<std::vector<uint32_t>>& PartitionCounts(
    RankWorkspace::Buffers& ws, int threads,
    const internal::RankBuckets& bucketer) {
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
template <typename T>
inline T Choose(bool c, T a, T b) {
  const T mask = static_cast<T>(0) - static_cast<T>(c);
  return b ^ ((a ^ b) & mask);
}

// The outputs' cache lines are written in random order: fetching them ahead
// overlaps the misses. They come from memory (the scores passing through
// have pushed them out of the caches), so ahead means a memory latency's
// worth of records, not a few.
constexpr size_t kAhead = 64;
// The groups' state (80 KB for ten thousand groups) stays in the core's
// second-level cache: a short distance brings it in time and keeps it from
// being pushed out again before use.
constexpr size_t kStateAhead = 16;

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
  auto walk = [&](size_t lo, size_t hi) {
    uint64_t last = kNoBits;
    for (size_t i = lo; i < hi; ++i) {
      if (i + kAhead < n) __builtin_prefetch(rank + r[i + kAhead].unit, 1);
      // Data-dependent: bitwise, so that it compiles without branches.
      const uint64_t bits = Bits(r[i].value);
      const bool fresh = bits != last;
      dense += fresh;
      competition = Choose(fresh, static_cast<int32_t>(i) + 1, competition);
      last = bits;
      rank[r[i].unit] = kTies == TieMode::kOrdinal ? static_cast<int32_t>(i) + 1
                        : kTies == TieMode::kDense ? dense
                                                   : competition;
    }
  };
  walk(0, live);
  walk(live, n);  // Vetoed units never tie with live ones.
}

// Ranks within groups from the global order, from per-group running state.
// A record ties with its group's last one when that one lies inside the
// current run of equal values (the global order puts equal values next to
// each other); for competition ties it then takes that record's rank, read
// back from the output. (Ties within a group are rare when groups are many:
// a branch rather than a select, which would read on every record.)
template <TieMode kTies>
void WalkGroups(const Record* r, size_t n, size_t live, GroupState* state,
                size_t groups, int32_t* group_rank) {
  std::fill(state, state + groups, GroupState{0});
  auto walk = [&](size_t lo, size_t hi) {
    uint64_t last = kNoBits;
    uint64_t run = 0;  // One past the position where the current run starts.
    for (size_t i = lo; i < hi; ++i) {
      if (i + kAhead < n) {
        __builtin_prefetch(state + r[i + kStateAhead].group, 1);
        __builtin_prefetch(group_rank + r[i + kAhead].unit, 1);
      }
      const uint64_t bits = Bits(r[i].value);
      run = Choose<uint64_t>(bits != last, i + 1, run);
      last = bits;
      GroupState& g = state[r[i].group];
      const uint64_t before = g;
      // Inside the run: its last record is at or after the run's start.
      const bool tied = (before >> 32) >= run;
      const uint32_t count = static_cast<uint32_t>(before) +
                             (kTies == TieMode::kDense ? !tied : 1);
      g = (static_cast<uint64_t>(i + 1) << 32) | count;
      int32_t rank = static_cast<int32_t>(count);
      if (kTies == TieMode::kCompetition && __builtin_expect(tied, 0)) {
        rank = group_rank[r[(before >> 32) - 1].unit];
      }
      group_rank[r[i].unit] = rank;
    }
  };
  walk(0, live);
  walk(live, n);  // Vetoed units never tie with live ones, even at equal
                  // values: the second walk starts a run of its own.
}

// Passes B to D, given composites, buckets, bounds and partition counts.
// ws.part_count[t] counts chunk t's units per partition, chunk t being
// [chunk[t], chunk[t + 1]).
Status RankKnown(const double* comp, size_t n, const int32_t* groups,
                 const Bounds& bounds, const internal::RankBuckets& bucketer,
                 int threads, const std::vector<size_t>& chunk, TieMode ties,
                 int32_t* rank, int32_t* group_rank, double* composite_out,
                 RankWorkspace::Buffers& ws) {
  if (n == 0) return Status::OK();
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
  // Pass B: scatter.
  internal::PageBuffer<Record>& rec = ws.rec;
  rec.Ensure(n, false);
  const uint32_t shift = bucketer.shift();
  if (ws.scatter.size() < static_cast<size_t>(threads))
    ws.scatter.resize(static_cast<size_t>(threads));
  for (auto& sc : ws.scatter) sc.Reserve(parts);
  ws.pool.Run(threads, [&](int t) {
    const size_t lo = chunk[static_cast<size_t>(t)];
    const size_t hi = chunk[static_cast<size_t>(t) + 1];
    internal::Scatter& sc = ws.scatter[static_cast<size_t>(t)];
    sc.Start(rec.data(), offset[static_cast<size_t>(t)].data(), parts);
    const uint32_t* bucket = ws.buckets.data();
    sc.PutUnits(lo, hi, bucket, shift, comp, groups);
    sc.Finish();
  });

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
    st.sorter.ResetGroupRange();
    for (size_t p = pa; p < pb; ++p) {
      const size_t begin = part_start[p], count = part_start[p + 1] - begin;
      // Partitions are read in order, which the hardware's prefetcher
      // follows; asking for the whole next partition at once (hundreds of
      // lines) stalled the sort behind the requests.
      if (count == 0) continue;
      // Buckets again from the values: pass A's, stored by unit, would be a
      // random read per record here.
      const bool vet = p >= first_vetoed;
      st.sorter.SortMapped(rec.data() + begin, count, bucketer.map(vet),
                           bucketer.last(vet));
    }
  });

  // Group ids, as pass C saw them: none negative; sparse huge ones (they
  // index a state table) renumbered in the records.
  int64_t min_group = std::numeric_limits<int32_t>::max(), max_group = -1;
  for (size_t t = 0; t < ns; ++t) {
    const internal::PartitionSorter& sorter = ws.sorters[t].sorter;
    min_group = std::min<int64_t>(min_group, sorter.group_min());
    max_group = std::max<int64_t>(max_group, sorter.group_max());
  }
  if (groups != nullptr && min_group < 0) {
    const auto u = static_cast<size_t>(
        std::find_if(groups, groups + n, [](int32_t g) { return g < 0; }) -
        groups);
    return Status::InvalidArgument("unit " + std::to_string(u) + ": group id " +
                                   std::to_string(groups[u]) + " is negative");
  }
  if (groups != nullptr && want_groups &&
      max_group >= static_cast<int64_t>(4 * n + 65536)) {
    std::unordered_map<int32_t, int32_t> ids;
    for (size_t u = 0; u < n; ++u)
      ids.emplace(groups[u], static_cast<int32_t>(ids.size()));
    for (size_t i = 0; i < n; ++i)
      rec.data()[i].group = ids[rec.data()[i].group];
    max_group = static_cast<int64_t>(ids.size()) - 1;
  }
  const size_t group_count =
      groups == nullptr
          ? 1
          : static_cast<size_t>(std::max<int64_t>(max_group, 0)) + 1;

  // Pass D: ranks from the global order, overall and within groups, each a
  // walk of its own (two threads writing different arrays). No value spans
  // two partitions, and vetoed units start a partition of their own.
  const size_t live = bounds.live;
  const Record* r = rec.data();
  // The composites' copy in pieces, taken by whichever walk ends first.
  constexpr size_t kCopyPiece = 16384;
  std::atomic<size_t> next_piece{0};
  auto copy_composites = [&] {
    if (composite_out == nullptr) return;
    for (;;) {
      const size_t lo =
          next_piece.fetch_add(1, std::memory_order_relaxed) * kCopyPiece;
      if (lo >= n) break;
      std::copy(comp + lo, comp + std::min(n, lo + kCopyPiece),
                composite_out + lo);
    }
  };
  auto overall = [&] {
    WithTies(ties, [&](auto mode) {
      WalkOverall<decltype(mode)::value>(r, n, live, rank);
    });
    copy_composites();
  };
  // Allocated before any output is written: nothing below can fail.
  if (want_groups) ws.state.resize(group_count);
  auto by_group = [&] {
    WithTies(ties, [&](auto mode) {
      WalkGroups<decltype(mode)::value>(r, n, live, ws.state.data(),
                                        group_count, group_rank);
    });
    copy_composites();
  };
  if (want_groups && threads > 1) {
    ws.pool.Run(2, [&](int t) { t == 0 ? overall() : by_group(); });
  } else {
    overall();
    if (want_groups) by_group();
  }
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
  const size_t n = in.units;
  const int threads = ThreadCount(options, n);
  SetSpin(ws, options);
  const double* wp = w.data();
  const size_t k = in.indicators;
  const internal::RankBuckets bucketer(
      n, in.vetoed,
      [&](size_t u) { return RowComposite(in.scores + u * k, k, wp); },
      [&](size_t first, size_t count) {
        const char* row = reinterpret_cast<const char*>(in.scores + first * k);
        for (size_t b = 0; b < count * k * sizeof(double); b += 64)
          __builtin_prefetch(row + b);
      },
      threads,
      [&](size_t runs, auto read) {  // The sample's rows on every thread.
        ParallelChunks(ws.pool, threads, runs,
                       [&](int t, size_t lo, size_t hi) { read(t, lo, hi); });
      });
  internal::PageBuffer<double>& comp = ws.comp;
  comp.Ensure(n, false);
  // Pass A in blocks that threads take as they come (one core may well be
  // slower than another, e.g. the one taking the machine's interrupts).
  // Pass B's chunks are runs of whole blocks, so each block's counts go to
  // its chunk's: a table per thread and chunk, summed afterwards.
  const auto ns = static_cast<size_t>(threads);
  constexpr size_t kBlockRows = 16384;
  const size_t blocks = (n + kBlockRows - 1) / kBlockRows;
  std::vector<size_t> first_block(ns + 1), chunk(ns + 1);
  for (size_t c = 0; c <= ns; ++c) {
    first_block[c] = blocks * c / ns;
    chunk[c] = std::min(n, first_block[c] * kBlockRows);
  }
  std::vector<Bounds> parts(ns);
  // Zeroed and later summed on the threads: the ns × ns tables grow with
  // the square of the thread count (two million entries at 64 threads), too
  // many for one thread between passes.
  const size_t partitions = bucketer.partitions();
  ws.block_count.resize(ns * ns);
  ws.buckets.Ensure(n, false);
  std::atomic<size_t> next_block{0};
  ws.pool.Run(threads, [&](int t) {
    const auto ti = static_cast<size_t>(t);
    for (size_t c = 0; c < ns; ++c)
      ws.block_count[ti * ns + c].assign(partitions, 0);
    for (;;) {
      const size_t b = next_block.fetch_add(1, std::memory_order_relaxed);
      if (b >= blocks) break;
      const size_t c = static_cast<size_t>(
          std::upper_bound(first_block.begin(), first_block.end(), b) -
          first_block.begin() - 1);
      const size_t lo = b * kBlockRows, hi = std::min(n, lo + kBlockRows);
      Absorb(ComputeChunk(in, wp, bucketer, comp.data(), ws.buckets.data(),
                          ws.block_count[ti * ns + c].data(), lo, hi),
             &parts[ti]);
    }
  });
  Bounds bounds = MergeBounds(parts);
  if (bounds.first_bad != std::numeric_limits<size_t>::max())
    return BadScore(in, bounds.first_bad);
  // Chunk c's counts: the sum of every thread's table for it.
  ws.part_count.resize(ns);
  ParallelChunks(ws.pool, threads, ns, [&](int, size_t lo, size_t hi) {
    for (size_t c = lo; c < hi; ++c) {
      std::vector<uint32_t>& to = ws.part_count[c];
      to.assign(partitions, 0);
      for (size_t t = 0; t < ns; ++t) {
        const uint32_t* from = ws.block_count[t * ns + c].data();
        for (size_t p = 0; p < partitions; ++p) to[p] += from[p];
      }
    }
  });
  // Every input is checked: from here on nothing can fail but allocation, so
  // ranks go straight into the caller's buffers.
  return RankKnown(comp.data(), n, in.groups, bounds, bucketer, threads, chunk,
                   options.ties, out.rank, out.group_rank, out.composite, ws);
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
  SetSpin(ws, options);
  const internal::RankBuckets bucketer(units, vetoed,
                                       [&](size_t u) { return composite[u]; });
  std::vector<Bounds> parts(static_cast<size_t>(threads));
  auto& counts = PartitionCounts(ws, threads, bucketer);
  ws.buckets.Ensure(units, false);
  ws.comp.Ensure(units, false);
  ParallelChunks(ws.pool, threads, units, [&](int t, size_t lo, size_t hi) {
    const auto i = static_cast<size_t>(t);
    parts[i] = ScanComposites(composite, vetoed, bucketer, ws.comp.data(),
                              ws.buckets.data(), counts[i].data(), lo, hi);
  });
  Bounds bounds = MergeBounds(parts);
  if (bounds.first_bad != std::numeric_limits<size_t>::max()) {
    return Status::InvalidArgument("unit " + std::to_string(bounds.first_bad) +
                                   ": composite is not finite");
  }
  return RankKnown(ws.comp.data(), units, groups, bounds, bucketer, threads,
                   EvenChunks(units, threads), options.ties, rank, group_rank,
                   nullptr, ws);
}

Status SetDefaultRankThreads(int threads, int spin_microseconds) {
  if (threads < 0)
    return Status::InvalidArgument("threads " + std::to_string(threads) +
                                   " is negative");
  if (spin_microseconds < -1)
    return Status::InvalidArgument("spin " + std::to_string(spin_microseconds) +
                                   " is below -1");
  default_threads.store(threads);
  default_spin.store(spin_microseconds);
  return Status::OK();
}

}  // namespace chuangwen
