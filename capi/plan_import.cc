// cw_import_plan: a plan's text to a proposed campaign; cw_plan_link: the
// cascade.
#include "chuangwen/cascade.h"
#include "chuangwen/plan_import.h"

#include "capi_internal.h"

extern "C" {

int cw_import_plan(const uint8_t* text, size_t size, const uint8_t* options,
                   size_t options_size, int options_format, int format,
                   uint8_t** out, size_t* out_size) {
  return chuangwen::capi::Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    if (text == nullptr && size != 0)
      return chuangwen::capi::Fail(CW_EINVALID, "text is NULL");
    chuangwen::Format f;
    chuangwen::Status s = chuangwen::capi::CheckFormat(format, &f);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    chuangwen::v1::ImportOptions parsed;
    if (options != nullptr || options_size != 0) {
      s = chuangwen::capi::DecodeRequest(options, options_size, options_format,
                                         &parsed);
      if (!s.ok()) return chuangwen::capi::Fail(s);
    }
    chuangwen::v1::ImportResult result;
    s = chuangwen::ImportPlan(
        std::string_view(reinterpret_cast<const char*>(text), size), parsed,
        &result);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    return chuangwen::capi::ReturnMessage(result, format, out, out_size);
  });
}

int cw_plan_link(const uint8_t* child, size_t child_size,
                 const uint8_t* parent, size_t parent_size, int in_format,
                 int format, uint8_t** out, size_t* out_size) {
  return chuangwen::capi::Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    CW_CAPI_REQUIRE(out_size, "out_size");
    chuangwen::Format f;
    chuangwen::Status s = chuangwen::capi::CheckFormat(format, &f);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    chuangwen::v1::Campaign c, p;
    s = chuangwen::capi::DecodeRequest(child, child_size, in_format, &c);
    if (s.ok())
      s = chuangwen::capi::DecodeRequest(parent, parent_size, in_format, &p);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    chuangwen::v1::CascadeResult result;
    s = chuangwen::LinkPlans(c, p, &result);
    if (!s.ok()) return chuangwen::capi::Fail(s);
    return chuangwen::capi::ReturnMessage(result, format, out, out_size);
  });
}

}  // extern "C"
