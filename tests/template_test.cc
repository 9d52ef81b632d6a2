// The document template language: values, escaping, sections, inverted
// sections, dotted names, standalone section lines, and malformed templates.
#include "chuangwen/template.h"

#include <gtest/gtest.h>

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
