// The ledger through the C API: a file and a memory ledger, every query,
// error codes, the binary overdue fast path against the message encoding,
// export/import, NULL and garbage arguments.
#include <gtest/gtest.h>
#include <unistd.h>

#include <random>
#include <string>

#include "chuangwen/codec.h"
#include "chuangwen/cw.h"
#include "chuangwen/v1/ledger.pb.h"
#include "test_support.h"

namespace {

using chuangwen::testing::Bytes;

const uint8_t* U8(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

class CapiLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/cw-capi-ledger-XXXXXX";
    dir_ = mkdtemp(tmpl);
    ASSERT_TRUE(
        chuangwen::ReadFile(chuangwen::testing::ExamplePath(), &campaign_text_)
            .ok());
    const std::string& example = chuangwen::testing::ExamplePath();
    ASSERT_TRUE(chuangwen::ReadFile(
                    example.substr(0, example.rfind('/')) + "/ledger.textproto",
                    &events_text_)
                    .ok());
  }
  void TearDown() override {
    cw_campaign_free(campaign_);
    std::system(("rm -rf '" + dir_ + "'").c_str());
  }
  // The example campaign, loaded once per test.
  cw_campaign* campaign() {
    if (campaign_ == nullptr) {
      EXPECT_EQ(cw_campaign_load(U8(campaign_text_), campaign_text_.size(),
                                 CW_FORMAT_TEXT, &campaign_),
                CW_OK);
    }
    return campaign_;
  }
  std::string dir_, campaign_text_, events_text_;
  cw_campaign* campaign_ = nullptr;
};

TEST_F(CapiLedgerTest, AFileLedgerAnswersEveryQuery) {
  const std::string path = dir_ + "/l.db";
  cw_ledger* ledger = nullptr;
  ASSERT_EQ(cw_ledger_new(campaign(), path.c_str(), &ledger), CW_OK)
      << cw_last_error_message();
  ASSERT_EQ(cw_ledger_append(ledger, U8(events_text_), events_text_.size(),
                             CW_FORMAT_TEXT),
            CW_OK)
      << cw_last_error_message();
  size_t count = 0;
  ASSERT_EQ(cw_ledger_event_count(ledger, &count), CW_OK);
  EXPECT_GT(count, 150u);
  cw_ledger_free(ledger);
  ledger = nullptr;
  ASSERT_EQ(cw_ledger_open(path.c_str(), &ledger), CW_OK)
      << cw_last_error_message();

  Bytes item;
  ASSERT_EQ(cw_ledger_item(ledger, "dc-2025-901", CW_FORMAT_JSON, &item.data,
                           &item.size),
            CW_OK);
  EXPECT_NE(item.str().find("\"unit_id\":\"srk\""), std::string::npos)
      << item.str();
  Bytes history;
  ASSERT_EQ(cw_ledger_history(ledger, "esc-2025-1", CW_FORMAT_BINARY,
                              &history.data, &history.size),
            CW_OK);
  chuangwen::v1::ItemHistory h;
  ASSERT_TRUE(h.ParseFromArray(history.data, static_cast<int>(history.size)));
  EXPECT_EQ(h.events_size(), 2);

  // The binary overdue answer, written row by row, decodes to exactly the
  // message the JSON answer encodes.
  Bytes binary, json;
  ASSERT_EQ(cw_ledger_overdue(ledger, "2025-10-31", CW_FORMAT_BINARY,
                              &binary.data, &binary.size),
            CW_OK);
  ASSERT_EQ(cw_ledger_overdue(ledger, "2025-10-31", CW_FORMAT_JSON, &json.data,
                              &json.size),
            CW_OK);
  chuangwen::v1::OpenItemList from_binary, from_json;
  ASSERT_TRUE(
      from_binary.ParseFromArray(binary.data, static_cast<int>(binary.size)));
  ASSERT_TRUE(
      chuangwen::Decode(json.str(), chuangwen::Format::kJson, &from_json).ok());
  EXPECT_GT(from_binary.items_size(), 3);
  EXPECT_EQ(from_binary.DebugString(), from_json.DebugString());

  for (auto query : {cw_ledger_repeated_problems, cw_ledger_escalations,
                     cw_ledger_reminders, cw_ledger_points}) {
    Bytes b;
    EXPECT_EQ(query(ledger, "2025-10-31", CW_FORMAT_JSON, &b.data, &b.size),
              CW_OK)
        << cw_last_error_message();
    EXPECT_GT(b.size, 10u);
  }
  Bytes open, stats, deductions;
  EXPECT_EQ(cw_ledger_outstanding(ledger, "srk", "2025-10-31", CW_FORMAT_TEXT,
                                  &open.data, &open.size),
            CW_OK);
  EXPECT_NE(open.str().find("color: RED"), std::string::npos);
  EXPECT_EQ(cw_ledger_monthly_stats(ledger, "2025-09", CW_FORMAT_JSON,
                                    &stats.data, &stats.size),
            CW_OK);
  EXPECT_EQ(cw_ledger_deductions(ledger, "2025-09", CW_FORMAT_JSON,
                                 &deductions.data, &deductions.size),
            CW_OK);
  EXPECT_NE(deductions.str().find("\"indicator_id\":\"M21\""),
            std::string::npos);

  // Errors carry codes and name the event.
  const std::string wrong_role =
      R"(events { id: "w1" item_id: "dc-2025-901" actor: "chensq"
                  at: "2025-11-03T02:00:00Z" verify {} })";
  EXPECT_EQ(cw_ledger_append(ledger, U8(wrong_role), wrong_role.size(),
                             CW_FORMAT_TEXT),
            CW_EPERM);
  EXPECT_NE(std::string(cw_last_error_message()).find("event 'w1'"),
            std::string::npos);
  EXPECT_EQ(cw_ledger_overdue(ledger, "2025-02-30", CW_FORMAT_JSON, &json.data,
                              &json.size),
            CW_EINVALID);
  EXPECT_EQ(
      cw_ledger_item(ledger, "nope", CW_FORMAT_JSON, &item.data, &item.size),
      CW_ENOTFOUND);

  // Export, then import into a fresh file: the same answers.
  Bytes log;
  ASSERT_EQ(cw_ledger_export(ledger, &log.data, &log.size), CW_OK);
  cw_ledger* copy = nullptr;
  ASSERT_EQ(cw_ledger_new(campaign(), (dir_ + "/copy.db").c_str(), &copy),
            CW_OK);
  ASSERT_EQ(cw_ledger_import(copy, log.data, log.size), CW_OK)
      << cw_last_error_message();
  Bytes again;
  ASSERT_EQ(cw_ledger_overdue(copy, "2025-10-31", CW_FORMAT_BINARY, &again.data,
                              &again.size),
            CW_OK);
  EXPECT_EQ(again.str(), binary.str());
  EXPECT_EQ(cw_ledger_import(copy, log.data, log.size), CW_ECONFLICT);
  cw_ledger_free(copy);
  cw_ledger_free(ledger);
}

