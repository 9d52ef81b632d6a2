// Every C entry point that takes sizes or counts, at and past their limits:
// a clear error naming the limit, quickly, with nothing read past what the
// caller gave and nothing written. The blobs of 2 GiB and more are mappings
// of never-touched pages (reads see zeros and cost no memory), so a call
// that refuses by size alone returns at once.
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "chuangwen/cw.h"
#include "test_support.h"

namespace {

using chuangwen::testing::Bytes;

// A read-only region of `size` bytes of zeros.
class Zeros {
 public:
  explicit Zeros(size_t size) : size_(size) {
    void* p = mmap(nullptr, size, PROT_READ,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    data_ = p == MAP_FAILED ? nullptr : static_cast<const uint8_t*>(p);
  }
  ~Zeros() {
    if (data_ != nullptr) munmap(const_cast<uint8_t*>(data_), size_);
  }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_;
};

std::string LastError() { return cw_last_error_message(); }

class CapiLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cw_campaign_load_file(chuangwen::testing::ExamplePath().c_str(),
                                    CW_FORMAT_AUTO, &campaign_),
              CW_OK);
  }
  void TearDown() override { cw_campaign_free(campaign_); }
  cw_campaign* campaign_ = nullptr;
};

TEST_F(CapiLimitsTest, RankingSizesThatOverflowAreRefusedBeforeAnyRead) {
  const double scores[4] = {1, 2, 3, 4};
  const double weights[2] = {0.5, 0.5};
  int32_t rank[2] = {-7, -7};
  // More units than 32-bit ranks hold.
  EXPECT_EQ(
      cw_rank_arrays(scores, size_t{1} << 31, 2, weights, nullptr, nullptr,
                     CW_TIES_COMPETITION, 0, rank, nullptr, nullptr),
      CW_EINVALID);
  EXPECT_EQ(LastError(), "too many units for 32-bit ranks");
  // units × indicators × 8 bytes past SIZE_MAX (the weights are never read
  // either: the sizes are checked first).
  EXPECT_EQ(
      cw_rank_arrays(scores, 1000, SIZE_MAX / 8 / 999, weights, nullptr,
                     nullptr, CW_TIES_COMPETITION, 0, rank, nullptr, nullptr),
      CW_EINVALID);
  EXPECT_EQ(LastError(), "units × indicators overflows memory");
  EXPECT_EQ(rank[0], -7);
  cw_rank_index* index = nullptr;
  EXPECT_EQ(
      cw_rank_index_new(scores, size_t{1} << 31, nullptr, nullptr, &index),
      CW_EINVALID);
  EXPECT_EQ(index, nullptr);
}

TEST_F(CapiLimitsTest, WorkingDaysAtTheEndsOfInt) {
  char out[CW_DATE_SIZE] = "unchanged";
  int fallback = 0;
  for (int n : {INT_MIN, INT_MIN + 1, INT_MAX, -1000000, 1000000}) {
    SCOPED_TRACE(n);
    EXPECT_EQ(cw_calendar_add_working_days(campaign_, "2025-03-14", n, 0, out,
                                           &fallback),
              CW_EINVALID);
    EXPECT_NE(LastError().find("calendar"), std::string::npos) << LastError();
    EXPECT_STREQ(out, "unchanged");
  }
  int count = 0;
  EXPECT_EQ(cw_calendar_count_working_days(campaign_, "0001-01-01",
                                           "9999-12-31", 0, &count, &fallback),
            CW_EINVALID);
}

