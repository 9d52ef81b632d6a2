// Building the documents: the data each template renders, the charts, and
// the CSV tables.
#include "chuangwen/report.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "chuangwen/assessment.h"
#include "chuangwen/date.h"
#include "chuangwen/evidence.h"
#include "chuangwen/ledger.h"
#include "chuangwen/schedule.h"
#include "chuangwen/template.h"
#include "common/numbers.h"
#include "common/safe_text.h"

namespace chuangwen {
namespace {

std::string DateCn(const std::string& iso) {
  Date d;
  if (!ParseIsoDate(iso, &d).ok()) return iso;
  return std::to_string(static_cast<int>(d.year())) + "年" +
         std::to_string(static_cast<int>(d.month())) + "月" +
         std::to_string(static_cast<int>(d.day())) + "日";
}

std::string MonthCn(const std::string& month) {
  if (month.size() != 7) return month;
  return month.substr(0, 4) + "年" +
         std::to_string(std::stoi(month.substr(5, 2))) + "月";
}

std::string MonthEnd(const std::string& month) {
  Date d;
  if (!ParseIsoDate(month + "-01", &d).ok()) return "";
  return FormatIsoDate(d.end_of_month());
}

std::string Fixed(double v, int decimals = 2) {
  return internal::FormatFixed(v, decimals);
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

using internal::CsvRow;

// Scores by unit, one horizontal bar each.
std::string BarChartSvg(const std::vector<std::pair<std::string, double>>& bars,
                        const std::set<std::string>& good,
                        const std::set<std::string>& bad) {
  const int label_w = 150, bar_w = 420, row_h = 26, top = 30;
  const int height = top + row_h * static_cast<int>(bars.size()) + 10;
  double max = 0;
  for (const auto& [label, v] : bars) max = std::max(max, v);
  if (max <= 0) max = 1;
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"" +
      std::to_string(height) + "\" viewBox=\"0 0 640 " +
      std::to_string(height) + "\" role=\"img\" aria-label=\"各单位得分\">";
  svg +=
      "<text x=\"0\" y=\"18\" font-size=\"15\" "
      "font-weight=\"bold\">各单位得分</text>";
  int y = top;
  for (const auto& [label, v] : bars) {
    const int w = static_cast<int>(std::lround(v / max * bar_w));
    const char* color = good.count(label)  ? "#2e7d32"
                        : bad.count(label) ? "#c62828"
                                           : "#4a6fa5";
    svg += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" +
           std::to_string(y + 17) + "\" font-size=\"13\" text-anchor=\"end\">" +
           XmlEscape(label) + "</text>";
    svg += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" +
           std::to_string(y + 4) + "\" width=\"" +
           std::to_string(std::max(w, 1)) + "\" height=\"18\" fill=\"" + color +
           "\"/>";
    svg += "<text x=\"" + std::to_string(label_w + w + 6) + "\" y=\"" +
           std::to_string(y + 17) + "\" font-size=\"12\">" + Fixed(v) +
           "</text>";
    y += row_h;
  }
  return svg + "</svg>";
}

// A unit's rank over the months (1 at the top).
std::string RankLineSvg(const std::vector<std::pair<std::string, int>>& points,
                        int units) {
  const int w = 620, h = 240, left = 40, right = 20, top = 30, bottom = 40;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(w) + "\" height=\"" + std::to_string(h) +
                    "\" viewBox=\"0 0 " + std::to_string(w) + " " +
                    std::to_string(h) +
                    "\" role=\"img\" aria-label=\"名次变化\">";
  svg +=
      "<text x=\"0\" y=\"18\" font-size=\"15\" "
      "font-weight=\"bold\">名次变化</text>";
  if (points.empty() || units < 1) return svg + "</svg>";
  const double plot_w = w - left - right, plot_h = h - top - bottom;
  auto x_of = [&](size_t i) {
    return left + (points.size() == 1
                       ? plot_w / 2
                       : plot_w * static_cast<double>(i) /
                             static_cast<double>(points.size() - 1));
  };
  auto y_of = [&](int rank) {
    return top + (units == 1
                      ? 0
                      : plot_h * (rank - 1) / static_cast<double>(units - 1));
  };
  for (int r = 1; r <= units; ++r) {
    svg += "<line x1=\"" + std::to_string(left) + "\" x2=\"" +
           std::to_string(w - right) + "\" y1=\"" + Fixed(y_of(r), 1) +
           "\" y2=\"" + Fixed(y_of(r), 1) + "\" stroke=\"#ddd\"/><text x=\"" +
           std::to_string(left - 8) + "\" y=\"" + Fixed(y_of(r) + 4, 1) +
           "\" font-size=\"11\" text-anchor=\"end\">" + std::to_string(r) +
           "</text>";
  }
  std::string path;
  for (size_t i = 0; i < points.size(); ++i) {
    path += (i ? " L" : "M") + Fixed(x_of(i), 1) + " " +
            Fixed(y_of(points[i].second), 1);
    svg += "<text x=\"" + Fixed(x_of(i), 1) + "\" y=\"" +
           std::to_string(h - 14) +
           "\" font-size=\"11\" text-anchor=\"middle\">" +
           XmlEscape(points[i].first) + "</text>";
  }
  svg += "<path d=\"" + path +
         "\" fill=\"none\" stroke=\"#b00\" stroke-width=\"2\"/>";
  for (size_t i = 0; i < points.size(); ++i) {
    svg += "<circle cx=\"" + Fixed(x_of(i), 1) + "\" cy=\"" +
           Fixed(y_of(points[i].second), 1) + "\" r=\"4\" fill=\"#b00\"/>";
  }
  return svg + "</svg>";
}

class Builder {
 public:
  Builder(const ReportSources& s, const v1::ReportDocumentRequest& r)
      : s_(s), r_(r), c_(*s.campaign) {}

  Status Build(v1::ReportDocument* out);

 private:
  // The ranking of `period`, with the ledger's deductions where the
  // campaign gives no input.
  Status Rank(const std::string& period, v1::RankingTable* table) const {
    std::vector<v1::IndicatorInput> derived;
    if (s_.ledger != nullptr)
      CW_RETURN_IF_ERROR(s_.ledger->DeductionInputs(period, &derived));
    return RankPeriod(c_, period, r_.component_id(), derived, table);
  }
  const v1::Document* Plan() const {
    for (const v1::Document& d : c_.proto().documents())
      if (d.id() == c_.proto().plan_document_id()) return &d;
    return nullptr;
  }
  std::string Issuer() const {
    const v1::Document* d = Plan();
    if (d != nullptr && !d->issuer().empty()) return d->issuer();
    for (const v1::Unit& u : c_.proto().units())
      if (u.parent_id().empty()) return u.name();
    return c_.proto().name();
  }
  std::string UnitName(const std::string& id) const {
    int32_t u = c_.index().Unit(id);
    return u == kNoIndex ? id : c_.proto().units(u).name();
  }
  void Common(TemplateValue* data, const std::string& title) const {
    data->Set("title", title);
    data->Set("issuer", Issuer());
    // The plan's title: inside 《》 of the covering notice, else the name.
    std::string plan_title = c_.proto().name();
    if (const v1::Document* d = Plan()) {
      size_t open = d->title().find("《"), close = d->title().rfind("》");
      if (open != std::string::npos && close != std::string::npos &&
          close > open)
        plan_title = d->title().substr(open + 3, close - open - 3);
    }
    data->Set("plan_title", plan_title);
    data->Set("number", r_.number());
    data->Set("style", DefaultReportTemplate("style.css"));
    std::string recipients;
    if (const v1::Document* d = Plan()) {
      for (const std::string& x : d->recipients())
        recipients += (recipients.empty() ? "" : "、") + x;
    }
    data->Set("recipients", recipients.empty() ? "各科室、各单位" : recipients);
  }
  Status Render(const std::string& name, const TemplateValue& data,
                std::string* out) const {
    auto it = r_.templates().find(name);
    const std::string& text =
        it != r_.templates().end() ? it->second : DefaultReportTemplate(name);
    Status s = RenderTemplate(
        text, data,
        name.size() > 5 && name.substr(name.size() - 5) == ".html"
            ? Escape::kHtml
            : Escape::kMarkdown,
        out);
    if (!s.ok()) return Status::InvalidArgument(name + ": " + s.message());
    return Status::OK();
  }
  Status Monthly(v1::ReportDocument* out);
  Status Notice(v1::ReportDocument* out);
  Status Dossier(v1::ReportDocument* out);

  const ReportSources& s_;
  const v1::ReportDocumentRequest& r_;
  const Campaign& c_;
};

Status Builder::Build(v1::ReportDocument* out) {
  out->Clear();
  out->set_format(r_.format() == v1::REPORT_FORMAT_UNSPECIFIED ? v1::MARKDOWN
                                                               : r_.format());
  switch (r_.kind()) {
    case v1::MONTHLY_BULLETIN:
      return Monthly(out);
    case v1::RECTIFICATION_NOTICE:
      return Notice(out);
    case v1::UNIT_DOSSIER:
      return Dossier(out);
    default:
      return Status::InvalidArgument(
          "report kind is not set (monthly bulletin, notice or dossier)");
  }
}

const char* Suffix(v1::ReportFormat f) {
  return f == v1::HTML ? ".html" : f == v1::CSV ? ".csv" : ".md";
}

Status Builder::Monthly(v1::ReportDocument* out) {
  const std::string& month = r_.month();
  if (MonthEnd(month).empty()) {
    return Status::InvalidArgument("month '" + month +
                                   "' is not of the form YYYY-MM");
  }
  const std::string date = r_.date().empty() ? MonthEnd(month) : r_.date();
  std::string issued = r_.issue_date();
  if (issued.empty()) {
    Date as_of, next;
    CW_RETURN_IF_ERROR(ParseIsoDate(date, &as_of).WithContext("date"));
    CalendarOptions options;
    options.weekend_fallback = true;
    CW_RETURN_IF_ERROR(
        c_.calendar().WorkingDayOnOrAfter(as_of, &next, options));
    issued = FormatIsoDate(next);
  } else {
    Date d;
    CW_RETURN_IF_ERROR(ParseIsoDate(issued, &d).WithContext("issue_date"));
  }
  v1::RankingTable table;
  CW_RETURN_IF_ERROR(Rank(month, &table));
  std::string component_name = "考核";
  for (const v1::Component& comp : c_.proto().assessment().components())
    if (comp.id() == table.component_id()) component_name = comp.name();
  const std::string title = MonthCn(month) + "创建工作考核情况通报";
  out->set_title(title);
  out->set_file_name(internal::SafeFileName("月度通报-" + month) +
                     Suffix(out->format()));
  std::map<std::string, const v1::RankingRow*> by_unit;
  for (const v1::RankingRow& row : table.rows()) by_unit[row.unit_id()] = &row;
  if (out->format() == v1::CSV) {
    std::string csv =
        internal::kUtf8Bom + CsvRow({"名次", "单位", "得分", "等次", "说明"});
    for (const v1::RankingRow& row : table.rows()) {
      csv += CsvRow({std::to_string(row.rank()), row.unit_name(),
                     Fixed(row.score()), row.grade(),
                     row.vetoed() ? "一票否决：" + row.veto_reason() : ""});
    }
    out->set_content(csv);
    return Status::OK();
  }
  TemplateValue data;
  Common(&data, title);
  data.Set("month_cn", MonthCn(month));
  data.Set("date_cn", DateCn(date));
  data.Set("issue_date_cn", DateCn(issued));
  data.Set("component_name", component_name);
  TemplateValue rows = TemplateValue::List();
  std::vector<std::pair<std::string, double>> bars;
  for (const v1::RankingRow& row : table.rows()) {
    rows.Add(
        TemplateValue()
            .Set("rank", TemplateValue::Int(row.rank()))
            .Set("unit", row.unit_name())
            .Set("score", Fixed(row.score()))
            .Set("grade", row.grade())
            .Set("note", row.vetoed() ? "一票否决：" + row.veto_reason() : ""));
    bars.emplace_back(row.unit_name(), row.score());
  }
  data.Set("rows", rows);
  std::set<std::string> good, bad;
  auto people = [&](const google::protobuf::RepeatedPtrField<std::string>& ids,
                    std::set<std::string>* names) {
    TemplateValue list = TemplateValue::List();
    for (const std::string& id : ids) {
      auto it = by_unit.find(id);
      if (it == by_unit.end()) continue;
      names->insert(it->second->unit_name());
      list.Add(TemplateValue()
                   .Set("unit", it->second->unit_name())
                   .Set("score", Fixed(it->second->score()))
                   .Set("note",
                        it->second->vetoed()
                            ? "（一票否决：" + it->second->veto_reason() + "）"
                            : ""));
    }
    return list;
  };
  data.Set("commended", people(table.commended(), &good));
  data.Set("criticized", people(table.criticized(), &bad));
  data.Set("chart", BarChartSvg(bars, good, bad));
  data.Set("has_ledger", TemplateValue::Flag(s_.ledger != nullptr));
  if (s_.ledger != nullptr) {
    v1::OpenItemList overdue;
    CW_RETURN_IF_ERROR(s_.ledger->Overdue(date, &overdue));
    TemplateValue items = TemplateValue::List();
    for (const v1::OpenItem& i : overdue.items()) {
      items.Add(TemplateValue()
                    .Set("number", i.number())
                    .Set("unit", UnitName(i.unit_id()))
                    .Set("deadline", i.deadline())
                    .Set("late", TemplateValue::Int(i.working_days_late())));
    }
    if (overdue.items_size() > 0)
      data.Set("overdue", TemplateValue().Set("items", items));
    v1::RepeatedProblemList repeated;
    CW_RETURN_IF_ERROR(s_.ledger->RepeatedProblems(date, &repeated));
    TemplateValue rep = TemplateValue::List();
    for (const v1::RepeatedProblem& p : repeated.problems()) {
      rep.Add(TemplateValue()
                  .Set("unit", UnitName(p.unit_id()))
                  .Set("category", p.category())
                  .Set("count", TemplateValue::Int(p.findings()))
                  .Set("first", p.first_found())
                  .Set("last", p.last_found()));
    }
    data.Set("repeated", rep);
    v1::EscalationList escalations;
    CW_RETURN_IF_ERROR(s_.ledger->Escalations(date, &escalations));
    TemplateValue esc = TemplateValue::List();
    for (const v1::EscalationRecommendation& e :
         escalations.recommendations()) {
      std::string reason;
      if (e.rule_id().empty() || e.item_ids_size() == 0) {
        reason = "问题多次通报仍未整改";
      } else {
        reason =
            e.severe_overdue()
                ? std::to_string(e.item_ids_size()) + "个严重问题逾期未整改"
                : (e.category().empty() ? "" : e.category() + "类") +
                      std::to_string(e.item_ids_size()) +
                      "个问题经通报仍未整改";
      }
      esc.Add(TemplateValue()
                  .Set("unit", UnitName(e.unit_id()))
                  .Set("measure",
                       e.measure() == v1::INTERVIEW ? "约谈" : "组织措施")
                  .Set("action", e.measure() == v1::INTERVIEW ? "进行约谈"
                                                              : "采取组织措施")
                  .Set("reason", reason));
    }
    data.Set("escalations", esc);
  }
  data.Set("has_evidence", TemplateValue::Flag(s_.evidence != nullptr));
  const bool required = c_.proto().evidence_requirements_size() > 0;
  data.Set("evidence_required", TemplateValue::Flag(required));
  if (s_.evidence != nullptr && required) {
    v1::CompletenessReport report;
    v1::CompletenessReportRequest request;
    request.set_date(date);
    request.set_from(month + "-01");
    CW_RETURN_IF_ERROR(s_.evidence->Completeness(request, &report));
    // Missing and late materials; nothing said to be on time that was not.
    TemplateValue missing = TemplateValue::List();
    for (const v1::CompletenessRow& row : report.rows()) {
      if (row.missing() <= 0 && row.late() <= 0) continue;
      std::string shortfall;
      if (row.missing() > 0)
        shortfall = "缺" + std::to_string(row.missing()) + "份";
      if (row.late() > 0) {
        shortfall += (shortfall.empty() ? "" : "、") + std::string("迟报") +
                     std::to_string(row.late()) + "份";
      }
      missing.Add(TemplateValue()
                      .Set("unit", UnitName(row.unit_id()))
                      .Set("task", row.task_title())
                      .Set("kind", MaterialKindName(row.kind()))
                      .Set("count", TemplateValue::Int(row.missing()))
                      .Set("shortfall", shortfall)
                      .Set("due", row.due()));
    }
    data.Set("missing", missing);
    data.Set("none_due", TemplateValue::Flag(report.rows_size() == 0));
  }
  std::string content;
  CW_RETURN_IF_ERROR(
      Render(out->format() == v1::HTML ? "monthly.html" : "monthly.md", data,
             &content));
  out->set_content(content);
  return Status::OK();
}

const char* SourceCn(v1::FindingSource s) {
  switch (s) {
    case v1::LEADER_SUPERVISION:
      return "经领导督导";
    case v1::DAILY_SUPERVISION:
      return "经日常督查";
    case v1::PUBLIC_REPORT:
      return "经群众反映";
    case v1::HIGHER_INSPECTION:
      return "经上级明察暗访";
    case v1::SELF_CHECK:
      return "经自查";
    default:
      return "经检查";
  }
}

Status Builder::Notice(v1::ReportDocument* out) {
  if (s_.ledger == nullptr)
    return Status::InvalidArgument("a rectification notice needs the ledger");
  v1::LedgerItem item;
  CW_RETURN_IF_ERROR(s_.ledger->Item(r_.item_id(), &item));
  const std::string title = "整改通知书 " + item.number();
  out->set_title(title);
  out->set_file_name(internal::SafeFileName("整改通知书-" + item.id()) +
                     Suffix(out->format()));
  std::map<std::string, std::string> points;
  for (const v1::InspectionPoint& p : c_.proto().supervision().points())
    points[p.id()] = p.name();
  if (out->format() == v1::CSV) {
    std::string csv = internal::kUtf8Bom +
                      CsvRow({"序号", "问题描述", "类别", "点位", "发现日期"});
    int n = 0;
    for (const v1::Finding& f : item.findings()) {
      csv += CsvRow({std::to_string(++n), f.description(), f.category(),
                     points.count(f.point_id()) ? points[f.point_id()] : "",
                     f.found_on()});
    }
    out->set_content(csv);
    return Status::OK();
  }
  TemplateValue data;
  Common(&data, title);
  data.Set("number", r_.number().empty() ? item.number() : r_.number());
  data.Set("unit", UnitName(item.unit_id()));
  const v1::Finding* first =
      item.findings_size() > 0 ? &item.findings(0) : nullptr;
  std::string source = first == nullptr ? "经检查" : SourceCn(first->source());
  if (first != nullptr && first->source() == v1::PUBLIC_REPORT &&
      !first->channel().empty())
    source = "经群众通过" + first->channel() + "反映";
  data.Set("source", source);
  data.Set("found_cn", DateCn(first != nullptr && !first->found_on().empty()
                                  ? first->found_on()
                                  : item.issued_on()));
  TemplateValue findings = TemplateValue::List();
  int n = 0;
  for (const v1::Finding& f : item.findings()) {
    std::string detail = f.category();
    if (points.count(f.point_id()))
      detail += (detail.empty() ? "" : "，") + std::string("点位：") +
                points[f.point_id()];
    findings.Add(TemplateValue()
                     .Set("index", TemplateValue::Int(++n))
                     .Set("description", f.description().empty()
                                             ? f.category()
                                             : f.description())
                     .Set("detail", detail));
  }
  data.Set("findings", findings);
  data.Set("required_result", item.required_result().empty()
                                  ? "按标准整改到位"
                                  : item.required_result());
  Date issued, deadline;
  int working_days = 0;
  if (ParseIsoDate(item.issued_on(), &issued).ok() &&
      ParseIsoDate(item.deadline(), &deadline).ok()) {
    CalendarOptions options;
    options.weekend_fallback = true;
    Status s = c_.calendar().CountWorkingDays(
        issued + boost::gregorian::days(1), deadline, &working_days, options);
    if (!s.ok()) working_days = 0;
  }
  data.Set("working_days", TemplateValue::Int(working_days));
  data.Set("deadline_cn", DateCn(item.deadline()));
  data.Set("date_cn", DateCn(r_.date().empty() ? item.issued_on() : r_.date()));
  std::string content;
  CW_RETURN_IF_ERROR(Render(
      out->format() == v1::HTML ? "notice.html" : "notice.md", data, &content));
  out->set_content(content);
  return Status::OK();
}

Status Builder::Dossier(v1::ReportDocument* out) {
  const std::string& unit = r_.unit_id();
  if (c_.index().Unit(unit) == kNoIndex)
    return Status::NotFound("unit '" + unit + "' does not exist");
  // As of: the request's date, else the end of the last month scored.
  std::string date = r_.date();
  if (date.empty()) {
    std::string last;
    for (const v1::IndicatorInput& in : c_.proto().assessment().inputs())
      if (in.period().size() == 7 &&
          std::isdigit(static_cast<unsigned char>(in.period()[5])) &&
          in.period() > last)
        last = in.period();
    date = last.empty() ? c_.TodayIso() : MonthEnd(last);
  }
  Date as_of;
  Status ds = ParseIsoDate(date, &as_of);
  if (!ds.ok()) return Status::InvalidArgument("date: " + ds.message());
  const std::string name = UnitName(unit);
  const std::string title = name + "创建工作档案";
  out->set_title(title);
  out->set_file_name(internal::SafeFileName("单位档案-" + unit) +
                     Suffix(out->format()));
  // Scores and rank over the months of the year, up to the date.
  TemplateValue scores = TemplateValue::List();
  std::vector<std::pair<std::string, int>> ranks;
  int units = 0;
  std::string csv =
      internal::kUtf8Bom + CsvRow({"月份", "得分", "名次", "等次"});
  for (int m = 1; m <= static_cast<int>(as_of.month()); ++m) {
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02d",
                  static_cast<int>(as_of.year()), m);
    v1::RankingTable table;
    if (!Rank(month, &table).ok()) continue;
    for (const v1::RankingRow& row : table.rows()) {
      if (row.unit_id() != unit) continue;
      scores.Add(TemplateValue()
                     .Set("month", month)
                     .Set("score", Fixed(row.score()))
                     .Set("rank", TemplateValue::Int(row.rank()))
                     .Set("grade", row.grade()));
      csv += CsvRow(
          {month, Fixed(row.score()), std::to_string(row.rank()), row.grade()});
      ranks.emplace_back(std::to_string(m) + "月", row.rank());
      units = std::max(units, table.rows_size());
    }
  }
  if (out->format() == v1::CSV) {
    out->set_content(csv);
    return Status::OK();
  }
  TemplateValue data;
  Common(&data, title);
  data.Set("unit", name);
  data.Set("date_cn", DateCn(date));
  TemplateValue tasks = TemplateValue::List();
  for (const v1::Assignment& a : c_.proto().assignments()) {
    if (a.unit_id() != unit) continue;
    int32_t t = c_.index().Task(a.task_id());
    tasks.Add(
        TemplateValue()
            .Set("id", a.task_id())
            .Set("title", t == kNoIndex ? "" : c_.proto().tasks(t).title())
            .Set("role", a.label().empty() ? "责任单位" : a.label()));
  }
  data.Set("tasks", tasks);
  v1::AgendaRequest agenda_request;
  agenda_request.set_from(date);
  agenda_request.set_to(FormatIsoDate(as_of + boost::gregorian::days(30)));
  agenda_request.set_unit_id(unit);
  agenda_request.set_weekend_fallback(true);
  v1::Agenda agenda;
  TemplateValue due = TemplateValue::List();
  if (QueryAgenda(c_, agenda_request, &agenda).ok()) {
    for (const v1::AgendaItem& i : agenda.items())
      due.Add(TemplateValue().Set("due", i.due()).Set("title", i.title()));
  }
  data.Set("agenda", due);
  data.Set("window", DateCn(date) + "起30日内");
  if (s_.ledger != nullptr) {
    v1::OpenItemList open;
    CW_RETURN_IF_ERROR(s_.ledger->OpenItems(unit, date, &open));
    TemplateValue items = TemplateValue::List();
    for (const v1::OpenItem& i : open.items()) {
      std::string status =
          i.color() == v1::RED
              ? "逾期" + std::to_string(i.working_days_late()) + "个工作日"
          : i.color() == v1::YELLOW ? "临近期限"
                                    : "整改中";
      items.Add(TemplateValue()
                    .Set("number", i.number())
                    .Set("deadline", i.deadline())
                    .Set("status", status));
    }
    if (open.items_size() > 0)
      data.Set("open", TemplateValue().Set("items", items));
  }
  data.Set("scores", scores);
  data.Set("chart", RankLineSvg(ranks, units));
  std::string content;
  CW_RETURN_IF_ERROR(
      Render(out->format() == v1::HTML ? "dossier.html" : "dossier.md", data,
             &content));
  out->set_content(content);
  return Status::OK();
}

}  // namespace

Status RenderReport(const ReportSources& sources,
                    const v1::ReportDocumentRequest& request,
                    v1::ReportDocument* out) {
  if (sources.campaign == nullptr)
    return Status::InvalidArgument("a report needs a campaign");
  return Builder(sources, request).Build(out);
}

}  // namespace chuangwen
