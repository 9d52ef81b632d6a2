// The date, duration and number readers on any text: ISO dates, RFC 3339
// instants (and their local date in Beijing), counts of working days
// ("5wd", "5个工作日"), decimals, the plan importer's Chinese dates
// ("4月20日前", "二〇二五年"), and working-day arithmetic on the China
// calendar with a count taken from the input. Any status is fine; a crash
// or undefined behaviour (an overflow included) is not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "chuangwen/calendar.h"
#include "chuangwen/date.h"
#include "chuangwen/time_zone.h"
#include "common/numbers.h"
#include "import/plan_dates.h"
#include "import/plan_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  boost::gregorian::date date;
  if (chuangwen::ParseIsoDate(text, &date).ok() &&
      chuangwen::FormatIsoDate(date).empty())
    std::abort();
  chuangwen::Instant instant;
  if (chuangwen::ParseRfc3339(text, &instant).ok()) {
    (void)chuangwen::TimeZone::Default()->LocalDate(instant);
    (void)chuangwen::FormatRfc3339Utc(instant);
  }
  double number = 0;
  size_t used = 0;
  (void)chuangwen::internal::ParseDecimal(text, &number, &used);
  if (used > size) std::abort();
  const chuangwen::internal::U32 norm = chuangwen::internal::ToU32(text);
  chuangwen::internal::DateSpan span;
  (void)chuangwen::internal::ParseDateSpan(norm, 2025, &span);
  (void)chuangwen::internal::WholeLineDate(norm);
  (void)chuangwen::internal::ChineseNumeralDate(norm);
  (void)chuangwen::internal::FirstYear(norm);
  int working_days = 0;
  if (chuangwen::ParseWorkingDayCount(text, &working_days) &&
      (working_days < 0 || working_days > 999))
    std::abort();
  if (size >= 4) {
    int32_t n;
    std::memcpy(&n, data, sizeof n);
    const auto calendar = chuangwen::WorkCalendar::China();
    chuangwen::Date out;
    (void)calendar->AddWorkingDays(boost::gregorian::date(2025, 3, 14), n,
                                   &out);
  }
  return 0;
}
