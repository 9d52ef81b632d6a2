// The documents: the monthly bulletin, a rectification notice and a unit's
// dossier for the example campaign with its ledger and evidence, in each
// format; replaced templates; bad requests.
#include "chuangwen/report.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>

#include "chuangwen/assessment.h"
#include "chuangwen/assessment_book.h"
#include "chuangwen/codec.h"
#include "chuangwen/evidence.h"
#include "chuangwen/ledger.h"
#include "test_support.h"

namespace chuangwen {
namespace {

template <typename Batch>
Batch ExampleBatch(const std::string& file) {
  Batch batch;
  const std::string& example = testing::ExamplePath();
  Status s = DecodeFile(example.substr(0, example.rfind('/')) + "/" + file,
                        Format::kText, &batch);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return batch;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ledger = ExampleBatch<v1::LedgerEventBatch>("ledger.textproto");
    ASSERT_TRUE(
        ledger_.Append({ledger.events().begin(), ledger.events().end()}).ok());
    auto evidence = ExampleBatch<v1::EvidenceEventBatch>("evidence.textproto");
    ASSERT_TRUE(
        evidence_.Append({evidence.events().begin(), evidence.events().end()})
            .ok());
    sources_.campaign = c_.get();
    sources_.ledger = &ledger_;
    sources_.evidence = &evidence_;
  }
  v1::ReportDocument Render(v1::ReportKind kind, v1::ReportFormat format,
                            const std::string& key = "") {
    v1::ReportDocumentRequest r;
    r.set_kind(kind);
    r.set_format(format);
    r.set_month("2025-09");
    r.set_item_id(key.empty() ? "dc-2025-901" : key);
    r.set_unit_id(key.empty() ? "srk" : key);
    r.set_number(kind == v1::MONTHLY_BULLETIN ? "东城管创通〔2025〕9号" : "");
    v1::ReportDocument doc;
    Status s = RenderReport(sources_, r, &doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return doc;
  }
  static bool Has(const v1::ReportDocument& d, const std::string& text) {
    return d.content().find(text) != std::string::npos;
  }

  std::shared_ptr<const Campaign> c_ = Campaign::Build(testing::LoadExample());
  Ledger ledger_{c_};
  EvidenceBook evidence_{c_};
  ReportSources sources_;
};

TEST_F(ReportTest, MonthlyBulletinSaysWhatTheOfficeMustSay) {
  v1::ReportDocument md = Render(v1::MONTHLY_BULLETIN, v1::MARKDOWN);
  EXPECT_EQ(md.title(), "2025年9月创建工作考核情况通报");
  EXPECT_EQ(md.file_name(), "月度通报-2025-09.md");
  for (const char* line :
       {"# 东湖区城市管理局", "## 关于2025年9月创建工作考核情况的通报",
        "东城管创通〔2025〕9号", "| 1 | 办公室 | 96.50 | 优秀 |  |",
        "| 7 | 规划建设科 | 67.67 | 合格 |  |", "- 办公室（96.50分）",
        "- 规划建设科（67.67分）",
        "| 东城管督改〔2025〕35号 | 市容科 | 2025-09-15 | 12 |",
        "- 环卫科：垃圾清运问题4次（2025-08-15至2025-09-15）",
        "- 建议对市容科进行约谈：占道经营类4个问题经通报仍未整改",
        "- "
        "市容科：整治占道经营和乱停乱放，实景照片缺1份（应于2025-09-19前报送）",
        "东湖区城市管理局\n2025年9月30日"}) {
    EXPECT_TRUE(Has(md, line)) << line << "\n---\n" << md.content();
  }
  v1::ReportDocument html = Render(v1::MONTHLY_BULLETIN, v1::HTML);
  EXPECT_TRUE(Has(html, "<title>2025年9月创建工作考核情况通报</title>"));
  EXPECT_TRUE(Has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(Has(html, "fill=\"#c62828\""));  // The criticised unit's bar.
  EXPECT_FALSE(Has(html, "{{"));
  v1::ReportDocument csv = Render(v1::MONTHLY_BULLETIN, v1::CSV);
  EXPECT_EQ(csv.content().substr(0, csv.content().find("\r\n")),
            "\xEF\xBB\xBF名次,单位,得分,等次,说明");
  EXPECT_TRUE(Has(csv, "5,综合执法一中队,77.40,合格,\r\n"));
  // August: 一中队 is vetoed (一票否决) and placed last.
  v1::ReportDocumentRequest r;
  r.set_kind(v1::MONTHLY_BULLETIN);
  r.set_month("2025-08");
  v1::ReportDocument aug;
  ASSERT_TRUE(RenderReport(sources_, r, &aug).ok());
  EXPECT_TRUE(Has(aug, "一票否决："));
}

// A bulletin says only what is true: its date is a working day (or the one
// given), a campaign without evidence requirements is not said to have had
// its materials in on time, and late materials are named.
TEST_F(ReportTest, TheBulletinSaysOnlyWhatIsTrue) {
  v1::ReportDocumentRequest r;
  r.set_kind(v1::MONTHLY_BULLETIN);
  r.set_month("2025-08");  // It ends on Sunday 31 August.
  v1::ReportDocument aug;
  ASSERT_TRUE(RenderReport(sources_, r, &aug).ok());
  EXPECT_TRUE(Has(aug, "东湖区城市管理局\n2025年9月1日")) << aug.content();
  // 环卫科's August ledger came in after its deadline.
  EXPECT_TRUE(Has(aug, "- 环卫科：提升背街小巷环境卫生，工作台账迟报1份（应于"
                       "2025-08-20前报送）"))
      << aug.content();
  EXPECT_FALSE(Has(aug, "均已按时报送"));
  EXPECT_FALSE(Has(aug, "\n2025年8月31日\n"));
  r.set_issue_date("2025-09-03");
  ASSERT_TRUE(RenderReport(sources_, r, &aug).ok());
  EXPECT_TRUE(Has(aug, "东湖区城市管理局\n2025年9月3日"));
  r.set_issue_date("2025-09-31");
  EXPECT_EQ(RenderReport(sources_, r, &aug).code(),
            Status::Code::kInvalidArgument);
  r.clear_issue_date();

  // No evidence requirements: nothing is claimed about materials.
  v1::Campaign bare = testing::LoadExample();
  bare.clear_evidence_requirements();
  std::shared_ptr<const Campaign> c = Campaign::Build(bare);
  Ledger ledger(c);
  EvidenceBook evidence(c);
  ReportSources sources{c.get(), &ledger, &evidence};
  r.set_month("2025-09");
  for (v1::ReportFormat f : {v1::MARKDOWN, v1::HTML}) {
    r.set_format(f);
    v1::ReportDocument doc;
    ASSERT_TRUE(RenderReport(sources, r, &doc).ok());
    EXPECT_FALSE(Has(doc, "均已按时报送")) << doc.content();
    EXPECT_TRUE(Has(doc, "本期无资料报送要求")) << doc.content();
  }
}

TEST_F(ReportTest, RectificationNoticeAndDossier) {
  v1::ReportDocument notice = Render(v1::RECTIFICATION_NOTICE, v1::MARKDOWN);
  for (const char* line :
       {"# 整改通知书", "东城管督改〔2025〕35号", "市容科：",
        "2025年9月7日，经日常督查发现你单位存在以下问题：",
        "1. 农贸市场周边占道经营反复出现（占道经营，点位：东湖农贸市场）",
        "请按照“取缔流动摊点，建立长效管理机制”的要求，于5个工作日内（2025年9月"
        "15日前）完成整改",
        "东湖区城市管理局\n2025年9月8日"}) {
    EXPECT_TRUE(Has(notice, line)) << line << "\n---\n" << notice.content();
  }
  v1::ReportDocument dossier = Render(v1::UNIT_DOSSIER, v1::MARKDOWN);
  for (const char* line :
       {"# 市容科创建工作档案", "| 1.1 | 整治占道经营和乱停乱放 | 责任科室 |",
        "| 东城管督改〔2025〕35号 | 2025-09-15 |",
        "| 2025-09 | 87.25 | 2 | 良好 |"}) {
    EXPECT_TRUE(Has(dossier, line)) << line << "\n---\n" << dossier.content();
  }
  v1::ReportDocument html = Render(v1::UNIT_DOSSIER, v1::HTML);
  EXPECT_TRUE(Has(html, "<title>市容科创建工作档案</title>"));
  EXPECT_TRUE(Has(html, "<path d=\"M"));  // The rank line.
  const std::string csv = Render(v1::UNIT_DOSSIER, v1::CSV).content();
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "\xEF\xBB\xBF月份,得分,名次,等次");
}

TEST_F(ReportTest, TemplatesAreReplaceable) {
  v1::ReportDocumentRequest r;
  r.set_kind(v1::RECTIFICATION_NOTICE);
  r.set_item_id("dc-2025-901");
  (*r.mutable_templates())["notice.md"] =
      "限期整改通知：{{unit}}，{{deadline_cn}}前完成。{{#findings}}[{{"
      "description}}]{{/findings}}";
  v1::ReportDocument doc;
  ASSERT_TRUE(RenderReport(sources_, r, &doc).ok());
  EXPECT_EQ(doc.content(),
            "限期整改通知：市容科，2025年9月15日前完成。["
            "农贸市场周边占道经营反复出现]");
  (*r.mutable_templates())["notice.md"] = "{{#findings}}";
  EXPECT_EQ(RenderReport(sources_, r, &doc).message(),
            "notice.md: template: section {{#findings}} is not closed");
  EXPECT_FALSE(DefaultReportTemplate("monthly.html").empty());
  // Documents, their 公文 frame as partials, the style and the phrases.
  EXPECT_EQ(ReportTemplateNames(),
            (std::vector<std::string>{
                "banji.html", "banji.md", "closing.html", "closing.md",
                "dossier.html", "dossier.md", "head.html", "masthead.html",
                "masthead.md", "monthly.html", "monthly.md", "notice.html",
                "notice.md", "phrases.txt", "receipt.html", "style.css"}));
}

// The short phrases built from data are wording too: a replacement
// phrases.txt changes them, key by key.
TEST_F(ReportTest, PhrasesAreReplaceable) {
  v1::ReportDocumentRequest r;
  r.set_kind(v1::RECTIFICATION_NOTICE);
  r.set_item_id("dc-2025-901");
  v1::ReportDocument doc;
  ASSERT_TRUE(RenderReport(sources_, r, &doc).ok());
  EXPECT_EQ(doc.title(), "整改通知书 东城管督改〔2025〕35号");
  EXPECT_EQ(doc.file_name(), "整改通知书-dc-2025-901.md");
  (*r.mutable_templates())["phrases.txt"] =
      "# 本地用语\n"
      "title.notice = 督办通知 {{number}}\n"
      "file.notice = 督办-{{item}}\n";
  ASSERT_TRUE(RenderReport(sources_, r, &doc).ok());
  EXPECT_EQ(doc.title(), "督办通知 东城管督改〔2025〕35号");
  EXPECT_EQ(doc.file_name(), "督办-dc-2025-901.md");
  r.set_format(v1::CSV);
  ASSERT_TRUE(RenderReport(sources_, r, &doc).ok());
  EXPECT_EQ(doc.content().substr(0, doc.content().find("\r\n")),
            "\xEF\xBB\xBF序号,问题描述,类别,点位,发现日期");
  (*r.mutable_templates())["phrases.txt"] = "title.notice = 通知\n没有等号\n";
  EXPECT_EQ(RenderReport(sources_, r, &doc).message(),
            "phrases.txt line 2: not \"key = text\"");
  (*r.mutable_templates())["phrases.txt"] = "title.notice = {{#x}}\n";
  EXPECT_EQ(RenderReport(sources_, r, &doc).message(),
            "phrases.txt line 1: template: section {{#x}} is not closed");
}

TEST_F(ReportTest, BadRequests) {
  v1::ReportDocumentRequest r;
  v1::ReportDocument doc;
  EXPECT_EQ(RenderReport(sources_, r, &doc).code(),
            Status::Code::kInvalidArgument);
  r.set_kind(v1::MONTHLY_BULLETIN);
  r.set_month("2025-9");
  EXPECT_EQ(RenderReport(sources_, r, &doc).message(),
            "month '2025-9' is not of the form YYYY-MM");
  r.set_kind(v1::RECTIFICATION_NOTICE);
  r.set_item_id("nope");
  EXPECT_EQ(RenderReport(sources_, r, &doc).code(), Status::Code::kNotFound);
  ReportSources no_ledger;
  no_ledger.campaign = c_.get();
  EXPECT_EQ(RenderReport(no_ledger, r, &doc).message(),
            "a rectification notice needs the ledger");
  r.set_kind(v1::UNIT_DOSSIER);
  r.set_unit_id("zhiguan");
  EXPECT_EQ(RenderReport(sources_, r, &doc).message(),
            "unit 'zhiguan' does not exist");
  // Without the ledger and evidence the bulletin says so instead of guessing.
  r.set_kind(v1::MONTHLY_BULLETIN);
  r.set_month("2025-09");
  ASSERT_TRUE(RenderReport(no_ledger, r, &doc).ok());
  EXPECT_NE(doc.content().find("（未接入督查台账。）"), std::string::npos);
}

// A host that sets a comma-decimal locale gets the same bulletin (and its
// SVG), dossier CSV, ranking CSV and JSON as one in the C locale.
TEST_F(ReportTest, OutputDoesNotDependOnTheHostLocale) {
  auto everything = [&]() {
    std::string out;
    out += Render(v1::MONTHLY_BULLETIN, v1::HTML).content();
    out += Render(v1::MONTHLY_BULLETIN, v1::MARKDOWN).content();
    out += Render(v1::UNIT_DOSSIER, v1::CSV).content();
    v1::RankingTable table;
    EXPECT_TRUE(RankPeriod(*c_, "2025", "", &table).ok());
    out += RankingTableToCsv(table);
    std::string json;
    EXPECT_TRUE(Encode(table, Format::kJson, &json).ok());
    return out + json;
  };
  const std::string in_c = everything();
  ASSERT_NE(std::setlocale(LC_ALL, "de_DE.UTF-8"), nullptr)
      << "the de_DE.UTF-8 locale is missing (scripts/setup.sh generates it)";
  char probe[16];
  std::snprintf(probe, sizeof probe, "%.2f", 1.5);
  EXPECT_STREQ(probe, "1,50");  // The host's locale is really in force.
  const std::string in_de = everything();
  std::setlocale(LC_ALL, "C");
  EXPECT_EQ(in_de, in_c);
  EXPECT_NE(in_c.find(".5"), std::string::npos);
}

}  // namespace
}  // namespace chuangwen
