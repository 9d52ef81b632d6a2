// Evidence materials: who may submit, sign off and reject; all-or-nothing
// batches; completeness with missing and late items; the archive index in
// task-tree order; the indicator package window; storage with the ledger.
#include "chuangwen/evidence.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

#include "chuangwen/codec.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/validate.h"
#include "test_support.h"

namespace chuangwen {
namespace {

const std::string kSha(64, 'a');

class EvidenceTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Campaign> c_ = Campaign::Build(testing::LoadExample());
  EvidenceBook book_{c_};

  static v1::EvidenceEvent E(const std::string& text) {
    v1::EvidenceEvent e;
    Status s = Decode(text, Format::kText, &e);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return e;
  }
  Status Add(const std::string& text) { return book_.Append({E(text)}); }
  Status Submit(const std::string& id, const std::string& actor,
                const std::string& req, const std::string& at,
                const std::string& due = "") {
    return Add("id: \"" + id + "-s\" actor: \"" + actor + "\" at: \"" + at +
               "T08:00:00Z\" submit { id: \"" + id + "\" requirement_id: \"" +
               req + "\" file: \"files/" + id + ".jpg\" sha256: \"" + kSha +
               "\"" + (due.empty() ? "" : " due: \"" + due + "\"") + " }");
  }
  static std::vector<v1::EvidenceEvent> ExampleEvents() {
    v1::EvidenceEventBatch batch;
    const std::string& example = testing::ExamplePath();
    Status s = DecodeFile(
        example.substr(0, example.rfind('/')) + "/evidence.textproto",
        Format::kText, &batch);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return {batch.events().begin(), batch.events().end()};
  }
};

TEST_F(EvidenceTest, OnlyTheRightRolesSubmitSignAndReject) {
  // Photos of task 1.1 are 市容科's (陈思齐); 林晓东 of 环卫科 may not.
  Status s = Submit("p1", "linxd", "ev-srk-photos", "2025-06-10");
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(
      s.message(),
      "evidence event 'p1-s': person 'linxd' (林晓东) may not submit evidence "
      "for "
      "'ev-srk-photos': only people of the units responsible for task 1.1 may");
  ASSERT_TRUE(Submit("p1", "chensq", "ev-srk-photos", "2025-06-10").ok());
  // Sign-off: only 韩立群, the lead leader of task 1.1 — not the office, not
  // the bureau chief, not the submitter.
  for (const char* who : {"xul", "zhoumy", "chensq", "sunhy"}) {
    s = Add(
        std::string("id: \"o-") + who + "\" actor: \"" + who +
        "\" at: \"2025-06-11T08:00:00Z\" sign_off { submission_id: \"p1\" }");
    EXPECT_EQ(s.code(), Status::Code::kPermissionDenied) << who;
    EXPECT_NE(s.message().find("(task 1.1): role policy: only the task's lead "
                               "leader (责任领导) may"),
              std::string::npos)
        << s.message();
  }
  // Rejection: the lead leader or a supervisor, with a reason.
  EXPECT_EQ(
      Add(R"(id: "r0" actor: "linxd" at: "2025-06-11T08:00:00Z" reason: "x"
                   reject { submission_id: "p1" })")
          .code(),
      Status::Code::kPermissionDenied);
  EXPECT_EQ(
      Add(R"(id: "r1" actor: "xul" at: "2025-06-11T08:00:00Z" reject { submission_id: "p1" })")
          .message(),
      "evidence event 'r1': a rejection needs a reason");
  ASSERT_TRUE(
      Add(R"(id: "r2" actor: "xul" at: "2025-06-11T08:00:00Z" reason: "照片模糊"
                     reject { submission_id: "p1" })")
          .ok());
  EXPECT_EQ(
      Add(R"(id: "o" actor: "hanlq" at: "2025-06-12T08:00:00Z" sign_off { submission_id: "p1" })")
          .code(),
      Status::Code::kConflict);  // Already rejected.
  ASSERT_TRUE(Submit("p2", "chensq", "ev-srk-photos", "2025-06-12").ok());
  EXPECT_TRUE(
      Add(R"(id: "o2" actor: "hanlq" at: "2025-06-12T09:00:00Z" sign_off { submission_id: "p2" })")
          .ok());
  // People of a unit below the owner may submit for it (执法一中队 for 大队
  // is not the case here): the owner is the unit itself.
  EXPECT_EQ(Submit("p3", "gaop", "ev-srk-photos", "2025-06-12").code(),
            Status::Code::kPermissionDenied);
}

TEST_F(EvidenceTest, BadFieldsAndBatchesAreAllOrNothing) {
  EXPECT_EQ(Add(R"(id: "x" actor: "chensq" at: "2025-06-10T08:00:00Z"
                   submit { id: "s" requirement_id: "ev-srk-photos" file: "a.jpg" sha256: "abc" })")
                .message(),
            "evidence event 'x': sha256 'abc' is not 64 hexadecimal digits");
  EXPECT_EQ(Submit("s", "chensq", "ev-none", "2025-06-10").code(),
            Status::Code::kNotFound);
  EXPECT_EQ(
      Add(R"(id: "y" actor: "nobody" at: "2025-06-10T08:00:00Z" sign_off { submission_id: "s" })")
          .code(),
      Status::Code::kNotFound);
  v1::EvidenceEvent good =
      E("id: \"g\" actor: \"chensq\" at: \"2025-06-10T08:00:00Z\" "
        "submit { id: \"g1\" requirement_id: \"ev-srk-photos\" "
        "file: \"a.jpg\" sha256: \"" +
        kSha + "\" }");
  v1::EvidenceEvent bad =
      E(R"(id: "b" actor: "chensq" at: "2025-06-10T09:00:00Z"
                               sign_off { submission_id: "g1" })");
  EXPECT_EQ(book_.Append({good, bad}).code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(book_.submission_count(), 0u);
  EXPECT_TRUE(book_.Append({good}).ok());
  EXPECT_EQ(book_.Append({good}).code(), Status::Code::kConflict);  // Same id.
}

TEST_F(EvidenceTest, CompletenessArchiveAndPackageOfTheExample) {
  ASSERT_TRUE(book_.Append(ExampleEvents()).ok());
  v1::CompletenessReportRequest request;
  request.set_date("2025-09-30");
  request.set_from("2025-08-01");
  v1::CompletenessReport report;
  ASSERT_TRUE(book_.Completeness(request, &report).ok());
  // Three monthly requirements × two deadlines (Aug 20, and Sep 19 — the
  // 20th is a Saturday).
  ASSERT_EQ(report.rows_size(), 6);
  EXPECT_EQ(report.required(), 8);
  EXPECT_EQ(report.missing(), 1);  // 市容科's second September photo.
  EXPECT_EQ(report.late(), 1);     // 环卫科's August ledger, on the 22nd.
  for (const v1::CompletenessRow& r : report.rows()) {
    if (r.requirement_id() == "ev-srk-photos" && r.due() == "2025-09-19") {
      EXPECT_EQ(r.submitted(), 1);
      EXPECT_EQ(r.missing(), 1);
    }
  }
  request.set_unit_id("hwk");
  ASSERT_TRUE(book_.Completeness(request, &report).ok());
  EXPECT_EQ(report.rows_size(), 2);
  // In June the summary was rejected once and submitted again.
  request.set_unit_id("xck");
  request.set_from("2025-06-01");
  request.set_date("2025-06-30");
  ASSERT_TRUE(book_.Completeness(request, &report).ok());
  ASSERT_EQ(report.rows_size(), 1);
  EXPECT_EQ(report.rows(0).rejected(), 1);
  EXPECT_EQ(report.rows(0).submitted(), 1);

  v1::ArchiveIndex index;
  ASSERT_TRUE(book_.Archive(&index).ok());
  std::vector<std::string> order;
  for (const v1::ArchiveEntry& e : index.entries())
    order.push_back(e.task_id());
  EXPECT_EQ(order.front(), "1");
  EXPECT_EQ(order[1], "1.1");  // Depth first, in plan order.
  for (const v1::ArchiveEntry& e : index.entries()) {
    if (e.task_id() == "3.1") {
      ASSERT_EQ(e.items_size(), 1);
      EXPECT_EQ(e.items(0).kind(), v1::OFFICIAL_DOCUMENT);
      EXPECT_EQ(e.items(0).signed_by(), "sunhy");
    }
    for (const v1::EvidenceItem& i : e.items())
      EXPECT_FALSE(i.signed_by().empty());
  }

  v1::EvidencePackageRequest pr;
  pr.set_indicator_id("M11");  // Task 1.1.
  pr.set_month("2025-07");
  pr.set_months(3);
  v1::EvidencePackage package;
  ASSERT_TRUE(book_.Package(pr, &package).ok());
  EXPECT_EQ(package.from(), "2025-04-01");
  EXPECT_EQ(package.to(), "2025-06-30");
  EXPECT_EQ(package.items_size(), 6);  // April to June, two photos a month.
  pr.set_indicator_id("MX");           // A bonus with no task.
  EXPECT_EQ(book_.Package(pr, &package).code(), Status::Code::kNotFound);
}

TEST(EvidenceValidationTest, EachRequirementRuleBreaks) {
  v1::Campaign c = testing::LoadExample();
  v1::EvidenceRequirement* r = c.mutable_evidence_requirements(0);
  r->set_task_id("9.9");
  r->set_duty_id("no-duty");
  r->set_owner_unit_id("zhiguan");
  r->set_count(-1);
  v1::EvidenceRequirement* dup = c.add_evidence_requirements();
  *dup = c.evidence_requirements(1);
  dup->set_duty_id("");
  dup->set_due("2025-02-30");
  v1::EvidenceRequirement* none = c.add_evidence_requirements();
  none->set_id("ev-none");
  none->set_task_id("1.1");
  v1::ValidationReport report = Validate(c);
  std::vector<std::string> got;
  for (const v1::Problem& p : report.problems())
    got.push_back(p.location() + " " + p.message());
  EXPECT_EQ(
      got,
      (std::vector<std::string>{
          "evidence_requirements[0].task_id evidence requirement "
          "'ev-srk-photos': "
          "task '9.9' does not exist",
          "evidence_requirements[0].duty_id evidence requirement "
          "'ev-srk-photos': "
          "duty 'no-duty' does not exist",
          "evidence_requirements[0].owner_unit_id evidence requirement "
          "'ev-srk-photos': unit 'zhiguan' does not exist",
          "evidence_requirements[0].count evidence requirement "
          "'ev-srk-photos': "
          "count is negative",
          "evidence_requirements[5].id evidence requirement 'ev-hwk-ledger' is "
          "defined twice",
          "evidence_requirements[5].due evidence requirement 'ev-hwk-ledger': "
          "due "
          "'2025-02-30' is not a date",
          "evidence_requirements[6].due evidence requirement 'ev-none': needs "
          "a duty "
          "(its deadlines) or a due date"}));
}

TEST_F(EvidenceTest, StoredWithTheLedgerAndExported) {
  char tmpl[] = "/tmp/cw-evidence-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string path = dir + "/l.db";
  std::string log;
  {
    std::unique_ptr<LedgerStore> store;
    ASSERT_TRUE(LedgerStore::Create(path, c_->proto(), &store).ok());
    ASSERT_TRUE(store->AppendEvidence(ExampleEvents()).ok());
    std::vector<v1::EvidenceEvent> bad = {
        E(R"(id: "z" actor: "xul" at: "2025-06-11T08:00:00Z"
                                                 sign_off { submission_id: "sub-001" })")};
    EXPECT_EQ(store->AppendEvidence(bad).code(),
              Status::Code::kPermissionDenied);
    std::ostringstream out;
    ASSERT_TRUE(store->Export(&out).ok());
    log = out.str();
  }
  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(LedgerStore::Open(path, &store).ok());
  EXPECT_EQ(store->evidence().submission_count(),
            book_.submission_count() + 34);
  std::unique_ptr<LedgerStore> copy;
  ASSERT_TRUE(LedgerStore::Create(dir + "/c.db", c_->proto(), &copy).ok());
  std::istringstream in(log);
  Status s = copy->Import(&in);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(copy->evidence().event_count(),
            store->evidence().event_count());
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace chuangwen
