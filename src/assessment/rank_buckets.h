// Buckets for the ranking order, monotone in the composite. BucketMap is
// linear over the range of a sample of the values, with everything outside
// that range in the end buckets. Shaping it on a sample lets the buckets be
// computed in the same pass as the composites, and keeps a few extreme values
// from squeezing everything else into a handful of buckets. Any input still
// sorts correctly: a crowded bucket only costs time, never order. (A map
// following the sample's distribution spread the loads a little better but
// cost more per value than it saved; and weighted sums on a grid come in
// clusters of nearly equal values that no bucketing separates.)
// Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_RANK_BUCKETS_H_
#define CHUANGWEN_SRC_ASSESSMENT_RANK_BUCKETS_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace chuangwen::internal {

class BucketMap {
 public:
  // `sample` holds finite values. Buckets are [0, buckets), ascending.
  void Build(const std::vector<double>& sample, uint32_t buckets) {
    if (sample.empty()) return Build(0, 0, 0, buckets);
    auto [mn, mx] = std::minmax_element(sample.begin(), sample.end());
    Build(*mn, *mx, sample.size(), buckets);
  }
  // The same from the least and greatest of `count` sampled values.
  void Build(double least, double greatest, size_t count, uint32_t buckets) {
    last_ = std::max<uint32_t>(buckets, 1) - 1;
    if (count == 0) return;
    lo_ = least;
    const double range = greatest - least;
    scale_ = range > 0 ? last_ / range : 0.0;
    if (!std::isfinite(scale_)) scale_ = 0;  // A range too wide for doubles.
  }

  // The map's terms, for a vectorised copy of operator() (linear() false:
  // the single-value case, which has none).
  bool linear() const { return scale_ != 0; }
  double lo() const { return lo_; }
  double scale() const { return scale_; }
  uint32_t last() const { return last_; }

  // Monotone: v <= w implies (*this)(v) <= (*this)(w).
  uint32_t operator()(double v) const {
    if (scale_ == 0) return v < lo_ ? 0 : v > lo_ ? last_ : last_ / 2;
    double t = (v - lo_) * scale_;
    t = t > 0 ? t : 0;
    const double top = last_;
    return static_cast<uint32_t>(t < top ? t : top);
  }

 private:
  uint32_t last_ = 0;
  double lo_ = 0, scale_ = 0;
};

// Buckets, in ranking order: live units' buckets descending in value, then
// (from a partition boundary) vetoed units' buckets descending. A partition
// is 2^shift consecutive buckets.
class RankBuckets {
 public:
  // Shapes the maps on a sample of `units` values; value(u) gives unit u's
  // composite (not necessarily finite).
  template <typename Value>
  RankBuckets(size_t units, const uint8_t* vetoed, Value value)
      : RankBuckets(units, vetoed, value, [](size_t, size_t) {}) {}

  // The same; ahead(first, count) is told of the rows of the next run of
  // the sample before this one is read, for it to ask memory for them.
  template <typename Value, typename Ahead>
  RankBuckets(size_t units, const uint8_t* vetoed, Value value, Ahead ahead)
      : RankBuckets(units, vetoed, value, ahead, 1,
                    [](size_t runs, auto read) { read(0, 0, runs); }) {}

  // The same, the sample read in `parts` parts: split(runs, read) must call
  // read(part, first_run, end_run) for parts of [0, runs) that cover it
  // once, each part under its own number below `parts` (threads may read
  // parts at once). The result does not depend on the split.
  template <typename Value, typename Ahead, typename Split>
  RankBuckets(size_t units, const uint8_t* vetoed, Value value, Ahead ahead,
              int parts, Split split) {
    const std::vector<size_t> first = SampleRuns(units);
    std::vector<Extent> extent(static_cast<size_t>(std::max(parts, 1)));
    split(first.size(), [&](int part, size_t r0, size_t r1) {
      Extent& e = extent[static_cast<size_t>(part)];
      for (size_t r = r0; r < r1; ++r) {
        if (r + 1 < r1)
          ahead(first[r + 1], std::min(kRun, units - first[r + 1]));
        for (size_t u = first[r]; u < std::min(units, first[r] + kRun); ++u) {
          const double v = value(u);
          if (std::isfinite(v)) e.Take(v, vetoed != nullptr && vetoed[u] != 0);
        }
      }
    });
    for (size_t q = 1; q < extent.size(); ++q) extent[0].Merge(extent[q]);
    Shape(units, vetoed != nullptr, extent[0]);
  }

