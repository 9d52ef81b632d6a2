// The shipped calendar against the reference facts in ../shared/data/holiday-cn
// (one JSON file per year, as published in the State Council's notices), when
// that folder exists: every reference day agrees, and every day where the
// shipped calendar departs from the weekend rule is in the reference.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <filesystem>
#include <map>

#include "chuangwen/calendar.h"
#include "chuangwen/codec.h"
#include "chuangwen/date.h"

namespace chuangwen {
namespace {

TEST(CalendarReferenceTest, ShippedDatesMatchTheReference) {
  const std::filesystem::path dir = CW_HOLIDAY_REFERENCE_DIR;
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "reference data not found at " << dir
                 << "; skipping the comparison";
  }
  std::shared_ptr<const WorkCalendar> cal = WorkCalendar::China();
  std::map<Date, bool> reference;  // date → is a day off
  int files = 0;
  for (int year = cal->first_year(); year <= cal->last_year(); ++year) {
    std::string path = (dir / (std::to_string(year) + ".json")).string();
    std::string json;
    ASSERT_TRUE(ReadFile(path, &json).ok()) << "missing reference " << path;
    google::protobuf::Struct doc;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &doc).ok())
        << path;
    ++files;
    for (const auto& day : doc.fields().at("days").list_value().values()) {
      const auto& f = day.struct_value().fields();
      Date d;
      ASSERT_TRUE(ParseIsoDate(f.at("date").string_value(), &d).ok());
      reference[d] = f.at("isOffDay").bool_value();
    }
  }
  EXPECT_EQ(files, 13);
  int checked = 0;
  for (const auto& [d, off] : reference) {
    if (!cal->YearLoaded(d.year())) continue;
    bool working = false;
    ASSERT_TRUE(cal->IsWorkingDay(d, &working).ok());
    EXPECT_EQ(working, !off) << boost::gregorian::to_iso_extended_string(d);
    ++checked;
  }
  EXPECT_GT(checked, 400);
  // The other direction: no departure from the weekend rule the reference
  // lacks.
  for (boost::gregorian::day_iterator it(Date(2014, 1, 1));
       *it <= Date(2026, 12, 31); ++it) {
    bool working = false;
    ASSERT_TRUE(cal->IsWorkingDay(*it, &working).ok());
    auto w = it->day_of_week();
    bool weekend =
        w == boost::gregorian::Saturday || w == boost::gregorian::Sunday;
    if (working == weekend) {
      EXPECT_EQ(reference.count(*it), 1u)
          << boost::gregorian::to_iso_extended_string(*it)
          << " departs from the weekend rule "
          << "but is not in the reference";
    }
  }
}

}  // namespace
}  // namespace chuangwen
