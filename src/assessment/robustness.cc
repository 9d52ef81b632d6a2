#include "chuangwen/robustness.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace chuangwen {

Status RankRobustness(const RankInput& input, const RobustnessOptions& options,
                      std::vector<RankInterval>* out) {
  if (options.trials < 1 || options.trials > 100000) {
    return Status::InvalidArgument("trials " + std::to_string(options.trials) +
                                   " is outside 1..100000");
  }
  if (!(options.spread >= 0 && options.spread < 1)) {
    return Status::InvalidArgument("spread must be in [0, 1)");
  }
  std::vector<double> base;
  CW_RETURN_IF_ERROR(
      PrepareWeights(input.weights, input.indicators, false, &base));
  const size_t n = input.units;
  const size_t trials = static_cast<size_t>(options.trials);
  std::vector<int32_t> ranks(n * trials);  // Trial-major.
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> factor(1 - options.spread,
                                                1 + options.spread);
  std::vector<double> w(base.size());
  RankWorkspace workspace;
  RankOptions rank_options;
  rank_options.normalize_weights = true;
  rank_options.threads = 1;
  for (size_t t = 0; t < trials; ++t) {
    for (size_t j = 0; j < w.size(); ++j) w[j] = base[j] * factor(rng);
    RankInput trial = input;
    trial.weights = w.data();
    CW_RETURN_IF_ERROR(RankArrays(
        trial, rank_options, RankOutput{ranks.data() + t * n}, &workspace));
  }
  out->assign(n, RankInterval{});
  std::vector<int32_t> column(trials);
  auto at = [&](double q) {
    size_t k = static_cast<size_t>(
        std::floor(q * static_cast<double>(trials - 1) + 0.5));
    return column[k];
  };
  for (size_t u = 0; u < n; ++u) {
    for (size_t t = 0; t < trials; ++t) column[t] = ranks[t * n + u];
    std::sort(column.begin(), column.end());
    (*out)[u] = RankInterval{at(0.5), at(0.05), at(0.95)};
  }
  return Status::OK();
}

}  // namespace chuangwen
