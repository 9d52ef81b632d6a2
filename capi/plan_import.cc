// cw_plan_import: a plan's text to a proposed campaign; cw_plan_link: the
// cascade.
#include "chuangwen/cascade.h"
#include "chuangwen/plan_import.h"

#include "capi_internal.h"

namespace {
namespace v1 = chuangwen::v1;
using chuangwen::Status;
using chuangwen::capi::DecodeRequest;
using chuangwen::capi::Respond;
}  // namespace

extern "C" {

int cw_plan_import(const uint8_t* text, size_t size, const uint8_t* options,
                   size_t options_size, int options_format, int format,
                   uint8_t** out, size_t* out_size) {
  return Respond<v1::ImportResult>(format, out, out_size, [&](auto* m) {
    if (text == nullptr && size != 0)
      return Status::InvalidArgument(
          "text must not be NULL when size is not 0");
    v1::ImportOptions parsed;
    if (options != nullptr || options_size != 0) {
      CW_RETURN_IF_ERROR(DecodeRequest(options, options_size, options_format,
                                       &parsed, "options"));
    }
    return chuangwen::ImportPlan(
        std::string_view(reinterpret_cast<const char*>(text), size), parsed, m);
  });
}

int cw_plan_link(const uint8_t* child, size_t child_size,
                 const uint8_t* parent, size_t parent_size, int in_format,
                 int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::CascadeResult>(format, out, out_size, [&](auto* m) {
    v1::Campaign c, p;
    CW_RETURN_IF_ERROR(
        DecodeRequest(child, child_size, in_format, &c, "child"));
    CW_RETURN_IF_ERROR(
        DecodeRequest(parent, parent_size, in_format, &p, "parent"));
    return chuangwen::LinkPlans(c, p, m);
  });
}

}  // extern "C"
