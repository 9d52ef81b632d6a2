#include "chuangwen/assessment.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "chuangwen/date.h"
#include "chuangwen/grading.h"
#include "chuangwen/progress.h"
#include "chuangwen/ranking.h"
#include "chuangwen/scoring.h"

namespace chuangwen {
namespace {

enum class Kind { kMonth, kQuarter, kYear };

Status ParsePeriod(const std::string& p, Kind* kind, int* year) {
  auto digits = [&](size_t from, size_t count) {
    if (p.size() < from + count) return -1;
    int v = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (p[i] < '0' || p[i] > '9') return -1;
      v = v * 10 + (p[i] - '0');
    }
    return v;
  };
  *year = digits(0, 4);
  if (*year > 0 && p.size() == 4) {
    *kind = Kind::kYear;
    return Status::OK();
  }
  if (*year > 0 && p.size() == 7 && p[4] == '-' && p[5] == 'Q' && p[6] >= '1' &&
      p[6] <= '4') {
    *kind = Kind::kQuarter;
    return Status::OK();
  }
  int month = digits(5, 2);
  if (*year > 0 && p.size() == 7 && p[4] == '-' && month >= 1 && month <= 12) {
    *kind = Kind::kMonth;
    return Status::OK();
  }
  return Status::InvalidArgument("period '" + p +
                                 "' is not YYYY-MM, YYYY-Qn or YYYY");
}

// The quarter "2025-Q2" a month "2025-05" falls in.
std::string QuarterOf(const std::string& month) {
  const int m = (month[5] - '0') * 10 + (month[6] - '0');
  return month.substr(0, 4) + "-Q" + std::to_string((m - 1) / 3 + 1);
}

// A veto of period `vetoed` with `reach` applies to a ranking of `period`.
bool VetoReaches(const std::string& vetoed, v1::VetoReach reach,
                 const std::string& period) {
  if (vetoed == period) return true;
  Kind vk, pk;
  int vy, py;
  if (!ParsePeriod(vetoed, &vk, &vy).ok() ||
      !ParsePeriod(period, &pk, &py).ok() || vy != py)
    return false;
  if (vk == Kind::kYear) return true;  // A year's veto holds all year.
  if (reach == v1::VETO_REACH_UNSPECIFIED) reach = v1::VETO_REACH_YEAR;
  if (pk == Kind::kYear) return reach == v1::VETO_REACH_YEAR;
  return pk == Kind::kQuarter && vk == Kind::kMonth &&
         reach != v1::VETO_REACH_PERIOD && QuarterOf(vetoed) == period;
}

std::vector<std::string> PeriodsOfYear(int year, v1::PeriodKind kind) {
  std::vector<std::string> out;
  char buf[16];
  for (int i = 1; i <= (kind == v1::QUARTER ? 4 : 12); ++i) {
    if (kind == v1::QUARTER) {
      std::snprintf(buf, sizeof buf, "%04d-Q%d", year, i);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, i);
    }
    out.push_back(buf);
  }
  return out;
}

// Everything a ranking needs, checked once per call.
class Engine {
 public:
  explicit Engine(const Campaign& c) : c_(c), a_(c.proto().assessment()) {}

