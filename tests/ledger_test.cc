// The supervision ledger: every transition, every permission refusal,
// all-or-nothing batches, extensions and overdue items.
#include "chuangwen/ledger.h"

#include <gtest/gtest.h>

#include <set>

#include "chuangwen/codec.h"
#include "test_support.h"

namespace chuangwen {
namespace {

class LedgerTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Campaign> c_ = Campaign::Build(testing::LoadExample());
  Ledger ledger_{c_};

  static v1::LedgerEvent E(const std::string& text) {
    v1::LedgerEvent e;
    Status s = Decode(text, Format::kText, &e);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return e;
  }
  Status Add(const std::string& text) { return ledger_.Append({E(text)}); }
  v1::LedgerItem Item(const std::string& id) {
    v1::LedgerItem item;
    EXPECT_TRUE(ledger_.Item(id, &item).ok());
    return item;
  }
  // A notice to 市容科, numbered from the campaign's series, issued by 许岚
  // on Thursday 2025-09-25, due in 5
  // working days: 9-26, the make-up Sunday 9-28, 9-29, 9-30, then over the
  // National Day days off to 10-09.
  void Issue(const std::string& item = "srk-1",
             const std::string& unit = "srk") {
    ASSERT_TRUE(Add(R"(id: "e-)" + item + R"(" item_id: ")" + item +
                    R"(" actor: "xul" at: "2025-09-25T02:00:00Z"
        issue { unit_id: ")" +
                    unit + R"(" working_days: 5
                required_result: "清理占道经营，恢复通行"
                findings { id: "f1" source: DAILY_SUPERVISION found_on: "2025-09-24"
                           found_by: "xul" unit_id: ")" +
                    unit + R"(" category: "占道经营"
                           severity: GENERAL description: "农贸市场东侧占道经营" } })")
                    .ok());
  }
};

TEST_F(LedgerTest, FullLifecycleWithARejection) {
  Issue();
  v1::LedgerItem item = Item("srk-1");
  EXPECT_EQ(item.state(), v1::ISSUED);
  EXPECT_EQ(item.deadline(), "2025-10-09");
  ASSERT_TRUE(
      Add(R"(id: "e2" item_id: "srk-1" actor: "chensq" at: "2025-09-26T01:00:00Z" start {})")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "e3" item_id: "srk-1" actor: "chensq" at: "2025-09-30T01:00:00Z"
                     submit { evidence: "photos/0930.jpg" })")
          .ok());
  EXPECT_EQ(Item("srk-1").state(), v1::SUBMITTED);
  ASSERT_TRUE(
      Add(R"(id: "e4" item_id: "srk-1" actor: "wuyq" at: "2025-10-09T01:00:00Z"
                     reason: "复查仍有摊点" reject { new_deadline: "2025-10-15" })")
          .ok());
  item = Item("srk-1");
  EXPECT_EQ(item.state(), v1::IN_RECTIFICATION);
  EXPECT_EQ(item.deadline(), "2025-10-15");
  EXPECT_EQ(item.rejections(), 1);
  ASSERT_TRUE(
      Add(R"(id: "e5" item_id: "srk-1" actor: "chensq" at: "2025-10-14T01:00:00Z" submit {})")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "e6" item_id: "srk-1" actor: "xul" at: "2025-10-15T01:00:00Z" verify {})")
          .ok());
  item = Item("srk-1");
  EXPECT_EQ(item.state(), v1::CLOSED);
  EXPECT_EQ(item.closed_on(), "2025-10-15");
  EXPECT_EQ(item.events(), 6);
  Status s = Add(
      R"(id: "e7" item_id: "srk-1" actor: "chensq" at: "2025-10-16T01:00:00Z" submit {})");
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_NE(s.message().find("while it is closed"), std::string::npos)
      << s.message();
}