TEST_F(CapiLimitsTest, BlobsOfTwoGigabytesAreRefusedBySize) {
  const Zeros huge((size_t{1} << 31) + 16);
  ASSERT_NE(huge.data(), nullptr);
  for (int format : {CW_FORMAT_BINARY, CW_FORMAT_JSON, CW_FORMAT_TEXT}) {
    SCOPED_TRACE(format);
    cw_campaign* loaded = nullptr;
    EXPECT_EQ(cw_campaign_load(huge.data(), huge.size(), format, &loaded),
              CW_EINVALID);
    EXPECT_NE(LastError().find("too large"), std::string::npos) << LastError();
    EXPECT_EQ(loaded, nullptr);
  }
  Bytes out;
  EXPECT_EQ(cw_plan_import(huge.data(), huge.size(), nullptr, 0, 0,
                           CW_FORMAT_JSON, &out.data, &out.size),
            CW_EINVALID);
  EXPECT_NE(LastError().find("64 MB"), std::string::npos) << LastError();
  EXPECT_EQ(out.data, nullptr);
  EXPECT_EQ(cw_weights_derive(huge.data(), huge.size(), CW_FORMAT_BINARY,
                              CW_FORMAT_JSON, &out.data, &out.size),
            CW_EINVALID);
  EXPECT_EQ(cw_rank_robustness(huge.data(), huge.size(), CW_FORMAT_TEXT,
                               CW_FORMAT_JSON, &out.data, &out.size),
            CW_EINVALID);
  EXPECT_EQ(
      cw_campaign_agenda(campaign_, huge.data(), huge.size(), CW_FORMAT_JSON,
                         CW_FORMAT_JSON, &out.data, &out.size),
      CW_EINVALID);
  const chuangwen::testing::TempDir dir;
  cw_ledger* ledger = nullptr;
  ASSERT_EQ(cw_ledger_new(campaign_, dir.File("l.db").c_str(), &ledger), CW_OK);
  EXPECT_EQ(
      cw_ledger_append(ledger, huge.data(), huge.size(), CW_FORMAT_BINARY),
      CW_EINVALID);
  // A log is read in place, record by record: zeros are an empty record.
  EXPECT_EQ(cw_ledger_import(ledger, huge.data(), huge.size()), CW_EPARSE);
  EXPECT_EQ(LastError(), "imported log: record 1 is empty");
  cw_ledger_free(ledger);
}

TEST_F(CapiLimitsTest, AHundredMegabytePlanIsRefusedNamingTheLimit) {
  const std::string line = "（一）整治背街小巷环境卫生，责任单位：市容科。\n";
  std::string plan;
  while (plan.size() < (size_t{100} << 20)) plan += line;
  Bytes out;
  EXPECT_EQ(
      cw_plan_import(reinterpret_cast<const uint8_t*>(plan.data()), plan.size(),
                     nullptr, 0, 0, CW_FORMAT_JSON, &out.data, &out.size),
      CW_EINVALID);
  EXPECT_NE(LastError().find("64 MB"), std::string::npos) << LastError();
}

// Nesting far past protobuf's recursion limit, in each format: a parse
// error, not a stack overflow.
TEST_F(CapiLimitsTest, DeeplyNestedMessagesAreParseErrors) {
  const int depth = 200000;
  // Binary: an unknown group opened again and again (tag 15, wire type 3).
  std::string binary(static_cast<size_t>(depth), '\x7b');
  // JSON: arrays within arrays in a field's value.
  std::string json =
      "{\"name\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
  // Text: an unknown field's message value within itself.
  std::string text;
  for (int i = 0; i < depth; ++i) text += "x {";
  text += std::string(depth, '}');
  const std::pair<int, const std::string*> inputs[] = {
      {CW_FORMAT_BINARY, &binary},
      {CW_FORMAT_JSON, &json},
      {CW_FORMAT_TEXT, &text}};
  for (const auto& [format, input] : inputs) {
    SCOPED_TRACE(format);
    cw_campaign* loaded = nullptr;
    EXPECT_EQ(cw_campaign_load(reinterpret_cast<const uint8_t*>(input->data()),
                               input->size(), format, &loaded),
              CW_EPARSE);
    EXPECT_EQ(loaded, nullptr);
  }
}

}  // namespace
