// Working-day calendar (工作日历): weekends, statutory days off and make-up
// working days (调休), precomputed so that every query is O(1).
//
// The library ships China's calendar for 2014-2026 (data/holidays/cn.textproto,
// compiled in). Integrators load further years and local adjustments (a
// city's extra day off) by building a calendar from their own
// chuangwen.v1.HolidayCalendar, usually the shipped one merged with theirs.
//
// A date in a year whose notice is not loaded is an error that names the
// year, unless the caller allows the weekends-only fallback; the answer then
// says it used it. Thread safety: immutable once built; share freely.
#ifndef CHUANGWEN_CALENDAR_H_
#define CHUANGWEN_CALENDAR_H_

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "chuangwen/status.h"
#include "chuangwen/v1/calendar.pb.h"

namespace chuangwen {

using Date = boost::gregorian::date;

struct CalendarOptions {
  // Answer dates outside the loaded years by weekends alone (Mon-Fri work)
  // instead of failing.
  bool weekend_fallback = false;
};

class WorkCalendar {
 public:
  // Builds a calendar. Fails, naming the field (e.g.
  // "years[2].holidays[1].days_off[0].first"), on impossible dates, a run that
  // ends before it starts, a date listed both as a day off and as a make-up
  // working day, or an adjustment outside the loaded years.
  static Status Build(const v1::HolidayCalendar& data,
                      std::shared_ptr<const WorkCalendar>* out);
  // Builds `local` (further years, local adjustments) on top of `base`, e.g.
  // ChinaData(). Facts of `local` win; errors name fields of `local` as they
  // are and fields of `base` prefixed with "base ".
  static Status Build(const v1::HolidayCalendar& base,
                      const v1::HolidayCalendar& local,
                      std::shared_ptr<const WorkCalendar>* out);

  // The shipped national calendar, built once on first use.
  static std::shared_ptr<const WorkCalendar> China();
  // The shipped data itself, e.g. to merge local adjustments into.
  static const v1::HolidayCalendar& ChinaData();

  // Is `date` a working day?
  Status IsWorkingDay(Date date, bool* out, const CalendarOptions& options = {},
                      bool* used_fallback = nullptr) const;

  // The n-th working day after `date` (n > 0) or before it (n < 0), not
  // counting `date` itself; n == 0 gives `date`.
  Status AddWorkingDays(Date date, int n, Date* out,
                        const CalendarOptions& options = {},
                        bool* used_fallback = nullptr) const;

  // Working days from `first` to `last`, both included. `first` after `last`
  // is an InvalidArgument error.
  Status CountWorkingDays(Date first, Date last, int* out,
                          const CalendarOptions& options = {},
                          bool* used_fallback = nullptr) const;

  // The nearest working day on or before / on or after `date`.
  Status WorkingDayOnOrBefore(Date date, Date* out,
                              const CalendarOptions& options = {},
                              bool* used_fallback = nullptr) const {
    return NearestWorkingDay(date, -1, out, options, used_fallback);
  }
  Status WorkingDayOnOrAfter(Date date, Date* out,
                             const CalendarOptions& options = {},
                             bool* used_fallback = nullptr) const {
    return NearestWorkingDay(date, 1, out, options, used_fallback);
  }

  bool YearLoaded(int year) const;
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

 private:
  WorkCalendar() = default;

  // Index of `date` in the day arrays, or -1 when outside them.
  int64_t IndexOf(Date date) const {
    int64_t i = (date - first_day_).days();
    return i >= 0 && i < static_cast<int64_t>(working_.size()) ? i : -1;
  }
  // `date` if it is a working day, else the next one in `direction` (±1).
  Status NearestWorkingDay(Date date, int direction, Date* out,
                           const CalendarOptions& options,
                           bool* used_fallback) const;
  // Working day by the loaded facts, or by weekends alone elsewhere.
  bool WorkingAnywhere(Date date) const;
  // Checks that every year from `a` to `b` is loaded, else an error naming
  // the first that is not (or, with the fallback, sets *used_fallback).
  Status CheckYears(Date a, Date b, const CalendarOptions& options,
                    bool* used_fallback) const;
  // True when every day of indexes [i, j] lies in a loaded year.
  bool AllLoaded(int64_t i, int64_t j) const {
    return unloaded_before_[j + 1] == unloaded_before_[i];
  }

  int first_year_ = 0, last_year_ = -1;
  Date first_day_{boost::gregorian::not_a_date_time};
  std::vector<uint8_t> year_loaded_;  // By year - first_year_.
  std::vector<uint8_t> working_;      // By day index.
  std::vector<int32_t> before_;  // Working days before each index (size + 1).
  std::vector<int32_t> nth_;     // Day index of the k-th working day.
  std::vector<int32_t>
      unloaded_before_;  // Days of unloaded years before each index.
};

// A count of working days as officials write one: "5wd", "5 wd", "5个工作日"
// or "5工作日", 1 to 3 digits. False for anything else (a date, say).
bool ParseWorkingDayCount(std::string_view text, int* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_CALENDAR_H_
