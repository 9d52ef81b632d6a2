// cw_campaign: the C handle over chuangwen::Campaign and its queries.
#include <memory>
#include <string>

#include "campaign_handle.h"
#include "capi_internal.h"
#include "chuangwen/responsibility_query.h"

namespace {

using chuangwen::Status;
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
using chuangwen::capi::ReturnMessage;

// Checks the handle and output pointers every query shares.
#define CW_CHECK_QUERY(campaign, out, out_size) \
  CW_CAPI_REQUIRE(campaign, "campaign");        \
  CW_CAPI_REQUIRE(out, "out");                  \
  CW_CAPI_REQUIRE(out_size, "out_size")

}  // namespace

extern "C" {

int cw_campaign_load(cw_campaign** out, const uint8_t* data, size_t size,
                     int format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    if (data == nullptr && size != 0) {
      return Fail(CW_EINVALID, "data must not be NULL when size is not 0");
    }
    chuangwen::Format f;
    Status s = chuangwen::capi::CheckFormat(format, &f);
    if (!s.ok()) return Fail(s);
    std::shared_ptr<const chuangwen::Campaign> campaign;
    s = chuangwen::Campaign::Load(
        std::string_view(reinterpret_cast<const char*>(data), size), f,
        &campaign);
    if (!s.ok()) return Fail(s);
    *out = new cw_campaign{std::move(campaign)};
    return CW_OK;
  });
}

int cw_campaign_load_file(cw_campaign** out, const char* path, int format) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(path, "path");
    std::shared_ptr<const chuangwen::Campaign> campaign;
    Status s;
    if (format == CW_FORMAT_AUTO) {
      s = chuangwen::Campaign::LoadFile(path, &campaign);
    } else {
      chuangwen::Format f;
      s = chuangwen::capi::CheckFormat(format, &f);
      if (s.ok()) s = chuangwen::Campaign::LoadFile(path, f, &campaign);
    }
    if (!s.ok()) return Fail(s);
    *out = new cw_campaign{std::move(campaign)};
    return CW_OK;
  });
}

void cw_campaign_free(cw_campaign* campaign) { delete campaign; }

int cw_campaign_save(const cw_campaign* campaign, int format, uint8_t** out,
                     size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    return ReturnMessage(campaign->rep->proto(), format, out, out_size);
  });
}

int cw_campaign_problem_count(const cw_campaign* campaign, size_t* out) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(out, "out");
    *out = static_cast<size_t>(campaign->rep->problems().problems_size());
    return CW_OK;
  });
}

int cw_campaign_validate(const cw_campaign* campaign, int format, uint8_t** out,
                         size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    return ReturnMessage(campaign->rep->problems(), format, out, out_size);
  });
}

int cw_campaign_unit_tasks(const cw_campaign* campaign, const char* unit_id,
                           int include_child_units, int format, uint8_t** out,
                           size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    CW_CAPI_REQUIRE(unit_id, "unit_id");
    chuangwen::v1::PartyTasks answer;
    Status s = chuangwen::QueryUnitTasks(*campaign->rep, unit_id,
                                         include_child_units != 0, &answer);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_person_tasks(const cw_campaign* campaign, const char* person_id,
                             int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    CW_CAPI_REQUIRE(person_id, "person_id");
    chuangwen::v1::PartyTasks answer;
    Status s = chuangwen::QueryPersonTasks(*campaign->rep, person_id, &answer);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_task_parties(const cw_campaign* campaign, const char* task_id,
                             int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    CW_CAPI_REQUIRE(task_id, "task_id");
    chuangwen::v1::TaskParties answer;
    Status s = chuangwen::QueryTaskParties(*campaign->rep, task_id, &answer);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_load_summary(const cw_campaign* campaign, int format,
                             uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    chuangwen::v1::LoadSummary answer;
    chuangwen::QueryLoad(*campaign->rep, &answer);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_gaps(const cw_campaign* campaign, int format, uint8_t** out,
                     size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    chuangwen::v1::GapReport answer;
    chuangwen::QueryGaps(*campaign->rep, &answer);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_document_chain(const cw_campaign* campaign, const char* task_id,
                               int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CHECK_QUERY(campaign, out, out_size);
    CW_CAPI_REQUIRE(task_id, "task_id");
    chuangwen::v1::DocumentChain answer;
    Status s = chuangwen::QueryDocumentChain(*campaign->rep, task_id, &answer);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(answer, format, out, out_size);
  });
}

}  // extern "C"
