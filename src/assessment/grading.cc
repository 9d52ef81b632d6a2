#include "chuangwen/grading.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace chuangwen {

Status Grade(const std::vector<double>& composite,
             const std::vector<int32_t>& rank,
             const std::vector<uint8_t>& vetoed, const GradingRules& rules,
             GradingResult* out) {
  const size_t n = composite.size();
  if (rank.size() != n || (!vetoed.empty() && vetoed.size() != n)) {
    return Status::InvalidArgument(
        "composite, rank and vetoed sizes disagree (" + std::to_string(n) +
        ", " + std::to_string(rank.size()) + ", " +
        std::to_string(vetoed.size()) + ")");
  }
  if (rules.commend < 0 || rules.criticize < 0) {
    return Status::InvalidArgument(
        "commend and criticize counts must not be negative");
  }
  std::vector<GradeBand> bands = rules.bands;
  std::set<std::string> names;
  for (size_t b = 0; b < bands.size(); ++b) {
    if (bands[b].name.empty())
      return Status::InvalidArgument("band " + std::to_string(b) +
                                     " has no name");
    if (!std::isfinite(bands[b].min_score)) {
      return Status::InvalidArgument("band '" + bands[b].name +
                                     "': min_score is not finite");
    }
    if (!names.insert(bands[b].name).second) {
      return Status::InvalidArgument("band '" + bands[b].name +
                                     "' is defined twice");
    }
  }
  std::sort(bands.begin(), bands.end(),
            [](const GradeBand& a, const GradeBand& b) {
              return a.min_score > b.min_score;
            });
  GradingResult r;
  r.grade.resize(n);
  auto is_vetoed = [&](size_t u) { return !vetoed.empty() && vetoed[u] != 0; };
  for (size_t u = 0; u < n; ++u) {
    r.grade[u] = rules.fail_name;
    if (is_vetoed(u)) continue;
    for (const GradeBand& b : bands) {
      if (composite[u] >= b.min_score) {
        r.grade[u] = b.name;
        break;
      }
    }
  }
  std::vector<int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t a, int32_t b) { return rank[a] < rank[b]; });
  if (rules.commend > 0) {
    int32_t cutoff = 0;
    for (int32_t u : order) {
      if (is_vetoed(static_cast<size_t>(u))) break;
      if (static_cast<int>(r.commended.size()) >= rules.commend &&
          rank[u] != cutoff)
        break;
      r.commended.push_back(u);
      cutoff = rank[u];
    }
  }
  // Every vetoed unit is criticised, then the bottom k of the others.
  int32_t cutoff = 0;
  int others = 0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    int32_t u = *it;
    if (is_vetoed(static_cast<size_t>(u))) {
      r.criticized.push_back(u);
      continue;
    }
    if (std::find(r.commended.begin(), r.commended.end(), u) !=
        r.commended.end())
      break;
    if (others >= rules.criticize && rank[u] != cutoff) break;
    r.criticized.push_back(u);
    ++others;
    cutoff = rank[u];
  }
  *out = std::move(r);
  return Status::OK();
}

}  // namespace chuangwen