  // `derived`: inputs from elsewhere, used where none is given; they must
  // outlive the engine.
  Status Init(const std::vector<v1::IndicatorInput>* derived = nullptr) {
    for (const v1::Scheme& s : a_.schemes()) {
      std::unique_ptr<const CompiledScheme> compiled;
      CW_RETURN_IF_ERROR(CompiledScheme::Compile(s, &compiled)
                             .WithContext("scheme " + s.id()));
      schemes_[s.id()] = std::move(compiled);
    }
    for (const v1::Component& comp : a_.components()) {
      if (schemes_.count(comp.scheme_id()) == 0) {
        return Status::InvalidArgument("component " + comp.id() + ": scheme '" +
                                       comp.scheme_id() + "' does not exist");
      }
    }
    for (int i = 0; i < a_.inputs_size(); ++i) {
      const v1::IndicatorInput& in = a_.inputs(i);
      if (c_.index().Unit(in.unit_id()) == kNoIndex) {
        return Status::NotFound("inputs[" + std::to_string(i) + "]: unit '" +
                                in.unit_id() + "' does not exist");
      }
      by_period_[in.period()].push_back(&in);
    }
    CW_RETURN_IF_ERROR(TargetInputs());
    if (derived != nullptr) CW_RETURN_IF_ERROR(AddDerived(*derived));
    for (const std::string& id : a_.assessed_unit_ids()) {
      const int32_t u = c_.index().Unit(id);
      if (u == kNoIndex) {
        return Status::NotFound("assessed_unit_ids: unit '" + id +
                                "' does not exist");
      }
      assessed_.insert(u);
    }
    for (const v1::GroupMembership& g : a_.groups()) {
      if (c_.index().Unit(g.unit_id()) == kNoIndex) {
        return Status::NotFound("groups: unit '" + g.unit_id() +
                                "' does not exist");
      }
      group_of_[g.unit_id()] = g.group();
    }
    for (const v1::Veto& v : a_.vetoes()) {
      if (c_.index().Unit(v.unit_id()) == kNoIndex) {
        return Status::NotFound("veto: unit '" + v.unit_id() +
                                "' does not exist");
      }
      Kind kind;
      int year;
      CW_RETURN_IF_ERROR(ParsePeriod(v.period(), &kind, &year)
                             .WithContext("veto of unit '" + v.unit_id() +
                                          "'"));
      vetoes_[v.unit_id()].push_back(&v);
    }
    // Earliest first, so a ranking names the first period vetoed.
    for (auto& [unit, list] : vetoes_) {
      std::stable_sort(list.begin(), list.end(),
                       [](const v1::Veto* x, const v1::Veto* y) {
                         return x->period() < y->period();
                       });
    }
    return Status::OK();
  }

  Status AddDerived(const std::vector<v1::IndicatorInput>& derived) {
    std::set<std::tuple<std::string, std::string, std::string>> given;
    for (const v1::IndicatorInput& in : a_.inputs())
      given.insert({in.unit_id(), in.indicator_id(), in.period()});
    for (size_t i = 0; i < derived.size(); ++i) {
      const v1::IndicatorInput& in = derived[i];
      if (c_.index().Unit(in.unit_id()) == kNoIndex) {
        return Status::NotFound("derived input " + std::to_string(i) +
                                ": unit '" + in.unit_id() +
                                "' does not exist");
      }
      if (given.count({in.unit_id(), in.indicator_id(), in.period()})) continue;
      by_period_[in.period()].push_back(&in);
      derived_.insert(&in);
    }
    return Status::OK();
  }

  // Inputs from targets (Indicator.target_id): for each month with inputs,
  // each unit responsible for the target's task without an input of its own
  // gets the share of the target it reached by the month's end.
  Status TargetInputs() {
    std::vector<const v1::Indicator*> linked;
    for (const v1::Scheme& s : a_.schemes())
      for (const v1::Indicator& i : s.indicators())
        if (!i.target_id().empty() && i.has_ratio()) linked.push_back(&i);
    if (linked.empty()) return Status::OK();
    ProgressBook book(
        std::shared_ptr<const Campaign>(&c_, [](const Campaign*) {}));
    const auto& reports = c_.proto().progress();
    CW_RETURN_IF_ERROR(book.Append({reports.begin(), reports.end()}, "")
                           .WithContext("progress"));
    std::set<std::tuple<std::string, std::string, std::string>> given;
    for (const v1::IndicatorInput& in : a_.inputs())
      given.insert({in.unit_id(), in.indicator_id(), in.period()});
    // Months with inputs, and months in which progress was reported: a
    // month with progress alone ranks on it.
    std::set<std::string> months;
    for (const auto& [period, list] : by_period_)
      if (period.size() == 7 &&
          std::isdigit(static_cast<unsigned char>(period[5])))
        months.insert(period);
    for (const v1::ProgressReport& r : reports)
      if (r.date().size() >= 7) months.insert(r.date().substr(0, 7));
    for (const v1::Indicator* ind : linked) {
      const v1::Target* target = nullptr;
      for (const v1::Target& t : c_.proto().targets())
        if (t.id() == ind->target_id()) target = &t;
      if (target == nullptr) {
        return Status::NotFound("indicator " + ind->id() + ": target '" +
                                ind->target_id() + "' does not exist");
      }
      std::set<std::string> units;
      for (const v1::Assignment& a : c_.proto().assignments()) {
        if (a.task_id() == target->task_id() &&
            (a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT ||
             a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT))
          units.insert(a.unit_id());
      }
      for (const std::string& month : months) {
        boost::gregorian::date first;
        CW_RETURN_IF_ERROR(ParseIsoDate(month + "-01", &first));
        const std::string end = FormatIsoDate(first.end_of_month());
        for (const std::string& unit : units) {
          if (given.count({unit, ind->id(), month})) continue;
          double share = 0;
          CW_RETURN_IF_ERROR(book.Attainment(target->id(), unit, end, &share));
          v1::IndicatorInput& in = synthesized_.emplace_back();
          in.set_unit_id(unit);
          in.set_indicator_id(ind->id());
          in.set_period(month);
          in.mutable_ratio()->set_numerator(share);
          in.mutable_ratio()->set_denominator(1);
          by_period_[month].push_back(&in);
          derived_.insert(&in);
          targets_.insert(&in);
        }
      }
    }
    return Status::OK();
  }

