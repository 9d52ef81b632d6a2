// Phases, recurring duties and the agenda: every rule kind, days off and
// make-up days, month-end clamping, overlapping phases, filters and bad input.
#include "chuangwen/schedule.h"

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <set>

#include "chuangwen/campaign.h"
#include "chuangwen/codec.h"
#include "test_support.h"

namespace chuangwen {
namespace {

Date D(const char* iso) { return boost::gregorian::from_simple_string(iso); }

class ScheduleTest : public ::testing::Test {
 protected:
  v1::Campaign c_ = testing::LoadExample();

  // Replaces the duties with one parsed from text format.
  void OnlyDuty(const std::string& text) {
    c_.mutable_schedule()->clear_duties();
    c_.clear_evidence_requirements();  // They name the example's duties.
    ASSERT_TRUE(
        Decode(text, Format::kText, c_.mutable_schedule()->add_duties()).ok())
        << text;
  }
  // Due dates of the agenda from..to.
  std::vector<std::string> Due(const char* from, const char* to) {
    auto campaign = Campaign::Build(c_);
    EXPECT_TRUE(campaign->valid()) << campaign->problems().DebugString();
    v1::AgendaRequest request;
    request.set_from(from);
    request.set_to(to);
    v1::Agenda agenda;
    Status s = QueryAgenda(*campaign, request, &agenda);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<std::string> out;
    for (const auto& item : agenda.items()) out.push_back(item.due());
    return out;
  }
  std::vector<v1::Problem> Problems() {
    auto found = Campaign::Build(c_)->problems();
    return {found.problems().begin(), found.problems().end()};
  }
};

using V = std::vector<std::string>;

TEST_F(ScheduleTest, OneOffMovesOffTheSpringFestival) {
  // 2025-01-30 is inside the Spring Festival days off (01-28..02-04).
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { one_off { date: "2025-01-30" } })");
  EXPECT_EQ(Due("2025-01-01", "2025-02-28"),
            V{"2025-01-27"});  // Earlier working day.
  c_.mutable_schedule()->mutable_duties(0)->set_non_working_day(
      v1::LATER_WORKING_DAY);
  EXPECT_EQ(Due("2025-01-01", "2025-02-28"), V{"2025-02-05"});
  c_.mutable_schedule()->mutable_duties(0)->set_non_working_day(v1::KEEP);
  EXPECT_EQ(Due("2025-01-01", "2025-02-28"), V{"2025-01-30"});
}

TEST_F(ScheduleTest, MakeUpWeekendDaysAreWorkingDeadlines) {
  // 2025-02-08 is a make-up Saturday: a deadline on it stays there.
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { one_off { date: "2025-02-08" } })");
  EXPECT_EQ(Due("2025-02-01", "2025-02-28"), V{"2025-02-08"});
  // A weekly Sunday duty: 2025-01-26 is a make-up Sunday and stays; 02-02 (a
  // holiday Sunday) moves back over the festival to 01-27; 02-09 moves to the
  // make-up Saturday 02-08; 02-16 to Friday 02-14.
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { weekly { weekday: SUNDAY } })");
  EXPECT_EQ(Due("2025-01-20", "2025-02-16"),
            (V{"2025-01-26", "2025-01-27", "2025-02-08", "2025-02-14"}));
}

