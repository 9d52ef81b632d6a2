// Word documents in: the format is told from the bytes; automatic numbering
// (numbering.xml) comes back as the labels a reader sees; a plan saved as
// .docx imports as its text does. The .docx files are built here, part by
// part, so that no binary fixture has to be trusted.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "chuangwen/plan_import.h"
#include "import/docx_numbering.h"
#include "import/docx_reader.h"
#include "import/plan_format.h"
#include "zip_builder.h"

namespace chuangwen::internal {
namespace {

const char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

// The relationships Word writes, so that other programs (LibreOffice) find
// the document, its numbering and its styles.
const char kPackageRels[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";
const char kDocumentRels[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

const char kW[] =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

using chuangwen::testing::Zip;

// A paragraph; numbered in list `num` at `level` when num > 0, with
// `style` when given.
std::string P(const std::string& text, int num = 0, int level = 0,
              const std::string& style = "") {
  std::string ppr;
  if (!style.empty()) ppr += R"(<w:pStyle w:val=")" + style + R"("/>)";
  if (num > 0) {
    ppr += R"(<w:numPr><w:ilvl w:val=")" + std::to_string(level) +
           R"("/><w:numId w:val=")" + std::to_string(num) + R"("/></w:numPr>)";
  }
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
         "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string Row(const std::vector<std::string>& cells) {
  std::string out = "<w:tr>";
  for (const std::string& c : cells) out += "<w:tc>" + P(c) + "</w:tc>";
  return out + "</w:tr>";
}

std::string Lvl(int level, const std::string& format, const std::string& text,
                int start = 1) {
  return R"(<w:lvl w:ilvl=")" + std::to_string(level) +
         R"("><w:start w:val=")" + std::to_string(start) +
         R"("/><w:numFmt w:val=")" + format + R"("/><w:lvlText w:val=")" +
         text + R"("/></w:lvl>)";
}

std::string Docx(const std::string& body, const std::string& numbering,
                 const std::string& styles = "") {
  std::map<std::string, std::string> parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kPackageRels},
      {"word/_rels/document.xml.rels", kDocumentRels},
      {"word/document.xml", std::string("<w:document ") + kW + "><w:body>" +
                                body + "</w:body></w:document>"},
  };
  if (!numbering.empty()) {
    parts["word/numbering.xml"] =
        std::string("<w:numbering ") + kW + ">" + numbering + "</w:numbering>";
  }
  if (!styles.empty()) {
    parts["word/styles.xml"] =
        std::string("<w:styles ") + kW + ">" + styles + "</w:styles>";
  }
  return Zip(parts);
}

TEST(ListNumberFormatTest, EveryFormatOfficeWrites) {
  struct Case {
    const char* format;
    int value;
    const char* want;
  } cases[] = {
      {"decimal", 12, "12"},
      {"decimalZero", 7, "07"},
      {"chineseCounting", 1, "一"},
      {"chineseCounting", 10, "十"},
      {"chineseCounting", 11, "十一"},
      {"chineseCounting", 20, "二十"},
      {"chineseCounting", 35, "三十五"},
      {"chineseCountingThousand", 101, "一百零一"},
      {"chineseCountingThousand", 110, "一百一十"},
      {"chineseCountingThousand", 2005, "二千零五"},
      {"taiwaneseCounting", 14, "十四"},
      {"taiwaneseCountingThousand", 101, "一百〇一"},
      {"chineseLegalSimplified", 3, "叁"},
      {"chineseLegalSimplified", 12, "拾贰"},
      {"ideographTraditional", 1, "甲"},
      {"ideographTraditional", 3, "丙"},
      {"ideographZodiac", 2, "丑"},
      {"decimalFullWidth", 12, "１２"},
      {"decimalEnclosedCircle", 1, "①"},
      {"decimalEnclosedCircleChinese", 20, "⑳"},
      {"decimalEnclosedCircle", 21, "21"},
      {"decimalEnclosedParen", 2, "⑵"},
      {"ideographEnclosedCircle", 1, "㈠"},
      {"upperLetter", 2, "B"},
      {"lowerLetter", 28, "bb"},
      {"upperRoman", 14, "XIV"},
      {"lowerRoman", 9, "ix"},
      {"bullet", 3, ""},
      {"none", 3, ""},
      {"somethingNew", 4, "4"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatListNumber(c.value, c.format), c.want)
        << c.format << " " << c.value;
  }
}

