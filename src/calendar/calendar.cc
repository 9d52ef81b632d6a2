#include "chuangwen/calendar.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>
#include <string>

#include "chuangwen/codec.h"
#include "chuangwen/date.h"

namespace chuangwen {
namespace internal {
extern const char
    kShippedHolidays[];  // Generated from data/holidays/cn.textproto.
}  // namespace internal

namespace {

using boost::gregorian::date_duration;
using boost::gregorian::days;

bool IsWeekend(Date d) {
  auto w = d.day_of_week();
  return w == boost::gregorian::Saturday || w == boost::gregorian::Sunday;
}

Status FieldDate(const std::string& text, const std::string& field, Date* out) {
  Status s = ParseIsoDate(text, out);
  if (!s.ok()) return Status::InvalidArgument(field + ": " + s.message());
  return Status::OK();
}

Status OutsideYears(int year, int first, int last) {
  std::string loaded = first <= last
                           ? std::to_string(first) + "-" + std::to_string(last)
                           : std::string("none");
  return Status::InvalidArgument(
      "year " + std::to_string(year) +
      " is not in the loaded calendar (years " + loaded +
      "); load that year's holidays or allow the weekends-only fallback");
}

}  // namespace

Status WorkCalendar::Build(const v1::HolidayCalendar& data,
                           std::shared_ptr<const WorkCalendar>* out) {
  return Build(v1::HolidayCalendar(), data, out);
}

Status WorkCalendar::Build(const v1::HolidayCalendar& base,
                           const v1::HolidayCalendar& local,
                           std::shared_ptr<const WorkCalendar>* out) {
  // Collect facts first: date → working day? Local facts override the base.
  std::map<Date, bool> national;
  std::vector<int> loaded;
  for (const v1::HolidayCalendar* layer : {&base, &local}) {
    std::map<Date, bool> facts;
    const std::string prefix =
        layer == &base && local.ByteSizeLong() > 0 ? "base " : "";
    const v1::HolidayCalendar& data = *layer;
    for (int y = 0; y < data.years_size(); ++y) {
      const v1::HolidayYear& year = data.years(y);
      std::string at = prefix + "years[" + std::to_string(y) + "]";
      if (year.year() < 1900 || year.year() > 2999) {
        return Status::InvalidArgument(at +
                                       ".year: " + std::to_string(year.year()) +
                                       " is out of range 1900..2999");
      }
      loaded.push_back(year.year());
      for (int h = 0; h < year.holidays_size(); ++h) {
        const v1::Holiday& holiday = year.holidays(h);
        std::string hat = at + ".holidays[" + std::to_string(h) + "]";
        for (int r = 0; r < holiday.days_off_size(); ++r) {
          std::string rat = hat + ".days_off[" + std::to_string(r) + "]";
          Date a, b;
          CW_RETURN_IF_ERROR(
              FieldDate(holiday.days_off(r).first(), rat + ".first", &a));
          CW_RETURN_IF_ERROR(
              FieldDate(holiday.days_off(r).last(), rat + ".last", &b));
          if (b < a) {
            return Status::InvalidArgument(rat + ": last " + FormatIsoDate(b) +
                                           " is before first " +
                                           FormatIsoDate(a));
          }
          for (boost::gregorian::day_iterator it(a); *it <= b; ++it) {
            auto [day, added] = facts.emplace(*it, false);
            if (!added && day->second) {
              return Status::InvalidArgument(
                  rat + ": " + FormatIsoDate(*it) +
                  " is also listed as a make-up working day");
            }
          }
        }
        for (int w = 0; w < holiday.make_up_workdays_size(); ++w) {
          std::string wat =
              hat + ".make_up_workdays[" + std::to_string(w) + "]";
          Date d;
          CW_RETURN_IF_ERROR(FieldDate(holiday.make_up_workdays(w), wat, &d));
          auto [it, added] = facts.emplace(d, true);
          if (!added && !it->second) {
            return Status::InvalidArgument(wat + ": " + FormatIsoDate(d) +
                                           " is also listed as a day off");
          }
        }
      }
    }
    for (const auto& [d, working] : facts) national[d] = working;
  }
  int first = 0, last = -1;
  if (!loaded.empty()) {
    first = *std::min_element(loaded.begin(), loaded.end());
    last = *std::max_element(loaded.begin(), loaded.end());
  }
  std::vector<const v1::DayAdjustment*> adjustments;
  std::vector<std::string> adjustment_paths;
  for (const v1::HolidayCalendar* layer : {&base, &local}) {
    const std::string prefix =
        layer == &base && local.ByteSizeLong() > 0 ? "base " : "";
    for (int a = 0; a < layer->adjustments_size(); ++a) {
      adjustments.push_back(&layer->adjustments(a));
      adjustment_paths.push_back(prefix + "adjustments[" + std::to_string(a) +
                                 "].date");
    }
  }
  std::shared_ptr<WorkCalendar> cal(new WorkCalendar());
  cal->first_year_ = first;
  cal->last_year_ = last;
  if (last < first) {
    if (!adjustments.empty()) {
      return Status::InvalidArgument(adjustment_paths[0] +
                                     ": no years are loaded to adjust");
    }
    *out = std::move(cal);
    return Status::OK();
  }
  cal->first_day_ = Date(static_cast<unsigned short>(first), 1, 1);
  const Date end(static_cast<unsigned short>(last), 12, 31);
  const size_t n = static_cast<size_t>((end - cal->first_day_).days() + 1);
  cal->year_loaded_.assign(static_cast<size_t>(last - first + 1), 0);
  for (int year : loaded) cal->year_loaded_[year - first] = 1;
  cal->working_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    cal->working_[i] = !IsWeekend(cal->first_day_ + days(static_cast<long>(i)));
  }
  for (const auto& [d, working] : national) {
    int64_t i = cal->IndexOf(d);
    if (i >= 0) cal->working_[static_cast<size_t>(i)] = working;
  }
  for (size_t a = 0; a < adjustments.size(); ++a) {
    const std::string& at = adjustment_paths[a];
    Date d;
    CW_RETURN_IF_ERROR(FieldDate(adjustments[a]->date(), at, &d));
    int64_t i = cal->IndexOf(d);
    if (i < 0 || !cal->YearLoaded(d.year())) {
      return Status::InvalidArgument(at + ": " + FormatIsoDate(d) +
                                     " is outside the loaded years");
    }
    cal->working_[static_cast<size_t>(i)] = !adjustments[a]->day_off();
  }
  cal->before_.resize(n + 1);
  cal->before_[0] = 0;
  cal->unloaded_before_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    Date d = cal->first_day_ + days(static_cast<long>(i));
    cal->unloaded_before_[i + 1] =
        cal->unloaded_before_[i] + !cal->YearLoaded(d.year());
    cal->before_[i + 1] = cal->before_[i] + cal->working_[i];
    if (cal->working_[i]) cal->nth_.push_back(static_cast<int32_t>(i));
  }
  *out = std::move(cal);
  return Status::OK();
}

