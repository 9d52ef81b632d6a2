// The project's own wording of each document. Integrators replace any of
// them per request (ReportDocumentRequest.templates) without recompiling.
#include <map>

#include "chuangwen/report.h"

namespace chuangwen {
namespace {

const char kMonthlyMd[] = R"(# {{issuer}}

## 关于{{month_cn}}创建工作考核情况的通报
{{#number}}

{{number}}
{{/number}}

{{recipients}}：

根据《{{plan_title}}》的要求，{{issuer}}对各单位{{month_cn}}{{component_name}}情况进行了量化评分和排名。现将有关情况通报如下：

### 一、考核排名

| 名次 | 单位 | 得分 | 等次 | 说明 |
|---:|---|---:|---|---|
{{#rows}}
| {{rank}} | {{unit}} | {{score}} | {{grade}} | {{note}} |
{{/rows}}

### 二、通报表扬

{{#commended}}
- {{unit}}（{{score}}分）
{{/commended}}
{{^commended}}
本月无。
{{/commended}}

### 三、通报批评

{{#criticized}}
- {{unit}}（{{score}}分）{{note}}
{{/criticized}}
{{^criticized}}
本月无。
{{/criticized}}

### 四、逾期未整改问题

{{#has_ledger}}
{{#overdue}}
| 通知书编号 | 责任单位 | 整改期限 | 逾期工作日 |
|---|---|---|---:|
{{#items}}
| {{number}} | {{unit}} | {{deadline}} | {{late}} |
{{/items}}
{{/overdue}}
{{^overdue}}
截至{{date_cn}}，无逾期未整改问题。
{{/overdue}}
{{/has_ledger}}
{{^has_ledger}}
（未接入督查台账。）
{{/has_ledger}}

### 五、反复出现的问题

{{#repeated}}
- {{unit}}：{{category}}问题{{count}}次（{{first}}至{{last}}）
{{/repeated}}
{{^repeated}}
本月无。
{{/repeated}}

### 六、约谈建议

{{#escalations}}
- 建议对{{unit}}{{action}}：{{reason}}
{{/escalations}}
{{^escalations}}
本月无。
{{/escalations}}

### 七、资料报送情况

{{^evidence_required}}
本期无资料报送要求。
{{/evidence_required}}
{{#evidence_required}}
{{#has_evidence}}
{{#missing}}
- {{unit}}：{{task}}，{{kind}}{{shortfall}}（应于{{due}}前报送）
{{/missing}}
{{^missing}}
{{#none_due}}
本月无到期资料。
{{/none_due}}
{{^none_due}}
各单位资料均已按时报送。
{{/none_due}}
{{/missing}}
{{/has_evidence}}
{{^has_evidence}}
（未接入佐证资料。）
{{/has_evidence}}
{{/evidence_required}}

希望受到表扬的单位再接再厉；受到批评的单位要认真查找原因，限期整改，并将整改情况报{{issuer}}。

{{issuer}}
{{issue_date_cn}}
)";

const char kStyle[] = R"(
  @page { size: A4; margin: 2.2cm 2cm; }
  body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
         color: #111; max-width: 46em; margin: 2em auto; line-height: 1.8; }
  h1 { color: #b00; text-align: center; font-size: 1.9em; letter-spacing: 0.2em;
       border-bottom: 3px solid #b00; padding-bottom: 0.3em; }
  h2 { text-align: center; font-size: 1.35em; }
  h3 { font-size: 1.1em; margin-top: 1.4em; }
  .number { text-align: center; }
  table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
  th, td { border: 1px solid #444; padding: 0.2em 0.5em; }
  th { background: #eee; }
  td.num { text-align: right; }
  .sign { text-align: right; margin-top: 2em; }
  .chart { margin: 1em 0; }
  p.body { text-indent: 2em; }
)";

const char kMonthlyHtml[] = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>{{{style}}}</style>
</head>
<body>
<h1>{{issuer}}</h1>
<h2>关于{{month_cn}}创建工作考核情况的通报</h2>
<p class="number">{{number}}</p>
<p>{{recipients}}：</p>
<p class="body">根据《{{plan_title}}》的要求，{{issuer}}对各单位{{month_cn}}{{component_name}}情况进行了量化评分和排名。现将有关情况通报如下：</p>
<h3>一、考核排名</h3>
<table>
<tr><th>名次</th><th>单位</th><th>得分</th><th>等次</th><th>说明</th></tr>
{{#rows}}
<tr><td class="num">{{rank}}</td><td>{{unit}}</td><td class="num">{{score}}</td><td>{{grade}}</td><td>{{note}}</td></tr>
{{/rows}}
</table>
<div class="chart">{{{chart}}}</div>
<h3>二、通报表扬</h3>
{{#commended}}
<p>{{unit}}（{{score}}分）</p>
{{/commended}}
{{^commended}}
<p>本月无。</p>
{{/commended}}
<h3>三、通报批评</h3>
{{#criticized}}
<p>{{unit}}（{{score}}分）{{note}}</p>
{{/criticized}}
{{^criticized}}
<p>本月无。</p>
{{/criticized}}
<h3>四、逾期未整改问题</h3>
{{#has_ledger}}
{{#overdue}}
<table>
<tr><th>通知书编号</th><th>责任单位</th><th>整改期限</th><th>逾期工作日</th></tr>
{{#items}}
<tr><td>{{number}}</td><td>{{unit}}</td><td>{{deadline}}</td><td class="num">{{late}}</td></tr>
{{/items}}
</table>
{{/overdue}}
{{^overdue}}
<p>截至{{date_cn}}，无逾期未整改问题。</p>
{{/overdue}}
{{/has_ledger}}
{{^has_ledger}}
<p>（未接入督查台账。）</p>
{{/has_ledger}}
<h3>五、反复出现的问题</h3>
{{#repeated}}
<p>{{unit}}：{{category}}问题{{count}}次（{{first}}至{{last}}）</p>
{{/repeated}}
{{^repeated}}
<p>本月无。</p>
{{/repeated}}
<h3>六、约谈建议</h3>
{{#escalations}}
<p>建议对{{unit}}{{action}}：{{reason}}</p>
{{/escalations}}
{{^escalations}}
<p>本月无。</p>
{{/escalations}}
<h3>七、资料报送情况</h3>
{{^evidence_required}}
<p>本期无资料报送要求。</p>
{{/evidence_required}}
{{#evidence_required}}
{{#has_evidence}}
{{#missing}}
<p>{{unit}}：{{task}}，{{kind}}{{shortfall}}（应于{{due}}前报送）</p>
{{/missing}}
{{^missing}}
{{#none_due}}
<p>本月无到期资料。</p>
{{/none_due}}
{{^none_due}}
<p>各单位资料均已按时报送。</p>
{{/none_due}}
{{/missing}}
{{/has_evidence}}
{{^has_evidence}}
<p>（未接入佐证资料。）</p>
{{/has_evidence}}
{{/evidence_required}}
<p class="body">希望受到表扬的单位再接再厉；受到批评的单位要认真查找原因，限期整改，并将整改情况报{{issuer}}。</p>
<p class="sign">{{issuer}}<br>{{issue_date_cn}}</p>
</body>
</html>
)";

const char kNoticeMd[] = R"(# 整改通知书

{{number}}

{{unit}}：

{{found_cn}}，{{source}}发现你单位存在以下问题：

{{#findings}}
{{index}}. {{description}}{{#detail}}（{{detail}}）{{/detail}}
{{/findings}}

请按照“{{required_result}}”的要求，于{{working_days}}个工作日内（{{deadline_cn}}前）完成整改，并将整改情况及佐证材料报{{issuer}}。整改完成经复查合格后予以销号；逾期未完成的，将按有关规定予以通报。

{{issuer}}
{{date_cn}}
)";

const char kNoticeHtml[] = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>{{{style}}}</style>
</head>
<body>
<h1>整改通知书</h1>
<p class="number">{{number}}</p>
<p>{{unit}}：</p>
<p class="body">{{found_cn}}，{{source}}发现你单位存在以下问题：</p>
<ol>
{{#findings}}
<li>{{description}}{{#detail}}（{{detail}}）{{/detail}}</li>
{{/findings}}
</ol>
<p class="body">请按照“{{required_result}}”的要求，于{{working_days}}个工作日内（{{deadline_cn}}前）完成整改，并将整改情况及佐证材料报{{issuer}}。整改完成经复查合格后予以销号；逾期未完成的，将按有关规定予以通报。</p>
<p class="sign">{{issuer}}<br>{{date_cn}}</p>
</body>
</html>
)";

const char kDossierMd[] = R"(# {{unit}}创建工作档案

截至{{date_cn}}

## 一、承担任务

| 任务 | 名称 | 角色 |
|---|---|---|
{{#tasks}}
| {{id}} | {{title}} | {{role}} |
{{/tasks}}

## 二、近期到期事项（{{window}}）

{{#agenda}}
- {{due}} {{title}}
{{/agenda}}
{{^agenda}}
无。
{{/agenda}}

## 三、未销号问题

{{#open}}
| 通知书编号 | 整改期限 | 状态 |
|---|---|---|
{{#items}}
| {{number}} | {{deadline}} | {{status}} |
{{/items}}
{{/open}}
{{^open}}
无。
{{/open}}

## 四、考核得分与排名

| 月份 | 得分 | 名次 | 等次 |
|---|---:|---:|---|
{{#scores}}
| {{month}} | {{score}} | {{rank}} | {{grade}} |
{{/scores}}
)";

const char kDossierHtml[] = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>{{{style}}}</style>
</head>
<body>
<h1>{{unit}}创建工作档案</h1>
<p class="number">截至{{date_cn}}</p>
<h3>一、承担任务</h3>
<table>
<tr><th>任务</th><th>名称</th><th>角色</th></tr>
{{#tasks}}
<tr><td>{{id}}</td><td>{{title}}</td><td>{{role}}</td></tr>
{{/tasks}}
</table>
<h3>二、近期到期事项（{{window}}）</h3>
{{#agenda}}
<p>{{due}} {{title}}</p>
{{/agenda}}
{{^agenda}}
<p>无。</p>
{{/agenda}}
<h3>三、未销号问题</h3>
{{#open}}
<table>
<tr><th>通知书编号</th><th>整改期限</th><th>状态</th></tr>
{{#items}}
<tr><td>{{number}}</td><td>{{deadline}}</td><td>{{status}}</td></tr>
{{/items}}
</table>
{{/open}}
{{^open}}
<p>无。</p>
{{/open}}
<h3>四、考核得分与排名</h3>
<table>
<tr><th>月份</th><th>得分</th><th>名次</th><th>等次</th></tr>
{{#scores}}
<tr><td>{{month}}</td><td class="num">{{score}}</td><td class="num">{{rank}}</td><td>{{grade}}</td></tr>
{{/scores}}
</table>
<div class="chart">{{{chart}}}</div>
</body>
</html>
)";

const std::map<std::string, std::string>& Templates() {
  static const std::map<std::string, std::string> kTemplates = {
      {"monthly.md", kMonthlyMd}, {"monthly.html", kMonthlyHtml},
      {"notice.md", kNoticeMd},   {"notice.html", kNoticeHtml},
      {"dossier.md", kDossierMd}, {"dossier.html", kDossierHtml},
      {"style.css", kStyle}};
  return kTemplates;
}

}  // namespace

const std::string& DefaultReportTemplate(const std::string& name) {
  static const std::string kNone;
  auto it = Templates().find(name);
  return it == Templates().end() ? kNone : it->second;
}

std::vector<std::string> ReportTemplateNames() {
  std::vector<std::string> out;
  for (const auto& [name, text] : Templates()) out.push_back(name);
  return out;
}

}  // namespace chuangwen
