#include "common/numbers.h"
#include "chuangwen/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chuangwen {
namespace {

std::string Num(double v) { return internal::FormatGeneral(v); }

bool Finite(double v) { return std::isfinite(v); }

Status NeedsFinite(double v, const std::string& where, const char* field,
                   bool allow_negative) {
  if (!Finite(v))
    return Status::InvalidArgument(where + ": " + field + " is not finite");
  if (!allow_negative && v < 0) {
    return Status::InvalidArgument(where + ": " + field + " " + Num(v) +
                                   " is negative");
  }
  return Status::OK();
}

}  // namespace

int CompiledScheme::Find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? -1 : it->second;
}

Status CompiledScheme::Compile(const v1::Scheme& scheme,
                               std::unique_ptr<const CompiledScheme>* out) {
  std::unique_ptr<CompiledScheme> c(new CompiledScheme());
  c->scheme_ = scheme;
  const int n = scheme.indicators_size();
  for (int i = 0; i < n; ++i) {
    const v1::Indicator& ind = scheme.indicators(i);
    std::string where =
        "indicator " + (ind.id().empty() ? "#" + std::to_string(i) : ind.id());
    if (ind.id().empty())
      return Status::InvalidArgument(where + ": id is required");
    if (!c->index_.emplace(ind.id(), i).second) {
      return Status::InvalidArgument(where + ": id is used twice");
    }
    CW_RETURN_IF_ERROR(NeedsFinite(ind.points(), where, "points", false));
    CW_RETURN_IF_ERROR(NeedsFinite(ind.weight(), where, "weight", false));
  }
  c->parent_.assign(n, -1);
  c->children_.assign(n, {});
  for (int i = 0; i < n; ++i) {
    const v1::Indicator& ind = scheme.indicators(i);
    if (ind.parent_id().empty()) continue;
    int p = c->Find(ind.parent_id());
    if (p < 0) {
      return Status::InvalidArgument("indicator " + ind.id() + ": parent '" +
                                     ind.parent_id() + "' does not exist");
    }
    c->parent_[i] = p;
    c->children_[p].push_back(i);
  }
  // Post-order from each root; an indicator never reached sits on a cycle.
  std::vector<uint8_t> state(n, 0);
  for (int root = 0; root < n; ++root) {
    if (c->parent_[root] != -1) continue;
    std::vector<std::pair<int, size_t>> stack{{root, 0}};
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < c->children_[node].size()) {
        stack.emplace_back(c->children_[node][next++], 0);
      } else {
        state[node] = 1;
        c->post_order_.push_back(node);
        stack.pop_back();
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    if (!state[i]) {
      return Status::InvalidArgument("indicator " + scheme.indicators(i).id() +
                                     ": parents form a cycle");
    }
  }
  c->weighted_.assign(n, false);
  for (int i = 0; i < n; ++i) {
    const v1::Indicator& ind = scheme.indicators(i);
    const std::string where = "indicator " + ind.id();
    const bool leaf = c->children_[i].empty();
    const bool has_method = ind.method_case() != v1::Indicator::METHOD_NOT_SET;
    if (leaf && !has_method)
      return Status::InvalidArgument(where + ": a leaf needs a scoring method");
    if (!leaf && has_method) {
      return Status::InvalidArgument(
          where + ": has sub-indicators, so it takes no scoring method");
    }
    if (!leaf) {
      int weighted = 0;
      double weight_sum = 0, points_sum = 0;
      for (int ch : c->children_[i]) {
        const v1::Indicator& child = scheme.indicators(ch);
        if (child.method_case() == v1::Indicator::kBonus) continue;
        weighted += child.weight() > 0;
        weight_sum += child.weight();
        points_sum += child.points();
      }
      int counted = 0;
      for (int ch : c->children_[i])
        counted += scheme.indicators(ch).method_case() != v1::Indicator::kBonus;
      if (weighted > 0 && weighted != counted) {
        return Status::InvalidArgument(
            where + ": some sub-indicators have weights and some do not");
      }
      if (weighted > 0) {
        if (std::fabs(weight_sum - 1.0) > 1e-9) {
          return Status::InvalidArgument(where +
                                         ": sub-indicator weights sum to " +
                                         Num(weight_sum) + ", not 1");
        }
        c->weighted_[i] = true;
      } else if (ind.points() > 0 && points_sum > ind.points() + 1e-9) {
        return Status::InvalidArgument(where + ": sub-indicators' points (" +
                                       Num(points_sum) + ") exceed its " +
                                       Num(ind.points()));
      }
    }
    if (ind.method_case() == v1::Indicator::kDeduction) {
      const v1::Deduction& d = ind.deduction();
      for (auto [v, field] :
           {std::pair{d.base(), "deduction.base"},
            {d.per_occurrence(), "deduction.per_occurrence"},
            {d.per_point_below(), "deduction.per_point_below"},
            {d.cap(), "deduction.cap"}}) {
        CW_RETURN_IF_ERROR(NeedsFinite(v, where, field, false));
      }
      if (d.free_occurrences() < 0) {
        return Status::InvalidArgument(
            where + ": deduction.free_occurrences is negative");
      }
      if (!(d.target_rate() >= 0 && d.target_rate() <= 1)) {
        return Status::InvalidArgument(where + ": deduction.target_rate " +
                                       Num(d.target_rate()) +
                                       " is outside 0..1");
      }
      for (const v1::FlagFactor& f : d.factors()) {
        CW_RETURN_IF_ERROR(
            NeedsFinite(f.factor(), where, "deduction.factors.factor", false));
      }
    }
    if (ind.method_case() == v1::Indicator::kBonus) {
      CW_RETURN_IF_ERROR(
          NeedsFinite(ind.bonus().cap(), where, "bonus.cap", false));
    }
  }
  *out = std::move(c);
  return Status::OK();
}

