// The C API from C++: ownership, error reporting, garbage input to every entry
// point, and concurrent queries on one handle.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "chuangwen/codec.h"
#include "chuangwen/cw.h"
#include "chuangwen/v1/assessment.pb.h"
#include "chuangwen/v1/responsibility.pb.h"
#include "test_support.h"

namespace {

using chuangwen::testing::Bytes;

class CapiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cw_campaign_load_file(chuangwen::testing::ExamplePath().c_str(),
                                    CW_FORMAT_AUTO, &c_),
              CW_OK)
        << cw_last_error_message();
  }
  void TearDown() override { cw_campaign_free(c_); }
  cw_campaign* c_ = nullptr;
};

TEST(CapiVersionTest, VersionMatchesHeader) {
  EXPECT_STREQ(cw_version(), CW_VERSION);
  EXPECT_EQ(cw_version_number(), CW_VERSION_NUMBER);
  EXPECT_EQ(CW_VERSION_NUMBER, CW_VERSION_MAJOR * 1000000 +
                                   CW_VERSION_MINOR * 1000 + CW_VERSION_PATCH);
  EXPECT_STREQ(cw_status_str(CW_ENOTFOUND), "not found");
  EXPECT_STREQ(cw_status_str(12345), "unknown status code");
}

TEST_F(CapiTest, LoadFromBytesInEveryFormat) {
  for (int format : {CW_FORMAT_BINARY, CW_FORMAT_JSON, CW_FORMAT_TEXT}) {
    Bytes saved;
    ASSERT_EQ(cw_campaign_save(c_, format, &saved.data, &saved.size), CW_OK);
    ASSERT_GT(saved.size, 100u);
    EXPECT_EQ(saved.data[saved.size], 0);  // NUL-terminated for text users.
    cw_campaign* again = nullptr;
    ASSERT_EQ(cw_campaign_load(saved.data, saved.size, format, &again), CW_OK)
        << cw_last_error_message();
    Bytes resaved;
    ASSERT_EQ(
        cw_campaign_save(again, CW_FORMAT_BINARY, &resaved.data, &resaved.size),
        CW_OK);
    Bytes original;
    ASSERT_EQ(
        cw_campaign_save(c_, CW_FORMAT_BINARY, &original.data, &original.size),
        CW_OK);
    EXPECT_EQ(resaved.str(), original.str());
    cw_campaign_free(again);
  }
}

