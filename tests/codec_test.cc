// Encodings: lossless round trips between binary, JSON and text, and clear
// errors for malformed input.
#include "chuangwen/codec.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "test_support.h"

namespace chuangwen {
namespace {

using google::protobuf::util::MessageDifferencer;

// A campaign that sets every field the schema has, with awkward text.
v1::Campaign EveryField() {
  v1::Campaign c = testing::LoadExample();
  v1::Unit* u = c.add_units();
  u->set_id("odd \"quoted\" id");
  u->set_name("名称\n换行\t制表 and emoji 🚌");
  u->set_kind("section");
  u->set_parent_id("dhcg");
  u->set_short_name("短名");
  v1::Person* p = c.add_people();
  p->set_id("p-odd");
  p->set_name("佚名");
  p->set_unit_id(u->id());
  p->set_title("科员");
  p->set_contact("someone@example.org");
  v1::Body* b = c.mutable_bodies(0);
  v1::Member* m = b->add_members();
  m->set_unit_id("srk");
  m->set_role(v1::MEMBER_ROLE_MEMBER);
  m->set_note("各科室负责同志");
  v1::Task* t = c.add_tasks();
  t->set_id("3.4");
  t->set_parent_id("3");
  t->set_order(4);
  t->set_title("（1）带全角括号的标题");
  t->set_text(std::string("含有\0空字符", 16));
  t->set_document_id("dhcg-2025-3");
  t->add_implements_task_ids("3.3");
  t->set_numbering("（四）");
  return c;
}

TEST(CodecTest, RoundTripsLosslesslyThroughEveryFormat) {
  const v1::Campaign original = EveryField();
  for (Format first : {Format::kBinary, Format::kJson, Format::kText}) {
    for (Format second : {Format::kBinary, Format::kJson, Format::kText}) {
      std::string a, b;
      v1::Campaign one, two;
      ASSERT_TRUE(Encode(original, first, &a).ok());
      ASSERT_TRUE(Decode(a, first, &one).ok()) << FormatName(first);
      ASSERT_TRUE(Encode(one, second, &b).ok());
      ASSERT_TRUE(Decode(b, second, &two).ok()) << FormatName(second);
      EXPECT_TRUE(MessageDifferencer::Equals(original, two))
          << FormatName(first) << " then " << FormatName(second);
    }
  }
}

TEST(CodecTest, JsonUsesProtoFieldNamesAndAcceptsCamelCase) {
  v1::Task t;
  t.set_id("1.1");
  t.set_parent_id("1");
  std::string json;
  ASSERT_TRUE(Encode(t, Format::kJson, &json).ok());
  EXPECT_NE(json.find("\"parent_id\":\"1\""), std::string::npos) << json;
  v1::Task back;
  ASSERT_TRUE(
      Decode(R"({"id":"1.1","parentId":"1","order":3})", Format::kJson, &back)
          .ok());
  EXPECT_EQ(back.parent_id(), "1");
  EXPECT_EQ(back.order(), 3);
}

TEST(CodecTest, MalformedTextNamesLineAndColumn) {
  v1::Campaign c;
  Status s = Decode("id: \"x\"\nunits {\n  id: \"a\"\n  nmae: \"b\"\n}\n",
                    Format::kText, &c);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_NE(s.message().find("chuangwen.v1.Campaign"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("line 4"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("nmae"), std::string::npos) << s.message();
  EXPECT_EQ(c.ByteSizeLong(), 0u);  // Nothing half-parsed is left.
}

TEST(CodecTest, MalformedJsonAndBinaryAreParseErrors) {
  v1::Campaign c;
  Status s = Decode("{\"units\": [ {\"id\": 3 ", Format::kJson, &c);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_NE(s.message().find("JSON"), std::string::npos);
  s = Decode("{\"no_such_field\": 1}", Format::kJson, &c);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_NE(s.message().find("no_such_field"), std::string::npos)
      << s.message();
  const char garbage[] = "\xff\xff\xff\xff\xff\xff";
  s = Decode(std::string_view(garbage, 6), Format::kBinary, &c);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
}

TEST(CodecTest, FormatsFromNamesAndExtensions) {
  Format f;
  ASSERT_TRUE(FormatFromPath("a/b.textproto", &f).ok());
  EXPECT_EQ(f, Format::kText);
  ASSERT_TRUE(FormatFromPath("x.json", &f).ok());
  EXPECT_EQ(f, Format::kJson);
  ASSERT_TRUE(FormatFromPath("x.pb", &f).ok());
  EXPECT_EQ(f, Format::kBinary);
  Status s = FormatFromPath("plan.docx", &f);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("plan.docx"), std::string::npos);
  ASSERT_TRUE(ParseFormatName("json", &f).ok());
  EXPECT_EQ(f, Format::kJson);
  EXPECT_NE(ParseFormatName("yaml", &f).message().find("yaml"),
            std::string::npos);
}

TEST(CodecTest, FilesReadWriteAndMissingFilesAreNotFound) {
  std::string path = ::testing::TempDir() + "/codec_test.pb";
  const v1::Campaign original = testing::LoadExample();
  std::string bytes;
  ASSERT_TRUE(Encode(original, Format::kBinary, &bytes).ok());
  ASSERT_TRUE(WriteFile(path, bytes).ok());
  v1::Campaign back;
  ASSERT_TRUE(DecodeFile(path, Format::kBinary, &back).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(original, back));
  std::remove(path.c_str());

  Status s = DecodeFile("/nonexistent/plan.textproto", Format::kText, &back);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("/nonexistent/plan.textproto"), std::string::npos);
  s = ReadFile(::testing::TempDir(), &bytes);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace chuangwen
