#include <boost/date_time/gregorian/gregorian.hpp>

#include "chuangwen/date.h"

namespace chuangwen {
namespace {

bool ReadDigits(std::string_view text, size_t pos, size_t count, int* out) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

}  // namespace

Status ParseIsoDate(std::string_view text, boost::gregorian::date* out) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ReadDigits(text, 0, 4, &year) || !ReadDigits(text, 5, 2, &month) ||
      !ReadDigits(text, 8, 2, &day)) {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "' is not a date of the form YYYY-MM-DD");
  }
  if (year < 1400 || year > 9999) {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "': year out of range 1400..9999");
  }
  if (month < 1 || month > 12) {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "': month must be 1..12");
  }
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month));
  if (day < 1 || day > last) {
    return Status::InvalidArgument(
        "'" + std::string(text) + "': day must be 1.." + std::to_string(last) +
        " in " + std::to_string(year) + "-" + (month < 10 ? "0" : "") +
        std::to_string(month));
  }
  *out = boost::gregorian::date(static_cast<unsigned short>(year),
                                static_cast<unsigned short>(month),
                                static_cast<unsigned short>(day));
  return Status::OK();
}

std::string FormatIsoDate(const boost::gregorian::date& date) {
  if (date.is_special()) return boost::gregorian::to_iso_extended_string(date);
  // By hand: Boost's formatter goes through a stream, which is slow in
  // queries that print many dates.
  const auto ymd = date.year_month_day();
  const int y = ymd.year, m = ymd.month, d = ymd.day;
  char text[10] = {static_cast<char>('0' + y / 1000),
                   static_cast<char>('0' + y / 100 % 10),
                   static_cast<char>('0' + y / 10 % 10),
                   static_cast<char>('0' + y % 10),
                   '-',
                   static_cast<char>('0' + m / 10),
                   static_cast<char>('0' + m % 10),
                   '-',
                   static_cast<char>('0' + d / 10),
                   static_cast<char>('0' + d % 10)};
  return std::string(text, sizeof text);
}

}  // namespace chuangwen