TEST_F(CapiLedgerTest, AMemoryLedgerAndItsLimits) {
  cw_campaign* campaign = nullptr;
  ASSERT_EQ(cw_campaign_load(U8(campaign_text_), campaign_text_.size(),
                             CW_FORMAT_TEXT, &campaign),
            CW_OK);
  cw_ledger* ledger = nullptr;
  ASSERT_EQ(cw_ledger_new(campaign, nullptr, &ledger), CW_OK);
  cw_campaign_free(campaign);  // The ledger keeps what it needs.
  ASSERT_EQ(cw_ledger_append(ledger, U8(events_text_), events_text_.size(),
                             CW_FORMAT_TEXT),
            CW_OK);
  Bytes history, log;
  EXPECT_EQ(cw_ledger_history(ledger, "dc-2025-901", CW_FORMAT_JSON,
                              &history.data, &history.size),
            CW_OK);
  EXPECT_EQ(cw_ledger_export(ledger, &log.data, &log.size), CW_EINVALID);
  EXPECT_EQ(
      cw_ledger_replace_campaign(ledger, U8(campaign_text_),
                                 campaign_text_.size(), CW_FORMAT_TEXT, ""),
      CW_EINVALID);
  EXPECT_EQ(cw_ledger_replace_campaign(ledger, U8(campaign_text_),
                                       campaign_text_.size(), CW_FORMAT_TEXT,
                                       "方案修订"),
            CW_OK);
  cw_ledger_free(ledger);
}

TEST_F(CapiLedgerTest, NullAndGarbageArguments) {
  uint8_t* out = nullptr;
  size_t size = 0;
  cw_ledger* ledger = nullptr;
  EXPECT_EQ(cw_ledger_open("x", nullptr), CW_EINVALID);
  EXPECT_EQ(cw_ledger_open(nullptr, &ledger), CW_EINVALID);
  EXPECT_EQ(cw_ledger_open((dir_ + "/none.db").c_str(), &ledger), CW_ENOTFOUND);
  EXPECT_EQ(cw_ledger_new(nullptr, nullptr, &ledger), CW_EINVALID);
  EXPECT_EQ(cw_ledger_new(campaign(), "x.db", nullptr), CW_EINVALID);
  EXPECT_EQ(cw_ledger_append(nullptr, nullptr, 0, CW_FORMAT_TEXT), CW_EINVALID);
  EXPECT_EQ(cw_ledger_event_count(nullptr, &size), CW_EINVALID);
  EXPECT_EQ(
      cw_ledger_overdue(nullptr, "2025-10-01", CW_FORMAT_BINARY, &out, &size),
      CW_EINVALID);
  EXPECT_EQ(cw_ledger_item(nullptr, "x", CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_ledger_export(nullptr, &out, &size), CW_EINVALID);
  EXPECT_EQ(cw_ledger_import(nullptr, nullptr, 0), CW_EINVALID);
  EXPECT_EQ(out, nullptr);
  cw_ledger_free(nullptr);

  ASSERT_EQ(cw_ledger_new(campaign(), (dir_ + "/g.db").c_str(), &ledger),
            CW_OK);
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::string junk(rng() % 300, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    int format = static_cast<int>(rng() % 3);
    int code = cw_ledger_append(ledger, U8(junk), junk.size(), format);
    EXPECT_LE(code, CW_OK);
    EXPECT_NE(code, CW_EINTERNAL) << cw_last_error_message();
    code = cw_ledger_import(ledger, U8(junk), junk.size());
    EXPECT_NE(code, CW_EINTERNAL) << cw_last_error_message();
  }
  cw_ledger_free(ledger);
}

}  // namespace

