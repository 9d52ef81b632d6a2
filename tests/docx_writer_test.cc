// DOCX output read back: the package's parts, the GB/T 9704 page setup,
// page numbers on alternating sides, repeated table headers, the 公文 frame
// (red 发文机关标志, 2号 title, 版记), and the text as the plan importer's own
// .docx reader sees it. (tests/render/print_test.py opens the same files in
// LibreOffice.)
#include <gtest/gtest.h>
#include <zip.h>

#include <memory>
#include <string>

#include "chuangwen/codec.h"
#include "chuangwen/ledger.h"
#include "chuangwen/report.h"
#include "import/docx_reader.h"
#include "test_support.h"

namespace chuangwen {
namespace {

std::string Part(const std::string& docx, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(zip, name, 0, &st) == 0) {
    out.resize(static_cast<size_t>(st.size));
    zip_file_t* f = zip_fopen(zip, name, 0);
    if (f != nullptr) {
      zip_fread(f, &out[0], st.size);
      zip_fclose(f);
    }
  }
  zip_discard(zip);
  return out;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class DocxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    v1::LedgerEventBatch batch;
    const std::string& example = testing::ExamplePath();
    ASSERT_TRUE(
        DecodeFile(example.substr(0, example.rfind('/')) + "/ledger.textproto",
                   Format::kText, &batch)
            .ok());
    ASSERT_TRUE(
        ledger_.Append({batch.events().begin(), batch.events().end()}).ok());
    sources_.campaign = c_.get();
    sources_.ledger = &ledger_;
  }
  std::string Docx(v1::ReportDocumentRequest r) {
    r.set_format(v1::DOCX);
    v1::ReportDocument doc;
    Status s = RenderReport(sources_, r, &doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(doc.content().empty());
    EXPECT_EQ(doc.file_name().substr(doc.file_name().size() - 5), ".docx");
    return doc.binary();
  }
  std::shared_ptr<const Campaign> c_ = Campaign::Build(testing::LoadExample());
  Ledger ledger_{c_};
  ReportSources sources_;
};

TEST_F(DocxWriterTest, TheBulletinIsAGbt9704WordDocument) {
  v1::ReportDocumentRequest r;
  r.set_kind(v1::MONTHLY_BULLETIN);
  r.set_month("2025-09");
  r.set_number("东城管创通〔2025〕9号");
  r.set_signer("周明远");
  r.add_copied_to("区文明办");
  r.add_attachments("考核细则");
  const std::string docx = Docx(r);
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
        "word/styles.xml", "word/settings.xml", "word/footer1.xml",
        "word/footer2.xml", "word/fontTable.xml",
        "word/_rels/document.xml.rels", "docProps/core.xml"})
    EXPECT_FALSE(Part(docx, part).empty()) << part;
  const std::string body = Part(docx, "word/document.xml");
  // A4 with 天头 37 mm, 35 mm below, 订口 28 mm and 26 mm outside.
  EXPECT_TRUE(
      Has(body,
          "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" "
          "w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\""))
      << body.substr(body.rfind("<w:sectPr"));
  EXPECT_TRUE(Has(body, "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"));
  const std::string settings = Part(docx, "word/settings.xml");
  EXPECT_TRUE(Has(settings, "<w:mirrorMargins/>"));
  EXPECT_TRUE(Has(settings, "<w:evenAndOddHeaders/>"));
  // "— 1 —": odd pages right, even pages left.
  const std::string odd = Part(docx, "word/footer1.xml");
  const std::string even = Part(docx, "word/footer2.xml");
  EXPECT_TRUE(Has(odd, "<w:jc w:val=\"right\"/>"));
  EXPECT_TRUE(Has(even, "<w:jc w:val=\"left\"/>"));
  EXPECT_TRUE(Has(odd, "w:instr=\" PAGE \""));
  EXPECT_TRUE(Has(odd, ">— </w:t>"));
  // The red 发文机关标志, the 2号 (22 pt) title, 3号 (16 pt) 仿宋 body.
  EXPECT_TRUE(Has(body, "<w:color w:val=\"E60012\"/>"));
  EXPECT_TRUE(Has(body, "<w:sz w:val=\"44\"/>"));
  EXPECT_TRUE(Has(Part(docx, "word/styles.xml"), "<w:sz w:val=\"32\"/>"));
  EXPECT_TRUE(Has(Part(docx, "word/styles.xml"), "仿宋_GB2312"));
  // Table headers repeat; headings stay with what follows; the 版记 floats
  // at the foot of the page.
  EXPECT_TRUE(Has(body, "<w:tblHeader/>"));
  EXPECT_TRUE(Has(body, "<w:keepNext/>"));
  EXPECT_TRUE(Has(body, "w:tblpYSpec=\"bottom\""));
  EXPECT_TRUE(
      Has(Part(docx, "docProps/core.xml"), "2025年9月创建工作考核情况通报"));
  // The text as the importer reads .docx.
  std::string text;
  ASSERT_TRUE(internal::ReadDocx(docx, &text).ok());
  for (const char* phrase :
       {"东湖区城市管理局", "东城管创通〔2025〕9号", "签发人：周明远",
        "关于2025年9月创建工作考核情况的通报", "一、考核排名", "综合执法一中队",
        "附件：考核细则", "抄送：区文明办。", "2025年9月30日印发"})
    EXPECT_TRUE(Has(text, phrase)) << phrase << "\n" << text;
  EXPECT_FALSE(Has(text, "<svg")) << "charts are left out";
}

TEST_F(DocxWriterTest, TheNoticeCarriesItsReceiptOnANewPage) {
  v1::ReportDocumentRequest r;
  r.set_kind(v1::RECTIFICATION_NOTICE);
  r.set_item_id("dc-2025-901");
  r.set_receipt(true);
  const std::string docx = Docx(r);
  const std::string body = Part(docx, "word/document.xml");
  EXPECT_TRUE(Has(body, "<w:pageBreakBefore/>"));
  std::string text;
  ASSERT_TRUE(internal::ReadDocx(docx, &text).ok());
  EXPECT_TRUE(Has(text, "整改通知书"));
  EXPECT_TRUE(Has(text, "负责人签字"));
  // The receipt comes before the 版记, as an attachment does.
  EXPECT_LT(text.find("负责人签字"), text.find("印发"));
}

TEST_F(DocxWriterTest, IntegratorHtmlWithMarkupInDataStaysText) {
  v1::ReportDocumentRequest r;
  r.set_kind(v1::UNIT_DOSSIER);
  r.set_unit_id("srk");
  r.set_note("联系人：<b>许岚</b> & 电话");
  (*r.mutable_templates())["dossier.html"] =
      "<html><body><h1 class=\"title\">{{unit}}</h1><p class=\"note\">{{note}}"
      "</p><p>a&nbsp;b</p></body></html>";
  const std::string docx = Docx(r);
  std::string text;
  ASSERT_TRUE(internal::ReadDocx(docx, &text).ok());
  EXPECT_TRUE(Has(text, "市容科"));
  EXPECT_TRUE(Has(text, "联系人：<b>许岚</b> & 电话")) << text;
  // A template without a body is refused, not written empty.
  (*r.mutable_templates())["dossier.html"] = "";
  v1::ReportDocument doc;
  r.set_format(v1::DOCX);
  EXPECT_FALSE(RenderReport(sources_, r, &doc).ok());
}

}  // namespace
}  // namespace chuangwen
