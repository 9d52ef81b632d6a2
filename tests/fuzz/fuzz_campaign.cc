// A campaign from any bytes: decoding in the format the first byte picks
// (binary, JSON or text), building the model, validation with problem
// locations, and the derived schedule. Any status is fine; a crash, a leak
// or undefined behaviour is not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "chuangwen/campaign.h"
#include "chuangwen/validate.h"
#include "model/locate_problems.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto format = static_cast<chuangwen::Format>(data[0] % 3);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (!chuangwen::Campaign::Load(bytes, format, &campaign).ok()) return 0;
  chuangwen::v1::ValidationReport report =
      chuangwen::Validate(campaign->proto());
  chuangwen::internal::LocateProblems(
      bytes, format, chuangwen::v1::Campaign::descriptor(), &report);
  for (const auto& problem : report.problems())
    if (problem.line() < 0 || problem.column() < 0) std::abort();
  (void)campaign->CheckValid();
  (void)campaign->ScheduleProblems();
  return 0;
}