TEST_F(ScheduleTest, MonthlyClampsToTheMonthEnd) {
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" non_working_day: KEEP
              rule { monthly { day: 31 } })");
  EXPECT_EQ(Due("2024-01-01", "2024-04-30"),
            (V{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"}));
  c_.mutable_schedule()->mutable_duties(0)->set_non_working_day(
      v1::EARLIER_WORKING_DAY);
  // 2024-03-31 is a Sunday → Friday 03-29.
  EXPECT_EQ(Due("2024-03-01", "2024-04-30"), (V{"2024-03-29", "2024-04-30"}));
}

TEST_F(ScheduleTest, MonthEndYearlyAndEveryNMonths) {
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" rule { month_end { } })");
  // 2025-05-31 is a Saturday in the Dragon Boat days off → Friday 05-30.
  EXPECT_EQ(Due("2025-04-01", "2025-06-30"),
            (V{"2025-04-30", "2025-05-30", "2025-06-30"}));
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" non_working_day: KEEP
              rule { yearly { month: 2 day: 29 } })");
  EXPECT_EQ(Due("2023-01-01", "2024-12-31"), (V{"2023-02-28", "2024-02-29"}));
  // Quarterly in the month after each quarter, on the 10th.
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" non_working_day: KEEP
              rule { every_n_months { interval: 3 start_month: "2025-01" day: 10 } })");
  EXPECT_EQ(Due("2025-03-01", "2026-01-31"),
            (V{"2025-04-10", "2025-07-10", "2025-10-10", "2026-01-10"}));
}

TEST_F(ScheduleTest, WeeklyEveryNWeeksSemiMonthlyAndWorkingDays) {
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { weekly { weekday: FRIDAY } })");
  EXPECT_EQ(Due("2025-09-26", "2025-10-17"),
            (V{"2025-09-26", "2025-09-30", "2025-10-10",
               "2025-10-17"}));  // 10-03 is off → 09-30.
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk"
              rule { every_n_weeks { interval: 2 weekday: TUESDAY start: "2025-03-01" } })");
  EXPECT_EQ(Due("2025-03-01", "2025-04-10"),
            (V{"2025-03-04", "2025-03-18", "2025-04-01"}));
  EXPECT_EQ(Due("2025-03-10", "2025-03-31"),
            V{"2025-03-18"});  // Stride kept from the anchor.
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" non_working_day: KEEP
              rule { semi_monthly { } })");
  EXPECT_EQ(Due("2025-02-01", "2025-03-31"),
            (V{"2025-02-15", "2025-02-28", "2025-03-15", "2025-03-31"}));
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk"
              rule { semi_monthly { first_day: 5 second_day: 20 } })");
  EXPECT_EQ(Due("2025-03-01", "2025-03-31"), (V{"2025-03-05", "2025-03-20"}));
  // Every 5 working days from Monday 2025-09-22, across National Day.
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk"
              rule { every_n_working_days { interval: 5 start: "2025-09-22" } })");
  EXPECT_EQ(Due("2025-09-22", "2025-10-20"),
            (V{"2025-09-22", "2025-09-28", "2025-10-11", "2025-10-17"}));
  EXPECT_EQ(Due("2025-10-01", "2025-10-20"), (V{"2025-10-11", "2025-10-17"}));
}

TEST_F(ScheduleTest, ActiveWindowsByDateAndPhase) {
  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" non_working_day: KEEP
              rule { month_end { } } active_phase_ids: "rectify")");
  V due = Due("2025-01-01", "2025-12-31");
  ASSERT_EQ(due.size(), 8u);  // Integration phase: January to August.
  EXPECT_EQ(due.back(), "2025-08-31");
  c_.mutable_schedule()->mutable_duties(0)->set_active_from("2025-06-01");
  EXPECT_EQ(Due("2025-01-01", "2025-12-31"),
            (V{"2025-06-30", "2025-07-31", "2025-08-31"}));
}

TEST_F(ScheduleTest, OverlappingPhases) {
  auto campaign = Campaign::Build(c_);
  std::vector<int32_t> phases;
  campaign->schedule().PhasesAt(D("2025-08-15"), &phases);
  EXPECT_EQ(phases, (std::vector<int32_t>{
                        1, 2}));  // 集中整治 and 迎检 overlap in August.
  campaign->schedule().PhasesAt(D("2025-03-10"), &phases);
  EXPECT_EQ(phases,
            (std::vector<int32_t>{0, 1}));  // 动员 (open start) and 集中整治.
  campaign->schedule().PhasesAt(D("2024-12-01"), &phases);
  EXPECT_EQ(phases, std::vector<int32_t>{0});  // Only the open-start phase.
  campaign->schedule().PhasesAt(D("2026-01-05"), &phases);
  EXPECT_TRUE(phases.empty());
}

