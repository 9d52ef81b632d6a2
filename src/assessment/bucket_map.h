// Maps a composite to a bucket, monotone in the value: linear over the range
// of a sample of the values, with everything outside that range in the end
// buckets. Shaping it on a sample lets the bucket loads be counted in the
// same pass that computes the composites, and keeps a few extreme values
// from squeezing everything else into a handful of buckets. Any input still
// sorts correctly: a crowded bucket only costs time, never order. (A map
// following the sample's distribution spread the loads a little better but
// cost more per value than it saved.)
#ifndef CHUANGWEN_SRC_ASSESSMENT_BUCKET_MAP_H_
#define CHUANGWEN_SRC_ASSESSMENT_BUCKET_MAP_H_

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
    last_ = std::max<uint32_t>(buckets, 1) - 1;
    if (sample.empty()) return;
    auto [mn, mx] = std::minmax_element(sample.begin(), sample.end());
    lo_ = *mn;
    const double range = *mx - *mn;
    scale_ = range > 0 ? last_ / range : 0.0;
    if (!std::isfinite(scale_)) scale_ = 0;  // A range too wide for doubles.
  }

  uint32_t buckets() const { return last_ + 1; }
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

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_BUCKET_MAP_H_
