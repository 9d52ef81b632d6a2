// Plans as web pages and PDFs: the page's text without its navigation, the
// PDF's text without page numbers and running headers, with the layout's
// spaces and line breaks undone; and a PDF written here byte by byte read
// through pdftotext where it is installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "chuangwen/plan_import.h"
#include "import/html_reader.h"
#include "import/pdf_text.h"

namespace chuangwen::internal {
namespace {

TEST(PdfTextTest, PageFurnitureGoesAndTheLayoutIsUndone) {
  // Three pages as pdftotext -layout writes them: a running header, page
  // numbers in three styles, spaces between Han and digits, one paragraph
  // broken by the page width.
  const std::string layout =
      "        石川县文明办文件\n"
      "\n"
      "   石文明〔2024〕3 号\n"
      "一、重点任务\n"
      "（一）整治市容环境，对主次干道两侧的占道经营、乱搭乱建和乱贴乱画开展集中"
      "整\n"
      "治，形成长效管理机制。\n"
      "                               - 1 -\n"
      "\f        石川县文明办文件\n"
      "  2024 年 3 月 1 日前完成摸底。\n"
      "                               第 2 页 共 3 页\n"
      "\f        石川县文明办文件\n"
      "（二）提升窗口服务\n"
      "                               3\n";
  EXPECT_EQ(CleanPdfText(layout),
            "\n"  // The blank line under the (dropped) running header.
            "石文明〔2024〕3号\n"
            "一、重点任务\n"
            "（一）整治市容环境，对主次干道两侧的占道经营、乱搭乱建和乱贴乱画开"
            "展集中整"
            "治，形成长效管理机制。\n"
            "2024年3月1日前完成摸底。\n"
            "（二）提升窗口服务\n");
}

TEST(PdfTextTest, AShortDocumentKeepsItsFirstLine) {
  // With fewer than three pages nothing is taken for a running header.
  EXPECT_EQ(
      CleanPdfText(
          "石川县文明办文件\n一、总体要求\n\f石川县文明办文件\n二、组织领导\n"),
      "石川县文明办文件\n一、总体要求\n石川县文明办文件\n二、组织领导\n");
}

TEST(HtmlReaderTest, TheBodyWithoutNavigationTablesAsRows) {
  const std::string page =
      "<!DOCTYPE html><html><head><meta "
      "charset=\"utf-8\"><title>石川县文明办</title>"
      "<style>p{color:red}</style><script>var a = "
      "'一、假的';</script></head><body>"
      "<div class=\"nav-bar\"><a href=\"/\">首页</a> | <a>政务公开</a></div>"
      "<table class=\"info\"><tr><td>索引号：</td><td>11-2024-003</td>"
      "<td>发文字号：</td><td>石文明〔2024〕3号</td></tr></table>"
      "<div "
      "class=\"content\"><p>一、重点任务</p><p>（一）整治&nbsp;市容环境<br>"
      "牵头单位：县城管局</p></div>"
      "<footer>版权所有 石川县人民政府</footer></body></html>";
  std::string text;
  ASSERT_TRUE(ReadHtml(page, &text).ok());
  EXPECT_EQ(text,
            "石川县文明办\n"
            "索引号：\t11-2024-003\t发文字号：\t石文明〔2024〕3号\n"
            "一、重点任务\n"
            "（一）整治 市容环境\n"
            "牵头单位：县城管局\n");
}

TEST(HtmlReaderTest, AGbkPageIsReadByItsCharset) {
  // "一、重点任务" in GBK, declared by the page.
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=gbk\"></head><body><p>"
      "\xD2\xBB\xA1\xA2\xD6\xD8\xB5\xE3\xC8\xCE\xCE\xF1</p></body></html>";
  std::string text;
  ASSERT_TRUE(ReadHtml(page, &text).ok());
  EXPECT_EQ(text, "一、重点任务\n");
}

// A PDF with a Type 0 font whose ToUnicode map gives each code its own
// Unicode value, one line of text per call; no glyphs are embedded, which
// pdftotext does not need.
std::string MakePdf(const std::vector<std::vector<std::string>>& pages) {
  auto hex = [](const std::u32string& s) {
    std::string out = "<";
    static const char* d = "0123456789ABCDEF";
    for (char32_t c : s)
      for (int shift = 12; shift >= 0; shift -= 4) out += d[(c >> shift) & 15];
    return out + ">";
  };
  auto u32 = [](const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t v = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 7;
      for (int k = 1; k < n; ++k) v = (v << 6) | (s[i + k] & 0x3F);
      out += v;
      i += static_cast<size_t>(n);
    }
    return out;
  };
  std::u32string used;
  for (const auto& page : pages)
    for (const std::string& line : page)
      for (char32_t c : u32(line))
        if (used.find(c) == std::u32string::npos) used += c;
  std::vector<std::string> objects;
  const size_t first_page = 5;  // 1 catalog, 2 pages, 3 font, 4 cidfont.
  std::string kids;
  for (size_t p = 0; p < pages.size(); ++p)
    kids += std::to_string(first_page + 2 * p) + " 0 R ";
  const size_t tounicode = first_page + 2 * pages.size();
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(pages.size()) + " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type0 /BaseFont /PlanSong /Encoding "
      "/Identity-H /DescendantFonts [4 0 R] /ToUnicode " +
      std::to_string(tounicode) + " 0 R >>");
  objects.push_back(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /PlanSong "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 "
      ">> /DW 1000 >>");
  for (size_t p = 0; p < pages.size(); ++p) {
    std::string content;
    int y = 780;
    for (const std::string& line : pages[p]) {
      content += "BT /F1 12 Tf 1 0 0 1 60 " + std::to_string(y) + " Tm " +
                 hex(u32(line)) + " Tj ET\n";
      y -= 18;
    }
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
        "/Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(first_page + 2 * p + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) +
                      " >>\nstream\n" + content + "endstream");
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> "
      "def\n/CMapName /PlanSong-UCS def /CMapType 2 def\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
  for (size_t i = 0; i < used.size(); i += 100) {
    const size_t n = std::min<size_t>(100, used.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      const std::string h = hex(std::u32string(1, used[k]));
      cmap += h + " " + h + "\n";
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap CMapName currentdict /CMap defineresource pop end end\n";
  objects.push_back("<< /Length " + std::to_string(cmap.size()) +
                    " >>\nstream\n" + cmap + "endstream");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    std::string n = std::to_string(o);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

bool HavePdftotext() {
  return access("/usr/bin/pdftotext", X_OK) == 0 ||
         access("/usr/local/bin/pdftotext", X_OK) == 0;
}

TEST(PdfImportTest, APdfPlanImportsThroughPdftotext) {
  if (!HavePdftotext())
    GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string pdf = MakePdf({
      {"石川县文明办", "石川县2024年创建省级文明县城工作方案", "一、重点任务",
       "（一）整治市容环境", "牵头单位：县城管局", "- 1 -"},
      {"石川县文明办", "（二）提升窗口服务", "牵头单位：县政务服务中心",
       "- 2 -"},
      {"石川县文明办", "二、保障措施", "加强督查。", "- 3 -"},
  });
  v1::ImportOptions options;
  options.set_bare(true);
  v1::ImportResult r;
  Status s = ImportPlan(pdf, options, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.format(), "pdf");
  std::vector<std::string> titles;
  for (const v1::Task& t : r.campaign().tasks()) titles.push_back(t.title());
  EXPECT_EQ(titles, (std::vector<std::string>{"整治市容环境", "提升窗口服务"}))
      << r.DebugString();
  for (const v1::SkippedLine& k : r.skipped())
    EXPECT_EQ(k.text().find("- 2 -"), std::string::npos) << k.text();
}

}  // namespace
}  // namespace chuangwen::internal