TEST(ListCountersTest, ContinueResetDeeperOverrideAndLegal) {
  ListDefinition plan;
  plan.levels[0] = {1, "chineseCounting", "%1、", false, true};
  plan.levels[1] = {1, "chineseCounting", "（%2）", false, true};
  plan.levels[2] = {1, "decimal", "%1.%2.%3", true, true};
  ListInstance a;
  a.definition = 7;
  ListInstance b = a;  // Another instance of the same list: continues it.
  ListInstance restart;
  restart.definition = 7;
  restart.start_override[0] = 5;
  ListCounters counters({{7, plan}}, {{1, a}, {2, b}, {3, restart}});
  EXPECT_EQ(counters.Next(1, 0), "一、");
  EXPECT_EQ(counters.Next(1, 1), "（一）");
  EXPECT_EQ(counters.Next(1, 1), "（二）");
  EXPECT_EQ(counters.Next(1, 2), "1.2.1");   // isLgl: every level decimal.
  EXPECT_EQ(counters.Next(2, 0), "二、");    // Continued by instance 2.
  EXPECT_EQ(counters.Next(1, 1), "（一）");  // Deeper levels were reset.
  EXPECT_EQ(counters.Next(3, 0), "五、");    // Restarted at 5, on its own.
  EXPECT_EQ(counters.Next(3, 0), "六、");
  EXPECT_EQ(counters.Next(1, 0), "三、");  // The shared list goes on.
  EXPECT_EQ(counters.Next(9, 0), "");      // No such list.
  EXPECT_EQ(counters.Next(1, 9), "");
}

TEST(PlanFormatTest, TheBytesTellTheFormat) {
  PlanFormat f;
  ASSERT_TRUE(DetectPlanFormat("一、总体要求\n", &f).ok());
  EXPECT_EQ(f, PlanFormat::kText);
  ASSERT_TRUE(DetectPlanFormat(Docx(P("x"), ""), &f).ok());
  EXPECT_EQ(f, PlanFormat::kDocx);
  ASSERT_TRUE(
      DetectPlanFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                           std::string("W\0o\0r\0d\0D\0o\0c\0", 14),
                       &f)
          .ok());
  EXPECT_EQ(f, PlanFormat::kDoc);
  ASSERT_TRUE(DetectPlanFormat("%PDF-1.7\n...", &f).ok());
  EXPECT_EQ(f, PlanFormat::kPdf);
  ASSERT_TRUE(DetectPlanFormat("{\\rtf1\\ansi ...", &f).ok());
  EXPECT_EQ(f, PlanFormat::kRtf);
  ASSERT_TRUE(DetectPlanFormat("\xEF\xBB\xBF  <!DOCTYPE html><html>", &f).ok());
  EXPECT_EQ(f, PlanFormat::kHtml);
  ASSERT_TRUE(
      DetectPlanFormat(
          Zip({{"mimetype", "application/vnd.oasis.opendocument.text"}}), &f)
          .ok());
  EXPECT_EQ(f, PlanFormat::kOdt);

  auto refused = [&](const std::string& bytes) {
    Status s = DetectPlanFormat(bytes, &f);
    EXPECT_FALSE(s.ok());
    return s.message();
  };
  EXPECT_NE(refused(Zip({{"xl/workbook.xml", "<x/>"}})).find("Excel"),
            std::string::npos);
  EXPECT_NE(refused(Zip({{"plan.docx", "x"}})).find("ZIP archive"),
            std::string::npos);
  EXPECT_NE(refused("\x89PNG\r\n\x1a\n....").find("image"), std::string::npos);
  EXPECT_NE(refused(std::string(kMaxPlanBytes + 1, 'x')).find("refused"),
            std::string::npos);
}

