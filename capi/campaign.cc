// cw_campaign: the C handle over chuangwen::Campaign and its queries.
#include <memory>
#include <string>

#include "campaign_handle.h"
#include "capi_internal.h"
#include "chuangwen/responsibility_query.h"

namespace {

namespace v1 = chuangwen::v1;
using chuangwen::Status;
using chuangwen::capi::Required;
using chuangwen::capi::Respond;
using chuangwen::capi::Run;

// Hands a loaded campaign to the caller.
Status Give(std::shared_ptr<const chuangwen::Campaign> campaign,
            cw_campaign** out) {
  *out = new cw_campaign{std::move(campaign)};
  return Status::OK();
}

}  // namespace

extern "C" {

int cw_campaign_load(const uint8_t* data, size_t size, int format,
                     cw_campaign** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    if (data == nullptr && size != 0)
      return Status::InvalidArgument(
          "data must not be NULL when size is not 0");
    chuangwen::Format f;
    CW_RETURN_IF_ERROR(chuangwen::capi::CheckFormat(format, &f));
    std::shared_ptr<const chuangwen::Campaign> campaign;
    CW_RETURN_IF_ERROR(chuangwen::Campaign::Load(
        std::string_view(reinterpret_cast<const char*>(data), size), f,
        &campaign));
    return Give(std::move(campaign), out);
  });
}

int cw_campaign_load_file(const char* path, int format, cw_campaign** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    CW_RETURN_IF_ERROR(Required(path, "path"));
    std::shared_ptr<const chuangwen::Campaign> campaign;
    if (format == CW_FORMAT_AUTO) {
      CW_RETURN_IF_ERROR(chuangwen::Campaign::LoadFile(path, &campaign));
    } else {
      chuangwen::Format f;
      CW_RETURN_IF_ERROR(chuangwen::capi::CheckFormat(format, &f));
      CW_RETURN_IF_ERROR(chuangwen::Campaign::LoadFile(path, f, &campaign));
    }
    return Give(std::move(campaign), out);
  });
}

void cw_campaign_free(cw_campaign* campaign) { delete campaign; }

int cw_campaign_save(const cw_campaign* campaign, int format, uint8_t** out,
                     size_t* out_size) {
  return Respond<v1::Campaign>(format, out, out_size, [&](v1::Campaign* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    *m = campaign->rep->proto();
    return Status::OK();
  });
}

int cw_campaign_problem_count(const cw_campaign* campaign, size_t* out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    *out = static_cast<size_t>(campaign->rep->problems().problems_size());
    return Status::OK();
  });
}

int cw_campaign_validate(const cw_campaign* campaign, int format, uint8_t** out,
                         size_t* out_size) {
  return Respond<v1::ValidationReport>(
      format, out, out_size, [&](v1::ValidationReport* m) {
        CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
        *m = campaign->rep->problems();
        return Status::OK();
      });
}

int cw_campaign_unit_tasks(const cw_campaign* campaign, const char* unit_id,
                           int include_child_units, int format, uint8_t** out,
                           size_t* out_size) {
  return Respond<v1::PartyTasks>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(unit_id, "unit_id"));
    return chuangwen::QueryUnitTasks(*campaign->rep, unit_id,
                                     include_child_units != 0, m);
  });
}

int cw_campaign_person_tasks(const cw_campaign* campaign, const char* person_id,
                             int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::PartyTasks>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(person_id, "person_id"));
    return chuangwen::QueryPersonTasks(*campaign->rep, person_id, m);
  });
}

int cw_campaign_task_parties(const cw_campaign* campaign, const char* task_id,
                             int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::TaskParties>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(task_id, "task_id"));
    return chuangwen::QueryTaskParties(*campaign->rep, task_id, m);
  });
}

int cw_campaign_workload(const cw_campaign* campaign, int format, uint8_t** out,
                         size_t* out_size) {
  return Respond<v1::LoadSummary>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    chuangwen::QueryLoad(*campaign->rep, m);
    return Status::OK();
  });
}

int cw_campaign_gaps(const cw_campaign* campaign, int format, uint8_t** out,
                     size_t* out_size) {
  return Respond<v1::GapReport>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    chuangwen::QueryGaps(*campaign->rep, m);
    return Status::OK();
  });
}

int cw_campaign_document_chain(const cw_campaign* campaign, const char* task_id,
                               int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::DocumentChain>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(task_id, "task_id"));
    return chuangwen::QueryDocumentChain(*campaign->rep, task_id, m);
  });
}

}  // extern "C"
