// The ranking, in four passes over plain arrays:
//  1. each unit's composite, as 64 bits whose unsigned order is descending
//     composite order, with every input check on the way;
//  2. a 64-bit key per unit in a bucket (Packing): the bucket takes the top
//     bits of (bits - smallest bits), the key the rest above the unit,
//     non-vetoed units' buckets before vetoed ones';
//  3. vqsort per bucket (buckets split between two threads at about half
//     the units); then runs of equal keys whose composites differ (if bits
//     had to be shifted out) are sorted exactly;
//  4. one walk of the order for overall ranks and, from a running state per
//     group, group ranks.
// docs/ranking.md has the measurements behind each choice.
#include "chuangwen/ranking.h"

#include <hwy/contrib/sort/vqsort.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "assessment/rank_reference.h"

namespace chuangwen {
namespace {

constexpr uint64_t kSign = uint64_t{1} << 63;

// Unsigned order of the result is descending order of the composites
// (finite; -0.0 becomes +0.0 so that equal composites have equal bits).
inline uint64_t DescendingBits(double composite) {
  composite += 0.0;
  uint64_t b;
  std::memcpy(&b, &composite, sizeof b);
  return (b & kSign) != 0 ? b : ~(b | kSign);
}

inline double FromDescendingBits(uint64_t d) {
  const uint64_t b = (d & kSign) != 0 ? d : ~d & ~kSign;
  double v;
  std::memcpy(&v, &b, sizeof v);
  return v;
}

// Inputs smaller than this take the reference ranking, which is faster there.
constexpr size_t kReferenceBelow = 32;
// Two threads when the caller asks for them, from this size (below, starting
// a thread costs about what it saves) ...
constexpr size_t kParallelFrom = size_t{1} << 16;
// ... and when the library decides, from this size: where a second thread
// still paid with the machine's other core busy (docs/ranking.md).
constexpr size_t kDecidedParallelFrom = size_t{1} << 22;

std::atomic<int> default_threads{0};

int ThreadCount(const RankOptions& options, size_t units) {
  int t = options.threads > 0 ? options.threads : default_threads.load();
  const bool library_decides = t <= 0;
  if (library_decides)
    t = static_cast<int>(std::thread::hardware_concurrency());
  if (units < (library_decides ? kDecidedParallelFrom : kParallelFrom))
    return 1;
  return std::clamp(t, 1, 2);  // The passes are memory-bound: two suffice.
}

// Runs f(t, lo, hi) over `threads` even parts of [0, n), part 0 here.
template <typename F>
void Parallel(int threads, size_t n, const F& f) {
  std::vector<std::thread> helpers;
  const auto parts = static_cast<size_t>(threads);
  for (size_t t = 1; t < parts; ++t)
    helpers.emplace_back([&, t] { f(t, n * t / parts, n * (t + 1) / parts); });
  f(0, 0, n / parts);
  for (std::thread& h : helpers) h.join();
}

// What pass 1 learns of a part of the units.
struct Scan {
  size_t bad_composite = SIZE_MAX;  // First unit with a non-finite one.
  size_t bad_group = SIZE_MAX;      // First unit with a negative group.
  int32_t max_group = 0;
  uint64_t min_bits = UINT64_MAX, max_bits = 0;
};

// Row sums of four units at once: four independent chains of adds keep the
// floating-point unit busy where one chain would wait on each add.
void Composites4(const double* rows, size_t k, const double* w, double* c) {
  const double* r0 = rows;
  const double* r1 = rows + k;
  const double* r2 = rows + 2 * k;
  const double* r3 = rows + 3 * k;
  double a0 = r0[0] * w[0], a1 = r1[0] * w[0], a2 = r2[0] * w[0],
         a3 = r3[0] * w[0];
  for (size_t j = 1; j < k; ++j) {
    a0 += r0[j] * w[j];
    a1 += r1[j] * w[j];
    a2 += r2[j] * w[j];
    a3 += r3[j] * w[j];
  }
  c[0] = a0, c[1] = a1, c[2] = a2, c[3] = a3;
}

double Composite(const double* row, size_t k, const double* w) {
  if (k == 0) return 0;
  double a = row[0] * w[0];
  for (size_t j = 1; j < k; ++j) a += row[j] * w[j];
  return a;
}

// Pass 1 over units [lo, hi). `composite_of(u, count, out)` writes count
// (at most 4) composites from unit u.
template <typename Composites>
Scan ComputeBits(size_t lo, size_t hi, const Composites& composite_of,
                 const int32_t* groups, uint64_t* bits) {
  Scan scan;
  double c[4];
  for (size_t u = lo; u < hi; u += 4) {
    const size_t count = std::min<size_t>(4, hi - u);
    composite_of(u, count, c);
    for (size_t i = 0; i < count; ++i) {
      if (!std::isfinite(c[i]))
        scan.bad_composite = std::min(scan.bad_composite, u + i);
      const uint64_t b = DescendingBits(c[i]);
      bits[u + i] = b;
      scan.min_bits = std::min(scan.min_bits, b);
      scan.max_bits = std::max(scan.max_bits, b);
    }
  }
  if (groups != nullptr) {
    for (size_t u = lo; u < hi; ++u) {
      if (groups[u] < 0) scan.bad_group = std::min(scan.bad_group, u);
      scan.max_group = std::max(scan.max_group, groups[u]);
    }
  }
  return scan;
}

// Pass 2's packing. Units go to buckets by the top `bucket_bits` of
// (bits - min_bits), vetoed units to buckets of their own after all others;
// within a bucket a key is the rest of those bits, shifted right by `shift`
// if they do not fit above the unit. Key order within a bucket is then
// (composite descending, unit), except that composites differing only in the
// bits shifted out compare equal and fall back to unit order (pass 3 puts
// them right). Buckets cost a pass-2 stream each and spare the sort and the
// fix-ups those bits.
struct Packing {
  uint64_t min_bits = 0;
  int unit_bits = 0;    // The unit's, at the bottom of a key.
  int bucket_bits = 0;  // Of (bits - min_bits), at its top.
  int value_bits = 0;   // Of (bits - min_bits) below the bucket's.
  int shift = 0;        // Of those value bits.
  size_t buckets() const { return size_t{1} << bucket_bits; }
  size_t Bucket(uint64_t bits, bool vetoed) const {
    const uint64_t v = bits - min_bits;
    return (value_bits >= 64 ? 0 : static_cast<size_t>(v >> value_bits)) +
           (vetoed ? buckets() : 0);
  }
  uint64_t Key(uint64_t bits, size_t unit) const {
    const uint64_t v = bits - min_bits;
    const uint64_t value =
        value_bits >= 64 ? v : v & ((uint64_t{1} << value_bits) - 1);
    return ((value >> shift) << unit_bits) | unit;
  }
  size_t Unit(uint64_t key) const {
    return static_cast<size_t>(key & ((uint64_t{1} << unit_bits) - 1));
  }
};

constexpr int kMaxBucketBits = 14;

int BitWidth(uint64_t v) { return v == 0 ? 0 : 64 - __builtin_clzll(v); }

Packing PackingFor(size_t n, uint64_t min_bits, uint64_t max_bits,
                   int threads) {
  Packing p;
  p.min_bits = min_bits;
  p.unit_bits = BitWidth(n - 1);
  const int width = BitWidth(max_bits - min_bits);
  const int room = 64 - p.unit_bits;
  // Buckets for the bits that do not fit, and a few for a second thread.
  p.bucket_bits = std::min(
      {std::max(width - room, threads > 1 ? 4 : 0), kMaxBucketBits, width});
  p.value_bits = width - p.bucket_bits;
  p.shift = std::max(0, p.value_bits - room);
  return p;
}

// Sorts each run of equal keys in [first, last) whose composites differ
// (the shift dropped the bits that tell them apart) by (composite, unit),
// and marks in `breaks` (bit i for keys[i]) where a new composite starts
// inside such a run. A run's composites share all but their low `shift`
// bits, so those bits above the unit make exact keys for the run. Its units
// ascend, so their composites are read in address order.
void SortNearTies(const hwy::Sorter& sorter, uint64_t* keys, size_t first,
                  size_t last, const uint64_t* bits, const Packing& packing,
                  std::vector<uint64_t>* breaks) {
  const uint64_t low_mask = (uint64_t{1} << packing.shift) - 1;
  std::vector<uint64_t> run;
  while (first != last) {
    const uint64_t prefix = keys[first] >> packing.unit_bits;
    size_t end = first + 1;
    while (end != last && (keys[end] >> packing.unit_bits) == prefix) ++end;
    if (end - first > 1) {
      run.clear();
      bool differ = false;
      for (size_t i = first; i < end; ++i) {
        const size_t unit = packing.Unit(keys[i]);
        run.push_back((((bits[unit] - packing.min_bits) & low_mask)
                       << packing.unit_bits) |
                      unit);
        differ |= (run.back() ^ run.front()) >> packing.unit_bits != 0;
      }
      if (differ && run.size() < 128) {
        std::sort(run.begin(), run.end());  // vqsort's setup costs more here.
      } else if (differ) {
        sorter(run.data(), run.size(), hwy::SortAscending());
      }
      if (differ) {
        for (size_t i = first; i < end; ++i) {
          keys[i] =
              (prefix << packing.unit_bits) | packing.Unit(run[i - first]);
          if (i > first &&
              (run[i - first] ^ run[i - first - 1]) >> packing.unit_bits != 0)
            (*breaks)[i / 64] |= uint64_t{1} << (i % 64);
        }
      }
    }
    first = end;
  }
}

// A group's state in the walk.
struct GroupRun {
  int32_t count = 0;       // Members so far.
  int32_t dense = 0;       // Distinct (vetoed, composite) so far.
  int32_t first = 0;       // Position in the group of its last run's first.
  int32_t last_class = 0;  // The walk's overall dense rank of its last one.
};

}  // namespace

struct RankWorkspace::Buffers {
  // Left uninitialised: the passes fill them.
  std::unique_ptr<uint64_t[]> bits, keys;
  size_t capacity = 0;
  std::vector<GroupRun> runs;
  std::vector<int32_t> dense_group;            // Per unit, when ids are sparse.
  std::vector<uint64_t> breaks, breaks_other;  // Pass 3's, per thread.
  hwy::Sorter sorter;