const v1::HolidayCalendar& WorkCalendar::ChinaData() {
  static const v1::HolidayCalendar* data = [] {
    auto* d = new v1::HolidayCalendar();
    Status s = Decode(internal::kShippedHolidays, Format::kText, d);
    if (!s.ok())
      throw std::logic_error("shipped holiday data: " + s.ToString());
    return d;
  }();
  return *data;
}

std::shared_ptr<const WorkCalendar> WorkCalendar::China() {
  static const std::shared_ptr<const WorkCalendar> china = [] {
    std::shared_ptr<const WorkCalendar> cal;
    Status s = Build(ChinaData(), &cal);
    if (!s.ok())
      throw std::logic_error("shipped holiday data: " + s.ToString());
    return cal;
  }();
  return china;
}

bool WorkCalendar::YearLoaded(int year) const {
  return year >= first_year_ && year <= last_year_ &&
         year_loaded_[year - first_year_];
}

bool WorkCalendar::WorkingAnywhere(Date date) const {
  int64_t i = IndexOf(date);
  if (i >= 0 && YearLoaded(date.year()))
    return working_[static_cast<size_t>(i)];
  return !IsWeekend(date);
}

Status WorkCalendar::CheckYears(Date a, Date b, const CalendarOptions& options,
                                bool* used_fallback) const {
  if (b < a) std::swap(a, b);
  for (int y = a.year(); y <= b.year(); ++y) {
    if (YearLoaded(y)) continue;
    if (!options.weekend_fallback)
      return OutsideYears(y, first_year_, last_year_);
    if (used_fallback != nullptr) *used_fallback = true;
    return Status::OK();
  }
  return Status::OK();
}