  Status FindComponent(Kind kind, const std::string& id,
                       const v1::Component** out) const {
    const v1::PeriodKind want =
        kind == Kind::kQuarter ? v1::QUARTER : v1::MONTH;
    const v1::Component* found = nullptr;
    for (const v1::Component& comp : a_.components()) {
      if (!id.empty() ? comp.id() == id : comp.period_kind() == want) {
        if (found != nullptr && id.empty()) {
          return Status::InvalidArgument(
              "several components are scored by " +
              std::string(want == v1::MONTH ? "month" : "quarter") +
              "; name one");
        }
        found = &comp;
      }
    }
    if (found == nullptr) {
      return Status::NotFound(
          id.empty() ? "no component is scored by that kind of period"
                     : "component '" + id + "' does not exist");
    }
    if (found->period_kind() != want) {
      return Status::InvalidArgument("component " + found->id() +
                                     " is not scored by " +
                                     (want == v1::MONTH ? "month" : "quarter"));
    }
    *out = found;
    return Status::OK();
  }

  // Scores of every unit with inputs for `period` under `comp`, unit order.
  Status ScorePeriod(const v1::Component& comp, const std::string& period,
                     std::map<int32_t, v1::ScoreSheet>* out) const {
    out->clear();
    const CompiledScheme& scheme = *schemes_.at(comp.scheme_id());
    auto it = by_period_.find(period);
    if (it == by_period_.end()) return Status::OK();
    // A unit ranks with inputs of its own, with inputs derived from its
    // target progress, or as an assessed unit with the caller's derived
    // inputs; without inputs of its own it ranks on what it has.
    struct Has {
      bool given = false, target = false;
    };
    std::map<int32_t, Has> units;
    for (const v1::IndicatorInput* in : it->second) {
      if (scheme.Find(in->indicator_id()) < 0) continue;
      const int32_t unit = c_.index().Unit(in->unit_id());
      if (!assessed_.empty() && assessed_.count(unit) == 0) continue;
      Has& has = units[unit];
      has.given = has.given || !derived_.count(in);
      has.target = has.target || targets_.count(in);
    }
    for (const auto& [u, has] : units) {
      if (!has.given && !has.target && assessed_.empty()) continue;
      CW_RETURN_IF_ERROR(scheme.Score(c_.proto().units(u).id(), period,
                                      it->second, &(*out)[u], !has.given));
    }
    return Status::OK();
  }

