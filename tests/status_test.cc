#include "chuangwen/status.h"

#include <gtest/gtest.h>

#include "chuangwen/date.h"

namespace chuangwen {
namespace {

TEST(StatusTest, OkAndErrorsCarryCodeAndMessage) {
  EXPECT_TRUE(Status::OK().ok());
  EXPECT_EQ(Status::OK().ToString(), "OK");
  Status s = Status::NotFound("unit 'zhiguan' does not exist");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.ToString(), "NotFound: unit 'zhiguan' does not exist");
  EXPECT_EQ(s.WithContext("plan.textproto").message(),
            "plan.textproto: unit 'zhiguan' does not exist");
  EXPECT_TRUE(Status::OK().WithContext("x").ok());
}

Status FailsThenNot(bool fail, int* reached) {
  CW_RETURN_IF_ERROR(fail ? Status::Conflict("stop") : Status::OK());
  ++*reached;
  return Status::OK();
}

TEST(StatusTest, ReturnIfErrorStopsEarly) {
  int reached = 0;
  EXPECT_EQ(FailsThenNot(true, &reached).code(), Status::Code::kConflict);
  EXPECT_EQ(reached, 0);
  EXPECT_TRUE(FailsThenNot(false, &reached).ok());
  EXPECT_EQ(reached, 1);
}

TEST(DateTest, ParsesIsoDatesAndRejectsImpossibleOnes) {
  boost::gregorian::date d;
  ASSERT_TRUE(ParseIsoDate("2017-03-13", &d).ok());
  EXPECT_EQ(FormatIsoDate(d), "2017-03-13");
  ASSERT_TRUE(ParseIsoDate("2024-02-29", &d).ok());

  Status s = ParseIsoDate("2017-02-30", &d);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("2017-02-30"), std::string::npos);
  EXPECT_NE(s.message().find("day must be 1..28"), std::string::npos);
  EXPECT_FALSE(ParseIsoDate("2023-02-29", &d).ok());
  EXPECT_NE(ParseIsoDate("2017-13-01", &d).message().find("month"),
            std::string::npos);
  EXPECT_FALSE(ParseIsoDate("2017-3-13", &d).ok());
  EXPECT_FALSE(ParseIsoDate("2017年3月13日", &d).ok());
  EXPECT_FALSE(ParseIsoDate("", &d).ok());
}

}  // namespace
}  // namespace chuangwen
