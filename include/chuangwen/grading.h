// Grades (等次) and public lists (通报表扬 / 通报批评) from a ranking.
#ifndef CHUANGWEN_GRADING_H_
#define CHUANGWEN_GRADING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen {

// A grade band: units scoring at least `min_score` get `name` (优秀, 良好,
// 合格, A, B …). Bands are data; the lowest band should have min_score 0 or
// below, and `fail_name` is what vetoed units (一票否决) get.
struct GradeBand {
  std::string name;
  double min_score;
};

struct GradingRules {
  std::vector<GradeBand> bands;  // Any order; checked and sorted.
  std::string fail_name =
      "不合格";       // For vetoed units and scores below every band.
  int commend = 0;    // Top k to commend (ties at k included).
  int criticize = 0;  // Bottom k of the non-vetoed to criticise
                      // (ties at k included); vetoed units always are.
};

struct GradingResult {
  std::vector<std::string> grade;  // Per unit.
  std::vector<int32_t> commended;  // Unit indexes, best first.
  std::vector<int32_t>
      criticized;  // Unit indexes: vetoed ones, then worst first.
};

// `rank` is the competition rank of each unit (vetoed last), `composite`
// its score. Errors: bands with empty or duplicate names or non-finite
// thresholds, negative k, sizes that disagree.
Status Grade(const std::vector<double>& composite,
             const std::vector<int32_t>& rank,
             const std::vector<uint8_t>& vetoed, const GradingRules& rules,
             GradingResult* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_GRADING_H_
