// Plan import of any bytes: format detection, decoding, the text layers and
// the parser. Any status is fine; a crash, a leak or undefined behaviour is
// not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "chuangwen/plan_import.h"
#include "import/plan_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Formats read by an external converter are not this target's: running
  // LibreOffice per input would stall the run.
  chuangwen::internal::PlanFormat format;
  if (chuangwen::internal::DetectPlanFormat(bytes, &format).ok() &&
      format != chuangwen::internal::PlanFormat::kText &&
      format != chuangwen::internal::PlanFormat::kDocx &&
      format != chuangwen::internal::PlanFormat::kHtml)
    return 0;
  chuangwen::v1::ImportOptions options;
  options.set_year(2025);
  chuangwen::v1::ImportResult result;
  const chuangwen::Status s = chuangwen::ImportPlan(bytes, options, &result);
  if (s.ok() && result.lines() < 0) std::abort();  // Never: lines are counted.
  return 0;
}
