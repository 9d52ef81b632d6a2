// The working-day calendar: shipped facts, 调休, queries, fallback and bad
// data.
#include "chuangwen/calendar.h"

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace chuangwen {
namespace {

Date D(const char* iso) { return boost::gregorian::from_simple_string(iso); }

class CalendarTest : public ::testing::Test {
 protected:
  std::shared_ptr<const WorkCalendar> cal_ = WorkCalendar::China();

  bool Working(const char* iso) {
    bool w = false;
    Status s = cal_->IsWorkingDay(D(iso), &w);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return w;
  }
  Date Add(const char* iso, int n) {
    Date out;
    Status s = cal_->AddWorkingDays(D(iso), n, &out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
};

TEST_F(CalendarTest, ShipsYears2014Through2026) {
  EXPECT_EQ(cal_->first_year(), 2014);
  EXPECT_EQ(cal_->last_year(), 2026);
  for (int y = 2014; y <= 2026; ++y) EXPECT_TRUE(cal_->YearLoaded(y)) << y;
  EXPECT_EQ(WorkCalendar::ChinaData().years_size(), 13);
}

TEST_F(CalendarTest, SpringFestivalAndMakeUpWeekends2024) {
  EXPECT_TRUE(Working("2024-02-09"));   // 除夕 2024 was a working Friday.
  EXPECT_FALSE(Working("2024-02-12"));  // Monday inside the holiday.
  EXPECT_FALSE(Working("2024-02-17"));
  EXPECT_TRUE(Working("2024-02-04"));   // Make-up Sunday.
  EXPECT_TRUE(Working("2024-02-18"));   // Make-up Sunday.
  EXPECT_FALSE(Working("2024-02-24"));  // An ordinary Saturday.
  EXPECT_TRUE(Working("2024-02-19"));
}

TEST_F(CalendarTest, NthWorkingDayJumpsHolidaysAndLandsOnMakeUpDays) {
  EXPECT_EQ(Add("2024-02-08", 1), D("2024-02-09"));
  EXPECT_EQ(Add("2024-02-08", 2),
            D("2024-02-18"));  // Over the holiday, onto a make-up Sunday.
  EXPECT_EQ(Add("2024-02-08", 3), D("2024-02-19"));
  EXPECT_EQ(Add("2024-02-18", -1), D("2024-02-09"));
  EXPECT_EQ(Add("2024-02-12", -1),
            D("2024-02-09"));  // From inside the holiday.
  EXPECT_EQ(Add("2024-02-12", 1), D("2024-02-18"));
  EXPECT_EQ(Add("2024-02-12", 0), D("2024-02-12"));
  // National Day 2025: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked.
  EXPECT_EQ(Add("2025-09-30", 1), D("2025-10-09"));
  EXPECT_EQ(Add("2025-09-26", 1), D("2025-09-28"));
  EXPECT_EQ(Add("2025-10-10", 1), D("2025-10-11"));
  // Across a year boundary inside the loaded years.
  EXPECT_EQ(Add("2024-12-31", 1), D("2025-01-02"));
  EXPECT_EQ(Add("2025-01-02", -1), D("2024-12-31"));
}

TEST_F(CalendarTest, CountsWorkingDaysInclusive) {
  int n = 0;
  ASSERT_TRUE(
      cal_->CountWorkingDays(D("2024-02-01"), D("2024-02-29"), &n).ok());
  EXPECT_EQ(n, 18);  // 21 weekdays - 5 holiday weekdays + 2 make-up Sundays.
  ASSERT_TRUE(
      cal_->CountWorkingDays(D("2024-02-12"), D("2024-02-12"), &n).ok());
  EXPECT_EQ(n, 0);
  ASSERT_TRUE(
      cal_->CountWorkingDays(D("2025-01-01"), D("2025-12-31"), &n).ok());
  EXPECT_EQ(n, 248);  // 261 weekdays - 18 holiday weekdays + 5 make-up days.
  ASSERT_TRUE(
      cal_->CountWorkingDays(D("2017-03-13"), D("2017-03-13"), &n).ok());
  EXPECT_EQ(n, 1);
  Status s = cal_->CountWorkingDays(D("2024-03-01"), D("2024-02-01"), &n);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "from 2024-03-01 is after to 2024-02-01");
}

TEST_F(CalendarTest, NearestWorkingDay) {
  Date d;
  ASSERT_TRUE(cal_->WorkingDayOnOrBefore(D("2024-02-15"), &d).ok());
  EXPECT_EQ(d, D("2024-02-09"));
  ASSERT_TRUE(cal_->WorkingDayOnOrAfter(D("2024-02-15"), &d).ok());
  EXPECT_EQ(d, D("2024-02-18"));
  ASSERT_TRUE(cal_->WorkingDayOnOrAfter(D("2024-02-19"), &d).ok());
  EXPECT_EQ(d, D("2024-02-19"));
}

TEST_F(CalendarTest, OutsideTheLoadedYearsNamesTheYearUnlessFallbackAllowed) {
  bool w = false, fell_back = false;
  Status s = cal_->IsWorkingDay(D("2030-05-06"), &w);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("year 2030"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("2014-2026"), std::string::npos) << s.message();

  CalendarOptions fallback;
  fallback.weekend_fallback = true;
  ASSERT_TRUE(
      cal_->IsWorkingDay(D("2030-05-06"), &w, fallback, &fell_back).ok());
  EXPECT_TRUE(w);  // A Monday by the weekend rule (even if 2030 will differ).
  EXPECT_TRUE(fell_back);
  ASSERT_TRUE(
      cal_->IsWorkingDay(D("2024-02-12"), &w, fallback, &fell_back).ok());
  EXPECT_FALSE(fell_back);

  Date d;
  s = cal_->AddWorkingDays(D("2026-12-30"), 5, &d);
  EXPECT_NE(s.message().find("year 2027"), std::string::npos) << s.message();
  ASSERT_TRUE(
      cal_->AddWorkingDays(D("2026-12-30"), 5, &d, fallback, &fell_back).ok());
  EXPECT_TRUE(fell_back);
  EXPECT_EQ(d, D("2027-01-06"));  // 31 Dec 2026, then 1 (a Friday by the
                                  // weekend rule), 4, 5, 6 Jan.
  int n = 0;
  s = cal_->CountWorkingDays(D("2013-12-30"), D("2014-01-03"), &n);
  EXPECT_NE(s.message().find("year 2013"), std::string::npos);
  ASSERT_TRUE(cal_->CountWorkingDays(D("2013-12-30"), D("2014-01-03"), &n,
                                     fallback, &fell_back)
                  .ok());
  EXPECT_EQ(n, 4);  // 30, 31 Dec by weekends; 1 Jan off; 2, 3 Jan.
  EXPECT_TRUE(fell_back);
}

TEST_F(CalendarTest, LocalAdjustmentsAndFurtherYearsLoadOnTop) {
  v1::HolidayCalendar data = WorkCalendar::ChinaData();
  v1::DayAdjustment* extra = data.add_adjustments();
  extra->set_date("2025-06-03");  // A Tuesday the city gives off.
  extra->set_day_off(true);
  extra->set_reason("市运会");
  v1::HolidayYear* y2027 = data.add_years();
  y2027->set_year(2027);
  v1::Holiday* h = y2027->add_holidays();
  h->set_name("元旦");
  v1::DateRange* r = h->add_days_off();
  r->set_first("2027-01-01");
  r->set_last("2027-01-01");
  std::shared_ptr<const WorkCalendar> local;
  ASSERT_TRUE(WorkCalendar::Build(data, &local).ok());
  bool w = true;
  ASSERT_TRUE(local->IsWorkingDay(D("2025-06-03"), &w).ok());
  EXPECT_FALSE(w);
  ASSERT_TRUE(local->IsWorkingDay(D("2027-01-01"), &w).ok());
  EXPECT_FALSE(w);
  Date d;
  ASSERT_TRUE(local->AddWorkingDays(D("2026-12-31"), 1, &d).ok());
  EXPECT_EQ(d, D("2027-01-04"));
  EXPECT_EQ(local->last_year(), 2027);
}

TEST(CalendarBuildTest, BadDataNamesTheField) {
  v1::HolidayCalendar data;
  v1::HolidayYear* y = data.add_years();
  y->set_year(2017);
  v1::Holiday* h = y->add_holidays();
  h->set_name("春节");
  v1::DateRange* r = h->add_days_off();
  r->set_first("2017-01-27");
  r->set_last("2017-02-30");
  std::shared_ptr<const WorkCalendar> cal;
  Status s = WorkCalendar::Build(data, &cal);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("years[0].holidays[0].days_off[0].last"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("2017-02-30"), std::string::npos);

  r->set_last("2017-01-20");
  s = WorkCalendar::Build(data, &cal);
  EXPECT_EQ(s.message(),
            "years[0].holidays[0].days_off[0]: last 2017-01-20 is before first "
            "2017-01-27");

  r->set_last("2017-02-02");
  h->add_make_up_workdays("2017-02-01");  // Inside the run of days off.
  s = WorkCalendar::Build(data, &cal);
  EXPECT_EQ(s.message(),
            "years[0].holidays[0].make_up_workdays[0]: 2017-02-01 is also "
            "listed as a day off");

  h->set_make_up_workdays(0, "2017-01-22");
  data.add_adjustments()->set_date("2019-01-02");
  s = WorkCalendar::Build(data, &cal);
  EXPECT_EQ(s.message(),
            "adjustments[0].date: 2019-01-02 is outside the loaded years");
}

}  // namespace
}  // namespace chuangwen

namespace chuangwen {
namespace {

TEST(WorkingDayCountTest, AsOfficialsWriteThem) {
  int n = -1;
  EXPECT_TRUE(ParseWorkingDayCount("5wd", &n));
  EXPECT_EQ(n, 5);
  EXPECT_TRUE(ParseWorkingDayCount("12 wd", &n));
  EXPECT_EQ(n, 12);
  EXPECT_TRUE(ParseWorkingDayCount("3个工作日", &n));
  EXPECT_EQ(n, 3);
  EXPECT_TRUE(ParseWorkingDayCount("999工作日", &n));
  EXPECT_EQ(n, 999);
  n = -1;
  for (const char* bad : {"", "wd", "1000wd", "5", "5 days", "2025-09-15",
                          "5  wd", "-5wd", "５wd"}) {
    EXPECT_FALSE(ParseWorkingDayCount(bad, &n)) << bad;
  }
  EXPECT_EQ(n, -1);
}

}  // namespace
}  // namespace chuangwen
