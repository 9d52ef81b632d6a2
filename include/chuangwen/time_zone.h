// Time: instants, the campaign's time zone and its clock.
//
// Instants cross the API as RFC 3339 text with an offset
// ("2025-10-20T16:30:00Z", "2025-10-21T00:30:00+08:00"), checked strictly.
// An event's date is its local date in the campaign's time zone (an IANA
// name, default Asia/Shanghai); "today" is the local date of the campaign's
// clock. The zone rules come from the system's time zone database (Debian's
// tzdata) through Howard Hinnant's date library; never the host's TZ.
//
// Thread safety: TimeZone and the clocks here are immutable; share freely.
#ifndef CHUANGWEN_TIME_ZONE_H_
#define CHUANGWEN_TIME_ZONE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "chuangwen/calendar.h"
#include "chuangwen/status.h"

namespace chuangwen {

// Seconds since 1970-01-01T00:00:00Z (fractions of a second are dropped).
struct Instant {
  int64_t seconds = 0;
};

// Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)" exactly; anything else
// (a missing offset, trailing text, 25:00, 2025-02-30) is InvalidArgument
// quoting the text and saying what is wrong.
Status ParseRfc3339(std::string_view text, Instant* out);
// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatRfc3339Utc(Instant instant);

class TimeZone {
 public:
  static constexpr const char* kDefaultName = "Asia/Shanghai";

  // The zone of that IANA name; NotFound naming it when the database has no
  // such zone, IOError naming the tzdata package when there is no database.
  static Status Find(const std::string& name,
                     std::shared_ptr<const TimeZone>* out);
  // Asia/Shanghai; where the host has no time zone database, a fixed UTC+8
  // under that name (China has kept UTC+8 without summer time since 1991).
  static std::shared_ptr<const TimeZone> Default();

  const std::string& name() const { return name_; }
  // The local date and the offset from UTC (seconds) of an instant.
  Date LocalDate(Instant instant) const;
  int32_t OffsetSeconds(Instant instant) const;
  // RFC 3339 with the zone's offset, e.g. "2025-10-21T00:30:00+08:00".
  std::string FormatLocal(Instant instant) const;

 private:
  TimeZone(std::string name, const void* zone, int32_t fixed_offset)
      : name_(std::move(name)), zone_(zone), fixed_offset_(fixed_offset) {}
  std::string name_;
  const void* zone_;       // A date::time_zone of the database, or null:
  int32_t fixed_offset_;   // then this offset from UTC, in seconds.
};

// Where "now" comes from. Tests and simulations set a fixed one.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;

  static std::shared_ptr<const Clock> System();
  static std::shared_ptr<const Clock> Fixed(Instant instant);
};

}  // namespace chuangwen

#endif  // CHUANGWEN_TIME_ZONE_H_
