// Assessment entry points: period rankings and explanations, derived
// weights and rank robustness.
#include "chuangwen/assessment.h"

#include "campaign_handle.h"
#include "capi_internal.h"
#include "chuangwen/robustness.h"
#include "chuangwen/weights.h"

namespace {

namespace v1 = chuangwen::v1;
using chuangwen::Status;
using chuangwen::capi::OrEmpty;
using chuangwen::capi::Required;
using chuangwen::capi::Respond;

Status DeriveWeights(const v1::WeightsRequest& req, v1::Weights* answer) {
  if (req.has_ahp()) {
    const auto& ahp = req.ahp();
    if (ahp.size() < 1)
      return Status::InvalidArgument("ahp.size must be at least 1");
    chuangwen::AhpResult r;
    CW_RETURN_IF_ERROR(chuangwen::AhpWeights(
        {ahp.matrix().begin(), ahp.matrix().end()},
        static_cast<size_t>(ahp.size()), ahp.force(), &r));
    for (double w : r.weights) answer->add_weights(w);
    answer->set_lambda_max(r.lambda_max);
    answer->set_consistency_index(r.consistency_index);
    answer->set_consistency_ratio(r.consistency_ratio);
    return Status::OK();
  }
  if (req.has_entropy()) {
    const auto& e = req.entropy();
    if (e.units() < 0 || e.indicators() < 0 ||
        static_cast<size_t>(e.data_size()) !=
            static_cast<size_t>(e.units()) *
                static_cast<size_t>(e.indicators())) {
      return Status::InvalidArgument("entropy.data has " +
                                     std::to_string(e.data_size()) +
                                     " values, expected units × indicators");
    }
    std::vector<double> w;
    CW_RETURN_IF_ERROR(chuangwen::EntropyWeights(
        e.data().data(), static_cast<size_t>(e.units()),
        static_cast<size_t>(e.indicators()), &w));
    for (double x : w) answer->add_weights(x);
    return Status::OK();
  }
  return Status::InvalidArgument("request names no method (ahp or entropy)");
}

Status Robustness(const v1::RobustnessRequest& req, v1::Robustness* answer) {
  if (req.units() < 0 || req.indicators() < 0 ||
      static_cast<size_t>(req.scores_size()) !=
          static_cast<size_t>(req.units()) *
              static_cast<size_t>(req.indicators())) {
    return Status::InvalidArgument("scores has " +
                                   std::to_string(req.scores_size()) +
                                   " values, expected units × indicators");
  }
  if (req.weights_size() != req.indicators()) {
    return Status::InvalidArgument(
        "weights has " + std::to_string(req.weights_size()) +
        " values, expected " + std::to_string(req.indicators()));
  }
  if (req.vetoed_size() != 0 && req.vetoed_size() != req.units()) {
    return Status::InvalidArgument(
        "vetoed has " + std::to_string(req.vetoed_size()) +
        " values, expected 0 or " + std::to_string(req.units()));
  }
  const int64_t trials = req.trials() != 0 ? req.trials() : 200;
  if (static_cast<int64_t>(req.units()) * trials > 200000000) {
    return Status::InvalidArgument("units × trials must be at most 200000000");
  }
  std::vector<uint8_t> vetoed(req.vetoed().begin(), req.vetoed().end());
  chuangwen::RankInput in{req.scores().data(),
                          static_cast<size_t>(req.units()),
                          static_cast<size_t>(req.indicators()),
                          req.weights().data(),
                          vetoed.empty() ? nullptr : vetoed.data(),
                          nullptr};
  chuangwen::RobustnessOptions options;
  if (req.trials() != 0) options.trials = req.trials();
  if (req.spread() != 0) options.spread = req.spread();
  if (req.seed() != 0) options.seed = req.seed();
  std::vector<chuangwen::RankInterval> intervals;
  CW_RETURN_IF_ERROR(chuangwen::RankRobustness(in, options, &intervals));
  for (const auto& r : intervals) {
    auto* u = answer->add_units();
    u->set_median(r.median);
    u->set_p5(r.p5);
    u->set_p95(r.p95);
  }
  return Status::OK();
}

}  // namespace

extern "C" {

int cw_campaign_rank(const cw_campaign* campaign, const char* period,
                     const char* component_id, int format, uint8_t** out,
                     size_t* out_size) {
  return Respond<v1::RankingTable>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(period, "period"));
    return chuangwen::RankPeriod(*campaign->rep, period, OrEmpty(component_id),
                                 m);
  });
}

int cw_campaign_explain(const cw_campaign* campaign, const char* unit_id,
                        const char* period, const char* component_id,
                        int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::Explanation>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(unit_id, "unit_id"));
    CW_RETURN_IF_ERROR(Required(period, "period"));
    return chuangwen::ExplainUnit(*campaign->rep, unit_id, period,
                                  OrEmpty(component_id), m);
  });
}

int cw_weights_derive(const uint8_t* request, size_t request_size,
                      int request_format, int format, uint8_t** out,
                      size_t* out_size) {
  return Respond<v1::WeightsRequest, v1::Weights>(request, request_size,
                                                  request_format, format, out,
                                                  out_size, DeriveWeights);
}

int cw_rank_robustness(const uint8_t* request, size_t request_size,
                       int request_format, int format, uint8_t** out,
                       size_t* out_size) {
  return Respond<v1::RobustnessRequest, v1::Robustness>(
      request, request_size, request_format, format, out, out_size, Robustness);
}

}  // extern "C"