  uint32_t operator()(double v, bool vetoed) const {
    return vetoed ? vet_last_ - vet_(v) : live_last_ - live_(v);
  }
  uint32_t shift() const { return shift_; }
  const BucketMap& live_map() const { return live_; }
  uint32_t live_last() const { return live_last_; }
  // operator()(v, vetoed) is last(vetoed) - map(vetoed)(v).
  const BucketMap& map(bool vetoed) const { return vetoed ? vet_ : live_; }
  uint32_t last(bool vetoed) const { return vetoed ? vet_last_ : live_last_; }
  size_t partitions() const { return (size_t{vet_last_} >> shift_) + 1; }
  size_t first_vetoed_partition() const { return vet_first_ >> shift_; }

 private:
  // Few enough that pass B's buffers (half a kilobyte each) stay
  // close to the core; a partition of a million units (about 2000 records,
  // 32 KB) still sorts inside the cache. 2048 made pass B slower by more
  // than it made pass C faster.
  static constexpr size_t kPartitions = 512;
  // The sample: up to kSample values, in runs of kRun adjacent rows.
  static constexpr size_t kRun = 16, kSample = 4096;

  // The least and greatest of `count` sampled values.
  struct Range {
    double lo = 0, hi = 0;
    size_t count = 0;
    void Take(double v) { Merge(Range{v, v, 1}); }
    void Merge(const Range& o) {
      if (o.count == 0) return;
      lo = count == 0 ? o.lo : std::min(lo, o.lo);
      hi = count == 0 ? o.hi : std::max(hi, o.hi);
      count += o.count;
    }
  };
  struct Extent {  // The sample's live and vetoed values.
    Range live, vet;
    void Take(double v, bool vetoed) { (vetoed ? vet : live).Take(v); }
    void Merge(const Extent& o) {
      live.Merge(o.live);
      vet.Merge(o.vet);
    }
  };

  // Where each run of the sample starts: every row of a small input; else
  // runs of adjacent rows (cheap to read) at scattered places, a fixed
  // pseudo-random offset in each stride (no aliasing with periodic data,
  // and reproducible).
  static std::vector<size_t> SampleRuns(size_t units) {
    std::vector<size_t> first;
    if (units <= kSample) {
      for (size_t u = 0; u < units; u += kRun) first.push_back(u);
      return first;
    }
    const size_t runs = kSample / kRun, stride = units / runs;
    uint64_t x = 0x9e3779b97f4a7c15u;
    for (size_t r = 0; r < runs; ++r) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      first.push_back(r * stride + (stride > kRun ? x % (stride - kRun) : 0));
    }
    return first;
  }

  void Shape(size_t units, bool any_vetoed, const Extent& e) {
    // About a bucket per unit (more do not help: values that differ only in
    // their last bits share any bucket), split by the sample's share of
    // vetoed units.
    const size_t sampled = std::max<size_t>(1, e.live.count + e.vet.count);
    const size_t vet_buckets =
        !any_vetoed ? 1 : std::max<size_t>(16, units * e.vet.count / sampled);
    const size_t live_buckets =
        std::max<size_t>(1, units > vet_buckets ? units - vet_buckets : 1);
    // Up to 2^16 buckets per partition (keys are 16 bits), more partitions
    // only for billions of units.
    while ((units >> shift_) > kPartitions && shift_ < 16) ++shift_;
    // Few vetoed points say little about their shape: borrow the live one.
    const Range& vet = e.vet.count < 32 ? e.live : e.vet;
    live_.Build(e.live.lo, e.live.hi, e.live.count,
                static_cast<uint32_t>(live_buckets));
    vet_.Build(vet.lo, vet.hi, vet.count, static_cast<uint32_t>(vet_buckets));
    const size_t mask = (size_t{1} << shift_) - 1;
    live_last_ = static_cast<uint32_t>(live_buckets - 1);
    vet_first_ = static_cast<uint32_t>((live_buckets + mask) & ~mask);
    vet_last_ = static_cast<uint32_t>(vet_first_ + vet_buckets - 1);
  }

  BucketMap live_, vet_;
  uint32_t live_last_ = 0, vet_first_ = 0, vet_last_ = 0, shift_ = 0;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_RANK_BUCKETS_H_