// A plan whose numbering lives in numbering.xml, with a numbered heading
// style, a table between numbered paragraphs, and a list restarted by an
// override.
TEST(DocxReaderTest, NumberingTablesAndStylesComeBackAsTheReaderSeesThem) {
  const std::string numbering =
      R"(<w:abstractNum w:abstractNumId="0">)" +
      Lvl(0, "chineseCounting", "%1、") + Lvl(1, "chineseCounting", "（%2）") +
      Lvl(2, "decimal", "%3.") +
      R"(</w:abstractNum>)"
      R"(<w:abstractNum w:abstractNumId="1">)" +
      Lvl(0, "decimalEnclosedCircle", "%1") +
      R"(</w:abstractNum>)"
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
      R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
      R"(<w:num w:numId="3"><w:abstractNumId w:val="1"/>)"
      R"(<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>)";
  const std::string styles =
      R"(<w:style w:type="paragraph" w:styleId="Plan1"><w:pPr><w:numPr>)"
      R"(<w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Plan1Bold"><w:basedOn w:val="Plan1"/></w:style>)";
  const std::string body =
      P("关于印发《石川县创建文明县城工作方案》的通知") +
      P("总体要求", 0, 0, "Plan1") + P("以创建促发展。") + P("重点任务", 1, 0) +
      P("整治市容环境", 1, 1) + P("清理占道经营", 1, 2) +
      P("规范户外广告", 1, 2) + "<w:tbl>" +
      Row({"序号", "工作任务", "牵头单位"}) +
      Row({"1", "背街小巷整治", "县城管局"}) + "</w:tbl>" +
      P("提升窗口服务", 1, 1) + P("推行一窗受理", 1, 2) +
      P("保障措施", 0, 0, "Plan1Bold") + P("加强督查", 2, 0) +
      P("严肃问责", 2, 0) + P("另一清单", 3, 0) +
      "<w:p><w:r><w:t>隐去</w:t><w:rPr><w:vanish/></w:rPr></w:r></w:p>" +
      "<w:p><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
      "<w:r><w:t>留下</w:t></w:r></w:p>";
  std::string text;
  Status s = ReadDocx(Docx(body, numbering, styles), &text);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(text,
            "关于印发《石川县创建文明县城工作方案》的通知\n"
            "一、总体要求\n"
            "以创建促发展。\n"
            "二、重点任务\n"
            "（一）整治市容环境\n"
            "1.清理占道经营\n"
            "2.规范户外广告\n"
            "序号\t工作任务\t牵头单位\n"
            "1\t背街小巷整治\t县城管局\n"
            "（二）提升窗口服务\n"
            "1.推行一窗受理\n"
            "三、保障措施\n"
            "①加强督查\n"
            "②严肃问责\n"
            "①另一清单\n"
            "\n"  // Hidden text is not read.
            "留下\n");
}

TEST(DocxReaderTest, DamagedPackagesAreNamedNotGuessed) {
  std::string text;
  const std::string good = Docx(P("一、总体要求"), "");
  Status s = ReadDocx(good.substr(0, good.size() / 2), &text);
  EXPECT_EQ(s.code(), Status::Code::kParseError);
  EXPECT_NE(s.message().find("damaged"), std::string::npos) << s.ToString();
  s = ReadDocx(Zip({{"word/other.xml", "<x/>"}}), &text);
  EXPECT_NE(s.message().find("word/document.xml"), std::string::npos);
  s = ReadDocx(Zip({{"word/document.xml", "<w:document"}}), &text);
  EXPECT_NE(s.message().find("not well-formed"), std::string::npos);
}

