// Scoring (计分): an indicator tree (测评体系) compiled once, then each
// unit's inputs for a period scored leaf by leaf and rolled up the tree.
//
// Leaves: direct score (0..points), deduction from a base (扣分, with free
// occurrences, per-point-below-target rates, caps, 扣完为止, flag factors and
// excluded flags), ratio (points × rate), pass/fail, and bonus (加分, capped,
// added on top of the total). Inner indicators sum their children, or, when
// every child has a weight, take points × Σ weight × child score / child
// points. Missing inputs: a deduction without one keeps its full base and a
// bonus gives 0; every other leaf needs its input.
//
// Thread safety: a compiled scheme is immutable; Score is reentrant.
#ifndef CHUANGWEN_SCORING_H_
#define CHUANGWEN_SCORING_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chuangwen/status.h"
#include "chuangwen/v1/assessment.pb.h"

namespace chuangwen {

class CompiledScheme {
 public:
  // Checks the tree and compiles it. Errors name the indicator and field:
  // a missing or duplicate id, an unknown parent, a cycle, negative or
  // non-finite points or weights, a leaf without a method or an inner
  // indicator with one, children partly weighted or with weights not summing
  // to 1, children's points above their parent's, deduction numbers out of
  // range.
  static Status Compile(const v1::Scheme& scheme,
                        std::unique_ptr<const CompiledScheme>* out);

  // Scores one unit for one period. `inputs` are that unit's inputs for that
  // period (others are ignored). Errors name the unit and indicator: an input
  // for an unknown indicator, a second input for one, a value of the wrong
  // kind, a score that is not finite or outside 0..points, a ratio with a
  // non-positive denominator or above 1, a rate outside 0..1, a negative
  // bonus, a missing input (unless `missing_scores_nothing`: then an
  // indicator without input scores 0, "no input").
  Status Score(const std::string& unit_id, const std::string& period,
               const std::vector<const v1::IndicatorInput*>& inputs,
               v1::ScoreSheet* out, bool missing_scores_nothing = false) const;

  const v1::Scheme& proto() const { return scheme_; }
  // Index in scheme order, or -1.
  int Find(std::string_view id) const;

 private:
  CompiledScheme() = default;

  v1::Scheme scheme_;
  std::unordered_map<std::string, int> index_;
  std::vector<int> parent_;
  std::vector<std::vector<int>> children_;
  std::vector<int> post_order_;  // Children before parents.
  std::vector<bool> weighted_;   // Inner indicator combining by weight.
};

}  // namespace chuangwen

#endif  // CHUANGWEN_SCORING_H_