// An item on the long-term ledger (挂账) past its plan date is overdue like
// any other: red, listed with working days late, reminded and counted.
TEST_F(LedgerTest, ALongTermItemPastItsPlanDateIsOverdue) {
  Issue();
  ASSERT_TRUE(
      Add(R"(id: "l1" item_id: "srk-1" actor: "xul" at: "2025-09-26T10:00:00+08:00"
                     reason: "需结合道路改造工程整改" long_term { plan_date: "2025-10-17" })")
          .ok());
  // Before its plan date it is not overdue, although its notice's deadline
  // (10-09) has passed.
  v1::OpenItemList open;
  ASSERT_TRUE(ledger_.OpenItems("", "2025-10-13", &open).ok());
  ASSERT_EQ(open.items_size(), 1);
  EXPECT_NE(open.items(0).color(), v1::RED);
  EXPECT_EQ(open.items(0).deadline(), "2025-10-17");
  // Friday 10-17 was its plan date; the weekend after is not late.
  v1::OpenItemList overdue;
  ASSERT_TRUE(ledger_.Overdue("2025-10-19", &overdue).ok());
  EXPECT_EQ(overdue.items_size(), 0);
  ASSERT_TRUE(ledger_.OpenItems("", "2025-10-19", &open).ok());
  EXPECT_NE(open.items(0).color(), v1::RED);
  EXPECT_EQ(open.items(0).working_days_late(), 0);
  // Thursday 10-23: four working days late.
  ASSERT_TRUE(ledger_.Overdue("2025-10-23", &overdue).ok());
  ASSERT_EQ(overdue.items_size(), 1);
  EXPECT_EQ(overdue.items(0).item_id(), "srk-1");
  EXPECT_EQ(overdue.items(0).working_days_late(), 4);
  EXPECT_EQ(overdue.items(0).color(), v1::RED);
  ASSERT_TRUE(ledger_.OpenItems("", "2025-10-23", &open).ok());
  EXPECT_EQ(open.items(0).color(), v1::RED);
  EXPECT_EQ(open.items(0).working_days_late(), 4);
  v1::ReminderList reminders;
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-23", &reminders).ok());
  ASSERT_EQ(reminders.reminders_size(), 1);
  EXPECT_EQ(reminders.reminders(0).name(), "橙色催办单");
  EXPECT_EQ(reminders.reminders(0).color(), v1::ORANGE);
  v1::MonthlyStats stats;
  ASSERT_TRUE(ledger_.MonthlyStats("2025-10", &stats).ok());
  ASSERT_EQ(stats.units_size(), 1);
  EXPECT_EQ(stats.units(0).overdue(), 1);
  // Submitted after the plan date and closed: late. (Before it, on time:
  // see the next item.)
  ASSERT_TRUE(Add(R"(id: "s1" item_id: "srk-1" actor: "chensq" at: "2025-10-24T10:00:00+08:00" submit {})").ok());
  ASSERT_TRUE(Add(R"(id: "v1" item_id: "srk-1" actor: "xul" at: "2025-10-27T10:00:00+08:00" verify {})").ok());
  Issue("srk-2");  // Due 10-09, placed on 挂账 until 10-31.
  ASSERT_TRUE(Add(R"(id: "l2" item_id: "srk-2" actor: "xul" at: "2025-09-26T10:00:00+08:00"
                     reason: "需结合道路改造" long_term { plan_date: "2025-10-31" })").ok());
  ASSERT_TRUE(Add(R"(id: "s2" item_id: "srk-2" actor: "chensq" at: "2025-10-20T10:00:00+08:00" submit {})").ok());
  ASSERT_TRUE(Add(R"(id: "v2" item_id: "srk-2" actor: "xul" at: "2025-10-21T10:00:00+08:00" verify {})").ok());
  ASSERT_TRUE(ledger_.MonthlyStats("2025-10", &stats).ok());
  EXPECT_EQ(stats.units(0).rectified_late(), 1);     // srk-1.
  EXPECT_EQ(stats.units(0).rectified_on_time(), 1);  // srk-2, by its plan date.
}

// Past due over days off only is not overdue: a deadline on Friday is
// late on Monday, not on the weekend.
TEST_F(LedgerTest, NothingIsOverdueByDaysOffAlone) {
  ASSERT_TRUE(Add(R"(id: "i" item_id: "srk-2" actor: "xul" at: "2025-10-13T10:00:00+08:00"
        issue { number: "n" unit_id: "srk" deadline: "2025-10-17" findings { id: "f" } })")
                  .ok());
  v1::OpenItemList overdue;
  for (const char* weekend : {"2025-10-18", "2025-10-19"}) {
    ASSERT_TRUE(ledger_.Overdue(weekend, &overdue).ok());
    EXPECT_EQ(overdue.items_size(), 0) << weekend;
    v1::ReminderList reminders;
    ASSERT_TRUE(ledger_.RemindersDue(weekend, &reminders).ok());
    EXPECT_EQ(reminders.reminders_size(), 0) << weekend;
  }
  ASSERT_TRUE(ledger_.Overdue("2025-10-20", &overdue).ok());
  ASSERT_EQ(overdue.items_size(), 1);
  EXPECT_EQ(overdue.items(0).working_days_late(), 1);
}

TEST_F(LedgerTest, LongTermLedgerAndStateRules) {
  Issue();
  Status s = Add(
      R"(id: "v" item_id: "srk-1" actor: "xul" at: "2025-09-26T01:00:00Z" verify {})");
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_EQ(s.message(),
            "event 'v': cannot verify and close item 'srk-1' while it is "
            "issued (only when submitted)");
  EXPECT_EQ(
      Add(R"(id: "l0" item_id: "srk-1" actor: "xul" at: "2025-09-26T01:00:00Z"
                   long_term { plan_date: "2025-12-31" })")
          .message(),
      "event 'l0': 挂账 needs a reason");
  ASSERT_TRUE(
      Add(R"(id: "l1" item_id: "srk-1" actor: "xul" at: "2025-09-26T01:00:00Z"
                     reason: "需结合道路改造工程整改" long_term { plan_date: "2025-12-31" })")
          .ok());
  EXPECT_EQ(Item("srk-1").state(), v1::LONG_TERM);
  EXPECT_EQ(Item("srk-1").plan_date(), "2025-12-31");
  ASSERT_TRUE(
      Add(R"(id: "l2" item_id: "srk-1" actor: "chensq" at: "2025-12-20T01:00:00Z" submit {})")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "l3" item_id: "srk-1" actor: "hejh" at: "2025-12-22T01:00:00Z" verify {})")
          .ok());
  EXPECT_EQ(Item("srk-1").state(), v1::CLOSED);
}