Status CompiledScheme::Score(
    const std::string& unit_id, const std::string& period,
    const std::vector<const v1::IndicatorInput*>& inputs,
    v1::ScoreSheet* out, bool missing_scores_nothing) const {
  const int n = scheme_.indicators_size();
  std::vector<const v1::IndicatorInput*> by_indicator(n, nullptr);
  for (const v1::IndicatorInput* in : inputs) {
    if (in->unit_id() != unit_id || in->period() != period) continue;
    int i = Find(in->indicator_id());
    const std::string where =
        "unit " + unit_id + ", indicator " + in->indicator_id();
    if (i < 0)
      return Status::InvalidArgument(where + ": no such indicator in scheme " +
                                     scheme_.id());
    if (!children_[i].empty()) {
      return Status::InvalidArgument(where +
                                     ": has sub-indicators and takes no input");
    }
    if (by_indicator[i] != nullptr) {
      return Status::InvalidArgument(
          where + ": more than one input for period " + period);
    }
    by_indicator[i] = in;
  }
  std::vector<double> score(n, 0.0);
  std::vector<std::string> detail(n);
  double bonus_total = 0;
  for (int i : post_order_) {
    const v1::Indicator& ind = scheme_.indicators(i);
    const v1::IndicatorInput* in = by_indicator[i];
    const std::string where = "unit " + unit_id + ", indicator " + ind.id();
    if (in == nullptr && missing_scores_nothing &&
        (ind.method_case() == v1::Indicator::kDirect ||
         ind.method_case() == v1::Indicator::kRatio ||
         ind.method_case() == v1::Indicator::kPassFail)) {
      detail[i] = "no input";
      continue;
    }
    auto wrong_kind = [&](const char* want) {
      return Status::InvalidArgument(where + ": expects " + want +
                                     " for period " + period);
    };
    switch (ind.method_case()) {
      case v1::Indicator::kDirect: {
        if (in == nullptr)
          return Status::InvalidArgument(where + ": no score for period " +
                                         period);
        if (in->value_case() != v1::IndicatorInput::kScore)
          return wrong_kind("a score");
        double v = in->score();
        if (!Finite(v))
          return Status::InvalidArgument(where + ": score is not finite");
        if (v < 0 || v > ind.points() + 1e-9) {
          return Status::InvalidArgument(where + ": score " + Num(v) +
                                         " is outside 0.." + Num(ind.points()));
        }
        score[i] = v;
        detail[i] = "score " + Num(v);
        break;
      }
      case v1::Indicator::kDeduction: {
        const v1::Deduction& d = ind.deduction();
        const double base = d.base() > 0 ? d.base() : ind.points();
        double deducted = 0;
        int counted = 0, excluded = 0, free = 0;
        std::string parts;
        if (in != nullptr) {
          if (in->value_case() != v1::IndicatorInput::kOccurrences)
            return wrong_kind("occurrences");
          for (const v1::Occurrence& o : in->occurrences().items()) {
            bool skip = false, weighted = false;
            double factor = 1;
            for (const std::string& flag : o.flags()) {
              if (std::find(d.excluded_flags().begin(),
                            d.excluded_flags().end(),
                            flag) != d.excluded_flags().end()) {
                skip = true;
              }
              for (const v1::FlagFactor& f : d.factors()) {
                if (f.flag() == flag) {
                  factor *= f.factor();
                  weighted = true;
                }
              }
            }
            if (skip) {
              ++excluded;
              continue;
            }
            if (free < d.free_occurrences()) {
              ++free;
              continue;
            }
            ++counted;
            deducted += d.per_occurrence() * factor;
            if (weighted) parts += " ×" + Num(factor);
          }
          if (in->occurrences().has_rate()) {
            double rate = in->occurrences().rate();
            if (!(rate >= 0 && rate <= 1)) {
              return Status::InvalidArgument(where + ": rate " + Num(rate) +
                                             " is outside 0..1");
            }
            if (d.target_rate() > 0 && rate < d.target_rate()) {
              double below =
                  (d.target_rate() - rate) * 100.0 * d.per_point_below();
              deducted += below;
              parts += ", rate " + Num(rate) + " below " +
                       Num(d.target_rate()) + ": −" + Num(below);
            }
          }
        }
        if (d.cap() > 0 && deducted > d.cap()) {
          parts += ", capped at " + Num(d.cap());
          deducted = d.cap();
        }
        double v = base - deducted;
        if (d.floor_at_zero() && v < 0) v = 0;
        score[i] = v;
        detail[i] = Num(base) + " − " + Num(deducted) + " (" +
                    std::to_string(counted) + " counted, " +
                    std::to_string(free) + " free, " +
                    std::to_string(excluded) + " excluded" + parts + ")";
        break;
      }
      case v1::Indicator::kRatio: {
        if (in == nullptr)
          return Status::InvalidArgument(where + ": no ratio for period " +
                                         period);
        if (in->value_case() != v1::IndicatorInput::kRatio)
          return wrong_kind("a ratio");
        const double num = in->ratio().numerator(),
                     den = in->ratio().denominator();
        if (!Finite(num) || !Finite(den) || den <= 0) {
          return Status::InvalidArgument(where + ": ratio " + Num(num) + "/" +
                                         Num(den) +
                                         " needs a positive denominator");
        }
        if (num < 0 || num > den) {
          return Status::InvalidArgument(where + ": ratio " + Num(num) + "/" +
                                         Num(den) + " is outside 0..1");
        }
        score[i] = ind.points() * (num / den);
        detail[i] = Num(ind.points()) + " × " + Num(num) + "/" + Num(den);
        break;
      }
      case v1::Indicator::kPassFail: {
        if (in == nullptr)
          return Status::InvalidArgument(where + ": no pass/fail for period " +
                                         period);
        if (in->value_case() != v1::IndicatorInput::kPassed)
          return wrong_kind("pass or fail");
        score[i] = in->passed() ? ind.points() : 0;
        detail[i] = in->passed() ? "passed" : "failed";
        break;
      }
      case v1::Indicator::kBonus: {
        double v = 0;
        if (in != nullptr) {
          if (in->value_case() != v1::IndicatorInput::kBonus)
            return wrong_kind("bonus points");
          v = in->bonus();
          if (!Finite(v) || v < 0) {
            return Status::InvalidArgument(where + ": bonus " + Num(v) +
                                           " must be a finite amount >= 0");
          }
        }
        double capped = std::min(v, ind.bonus().cap());
        score[i] = capped;
        bonus_total += capped;
        detail[i] = "bonus " + Num(v) +
                    (capped < v ? ", capped at " + Num(capped) : "");
        break;
      }
      case v1::Indicator::METHOD_NOT_SET: {  // Inner indicator.
        double sum = 0;
        for (int ch : children_[i]) {
          const v1::Indicator& child = scheme_.indicators(ch);
          if (child.method_case() == v1::Indicator::kBonus) continue;
          if (weighted_[i]) {
            double share = child.points() > 0 ? score[ch] / child.points() : 0;
            sum += child.weight() * share;
          } else {
            sum += score[ch];
          }
        }
        score[i] = weighted_[i] ? ind.points() * sum : sum;
        detail[i] = weighted_[i] ? "weighted" : "sum";
        break;
      }
    }
  }
  out->Clear();
  out->set_unit_id(unit_id);
  out->set_period(period);
  double total = 0;
  for (int i = 0; i < n; ++i) {
    const v1::Indicator& ind = scheme_.indicators(i);
    v1::IndicatorScore* s = out->add_indicators();
    s->set_indicator_id(ind.id());
    s->set_score(score[i]);
    s->set_points(ind.method_case() == v1::Indicator::kBonus ? ind.bonus().cap()
                                                             : ind.points());
    s->set_detail(detail[i]);
    if (parent_[i] == -1 && ind.method_case() != v1::Indicator::kBonus)
      total += score[i];
  }
  out->set_bonus(bonus_total);
  out->set_total(total + bonus_total);
  return Status::OK();
}

}  // namespace chuangwen
