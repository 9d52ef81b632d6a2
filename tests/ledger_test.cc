// The supervision ledger: every transition, every permission refusal,
// all-or-nothing batches, extensions and overdue items.
#include "chuangwen/ledger.h"

#include <gtest/gtest.h>

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
  // A notice to 市容科, issued by 许岚 on Thursday 2025-09-25, due in 5
  // working days: 9-26, the make-up Sunday 9-28, 9-29, 9-30, then over the
  // National Day days off to 10-09.
  void Issue(const std::string& item = "srk-1",
             const std::string& unit = "srk") {
    ASSERT_TRUE(Add(R"(id: "e-)" + item + R"(" item_id: ")" + item +
                    R"(" actor: "xul" at: "2025-09-25T02:00:00Z"
        issue { number: "东城管督改〔2025〕12号" unit_id: ")" +
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
      Add(R"(id: "e4" item_id: "srk-1" actor: "sunhy" at: "2025-10-09T01:00:00Z"
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
      Add(R"(id: "x3" item_id: "srk-1" actor: "sunhy" at: "2025-10-08T01:00:00Z"
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
      Add(R"(id: "x5" item_id: "srk-1" actor: "sunhy" at: "2025-10-21T01:00:00Z"
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
        R"(decide_extension { approved: true })"}) {
    Status s = Add(
        std::string(
            R"(id: "p" item_id: "srk-1" actor: "chensq" at: "2025-09-26T01:00:00Z" )") +
        action);
    EXPECT_EQ(s.code(), Status::Code::kPermissionDenied) << action;
    EXPECT_NE(s.message().find("person 'chensq' (陈思齐) may not"),
              std::string::npos)
        << s.message();
    EXPECT_NE(s.message().find("only members of a supervising body may"),
              std::string::npos);
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

TEST_F(LedgerTest, BadFieldsNameTheEvent) {
  EXPECT_EQ(
      Add(R"(id: "a" item_id: "i" actor: "nobody" at: "2025-09-25T02:00:00Z" start {})")
          .message(),
      "event 'a': actor 'nobody' does not exist");
  EXPECT_EQ(Add(R"(id: "a" item_id: "i" actor: "xul" at: "yesterday" start {})")
                .message(),
            "event 'a': at 'yesterday' is not an ISO 8601 time");
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

TEST_F(LedgerTest, OverdueItemsWithWorkingDaysLate) {
  Issue();                // Due 2025-10-09.
  Issue("hwk-1", "hwk");  // Same.
  ASSERT_TRUE(
      Add(R"(id: "s" item_id: "hwk-1" actor: "linxd" at: "2025-10-09T01:00:00Z" submit {})")
          .ok());
  ASSERT_TRUE(
      Add(R"(id: "v" item_id: "hwk-1" actor: "xul" at: "2025-10-10T01:00:00Z" verify {})")
          .ok());
  std::vector<OverdueItem> overdue;
  ASSERT_TRUE(ledger_.Overdue("2025-10-09", &overdue).ok());
  EXPECT_TRUE(overdue.empty());
  ASSERT_TRUE(ledger_.Overdue("2025-10-14", &overdue).ok());
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].item_id, "srk-1");
  EXPECT_EQ(overdue[0].working_days_late,
            4);  // 10-10, the make-up Saturday 10-11, 10-13, 10-14.
}

}  // namespace
}  // namespace chuangwen
