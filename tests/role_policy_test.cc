// Who may do what, on a bureau where several people hold two seats
// (tests/data/roles/two-seats.textproto): every person × every ledger
// action × an item of every unit, against outcomes written here by hand
// from the rules the README states; then evidence, data-driven policies and
// a submitter who later moves into the office.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "chuangwen/codec.h"
#include "chuangwen/evidence.h"
#include "chuangwen/ledger.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/progress.h"
#include "chuangwen/roles.h"
#include "chuangwen/validate.h"
#include "test_support.h"

namespace chuangwen {
namespace {

using Set = std::set<std::string>;

v1::Campaign TwoSeats() {
  v1::Campaign c;
  Status s = DecodeFile(CW_ROLE_FIXTURES "/two-seats.textproto", Format::kText,
                        &c);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  return c;
}

v1::LedgerEvent Event(const std::string& text) {
  v1::LedgerEvent e;
  Status s = Decode(text, Format::kText, &e);
  if (!s.ok()) throw std::runtime_error(s.ToString() + ": " + text);
  return e;
}

const std::vector<std::string> kPeople = {"ma",  "lu",    "qin",   "fang",
                                          "tang", "bai",  "xie",   "he",
                                          "zhong", "jiang", "zhou"};
const std::vector<std::string> kUnits = {"qhj",  "bgs",   "srk", "hwk",
                                         "zfdd", "zfdd1", "jjz"};

// The units each person belongs to: their own, those they head, and every
// unit above those.
const std::map<std::string, Set> kMemberOf = {
    {"ma", {"qhj"}},          {"lu", {"qhj", "srk", "hwk"}},
    {"qin", {"qhj", "bgs"}},  {"fang", {"qhj", "srk"}},
    {"tang", {"qhj", "zfdd"}}, {"bai", {"qhj", "bgs"}},
    {"xie", {"qhj", "bgs"}},  {"he", {"qhj", "hwk"}},
    {"zhong", {"qhj", "zfdd", "zfdd1"}}, {"jiang", {"qhj", "jjz"}},
    {"zhou", {}}};
// Units whose items each person may not decide on: their own and those
// above it, and those they head, above or below one they head. 陆文清, a
// deputy at the bureau in charge of 市容科 and 环卫科, may close the other
// sections' items; the bureau's head (马承业) none.
const std::map<std::string, Set> kAnswersFor = {
    {"ma", {"qhj", "bgs", "srk", "hwk", "zfdd", "zfdd1", "jjz"}},
    {"lu", {"qhj", "srk", "hwk"}},
    {"qin", {"qhj", "bgs"}},
    {"fang", {"qhj", "srk"}},
    {"tang", {"qhj", "zfdd", "zfdd1"}},
    {"bai", {"qhj", "bgs"}},
    {"xie", {"qhj", "bgs"}},
    {"he", {"qhj", "hwk"}},
    {"zhong", {"qhj", "zfdd", "zfdd1"}},
    {"jiang", {"qhj", "jjz"}},
    {"zhou", {}}};
// The default policy over this organization's seats.
const Set kRecorders = {"lu", "qin", "bai", "xie", "tang", "jiang", "fang",
                        "zhou"};                         // Office, 督查组.
const Set kOffice = {"lu", "qin", "bai", "xie"};         // Public reports.
const Set kDeciders = {"lu", "qin", "tang", "jiang", "fang", "bai", "zhou"};
const Set kLeaders = {"ma", "lu"};                       // 组长, 副组长.
// Who sets an item of each unit up: zhou issues (outside the bureau), one of
// the unit's people submits or asks for more time.
const std::map<std::string, std::string> kSubmitter = {
    {"qhj", "ma"},   {"bgs", "xie"},    {"srk", "fang"}, {"hwk", "he"},
    {"zfdd", "tang"}, {"zfdd1", "zhong"}, {"jjz", "jiang"}};

enum class Rule { kAllowed, kPolicy, kSeparation, kUnitOnly };

struct Case {
  const char* name;
  std::vector<std::string> setup;  // With $U the unit, $S its submitter.
  std::string action;              // With $U and $P the person.
};

std::string Fill(std::string text, const std::string& unit,
                 const std::string& person) {
  for (auto [key, value] :
       {std::pair<std::string, std::string>{"$U", unit},
        {"$S", kSubmitter.at(unit)},
        {"$P", person}}) {
    for (size_t at; (at = text.find(key)) != std::string::npos;)
      text.replace(at, key.size(), value);
  }
  return text;
}

Rule Expected(const std::string& action, const std::string& p,
              const std::string& unit) {
  const bool member = kMemberOf.at(p).count(unit) > 0;
  const bool answers = kAnswersFor.at(p).count(unit) > 0;
  if (action == "issue") {
    if (!kRecorders.count(p)) return Rule::kPolicy;
    return member ? Rule::kSeparation : Rule::kAllowed;
  }
  if (action == "public report") {
    if (!kRecorders.count(p) || !kOffice.count(p)) return Rule::kPolicy;
    return member ? Rule::kSeparation : Rule::kAllowed;
  }
  if (action == "start" || action == "submit" || action == "request extension")
    return member ? Rule::kAllowed : Rule::kUnitOnly;
  if (action == "verify" || action == "reject" || action == "long term" ||
      action == "decide extension") {
    if (!kDeciders.count(p)) return Rule::kPolicy;
    return answers ? Rule::kSeparation : Rule::kAllowed;
  }
  if (action == "remind") return kRecorders.count(p) ? Rule::kAllowed : Rule::kPolicy;
  if (action == "bulletin" || action == "propose escalation")
    return kDeciders.count(p) ? Rule::kAllowed : Rule::kPolicy;
  if (action == "decide escalation") {
    if (!kLeaders.count(p)) return Rule::kPolicy;
    return p == "zhou" ? Rule::kSeparation : Rule::kAllowed;  // Proposer.
  }
  throw std::logic_error(action);
}

const char* RuleText(Rule r) {
  switch (r) {
    case Rule::kPolicy: return "role policy: only ";
    case Rule::kSeparation: return "separation of duties: ";
    case Rule::kUnitOnly: return "only people of unit '";
    default: return "";
  }
}

TEST(RolePolicyTest, TheFixtureIsValid) {
  v1::ValidationReport report = Validate(TwoSeats());
  EXPECT_EQ(report.problems_size(), 0) << report.DebugString();
}

TEST(RolePolicyTest, EveryPersonEveryActionAnItemOfEveryUnit) {
  std::shared_ptr<const Campaign> campaign = Campaign::Build(TwoSeats());
  const std::string issue =
      R"(id: "s1" item_id: "i" actor: "zhou" at: "2025-09-25T10:00:00+08:00"
         issue { number: "n1" unit_id: "$U" deadline: "2025-10-20" findings { id: "f" } })";
  const std::string submit =
      R"(id: "s2" item_id: "i" actor: "$S" at: "2025-09-26T10:00:00+08:00" submit {})";
  const std::string request =
      R"(id: "s2" item_id: "i" actor: "$S" at: "2025-09-26T10:00:00+08:00" reason: "r"
         request_extension { until: "2025-10-30" })";
  const std::string propose =
      R"(id: "s1" item_id: "x" actor: "zhou" at: "2025-09-26T10:00:00+08:00" reason: "r"
         propose_escalation { unit_id: "$U" measure: INTERVIEW })";
  const std::string at =
      R"(id: "a" actor: "$P" at: "2025-09-27T10:00:00+08:00" )";
  const std::vector<Case> cases = {
      {"issue", {},
       at + R"(item_id: "i" issue { number: "n2" unit_id: "$U" deadline: "2025-10-20"
                                    findings { id: "f" } })"},
      {"public report", {},
       at + R"(item_id: "i" issue { number: "n2" unit_id: "$U" deadline: "2025-10-20"
               findings { id: "f" source: PUBLIC_REPORT channel: "12345热线" } })"},
      {"start", {issue}, at + R"(item_id: "i" start {})"},
      {"submit", {issue}, at + R"(item_id: "i" submit {})"},
      {"request extension", {issue},
       at + R"(item_id: "i" reason: "r" request_extension { until: "2025-10-30" })"},
      {"verify", {issue, submit}, at + R"(item_id: "i" verify {})"},
      {"reject", {issue, submit},
       at + R"(item_id: "i" reason: "r" reject { new_deadline: "2025-10-25" })"},
      {"long term", {issue},
       at + R"(item_id: "i" reason: "r" long_term { plan_date: "2025-12-31" })"},
      {"decide extension", {issue, request},
       at + R"(item_id: "i" decide_extension { approved: true })"},
      {"remind", {issue}, at + R"(item_id: "i" remind { level: 1 })"},
      {"bulletin", {issue},
       at + R"(item_id: "i" bulletin { number: "青城管通〔2025〕3号" })"},
      {"propose escalation", {},
       at + R"(item_id: "x" reason: "r" propose_escalation { unit_id: "$U" measure: INTERVIEW })"},
      {"decide escalation", {propose},
       at + R"(item_id: "x" decide_escalation { approved: true })"},
  };
  int allowed = 0, refused = 0;
  for (const Case& c : cases) {
    for (const std::string& unit : kUnits) {
      for (const std::string& person : kPeople) {
        Ledger ledger(campaign);
        std::vector<v1::LedgerEvent> setup;
        for (const std::string& s : c.setup)
          setup.push_back(Event(Fill(s, unit, person)));
        // Issuing to the bureau itself is for a body above it (zhou's).
        Status s = ledger.Append(setup);
        ASSERT_TRUE(s.ok()) << c.name << " setup for " << unit << ": "
                            << s.ToString();
        s = ledger.Append({Event(Fill(c.action, unit, person))});
        const Rule want = Expected(c.name, person, unit);
        const std::string where =
            std::string(c.name) + " by " + person + " on an item of " + unit;
        if (want == Rule::kAllowed) {
          EXPECT_TRUE(s.ok()) << where << ": " << s.ToString();
          ++allowed;
          continue;
        }
        ++refused;
        EXPECT_EQ(s.code(), Status::Code::kPermissionDenied)
            << where << ": " << s.ToString();
        EXPECT_NE(s.message().find(RuleText(want)), std::string::npos)
            << where << ": " << s.message();
        EXPECT_EQ(ledger.event_count(), setup.size()) << where;
      }
    }
  }
  // 13 actions × 7 units × 11 people, both outcomes well represented.
  EXPECT_EQ(allowed + refused, 13 * 7 * 11);
  EXPECT_GT(allowed, 250);
  EXPECT_GT(refused, 500);
}

