// cw_campaign_status_at: targets, progress and the campaign's live status.
#include "chuangwen/progress.h"

#include "campaign_handle.h"
#include "capi_internal.h"

extern "C" {

int cw_campaign_status_at(const cw_campaign* campaign, const uint8_t* request,
                          size_t size, int request_format, int format,
                          uint8_t** out, size_t* out_size) {
  return chuangwen::capi::Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    chuangwen::v1::CampaignStatusRequest parsed;
    chuangwen::Status s =
        chuangwen::capi::DecodeRequest(request, size, request_format, &parsed);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    chuangwen::v1::CampaignStatus status;
    s = chuangwen::QueryCampaignStatus(*campaign->rep, parsed, &status);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    return chuangwen::capi::ReturnMessage(status, format, out, out_size);
  });
}

}  // extern "C"
