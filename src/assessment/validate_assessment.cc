// Rule 11 of validation: the assessment part of a campaign.
#include "chuangwen/assessment.h"

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "model/validate_internal.h"
#include "chuangwen/ranking.h"
#include "chuangwen/scoring.h"

namespace chuangwen::internal {
namespace {

void CheckAssessment(const v1::Campaign& c, const CampaignIndex& index,
                     v1::ValidationReport* report) {
  const v1::Assessment& a = c.assessment();
  std::vector<std::unique_ptr<const CompiledScheme>> schemes(
      static_cast<size_t>(a.schemes_size()));
  std::map<std::string, int> scheme_of_indicator, scheme_by_id;
  for (int i = 0; i < a.schemes_size(); ++i) {
    const v1::Scheme& s = a.schemes(i);
    scheme_by_id.emplace(s.id(), i);
    for (const v1::Indicator& ind : s.indicators())
      scheme_of_indicator.emplace(ind.id(), i);
    Status st = CompiledScheme::Compile(s, &schemes[static_cast<size_t>(i)]);
    if (!st.ok()) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 "scheme " + s.id() + ": " + st.message(),
                 FieldPath("assessment.schemes", i, ""), s.id());
    }
  }
  std::vector<double> weights;
  for (int i = 0; i < a.components_size(); ++i) {
    const v1::Component& comp = a.components(i);
    weights.push_back(comp.weight());
    if (scheme_by_id.count(comp.scheme_id()) == 0) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 "component " + comp.id() + ": scheme '" + comp.scheme_id() +
                     "' does not exist",
                 FieldPath("assessment.components", i, "scheme_id"), comp.id());
    }
    if (comp.period_kind() == v1::PERIOD_KIND_UNSPECIFIED) {
      AddProblem(report, v1::PROBLEM_CODE_MISSING_FIELD,
                 "component " + comp.id() + ": period_kind is required",
                 FieldPath("assessment.components", i, "period_kind"),
                 comp.id());
    }
  }
  std::vector<double> checked;
  if (!weights.empty()) {
    Status st = PrepareWeights(weights.data(), weights.size(), false, &checked);
    if (!st.ok()) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 "component weights: " + st.message(), "assessment.components",
                 "");
    }
  }
  auto unit_ref = [&](const std::string& id, const std::string& location,
                      const char* what) {
    if (index.Unit(id) == kNoIndex) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 std::string(what) + ": unit '" + id + "' does not exist",
                 location, id);
      return false;
    }
    return true;
  };
  for (int i = 0; i < a.groups_size(); ++i) {
    unit_ref(a.groups(i).unit_id(),
             FieldPath("assessment.groups", i, "unit_id"), "group");
  }
  // "2025", "2025-06" or "2025-Q2".
  auto is_period = [](const std::string& p) {
    auto digits = [&](size_t from, size_t n) {
      for (size_t k = from; k < from + n; ++k)
        if (k >= p.size() || p[k] < '0' || p[k] > '9') return false;
      return true;
    };
    if (!digits(0, 4)) return false;
    if (p.size() == 4) return true;
    if (p.size() != 7 || p[4] != '-') return false;
    if (p[5] == 'Q') return p[6] >= '1' && p[6] <= '4';
    return digits(5, 2) && p.substr(5) >= "01" && p.substr(5) <= "12";
  };
  for (int i = 0; i < a.vetoes_size(); ++i) {
    const v1::Veto& v = a.vetoes(i);
    unit_ref(v.unit_id(), FieldPath("assessment.vetoes", i, "unit_id"),
             "veto");
    if (!is_period(v.period())) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE,
                 "veto of unit '" + v.unit_id() + "': period '" + v.period() +
                     "' is not YYYY, YYYY-MM or YYYY-Qn",
                 FieldPath("assessment.vetoes", i, "period"), v.unit_id());
    }
  }
  for (int i = 0; i < a.assessed_unit_ids_size(); ++i) {
    unit_ref(a.assessed_unit_ids(i),
             FieldPath("assessment.assessed_unit_ids", i, ""), "assessed unit");
  }
  // Inputs: known unit and indicator, then scored per (scheme, unit, period)
  // so that out-of-range values show up now rather than at ranking time.
  std::map<std::tuple<int, std::string, std::string>,
           std::vector<const v1::IndicatorInput*>>
      batches;
  for (int i = 0; i < a.inputs_size(); ++i) {
    const v1::IndicatorInput& in = a.inputs(i);
    if (!unit_ref(in.unit_id(), FieldPath("assessment.inputs", i, "unit_id"),
                  "input"))
      continue;
    auto s = scheme_of_indicator.find(in.indicator_id());
    if (s == scheme_of_indicator.end()) {
      AddProblem(report, v1::PROBLEM_CODE_UNKNOWN_REFERENCE,
                 "input: indicator '" + in.indicator_id() + "' is in no scheme",
                 FieldPath("assessment.inputs", i, "indicator_id"),
                 in.indicator_id());
      continue;
    }
    batches[{s->second, in.unit_id(), in.period()}].push_back(&in);
  }
  for (const auto& [key, inputs] : batches) {
    const auto& [scheme, unit, period] = key;
    if (schemes[static_cast<size_t>(scheme)] == nullptr)
      continue;  // Reported above.
    v1::ScoreSheet sheet;
    Status st = schemes[static_cast<size_t>(scheme)]->Score(unit, period,
                                                            inputs, &sheet);
    if (!st.ok()) {
      AddProblem(report, v1::PROBLEM_CODE_INVALID_VALUE, st.message(),
                 "assessment.inputs", unit);
    }
  }
}

}  // namespace
}  // namespace chuangwen::internal

namespace chuangwen {

void AddAssessmentValidationRules(ValidationRules* rules) {
  rules->Add(&internal::CheckAssessment);
}

}  // namespace chuangwen