// The same plan as text and as a .docx with automatic numbering proposes the
// same campaign.
TEST(DocxImportTest, APlanSavedAsDocxImportsAsItsText) {
  const std::string numbering =
      R"(<w:abstractNum w:abstractNumId="0">)" +
      Lvl(0, "chineseCounting", "%1、") + Lvl(1, "chineseCounting", "（%2）") +
      Lvl(2, "decimal", "%3.") +
      R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)";
  struct Line {
    std::string text;
    int level;  // -1: not numbered.
    std::string label;
  };
  const std::vector<Line> plan = {
      {"石川县文明办文件", -1, ""},
      {"石文明〔2024〕3号", -1, ""},
      {"石川县2024年创建省级文明县城工作方案", -1, ""},
      {"组织领导", 0, "一、"},
      {"成立石川县创建工作领导小组。", -1, ""},
      {"组  长：邹海明", -1, ""},
      {"副组长：钱立华、宁晓", -1, ""},
      {"重点任务", 0, "二、"},
      {"整治市容环境", 1, "（一）"},
      {"清理占道经营。", 2, "1."},
      {"牵头单位：县城管局", -1, ""},
      {"配合单位：各乡镇", -1, ""},
      {"规范户外广告。", 2, "2."},
      {"牵头单位：县住建局", -1, ""},
      {"提升窗口服务", 1, "（二）"},
      {"推行一窗受理。", 2, "1."},
      {"牵头单位：县政务服务中心", -1, ""},
  };
  std::string body, text;
  for (const Line& l : plan) {
    body += l.level < 0 ? P(l.text) : P(l.text, 1, l.level);
    text += l.label + l.text + "\n";
  }
  v1::ImportOptions options;
  options.set_bare(true);
  v1::ImportResult from_text, from_docx;
  ASSERT_TRUE(ImportPlan(text, options, &from_text).ok());
  Status s = ImportPlan(Docx(body, numbering), options, &from_docx);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(from_docx.format(), "docx");
  EXPECT_EQ(from_text.format(), "text");
  EXPECT_EQ(from_docx.campaign().SerializeAsString(),
            from_text.campaign().SerializeAsString());
  ASSERT_GE(from_docx.campaign().tasks_size(), 5);
  EXPECT_EQ(from_docx.campaign().tasks(0).title(), "整治市容环境");
}

// A task table in a .docx reads as the same table pasted as text.
TEST(DocxImportTest, ATaskTableInWordImportsAsTheTextTable) {
  const std::vector<std::vector<std::string>> rows = {
      {"序号", "工作任务", "责任领导", "牵头单位", "配合单位", "完成时限"},
      {"1", "开展背街小巷综合整治", "蔡晓峰", "区城管局", "区住建局、各街道", "2025年6月底"},
      {"2", "清理主次干道占道经营", "蔡晓峰", "区城管局", "区市场监管局", "长期坚持"},
      {"", "", "", "", "区公安分局", ""}};
  std::string body = P("梅岭区2025年创建全国文明城区重点任务分解方案") +
                     P("一、工作目标") + P("城区环境明显改善。") + P("二、重点任务") + P("（一）市容环境整治") + "<w:tbl>";
  std::string text =
      "梅岭区2025年创建全国文明城区重点任务分解方案\n一、工作目标\n城区环境明显改善。\n二、重点任务\n（一）市容环境整治\n";
  for (const auto& row : rows) {
    body += Row(row);
    for (size_t i = 0; i < row.size(); ++i) text += (i ? "\t" : "") + row[i];
    text += "\n";
  }
  body += "</w:tbl>" + P("（二）窗口服务提升");
  text += "（二）窗口服务提升\n";
  v1::ImportOptions options;
  options.set_bare(true);
  v1::ImportResult from_text, from_docx;
  ASSERT_TRUE(ImportPlan(text, options, &from_text).ok());
  ASSERT_TRUE(ImportPlan(Docx(body, ""), options, &from_docx).ok());
  EXPECT_EQ(from_docx.campaign().SerializeAsString(),
            from_text.campaign().SerializeAsString());
  EXPECT_EQ(from_docx.campaign().tasks_size(), 4);
  EXPECT_EQ(from_docx.campaign().assignments_size(), 8);
}