Status WorkCalendar::IsWorkingDay(Date date, bool* out,
                                  const CalendarOptions& options,
                                  bool* used_fallback) const {
  if (used_fallback != nullptr) *used_fallback = false;
  int64_t i = IndexOf(date);
  if (i >= 0 && AllLoaded(i, i)) {
    *out = working_[static_cast<size_t>(i)];
    return Status::OK();
  }
  CW_RETURN_IF_ERROR(CheckYears(date, date, options, used_fallback));
  *out = !IsWeekend(date);
  return Status::OK();
}

Status WorkCalendar::AddWorkingDays(Date date, int n, Date* out,
                                    const CalendarOptions& options,
                                    bool* used_fallback) const {
  if (used_fallback != nullptr) *used_fallback = false;
  if (n == 0) {
    *out = date;
    return Status::OK();
  }
  int64_t i = IndexOf(date);
  if (i >= 0) {
    // Fast path: the answer lies inside the arrays and every year on the way
    // is loaded.
    int64_t ordinal =
        n > 0 ? int64_t{before_[i + 1]} + n - 1 : int64_t{before_[i]} + n;
    if (ordinal >= 0 && ordinal < static_cast<int64_t>(nth_.size())) {
      int64_t r = nth_[static_cast<size_t>(ordinal)];
      if (AllLoaded(std::min(i, r), std::max(i, r))) {
        *out = first_day_ + days(static_cast<long>(r));
        return Status::OK();
      }
    }
  }
  // Slow path: step day by day, weekends-only outside the loaded years.
  const int step = n > 0 ? 1 : -1;
  int64_t remaining = n > 0 ? int64_t{n} : -int64_t{n};  // n may be INT_MIN.
  Date d = date;
  bool fell_back = false;
  while (remaining > 0) {
    d += days(step);
    if (d.is_special())
      return Status::InvalidArgument("date arithmetic left the calendar");
    if (!YearLoaded(d.year())) {
      if (!options.weekend_fallback)
        return OutsideYears(d.year(), first_year_, last_year_);
      fell_back = true;
    }
    if (WorkingAnywhere(d)) --remaining;
  }
  if (used_fallback != nullptr) *used_fallback = fell_back;
  *out = d;
  return Status::OK();
}

Status WorkCalendar::CountWorkingDays(Date first, Date last, int* out,
                                      const CalendarOptions& options,
                                      bool* used_fallback) const {
  if (used_fallback != nullptr) *used_fallback = false;
  if (last < first) {
    return Status::InvalidArgument("from " + FormatIsoDate(first) +
                                   " is after to " + FormatIsoDate(last));
  }
  int64_t i = IndexOf(first), j = IndexOf(last);
  if (i >= 0 && j >= 0 && AllLoaded(i, j)) {
    *out = before_[j + 1] - before_[i];
    return Status::OK();
  }
  bool fell_back = false;
  CW_RETURN_IF_ERROR(CheckYears(first, last, options, &fell_back));
  int count = 0;
  for (boost::gregorian::day_iterator it(first); *it <= last; ++it)
    count += WorkingAnywhere(*it);
  if (used_fallback != nullptr) *used_fallback = fell_back;
  *out = count;
  return Status::OK();
}

Status WorkCalendar::NearestWorkingDay(Date date, int direction, Date* out,
                                       const CalendarOptions& options,
                                       bool* used_fallback) const {
  bool working = false;
  CW_RETURN_IF_ERROR(IsWorkingDay(date, &working, options, used_fallback));
  if (working) {
    *out = date;
    return Status::OK();
  }
  return AddWorkingDays(date, direction, out, options, used_fallback);
}

bool ParseWorkingDayCount(std::string_view text, int* out) {
  size_t digits = 0;
  while (digits < text.size() && digits < 4 && text[digits] >= '0' &&
         text[digits] <= '9')
    ++digits;
  if (digits == 0 || digits > 3) return false;
  std::string_view unit = text.substr(digits);
  if (!unit.empty() && unit[0] == ' ') unit.remove_prefix(1);
  if (unit != "wd" && unit != "个工作日" && unit != "工作日") return false;
  int n = 0;
  for (size_t i = 0; i < digits; ++i) n = n * 10 + (text[i] - '0');
  *out = n;
  return true;
}

}  // namespace chuangwen
