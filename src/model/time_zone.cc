// Instants and zones over Howard Hinnant's date library and the system's
// time zone database (USE_OS_TZDB: /usr/share/zoneinfo).
#include "chuangwen/time_zone.h"

#include <date/tz.h>

#include <chrono>
#include <exception>

#include "chuangwen/date.h"

namespace chuangwen {
namespace {

using Seconds = date::sys_seconds;

Seconds ToSys(Instant i) { return Seconds(std::chrono::seconds(i.seconds)); }

bool Digits(std::string_view t, size_t pos, size_t n, int* out) {
  if (pos + n > t.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (t[i] < '0' || t[i] > '9') return false;
    v = v * 10 + (t[i] - '0');
  }
  *out = v;
  return true;
}

std::string Two(int v) {
  return std::string{static_cast<char>('0' + v / 10),
                     static_cast<char>('0' + v % 10)};
}

// Whole days and the second of the day of a count of seconds since the epoch.
void Split(int64_t seconds, int64_t* days, int64_t* second_of_day) {
  *days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  *second_of_day = seconds - *days * 86400;
}

constexpr int64_t kEpochDayNumber = 2440588;  // 1970-01-01, Julian day.

Date DateOfDays(int64_t days) {
  return Date(boost::gregorian::gregorian_calendar::from_day_number(
      static_cast<uint32_t>(days + kEpochDayNumber)));
}

std::string FormatWithOffset(Instant instant, int32_t offset) {
  int64_t days, second;
  Split(instant.seconds + offset, &days, &second);
  std::string out = FormatIsoDate(DateOfDays(days)) + 'T' +
                    Two(static_cast<int>(second / 3600)) + ':' +
                    Two(static_cast<int>(second / 60 % 60)) + ':' +
                    Two(static_cast<int>(second % 60));
  if (offset == 0) return out + 'Z';
  const int32_t a = offset < 0 ? -offset : offset;
  return out + (offset < 0 ? '-' : '+') + Two(a / 3600) + ':' +
         Two(a / 60 % 60);
}

}  // namespace

Status ParseRfc3339(std::string_view t, Instant* out) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("'" + std::string(t) +
                                   "' is not an RFC 3339 time with an offset "
                                   "(YYYY-MM-DDTHH:MM:SS and Z or ±HH:MM): " +
                                   why);
  };
  if (t.size() < 20) return bad("too short");
  Date day;
  Status date_ok = ParseIsoDate(t.substr(0, 10), &day);
  if (!date_ok.ok()) return bad(date_ok.message());
  int hh, mm, ss;
  if ((t[10] != 'T' && t[10] != 't') || !Digits(t, 11, 2, &hh) ||
      t[13] != ':' || !Digits(t, 14, 2, &mm) || t[16] != ':' ||
      !Digits(t, 17, 2, &ss))
    return bad("the time must be THH:MM:SS");
  if (hh > 23 || mm > 59 || ss > 60) return bad("the time of day is out of range");
  size_t pos = 19;
  if (t[pos] == '.') {
    size_t digits = 0;
    while (++pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++digits;
    if (digits == 0) return bad("a fraction needs digits");
  }
  int32_t offset = 0;
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
    ++pos;
  } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
    int oh, om;
    if (!Digits(t, pos + 1, 2, &oh) || pos + 3 >= t.size() ||
        t[pos + 3] != ':' || !Digits(t, pos + 4, 2, &om))
      return bad("the offset must be ±HH:MM");
    if (oh > 23 || om > 59) return bad("the offset is out of range");
    offset = (oh * 3600 + om * 60) * (t[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return bad("the offset (Z or ±HH:MM) is missing");
  }
  if (pos != t.size()) return bad("unexpected text after the offset");
  if (ss == 60) ss = 59;  // A leap second counts as the second before it.
  const int64_t days =
      static_cast<int64_t>(day.day_number()) - kEpochDayNumber;
  out->seconds = days * 86400 + hh * 3600 + mm * 60 + ss - offset;
  return Status::OK();
}

std::string FormatRfc3339Utc(Instant instant) {
  return FormatWithOffset(instant, 0);
}

Status TimeZone::Find(const std::string& name,
                      std::shared_ptr<const TimeZone>* out) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(name);
  } catch (const std::exception& e) {
    try {
      (void)date::get_tzdb();
    } catch (const std::exception&) {
      return Status::IOError(
          "time zone '" + name +
          "': the system's time zone database is missing or unreadable "
          "(install the tzdata package)");
    }
    return Status::NotFound("time zone '" + name +
                            "' is not in the time zone database (an IANA "
                            "name such as Asia/Shanghai)");
  }
  out->reset(new TimeZone(name, zone, 0));
  return Status::OK();
}

std::shared_ptr<const TimeZone> TimeZone::Default() {
  static const std::shared_ptr<const TimeZone> zone = [] {
    std::shared_ptr<const TimeZone> z;
    if (!Find(kDefaultName, &z).ok())
      z.reset(new TimeZone(kDefaultName, nullptr, 8 * 3600));
    return z;
  }();
  return zone;
}

int32_t TimeZone::OffsetSeconds(Instant instant) const {
  const auto* zone = static_cast<const date::time_zone*>(zone_);
  if (zone == nullptr) return fixed_offset_;
  return static_cast<int32_t>(zone->get_info(ToSys(instant)).offset.count());
}

Date TimeZone::LocalDate(Instant instant) const {
  int64_t days, second;
  Split(instant.seconds + OffsetSeconds(instant), &days, &second);
  return DateOfDays(days);
}

std::string TimeZone::FormatLocal(Instant instant) const {
  return FormatWithOffset(instant, OffsetSeconds(instant));
}

namespace {

class SystemClock : public Clock {
 public:
  Instant Now() const override {
    return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count()};
  }
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(Instant i) : i_(i) {}
  Instant Now() const override { return i_; }

 private:
  Instant i_;
};

}  // namespace

std::shared_ptr<const Clock> Clock::System() {
  static const auto clock = std::make_shared<SystemClock>();
  return clock;
}

std::shared_ptr<const Clock> Clock::Fixed(Instant instant) {
  return std::make_shared<FixedClock>(instant);
}

}  // namespace chuangwen
