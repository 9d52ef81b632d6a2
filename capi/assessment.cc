// Assessment entry points: period rankings and explanations.
#include "chuangwen/assessment.h"

#include "campaign_handle.h"
#include "capi_internal.h"

namespace {
using chuangwen::Status;
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
using chuangwen::capi::ReturnMessage;
const char* OrEmpty(const char* s) { return s == nullptr ? "" : s; }
}  // namespace

extern "C" {

int cw_campaign_rank(const cw_campaign* campaign, const char* period,
                     const char* component_id, int format, uint8_t** out,
                     size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(period, "period");
    chuangwen::v1::RankingTable table;
    Status s = chuangwen::RankPeriod(*campaign->rep, period,
                                     OrEmpty(component_id), &table);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(table, format, out, out_size);
  });
}

int cw_campaign_explain(const cw_campaign* campaign, const char* unit_id,
                        const char* period, const char* component_id,
                        int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(unit_id, "unit_id");
    CW_CAPI_REQUIRE(period, "period");
    chuangwen::v1::Explanation e;
    Status s = chuangwen::ExplainUnit(*campaign->rep, unit_id, period,
                                      OrEmpty(component_id), &e);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(e, format, out, out_size);
  });
}

}  // extern "C"

#include "chuangwen/robustness.h"
#include "chuangwen/weights.h"

extern "C" {

int cw_weights(const uint8_t* request, size_t request_size, int request_format,
               int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    chuangwen::v1::WeightsRequest req;
    Status s = chuangwen::capi::DecodeRequest(request, request_size,
                                              request_format, &req);
    if (!s.ok()) return Fail(s);
    chuangwen::v1::WeightsResponse answer;
    if (req.has_ahp()) {
      const auto& ahp = req.ahp();
      if (ahp.size() < 1)
        return Fail(CW_EINVALID, "ahp.size must be at least 1");
      chuangwen::AhpResult r;
      s = chuangwen::AhpWeights({ahp.matrix().begin(), ahp.matrix().end()},
                                static_cast<size_t>(ahp.size()), ahp.force(),
                                &r);
      if (!s.ok()) return Fail(s);
      for (double w : r.weights) answer.add_weights(w);
      answer.set_lambda_max(r.lambda_max);
      answer.set_consistency_index(r.consistency_index);
      answer.set_consistency_ratio(r.consistency_ratio);
    } else if (req.has_entropy()) {
      const auto& e = req.entropy();
      if (e.units() < 0 || e.indicators() < 0 ||
          static_cast<size_t>(e.data_size()) !=
              static_cast<size_t>(e.units()) *
                  static_cast<size_t>(e.indicators())) {
        return Fail(CW_EINVALID, "entropy.data has " +
                                     std::to_string(e.data_size()) +
                                     " values, expected units × indicators");
      }
      std::vector<double> w;
      s = chuangwen::EntropyWeights(e.data().data(),
                                    static_cast<size_t>(e.units()),
                                    static_cast<size_t>(e.indicators()), &w);
      if (!s.ok()) return Fail(s);
      for (double x : w) answer.add_weights(x);
    } else {
      return Fail(CW_EINVALID, "request names no method (ahp or entropy)");
    }
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_rank_robustness(const uint8_t* request, size_t request_size,
                       int request_format, int format, uint8_t** out,
                       size_t* out_size) {
  return Guard([&] {
    chuangwen::v1::RobustnessRequest req;
    Status s = chuangwen::capi::DecodeRequest(request, request_size,
                                              request_format, &req);
    if (!s.ok()) return Fail(s);
    if (req.units() < 0 || req.indicators() < 0 ||
        static_cast<size_t>(req.scores_size()) !=
            static_cast<size_t>(req.units()) *
                static_cast<size_t>(req.indicators())) {
      return Fail(CW_EINVALID, "scores has " +
                                   std::to_string(req.scores_size()) +
                                   " values, expected units × indicators");
    }
    if (req.weights_size() != req.indicators()) {
      return Fail(CW_EINVALID,
                  "weights has " + std::to_string(req.weights_size()) +
                      " values, expected " + std::to_string(req.indicators()));
    }
    if (req.vetoed_size() != 0 && req.vetoed_size() != req.units()) {
      return Fail(CW_EINVALID,
                  "vetoed has " + std::to_string(req.vetoed_size()) +
                      " values, expected 0 or " + std::to_string(req.units()));
    }
    const int64_t trials = req.trials() != 0 ? req.trials() : 200;
    if (static_cast<int64_t>(req.units()) * trials > 200000000) {
      return Fail(CW_EINVALID, "units × trials must be at most 200000000");
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
    s = chuangwen::RankRobustness(in, options, &intervals);
    if (!s.ok()) return Fail(s);
    chuangwen::v1::RobustnessResponse answer;
    for (const auto& r : intervals) {
      auto* u = answer.add_units();
      u->set_median(r.median);
      u->set_p5(r.p5);
      u->set_p95(r.p95);
    }
    return ReturnMessage(answer, format, out, out_size);
  });
}

}  // extern "C"