TEST_F(LedgerTest, ExtensionsBeforeTheDeadlineOnly) {
  Issue();
  EXPECT_EQ(
      Add(R"(id: "x0" item_id: "srk-1" actor: "chensq" at: "2025-10-01T01:00:00Z"
                   request_extension { until: "2025-10-20" })")
          .message(),
      "event 'x0': an extension needs a reason");
  ASSERT_TRUE(
      Add(R"(id: "x1" item_id: "srk-1" actor: "chensq" at: "2025-10-01T01:00:00Z"
                     reason: "需协调执法大队联合整治" request_extension { until: "2025-10-20" })")
          .ok());
  EXPECT_EQ(Item("srk-1").extension_requested(), "2025-10-20");
  EXPECT_EQ(
      Add(R"(id: "x2" item_id: "srk-1" actor: "chensq" at: "2025-10-02T01:00:00Z"
                   reason: "again" request_extension { until: "2025-10-25" })")
          .code(),
      Status::Code::kConflict);
  ASSERT_TRUE(
      Add(R"(id: "x3" item_id: "srk-1" actor: "wuyq" at: "2025-10-08T01:00:00Z"
                     decide_extension { approved: true })")
          .ok());
  EXPECT_EQ(Item("srk-1").deadline(), "2025-10-20");
  EXPECT_EQ(Item("srk-1").extensions_approved(), 1);
  // After the deadline, requests are refused.
  Status s = Add(
      R"(id: "x4" item_id: "srk-1" actor: "chensq" at: "2025-10-21T01:00:00Z"
                    reason: "late" request_extension { until: "2025-10-30" })");
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_NE(s.message().find("requested after the deadline 2025-10-20"),
            std::string::npos);
  EXPECT_EQ(
      Add(R"(id: "x5" item_id: "srk-1" actor: "wuyq" at: "2025-10-21T01:00:00Z"
                   decide_extension { approved: false })")
          .message(),
      "event 'x5': no extension request is pending");
}

