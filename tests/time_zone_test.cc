// Time on real hosts: RFC 3339 checked strictly, events dated in the
// campaign's time zone (not by the first ten characters of their text), and
// "today" from the campaign's clock. ctest runs this suite a second time with
// the host's TZ set to another zone; nothing may change.
#include <gtest/gtest.h>

#include "chuangwen/books.h"
#include "chuangwen/codec.h"
#include "chuangwen/date.h"
#include "chuangwen/time_zone.h"
#include "test_support.h"

namespace chuangwen {
namespace {

Instant At(const std::string& text) {
  Instant i;
  Status s = ParseRfc3339(text, &i);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return i;
}

TEST(TimeZoneTest, Rfc3339IsCheckedStrictly) {
  EXPECT_EQ(At("1970-01-01T00:00:00Z").seconds, 0);
  EXPECT_EQ(At("2025-10-20T16:30:00Z").seconds,
            At("2025-10-21T00:30:00+08:00").seconds);
  EXPECT_EQ(At("2025-10-20T16:30:00.250Z").seconds,
            At("2025-10-20T16:30:00Z").seconds);
  EXPECT_EQ(At("2025-10-20T09:30:00-05:30").seconds,
            At("2025-10-20T15:00:00Z").seconds);
  for (const char* bad :
       {"2025-09-15", "2025-09-15garbage", "2025-09-15T99:99:99Z",
        "2025-09-15T10:00:00", "2025-09-15 10:00:00Z", "2025-02-30T10:00:00Z",
        "2025-09-15T10:00:00+8:00", "2025-09-15T10:00:00Z trailing",
        "2025-09-15T10:00:00.Z", "2025-09-15T24:00:00Z"}) {
    Instant i;
    Status s = ParseRfc3339(bad, &i);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find(std::string("'") + bad + "'"),
              std::string::npos)
        << s.message();
  }
  EXPECT_EQ(FormatRfc3339Utc(At("2025-10-21T00:30:00+08:00")),
            "2025-10-20T16:30:00Z");
}

TEST(TimeZoneTest, LocalDatesFollowTheZoneNotTheHost) {
  std::shared_ptr<const TimeZone> shanghai, la;
  ASSERT_TRUE(TimeZone::Find("Asia/Shanghai", &shanghai).ok());
  ASSERT_TRUE(TimeZone::Find("America/Los_Angeles", &la).ok());
  const Instant i = At("2025-10-20T16:30:00Z");
  EXPECT_EQ(FormatIsoDate(shanghai->LocalDate(i)), "2025-10-21");
  EXPECT_EQ(FormatIsoDate(la->LocalDate(i)), "2025-10-20");
  EXPECT_EQ(shanghai->FormatLocal(i), "2025-10-21T00:30:00+08:00");
  // China kept summer time from 1986 to 1991.
  EXPECT_EQ(shanghai->OffsetSeconds(At("1988-06-15T00:00:00Z")), 9 * 3600);
  std::shared_ptr<const TimeZone> none;
  Status s = TimeZone::Find("Asia/Nowhere", &none);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(TimeZone::Default()->name(), "Asia/Shanghai");
}

TEST(TimeZoneTest, TheCampaignZoneIsValidated) {
  v1::Campaign c = testing::LoadExample();
  c.set_time_zone("Beijing");
  std::shared_ptr<const Campaign> model = Campaign::Build(c);
  ASSERT_FALSE(model->valid());
  EXPECT_EQ(model->problems().problems(0).location(), "time_zone");
  EXPECT_EQ(model->time_zone().name(), "Asia/Shanghai");
  c.set_time_zone("Asia/Urumqi");
  EXPECT_TRUE(Campaign::Build(c)->valid());
}

TEST(TimeZoneTest, TodayComesFromTheCampaignsClock) {
  v1::Campaign c = testing::LoadExample();
  // 23:30 UTC is already the next morning in Beijing.
  auto clock = Clock::Fixed(At("2025-10-20T23:30:00Z"));
  EXPECT_EQ(Campaign::Build(c, clock)->TodayIso(), "2025-10-21");
  c.set_time_zone("America/Los_Angeles");
  EXPECT_EQ(Campaign::Build(c, clock)->TodayIso(), "2025-10-20");
}

// A rectification due 2025-10-20, submitted at 23:30 and at 00:30 Beijing
// time, written with +08:00 and as UTC: on time, then late.
class DeadlineTest : public ::testing::Test {
 protected:
  v1::LedgerEvent E(const std::string& text) {
    v1::LedgerEvent e;
    Status s = Decode(text, Format::kText, &e);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return e;
  }
  // Submits at `at` and returns whether the month's statistics count the
  // rectification on time.
  bool OnTime(const std::string& at) {
    std::unique_ptr<Books> books;
    EXPECT_TRUE(
        Books::Make(Campaign::Build(testing::LoadExample()), &books).ok());
    Status s = books->AppendLedger(
        {E(R"(id: "i1" item_id: "it" actor: "xul" at: "2025-10-13T10:00:00+08:00"
              issue { unit_id: "srk" deadline: "2025-10-20"
                findings { id: "f" source: DAILY_SUPERVISION category: "占道经营"
                           description: "占道" } })"),
         E(R"(id: "i2" item_id: "it" actor: "chensq" at: ")" + at +
           R"(" submit {})"),
         E(R"(id: "i3" item_id: "it" actor: "xul" at: "2025-10-22T10:00:00+08:00" verify {})")});
    EXPECT_TRUE(s.ok()) << s.ToString();
    v1::MonthlyStats stats;
    EXPECT_TRUE(books->ledger().MonthlyStats("2025-10", &stats).ok());
    for (const v1::UnitMonthStats& u : stats.units())
      if (u.unit_id() == "srk") return u.rectified_on_time() == 1;
    ADD_FAILURE() << "no statistics for srk";
    return false;
  }
};

TEST_F(DeadlineTest, SubmissionsAroundMidnightInBeijing) {
  EXPECT_TRUE(OnTime("2025-10-20T23:30:00+08:00"));
  EXPECT_TRUE(OnTime("2025-10-20T15:30:00Z"));
  EXPECT_FALSE(OnTime("2025-10-21T00:30:00+08:00"));
  EXPECT_FALSE(OnTime("2025-10-20T16:30:00Z"));
  // The instant the issue reported: 01:00 Beijing the day after.
  EXPECT_FALSE(OnTime("2025-10-20T17:00:00Z"));
}

TEST(TimeZoneTest, EvidenceIsDatedInTheCampaignsZone) {
  std::unique_ptr<Books> books;
  ASSERT_TRUE(
      Books::Make(Campaign::Build(testing::LoadExample()), &books).ok());
  v1::EvidenceEvent e;
  ASSERT_TRUE(Decode(R"(id: "s1" actor: "chensq" at: "2025-03-20T16:30:00Z"
                        submit { id: "sub" requirement_id: "ev-srk-photos"
                                 file: "a.jpg" due: "2025-03-20"
                                 sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })",
                     Format::kText, &e)
                  .ok());
  ASSERT_TRUE(books->AppendEvidence({e}).ok());
  v1::CompletenessReportRequest request;
  request.set_date("2025-03-31");
  request.set_task_id("1.1");
  v1::CompletenessReport report;
  ASSERT_TRUE(books->evidence().Completeness(request, &report).ok());
  EXPECT_EQ(report.late(), 1);  // 00:30 on the 21st in Beijing.
}

}  // namespace
}  // namespace chuangwen