TEST(RolePolicyTest, TheHolesFoundAreClosed) {
  std::shared_ptr<const Campaign> campaign = Campaign::Build(TwoSeats());
  // 方立言 heads 市容科 and sits on 效能督查组: she may start and submit her
  // section's rectification, but neither close it nor issue to her section.
  Ledger ledger(campaign);
  ASSERT_TRUE(ledger
                  .Append({Event(R"(id: "e1" item_id: "i" actor: "zhou" at: "2025-09-25T10:00:00+08:00"
                      issue { number: "n1" unit_id: "srk" deadline: "2025-10-20" findings { id: "f" } })"),
                           Event(R"(id: "e2" item_id: "i" actor: "fang" at: "2025-09-26T10:00:00+08:00" start {})"),
                           Event(R"(id: "e3" item_id: "i" actor: "fang" at: "2025-09-27T10:00:00+08:00" submit {})")})
                  .ok());
  Status s = ledger.Append({Event(
      R"(id: "e4" item_id: "i" actor: "fang" at: "2025-09-28T10:00:00+08:00" verify {})")});
  EXPECT_EQ(s.message(),
            "event 'e4': person 'fang' (方立言) may not verify and close item "
            "'i': separation of duties: nobody decides on an item of a unit "
            "they work in or head, or of a unit under it ('srk')");
  // An office member issues to the office itself.
  s = ledger.Append({Event(
      R"(id: "e5" item_id: "o" actor: "bai" at: "2025-09-28T10:00:00+08:00"
         issue { number: "n2" unit_id: "bgs" deadline: "2025-10-20" findings { id: "f" } })")});
  EXPECT_EQ(s.message(),
            "event 'e5': person 'bai' (白雨桐) may not issue a notice for item "
            "'o': separation of duties: the issuer is not a member of the "
            "unit that must rectify ('bgs')");
  // The office's 联络员 records but does not decide.
  s = ledger.Append({Event(
      R"(id: "e6" item_id: "i" actor: "xie" at: "2025-09-28T10:00:00+08:00" verify {})")});
  EXPECT_NE(s.message().find("person 'xie' (谢安宁) may not verify and close "
                             "item 'i': role policy: only 主任 or 副主任 of "
                             "the office (领导小组办公室); 组长, 副组长, 主任, "
                             "副主任 or 成员 of supervising bodies (效能督查组) "
                             "may"),
            std::string::npos)
      << s.message();
  EXPECT_TRUE(ledger
                  .Append({Event(R"(id: "e7" item_id: "i" actor: "xie" at: "2025-09-28T10:00:00+08:00"
                                    remind { level: 1 })")})
                  .ok());
  EXPECT_TRUE(ledger
                  .Append({Event(R"(id: "e8" item_id: "i" actor: "qin" at: "2025-09-28T11:00:00+08:00" verify {})")})
                  .ok());
}

// The policy is data: an office that keeps closing to its 主任 alone.
TEST(RolePolicyTest, APolicyOnTheCampaignReplacesTheDefaultsActionByAction) {
  v1::Campaign c = TwoSeats();
  v1::PolicyRule* rule = c.mutable_role_policy()->add_rules();
  ASSERT_TRUE(Decode(R"(action: POLICY_ACTION_VERIFY
      seats { body_id: "office" roles: MEMBER_ROLE_DIRECTOR roles: MEMBER_ROLE_DEPUTY_DIRECTOR })",
                     Format::kText, rule)
                  .ok());
  std::shared_ptr<const Campaign> campaign = Campaign::Build(c);
  const Roles& roles = campaign->roles();
  auto may = [&](const char* person, v1::PolicyAction a) {
    return roles.May(campaign->index().Person(person), a);
  };
  EXPECT_TRUE(may("qin", v1::POLICY_ACTION_VERIFY));
  EXPECT_FALSE(may("zhou", v1::POLICY_ACTION_VERIFY));
  EXPECT_FALSE(may("tang", v1::POLICY_ACTION_VERIFY));
  // Other actions keep their defaults.
  EXPECT_TRUE(may("zhou", v1::POLICY_ACTION_DECIDE_EXTENSION));
  EXPECT_EQ(roles.WhoMay(v1::POLICY_ACTION_VERIFY),
            "主任 or 副主任 of body 'office'");
  Ledger ledger(campaign);
  ASSERT_TRUE(ledger
                  .Append({Event(R"(id: "e1" item_id: "i" actor: "zhou" at: "2025-09-25T10:00:00+08:00"
                      issue { number: "n1" unit_id: "hwk" deadline: "2025-10-20" findings { id: "f" } })"),
                           Event(R"(id: "e2" item_id: "i" actor: "he" at: "2025-09-27T10:00:00+08:00" submit {})")})
                  .ok());
  Status s = ledger.Append({Event(
      R"(id: "e3" item_id: "i" actor: "zhou" at: "2025-09-28T10:00:00+08:00" verify {})")});
  EXPECT_NE(s.message().find("role policy: only 主任 or 副主任 of body "
                             "'office' may"),
            std::string::npos)
      << s.message();
}

TEST(RolePolicyTest, BadPoliciesAndHeadedUnitsAreValidationProblems) {
  v1::Campaign c = TwoSeats();
  c.mutable_people(1)->add_heads_unit_ids("nowhere");
  ASSERT_TRUE(Decode(R"(rules { action: POLICY_ACTION_VERIFY seats { body_id: "ghost" } }
      rules { action: POLICY_ACTION_VERIFY seats { body_kind: BODY_KIND_OFFICE supervising_bodies: true } }
      rules { seats { body_kind: BODY_KIND_OFFICE } }
      rules { action: POLICY_ACTION_ISSUE seats { task_lead_leader: true } })",
                     Format::kText, c.mutable_role_policy())
                  .ok());
  std::vector<std::string> got;
  const v1::ValidationReport report = Validate(c);
  for (const v1::Problem& p : report.problems())
    got.push_back(p.location() + ": " + p.message());
  const std::vector<std::string> want = {
      "people[1].heads_unit_ids[2]: person 'lu' heads unit 'nowhere', which "
      "does not exist",
      "role_policy.rules[0].seats[0].body_id: a seat for POLICY_ACTION_VERIFY "
      "names body 'ghost', which does not exist",
      "role_policy.rules[1].action: the role policy has a second rule for "
      "POLICY_ACTION_VERIFY",
      "role_policy.rules[1].seats[0]: a seat for POLICY_ACTION_VERIFY must "
      "name exactly one of body_id, body_kind, supervising_bodies or "
      "task_lead_leader",
      "role_policy.rules[2].action: a role policy rule names no action",
      "role_policy.rules[3].seats[0].task_lead_leader: the task's lead leader "
      "is a seat only for evidence and progress, not for POLICY_ACTION_ISSUE"};
  EXPECT_EQ(got, want);
}

// Someone who submitted while in 环卫科 and has since joined the office as
// its 副主任 still may not verify that submission; events stored before the
// move keep folding.
TEST(RolePolicyTest, TheSubmitterNeverVerifiesEvenAfterMovingIntoTheOffice) {
  std::shared_ptr<const Campaign> before = Campaign::Build(TwoSeats());
  Ledger ledger(before);
  ASSERT_TRUE(ledger
                  .Append({Event(R"(id: "e1" item_id: "i" actor: "zhou" at: "2025-09-25T10:00:00+08:00"
                      issue { number: "n1" unit_id: "hwk" deadline: "2025-10-20" findings { id: "f" } })"),
                           Event(R"(id: "e2" item_id: "i" actor: "he" at: "2025-09-27T10:00:00+08:00" submit {})")})
                  .ok());
  v1::Campaign moved = TwoSeats();
  moved.mutable_people(7)->set_unit_id("swmb");
  ASSERT_EQ(moved.people(7).id(), "he");
  v1::Member* seat = moved.mutable_bodies(1)->add_members();
  seat->set_person_id("he");
  seat->set_role(v1::MEMBER_ROLE_DEPUTY_DIRECTOR);
  ASSERT_TRUE(ledger.ReplaceCampaign(Campaign::Build(moved)).ok());
  Status s = ledger.Append({Event(
      R"(id: "e3" item_id: "i" actor: "he" at: "2025-09-28T10:00:00+08:00" verify {})")});
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_NE(s.message().find("separation of duties: the person who submitted "
                             "a rectification never verifies it"),
            std::string::npos)
      << s.message();
  EXPECT_TRUE(ledger
                  .Append({Event(R"(id: "e4" item_id: "i" actor: "qin" at: "2025-09-28T10:00:00+08:00"
                                    reason: "复查不合格" reject { new_deadline: "2025-10-25" })")})
                  .ok());
}

TEST(RolePolicyTest, EvidenceSignOffFollowsThePolicyAndNobodySignsTheirOwn) {
  // A submission by `submitter`, then a sign-off by each of `signers` in
  // turn: what each answered.
  auto run = [](const v1::Campaign& c, const std::string& submitter,
                const std::vector<std::string>& signers) {
    EvidenceBook book(Campaign::Build(c));
    auto event = [](const std::string& text) {
      v1::EvidenceEvent e;
      Status s = Decode(text, Format::kText, &e);
      if (!s.ok()) throw std::runtime_error(s.ToString());
      return e;
    };
    Status s = book.Append({event(
        "id: \"v0\" actor: \"" + submitter +
        "\" at: \"2025-06-20T10:00:00+08:00\" submit { id: \"s1\" "
        "requirement_id: \"ev-1.1\" file: \"ledger.xlsx\" sha256: \"" +
        std::string(64, 'a') + "\" }")});
    if (!s.ok()) throw std::runtime_error(s.ToString());
    std::vector<Status> out;
    for (size_t k = 0; k < signers.size(); ++k) {
      out.push_back(book.Append({event(
          "id: \"v" + std::to_string(k + 1) + "\" actor: \"" + signers[k] +
          "\" at: \"2025-06-21T10:00:00+08:00\" sign_off { submission_id: "
          "\"s1\" }")}));
    }
    return out;
  };
  // Default: the task's lead leader (陆文清 for tasks 1 and 2) signs.
  std::vector<Status> got = run(TwoSeats(), "fang", {"qin", "lu"});
  EXPECT_NE(got[0].message().find("role policy: only the task's lead leader "
                                  "(责任领导) may"),
            std::string::npos)
      << got[0].message();
  EXPECT_TRUE(got[1].ok()) << got[1].ToString();
  // A campaign that has the office's 主任 and 副主任 sign instead: 陆文清
  // (主任, and 分管 市容科) may sign, but not a submission he made himself.
  v1::Campaign c = TwoSeats();
  ASSERT_TRUE(Decode(R"(rules { action: POLICY_ACTION_SIGN_OFF_EVIDENCE
      seats { body_kind: BODY_KIND_OFFICE roles: MEMBER_ROLE_DIRECTOR roles: MEMBER_ROLE_DEPUTY_DIRECTOR } })",
                     Format::kText, c.mutable_role_policy())
                  .ok());
  got = run(c, "lu", {"lu", "qin"});
  EXPECT_NE(got[0].message().find("separation of duties: nobody signs off or "
                                  "rejects their own submission"),
            std::string::npos)
      << got[0].message();
  EXPECT_TRUE(got[1].ok()) << got[1].ToString();
}

// Progress reports are reviewed (审核) under the same policy: the office's
// deciders and supervisors, never someone answering for the unit.
TEST(RolePolicyTest, ProgressReviewsFollowThePolicyAndSeparation) {
  v1::Campaign c = TwoSeats();
  v1::Target* t = c.add_targets();
  ASSERT_TRUE(Decode(R"(id: "t-1.1" task_id: "1.1" metric: "规范占道经营点位"
      unit_of_measure: "个" target: 40 baseline: 0 start: "2025-03-01" deadline: "2025-11-30")",
                     Format::kText, t)
                  .ok());
  ProgressBook book(Campaign::Build(c));
  auto record = [](const std::string& text) {
    v1::ProgressReport r;
    Status s = Decode(text, Format::kText, &r);
    if (!s.ok()) throw std::runtime_error(s.ToString());
    return r;
  };
  ASSERT_TRUE(book.Append({record(R"(id: "p1" target_id: "t-1.1" unit_id: "srk"
                                      reported_by: "fang" date: "2025-06-10" value: 30)")},
                          "2025-06-30")
                  .ok());
  double share = 0;
  ASSERT_TRUE(book.Attainment("t-1.1", "srk", "2025-06-30", &share).ok());
  EXPECT_DOUBLE_EQ(share, 0.75);
  auto review = [&](const std::string& id, const std::string& who,
                    bool approved, const std::string& note) {
    return book.Append(
        {record("id: \"" + id + "\" reported_by: \"" + who +
                "\" date: \"2025-06-12\" note: \"" + note +
                "\" review { report_id: \"p1\" approved: " +
                (approved ? "true" : "false") + " }")},
        "2025-06-30");
  };
  Status s = review("r1", "he", true, "");
  EXPECT_NE(s.message().find("role policy: only "), std::string::npos) << s.message();
  s = review("r1", "fang", true, "");  // Her own report, her own section.
  EXPECT_NE(s.message().find("separation of duties: nobody reviews a report"),
            std::string::npos)
      << s.message();
  s = review("r1", "lu", true, "");  // In charge of 市容科.
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied) << s.ToString();
  s = review("r1", "qin", false, "");
  EXPECT_EQ(s.message(),
            "progress review 'r1': sending a report back needs a reason (note)");
  ASSERT_TRUE(review("r1", "qin", false, "点位数与台账不符").ok());
  bool approved = true;
  ASSERT_TRUE(book.Reviewed("p1", &approved));
  EXPECT_FALSE(approved);
  ASSERT_TRUE(book.Attainment("t-1.1", "srk", "2025-06-30", &share).ok());
  EXPECT_DOUBLE_EQ(share, 0);  // Sent back: it no longer counts.
  EXPECT_EQ(review("r2", "zhou", true, "").code(), Status::Code::kConflict);

  // Kept with the ledger: a reopened file knows the review.
  testing::TempDir dir;
  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(LedgerStore::Create(dir.File("l.db"), c, &store).ok());
  ASSERT_TRUE(store->AppendProgress(
                      {record(R"(id: "p1" target_id: "t-1.1" unit_id: "srk"
                                 reported_by: "fang" date: "2025-06-10" value: 30)"),
                       record(R"(id: "r1" reported_by: "zhou" date: "2025-06-12"
                                 review { report_id: "p1" approved: true })")},
                      "2025-06-30")
                  .ok());
  store.reset();
  ASSERT_TRUE(LedgerStore::Open(dir.File("l.db"), &store).ok());
  ASSERT_TRUE(store->progress().Reviewed("p1", &approved));
  EXPECT_TRUE(approved);
}

}  // namespace
}  // namespace chuangwen