TEST_F(CapiTest, QueriesAnswerJsonAndProtobuf) {
  Bytes json;
  ASSERT_EQ(cw_campaign_unit_tasks(c_, "srk", 0, CW_FORMAT_JSON, &json.data,
                                   &json.size),
            CW_OK);
  EXPECT_NE(json.str().find("\"task_id\":\"1.1\""), std::string::npos)
      << json.str();
  EXPECT_NE(json.str().find("ASSIGNMENT_ROLE_RESPONSIBLE_UNIT"),
            std::string::npos);

  Bytes pb;
  ASSERT_EQ(
      cw_campaign_task_parties(c_, "2.3", CW_FORMAT_BINARY, &pb.data, &pb.size),
      CW_OK);
  chuangwen::v1::TaskParties parties;
  ASSERT_TRUE(parties.ParseFromArray(pb.data, static_cast<int>(pb.size)));
  ASSERT_EQ(parties.parties_size(), 3);
  EXPECT_EQ(parties.parties(0).party().name(), "何建华");

  Bytes person, load, gaps, chain, problems;
  EXPECT_EQ(cw_campaign_person_tasks(c_, "sunhy", CW_FORMAT_TEXT, &person.data,
                                     &person.size),
            CW_OK);
  EXPECT_NE(person.str().find("孙海燕"), std::string::npos);
  EXPECT_EQ(cw_campaign_workload(c_, CW_FORMAT_JSON, &load.data, &load.size),
            CW_OK);
  EXPECT_EQ(cw_campaign_gaps(c_, CW_FORMAT_JSON, &gaps.data, &gaps.size),
            CW_OK);
  EXPECT_EQ(gaps.str(), "{\"gaps\":[]}");
  EXPECT_EQ(cw_campaign_document_chain(c_, "1.1", CW_FORMAT_JSON, &chain.data,
                                       &chain.size),
            CW_OK);
  EXPECT_NE(chain.str().find("青办〔2025〕6号"), std::string::npos);
  size_t count = 99;
  EXPECT_EQ(cw_campaign_problem_count(c_, &count), CW_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(
      cw_campaign_validate(c_, CW_FORMAT_JSON, &problems.data, &problems.size),
      CW_OK);
  EXPECT_EQ(problems.str(), "{\"problems\":[]}");
}

TEST_F(CapiTest, ErrorsCarryCodeAndMessage) {
  Bytes out;
  EXPECT_EQ(cw_campaign_unit_tasks(c_, "zhiguan", 0, CW_FORMAT_JSON, &out.data,
                                   &out.size),
            CW_ENOTFOUND);
  EXPECT_STREQ(cw_last_error_message(), "unit 'zhiguan' does not exist");
  EXPECT_EQ(cw_last_error_code(), CW_ENOTFOUND);
  EXPECT_EQ(out.data, nullptr);  // Untouched on failure.

  EXPECT_EQ(cw_campaign_gaps(c_, 7, &out.data, &out.size), CW_EINVALID);
  EXPECT_NE(std::string(cw_last_error_message()).find("format 7"),
            std::string::npos);

  cw_campaign* none = nullptr;
  EXPECT_EQ(
      cw_campaign_load_file("/nonexistent.textproto", CW_FORMAT_AUTO, &none),
      CW_ENOTFOUND);
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(cw_campaign_load_file("plan.docx", CW_FORMAT_AUTO, &none),
            CW_EINVALID);
  const char bad[] = "units { id: ";
  EXPECT_EQ(cw_campaign_load(reinterpret_cast<const uint8_t*>(bad),
                             sizeof bad - 1, CW_FORMAT_TEXT, &none),
            CW_EPARSE);
  EXPECT_NE(std::string(cw_last_error_message()).find("line 1"),
            std::string::npos);
  EXPECT_EQ(cw_campaign_load(nullptr, 5, CW_FORMAT_TEXT, &none), CW_EINVALID);
  EXPECT_EQ(cw_campaign_load(reinterpret_cast<const uint8_t*>(bad), 3,
                             CW_FORMAT_AUTO, &none),
            CW_EINVALID);
}

TEST_F(CapiTest, LastErrorIsThreadLocal) {
  Bytes out;
  ASSERT_EQ(cw_campaign_task_parties(c_, "nope", CW_FORMAT_JSON, &out.data,
                                     &out.size),
            CW_ENOTFOUND);
  std::string other;
  std::thread([&] { other = cw_last_error_message(); }).join();
  EXPECT_EQ(other, "");
  EXPECT_STREQ(cw_last_error_message(), "task 'nope' does not exist");
}

TEST_F(CapiTest, NullArgumentsAreRefusedEverywhere) {
  uint8_t* out = nullptr;
  size_t size = 0;
  EXPECT_EQ(cw_campaign_load(nullptr, 0, CW_FORMAT_TEXT, nullptr), CW_EINVALID);
  EXPECT_EQ(cw_campaign_load_file("x", CW_FORMAT_AUTO, nullptr), CW_EINVALID);
  cw_campaign* none = nullptr;
  EXPECT_EQ(cw_campaign_load_file(nullptr, CW_FORMAT_AUTO, &none), CW_EINVALID);
  EXPECT_EQ(cw_campaign_save(nullptr, CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_campaign_save(c_, CW_FORMAT_JSON, nullptr, &size), CW_EINVALID);
  EXPECT_EQ(cw_campaign_save(c_, CW_FORMAT_JSON, &out, nullptr), CW_EINVALID);
  EXPECT_EQ(cw_campaign_problem_count(nullptr, &size), CW_EINVALID);
  EXPECT_EQ(cw_campaign_problem_count(c_, nullptr), CW_EINVALID);
  EXPECT_EQ(cw_campaign_validate(nullptr, CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_campaign_unit_tasks(c_, nullptr, 0, CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_campaign_person_tasks(c_, nullptr, CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_campaign_task_parties(nullptr, "1", CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_campaign_workload(nullptr, CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(cw_campaign_gaps(nullptr, CW_FORMAT_JSON, &out, &size),
            CW_EINVALID);
  EXPECT_EQ(
      cw_campaign_document_chain(c_, nullptr, CW_FORMAT_JSON, &out, &size),
      CW_EINVALID);
  EXPECT_EQ(out, nullptr);
  cw_campaign_free(nullptr);
  cw_free(nullptr);
}

// Random bytes, truncated encodings and odd ids through every entry point:
// each call returns a code (never crashes or throws), and success gives a
// usable handle.
TEST_F(CapiTest, GarbageNeverCrashes) {
  std::mt19937 rng(20170313);
  Bytes good;
  ASSERT_EQ(cw_campaign_save(c_, CW_FORMAT_BINARY, &good.data, &good.size),
            CW_OK);
  Bytes good_json;
  ASSERT_EQ(
      cw_campaign_save(c_, CW_FORMAT_JSON, &good_json.data, &good_json.size),
      CW_OK);
  for (int round = 0; round < 300; ++round) {
    std::string input;
    switch (round % 3) {
      case 0: {  // Random bytes.
        input.resize(rng() % 256);
        for (char& ch : input) ch = static_cast<char>(rng());
        break;
      }
      case 1: {  // A truncated or bit-flipped valid encoding.
        input = good.str().substr(0, rng() % good.size);
        if (!input.empty())
          input[rng() % input.size()] ^= static_cast<char>(1 + rng() % 255);
        break;
      }
      default:  // Mangled JSON.
        input = good_json.str();
        input[rng() % input.size()] = "{}[]\":,\\x0"[rng() % 10];
        break;
    }
    for (int format = -1; format <= 4; ++format) {
      cw_campaign* loaded = nullptr;
      int rc = cw_campaign_load(reinterpret_cast<const uint8_t*>(input.data()),
                                input.size(), format, &loaded);
      if (rc == CW_OK) {
        ASSERT_NE(loaded, nullptr);
        Bytes answer;
        size_t count = 0;
        EXPECT_EQ(cw_campaign_problem_count(loaded, &count), CW_OK);
        EXPECT_EQ(cw_campaign_validate(loaded, CW_FORMAT_JSON, &answer.data,
                                       &answer.size),
                  CW_OK);
        Bytes a, b, d, e;
        cw_campaign_gaps(loaded, CW_FORMAT_TEXT, &a.data, &a.size);
        cw_campaign_workload(loaded, CW_FORMAT_BINARY, &b.data, &b.size);
        cw_campaign_unit_tasks(loaded, input.c_str(), 1, CW_FORMAT_JSON,
                               &d.data, &d.size);
        cw_campaign_document_chain(loaded, "", CW_FORMAT_JSON, &e.data,
                                   &e.size);
        cw_campaign_free(loaded);
      } else {
        EXPECT_LT(rc, 0);
        EXPECT_NE(std::strlen(cw_last_error_message()), 0u);
        EXPECT_EQ(loaded, nullptr);
      }
    }
    std::string id = input.substr(0, input.find('\0'));
    {
      Bytes x, y, z, w;
      const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
      cw_campaign_agenda(c_, bytes, input.size(), round % 4, CW_FORMAT_JSON,
                         &x.data, &x.size);
      cw_campaign_agenda_ics(c_, bytes, input.size(), round % 4, id.c_str(),
                             &y.data, &y.size);
      cw_campaign_status_colors(c_, bytes, input.size(), round % 4,
                                CW_FORMAT_TEXT, &z.data, &z.size);
      cw_campaign_phases_at(c_, id.c_str(), CW_FORMAT_JSON, &w.data, &w.size);
      Bytes r1, r2;
      cw_campaign_rank(c_, id.c_str(), round % 2 ? nullptr : id.c_str(),
                       CW_FORMAT_JSON, &r1.data, &r1.size);
      cw_campaign_explain(c_, id.c_str(), id.c_str(), nullptr, CW_FORMAT_TEXT,
                          &r2.data, &r2.size);
      Bytes r3, r4;
      cw_weights_derive(bytes, input.size(), round % 3, CW_FORMAT_JSON,
                        &r3.data, &r3.size);
      cw_rank_robustness(bytes, input.size(), round % 3, CW_FORMAT_JSON,
                         &r4.data, &r4.size);
      int flag = 0, count = 0;
      char date[CW_DATE_SIZE];
      cw_calendar_is_working_day(c_, id.c_str(), round & 1, &flag, &flag);
      cw_calendar_add_working_days(nullptr, id.c_str(),
                                   static_cast<int>(rng() % 2000) - 1000,
                                   round & 1, date, &flag);
      cw_calendar_count_working_days(c_, id.c_str(), "2025-01-01", round & 1,
                                     &count, nullptr);
    }
    Bytes a, b, d, e;
    cw_campaign_unit_tasks(c_, id.c_str(), round & 1, CW_FORMAT_JSON, &a.data,
                           &a.size);
    cw_campaign_person_tasks(c_, id.c_str(), CW_FORMAT_TEXT, &b.data, &b.size);
    cw_campaign_task_parties(c_, id.c_str(), CW_FORMAT_BINARY, &d.data,
                             &d.size);
    cw_campaign_document_chain(c_, id.c_str(), round % 5, &e.data, &e.size);
  }
}

TEST_F(CapiTest, WorkingDaysOnTheNationalAndTheCampaignCalendar) {
  int working = -1, fell_back = -1;
  ASSERT_EQ(cw_calendar_is_working_day(nullptr, "2024-02-18", 0, &working,
                                       &fell_back),
            CW_OK);
  EXPECT_EQ(working, 1);  // A make-up Sunday.
  EXPECT_EQ(fell_back, 0);
  char date[CW_DATE_SIZE];
  ASSERT_EQ(cw_calendar_add_working_days(c_, "2024-02-08", 2, 0, date, nullptr),
            CW_OK);
  EXPECT_STREQ(date, "2024-02-18");
  int count = 0;
  ASSERT_EQ(cw_calendar_count_working_days(nullptr, "2025-01-01", "2025-12-31",
                                           0, &count, nullptr),
            CW_OK);
  EXPECT_EQ(count, 248);
  EXPECT_EQ(
      cw_calendar_is_working_day(nullptr, "2030-01-07", 0, &working, nullptr),
      CW_EINVALID);
  EXPECT_NE(std::string(cw_last_error_message()).find("year 2030"),
            std::string::npos);
  ASSERT_EQ(cw_calendar_is_working_day(nullptr, "2030-01-07",
                                       CW_CALENDAR_WEEKEND_FALLBACK, &working,
                                       &fell_back),
            CW_OK);
  EXPECT_EQ(fell_back, 1);
  EXPECT_EQ(cw_calendar_count_working_days(nullptr, "2017-02-30", "2017-03-01",
                                           0, &count, nullptr),
            CW_EINVALID);
  EXPECT_NE(std::string(cw_last_error_message()).find("from: '2017-02-30'"),
            std::string::npos);
  EXPECT_EQ(cw_calendar_add_working_days(nullptr, nullptr, 1, 0, date, nullptr),
            CW_EINVALID);
}

TEST_F(CapiTest, AgendaStatusAndPhasesThroughTheCApi) {
  const std::string request =
      R"({"from": "2025-04-01", "to": "2025-04-30", "unit_id": "srk"})";
  Bytes agenda;
  ASSERT_EQ(
      cw_campaign_agenda(c_, reinterpret_cast<const uint8_t*>(request.data()),
                         request.size(), CW_FORMAT_JSON, CW_FORMAT_JSON,
                         &agenda.data, &agenda.size),
      CW_OK)
      << cw_last_error_message();
  EXPECT_NE(agenda.str().find("\"due\":\"2025-04-18\""), std::string::npos)
      << agenda.str();
  Bytes ics;
  ASSERT_EQ(
      cw_campaign_agenda_ics(
          c_, reinterpret_cast<const uint8_t*>(request.data()), request.size(),
          CW_FORMAT_JSON, "20250101T000000Z", &ics.data, &ics.size),
      CW_OK);
  EXPECT_EQ(ics.str().rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.str().find("DTSTART;VALUE=DATE:20250418"), std::string::npos);

  const std::string status =
      R"(date: "2025-03-24" items { id: "x" deadline: "2025-03-21" })";
  Bytes colours;
  ASSERT_EQ(
      cw_campaign_status_colors(
          c_, reinterpret_cast<const uint8_t*>(status.data()), status.size(),
          CW_FORMAT_TEXT, CW_FORMAT_JSON, &colours.data, &colours.size),
      CW_OK)
      << cw_last_error_message();
  EXPECT_NE(colours.str().find("\"color\":\"RED\""), std::string::npos)
      << colours.str();
  EXPECT_NE(colours.str().find("\"working_days_late\":1"), std::string::npos);

  Bytes phases;
  ASSERT_EQ(cw_campaign_phases_at(c_, "2025-08-15", CW_FORMAT_JSON,
                                  &phases.data, &phases.size),
            CW_OK);
  EXPECT_NE(phases.str().find("集中整治阶段"), std::string::npos);
  EXPECT_NE(phases.str().find("迎接检查验收阶段"), std::string::npos);

  const std::string bad = R"({"from": "2025-04-01", "to": "2025-03-01"})";
  Bytes none;
  EXPECT_EQ(cw_campaign_agenda(c_, reinterpret_cast<const uint8_t*>(bad.data()),
                               bad.size(), CW_FORMAT_JSON, CW_FORMAT_JSON,
                               &none.data, &none.size),
            CW_EINVALID);
  EXPECT_STREQ(cw_last_error_message(),
               "agenda: to 2025-03-01 is before from 2025-04-01");
  EXPECT_EQ(cw_campaign_agenda(c_, reinterpret_cast<const uint8_t*>("{"), 1,
                               CW_FORMAT_JSON, CW_FORMAT_JSON, &none.data,
                               &none.size),
            CW_EPARSE);
  EXPECT_EQ(cw_campaign_status_colors(c_, nullptr, 3, CW_FORMAT_JSON,
                                      CW_FORMAT_JSON, &none.data, &none.size),
            CW_EINVALID);
  EXPECT_EQ(none.data, nullptr);
}

TEST_F(CapiTest, RankAndExplainAnswerProtobuf) {
  Bytes table;
  ASSERT_EQ(cw_campaign_rank(c_, "2025-08", nullptr, CW_FORMAT_BINARY,
                             &table.data, &table.size),
            CW_OK)
      << cw_last_error_message();
  chuangwen::v1::RankingTable t;
  ASSERT_TRUE(t.ParseFromArray(table.data, static_cast<int>(table.size)));
  ASSERT_EQ(t.rows_size(), 7);
  EXPECT_EQ(t.rows(6).unit_id(), "zfdd1");
  EXPECT_TRUE(t.rows(6).vetoed());
  Bytes e;
  ASSERT_EQ(cw_campaign_explain(c_, "srk", "2025", "", CW_FORMAT_JSON, &e.data,
                                &e.size),
            CW_OK);
  EXPECT_NE(e.str().find("\"unit_id\":\"srk\""), std::string::npos);
  Bytes none;
  EXPECT_EQ(cw_campaign_rank(c_, "2025-6", nullptr, CW_FORMAT_JSON, &none.data,
                             &none.size),
            CW_EINVALID);
  EXPECT_STREQ(cw_last_error_message(),
               "period '2025-6' is not YYYY-MM, YYYY-Qn or YYYY");
}

TEST_F(CapiTest, AssessmentBookFreezesAndRecordsReopenings) {
  cw_assessment_book* book = nullptr;
  ASSERT_EQ(cw_assessment_book_new(&book), CW_OK);
  ASSERT_EQ(cw_assessment_book_close_period(book, c_, "2025-Q2", nullptr, "xul",
                                            "2025-07-05T08:00:00Z"),
            CW_OK)
      << cw_last_error_message();
  EXPECT_EQ(cw_assessment_book_close_period(book, c_, "2025-Q2", "key-work",
                                            "xul", "2025-07-06T08:00:00Z"),
            CW_ECONFLICT);
  Bytes csv, saved;
  ASSERT_EQ(cw_assessment_book_frozen_csv(book, "2025-Q2", nullptr, &csv.data,
                                          &csv.size),
            CW_OK);
  EXPECT_EQ(csv.str().rfind("rank,group_rank,unit_id", 0), 0u);
  ASSERT_EQ(
      cw_assessment_book_save(book, CW_FORMAT_BINARY, &saved.data, &saved.size),
      CW_OK);
  cw_assessment_book* again = nullptr;
  ASSERT_EQ(
      cw_assessment_book_load(saved.data, saved.size, CW_FORMAT_BINARY, &again),
      CW_OK);
  EXPECT_EQ(cw_assessment_book_reopen_period(again, "2025-Q2", nullptr, "sunhy",
                                             "2025-07-06T09:00:00Z", ""),
            CW_EINVALID);
  EXPECT_EQ(cw_assessment_book_reopen_period(again, "2025-Q2", nullptr, "sunhy",
                                             "2025-07-06T09:00:00Z", "更正"),
            CW_OK);
  Bytes none;
  EXPECT_EQ(
      cw_assessment_book_frozen_table(again, "2025-Q2", nullptr, CW_FORMAT_JSON,
                                      &none.data, &none.size),
      CW_ENOTFOUND);
  EXPECT_EQ(cw_assessment_book_load(reinterpret_cast<const uint8_t*>("{"), 1,
                                    CW_FORMAT_JSON, &again),
            CW_EPARSE);
  cw_assessment_book_free(again);
  cw_assessment_book_free(book);
  cw_assessment_book_free(nullptr);
}

TEST(CapiRankingTest, ArraysAndIncrementalIndex) {
  const double scores[] = {90, 80, 85, 95, 90, 80, 99, 99};
  const double weights[] = {0.6, 0.4};
  const uint8_t vetoed[] = {0, 0, 0, 1};
  const int32_t groups[] = {0, 1, 1, 0};
  int32_t rank[4], group_rank[4];
  double composite[4];
  ASSERT_EQ(cw_rank_arrays(scores, 4, 2, weights, vetoed, groups,
                           CW_TIES_COMPETITION, 0, rank, group_rank, composite),
            CW_OK);
  EXPECT_EQ(std::vector<int32_t>(rank, rank + 4),
            (std::vector<int32_t>{2, 1, 2, 4}));
  EXPECT_EQ(std::vector<int32_t>(group_rank, group_rank + 4),
            (std::vector<int32_t>{1, 1, 2, 2}));
  cw_rank_index* index = nullptr;
  ASSERT_EQ(cw_rank_index_new(composite, 4, vetoed, groups, &index), CW_OK);
  int32_t r = 0, g = 0;
  ASSERT_EQ(cw_rank_index_update(index, 2, 95.0, &r, &g), CW_OK);
  EXPECT_EQ(r, 1);
  EXPECT_EQ(g, 1);
  ASSERT_EQ(cw_rank_index_rank(index, 1, &r, &g), CW_OK);
  EXPECT_EQ(r, 2);
  EXPECT_EQ(g, 2);
  EXPECT_EQ(cw_rank_index_rank(index, 4, &r, &g), CW_ENOTFOUND);
  cw_rank_index_free(index);
  cw_rank_index_free(nullptr);

  const double bad[] = {1, NAN};
  int32_t untouched[1] = {-5};
  EXPECT_EQ(cw_rank_arrays(bad, 1, 2, weights, nullptr, nullptr, CW_TIES_DENSE,
                           0, untouched, nullptr, nullptr),
            CW_EINVALID);
  EXPECT_STREQ(cw_last_error_message(), "unit 0, indicator 1: score is NaN");
  EXPECT_EQ(untouched[0], -5);
  EXPECT_EQ(cw_rank_arrays(scores, 4, 2, weights, nullptr, nullptr, 7, 0, rank,
                           nullptr, nullptr),
            CW_EINVALID);
  EXPECT_EQ(cw_rank_arrays(scores, 4, 2, weights, nullptr, nullptr, 0, 0, rank,
                           group_rank, nullptr),
            CW_EINVALID);  // Group ranks without groups.
  EXPECT_EQ(cw_rank_arrays(scores, 4, 2, nullptr, nullptr, nullptr, 0, 0, rank,
                           nullptr, nullptr),
            CW_EINVALID);
  EXPECT_EQ(cw_rank_arrays(scores, 4, 2, weights, nullptr, nullptr, 0, 8, rank,
                           nullptr, nullptr),
            CW_EINVALID);
}

TEST(CapiRankingTest, AWorkspaceGivesTheSameRanksCallAfterCall) {
  // Large enough for the parallel path; scores on a grid, so ties abound.
  const size_t units = 120000, k = 5;
  std::mt19937 rng(3);
  std::vector<double> scores(units * k);
  for (double& s : scores) s = static_cast<double>(rng() % 101);
  const double weights[] = {0.1, 0.2, 0.3, 0.25, 0.15};
  std::vector<uint8_t> vetoed(units);
  std::vector<int32_t> groups(units);
  for (size_t u = 0; u < units; ++u) {
    vetoed[u] = rng() % 50 == 0;
    groups[u] = static_cast<int32_t>(rng() % 1000);
  }
  std::vector<int32_t> want(units), want_group(units), rank(units),
      group_rank(units);
  ASSERT_EQ(cw_rank_arrays(scores.data(), units, k, weights, vetoed.data(),
                           groups.data(), CW_TIES_COMPETITION,
                           CW_RANK_NORMALIZE_WEIGHTS, want.data(),
                           want_group.data(), nullptr),
            CW_OK);
  cw_rank_workspace* workspace = nullptr;
  ASSERT_EQ(cw_rank_workspace_new(&workspace), CW_OK);
  for (int round = 0; round < 3; ++round) {
    std::fill(rank.begin(), rank.end(), 0);
    ASSERT_EQ(cw_rank_arrays_in(workspace, scores.data(), units, k, weights,
                                vetoed.data(), groups.data(),
                                CW_TIES_COMPETITION, CW_RANK_NORMALIZE_WEIGHTS,
                                rank.data(), group_rank.data(), nullptr),
              CW_OK);
    EXPECT_EQ(rank, want);
    EXPECT_EQ(group_rank, want_group);
  }
  // A smaller ranking in the same workspace, then a refused one.
  ASSERT_EQ(
      cw_rank_arrays_in(workspace, scores.data(), 3, k, weights, nullptr,
                        nullptr, CW_TIES_ORDINAL, CW_RANK_NORMALIZE_WEIGHTS,
                        rank.data(), nullptr, nullptr),
      CW_OK);
  EXPECT_EQ(cw_rank_arrays_in(workspace, scores.data(), 3, k, nullptr, nullptr,
                              nullptr, CW_TIES_ORDINAL, 0, rank.data(), nullptr,
                              nullptr),
            CW_EINVALID);
  EXPECT_EQ(cw_rank_workspace_new(nullptr), CW_EINVALID);

  // Kept to the calling thread, not spinning: the same ranks.
  ASSERT_EQ(cw_rank_workspace_set_threads(workspace, 1, 0), CW_OK);
  ASSERT_EQ(cw_rank_arrays_in(workspace, scores.data(), units, k, weights,
                              vetoed.data(), groups.data(), CW_TIES_COMPETITION,
                              CW_RANK_NORMALIZE_WEIGHTS, rank.data(),
                              group_rank.data(), nullptr),
            CW_OK);
  EXPECT_EQ(rank, want);
  EXPECT_EQ(group_rank, want_group);
  EXPECT_EQ(cw_rank_workspace_set_threads(workspace, -1, 0), CW_EINVALID);
  EXPECT_EQ(cw_rank_workspace_set_threads(workspace, 2, -2), CW_EINVALID);
  EXPECT_EQ(cw_rank_workspace_set_threads(nullptr, 1, 0), CW_EINVALID);
  // The process-wide default, for rankings without a workspace.
  ASSERT_EQ(cw_threads_configure(1, 0), CW_OK);
  ASSERT_EQ(cw_rank_arrays(scores.data(), units, k, weights, vetoed.data(),
                           groups.data(), CW_TIES_COMPETITION,
                           CW_RANK_NORMALIZE_WEIGHTS, rank.data(),
                           group_rank.data(), nullptr),
            CW_OK);
  EXPECT_EQ(rank, want);
  ASSERT_EQ(cw_threads_configure(0, -1), CW_OK);
  cw_rank_workspace_free(workspace);
}

TEST_F(CapiTest, ManyThreadsQueryOneHandle) {
  const std::vector<std::string> units = {"bgs", "srk",  "hwk", "ghk",
                                          "xck", "zfdd", "dhcg"};
  std::vector<std::string> expected;
  for (const std::string& u : units) {
    Bytes out;
    ASSERT_EQ(cw_campaign_unit_tasks(c_, u.c_str(), 1, CW_FORMAT_JSON,
                                     &out.data, &out.size),
              CW_OK);
    expected.push_back(out.str());
  }
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 400; ++i) {
        size_t k = static_cast<size_t>(t + i) % units.size();
        Bytes out;
        if (cw_campaign_unit_tasks(c_, units[k].c_str(), 1, CW_FORMAT_JSON,
                                   &out.data, &out.size) != CW_OK ||
            out.str() != expected[k]) {
          ++mismatches[t];
        }
        Bytes bad;
        if (cw_campaign_task_parties(c_, "missing", CW_FORMAT_JSON, &bad.data,
                                     &bad.size) != CW_ENOTFOUND ||
            std::string(cw_last_error_message()) !=
                "task 'missing' does not exist") {
          ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace

namespace {

TEST(CapiImportTest, ImportPlanAnswersAResultAndRefusesGarbage) {
  const std::string plan =
      "一、主要任务\n（一）整治环境\n责任科室：市容科\n二、时间安排\n"
      "（一）整治阶段（2025年4月—8月）：集中整治。\n";
  Bytes out;
  ASSERT_EQ(cw_plan_import(reinterpret_cast<const uint8_t*>(plan.data()),
                           plan.size(), nullptr, 0, CW_FORMAT_JSON,
                           CW_FORMAT_JSON, &out.data, &out.size),
            CW_OK)
      << cw_last_error_message();
  EXPECT_NE(out.str().find("\"start\":\"2025-04-01\""), std::string::npos)
      << out.str();
  const std::string options = R"({"year": 12})";
  Bytes bad;
  EXPECT_EQ(
      cw_plan_import(reinterpret_cast<const uint8_t*>(plan.data()), plan.size(),
                     reinterpret_cast<const uint8_t*>(options.data()),
                     options.size(), CW_FORMAT_JSON, CW_FORMAT_JSON, &bad.data,
                     &bad.size),
      CW_EINVALID);
  EXPECT_EQ(cw_plan_import(nullptr, 3, nullptr, 0, CW_FORMAT_JSON,
                           CW_FORMAT_JSON, &bad.data, &bad.size),
            CW_EINVALID);
  std::mt19937 rng(9);
  for (int round = 0; round < 300; ++round) {
    std::string junk(rng() % 400, '\0');
    for (char& c : junk)
      c = static_cast<char>(
          rng() % 3 == 0 ? rng() : "一、（）1.责任科室：\n"[rng() % 12]);
    Bytes b;
    int code = cw_plan_import(reinterpret_cast<const uint8_t*>(junk.data()),
                              junk.size(), nullptr, 0, CW_FORMAT_JSON,
                              CW_FORMAT_BINARY, &b.data, &b.size);
    EXPECT_TRUE(code == CW_OK || code == CW_EPARSE) << cw_last_error_message();
  }
}

TEST(CapiImportTest, PlanLinkAnswersTheCascadeOrSaysWhatIsMissing) {
  const std::string parent =
      R"(id: "city" plan_document_id: "p" documents { id: "p" number: "青办〔2024〕3号" }
         tasks { id: "1" title: "全面整治城市市容环境" document_id: "p" })";
  const std::string child =
      R"(id: "bureau" plan_document_id: "b" documents { id: "b" parent_ids: "c" }
         documents { id: "c" number: "青办〔2024〕3号" }
         tasks { id: "1" title: "整治城市市容环境" document_id: "b" })";
  auto u8 = [](const std::string& s) {
    return reinterpret_cast<const uint8_t*>(s.data());
  };
  Bytes out;
  ASSERT_EQ(cw_plan_link(u8(child), child.size(), u8(parent), parent.size(),
                         CW_FORMAT_TEXT, CW_FORMAT_JSON, &out.data, &out.size),
            CW_OK)
      << cw_last_error_message();
  EXPECT_NE(out.str().find(R"("implements_task_id":"c/1")"), std::string::npos)
      << out.str();
  Bytes bad;
  EXPECT_EQ(cw_plan_link(u8(parent), parent.size(), u8(child), child.size(),
                         CW_FORMAT_TEXT, CW_FORMAT_JSON, &bad.data, &bad.size),
            CW_EINVALID);
  EXPECT_NE(std::string(cw_last_error_message()).find("has no plan document "
                                                      "with a 文号"),
            std::string::npos)
      << cw_last_error_message();
  EXPECT_EQ(cw_plan_link(u8("x {"), 3, u8(parent), parent.size(),
                         CW_FORMAT_TEXT, CW_FORMAT_JSON, &bad.data, &bad.size),
            CW_EPARSE);
}

}  // namespace