TEST_F(LedgerTest, EveryActionRefusedToTheWrongRole) {
  Issue();
  // Supervisor actions by a section chief (陈思齐, 市容科, not in a supervising
  // body).
  for (const char* action :
       {R"(reason: "r" reject { new_deadline: "2025-10-20" })", "verify {}",
        R"(reason: "r" long_term { plan_date: "2025-12-31" })",
        R"(decide_extension { approved: true })", "remind { level: 1 }",
        R"(bulletin { number: "东城管通〔2025〕9号" })"}) {
    Status s = Add(
        std::string(
            R"(id: "p" item_id: "srk-1" actor: "chensq" at: "2025-09-26T01:00:00Z" )") +
        action);
    EXPECT_EQ(s.code(), Status::Code::kPermissionDenied) << action;
    EXPECT_NE(s.message().find("person 'chensq' (陈思齐) may not"),
              std::string::npos)
        << s.message();
    EXPECT_NE(s.message().find("role policy: only "), std::string::npos)
        << s.message();
  }
  Status s = ledger_.Append(
      {E(R"(id: "p2" item_id: "hwk-1" actor: "chensq" at: "2025-09-26T01:00:00Z"
      issue { number: "n" unit_id: "hwk" deadline: "2025-10-01" findings { id: "f" } })")});
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  // Unit actions by people of other units, supervisors included.
  for (const char* actor : {"linxd", "xul", "zhoumy"}) {
    for (const char* action :
         {"start {}", "submit {}",
          R"(reason: "r" request_extension { until: "2025-10-20" })"}) {
      s = Add(std::string(R"(id: "q" item_id: "srk-1" actor: ")") + actor +
              R"(" at: "2025-09-26T01:00:00Z" )" + action);
      EXPECT_EQ(s.code(), Status::Code::kPermissionDenied)
          << actor << " " << action;
      EXPECT_NE(s.message().find("only people of unit 'srk' may"),
                std::string::npos);
    }
  }
  EXPECT_EQ(Item("srk-1").events(), 1);  // Nothing changed.
  // People of a unit below the responsible unit may act for it.
  Issue("zfdd-1", "zfdd");
  EXPECT_TRUE(
      Add(R"(id: "g1" item_id: "zfdd-1" actor: "gaop" at: "2025-09-26T01:00:00Z" start {})")
          .ok());
}

TEST_F(LedgerTest, BatchesAreAllOrNothing) {
  Status s = ledger_.Append(
      {E(R"(id: "b1" item_id: "xck-1" actor: "xul" at: "2025-09-25T02:00:00Z"
            issue { number: "n1" unit_id: "xck" deadline: "2025-10-10" findings { id: "f" } })"),
       E(R"(id: "b2" item_id: "xck-1" actor: "liangxy" at: "2025-09-26T02:00:00Z" start {})"),
       E(R"(id: "b3" item_id: "xck-1" actor: "chensq" at: "2025-09-26T02:00:00Z" submit {})")});
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(ledger_.item_count(), 0u);
  EXPECT_TRUE(ledger_.events().empty());
  v1::LedgerItem item;
  EXPECT_EQ(ledger_.Item("xck-1", &item).code(), Status::Code::kNotFound);
}

// The whole matrix of who may do what is in role_policy_test.cc.

TEST_F(LedgerTest, AFailedBatchLeavesExistingItemsAsTheyWere) {
  Issue();
  std::string next_before;
  ASSERT_TRUE(ledger_.NextNoticeNumber(2025, &next_before).ok());
  Status s = ledger_.Append(
      {E(R"(id: "c1" item_id: "srk-1" actor: "chensq" at: "2025-09-26T02:00:00Z" start {})"),
       E(R"(id: "c2" item_id: "hwk-9" actor: "xul" at: "2025-09-26T02:00:00Z"
            issue { unit_id: "hwk" deadline: "2025-10-10" findings { id: "f" } })"),
       E(R"(id: "c3" item_id: "srk-1" actor: "chensq" at: "2025-09-27T02:00:00Z"
            reason: "r" reject { new_deadline: "2025-10-20" })")});
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(Item("srk-1").state(), v1::ISSUED);
  EXPECT_EQ(Item("srk-1").events(), 1);
  EXPECT_EQ(ledger_.item_count(), 1u);
  EXPECT_EQ(ledger_.event_count(), 1u);
  std::string next_after;
  ASSERT_TRUE(ledger_.NextNoticeNumber(2025, &next_after).ok());
  EXPECT_EQ(next_after, next_before);
  // Nothing of the failed batch is left claimed: its events can come again.
  EXPECT_TRUE(
      Add(R"(id: "c1" item_id: "srk-1" actor: "chensq" at: "2025-09-26T02:00:00Z" start {})")
          .ok());
  EXPECT_TRUE(
      Add(R"(id: "c2" item_id: "hwk-9" actor: "xul" at: "2025-09-26T02:00:00Z"
            issue { unit_id: "hwk" deadline: "2025-10-10" findings { id: "f" } })")
          .ok());
  std::vector<uint64_t> positions;
  ASSERT_TRUE(ledger_.EventPositions("srk-1", &positions).ok());
  EXPECT_EQ(positions, (std::vector<uint64_t>{0, 1}));
}

TEST_F(LedgerTest, BadFieldsNameTheEvent) {
  EXPECT_EQ(
      Add(R"(id: "a" item_id: "i" actor: "nobody" at: "2025-09-25T02:00:00Z" start {})")
          .message(),
      "event 'a': actor 'nobody' does not exist");
  EXPECT_EQ(Add(R"(id: "a" item_id: "i" actor: "xul" at: "yesterday" start {})")
                .message(),
            "event 'a': at 'yesterday' is not an RFC 3339 time with an offset "
            "(YYYY-MM-DDTHH:MM:SS and Z or ±HH:MM): too short");
  // Only the date checked once: trailing text and impossible times passed.
  EXPECT_NE(Add(R"(id: "a" item_id: "i" actor: "xul" at: "2025-09-15garbage" start {})")
                .message()
                .find("is not an RFC 3339 time"),
            std::string::npos);
  EXPECT_NE(Add(R"(id: "a" item_id: "i" actor: "xul" at: "2025-09-15T99:99:99Z" start {})")
                .message()
                .find("the time of day is out of range"),
            std::string::npos);
  EXPECT_EQ(
      Add(R"(id: "a" item_id: "i" actor: "xul" at: "2025-09-25T02:00:00Z" start {})")
          .message(),
      "event 'a': item 'i' does not exist");
  EXPECT_EQ(Add(R"(id: "a" item_id: "i" actor: "xul" at: "2025-09-25T02:00:00Z"
                   issue { number: "n" unit_id: "srk" deadline: "2025-10-01" })")
                .message(),
            "event 'a': the notice has no findings");
  EXPECT_EQ(Add(R"(id: "a" item_id: "i" actor: "xul" at: "2025-09-25T02:00:00Z"
                   issue { number: "n" unit_id: "zhiguan" deadline: "2025-10-01" findings {} })")
                .message(),
            "event 'a': unit 'zhiguan' does not exist");
  EXPECT_EQ(Add(R"(id: "a" item_id: "i" actor: "xul" at: "2025-09-25T02:00:00Z"
                   issue { number: "n" unit_id: "srk" deadline: "2025-02-30" findings {} })")
                .message(),
            "event 'a': deadline '2025-02-30': day must be 1..28 in 2025-02");
  Issue();
  EXPECT_EQ(
      Add(R"(id: "e-srk-1" item_id: "srk-2" actor: "xul" at: "2025-09-25T02:00:00Z" start {})")
          .message(),
      "event 'e-srk-1': id is already used");
}

// Item 9 of #23: a query date outside the working-day calendar's years is
// an error naming the year, as everywhere else, not a silent weekends-only
// count.
TEST_F(LedgerTest, QueriesOutsideTheCalendarYearsAreRefused) {
  Issue();
  v1::OpenItemList list;
  for (const char* date : {"2027-03-01", "2013-06-30"}) {
    Status s = ledger_.Overdue(date, &list);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << date;
    EXPECT_NE(s.message().find(std::string(date).substr(0, 4)),
              std::string::npos)
        << s.message();
    EXPECT_EQ(ledger_.OpenItems("", date, &list).code(),
              Status::Code::kInvalidArgument);
    std::vector<OverdueRow> rows;
    EXPECT_EQ(ledger_.Overdue(date, &rows).code(),
              Status::Code::kInvalidArgument);
    v1::ReminderList reminders;
    EXPECT_EQ(ledger_.RemindersDue(date, &reminders).code(),
              Status::Code::kInvalidArgument);
  }
  EXPECT_TRUE(ledger_.Overdue("2026-12-31", &list).ok());
}

TEST_F(LedgerTest, OverdueItemsWithWorkingDaysLateAndColours) {
  Issue();                // Due 2025-10-09.
  Issue("hwk-1", "hwk");  // Same.
  ASSERT_TRUE(
      Add(R"(id: "s" item_id: "hwk-1" actor: "linxd" at: "2025-10-09T01:00:00Z" submit {})")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "v" item_id: "hwk-1" actor: "xul" at: "2025-10-10T01:00:00Z" verify {})")
          .ok());
  v1::OpenItemList overdue;
  ASSERT_TRUE(ledger_.Overdue("2025-10-09", &overdue).ok());
  EXPECT_EQ(overdue.items_size(), 0);
  ASSERT_TRUE(ledger_.Overdue("2025-10-14", &overdue).ok());
  ASSERT_EQ(overdue.items_size(), 1);
  EXPECT_EQ(overdue.items(0).item_id(), "srk-1");
  EXPECT_EQ(overdue.items(0).number(), "东城管督改〔2025〕1号");
  EXPECT_EQ(overdue.items(0).color(), v1::RED);
  // 10-10, the make-up Saturday 10-11, 10-13, 10-14.
  EXPECT_EQ(overdue.items(0).working_days_late(), 4);
  // Overdue is historical: at 10-10 hwk-1 was still open but submitted.
  ASSERT_TRUE(ledger_.Overdue("2025-10-10", &overdue).ok());
  EXPECT_EQ(overdue.items_size(), 1);

  v1::OpenItemList open;
  ASSERT_TRUE(ledger_.OpenItems("", "2025-09-26", &open).ok());
  ASSERT_EQ(open.items_size(), 2);
  EXPECT_EQ(open.items(0).color(), v1::GREEN);  // 5 working days left.
  ASSERT_TRUE(ledger_.OpenItems("srk", "2025-10-08", &open).ok());
  ASSERT_EQ(open.items_size(), 1);
  EXPECT_EQ(open.items(0).color(), v1::YELLOW);  // Within 3 working days.
  ASSERT_TRUE(ledger_.OpenItems("dhcg", "2025-10-14", &open).ok());
  ASSERT_EQ(open.items_size(), 1);  // hwk-1 is closed; srk is below dhcg.
  EXPECT_EQ(open.items(0).color(), v1::RED);
  EXPECT_EQ(ledger_.OpenItems("zhiguan", "2025-10-14", &open).code(),
            Status::Code::kNotFound);
  EXPECT_EQ(ledger_.Overdue("2025-13-01", &overdue).code(),
            Status::Code::kInvalidArgument);
}

TEST_F(LedgerTest, NoticeNumbersComeFromTheSeries) {
  std::string next;
  ASSERT_TRUE(ledger_.NextNoticeNumber(2025, &next).ok());
  EXPECT_EQ(next, "东城管督改〔2025〕1号");
  std::vector<v1::LedgerEvent> accepted;
  ASSERT_TRUE(
      ledger_
          .Append(
              {E(R"(id: "n1" item_id: "a" actor: "xul" at: "2025-05-06T02:00:00Z"
                  issue { unit_id: "srk" deadline: "2025-05-20" findings { id: "f" } })")},
              &accepted)
          .ok());
  EXPECT_EQ(accepted[0].issue().number(), "东城管督改〔2025〕1号");
  EXPECT_EQ(ledger_.events()[0].issue().number(), "东城管督改〔2025〕1号");
  // A number given by hand that collides with the series is refused.
  Status s =
      Add(R"(id: "n2" item_id: "b" actor: "xul" at: "2025-05-07T02:00:00Z"
      issue { number: "东城管督改〔2025〕1号" unit_id: "hwk" deadline: "2025-05-20" findings { id: "f" } })");
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_EQ(s.message(),
            "event 'n2': notice number 东城管督改〔2025〕1号 is already used");
  ASSERT_TRUE(
      Add(R"(id: "n3" item_id: "c" actor: "xul" at: "2025-05-07T02:00:00Z"
      issue { number: "东城管督改〔2025〕2号" unit_id: "hwk" deadline: "2025-05-20" findings { id: "f" } })")
          .ok());
  ASSERT_TRUE(ledger_.NextNoticeNumber(2025, &next).ok());
  EXPECT_EQ(next, "东城管督改〔2025〕3号");
  ASSERT_TRUE(ledger_.NextNoticeNumber(2026, &next).ok());
  EXPECT_EQ(next, "东城管督改〔2026〕1号");
}

TEST_F(LedgerTest, PublicReportsEnterThroughTheOffice) {
  const std::string notice = R"( at: "2025-06-03T02:00:00Z"
      issue { unit_id: "hwk" working_days: 3
              findings { id: "f" source: PUBLIC_REPORT channel: "12345热线"
                         found_by: "12345热线" category: "垃圾清运" description: "柳巷垃圾未及时清运" } })";
  // 何建华 sits in the inspection group (supervising) but not in the office.
  Status s = Add(R"(id: "r1" item_id: "pr-1" actor: "hejh")" + notice);
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(
      s.message(),
      "event 'r1': person 'hejh' (何建华) may not issue a notice for item "
      "'pr-1': role policy: only members of the office (领导小组办公室) may "
      "take in a public report");
  EXPECT_TRUE(Add(R"(id: "r2" item_id: "pr-1" actor: "xul")" + notice).ok());
}

TEST_F(LedgerTest, RemindersEscalateWithEachMissedStep) {
  Issue();  // Due 2025-10-09.
  v1::ReminderList due;
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-09", &due).ok());
  EXPECT_EQ(due.reminders_size(), 0);
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-10", &due).ok());
  ASSERT_EQ(due.reminders_size(), 1);
  EXPECT_EQ(due.reminders(0).level(), 1);
  EXPECT_EQ(due.reminders(0).name(), "蓝色催办单");
  ASSERT_TRUE(
      Add(R"(id: "m1" item_id: "srk-1" actor: "xul" at: "2025-10-10T01:00:00Z" remind { level: 1 })")
          .ok());
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-13", &due).ok());
  EXPECT_EQ(due.reminders_size(), 0);  // Sent; 3 working days late is not > 3.
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-14", &due).ok());
  ASSERT_EQ(due.reminders_size(), 1);
  EXPECT_EQ(due.reminders(0).name(), "橙色催办单");
  EXPECT_EQ(due.reminders(0).sent_level(), 1);
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-17", &due).ok());
  EXPECT_EQ(due.reminders(0).color(), v1::RED);
  EXPECT_EQ(due.reminders(0).working_days_late(), 7);
  EXPECT_EQ(
      Add(R"(id: "m2" item_id: "srk-1" actor: "xul" at: "2025-10-14T01:00:00Z" remind { level: 1 })")
          .code(),
      Status::Code::kConflict);
  EXPECT_EQ(
      Add(R"(id: "m3" item_id: "srk-1" actor: "xul" at: "2025-10-14T01:00:00Z" remind { level: 4 })")
          .message(),
      "event 'm3': reminder level 4 is not 1..3");
  // Submitting stops the reminders.
  ASSERT_TRUE(
      Add(R"(id: "m4" item_id: "srk-1" actor: "chensq" at: "2025-10-15T01:00:00Z" submit {})")
          .ok());
  ASSERT_TRUE(ledger_.RemindersDue("2025-10-17", &due).ok());
  EXPECT_EQ(due.reminders_size(), 0);
}

TEST_F(LedgerTest, EscalationRulesAndTheirApproval) {
  // Two 占道经营 items of 市容科 named in bulletins, not rectified.
  Issue("srk-1");
  Issue("srk-2");
  Issue("hwk-1", "hwk");
  for (const char* id : {"srk-1", "srk-2", "hwk-1"}) {
    ASSERT_TRUE(
        Add(std::string(R"(id: "b-)") + id + R"(" item_id: ")" + id +
            R"(" actor: "xul" at: "2025-10-10T01:00:00Z" bulletin { number: "东城管通〔2025〕9号" })")
            .ok());
  }
  v1::EscalationList recs;
  ASSERT_TRUE(ledger_.Escalations("2025-10-09", &recs).ok());
  EXPECT_EQ(recs.recommendations_size(), 0);  // Not yet bulletined.
  ASSERT_TRUE(ledger_.Escalations("2025-10-10", &recs).ok());
  ASSERT_EQ(recs.recommendations_size(), 1);
  EXPECT_EQ(recs.recommendations(0).unit_id(), "srk");
  EXPECT_EQ(recs.recommendations(0).measure(), v1::INTERVIEW);
  EXPECT_EQ(recs.recommendations(0).category(), "占道经营");
  EXPECT_EQ(recs.recommendations(0).item_ids_size(), 2);
  EXPECT_EQ(recs.recommendations(0).reason(),
            "2 bulletined item(s) in 占道经营 not closed");

  const std::string propose =
      R"( item_id: "esc-srk-1" at: "2025-10-11T01:00:00Z"
      reason: "两次通报仍未整改" propose_escalation { unit_id: "srk" measure: INTERVIEW
      rule_id: "interview" item_ids: "srk-1" item_ids: "srk-2" })";
  EXPECT_EQ(Add(R"(id: "x1" actor: "chensq")" + propose).code(),
            Status::Code::kPermissionDenied);
  ASSERT_TRUE(Add(R"(id: "x2" actor: "sunhy")" + propose).ok());
  ASSERT_TRUE(ledger_.Escalations("2025-10-11", &recs).ok());
  EXPECT_EQ(recs.recommendations_size(), 0);  // Proposed already.
  const std::string decide =
      R"( item_id: "esc-srk-1" at: "2025-10-12T01:00:00Z" decide_escalation { approved: true })";
  for (const char* wrong : {"xul", "chensq", "wuyq"}) {
    Status s = Add(std::string(R"(id: "d-)") + wrong + R"(" actor: ")" + wrong +
                   "\"" + decide);
    EXPECT_EQ(s.code(), Status::Code::kPermissionDenied) << wrong;
    EXPECT_NE(s.message().find("role policy: only 组长 or 副组长 of the leading group"),
              std::string::npos)
        << s.message();
  }
  Status s = Add(R"(id: "d-own" actor: "sunhy")" + decide);
  EXPECT_EQ(s.message(),
            "event 'd-own': person 'sunhy' (孙海燕) may not decide escalation "
            "'esc-srk-1': separation of duties: the proposer may not decide "
            "their own proposal");
  ASSERT_TRUE(Add(R"(id: "d-ok" actor: "zhoumy")" + decide).ok());
  EXPECT_EQ(Add(R"(id: "d-again" actor: "hanlq")" + decide).code(),
            Status::Code::kConflict);

  // A serious finding overdue triggers 组织措施.
  ASSERT_TRUE(
      Add(R"(id: "sv" item_id: "xck-1" actor: "xul" at: "2025-10-13T01:00:00Z"
      issue { unit_id: "xck" deadline: "2025-10-15"
              findings { id: "f" category: "公益广告" severity: SERIOUS } })")
          .ok());
  ASSERT_TRUE(ledger_.Escalations("2025-10-16", &recs).ok());
  ASSERT_EQ(recs.recommendations_size(), 1);
  EXPECT_EQ(recs.recommendations(0).unit_id(), "xck");
  EXPECT_EQ(recs.recommendations(0).measure(), v1::ORGANIZATIONAL_MEASURES);
  EXPECT_EQ(recs.recommendations(0).reason(),
            "1 overdue item(s) at or above severity SERIOUS");
}

TEST_F(LedgerTest, MonthlyStatisticsPerUnit) {
  Issue("srk-1");  // 2025-09-25, due 10-09.
  Issue("srk-2");
  Issue("hwk-1", "hwk");
  auto add = [&](const std::string& text) {
    ASSERT_TRUE(Add(text).ok()) << text;
  };
  // srk-1: submitted on time, rejected, resubmitted late, closed in October.
  add(R"(id: "1" item_id: "srk-1" actor: "chensq" at: "2025-10-09T01:00:00Z" submit {})");
  add(R"(id: "2" item_id: "srk-1" actor: "xul" at: "2025-10-10T01:00:00Z" reason: "未整改到位" reject { new_deadline: "2025-10-15" })");
  add(R"(id: "3" item_id: "srk-1" actor: "chensq" at: "2025-10-17T01:00:00Z" submit {})");
  add(R"(id: "4" item_id: "srk-1" actor: "xul" at: "2025-10-20T01:00:00Z" verify {})");
  // hwk-1: on time.
  add(R"(id: "5" item_id: "hwk-1" actor: "linxd" at: "2025-10-08T01:00:00Z" submit {})");
  add(R"(id: "6" item_id: "hwk-1" actor: "xul" at: "2025-10-09T01:00:00Z" verify {})");
  v1::MonthlyStats stats;
  ASSERT_TRUE(ledger_.MonthlyStats("2025-09", &stats).ok());
  ASSERT_EQ(stats.units_size(), 2);
  EXPECT_EQ(stats.units(0).unit_id(), "hwk");
  EXPECT_EQ(stats.units(1).found(), 2);
  EXPECT_EQ(stats.units(1).open(), 2);
  EXPECT_EQ(stats.units(1).overdue(), 0);
  ASSERT_TRUE(ledger_.MonthlyStats("2025-10", &stats).ok());
  ASSERT_EQ(stats.units_size(), 2);
  const v1::UnitMonthStats& hwk = stats.units(0);
  const v1::UnitMonthStats& srk = stats.units(1);
  EXPECT_EQ(hwk.rectified_on_time(), 1);
  EXPECT_EQ(hwk.open(), 0);
  EXPECT_EQ(srk.found(), 0);
  EXPECT_EQ(srk.rectified_late(), 1);
  EXPECT_EQ(srk.reopened(), 1);
  EXPECT_EQ(srk.overdue(), 1);  // srk-2, due 10-09.
  EXPECT_EQ(srk.open(), 1);
  EXPECT_EQ(ledger_.MonthlyStats("2025-1", &stats).message(),
            "month '2025-1' is not of the form YYYY-MM");
}

TEST_F(LedgerTest, RepeatedProblemsPointsAndHistory) {
  auto issue = [&](const std::string& item, const std::string& at,
                   const std::string& point) {
    ASSERT_TRUE(Add(R"(id: "e-)" + item + R"(" item_id: ")" + item +
                    R"(" actor: "xul" at: ")" + at + R"(T02:00:00Z"
        issue { unit_id: "hwk" working_days: 3
                findings { id: "f" category: "垃圾清运" point_id: ")" +
                    point + R"(" found_on: ")" + at + R"(" } })")
                    .ok());
  };
  issue("h1", "2025-06-03", "p-bjxx");
  issue("h2", "2025-07-15", "p-bjxx");
  issue("h3", "2025-10-20", "p-gjz");
  v1::RepeatedProblemList repeated;
  ASSERT_TRUE(ledger_.RepeatedProblems("2025-08-01", &repeated).ok());
  ASSERT_EQ(repeated.problems_size(), 1);
  EXPECT_EQ(repeated.problems(0).unit_id(), "hwk");
  EXPECT_EQ(repeated.problems(0).findings(), 2);
  EXPECT_EQ(repeated.problems(0).first_found(), "2025-06-03");
  ASSERT_TRUE(ledger_.RepeatedProblems("2025-10-20", &repeated).ok());
  EXPECT_EQ(repeated.problems_size(), 0);  // Only h3 in the 3-month window.

  v1::PointReport points;
  ASSERT_TRUE(ledger_.Points("2025-12-31", &points).ok());
  ASSERT_EQ(points.points_size(), 5);
  EXPECT_EQ(points.points(2).point_id(), "p-bjxx");
  EXPECT_EQ(points.points(2).findings(), 2);
  EXPECT_EQ(points.points(2).open_items(), 2);
  EXPECT_EQ(points.points(2).last_found(), "2025-07-15");
  EXPECT_EQ(points.points(1).findings(), 1);
  Status s =
      Add(R"(id: "bad" item_id: "h4" actor: "xul" at: "2025-10-20T02:00:00Z"
      issue { unit_id: "hwk" working_days: 3 findings { id: "f" point_id: "p-nowhere" } })");
  EXPECT_EQ(
      s.message(),
      "event 'bad': findings[0]: inspection point 'p-nowhere' does not exist");

  ASSERT_TRUE(
      Add(R"(id: "h1s" item_id: "h1" actor: "linxd" at: "2025-06-05T01:00:00Z" submit {})")
          .ok());
  v1::ItemHistory history;
  ASSERT_TRUE(ledger_.History("h1", &history).ok());
  ASSERT_EQ(history.events_size(), 2);
  EXPECT_EQ(history.events(0).id(), "e-h1");
  EXPECT_EQ(history.events(1).id(), "h1s");
  EXPECT_EQ(history.item().state(), v1::SUBMITTED);
  EXPECT_EQ(ledger_.History("h9", &history).code(), Status::Code::kNotFound);
  // Events of one item come in date order.
  EXPECT_EQ(
      Add(R"(id: "h1v" item_id: "h1" actor: "xul" at: "2025-06-04T01:00:00Z" verify {})")
          .message(),
      "event 'h1v': dated 2025-06-04, before the item's last event on "
      "2025-06-05");
}

TEST_F(LedgerTest, DeductionOccurrencesForAssessment) {
  ASSERT_TRUE(
      Add(R"(id: "d1" item_id: "a" actor: "xul" at: "2025-06-03T02:00:00Z"
      issue { unit_id: "srk" deadline: "2025-06-10"
              findings { id: "f" category: "占道经营" flags: "媒体曝光" } })")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "d2" item_id: "b" actor: "xul" at: "2025-06-03T02:00:00Z"
      issue { unit_id: "srk" deadline: "2025-06-10" findings { id: "f" category: "占道经营" } })")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "d3" item_id: "b" actor: "chensq" at: "2025-06-05T02:00:00Z"
      reason: "需协调市场管理方" request_extension { until: "2025-07-10" })")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "d4" item_id: "b" actor: "xul" at: "2025-06-06T02:00:00Z"
      decide_extension { approved: true })")
          .ok());
  v1::DeductionInputs inputs;
  ASSERT_TRUE(ledger_.Deductions("2025-06", &inputs).ok());
  ASSERT_EQ(inputs.inputs_size(), 8);  // One per unit.
  const v1::IndicatorInput* srk = nullptr;
  for (const v1::IndicatorInput& in : inputs.inputs())
    if (in.unit_id() == "srk") srk = &in;
  ASSERT_NE(srk, nullptr);
  EXPECT_EQ(srk->indicator_id(), "M21");
  EXPECT_EQ(srk->period(), "2025-06");
  ASSERT_EQ(srk->occurrences().items_size(), 1);  // b is extended, not overdue.
  EXPECT_EQ(srk->occurrences().items(0).ref(), "a");
  EXPECT_EQ(srk->occurrences().items(0).flags(0), "媒体曝光");
  ASSERT_TRUE(ledger_.Deductions("2025-07", &inputs).ok());
  for (const v1::IndicatorInput& in : inputs.inputs())
    if (in.unit_id() == "srk") srk = &in;
  ASSERT_EQ(srk->occurrences().items_size(), 2);  // b overdue from 07-11.
  EXPECT_EQ(srk->occurrences().items(1).flags(0), "approved_extension");
}