TEST_F(ScheduleTest, ExampleAgendaForAUnitAndAPerson) {
  auto campaign = Campaign::Build(c_);
  ASSERT_TRUE(campaign->valid()) << campaign->problems().DebugString();
  v1::AgendaRequest request;
  request.set_from("2025-04-01");
  request.set_to("2025-04-30");
  request.set_unit_id("srk");
  v1::Agenda agenda;
  ASSERT_TRUE(QueryAgenda(*campaign, request, &agenda).ok());
  ASSERT_EQ(agenda.items_size(), 2);
  EXPECT_EQ(agenda.items(0).due(), "2025-04-18");  // 4月20日 is a Sunday.
  EXPECT_EQ(agenda.items(0).nominal(), "2025-04-20");
  EXPECT_EQ(agenda.items(0).duty_id(), "monthly-materials");
  EXPECT_EQ(agenda.items(0).owner_name(), "市容科");
  EXPECT_EQ(agenda.items(1).duty_id(), "work-plan");
  EXPECT_EQ(agenda.items(0).phase_ids(0), "rectify");

  // 许岚 works in 办公室 (a section) and sits in the office and the inspection
  // group: her section's duties and those bodies' duties.
  request.clear_unit_id();
  request.set_person_id("xul");
  ASSERT_TRUE(QueryAgenda(*campaign, request, &agenda).ok());
  std::set<std::string> duties;
  for (const auto& item : agenda.items()) duties.insert(item.duty_id());
  EXPECT_EQ(duties, (std::set<std::string>{
                        "half-month-inspection", "quarterly-assessment",
                        "monthly-ranking", "monthly-materials", "work-plan"}));

  // Everyone: kind-owned duties give one deadline per section.
  request.clear_person_id();
  ASSERT_TRUE(QueryAgenda(*campaign, request, &agenda).ok());
  int materials = 0;
  for (const auto& item : agenda.items())
    materials += item.duty_id() == "monthly-materials";
  EXPECT_EQ(materials, 5);
  for (int i = 1; i < agenda.items_size(); ++i) {
    EXPECT_LE(agenda.items(i - 1).due(), agenda.items(i).due());
  }
}

TEST_F(ScheduleTest, AgendaOutsideTheCalendarYears) {
  auto campaign = Campaign::Build(c_);
  v1::AgendaRequest request;
  request.set_from("2027-01-01");
  request.set_to("2027-01-31");
  v1::Agenda agenda;
  Status s = QueryAgenda(*campaign, request, &agenda);
  EXPECT_NE(s.message().find("year 2027"), std::string::npos) << s.ToString();
  request.set_weekend_fallback(true);
  ASSERT_TRUE(QueryAgenda(*campaign, request, &agenda).ok());
  EXPECT_TRUE(agenda.used_weekend_fallback());
  request.set_from("2025-02-01");
  request.set_to("2025-01-01");
  EXPECT_EQ(QueryAgenda(*campaign, request, &agenda).message(),
            "agenda: to 2025-01-01 is before from 2025-02-01");
  request.set_from("2017-02-30");
  EXPECT_NE(
      QueryAgenda(*campaign, request, &agenda).message().find("agenda from"),
      std::string::npos);
}

