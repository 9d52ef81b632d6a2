// Plan import: the project's own fixtures in several styles (every numbering
// scheme, every responsibility label, each kind of noise, GB18030), and the
// two real plans in ../shared/samples checked against what a careful reader
// finds there. Every test also checks that no line is lost.
#include "chuangwen/plan_import.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <fstream>
#include <map>
#include <sstream>

#include "chuangwen/codec.h"

namespace chuangwen {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Fixture(const std::string& name) {
  return ReadText(std::string(CW_IMPORT_FIXTURES) + "/" + name);
}

// The extraction as written (no seating, stand-ins or proposals: those are
// tested in plan_chain_test.cc).
v1::ImportResult Import(const std::string& text, int year = 0) {
  v1::ImportOptions options;
  options.set_year(year);
  options.set_bare(true);
  v1::ImportResult r;
  Status s = ImportPlan(text, options, &r);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return r;
}

// Every non-blank line of the input (other than layout rules such as ---)
// is inside some provenance range or listed as skipped.
void ExpectNoLineLost(const std::string& utf8, const v1::ImportResult& r) {
  std::vector<bool> covered(static_cast<size_t>(r.lines()) + 2, false);
  auto cover = [&](int first, int last) {
    for (int i = first; i <= std::max(first, last); ++i)
      if (i >= 0 && static_cast<size_t>(i) < covered.size())
        covered[static_cast<size_t>(i)] = true;
  };
  for (const v1::Provenance& p : r.provenance())
    cover(p.source().first_line(), p.source().last_line());
  for (const v1::SkippedLine& s : r.skipped()) cover(s.line(), s.last_line());
  std::istringstream in(utf8);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string t;
    for (char c : line)
      if (c != ' ' && c != '\r' && c != '\t' && c != '#' && c != '-' &&
          c != '*')
        t += c;
    if (t.empty()) continue;
    EXPECT_TRUE(covered[static_cast<size_t>(n)])
        << "line " << n << " is lost: " << line;
  }
}

const v1::Task* FindTask(const v1::Campaign& c, const std::string& id) {
  for (const v1::Task& t : c.tasks())
    if (t.id() == id) return &t;
  return nullptr;
}

// "label: a、b" for each responsibility label of a task, in order.
std::vector<std::string> Lines(const v1::Campaign& c, const std::string& task) {
  std::vector<std::string> out;
  for (const v1::Assignment& a : c.assignments()) {
    if (a.task_id() != task) continue;
    const std::string party =
        a.person_id().empty() ? a.unit_id() : a.person_id();
    if (!out.empty() && out.back().rfind(a.label() + ":", 0) == 0) {
      out.back() += "、" + party;
    } else {
      out.push_back(a.label() + ":" + party);
    }
  }
  return out;
}

std::map<std::string, std::string> Members(const v1::Campaign& c,
                                           const std::string& body) {
  std::map<std::string, std::string> out;  // role name → people, in order.
  for (const v1::Body& b : c.bodies()) {
    if (b.id() != body) continue;
    for (const v1::Member& m : b.members()) {
      std::string& v = out[v1::MemberRole_Name(m.role())];
      v += (v.empty() ? "" : "、") +
           (m.person_id().empty() ? "[" + m.unit_id() + "]" : m.person_id());
    }
  }
  return out;
}

std::vector<std::string> Phases(const v1::Campaign& c) {
  std::vector<std::string> out;
  for (const v1::Phase& p : c.schedule().phases())
    out.push_back(p.name() + " " + p.start() + ".." + p.end());
  return out;
}

std::string Rule(const v1::Duty& d) {
  std::string json;
  EXPECT_TRUE(Encode(d.rule(), Format::kJson, &json).ok());
  return json;
}

// ---- The project's own fixtures
// -----------------------------------------------

