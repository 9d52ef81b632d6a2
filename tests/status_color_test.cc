// 红黄绿灯: every colour under each policy, over holidays, and stateful series.
#include "chuangwen/status_color.h"

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "chuangwen/campaign.h"
#include "test_support.h"

namespace chuangwen {
namespace {

Date D(const char* iso) { return boost::gregorian::from_simple_string(iso); }

v1::DatedItem Item(const char* id, const char* start, const char* deadline,
                   const char* done = "", const char* series = "") {
  v1::DatedItem item;
  item.set_id(id);
  item.set_start(start);
  item.set_deadline(deadline);
  item.set_done(done);
  item.set_series(series);
  return item;
}

class StatusColorTest : public ::testing::Test {
 protected:
  std::vector<v1::ItemStatus> Eval(const v1::WarningPolicy& policy,
                                   const char* date,
                                   const std::vector<v1::DatedItem>& items) {
    std::vector<v1::ItemStatus> out;
    Status s =
        EvaluateStatus(*WorkCalendar::China(), policy, D(date), items, &out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
  v1::WarningPolicy by_time_ = DefaultWarningPolicy();
};

TEST_F(StatusColorTest, ByTimeCountsWorkingDaysLeftAndLate) {
  // Deadline Friday 2025-03-21.
  auto at = [&](const char* date) {
    return Eval(by_time_, date, {Item("x", "2025-03-03", "2025-03-21")})[0];
  };
  EXPECT_EQ(at("2025-03-14").color(), v1::GREEN);
  EXPECT_EQ(at("2025-03-14").working_days_left(), 5);
  EXPECT_EQ(at("2025-03-18").color(), v1::YELLOW);  // 3 working days left.
  EXPECT_EQ(at("2025-03-21").color(), v1::YELLOW);
  EXPECT_EQ(at("2025-03-21").working_days_left(), 0);
  EXPECT_EQ(at("2025-03-24").color(), v1::RED);
  EXPECT_EQ(at("2025-03-24").working_days_late(),
            1);  // The weekend does not count.
  EXPECT_EQ(at("2025-03-26").working_days_late(), 3);
}

TEST_F(StatusColorTest, HolidaysDoNotEatTheWarningWindow) {
  // Deadline 2025-10-10, after the National Day days off (10-01..10-08).
  auto s =
      Eval(by_time_, "2025-09-26", {Item("x", "2025-09-01", "2025-10-10")})[0];
  EXPECT_EQ(s.working_days_left(),
            5);  // 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10.
  EXPECT_EQ(s.color(), v1::GREEN);
  // Eleven calendar days before the deadline, only three working days are left.
  s = Eval(by_time_, "2025-09-29", {Item("x", "2025-09-01", "2025-10-10")})[0];
  EXPECT_EQ(s.working_days_left(), 3);
  EXPECT_EQ(s.color(), v1::YELLOW);
}

TEST_F(StatusColorTest, DoneOnTimeAndDoneLate) {
  auto out =
      Eval(by_time_, "2025-04-30",
           {Item("on-time", "2025-03-03", "2025-03-21", "2025-03-21"),
            Item("late", "2025-03-03", "2025-03-21", "2025-03-25"),
            Item("done-in-future", "2025-03-03", "2025-03-21", "2025-05-06")});
  EXPECT_EQ(out[0].color(), v1::DONE_ON_TIME);
  EXPECT_EQ(out[1].color(), v1::DONE_LATE);
  EXPECT_EQ(out[1].working_days_late(), 2);
  EXPECT_EQ(out[2].color(), v1::RED);  // Not done yet at 2025-04-30.
}

TEST_F(StatusColorTest, ByShareOfAllowedTime) {
  v1::WarningPolicy share;
  share.set_kind(v1::WarningPolicy::BY_SHARE);
  share.set_yellow_at_share(0.8);
  // 2025-03-03 (Mon) to 2025-03-14 (Fri): 9 working days after the start.
  auto at = [&](const char* date) {
    return Eval(share, date, {Item("x", "2025-03-03", "2025-03-14")})[0]
        .color();
  };
  EXPECT_EQ(at("2025-03-07"), v1::GREEN);   // 4 of 9 used.
  EXPECT_EQ(at("2025-03-11"), v1::GREEN);   // 6 of 9 used.
  EXPECT_EQ(at("2025-03-12"), v1::GREEN);   // 7 of 9 < 80 %.
  EXPECT_EQ(at("2025-03-13"), v1::YELLOW);  // 8 of 9 ≥ 80 %.
  EXPECT_EQ(at("2025-03-17"), v1::RED);
}

TEST_F(StatusColorTest, StatefulSeriesStaysRedUntilMadeUpThenYellow) {
  v1::WarningPolicy stateful = DefaultWarningPolicy();
  stateful.set_stateful(true);
  // Monthly reports due the 20th; March was missed.
  std::vector<v1::DatedItem> items = {
      Item("feb", "2025-02-01", "2025-02-20", "2025-02-19", "reports"),
      Item("mar", "2025-03-01", "2025-03-20", "", "reports"),
      Item("apr", "2025-04-01", "2025-04-18", "", "reports"),
  };
  auto out = Eval(stateful, "2025-04-02", items);
  EXPECT_EQ(out[0].color(), v1::DONE_ON_TIME);
  EXPECT_EQ(out[1].color(), v1::RED);
  EXPECT_EQ(out[2].color(), v1::RED);  // Would be green alone.
  EXPECT_NE(out[2].reason().find("'mar'"), std::string::npos)
      << out[2].reason();
  // Without the stateful rule April is green.
  EXPECT_EQ(Eval(by_time_, "2025-04-02", items)[2].color(), v1::GREEN);

  // March made up on 04-03: the series returns to yellow, not green.
  items[1].set_done("2025-04-03");
  out = Eval(stateful, "2025-04-07", items);
  EXPECT_EQ(out[1].color(), v1::DONE_LATE);
  EXPECT_EQ(out[2].color(), v1::YELLOW);
  EXPECT_NE(out[2].reason().find("made up late"), std::string::npos);
  // April done on time: May is green again.
  items[2].set_done("2025-04-18");
  items.push_back(Item("may", "2025-05-01", "2025-05-20", "", "reports"));
  out = Eval(stateful, "2025-05-06", items);
  EXPECT_EQ(out[2].color(), v1::DONE_ON_TIME);
  EXPECT_EQ(out[3].color(), v1::GREEN);
}

TEST_F(StatusColorTest, BadItemsAndPoliciesNameTheField) {
  std::vector<v1::ItemStatus> out;
  const WorkCalendar& cal = *WorkCalendar::China();
  Status s = EvaluateStatus(cal, by_time_, D("2025-03-01"),
                            {Item("a", "2025-03-01", "2025-02-30")}, &out);
  EXPECT_NE(s.message().find("items[0] ('a').deadline"), std::string::npos)
      << s.message();
  s = EvaluateStatus(cal, by_time_, D("2025-03-01"),
                     {Item("b", "2025-03-10", "2025-03-01")}, &out);
  EXPECT_EQ(s.message(),
            "items[0] ('b').deadline 2025-03-01 is before start 2025-03-10");
  v1::WarningPolicy share;
  share.set_kind(v1::WarningPolicy::BY_SHARE);
  share.set_yellow_at_share(1.5);
  s = EvaluateStatus(cal, share, D("2025-03-01"), {}, &out);
  EXPECT_NE(s.message().find("yellow_at_share"), std::string::npos);
  share.set_yellow_at_share(0.5);
  s = EvaluateStatus(cal, share, D("2025-03-01"), {Item("c", "", "2025-03-10")},
                     &out);
  EXPECT_EQ(s.message(), "items[0] ('c').start is required");
}

TEST_F(StatusColorTest, QueryUsesTheCampaignPolicyAndCalendar) {
  auto campaign = Campaign::Build(testing::LoadExample());
  v1::StatusColorsRequest request;
  request.set_date("2025-03-18");
  *request.add_items() = Item("x", "2025-03-03", "2025-03-21");
  v1::StatusColors response;
  ASSERT_TRUE(QueryStatus(*campaign, request, &response).ok());
  EXPECT_EQ(response.items(0).color(), v1::YELLOW);
  request.mutable_policy()->set_yellow_within_working_days(1);
  ASSERT_TRUE(QueryStatus(*campaign, request, &response).ok());
  EXPECT_EQ(response.items(0).color(), v1::GREEN);
}

}  // namespace
}  // namespace chuangwen