  // Ranks (unit, score) pairs into a table.
  Status Rank(const std::string& period, const std::vector<int32_t>& units,
              const std::vector<double>& scores, v1::RankingTable* out) const {
    const size_t n = units.size();
    std::vector<uint8_t> vetoed(n, 0);
    std::vector<std::string> reasons(n), veto_periods(n);
    std::vector<int32_t> groups(n);
    std::map<std::string, int32_t> group_ids;
    for (size_t i = 0; i < n; ++i) {
      const std::string& id = c_.proto().units(units[i]).id();
      if (const v1::Veto* v = VetoFor(id, period)) {
        vetoed[i] = 1;
        reasons[i] = v->reason();
        veto_periods[i] = v->period();
      }
      auto g = group_of_.find(id);
      std::string group = g == group_of_.end() ? "" : g->second;
      groups[i] =
          group_ids.emplace(group, static_cast<int32_t>(group_ids.size()))
              .first->second;
    }
    RankOptions options;
    options.ties = a_.ties() == v1::DENSE     ? TieMode::kDense
                   : a_.ties() == v1::ORDINAL ? TieMode::kOrdinal
                                              : TieMode::kCompetition;
    std::vector<int32_t> rank(n), group_rank(n);
    CW_RETURN_IF_ERROR(RankComposites(scores.data(), n, vetoed.data(),
                                      groups.data(), options, rank.data(),
                                      group_rank.data()));
    GradingRules rules;
    for (const v1::GradeBandRule& b : a_.grades())
      rules.bands.push_back({b.name(), b.min_score()});
    if (!a_.fail_grade().empty()) rules.fail_name = a_.fail_grade();
    rules.commend = a_.commend();
    rules.criticize = a_.criticize();
    GradingResult graded;
    CW_RETURN_IF_ERROR(Grade(scores, rank, vetoed, rules, &graded));
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return rank[x] < rank[y]; });
    out->set_period(period);
    for (size_t i : order) {
      const v1::Unit& unit = c_.proto().units(units[i]);
      v1::RankingRow* row = out->add_rows();
      row->set_unit_id(unit.id());
      row->set_unit_name(unit.name());
      auto g = group_of_.find(unit.id());
      if (g != group_of_.end()) row->set_group(g->second);
      row->set_score(scores[i]);
      row->set_rank(rank[i]);
      row->set_group_rank(group_rank[i]);
      row->set_grade(rules.bands.empty() && !vetoed[i] ? "" : graded.grade[i]);
      row->set_vetoed(vetoed[i] != 0);
      row->set_veto_reason(reasons[i]);
      row->set_veto_period(veto_periods[i]);
    }
    for (int32_t i : graded.commended)
      out->add_commended(c_.proto().units(units[i]).id());
    for (int32_t i : graded.criticized)
      out->add_criticized(c_.proto().units(units[i]).id());
    return Status::OK();
  }

  // The annual composite: per component, aggregate, normalise, weight.
  Status Composite(
      int year, std::vector<int32_t>* units, std::vector<double>* scores,
      std::map<std::string, std::map<int32_t, double>>* parts) const {
    std::vector<double> weights;
    for (const v1::Component& comp : a_.components())
      weights.push_back(comp.weight());
    std::vector<double> checked;
    CW_RETURN_IF_ERROR(
        PrepareWeights(weights.data(), weights.size(), false, &checked)
            .WithContext("component weights"));
    std::map<int32_t, double> total;
    for (int k = 0; k < a_.components_size(); ++k) {
      const v1::Component& comp = a_.components(k);
      std::map<int32_t, std::vector<double>> series;
      for (const std::string& p : PeriodsOfYear(year, comp.period_kind())) {
        std::map<int32_t, v1::ScoreSheet> sheets;
        CW_RETURN_IF_ERROR(ScorePeriod(comp, p, &sheets));
        for (auto& [u, sheet] : sheets) series[u].push_back(sheet.total());
      }
      std::map<int32_t, double> value;
      for (auto& [u, xs] : series) {
        double v = 0;
        switch (comp.aggregation()) {
          case v1::SUM:
            for (double x : xs) v += x;
            break;
          case v1::LAST:
            v = xs.back();
            break;
          case v1::BEST_N: {
            if (comp.best_n() < 1) {
              return Status::InvalidArgument("component " + comp.id() +
                                             ": best_n must be >= 1");
            }
            std::sort(xs.begin(), xs.end(), std::greater<double>());
            size_t m = std::min(xs.size(), static_cast<size_t>(comp.best_n()));
            for (size_t i = 0; i < m; ++i) v += xs[i];
            v /= static_cast<double>(m);
            break;
          }
          default:
            for (double x : xs) v += x;
            v /= static_cast<double>(xs.size());
        }
        value[u] = v;
        total.emplace(u, 0.0);
      }
      (*parts)[comp.id()] = value;
    }
    // Units scored in any component take part; missing components count 0.
    for (int k = 0; k < a_.components_size(); ++k) {
      const v1::Component& comp = a_.components(k);
      std::map<int32_t, double>& value = (*parts)[comp.id()];
      for (auto& [u, t] : total) value.emplace(u, 0.0);
      double lo = 1e300, hi = -1e300, mean = 0, sq = 0;
      for (auto& [u, v] : value) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        mean += v;
      }
      mean /= std::max<size_t>(1, value.size());
      for (auto& [u, v] : value) sq += (v - mean) * (v - mean);
      const double sd =
          value.empty() ? 0 : std::sqrt(sq / static_cast<double>(value.size()));
      for (auto& [u, v] : value) {
        if (comp.normalization() == v1::MIN_MAX)
          v = hi > lo ? (v - lo) / (hi - lo) * 100.0 : 100.0;
        if (comp.normalization() == v1::Z_SCORE)
          v = sd > 0 ? (v - mean) / sd : 0.0;
        v *= checked[static_cast<size_t>(k)];
        total[u] += v;
      }
    }
    for (auto& [u, t] : total) {
      units->push_back(u);
      scores->push_back(t);
    }
    return Status::OK();
  }

  const v1::Assessment& config() const { return a_; }

  // The first veto of `unit` that reaches `period`, or null.
  const v1::Veto* VetoFor(const std::string& unit,
                          const std::string& period) const {
    auto it = vetoes_.find(unit);
    if (it == vetoes_.end()) return nullptr;
    for (const v1::Veto* v : it->second) {
      const v1::VetoReach reach = v->reach() != v1::VETO_REACH_UNSPECIFIED
                                      ? v->reach()
                                      : a_.veto_reach();
      if (VetoReaches(v->period(), reach, period)) return v;
    }
    return nullptr;
  }

 private:
  const Campaign& c_;
  const v1::Assessment& a_;
  std::unordered_map<std::string, std::unique_ptr<const CompiledScheme>>
      schemes_;
  std::map<std::string, std::vector<const v1::IndicatorInput*>> by_period_;
  std::deque<v1::IndicatorInput> synthesized_;  // Stable addresses.
  // Inputs from targets and from the caller; those from targets.
  std::unordered_set<const v1::IndicatorInput*> derived_, targets_;
  std::set<int32_t> assessed_;  // Empty: every unit.
  std::map<std::string, std::vector<const v1::Veto*>> vetoes_;  // By unit.
  std::map<std::string, std::string> group_of_;
};

}  // namespace

