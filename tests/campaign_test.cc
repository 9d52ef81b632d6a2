#include "chuangwen/campaign.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "chuangwen/responsibility_graph.h"
#include "test_support.h"

namespace chuangwen {
namespace {

TEST(CampaignTest, ExampleLoadsValidAndIndexed) {
  std::shared_ptr<const Campaign> c;
  ASSERT_TRUE(Campaign::LoadFile(testing::ExamplePath(), &c).ok());
  EXPECT_TRUE(c->valid()) << c->problems().DebugString();
  EXPECT_EQ(c->DisplayName(), "东湖区城市管理局深化全国文明城市创建工作");
  EXPECT_EQ(c->proto().units_size(), 8);
  EXPECT_EQ(c->proto().tasks_size(), 15);
  EXPECT_EQ(c->index().Unit("srk"), 2);
  EXPECT_EQ(c->index().Task("2.3"), 8);
  EXPECT_EQ(c->index().Person("sunhy"), 1);
  EXPECT_EQ(c->index().Unit("zhiguan"), kNoIndex);
  EXPECT_EQ(c->index().Unit(""), kNoIndex);
}

TEST(CampaignTest, LoadKeepsEveryFieldAndSaveRoundTrips) {
  v1::Campaign proto = testing::LoadExample();
  std::string json;
  ASSERT_TRUE(Encode(proto, Format::kJson, &json).ok());
  std::shared_ptr<const Campaign> c;
  ASSERT_TRUE(Campaign::Load(json, Format::kJson, &c).ok());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(proto, c->proto()));
}

TEST(CampaignTest, SemanticProblemsDoNotStopLoading) {
  v1::Campaign proto = testing::LoadExample();
  proto.mutable_assignments(1)->set_unit_id("zhiguan");  // task 1.1
  std::shared_ptr<const Campaign> c = Campaign::Build(proto);
  EXPECT_FALSE(c->valid());
  // The broken reference is simply absent from the graph.
  std::vector<Involvement> found;
  c->graph().TasksOfUnit(c->index().Unit("srk"), false, &found);
  for (const Involvement& inv : found) {
    EXPECT_NE(c->proto().tasks(inv.task).id(), "1.1");
  }
}

TEST(CampaignTest, BadBytesFailWithParseErrorAndNoCampaign) {
  std::shared_ptr<const Campaign> c;
  Status s = Campaign::Load("units { id: ", Format::kText, &c);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_EQ(c, nullptr);
  s = Campaign::LoadFile("missing.textproto", &c);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  s = Campaign::LoadFile("campaign.yaml", &c);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace chuangwen
