// Derived weights: the analytic hierarchy process (层次分析法, AHP) from a
// pairwise comparison matrix, and the entropy method (熵权法) from the data.
// Both answer weights that are non-negative and sum to 1.
#ifndef CHUANGWEN_WEIGHTS_H_
#define CHUANGWEN_WEIGHTS_H_

#include <cstddef>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen {

struct AhpResult {
  std::vector<double> weights;
  double lambda_max = 0;
  double consistency_index = 0;  // CI = (λmax − n) / (n − 1)
  double consistency_ratio = 0;  // CR = CI / RI (Saaty's random index)
};

// `matrix` is n×n row-major: a[i][j] says how much more important i is than
// j, with a[i][i] = 1 and a[j][i] = 1 / a[i][j]. Weights are the principal
// eigenvector. A consistency ratio of 0.1 or more is refused (the message
// gives it) unless `force`. Errors name the offending cell.
Status AhpWeights(const std::vector<double>& matrix, size_t n, bool force,
                  AhpResult* out);

// Entropy weights of `indicators` columns over `units` rows (row-major,
// values >= 0): columns whose values differ more across units weigh more.
// A column that is the same for every unit gets weight 0; if all are, the
// weights are equal.
Status EntropyWeights(const double* data, size_t units, size_t indicators,
                      std::vector<double>* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_WEIGHTS_H_