Status RankPeriod(const Campaign& campaign, const std::string& period,
                  const std::string& component_id, v1::RankingTable* out) {
  return RankPeriod(campaign, period, component_id, {}, out);
}

Status RankPeriod(const Campaign& campaign, const std::string& period,
                  const std::string& component_id,
                  const std::vector<v1::IndicatorInput>& derived,
                  v1::RankingTable* out) {
  out->Clear();
  Kind kind;
  int year;
  CW_RETURN_IF_ERROR(ParsePeriod(period, &kind, &year));
  Engine engine(campaign);
  CW_RETURN_IF_ERROR(engine.Init(&derived));
  std::vector<int32_t> units;
  std::vector<double> scores;
  if (kind == Kind::kYear) {
    if (!component_id.empty()) {
      return Status::InvalidArgument(
          "a year ranks the composite; it takes no component");
    }
    std::map<std::string, std::map<int32_t, double>> parts;
    CW_RETURN_IF_ERROR(engine.Composite(year, &units, &scores, &parts));
  } else {
    const v1::Component* comp = nullptr;
    CW_RETURN_IF_ERROR(engine.FindComponent(kind, component_id, &comp));
    std::map<int32_t, v1::ScoreSheet> sheets;
    CW_RETURN_IF_ERROR(engine.ScorePeriod(*comp, period, &sheets));
    for (auto& [u, sheet] : sheets) {
      units.push_back(u);
      scores.push_back(sheet.total());
    }
    out->set_component_id(comp->id());
  }
  if (units.empty()) return Status::NotFound("no scores for period " + period);
  std::string component = out->component_id();
  CW_RETURN_IF_ERROR(engine.Rank(period, units, scores, out));
  out->set_component_id(component);
  return Status::OK();
}

Status ExplainUnit(const Campaign& campaign, const std::string& unit_id,
                   const std::string& period, const std::string& component_id,
                   v1::Explanation* out) {
  return ExplainUnit(campaign, unit_id, period, component_id, {}, out);
}