TEST(PlanImportTest, FiveLevelsOfNumberingEveryLabelAndTheOrganization) {
  const std::string text = Fixture("levels.txt");
  v1::ImportResult r = Import(text);
  const v1::Campaign& c = r.campaign();
  ExpectNoLineLost(text, r);
  EXPECT_EQ(r.skipped_size(), 0);
  EXPECT_EQ(r.encoding(), "UTF-8");
  // Header.
  ASSERT_GE(c.documents_size(), 2);
  const v1::Document& plan = c.documents(0);
  EXPECT_EQ(plan.number(), "青园林〔2024〕15号");
  EXPECT_EQ(plan.issuer(), "青川市园林绿化管理局");
  EXPECT_EQ(plan.issue_date(), "2024-04-02");
  EXPECT_EQ(plan.signer(), "秦德厚");
  EXPECT_EQ(
      plan.title(),
      "关于印发《青川市园林绿化管理局2024年创建全国文明城市工作方案》的通知");
  EXPECT_EQ(c.name(), "青川市园林绿化管理局2024年创建全国文明城市工作方案");
  EXPECT_EQ(std::vector<std::string>(plan.recipients().begin(),
                                     plan.recipients().end()),
            (std::vector<std::string>{"局属各科室", "各管理所"}));
  EXPECT_EQ(std::vector<std::string>(plan.copied_to().begin(),
                                     plan.copied_to().end()),
            (std::vector<std::string>{"市文明办", "市城管委"}));
  EXPECT_EQ(c.documents(1).number(), "青办〔2024〕7号");  // 【】 read as 〔〕.
  EXPECT_EQ(c.documents(1).title(), "青川市创建全国文明城市工作方案");
  // Organization.
  EXPECT_EQ(Members(c, "leading-group"),
            (std::map<std::string, std::string>{
                {"MEMBER_ROLE_LEADER", "秦德厚"},
                {"MEMBER_ROLE_DEPUTY_LEADER", "庞文静、俞志刚"},
                // 各科室负责同志: each section, seated by its head.
                {"MEMBER_ROLE_MEMBER",
                 "[公园管理科]、[宣传科]、[绿化养护科]、[办公室]、[督查科]"}}));
  EXPECT_EQ(Members(c, "office"), (std::map<std::string, std::string>{
                                      {"MEMBER_ROLE_DIRECTOR", "俞志刚"},
                                      {"MEMBER_ROLE_DEPUTY_DIRECTOR", "卜晓燕"},
                                      {"MEMBER_ROLE_LIAISON", "祁海波"}}));
  EXPECT_EQ(Members(c, "group-综合协调组"),
            (std::map<std::string, std::string>{
                {"MEMBER_ROLE_LEADER", "庞文静"},
                {"MEMBER_ROLE_MEMBER", "卜晓燕、祁海波"}}));
  for (const v1::Body& b : c.bodies()) {
    if (b.id() == "group-效能督查组") {
      ASSERT_EQ(b.duties_size(), 1);
      EXPECT_EQ(b.duties(0), "负责日常督查、问题交办和挂账销号。");
    }
    if (b.id() == "office") {
      EXPECT_EQ(b.host_unit_id(), "办公室");
    }
  }
  for (const v1::Person& p : c.people())
    if (p.id() == "祁海波") {
      EXPECT_EQ(p.contact(), "13800000017");
    }
  for (const v1::Body& b : c.bodies()) {
    for (const v1::Member& m : b.members()) {
      if (!m.unit_id().empty()) {
        EXPECT_EQ(m.note(), "各科室负责同志");
      }
    }
  }
  // Tasks: 一、 is the section; （一）1.（1）① nest four levels below it.
  std::vector<std::string> ids, numbering;
  for (const v1::Task& t : c.tasks()) {
    ids.push_back(t.id());
    numbering.push_back(t.numbering());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "1.1", "1.1.1", "1.1.1.1",
                                           "1.1.1.2", "1.1.2", "1.2", "2",
                                           "2.1", "2.2", "3", "4"}));
  EXPECT_EQ(numbering[3], "①");
  EXPECT_EQ(FindTask(c, "1.1.1.1")->title(),
            "清理游乐设施周边摊点，做到日常巡查");
  EXPECT_EQ(FindTask(c, "1.1.1.1")->parent_id(), "1.1.1");
  EXPECT_EQ(Lines(c, "1.1.2"),
            (std::vector<std::string>{"责任领导:庞文静", "责任科室:公园管理科",
                                      "协助单位:宣传科"}));
  EXPECT_EQ(Lines(c, "1.2"),
            (std::vector<std::string>{"牵头领导:俞志刚", "牵头单位:绿化养护科",
                                      "配合单位:公园管理科、市政绿化所"}));
  EXPECT_EQ(Lines(c, "2"),
            (std::vector<std::string>{"责任处室:宣传科", "责任单位:办公室"}));
  // Sub-tasks without lines of their own take the parent's.
  EXPECT_EQ(Lines(c, "2.1"), Lines(c, "2"));
  EXPECT_EQ(Lines(c, "2.2"), Lines(c, "2"));
  EXPECT_EQ(Lines(c, "3"), (std::vector<std::string>{"责任部门:办公室",
                                                     "牵头责任部门:督查科"}));
  EXPECT_EQ(Lines(c, "4"), (std::vector<std::string>{"牵头部门:绿化养护科"}));
  for (const v1::Assignment& a : c.assignments()) {
    if (a.label() == "牵头责任部门") {
      EXPECT_EQ(a.role(), v1::ASSIGNMENT_ROLE_LEAD_UNIT);
    }
    if (a.label() == "配合单位") {
      EXPECT_EQ(a.role(), v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
    }
    if (a.label() == "责任处室") {
      EXPECT_EQ(a.role(), v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
    }
  }
  // Schedule: 4月15日前, 4月—8月, 8-9月, 12月份.
  EXPECT_EQ(Phases(c),
            (std::vector<std::string>{"动员部署阶段 ..2024-04-15",
                                      "集中整治阶段 2024-04-01..2024-08-31",
                                      "迎检阶段 2024-08-01..2024-09-30",
                                      "总结阶段 2024-12-01..2024-12-31"}));
  // Duties: 每半月 by the inspection group, 每季度, 每周五, 每月25日前,
  // 每月底前.
  ASSERT_EQ(c.schedule().duties_size(), 5);
  EXPECT_EQ(c.schedule().duties(0).owner_body_id(), "group-效能督查组");
  EXPECT_EQ(Rule(c.schedule().duties(0)),
            R"({"semi_monthly":{"first_day":0,"second_day":0}})");
  EXPECT_EQ(
      Rule(c.schedule().duties(1)),
      R"({"every_n_months":{"interval":3,"start_month":"2024-03","day":31}})");
  EXPECT_EQ(Rule(c.schedule().duties(2)), R"({"weekly":{"weekday":"FRIDAY"}})");
  EXPECT_EQ(c.schedule().duties(2).owner_unit_kind(), "section");
  EXPECT_EQ(c.schedule().duties(2).recipient(), "局办公室");
  EXPECT_EQ(Rule(c.schedule().duties(3)), R"({"monthly":{"day":25}})");
  EXPECT_EQ(Rule(c.schedule().duties(4)), R"({"month_end":{}})");
  // Mechanisms kept as text with what they contain.
  std::map<std::string, std::vector<std::string>> flags;
  for (const v1::TextBlock& b : c.text_blocks())
    flags[b.title()] = {b.flags().begin(), b.flags().end()};
  EXPECT_EQ(
      flags["严格考核奖惩"],
      (std::vector<std::string>{"一票否决", "排名", "通报批评", "量化评分"}));
  EXPECT_EQ(flags["建立督查制度"],
            (std::vector<std::string>{"挂账销号", "整改通知书", "限期整改"}));
  // The gaps a reviewer must fill: ① and ② have no responsible unit.
  ASSERT_EQ(r.problems().problems_size(), 2);
  EXPECT_EQ(r.problems().problems(0).code(),
            v1::PROBLEM_CODE_NO_RESPONSIBLE_UNIT);
  // Provenance: task 1.2 spans its title and its three lines.
  bool found = false;
  for (const v1::Provenance& p : r.provenance()) {
    if (p.kind() == "task" && p.id() == "1.2") {
      found = true;
      EXPECT_EQ(p.source().last_line() - p.source().first_line(), 3);
    }
  }
  EXPECT_TRUE(found);
}

TEST(PlanImportTest, WebPageNoiseShiNumberingAndPlaceholders) {
  const std::string text = Fixture("webpage.txt");
  v1::ImportResult r = Import(text);
  const v1::Campaign& c = r.campaign();
  ExpectNoLineLost(text, r);
  // Chrome and the repeated block are set aside, each with why.
  std::vector<std::string> fates;
  for (const v1::SkippedLine& s : r.skipped())
    fates.push_back(std::to_string(s.line()) + " " +
                    v1::LineFate_Name(s.fate()));
  EXPECT_EQ(fates, (std::vector<std::string>{"1 WEB_CHROME", "3 WEB_CHROME",
                                             "31 DUPLICATE", "32 DUPLICATE",
                                             "33 DUPLICATE", "34 WEB_CHROME"}));
  EXPECT_EQ(r.skipped(2).note(), "repeats line 28");
  // [2017] and the issuer leading the notice title.
  EXPECT_EQ(c.documents(0).number(), "青交文〔2017〕4号");
  EXPECT_EQ(c.documents(0).issuer(), "青川市交通运输局");
  EXPECT_EQ(c.name(), "20XX年文明创建工作计划");
  // 一是 … 四是 with 1、 2、 below 二是; the line broken by a page break is
  // one.
  std::vector<std::string> titles;
  for (const v1::Task& t : c.tasks())
    titles.push_back(t.id() + " " + t.title());
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "1 开展窗口文明服务", "2 开展学雷锋志愿服务",
                        "2.1 组织志愿者到公交站点开展文明劝导",
                        "2.2 开展“文明让座日”宣传", "3 抓好安全生产",
                        "4 开展节能减排"}));
  EXPECT_NE(FindTask(c, "1")->text().find("示范作用，树立行业新形象"),
            std::string::npos);
  EXPECT_EQ(Lines(c, "1"),
            (std::vector<std::string>{"责任部门:办公室、运管科、客运站"}));
  EXPECT_EQ(Lines(c, "2"), (std::vector<std::string>{
                               "牵头单位:团委", "配合单位:办公室、运管科"}));
  EXPECT_EQ(Lines(c, "2.2"), Lines(c, "2"));
  // 20XX read with the year of the 文号.
  EXPECT_EQ(Phases(c), (std::vector<std::string>{
                           "第一阶段：动员部署 2017-03-01..2017-03-31",
                           "第二阶段：全面实施 2017-04-01..2017-10-31",
                           "第三阶段：总结验收 2017-11-01..2017-12-31"}));
  EXPECT_EQ(r.notes(0), "dates without a year (or with 20XX) read as 2017");
  // 每月10日前 and 7月份报送.
  ASSERT_EQ(c.schedule().duties_size(), 2);
  EXPECT_EQ(Rule(c.schedule().duties(0)), R"({"monthly":{"day":10}})");
  EXPECT_EQ(Rule(c.schedule().duties(1)),
            R"({"one_off":{"date":"2017-07-31"}})");
  // The task nobody is responsible for is a problem to review.
  ASSERT_EQ(r.problems().problems_size(), 1);
  EXPECT_EQ(
      r.problems().problems(0).message(),
      "task 3 has no responsible or lead unit (nor has any task above it)");
  // Without any year in the text, placeholders stay unread and say so.
  std::string no_year = text;
  for (size_t p; (p = no_year.find("[2017]")) != std::string::npos;)
    no_year.replace(p, 6, "");
  v1::ImportResult unread = Import(no_year);
  EXPECT_EQ(unread.campaign().schedule().phases(0).start(), "");
  v1::ImportResult given = Import(no_year, 2026);
  EXPECT_EQ(given.campaign().schedule().phases(0).start(), "2026-03-01");
}

