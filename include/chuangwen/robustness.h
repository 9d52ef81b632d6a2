// Rank robustness: how much a unit's rank depends on the exact weights.
// Monte-Carlo perturbation of the weights (each multiplied by a factor drawn
// uniformly from [1 − spread, 1 + spread], then renormalised), seeded and so
// reproducible, gives each unit's median rank and its 5–95 % rank interval.
#ifndef CHUANGWEN_ROBUSTNESS_H_
#define CHUANGWEN_ROBUSTNESS_H_

#include <cstdint>
#include <vector>

#include "chuangwen/ranking.h"
#include "chuangwen/status.h"

namespace chuangwen {

struct RobustnessOptions {
  int trials = 200;
  double spread = 0.2;  // ±20 % per weight.
  uint64_t seed = 1;
};

struct RankInterval {
  int32_t median = 0, p5 = 0, p95 = 0;
};

// Ranks with competition ties, as RankArrays does, once per trial.
Status RankRobustness(const RankInput& input, const RobustnessOptions& options,
                      std::vector<RankInterval>* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_ROBUSTNESS_H_
