// cw_campaign_progress_status: targets, progress and the campaign's live
// status.
#include "chuangwen/progress.h"

#include "campaign_handle.h"
#include "capi_internal.h"

extern "C" {

int cw_campaign_progress_status(const cw_campaign* campaign,
                                const uint8_t* request, size_t size,
                                int request_format, int format, uint8_t** out,
                                size_t* out_size) {
  namespace v1 = chuangwen::v1;
  return chuangwen::capi::Respond<v1::CampaignStatusRequest,
                                  v1::CampaignStatus>(
      request, size, request_format, format, out, out_size,
      [&](const auto& req, auto* m) -> chuangwen::Status {
        CW_RETURN_IF_ERROR(chuangwen::capi::Required(campaign, "campaign"));
        return chuangwen::QueryCampaignStatus(*campaign->rep, req, m);
      });
}

}  // extern "C"