TEST(PlanImportTest, Gb18030InputReadsLikeUtf8) {
  const std::string utf8 = Fixture("gbk.txt");
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string gbk(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = gbk.size();
  char* out = gbk.data();
  ASSERT_NE(iconv(cd, &in, &in_left, &out, &out_left), static_cast<size_t>(-1));
  iconv_close(cd);
  gbk.resize(gbk.size() - out_left);
  ASSERT_NE(gbk, utf8);
  v1::ImportResult a = Import(utf8), b = Import(gbk);
  EXPECT_EQ(b.encoding(), "GB18030");
  EXPECT_EQ(a.campaign().DebugString(), b.campaign().DebugString());
  const v1::Campaign& c = b.campaign();
  EXPECT_EQ(c.documents(0).number(), "新事文〔2014〕25号");
  EXPECT_EQ(c.documents(0).issue_date(), "2014-07-31");
  // "1 ．" and "（ 1 ）": headings with odd spacing.
  std::vector<std::string> ids;
  for (const v1::Task& t : c.tasks()) ids.push_back(t.id() + " " + t.title());
  EXPECT_EQ(ids,
            (std::vector<std::string>{"1 整治办公环境", "1.1 清理楼道杂物",
                                      "1.2 规范车辆停放", "2 开展志愿服务"}));
  EXPECT_EQ(Lines(c, "1.2"),
            (std::vector<std::string>{"责任科室:保卫科", "配合科室:后勤科"}));
  EXPECT_EQ(Phases(c),
            (std::vector<std::string>{"整治阶段 2014-08-01..2014-10-31",
                                      "验收阶段 2014-11-01..2014-11-30"}));
  ExpectNoLineLost(utf8, a);
}

TEST(PlanImportTest, BadInputAndBadOptions) {
  v1::ImportResult r;
  v1::ImportOptions options;
  EXPECT_EQ(ImportPlan("\xff\xff\xff\x80", options, &r).code(),
            Status::Code::kParseError);
  options.set_encoding("latin-1");
  EXPECT_EQ(ImportPlan("text", options, &r).message(),
            "encoding 'latin-1' is not one of utf-8, gb18030");
  options.set_encoding("utf-8");
  EXPECT_EQ(ImportPlan("\xb9\xa4\xd7\xf7", options, &r).code(),
            Status::Code::kParseError);
  options.set_encoding("");
  options.set_year(17);
  EXPECT_EQ(ImportPlan("text", options, &r).code(),
            Status::Code::kInvalidArgument);
  // Empty text, or text with no structure at all, still gives a result.
  options.set_year(0);
  ASSERT_TRUE(ImportPlan("", options, &r).ok());
  EXPECT_EQ(r.campaign().tasks_size(), 0);
  ASSERT_TRUE(ImportPlan("随便写的一句话\n", options, &r).ok());
  ASSERT_EQ(r.skipped_size(), 1);
  EXPECT_EQ(r.skipped(0).fate(), v1::NOT_UNDERSTOOD);
}

// ---- The real plans in ../shared/samples
// ----------------------------------------

std::string Sample(const std::string& name) {
  return ReadText(std::string(CW_SAMPLES_DIR) + "/" + name);
}

TEST(PlanImportSamplesTest, Zhengzhou2017) {
  const std::string text = Sample("plan-zhengzhou-2017.txt");
  if (text.empty()) GTEST_SKIP() << "../shared/samples is not present";
  v1::ImportResult r = Import(text);
  const v1::Campaign& c = r.campaign();
  ExpectNoLineLost(text, r);
  const v1::Document& plan = c.documents(0);
  EXPECT_EQ(plan.number(), "郑修管〔2017〕8号");
  EXPECT_EQ(plan.issue_date(), "2017-03-13");
  EXPECT_EQ(plan.issuer(), "郑州市机动车修配管理处");
  EXPECT_EQ(c.name(), "郑州市机动车修配管理处深化全国文明城市创建工作方案");
  ASSERT_EQ(c.documents_size(), 3);
  EXPECT_EQ(c.documents(1).number(), "郑办〔2017〕10号");
  EXPECT_EQ(c.documents(2).number(), "郑交〔2017〕82号");
  EXPECT_EQ(Members(c, "leading-group"),
            (std::map<std::string, std::string>{
                {"MEMBER_ROLE_LEADER", "李群柱"},
                {"MEMBER_ROLE_DEPUTY_LEADER", "李正光"},
                {"MEMBER_ROLE_MEMBER", "徐流海、马建军、魏治国"}}));
  std::map<std::string, std::string> office = Members(c, "office");
  EXPECT_EQ(office["MEMBER_ROLE_DIRECTOR"], "李正光");
  EXPECT_EQ(office["MEMBER_ROLE_LIAISON"], "王楠");
  EXPECT_EQ(office["MEMBER_ROLE_MEMBER"],
            "王洋、郭宏伟、刘俊、范振安、李杰、王楠");
  for (const v1::Person& p : c.people())
    if (p.id() == "王楠") {
      EXPECT_EQ(p.contact(), "18737121296");
    }
  // Every task with its leader, section and assisting units.
  std::vector<std::string> titles;
  for (const v1::Task& t : c.tasks())
    titles.push_back(t.id() + " " + t.title());
  EXPECT_EQ(titles,
            (std::vector<std::string>{
                "1 强化实地环境整治工作", "2 抓好道德风尚建设工作",
                "2.1 突出培育和践行社会主义核心价值观",
                "2.2 突出推进学雷锋志愿服务制度化", "2.3 突出诚信建设制度化",
                "2.4 突出提升干部职工文明旅游素养", "2.5 突出勤俭节约宣传教育",
                "2.6 突出抓好传统节日和重大纪念日活动",
                "3 认真做好上报材料的整理工作"}));
  const std::string all4 = "资审科、市管科、质管科、车管科";
  const std::string all4b = "资审科、质管科、市管科、车管科";
  const std::map<std::string, std::vector<std::string>> expected = {
      {"1",
       {"责任领导:马建军", "责任科室:市管科",
        "协助单位:市管科、资审科、质管科"}},
      {"2.1",
       {"责任领导:李群柱、李正光", "责任科室:办公室", "责任单位:" + all4}},
      {"2.2", {"责任领导:李正光", "责任处室:办公室", "责任单位:" + all4}},
      {"2.3",
       {"责任领导:徐流海", "责任处室:质管科",
        "责任单位:办公室、资审科、市管科、车管科"}},
      {"2.4", {"责任领导:魏治国", "责任科室:办公室", "责任单位:" + all4b}},
      {"2.5", {"责任领导:李群柱", "责任科室:办公室", "责任单位:" + all4b}},
      {"2.6", {"责任领导:李正光", "责任科室:办公室", "责任单位:" + all4b}},
      {"3", {}}};
  for (const auto& [task, lines] : expected)
    EXPECT_EQ(Lines(c, task), lines) << task;
  EXPECT_EQ(Phases(c),
            (std::vector<std::string>{
                "动员阶段 ..2017-03-15", "集中整治阶段 2017-01-01..2017-08-31",
                "迎接中央检查验收阶段 2017-08-01..2017-09-30",
                "巩固提高阶段 2017-10-01..2017-12-31"}));
  // The copy-pasted end of section 六 is kept once.
  int duplicates = 0;
  for (const v1::SkippedLine& s : r.skipped()) {
    EXPECT_EQ(s.fate(), v1::DUPLICATE) << s.line() << " " << s.text();
    ++duplicates;
  }
  EXPECT_EQ(duplicates, 6);
  // Mechanisms: supervision, assessment, penalty with their items.
  std::map<v1::TextBlockKind, std::vector<std::string>> flags;
  for (const v1::TextBlock& b : c.text_blocks())
    if (b.flags_size() > 0)
      flags[b.kind()] = {b.flags().begin(), b.flags().end()};
  EXPECT_EQ(flags[v1::ASSESSMENT],
            (std::vector<std::string>{"排名", "量化评分"}));
  EXPECT_EQ(flags[v1::PENALTY],
            (std::vector<std::string>{"约谈", "组织措施", "绩效考评",
                                      "通报批评", "通报表扬"}));
  // What a reviewer must look at: the document's own gaps.
  ASSERT_EQ(r.problems().problems_size(), 2);
  EXPECT_EQ(
      r.problems().problems(0).message(),
      "task 3 has no responsible or lead unit (nor has any task above it)");
  EXPECT_EQ(r.problems().problems(1).message(),
            "task 1: unit '市管科' is both responsible for and assisting it");
}

TEST(PlanImportSamplesTest, LaoshanTemplate) {
  const std::string text = Sample("plan-laoshan-template.txt");
  if (text.empty()) GTEST_SKIP() << "../shared/samples is not present";
  v1::ImportResult r = Import(text);
  const v1::Campaign& c = r.campaign();
  ExpectNoLineLost(text, r);
  EXPECT_EQ(r.skipped_size(), 0);
  ASSERT_EQ(c.tasks_size(), 13);
  EXPECT_EQ(c.tasks(0).numbering(), "一是");
  EXPECT_EQ(c.tasks(12).numbering(), "十三是");
  EXPECT_EQ(c.tasks(12).title(), "抓好交通文化建设");
  const std::vector<std::vector<std::string>> expected = {
      {"责任部门:"
       "办公室、综合科、货运科、查验科、维修处、检测站、稽查大队、景区所、王哥"
       "庄所"},
      {"牵头责任部门:办公室、综合科"},
      {"责任部门:公路建设管理中心、交战办、维修处、办公室"},
      {"牵头责任部门:办公室、综合科"},
      {"牵头责任部门:综合科"},
      {"牵头责任部门:综合科"},
      {"责任部门:综合科、客运科、稽查大队、景区所、王哥庄所"},
      {"责任部门:客运科、综合科、公路建设管理中心、交战办、管理科"},
      {"牵头责任部门:综合科"},
      {"牵头责任部门:综合科"},
      {"牵头责任部门:办公室"},
      {"牵头责任部门:办公室、综合科"},
      {"牵头责任部门:办公室"}};
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(Lines(c, std::to_string(i + 1)), expected[i]) << "task " << i + 1;
  // Five phases; 20XX read as the year in the title.
  EXPECT_EQ(Phases(c),
            (std::vector<std::string>{
                "第一阶段：研究制定创建工作方案 2023-03-01..2023-03-31",
                "第二阶段：宣传发动 2023-04-01..2023-04-30",
                "第三阶段：全面实施 2023-04-01..2023-10-31",
                "第四阶段：自查自纠 2023-11-01..2023-11-30",
                "第五阶段：巩固提高 2023-12-01..2023-12-31"}));
  std::map<std::string, std::string> group = Members(c, "leading-group");
  EXPECT_EQ(group["MEMBER_ROLE_LEADER"], "李巧凤");
  // 各部门负责人为成员: every department seated; 各分管领导 is left as a note.
  EXPECT_EQ(std::count(group["MEMBER_ROLE_MEMBER"].begin(),
                       group["MEMBER_ROLE_MEMBER"].end(), '['),
            13);
  EXPECT_EQ(r.notes(1),
            "任副组长: 各分管领导 (not a named person; review the members)");
  ASSERT_EQ(c.schedule().duties_size(), 2);
  EXPECT_EQ(Rule(c.schedule().duties(0)), R"({"monthly":{"day":20}})");
  EXPECT_EQ(c.schedule().duties(0).recipient(), "局办公室");
  EXPECT_EQ(Rule(c.schedule().duties(1)),
            R"({"one_off":{"date":"2023-04-20"}})");
  EXPECT_EQ(r.problems().problems_size(), 0);
}

}  // namespace
}  // namespace chuangwen