TEST_F(ScheduleTest, BadInputNamesTheField) {
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { one_off { date: "2017-02-30" } })");
  auto p = Problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].location(), "schedule.duties[0].rule.one_off.date");
  EXPECT_NE(p[0].message().find("'2017-02-30'"), std::string::npos)
      << p[0].message();

  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { monthly { day: 0 } })");
  p = Problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message(),
            "duty 'd': rule.monthly.day 0 is out of range 1..31");
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { monthly { day: 32 } })");
  EXPECT_EQ(Problems()[0].message(),
            "duty 'd': rule.monthly.day 32 is out of range 1..31");
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { yearly { month: 2 day: 30 } })");
  EXPECT_EQ(Problems()[0].message(),
            "duty 'd': rule.yearly.day 30 is out of range 1..29");

  // A weekday that is not one: by name it does not even parse, by number it
  // is a validation problem.
  v1::Duty duty;
  Status s =
      Decode(R"(rule { weekly { weekday: FRYDAY } })", Format::kText, &duty);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_NE(s.message().find("FRYDAY"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("weekday"), std::string::npos) << s.message();
  s = Decode(R"({"rule": {"weekly": {"weekday": "FRYDAY"}}})", Format::kJson,
             &duty);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" rule { weekly { weekday: 9 } })");
  EXPECT_EQ(Problems()[0].message(),
            "duty 'd': rule.weekly.weekday 9 is not a weekday");
  EXPECT_EQ(Problems()[0].location(), "schedule.duties[0].rule.weekly.weekday");

  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "zhiguan" rule { month_end { } }
              active_phase_ids: "harvest")");
  p = Problems();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].message(), "duty 'd': owner unit 'zhiguan' does not exist");
  EXPECT_EQ(p[1].message(), "duty 'd': phase 'harvest' does not exist");
  EXPECT_EQ(p[1].location(), "schedule.duties[0].active_phase_ids[0]");

  OnlyDuty(R"(id: "d" title: "t" owner_unit_id: "srk" rule { month_end { } }
              active_from: "2025-06-01" active_to: "2025-05-01")");
  EXPECT_EQ(Problems()[0].message(),
            "duty 'd': active_to 2025-05-01 is before active_from 2025-06-01");
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_kind: "district" rule { month_end { } })");
  EXPECT_EQ(Problems()[0].message(), "duty 'd': no unit is of kind 'district'");
  OnlyDuty(
      R"(id: "d" title: "t" owner_unit_id: "srk" owner_body_id: "office")");
  p = Problems();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NE(p[0].message().find("exactly one owner"), std::string::npos);
  EXPECT_EQ(p[1].message(), "duty 'd': rule is required");

  c_.mutable_schedule()->mutable_phases(1)->set_end("2024-12-31");
  c_.mutable_schedule()->clear_duties();
  c_.clear_evidence_requirements();
  p = Problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message(),
            "phase 'rectify': end 2024-12-31 is before start 2025-01-01");
  EXPECT_EQ(p[0].location(), "schedule.phases[1].end");

  // An agenda on a campaign whose schedule has problems is refused.
  auto campaign = Campaign::Build(c_);
  v1::AgendaRequest request;
  request.set_from("2025-01-01");
  request.set_to("2025-01-31");
  v1::Agenda agenda;
  s = QueryAgenda(*campaign, request, &agenda);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("schedule.phases[1].end"), std::string::npos);
}

TEST_F(ScheduleTest, CampaignCalendarAddsLocalDaysOff) {
  v1::DayAdjustment* extra = c_.mutable_calendar()->add_adjustments();
  extra->set_date("2025-03-20");  // The city gives the 20th off.
  extra->set_day_off(true);
  auto campaign = Campaign::Build(c_);
  ASSERT_TRUE(campaign->valid()) << campaign->problems().DebugString();
  v1::AgendaRequest request;
  request.set_from("2025-03-01");
  request.set_to("2025-03-31");
  request.set_unit_id("srk");
  v1::Agenda agenda;
  ASSERT_TRUE(QueryAgenda(*campaign, request, &agenda).ok());
  ASSERT_EQ(agenda.items_size(), 1);
  EXPECT_EQ(agenda.items(0).due(), "2025-03-19");

  extra->set_date("2031-01-01");
  auto p = Campaign::Build(c_)->problems();
  ASSERT_EQ(p.problems_size(), 1);
  EXPECT_EQ(
      p.problems(0).message(),
      "calendar: adjustments[0].date: 2031-01-01 is outside the loaded years");
}

}  // namespace
}  // namespace chuangwen