TEST_F(LedgerTest, ReplacingTheCampaign) {
  Issue();
  v1::Campaign next = c_->proto();
  next.set_id("other");
  EXPECT_EQ(ledger_.ReplaceCampaign(Campaign::Build(next)).code(),
            Status::Code::kInvalidArgument);
  // A newer version where 林晓东 joins the inspection group.
  next = c_->proto();
  for (v1::Body& b : *next.mutable_bodies()) {
    if (b.id() == "inspection") {
      v1::Member* m = b.add_members();
      m->set_person_id("linxd");
      m->set_role(v1::MEMBER_ROLE_MEMBER);
    }
  }
  EXPECT_EQ(
      Add(R"(id: "r1" item_id: "srk-1" actor: "linxd" at: "2025-09-26T01:00:00Z"
                   remind { level: 1 })")
          .code(),
      Status::Code::kPermissionDenied);
  Status replaced = ledger_.ReplaceCampaign(Campaign::Build(next));
  ASSERT_TRUE(replaced.ok()) << replaced.ToString();
  EXPECT_TRUE(
      Add(R"(id: "r1" item_id: "srk-1" actor: "linxd" at: "2025-09-26T01:00:00Z"
                     remind { level: 1 })")
          .ok());
  // A version that drops a unit with items cannot replace it.
  next.mutable_units()->erase(next.mutable_units()->begin() + 2);  // srk
  Status s = ledger_.ReplaceCampaign(Campaign::Build(next));
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
}

// Campaigns stored before 0.2 name a reminder level's colour in a string.
TEST(ReminderColorTest, TheOldStringIsStillReadAndAnUnknownOneIsAProblem) {
  v1::ReminderLevel level;
  level.set_color("orange");
  EXPECT_EQ(ReminderColor(level), v1::ORANGE);
  level.set_level_color(v1::BLUE);
  EXPECT_EQ(ReminderColor(level), v1::BLUE);
  v1::Campaign c = testing::LoadExample();
  v1::ReminderLevel* first = c.mutable_supervision()->mutable_reminders(0);
  first->clear_level_color();
  first->set_color("blue");
  EXPECT_EQ(Campaign::Build(c)->problems().problems_size(), 0);
  first->set_color("purple");
  const v1::ValidationReport report = Campaign::Build(c)->problems();
  ASSERT_EQ(report.problems_size(), 1);
  EXPECT_EQ(report.problems(0).location(), "supervision.reminders[0].color");
  EXPECT_NE(report.problems(0).message().find("'purple' is not a colour"),
            std::string::npos);
}

}  // namespace
}  // namespace chuangwen