namespace chuangwen {
namespace {

// The responsibilities of one task as "role label: party" strings.
std::vector<std::string> PartiesOf(const v1::Campaign& c, const std::string& task) {
  std::vector<std::string> out;
  for (const v1::Assignment& a : c.assignments())
    if (a.task_id() == task)
      out.push_back(a.label() + ":" + (a.person_id().empty() ? a.unit_id() : a.person_id()));
  return out;
}

// A task table (tab-separated, as pasted from Word or read from a .docx),
// responsibilities in brackets after a task or on the next line, and several
// labels glued on one line.
TEST(PlanImportTest, TaskTablesBracketsAndGluedLabels) {
  const std::string text = Fixture("table.txt");
  v1::ImportResult r = Import(text);
  const v1::Campaign& c = r.campaign();
  ExpectNoLineLost(text, r);
  std::vector<std::string> tasks;
  for (const v1::Task& t : c.tasks()) tasks.push_back(t.id() + " " + t.title());
  EXPECT_EQ(tasks, (std::vector<std::string>{
                       "1 市容环境整治",
                       "1.1 开展背街小巷综合整治，补齐路灯和排水设施",
                       "1.2 清理主次干道占道经营",
                       "2 窗口服务提升",
                       "2.1 推行政务服务“一窗受理”",
                       "2.2 规范窗口服务礼仪",
                       "2.3 开展志愿服务进窗口活动"}));
  EXPECT_EQ(PartiesOf(c, "1.1"),
            (std::vector<std::string>{"责任领导:蔡晓峰", "牵头单位:区城管局",
                                      "配合单位:区住建局", "配合单位:各街道"}));
  // The row below with only a unit adds to the task above.
  EXPECT_EQ(PartiesOf(c, "1.2"),
            (std::vector<std::string>{"责任领导:蔡晓峰", "牵头单位:区城管局",
                                      "配合单位:区市场监管局", "配合单位:区公安分局"}));
  EXPECT_EQ(PartiesOf(c, "2.1"),
            (std::vector<std::string>{"牵头单位:区政务服务中心",
                                      "配合单位:区各职能部门"}));
  EXPECT_EQ(PartiesOf(c, "2.2"),
            (std::vector<std::string>{"牵头领导:邵明", "责任部门:区政务服务中心",
                                      "配合部门:区总工会"}));
  EXPECT_EQ(PartiesOf(c, "2.3"),
            (std::vector<std::string>{"责任单位:团区委", "责任单位:区文明办"}));
  for (const v1::Task& t : c.tasks())
    if (t.id() == "1.1") {
      EXPECT_NE(t.text().find("完成时限：2025年6月底"), std::string::npos);
    }
}

}  // namespace
}  // namespace chuangwen