  void Reserve(size_t n) {
    if (n <= capacity) return;
    bits.reset(new uint64_t[n]);
    keys.reset(new uint64_t[n]);
    capacity = n;
  }
};

RankWorkspace::RankWorkspace() : buffers_(std::make_unique<Buffers>()) {}
RankWorkspace::~RankWorkspace() = default;
RankWorkspace::Buffers& WorkspaceBuffers(RankWorkspace* workspace) {
  return *workspace->buffers_;
}

namespace {

// Ids far sparser than the units become dense ones, so that the walk's
// per-group table stays the size of the input.
const int32_t* DenseGroups(const int32_t* groups, size_t n,
                           std::vector<int32_t>* dense, size_t* count) {
  std::vector<int32_t> ids(groups, groups + n);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  dense->resize(n);
  for (size_t u = 0; u < n; ++u) {
    (*dense)[u] = static_cast<int32_t>(
        std::lower_bound(ids.begin(), ids.end(), groups[u]) - ids.begin());
  }
  *count = ids.size();
  return dense->data();
}

// Pass 4, over the units in order (non-vetoed first). A key ties with the
// one before it when both have equal composite bits in one bucket with no
// break between them. The overall dense rank names each (vetoed, composite)
// class, so a group member ties with the one before it in its group when
// their classes match.
void Walk(const uint64_t* keys, size_t n, const uint64_t* breaks,
          const Packing& packing, const int32_t* groups, TieMode ties,
          GroupRun* runs, int32_t* rank, int32_t* group_rank) {
  int32_t dense = 0, first = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t unit = packing.Unit(keys[i]);
    const auto position = static_cast<int32_t>(i + 1);
    const bool tie =
        i != 0 && (breaks[i / 64] >> (i % 64) & 1) == 0 &&
        (keys[i] >> packing.unit_bits) == (keys[i - 1] >> packing.unit_bits);
    if (!tie) {
      ++dense;
      first = position;
    }
    rank[unit] = ties == TieMode::kOrdinal ? position
                 : ties == TieMode::kDense ? dense
                                           : first;
    if (group_rank == nullptr) continue;
    GroupRun& run = runs[groups != nullptr ? groups[unit] : 0];
    ++run.count;
    if (run.last_class != dense) {
      ++run.dense;
      run.first = run.count;
      run.last_class = dense;
    }
    group_rank[unit] = ties == TieMode::kOrdinal ? run.count
                       : ties == TieMode::kDense ? run.dense
                                                 : run.first;
  }
}

Status CheckCounts(size_t units) {
  if (units > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
    return Status::InvalidArgument("too many units for 32-bit ranks");
  return Status::OK();
}

Status BadScore(const RankInput& in, size_t unit) {
  for (size_t j = 0; j < in.indicators; ++j) {
    const double v = in.scores[unit * in.indicators + j];
    if (!std::isfinite(v)) {
      return Status::InvalidArgument(
          "unit " + std::to_string(unit) + ", indicator " + std::to_string(j) +
          ": score is " + (std::isnan(v) ? "NaN" : "infinite"));
    }
  }
  return Status::InvalidArgument("unit " + std::to_string(unit) +
                                 ": composite is not finite");
}

// Everything after the inputs' own checks.
template <typename Composites>
Status RankUnits(size_t n, const Composites& composite_of,
                 const uint8_t* vetoed, const int32_t* groups,
                 const RankOptions& options, const RankOutput& out,
                 RankWorkspace* workspace,
                 const std::function<Status(size_t)>& bad_composite) {
  RankWorkspace local;
  RankWorkspace::Buffers& ws =
      WorkspaceBuffers(workspace != nullptr ? workspace : &local);
  const int threads = ThreadCount(options, n);
  const auto parts = static_cast<size_t>(threads);
  ws.Reserve(n);
  uint64_t* bits = ws.bits.get();
  std::vector<Scan> scans(parts);
  Parallel(threads, n, [&](size_t t, size_t lo, size_t hi) {
    scans[t] = ComputeBits(lo, hi, composite_of, groups, bits);
  });
  Scan all;
  for (const Scan& s : scans) {
    all.bad_composite = std::min(all.bad_composite, s.bad_composite);
    all.bad_group = std::min(all.bad_group, s.bad_group);
    all.max_group = std::max(all.max_group, s.max_group);
    all.min_bits = std::min(all.min_bits, s.min_bits);
    all.max_bits = std::max(all.max_bits, s.max_bits);
  }
  if (all.bad_composite != SIZE_MAX) return bad_composite(all.bad_composite);
  if (all.bad_group != SIZE_MAX) {
    return Status::InvalidArgument(
        "unit " + std::to_string(all.bad_group) + ": group id " +
        std::to_string(groups[all.bad_group]) + " is negative");
  }
  // Every input is checked; from here on only allocation can fail.
  if (out.composite != nullptr) {
    Parallel(threads, n, [&](size_t, size_t lo, size_t hi) {
      for (size_t u = lo; u < hi; ++u)
        out.composite[u] = FromDescendingBits(bits[u]);
    });
  }
  if (n < kReferenceBelow) {
    double comp[kReferenceBelow];
    for (size_t u = 0; u < n; ++u) comp[u] = FromDescendingBits(bits[u]);
    internal::ReferenceRank(comp, n, vetoed, groups, options.ties, out.rank,
                            out.group_rank);
    return Status::OK();
  }
  const Packing packing = PackingFor(n, all.min_bits, all.max_bits, threads);
  const size_t part_count = 2 * packing.buckets();
  // Pass 2: count each thread's units per bucket, then place their keys.
  std::vector<size_t> start(part_count * parts + 1, 0);  // Bucket × thread.
  Parallel(threads, n, [&](size_t t, size_t lo, size_t hi) {
    for (size_t u = lo; u < hi; ++u)
      ++start[1 +
              packing.Bucket(bits[u], vetoed != nullptr && vetoed[u] != 0) *
                  parts +
              t];
  });
  for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  uint64_t* keys = ws.keys.get();
  Parallel(threads, n, [&](size_t t, size_t lo, size_t hi) {
    std::vector<size_t> next(part_count);
    for (size_t b = 0; b < part_count; ++b) next[b] = start[b * parts + t];
    for (size_t u = lo; u < hi; ++u) {
      const size_t b =
          packing.Bucket(bits[u], vetoed != nullptr && vetoed[u] != 0);
      keys[next[b]++] = packing.Key(bits[u], u);
    }
  });
  auto bucket_start = [&](size_t b) { return start[b * parts]; };
  // Pass 3, bucket by bucket. A walk must not carry a tie into a bucket:
  // each bucket's first key is marked as a break.
  const bool shifted = packing.shift > 0;
  ws.breaks.assign(n / 64 + 1, 0);
  ws.breaks_other.assign(threads > 1 && shifted ? n / 64 + 1 : 0, 0);
  for (size_t b = 0; b < part_count; ++b) {
    const size_t i = bucket_start(b);
    ws.breaks[i / 64] |= uint64_t{1} << (i % 64);
  }
  auto sort_buckets = [&](const hwy::Sorter& sorter, size_t first_bucket,
                          size_t last_bucket, std::vector<uint64_t>* breaks) {
    for (size_t b = first_bucket; b < last_bucket; ++b) {
      const size_t lo = bucket_start(b), hi = bucket_start(b + 1);
      if (hi - lo < 2) continue;
      sorter(keys + lo, hi - lo, hwy::SortAscending());
      if (shifted) SortNearTies(sorter, keys, lo, hi, bits, packing, breaks);
    }
  };
  if (threads > 1) {
    // The first buckets holding about half the units go to the other
    // thread, with a break table of its own (two threads may write one word
    // at the border).
    size_t split = 0;
    while (split < part_count && bucket_start(split + 1) <= n / 2) ++split;
    std::thread other(
        [&] { sort_buckets(ws.sorter, 0, split, &ws.breaks_other); });
    hwy::Sorter sorter;  // A Sorter is not shared between threads.
    sort_buckets(sorter, split, part_count, &ws.breaks);
    other.join();
    for (size_t i = 0; i < ws.breaks_other.size(); ++i)
      ws.breaks[i] |= ws.breaks_other[i];
  } else {
    sort_buckets(ws.sorter, 0, part_count, &ws.breaks);
  }
  if (out.group_rank != nullptr) {
    size_t group_count = static_cast<size_t>(all.max_group) + 1;
    if (groups != nullptr && group_count > 2 * n + 1024)
      groups = DenseGroups(groups, n, &ws.dense_group, &group_count);
    ws.runs.assign(group_count, GroupRun{});
  }
  Walk(keys, n, ws.breaks.data(), packing, groups, options.ties, ws.runs.data(),
       out.rank, out.group_rank);
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
    const double w = weights[j];
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
  if (out.rank == nullptr)
    return Status::InvalidArgument("rank output is missing");
  if (in.units > 0 && in.indicators > 0 && in.scores == nullptr)
    return Status::InvalidArgument("scores are missing");
  CW_RETURN_IF_ERROR(CheckCounts(in.units));
  if (in.indicators != 0 && in.units > std::numeric_limits<size_t>::max() /
                                           sizeof(double) / in.indicators) {
    return Status::InvalidArgument("units × indicators overflows memory");
  }
  std::vector<double> w;
  CW_RETURN_IF_ERROR(
      PrepareWeights(in.weights, in.indicators, options.normalize_weights, &w));
  const size_t k = in.indicators;
  const double* wp = w.data();
  const double* scores = in.scores;
  auto composite_of = [&](size_t u, size_t count, double* c) {
    if (count == 4 && k > 0) return Composites4(scores + u * k, k, wp, c);
    for (size_t i = 0; i < count; ++i)
      c[i] = Composite(scores + (u + i) * k, k, wp);
  };
  return RankUnits(in.units, composite_of, in.vetoed, in.groups, options, out,
                   workspace, [&](size_t unit) { return BadScore(in, unit); });
}

Status RankComposites(const double* composite, size_t units,
                      const uint8_t* vetoed, const int32_t* groups,
                      const RankOptions& options, int32_t* rank,
                      int32_t* group_rank, RankWorkspace* workspace) {
  if (rank == nullptr) return Status::InvalidArgument("rank output is missing");
  if (units > 0 && composite == nullptr)
    return Status::InvalidArgument("composites are missing");
  CW_RETURN_IF_ERROR(CheckCounts(units));
  auto composite_of = [&](size_t u, size_t count, double* c) {
    std::copy(composite + u, composite + u + count, c);
  };
  return RankUnits(
      units, composite_of, vetoed, groups, options,
      RankOutput{rank, group_rank, nullptr}, workspace, [](size_t unit) {
        return Status::InvalidArgument("unit " + std::to_string(unit) +
                                       ": composite is not finite");
      });
}

Status SetDefaultRankThreads(int threads, int spin_microseconds) {
  if (threads < 0)
    return Status::InvalidArgument("threads " + std::to_string(threads) +
                                   " is negative");
  if (spin_microseconds < -1)
    return Status::InvalidArgument("spin " + std::to_string(spin_microseconds) +
                                   " is below -1");
  default_threads.store(threads);
  return Status::OK();
}

}  // namespace chuangwen
