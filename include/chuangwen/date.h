// Dates as they cross the interchange format: ISO "YYYY-MM-DD" strings,
// held in code as boost::gregorian::date.
#ifndef CHUANGWEN_DATE_H_
#define CHUANGWEN_DATE_H_

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace chuangwen {

// Parses exactly "YYYY-MM-DD" (zero-padded). Impossible dates such as
// 2017-02-30 are an InvalidArgument error that quotes the text and says why.
Status ParseIsoDate(std::string_view text, boost::gregorian::date* out);

// "YYYY-MM-DD".
std::string FormatIsoDate(const boost::gregorian::date& date);

// "Today" is the campaign's (Campaign::TodayIso, in its time zone), never the
// host's.

}  // namespace chuangwen

#endif  // CHUANGWEN_DATE_H_
