// The definition of the cw_campaign handle, shared by the capi/*.cc files
// that take one. Not installed.
#ifndef CHUANGWEN_CAPI_CAMPAIGN_HANDLE_H_
#define CHUANGWEN_CAPI_CAMPAIGN_HANDLE_H_

#include <memory>

#include "chuangwen/campaign.h"

struct cw_campaign {
  std::shared_ptr<const chuangwen::Campaign> rep;
};

#endif  // CHUANGWEN_CAPI_CAMPAIGN_HANDLE_H_