namespace chuangwen {
namespace {

// Names padded for alignment are one person; a 、 inside brackets does not
// split a seat; ㈠ and 一要 number tasks.
TEST(PlanImportTest, PaddedNamesBracketedListsAndMoreNumberings) {
  const std::string text =
      "柳溪镇2025年创建文明乡镇工作方案\n"
      "一、组织领导\n"
      "成立柳溪镇创建工作领导小组。\n"
      "组  长：赵  军\n"
      "副组长：李 明、王小红\n"
      "成  员：各办（站、所）负责人\n"
      "二、主要任务\n"
      "㈠环境整治\n"
      "一要清理河道垃圾。牵头单位：镇农业农村办（水利站、环卫所）\n"
      "二要整治房前屋后。牵头单位：各村\n"
      "㈡文明实践\n";
  v1::ImportResult r = Import(text);
  const v1::Campaign& c = r.campaign();
  ExpectNoLineLost(text, r);
  std::vector<std::string> people;
  for (const v1::Person& p : c.people()) people.push_back(p.name());
  EXPECT_EQ(people, (std::vector<std::string>{"赵军", "李明", "王小红"}));
  std::vector<std::string> tasks;
  for (const v1::Task& t : c.tasks())
    tasks.push_back(t.id() + " " + t.numbering() + " " + t.title());
  EXPECT_EQ(tasks, (std::vector<std::string>{"1 ㈠ 环境整治", "1.1 一要 清理河道垃圾",
                                             "1.2 二要 整治房前屋后", "2 ㈡ 文明实践"}));
  EXPECT_EQ(PartiesOf(c, "1.1"),
            (std::vector<std::string>{"牵头单位:镇农业农村办（水利站、环卫所）"}));
}

}  // namespace
}  // namespace chuangwen
