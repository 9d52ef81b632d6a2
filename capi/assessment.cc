// Assessment entry points: period rankings and explanations.
#include "campaign_handle.h"
#include "capi_internal.h"
#include "chuangwen/assessment.h"

namespace {
using chuangwen::Status;
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
using chuangwen::capi::ReturnMessage;
const char* OrEmpty(const char* s) { return s == nullptr ? "" : s; }
}  // namespace

extern "C" {

int cw_campaign_rank(const cw_campaign* campaign, const char* period, const char* component_id,
                     int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(period, "period");
    chuangwen::v1::RankingTable table;
    Status s = chuangwen::RankPeriod(*campaign->rep, period, OrEmpty(component_id), &table);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(table, format, out, out_size);
  });
}

int cw_campaign_explain(const cw_campaign* campaign, const char* unit_id, const char* period,
                        const char* component_id, int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(unit_id, "unit_id");
    CW_CAPI_REQUIRE(period, "period");
    chuangwen::v1::Explanation e;
    Status s = chuangwen::ExplainUnit(*campaign->rep, unit_id, period, OrEmpty(component_id), &e);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(e, format, out, out_size);
  });
}

}  // extern "C"
