// iCalendar (RFC 5545) export of an agenda, so staff can subscribe to their
// deadlines in any calendar client: one all-day VEVENT per deadline, with a
// stable UID, CRLF line endings, text escaping and 75-octet line folding that
// never splits a UTF-8 character.
#ifndef CHUANGWEN_ICALENDAR_H_
#define CHUANGWEN_ICALENDAR_H_

#include <string>

#include "chuangwen/v1/schedule.pb.h"

namespace chuangwen {

struct ICalendarOptions {
  std::string name;       // X-WR-CALNAME, e.g. the campaign's name.
  std::string stamp_utc;  // DTSTAMP as "YYYYMMDDTHHMMSSZ"; empty = now.
};

std::string AgendaToICalendar(const v1::Agenda& agenda,
                              const ICalendarOptions& options);

}  // namespace chuangwen

#endif  // CHUANGWEN_ICALENDAR_H_