// LibreOffice, where installed: the .docx saved again as .doc, .odt and
// .rtf (as officials' older files are) and as PDF, each imported through
// its converter, gives the tasks and parties of the .docx.
std::string Soffice() {
  for (const char* p : {"/usr/bin/soffice", "/usr/local/bin/soffice"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

std::string ConvertWithSoffice(const std::string& docx, const std::string& to) {
  char dir_template[] = "/tmp/cw-docx-test-XXXXXX";
  const char* dir = mkdtemp(dir_template);
  if (dir == nullptr) return "";
  const std::string in = std::string(dir) + "/plan.docx";
  std::ofstream(in, std::ios::binary) << docx;
  const std::string cmd = Soffice() + " -env:UserInstallation=file://" + dir +
                          "/profile --headless --convert-to " + to +
                          " --outdir " + dir + " " + in + " >/dev/null 2>&1";
  std::string out;
  if (std::system(cmd.c_str()) == 0) {
    std::ifstream f(std::string(dir) + "/plan." + to, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
  }
  std::system(("rm -rf " + std::string(dir)).c_str());
  return out;
}

TEST(DocxImportTest, OlderFormatsAndPdfThroughLibreOffice) {
  if (Soffice().empty())
    GTEST_SKIP() << "LibreOffice (libreoffice-writer-nogui) is not installed";
  const std::string numbering =
      R"(<w:abstractNum w:abstractNumId="0">)" +
      Lvl(0, "chineseCounting", "%1、") + Lvl(1, "chineseCounting", "（%2）") +
      R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)";
  const std::string body = P("石川县2024年创建省级文明县城工作方案") +
                           P("重点任务", 1, 0) + P("整治市容环境", 1, 1) +
                           P("牵头单位：县城管局") + P("配合单位：各乡镇") +
                           P("提升窗口服务", 1, 1) +
                           P("牵头单位：县政务服务中心");
  const std::string docx = Docx(body, numbering);
  v1::ImportOptions options;
  options.set_bare(true);
  for (const char* to : {"doc", "odt", "rtf", "pdf"}) {
    SCOPED_TRACE(to);
    const std::string converted = ConvertWithSoffice(docx, to);
    ASSERT_FALSE(converted.empty()) << "soffice could not write ." << to;
    v1::ImportResult r;
    Status s = ImportPlan(converted, options, &r);
    if (std::string(to) == "pdf" && access("/usr/bin/pdftotext", X_OK) != 0)
      continue;
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(r.format(), to);
    std::vector<std::string> got;
    for (const v1::Task& t : r.campaign().tasks()) got.push_back(t.title());
    EXPECT_EQ(got, (std::vector<std::string>{"整治市容环境", "提升窗口服务"}));
    std::vector<std::string> parties;
    for (const v1::Assignment& a : r.campaign().assignments())
      parties.push_back(a.task_id() + ":" + a.unit_id());
    EXPECT_EQ(parties, (std::vector<std::string>{"1:县城管局", "1:各乡镇",
                                                 "2:县政务服务中心"}));
  }
}

// Without the converters on PATH, the error names the file's kind and the
// package to install.
TEST(DocxImportTest, FormatsThatNeedAConverterSayWhatIsWrong) {
  const char* old_path = std::getenv("PATH");
  const std::string saved = old_path == nullptr ? "" : old_path;
  setenv("PATH", "/nonexistent", 1);
  v1::ImportResult r;
  Status pdf = ImportPlan("%PDF-1.4\nnot really\n", v1::ImportOptions(), &r);
  Status doc =
      ImportPlan(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest",
                 v1::ImportOptions(), &r);
  setenv("PATH", saved.c_str(), 1);
  EXPECT_FALSE(pdf.ok());
  EXPECT_NE(pdf.message().find("PDF"), std::string::npos) << pdf.ToString();
  EXPECT_NE(pdf.message().find("poppler-utils"), std::string::npos)
      << pdf.ToString();
  EXPECT_FALSE(doc.ok());
  EXPECT_NE(doc.message().find(".doc"), std::string::npos) << doc.ToString();
  EXPECT_NE(doc.message().find("libreoffice"), std::string::npos)
      << doc.ToString();
}

}  // namespace
}  // namespace chuangwen::internal
