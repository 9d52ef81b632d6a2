// Status colours (红黄绿灯) of dated items at a date, under a warning policy
// that is data: by working days to the deadline, by the share of the allowed
// time used, and stateful series where a missed item keeps the series red
// until it is made up. Done on time and done late are states too.
//
// Working days come from the given calendar. Thread safety: reentrant.
#ifndef CHUANGWEN_STATUS_COLOR_H_
#define CHUANGWEN_STATUS_COLOR_H_

#include <string>
#include <vector>

#include "chuangwen/calendar.h"
#include "chuangwen/status.h"
#include "chuangwen/v1/schedule.pb.h"

namespace chuangwen {

class Campaign;

// The policy used when none is given: yellow within 3 working days.
v1::WarningPolicy DefaultWarningPolicy();

// Checks a policy's fields; errors name the field.
Status CheckWarningPolicy(const v1::WarningPolicy& policy);

// Colours every item of `items` at `date`. Items are independent unless the
// policy is stateful, in which case items sharing a `series` are coloured in
// deadline order. Errors name the item and field (a bad date, a deadline
// before the start, a missing start under BY_SHARE).
Status EvaluateStatus(const WorkCalendar& calendar,
                      const v1::WarningPolicy& policy, Date date,
                      const std::vector<v1::DatedItem>& items,
                      std::vector<v1::ItemStatus>* out,
                      const CalendarOptions& options = {});

// The request form: the policy is the request's, else the campaign's, else
// the default; the calendar is the campaign's.
Status QueryStatus(const Campaign& campaign,
                   const v1::StatusColorsRequest& request,
                   v1::StatusColors* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_STATUS_COLOR_H_
