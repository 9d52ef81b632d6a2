// The ranking hot path. Passes, each over plain arrays:
//  1. composites (row-parallel; 4 rows interleaved so the left-to-right sums
//     of different rows overlap), with min/max per segment and a finiteness
//     check;
//  2. value-linear bucket ids and per-thread histograms (buckets are
//     monotone in the composite, vetoed units in buckets after all others);
//  3. a stable parallel scatter of (value, unit, group) records by bucket;
//  4. a stable fix-up sort inside the few buckets holding distinct values;
//  5. one linear pass over the global order assigning overall ranks and,
//     from per-group running state, group ranks.
// Expected O(N) overall; no comparison sort of the whole input.
#include "chuangwen/ranking.h"

#include <algorithm>

#include "assessment/page_buffer.h"
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <unordered_map>

namespace chuangwen {
namespace {

struct Record {  // What the scatter moves: 16 bytes.
  double value;
  uint32_t unit;
  int32_t group;
};

struct GroupState {  // Zero bits = the start state.
  int32_t count, dense, competition;
  double last;
  bool last_vetoed;
};

}  // namespace

struct RankWorkspace::Buffers {
  internal::PageBuffer<double> comp;
  internal::PageBuffer<uint32_t> bucket_end;
  std::vector<internal::PageBuffer<uint32_t>> hist;
  internal::PageBuffer<Record> rec;
  internal::PageBuffer<GroupState> state;
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
void ParallelChunks(int threads, size_t n, Body body) {
  if (threads <= 1) {
    body(0, size_t{0}, n);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads - 1));
  auto chunk = [&](int t) {
    return n * static_cast<size_t>(t) / static_cast<size_t>(threads);
  };
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back([&, t] { body(t, chunk(t), chunk(t + 1)); });
  }
  body(0, chunk(0), chunk(1));
  for (auto& th : pool) th.join();
}

struct Segment {  // Non-vetoed or vetoed units.
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  size_t count = 0;
  void Add(double v) {
    min = std::min(min, v);
    max = std::max(max, v);
    ++count;
  }
  void Merge(const Segment& o) {
    min = std::min(min, o.min);
    max = std::max(max, o.max);
    count += o.count;
  }
};

struct Bounds {
  Segment live, vetoed;
  int64_t max_group = -1;
  size_t first_bad =
      std::numeric_limits<size_t>::max();  // Non-finite composite.
  size_t first_negative_group = std::numeric_limits<size_t>::max();
};