Status ExplainUnit(const Campaign& campaign, const std::string& unit_id,
                   const std::string& period, const std::string& component_id,
                   const std::vector<v1::IndicatorInput>& derived,
                   v1::Explanation* out) {
  out->Clear();
  if (campaign.index().Unit(unit_id) == kNoIndex) {
    return Status::NotFound("unit '" + unit_id + "' does not exist");
  }
  v1::RankingTable table;
  CW_RETURN_IF_ERROR(
      RankPeriod(campaign, period, component_id, derived, &table));
  int row = -1;
  for (int i = 0; i < table.rows_size(); ++i) {
    if (table.rows(i).unit_id() == unit_id) row = i;
  }
  if (row < 0)
    return Status::NotFound("unit '" + unit_id + "' has no score for period " +
                            period);
  const v1::RankingRow& me = table.rows(row);
  out->set_unit_id(unit_id);
  out->set_period(period);
  out->set_score(me.score());
  out->set_rank(me.rank());
  out->set_vetoed(me.vetoed());
  out->set_veto_reason(me.veto_reason());
  out->set_veto_period(me.veto_period());
  // The unit just above: the nearest earlier row with a strictly better rank.
  const v1::RankingRow* above = nullptr;
  for (int i = row - 1; i >= 0; --i) {
    if (table.rows(i).rank() < me.rank()) {
      above = &table.rows(i);
      break;
    }
  }
  if (above != nullptr) {
    out->set_above_unit_id(above->unit_id());
    out->set_gap_to_above(above->score() - me.score());
  }
  Engine engine(campaign);
  CW_RETURN_IF_ERROR(engine.Init(&derived));
  Kind kind;
  int year;
  CW_RETURN_IF_ERROR(ParsePeriod(period, &kind, &year));
  if (kind == Kind::kYear) {
    std::vector<int32_t> units;
    std::vector<double> scores;
    std::map<std::string, std::map<int32_t, double>> parts;
    CW_RETURN_IF_ERROR(engine.Composite(year, &units, &scores, &parts));
    const int32_t u = campaign.index().Unit(unit_id);
    const int32_t a =
        above == nullptr ? kNoIndex : campaign.index().Unit(above->unit_id());
    for (const v1::Component& comp : engine.config().components()) {
      v1::ScorePart* part = out->add_parts();
      part->set_id(comp.id());
      part->set_name(comp.name());
      part->set_score(parts[comp.id()][u]);
      if (a != kNoIndex) part->set_above(parts[comp.id()][a]);
      part->set_detail("weighted contribution");
    }
  } else {
    const v1::Component* comp = nullptr;
    CW_RETURN_IF_ERROR(engine.FindComponent(kind, component_id, &comp));
    std::map<int32_t, v1::ScoreSheet> sheets;
    CW_RETURN_IF_ERROR(engine.ScorePeriod(*comp, period, &sheets));
    const v1::ScoreSheet& mine = sheets.at(campaign.index().Unit(unit_id));
    *out->mutable_sheet() = mine;
    const v1::ScoreSheet* theirs =
        above == nullptr ? nullptr
                         : &sheets.at(campaign.index().Unit(above->unit_id()));
    const v1::Scheme* scheme = nullptr;
    for (const v1::Scheme& s : engine.config().schemes()) {
      if (s.id() == comp->scheme_id()) scheme = &s;
    }
    for (int i = 0; i < mine.indicators_size(); ++i) {
      // Leaves only: a parent is the sum of its parts.
      const v1::Indicator& ind = scheme->indicators(i);
      bool leaf = true;
      for (const v1::Indicator& other : scheme->indicators())
        leaf = leaf && other.parent_id() != ind.id();
      if (!leaf) continue;
      v1::ScorePart* part = out->add_parts();
      part->set_id(ind.id());
      part->set_name(ind.name());
      part->set_score(mine.indicators(i).score());
      part->set_detail(mine.indicators(i).detail());
      if (theirs != nullptr) part->set_above(theirs->indicators(i).score());
    }
  }
  // Largest shortfall against the unit above first.
  std::stable_sort(out->mutable_parts()->begin(), out->mutable_parts()->end(),
                   [](const v1::ScorePart& x, const v1::ScorePart& y) {
                     return x.above() - x.score() > y.above() - y.score();
                   });
  return Status::OK();
}

}  // namespace chuangwen
