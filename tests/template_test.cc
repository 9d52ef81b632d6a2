// The document template language: values, escaping, sections, inverted
// sections, dotted names, standalone section lines, and malformed templates.
#include "chuangwen/template.h"

#include <gtest/gtest.h>

#include <map>

namespace chuangwen {
namespace {

std::string R(const std::string& t, const TemplateValue& d,
              Escape e = Escape::kNone) {
  std::string out;
  Status s = RenderTemplate(t, d, e, &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(TemplateTest, ValuesSectionsAndEscaping) {
  TemplateValue data;
  data.Set("unit", "市容科<一队>")
      .Set("score", TemplateValue::Number(87.254, 2));
  TemplateValue rows = TemplateValue::List();
  rows.Add(
      TemplateValue().Set("name", "甲").Set("flag", TemplateValue::Flag(true)));
  rows.Add(TemplateValue().Set("name", "乙|丙"));
  data.Set("rows", rows).Set("empty", TemplateValue::List());
  data.Set("head", TemplateValue().Set("name", "周明远"));
  EXPECT_EQ(R("{{unit}} {{score}}", data, Escape::kHtml),
            "市容科&lt;一队&gt; 87.25");
  EXPECT_EQ(R("{{{unit}}}", data, Escape::kHtml), "市容科<一队>");
  EXPECT_EQ(R("{{#rows}}[{{name}}{{#flag}}*{{/flag}}]{{/rows}}", data,
              Escape::kMarkdown),
            "[甲*][乙\\|丙]");
  EXPECT_EQ(R("{{^empty}}无{{/empty}}{{#empty}}有{{/empty}}", data), "无");
  EXPECT_EQ(R("{{head.name}} {{missing}}.", data), "周明远 .");
  EXPECT_EQ(R("{{#rows}}{{unit}}{{/rows}}", data),
            "市容科<一队>市容科<一队>");  // Outer names.
  EXPECT_EQ(R("{{! a comment }}x", data), "x");
  // A section tag alone on its line leaves no blank line behind.
  EXPECT_EQ(R("a\n{{#rows}}\n- {{name}}\n{{/rows}}\nb\n", data),
            "a\n- 甲\n- 乙|丙\nb\n");
}

// Finding texts come from citizens: in Markdown they stay text, whatever
// markup or HTML they hold.
TEST(TemplateTest, MarkdownValuesCannotChangeTheDocument) {
  auto md = [](const std::string& value) {
    return R("{{v}}", TemplateValue().Set("v", value), Escape::kMarkdown);
  };
  EXPECT_EQ(md("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(md("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(md("# 标题"), "\\# 标题");
  EXPECT_EQ(md("- 列表"), "\\- 列表");
  EXPECT_EQ(md("+ 列表"), "\\+ 列表");
  EXPECT_EQ(md("1. 第一"), "1\\. 第一");
  EXPECT_EQ(md("12) 第十二"), "12\\) 第十二");
  EXPECT_EQ(md("---"), "\\---");
  EXPECT_EQ(md("**粗体** _斜体_ `代码` [链接](http://x)"),
            "\\*\\*粗体\\*\\* \\_斜体\\_ \\`代码\\` \\[链接\\](http://x)");
  EXPECT_EQ(md("甲|乙\n丙"), "甲\\|乙 丙");
  // What is not markup stays as it is: numbers, dates, negative scores.
  EXPECT_EQ(md("85.00"), "85.00");
  EXPECT_EQ(md("2025-09"), "2025-09");
  EXPECT_EQ(md("-2.5"), "-2.5");
  EXPECT_EQ(md("A&B"), "A&amp;B");
}

TEST(TemplateTest, PartialsRenderInPlaceAndCannotLoop) {
  const std::map<std::string, std::string> parts = {
      {"head", "【{{issuer}}】\n"},
      {"row", "{{name}};"},
      {"self", "x{{> self}}"},
      {"broken", "{{#a}}"}};
  PartialLookup lookup = [&](const std::string& name) -> const std::string* {
    auto it = parts.find(name);
    return it == parts.end() ? nullptr : &it->second;
  };
  TemplateValue data;
  data.Set("issuer", "东湖区<城管局>");
  TemplateValue rows = TemplateValue::List();
  rows.Add(TemplateValue().Set("name", "甲"));
  rows.Add(TemplateValue().Set("name", "乙"));
  data.Set("rows", rows);
  std::string out;
  ASSERT_TRUE(RenderTemplate("{{> head}}\n{{#rows}}{{> row}}{{/rows}}", data,
                             Escape::kHtml, &out, lookup)
                  .ok());
  EXPECT_EQ(out, "【东湖区&lt;城管局&gt;】\n甲;乙;");
  Status s = RenderTemplate("{{> nothing}}", data, Escape::kNone, &out, lookup);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("no partial 'nothing'"), std::string::npos);
  s = RenderTemplate("{{> self}}", data, Escape::kNone, &out, lookup);
  EXPECT_NE(s.message().find("partials nest deeper than 8 at 'self'"),
            std::string::npos)
      << s.message();
  EXPECT_TRUE(out.empty());
  s = RenderTemplate("{{> broken}}", data, Escape::kNone, &out, lookup);
  EXPECT_NE(s.message().find("partial broken: template: section {{#a}} is not "
                             "closed"),
            std::string::npos)
      << s.message();
  // Without a lookup a partial is missing, not a crash.
  EXPECT_FALSE(RenderTemplate("{{> head}}", data, Escape::kNone, &out).ok());
}

TEST(TemplateTest, DeepSectionsAreRefused) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "{{#a}}";
  for (int i = 0; i < 100; ++i) deep += "{{/a}}";
  std::string out;
  Status s = RenderTemplate(deep, TemplateValue(), Escape::kNone, &out);
  EXPECT_NE(s.message().find("sections nest deeper than 64"), std::string::npos)
      << s.message();
}

TEST(TemplateTest, MalformedTemplatesNameTheLine) {
  std::string out;
  TemplateValue d;
  EXPECT_EQ(RenderTemplate("a\n{{#x}}b", d, Escape::kNone, &out).message(),
            "template: section {{#x}} is not closed");
  EXPECT_EQ(RenderTemplate("a\nb {{/x}}", d, Escape::kNone, &out).message(),
            "template line 2: {{/x}} closes nothing");
  EXPECT_EQ(RenderTemplate("a {{name", d, Escape::kNone, &out).message(),
            "template line 1: tag is not closed");
  EXPECT_EQ(RenderTemplate("{{#a}}{{/b}}", d, Escape::kNone, &out).message(),
            "template line 1: {{/b}} closes {{#a}}");
}

}  // namespace
}  // namespace chuangwen