namespace {

TEST(CapiReportTest, EvidenceAndDocumentsThroughTheCApi) {
  std::string campaign_text, evidence_text;
  const std::string& example = chuangwen::testing::ExamplePath();
  ASSERT_TRUE(chuangwen::ReadFile(example, &campaign_text).ok());
  ASSERT_TRUE(chuangwen::ReadFile(
                  example.substr(0, example.rfind('/')) + "/evidence.textproto",
                  &evidence_text)
                  .ok());
  cw_campaign* campaign = nullptr;
  ASSERT_EQ(cw_campaign_load(U8(campaign_text), campaign_text.size(),
                             CW_FORMAT_TEXT, &campaign),
            CW_OK);
  cw_ledger* ledger = nullptr;
  ASSERT_EQ(cw_ledger_new(campaign, nullptr, &ledger), CW_OK);
  ASSERT_EQ(cw_ledger_append_evidence(ledger, U8(evidence_text),
                                      evidence_text.size(), CW_FORMAT_TEXT),
            CW_OK)
      << cw_last_error_message();
  const std::string request = R"({"date": "2025-09-30", "from": "2025-09-01"})";
  Bytes report;
  ASSERT_EQ(cw_ledger_evidence_completeness(ledger, U8(request), request.size(),
                                            CW_FORMAT_JSON, CW_FORMAT_JSON,
                                            &report.data, &report.size),
            CW_OK);
  EXPECT_NE(report.str().find("\"missing\":1"), std::string::npos)
      << report.str();
  Bytes archive;
  EXPECT_EQ(cw_ledger_evidence_archive(ledger, CW_FORMAT_JSON, &archive.data,
                                       &archive.size),
            CW_OK);
  const std::string bulletin =
      R"({"kind": "MONTHLY_BULLETIN", "format": "MARKDOWN", "month": "2025-09"})";
  Bytes doc;
  ASSERT_EQ(
      cw_report_render(nullptr, ledger, U8(bulletin), bulletin.size(),
                       CW_FORMAT_JSON, CW_FORMAT_JSON, &doc.data, &doc.size),
      CW_OK)
      << cw_last_error_message();
  EXPECT_NE(doc.str().find("月度通报-2025-09.md"), std::string::npos);
  Bytes plain;
  EXPECT_EQ(cw_report_render(campaign, nullptr, U8(bulletin), bulletin.size(),
                             CW_FORMAT_JSON, CW_FORMAT_TEXT, &plain.data,
                             &plain.size),
            CW_OK);
  // Bad input and NULLs.
  EXPECT_EQ(cw_report_render(nullptr, nullptr, U8(bulletin), bulletin.size(),
                             CW_FORMAT_JSON, CW_FORMAT_JSON, &plain.data,
                             &plain.size),
            CW_EINVALID);
  const std::string bad = R"({"kind": "MONTHLY_BULLETIN", "month": "2025/09"})";
  EXPECT_EQ(
      cw_report_render(campaign, nullptr, U8(bad), bad.size(), CW_FORMAT_JSON,
                       CW_FORMAT_JSON, &plain.data, &plain.size),
      CW_EINVALID);
  EXPECT_EQ(cw_ledger_append_evidence(nullptr, nullptr, 0, CW_FORMAT_JSON),
            CW_EINVALID);
  EXPECT_EQ(cw_ledger_evidence_archive(nullptr, CW_FORMAT_JSON, &plain.data,
                                       &plain.size),
            CW_EINVALID);
  const std::string junk = "\xff\x01garbage";
  EXPECT_EQ(cw_ledger_evidence_package(ledger, U8(junk), junk.size(),
                                       CW_FORMAT_BINARY, CW_FORMAT_JSON,
                                       &plain.data, &plain.size),
            CW_EPARSE);
  cw_ledger_free(ledger);
  cw_campaign_free(campaign);
}

}  // namespace