#if defined(__x86_64__) && defined(__GNUC__)
// Four rows at a time with AVX2: load a 4×4 block, transpose it in registers
// and add column by column, so each lane sums its row strictly left to right
// with separate multiplies and adds (no FMA), exactly as the scalar loop.
// Returns the first row not done.
__attribute__((target("avx2"))) size_t SumRowsAvx2(const double* s, size_t k,
                                                   const double* w, size_t lo,
                                                   size_t hi, double* out) {
  size_t i = lo;
  const size_t k4 = k / 4 * 4;
  if (k4 == 0) return lo;
  for (; i + 4 <= hi; i += 4) {
    const double* r0 = s + i * k;
    const double* r1 = r0 + k;
    const double* r2 = r1 + k;
    const double* r3 = r2 + k;
    __m256d acc = _mm256_setzero_pd();
    for (size_t j = 0; j < k4; j += 4) {
      __m256d a = _mm256_loadu_pd(r0 + j), b = _mm256_loadu_pd(r1 + j);
      __m256d c = _mm256_loadu_pd(r2 + j), d = _mm256_loadu_pd(r3 + j);
      __m256d t0 = _mm256_unpacklo_pd(a, b), t1 = _mm256_unpackhi_pd(a, b);
      __m256d t2 = _mm256_unpacklo_pd(c, d), t3 = _mm256_unpackhi_pd(c, d);
      __m256d col0 = _mm256_permute2f128_pd(t0, t2, 0x20);
      __m256d col1 = _mm256_permute2f128_pd(t1, t3, 0x20);
      __m256d col2 = _mm256_permute2f128_pd(t0, t2, 0x31);
      __m256d col3 = _mm256_permute2f128_pd(t1, t3, 0x31);
      __m256d p0 = _mm256_mul_pd(col0, _mm256_broadcast_sd(w + j));
      acc = j == 0 ? p0 : _mm256_add_pd(acc, p0);
      acc = _mm256_add_pd(acc,
                          _mm256_mul_pd(col1, _mm256_broadcast_sd(w + j + 1)));
      acc = _mm256_add_pd(acc,
                          _mm256_mul_pd(col2, _mm256_broadcast_sd(w + j + 2)));
      acc = _mm256_add_pd(acc,
                          _mm256_mul_pd(col3, _mm256_broadcast_sd(w + j + 3)));
    }
    _mm256_storeu_pd(out + (i - lo), acc);
    for (size_t j = k4; j < k; ++j) {  // Leftover columns, still in order.
      out[i - lo] += r0[j] * w[j];
      out[i - lo + 1] += r1[j] * w[j];
      out[i - lo + 2] += r2[j] * w[j];
      out[i - lo + 3] += r3[j] * w[j];
    }
  }
  return i;
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

// Sums one chunk of rows; returns per-chunk bounds.
Bounds ComputeChunk(const RankInput& in, const double* w, double* comp,
                    size_t lo, size_t hi) {
  Bounds b;
  const size_t k = in.indicators;
  const double* s = in.scores;
  size_t i = lo;
  auto finish = [&](size_t u, double v) {
    v += 0.0;  // -0.0 → +0.0: equal composites must compare (and key) equal.
    comp[u] = v;
    if (!std::isfinite(v)) {
      b.first_bad = std::min(b.first_bad, u);
      return;
    }
    if (in.vetoed != nullptr && in.vetoed[u] != 0) {
      b.vetoed.Add(v);
    } else {
      b.live.Add(v);
    }
  };
#if defined(__x86_64__) && defined(__GNUC__)
  if (k >= 4 && HasAvx2()) {
    // Blocks of rows into `comp` directly, then their bookkeeping.
    constexpr size_t kBlock = 1024;
    while (i + 4 <= hi) {
      size_t end = std::min(hi, i + kBlock);
      size_t done = SumRowsAvx2(s, k, w, i, end, comp + i);
      for (size_t u = i; u < done; ++u) finish(u, comp[u]);
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
  for (; i < hi; ++i) {
    const double* r = s + i * k;
    double a = k > 0 ? r[0] * w[0] : 0.0;
    for (size_t j = 1; j < k; ++j) a += r[j] * w[j];
    finish(i, a);
  }
  return b;
}

Bounds ScanComposites(const double* comp, const uint8_t* vetoed, size_t lo,
                      size_t hi) {
  Bounds b;
  for (size_t u = lo; u < hi; ++u) {
    double v = comp[u];
    if (!std::isfinite(v)) {
      b.first_bad = std::min(b.first_bad, u);
      continue;
    }
    if (vetoed != nullptr && vetoed[u] != 0) {
      b.vetoed.Add(v);
    } else {
      b.live.Add(v);
    }
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
    all.live.Merge(p.live);
    all.vetoed.Merge(p.vetoed);
    all.max_group = std::max(all.max_group, p.max_group);
    all.first_bad = std::min(all.first_bad, p.first_bad);
    all.first_negative_group =
        std::min(all.first_negative_group, p.first_negative_group);
  }
  return all;
}

// Buckets [0, live.count) for live units and [live.count, n) for vetoed ones,
// descending in value within each segment.
struct Bucketer {
  double live_min, live_scale, vet_min, vet_scale;
  uint32_t live_last, vet_first, vet_last;

  explicit Bucketer(const Bounds& b) {
    auto setup = [](const Segment& s, double* mn, double* scale,
                    uint32_t* last) {
      *last = s.count == 0 ? 0 : static_cast<uint32_t>(s.count - 1);
      *mn = s.count == 0 ? 0.0 : s.min;
      double range = s.count == 0 ? 0.0 : s.max - s.min;
      *scale = range > 0 ? static_cast<double>(*last) / range : 0.0;
      if (!std::isfinite(*scale))
        *scale = 0.0;  // Range overflowed or vanished.
    };
    setup(b.live, &live_min, &live_scale, &live_last);
    setup(b.vetoed, &vet_min, &vet_scale, &vet_last);
    vet_first = static_cast<uint32_t>(b.live.count);
  }
  uint32_t operator()(double v, bool vetoed) const {
    if (vetoed) {
      auto x = static_cast<uint32_t>((v - vet_min) * vet_scale);
      return vet_first + (vet_last - std::min(x, vet_last));
    }
    auto x = static_cast<uint32_t>((v - live_min) * live_scale);
    return live_last - std::min(x, live_last);
  }
};

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

// Passes 2-5, given composites and their bounds.
Status RankKnown(const double* comp, size_t n, const uint8_t* vetoed,
                 const int32_t* groups, const Bounds& bounds, int threads,
                 TieMode ties, int32_t* rank, int32_t* group_rank,
                 RankWorkspace::Buffers& ws) {
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

  // Pass 2: bucket ids and per-thread histograms.
  const Bucketer bucketer(bounds);
  const size_t nb = n;
  std::vector<internal::PageBuffer<uint32_t>>& hist = ws.hist;
  if (hist.size() < static_cast<size_t>(threads))
    hist.resize(static_cast<size_t>(threads));
  ParallelChunks(threads, n, [&](int t, size_t lo, size_t hi) {
    internal::PageBuffer<uint32_t>& h = hist[static_cast<size_t>(t)];
    h.Ensure(nb, true);
    for (size_t u = lo; u < hi; ++u) {
      ++h[bucketer(comp[u], vetoed != nullptr && vetoed[u] != 0)];
    }
  });
  // Offsets: bucket-major, then thread, so that the scatter stays stable. A
  // parallel prefix sum: bucket-range totals first, then each range in turn.
  internal::PageBuffer<uint32_t>& bucket_end = ws.bucket_end;
  bucket_end.Ensure(nb, false);
  std::vector<uint32_t> range_total(static_cast<size_t>(threads) + 1, 0);
  ParallelChunks(threads, nb, [&](int t, size_t lo, size_t hi) {
    uint32_t sum = 0;
    for (size_t b = lo; b < hi; ++b) {
      for (int k = 0; k < threads; ++k) sum += hist[static_cast<size_t>(k)][b];
    }
    range_total[static_cast<size_t>(t) + 1] = sum;
  });
  for (size_t t = 1; t < range_total.size(); ++t)
    range_total[t] += range_total[t - 1];
  ParallelChunks(threads, nb, [&](int t, size_t lo, size_t hi) {
    uint32_t running = range_total[static_cast<size_t>(t)];
    for (size_t b = lo; b < hi; ++b) {
      for (int k = 0; k < threads; ++k) {
        uint32_t c = hist[static_cast<size_t>(k)][b];
        hist[static_cast<size_t>(k)][b] = running;
        running += c;
      }
      bucket_end[b] = running;
    }
  });
  // Pass 3: scatter.
  internal::PageBuffer<Record>& rec = ws.rec;
  rec.Ensure(n, false);
  ParallelChunks(threads, n, [&](int t, size_t lo, size_t hi) {
    internal::PageBuffer<uint32_t>& off = hist[static_cast<size_t>(t)];
    for (size_t u = lo; u < hi; ++u) {
      // Recomputing the bucket is cheaper than storing and re-reading it.
      rec[off[bucketer(comp[u], vetoed != nullptr && vetoed[u] != 0)]++] =
          Record{comp[u], static_cast<uint32_t>(u),
                 groups == nullptr ? 0 : groups[u]};
    }
  });

  // Pass 4: records are in bucket order, so only records sharing a bucket
  // can be out of order. One linear scan finds them; each such bucket is
  // sorted (stably: ties keep unit order). Threads split at bucket edges.
  const size_t live_count = bounds.live.count;
  auto bucket_of = [&](size_t i) {
    return bucketer(rec[i].value, i >= live_count);
  };
  auto sort_bucket = [&](Record* first, Record* last) {
    if (last - first <= 32) {
      for (Record* p = first + 1; p < last; ++p) {
        Record v = *p;
        Record* q = p;
        while (q > first && (q - 1)->value < v.value) {
          *q = *(q - 1);
          --q;
        }
        *q = v;
      }
    } else {
      std::stable_sort(first, last, [](const Record& a, const Record& b) {
        return a.value > b.value;
      });
    }
  };
  ParallelChunks(threads, n, [&](int, size_t lo, size_t hi) {
    auto edge = [&](size_t i) {
      while (i > 0 && i < n && bucket_of(i) == bucket_of(i - 1)) ++i;
      return i;
    };
    lo = edge(lo);
    hi = edge(hi);
    // Buckets only ever hold values no greater than the bucket before, so an
    // insertion step never leaves its bucket; equal values stop it, which
    // keeps ties in unit order. A long shift means a crowded bucket: sort
    // that whole bucket instead.
    for (size_t i = lo + 1; i < hi; ++i) {
      if (rec[i].value <= rec[i - 1].value || i == live_count) continue;
      const Record v = rec[i];
      size_t j = i;
      int steps = 0;
      while (j > lo && rec[j - 1].value < v.value && j != live_count &&
             ++steps <= 32) {
        rec[j] = rec[j - 1];
        --j;
      }
      if (steps > 32) {
        // Undo nothing: the bucket is re-sorted as a whole from its start.
        rec[j] = v;
        uint32_t b = bucketer(v.value, i >= live_count);
        size_t first = b == 0 ? 0 : bucket_end[b - 1];
        size_t last = bucket_end[b];
        sort_bucket(rec.data() + first, rec.data() + last);
        i = last - 1;
        continue;
      }
      rec[j] = v;
    }
  });
  // Pass 5: ranks from the global order.
  internal::PageBuffer<GroupState>& state = ws.state;
  state.Ensure(want_groups ? group_count : 0, true);
  const size_t live = bounds.live.count;
  auto overall = [&] {
    int32_t dense = 0, competition = 0;
    double last = 0;
    for (size_t i = 0; i < n; ++i) {
      const Record& r = rec[i];
      if (i == 0 || r.value != last || i == live) {
        ++dense;
        competition = static_cast<int32_t>(i) + 1;
        last = r.value;
      }
      rank[r.unit] = ties == TieMode::kOrdinal ? static_cast<int32_t>(i) + 1
                     : ties == TieMode::kDense ? dense
                                               : competition;
    }
  };
  auto by_group = [&] {
    for (size_t i = 0; i < n; ++i) {
      const Record& r = rec[i];
      const bool vet = i >= live;
      GroupState& g = state[static_cast<size_t>(r.group)];
      ++g.count;
      if (g.count == 1 || r.value != g.last || vet != g.last_vetoed) {
        ++g.dense;
        g.competition = g.count;
        g.last = r.value;
        g.last_vetoed = vet;
      }
      group_rank[r.unit] = ties == TieMode::kOrdinal ? g.count
                           : ties == TieMode::kDense ? g.dense
                                                     : g.competition;
    }
  };
  // Both walk the same global order; they write different arrays.
  if (want_groups && threads > 1) {
    std::thread helper(by_group);
    overall();
    helper.join();
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
  internal::PageBuffer<double>& comp = ws.comp;
  comp.Ensure(n, false);
  std::vector<Bounds> parts(static_cast<size_t>(threads));
  ParallelChunks(threads, n, [&](int t, size_t lo, size_t hi) {
    parts[static_cast<size_t>(t)] =
        ComputeChunk(in, w.data(), comp.data(), lo, hi);
    ScanGroups(in.groups, lo, hi, &parts[static_cast<size_t>(t)]);
  });
  Bounds bounds = MergeBounds(parts);
  if (bounds.first_bad != std::numeric_limits<size_t>::max())
    return BadScore(in, bounds.first_bad);
  // Every input is checked: from here on nothing can fail but allocation, so
  // ranks go straight into the caller's buffers.
  CW_RETURN_IF_ERROR(RankKnown(comp.data(), n, in.vetoed, in.groups, bounds,
                               threads, options.ties, out.rank, out.group_rank,
                               ws));
  if (out.composite != nullptr) {
    ParallelChunks(threads, n, [&](int, size_t lo, size_t hi) {
      std::copy(comp.data() + lo, comp.data() + hi, out.composite + lo);
    });
  }
  return Status::OK();
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
  const int threads = ThreadCount(options, units);
  std::vector<Bounds> parts(static_cast<size_t>(threads));
  ParallelChunks(threads, units, [&](int t, size_t lo, size_t hi) {
    parts[static_cast<size_t>(t)] = ScanComposites(composite, vetoed, lo, hi);
    ScanGroups(groups, lo, hi, &parts[static_cast<size_t>(t)]);
  });
  Bounds bounds = MergeBounds(parts);
  if (bounds.first_bad != std::numeric_limits<size_t>::max()) {
    return Status::InvalidArgument("unit " + std::to_string(bounds.first_bad) +
                                   ": composite is not finite");
  }
  // -0.0 and +0.0 must rank equal: rank a normalised copy when needed.
  std::vector<double> copy;
  const double* comp = composite;
  for (size_t u = 0; u < units; ++u) {
    if (composite[u] == 0.0 && std::signbit(composite[u])) {
      copy.assign(composite, composite + units);
      for (double& v : copy) v += 0.0;
      comp = copy.data();
      break;
    }
  }
  return RankKnown(comp, units, vetoed, groups, bounds, threads, options.ties,
                   rank, group_rank, ws);
}

}  // namespace chuangwen
