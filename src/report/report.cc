// Building the documents: the data each template renders (the 公文 frame
// and each document's body), the CSV tables, and the conversions to DOCX
// and PDF. The wording is in the templates and their phrases.
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
#include "report/charts.h"
#include "report/docx_writer.h"
#include "report/pdf_printer.h"
#include "report/phrases.h"

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

using internal::CsvRow;

// What a document is before it is rendered in a format.
struct Draft {
  std::string title;
  std::string file_stem;  // The file name without its extension.
  std::string base;       // The templates' name: base + ".html", ".md".
  std::string csv;        // The main table as CSV.
  TemplateValue data;
};

std::string Joined(const google::protobuf::RepeatedPtrField<std::string>& xs,
                   const char* separator) {
  std::string out;
  for (const std::string& x : xs) out += (out.empty() ? "" : separator) + x;
  return out;
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
    if (!r_.issuer().empty()) return r_.issuer();
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
  std::string Phrase(const std::string& key,
                     const TemplateValue& values = TemplateValue()) const {
    return phrases_.Get(key, values);
  }
  std::string Csv(const std::string& key) const {
    return internal::kUtf8Bom + CsvRow(phrases_.List(key));
  }
  // The 公文 frame every document shares (GB/T 9704): 版头, 主送, 附件说明,
  // 署名 and 成文日期, 附注, 版记.
  Status Frame(TemplateValue* data, const std::string& title,
               const std::string& issue_date) const {
    Date d;
    CW_RETURN_IF_ERROR(ParseIsoDate(issue_date, &d).WithContext("issue_date"));
    if (!r_.print_date().empty())
      CW_RETURN_IF_ERROR(
          ParseIsoDate(r_.print_date(), &d).WithContext("print_date"));
    const std::string issuer = Issuer();
    data->Set("title", title);
    data->Set("issuer", issuer);
    // The plan's title: inside 《》 of the covering notice, else the name.
    std::string plan_title = c_.proto().name();
    const v1::Document* plan = Plan();
    if (plan != nullptr) {
      size_t open = plan->title().find("《"), close = plan->title().rfind("》");
      if (open != std::string::npos && close != std::string::npos &&
          close > open)
        plan_title = plan->title().substr(open + 3, close - open - 3);
    }
    data->Set("plan_title", plan_title);
    data->Set("number", r_.number());
    data->Set("signer", r_.signer());
    std::string recipients = Joined(r_.recipients(), "、");
    if (recipients.empty() && plan != nullptr)
      recipients = Joined(plan->recipients(), "、");
    data->Set("recipients",
              recipients.empty() ? Phrase("default.recipients") : recipients);
    std::string copied = Joined(r_.copied_to(), "，");
    if (copied.empty() && plan != nullptr)
      copied = Joined(plan->copied_to(), "，");
    data->Set("copied_to", copied);
    data->Set("printer", r_.printer().empty() ? issuer : r_.printer());
    data->Set("issue_date_cn", DateCn(issue_date));
    data->Set("print_date_cn",
              DateCn(r_.print_date().empty() ? issue_date : r_.print_date()));
    data->Set("note", r_.note());
    TemplateValue attachments = TemplateValue::List();
    for (int i = 0; i < r_.attachments_size(); ++i) {
      attachments.Add(
          TemplateValue()
              .Set("index", TemplateValue::Int(i + 1))
              .Set("name", r_.attachments(i))
              .Set("first", TemplateValue::Flag(i == 0))
              .Set("numbered", TemplateValue::Flag(r_.attachments_size() > 1)));
    }
    data->Set("attachments", attachments);
    data->Set("has_attachments",
              TemplateValue::Flag(r_.attachments_size() > 0));
    data->Set("receipt", TemplateValue::Flag(r_.receipt()));
    // Templates written before the style became a partial insert it raw.
    if (const std::string* style = Find("style.css"))
      data->Set("style", *style);
    return Status::OK();
  }
  // A template by name: the request's replacement, else the shipped one.
  const std::string* Find(const std::string& name) const {
    auto it = r_.templates().find(name);
    if (it != r_.templates().end()) return &it->second;
    const std::string& shipped = DefaultReportTemplate(name);
    return shipped.empty() ? nullptr : &shipped;
  }
  Status Render(const std::string& name, const TemplateValue& data,
                std::string* out) const {
    const std::string* text = Find(name);
    if (text == nullptr) return Status::NotFound("no template '" + name + "'");
    Status s = RenderTemplate(
        *text, data,
        name.size() > 5 && name.substr(name.size() - 5) == ".html"
            ? Escape::kHtml
            : Escape::kMarkdown,
        out, [this](const std::string& partial) { return Find(partial); });
    if (!s.ok()) return Status::InvalidArgument(name + ": " + s.message());
    return Status::OK();
  }
  Status Monthly(Draft* draft);
  Status Notice(Draft* draft);
  Status Dossier(Draft* draft);

  const ReportSources& s_;
  const v1::ReportDocumentRequest& r_;
  const Campaign& c_;
  internal::Phrases phrases_;
};

const char* Suffix(v1::ReportFormat f) {
  switch (f) {
    case v1::HTML:
      return ".html";
    case v1::CSV:
      return ".csv";
    case v1::DOCX:
      return ".docx";
    case v1::PDF:
      return ".pdf";
    default:
      return ".md";
  }
}

Status Builder::Build(v1::ReportDocument* out) {
  out->Clear();
  const v1::ReportFormat format =
      r_.format() == v1::REPORT_FORMAT_UNSPECIFIED ? v1::MARKDOWN : r_.format();
  auto replaced = r_.templates().find("phrases.txt");
  CW_RETURN_IF_ERROR(phrases_.Load(
      DefaultReportTemplate("phrases.txt"),
      replaced == r_.templates().end() ? std::string() : replaced->second));
  Draft draft;
  switch (r_.kind()) {
    case v1::MONTHLY_BULLETIN:
      CW_RETURN_IF_ERROR(Monthly(&draft));
      break;
    case v1::RECTIFICATION_NOTICE:
      CW_RETURN_IF_ERROR(Notice(&draft));
      break;
    case v1::UNIT_DOSSIER:
      CW_RETURN_IF_ERROR(Dossier(&draft));
      break;
    default:
      return Status::InvalidArgument(
          "report kind is not set (monthly bulletin, notice or dossier)");
  }
  out->set_format(format);
  out->set_title(draft.title);
  out->set_file_name(internal::SafeFileName(draft.file_stem) + Suffix(format));
  if (format == v1::CSV) {
    out->set_content(draft.csv);
    return Status::OK();
  }
  if (format == v1::MARKDOWN) {
    std::string md;
    CW_RETURN_IF_ERROR(Render(draft.base + ".md", draft.data, &md));
    out->set_content(md);
    return Status::OK();
  }
  std::string html;
  CW_RETURN_IF_ERROR(Render(draft.base + ".html", draft.data, &html));
  switch (format) {
    case v1::HTML:
      out->set_content(html);
      return Status::OK();
    case v1::DOCX:
      return internal::HtmlToDocx(html, out->mutable_binary());
    case v1::PDF:
      return internal::HtmlToPdf(html, out->mutable_binary());
    default:
      return Status::InvalidArgument("unknown report format " +
                                     std::to_string(format));
  }
}

Status Builder::Monthly(Draft* draft) {
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
  }
  v1::RankingTable table;
  CW_RETURN_IF_ERROR(Rank(month, &table));
  std::string component_name = Phrase("default.component");
  for (const v1::Component& comp : c_.proto().assessment().components())
    if (comp.id() == table.component_id()) component_name = comp.name();
  const TemplateValue names =
      TemplateValue().Set("month", month).Set("month_cn", MonthCn(month));
  draft->title = Phrase("title.monthly", names);
  draft->file_stem = Phrase("file.monthly", names);
  draft->base = "monthly";
  auto veto = [&](const v1::RankingRow& row, const char* key) {
    return row.vetoed()
               ? Phrase(key, TemplateValue().Set("reason", row.veto_reason()))
               : std::string();
  };
  std::map<std::string, const v1::RankingRow*> by_unit;
  for (const v1::RankingRow& row : table.rows()) by_unit[row.unit_id()] = &row;
  draft->csv = Csv("csv.monthly");
  for (const v1::RankingRow& row : table.rows()) {
    draft->csv += CsvRow({std::to_string(row.rank()), row.unit_name(),
                          Fixed(row.score()), row.grade(), veto(row, "veto")});
  }
  TemplateValue& data = draft->data;
  CW_RETURN_IF_ERROR(Frame(&data, draft->title, issued));
  data.Set("month_cn", MonthCn(month));
  data.Set("date_cn", DateCn(date));
  data.Set("component_name", component_name);
  TemplateValue rows = TemplateValue::List();
  std::vector<std::pair<std::string, double>> bars;
  for (const v1::RankingRow& row : table.rows()) {
    rows.Add(TemplateValue()
                 .Set("rank", TemplateValue::Int(row.rank()))
                 .Set("unit", row.unit_name())
                 .Set("score", Fixed(row.score()))
                 .Set("grade", row.grade())
                 .Set("note", veto(row, "veto")));
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
                   .Set("note", veto(*it->second, "veto.bracketed")));
    }
    return list;
  };
  data.Set("commended", people(table.commended(), &good));
  data.Set("criticized", people(table.criticized(), &bad));
  data.Set("chart",
           internal::BarChartSvg(bars, good, bad, Phrase("chart.scores")));
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
      const TemplateValue facts =
          TemplateValue()
              .Set("count", TemplateValue::Int(e.item_ids_size()))
              .Set("category", e.category());
      const std::string reason = e.rule_id().empty() || e.item_ids_size() == 0
                                     ? Phrase("escalation.repeated")
                                 : e.severe_overdue()
                                     ? Phrase("escalation.severe", facts)
                                     : Phrase("escalation.bulletined", facts);
      const bool interview = e.measure() == v1::INTERVIEW;
      esc.Add(TemplateValue()
                  .Set("unit", UnitName(e.unit_id()))
                  .Set("measure", Phrase(interview ? "measure.interview"
                                                   : "measure.measures"))
                  .Set("action", Phrase(interview ? "action.interview"
                                                  : "action.measures"))
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
        shortfall = Phrase(
            "shortfall.missing",
            TemplateValue().Set("count", TemplateValue::Int(row.missing())));
      if (row.late() > 0) {
        shortfall += (shortfall.empty() ? "" : "、") +
                     Phrase("shortfall.late",
                            TemplateValue().Set(
                                "count", TemplateValue::Int(row.late())));
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
  return Status::OK();
}

const char* SourceKey(v1::FindingSource s) {
  switch (s) {
    case v1::LEADER_SUPERVISION:
      return "source.leader";
    case v1::DAILY_SUPERVISION:
      return "source.daily";
    case v1::PUBLIC_REPORT:
      return "source.public";
    case v1::HIGHER_INSPECTION:
      return "source.inspection";
    case v1::SELF_CHECK:
      return "source.self";
    default:
      return "source.other";
  }
}

Status Builder::Notice(Draft* draft) {
  if (s_.ledger == nullptr)
    return Status::InvalidArgument("a rectification notice needs the ledger");
  v1::LedgerItem item;
  CW_RETURN_IF_ERROR(s_.ledger->Item(r_.item_id(), &item));
  const std::string number = r_.number().empty() ? item.number() : r_.number();
  const TemplateValue names =
      TemplateValue().Set("number", number).Set("item", item.id());
  draft->title = Phrase("title.notice", names);
  draft->file_stem = Phrase("file.notice", names);
  draft->base = "notice";
  std::map<std::string, std::string> points;
  for (const v1::InspectionPoint& p : c_.proto().supervision().points())
    points[p.id()] = p.name();
  draft->csv = Csv("csv.notice");
  int n = 0;
  for (const v1::Finding& f : item.findings()) {
    draft->csv += CsvRow(
        {std::to_string(++n), f.description(), f.category(),
         points.count(f.point_id()) ? points[f.point_id()] : "", f.found_on()});
  }
  const std::string issued = !r_.issue_date().empty() ? r_.issue_date()
                             : !r_.date().empty()     ? r_.date()
                                                      : item.issued_on();
  TemplateValue& data = draft->data;
  CW_RETURN_IF_ERROR(Frame(&data, draft->title, issued));
  data.Set("number", number);
  data.Set("unit", UnitName(item.unit_id()));
  const v1::Finding* first =
      item.findings_size() > 0 ? &item.findings(0) : nullptr;
  std::string source =
      Phrase(first == nullptr ? "source.other" : SourceKey(first->source()));
  if (first != nullptr && first->source() == v1::PUBLIC_REPORT &&
      !first->channel().empty())
    source = Phrase("source.public_channel",
                    TemplateValue().Set("channel", first->channel()));
  data.Set("source", source);
  data.Set("found_cn", DateCn(first != nullptr && !first->found_on().empty()
                                  ? first->found_on()
                                  : item.issued_on()));
  TemplateValue findings = TemplateValue::List();
  n = 0;
  for (const v1::Finding& f : item.findings()) {
    std::string detail = f.category();
    if (points.count(f.point_id()))
      detail += (detail.empty() ? "" : "，") +
                Phrase("detail.point",
                       TemplateValue().Set("point", points[f.point_id()]));
    findings.Add(TemplateValue()
                     .Set("index", TemplateValue::Int(++n))
                     .Set("description", f.description().empty()
                                             ? f.category()
                                             : f.description())
                     .Set("detail", detail));
  }
  data.Set("findings", findings);
  data.Set("required_result", item.required_result().empty()
                                  ? Phrase("default.required_result")
                                  : item.required_result());
  Date issued_on, deadline;
  int working_days = 0;
  if (ParseIsoDate(item.issued_on(), &issued_on).ok() &&
      ParseIsoDate(item.deadline(), &deadline).ok()) {
    CalendarOptions options;
    options.weekend_fallback = true;
    Status s =
        c_.calendar().CountWorkingDays(issued_on + boost::gregorian::days(1),
                                       deadline, &working_days, options);
    if (!s.ok()) working_days = 0;
  }
  data.Set("working_days", TemplateValue::Int(working_days));
  data.Set("deadline_cn", DateCn(item.deadline()));
  data.Set("date_cn", DateCn(issued));
  return Status::OK();
}

Status Builder::Dossier(Draft* draft) {
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
  const TemplateValue names =
      TemplateValue().Set("unit", name).Set("unit_id", unit);
  draft->title = Phrase("title.dossier", names);
  draft->file_stem = Phrase("file.dossier", names);
  draft->base = "dossier";
  // Scores and rank over the months of the year, up to the date.
  TemplateValue scores = TemplateValue::List();
  std::vector<std::pair<std::string, int>> ranks;
  int units = 0;
  draft->csv = Csv("csv.dossier");
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
      draft->csv += CsvRow(
          {month, Fixed(row.score()), std::to_string(row.rank()), row.grade()});
      ranks.emplace_back(
          Phrase("chart.month",
                 TemplateValue().Set("month", TemplateValue::Int(m))),
          row.rank());
      units = std::max(units, table.rows_size());
    }
  }
  TemplateValue& data = draft->data;
  CW_RETURN_IF_ERROR(Frame(&data, draft->title,
                           r_.issue_date().empty() ? date : r_.issue_date()));
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
            .Set("role",
                 a.label().empty() ? Phrase("default.role") : a.label()));
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
  data.Set("window",
           Phrase("window", TemplateValue().Set("date_cn", DateCn(date))));
  if (s_.ledger != nullptr) {
    v1::OpenItemList open;
    CW_RETURN_IF_ERROR(s_.ledger->OpenItems(unit, date, &open));
    TemplateValue items = TemplateValue::List();
    for (const v1::OpenItem& i : open.items()) {
      const std::string status =
          i.color() == v1::RED
              ? Phrase("status.overdue",
                       TemplateValue().Set(
                           "days", TemplateValue::Int(i.working_days_late())))
          : i.color() == v1::YELLOW ? Phrase("status.near")
                                    : Phrase("status.open");
      items.Add(TemplateValue()
                    .Set("number", i.number())
                    .Set("deadline", i.deadline())
                    .Set("status", status));
    }
    if (open.items_size() > 0)
      data.Set("open", TemplateValue().Set("items", items));
  }
  data.Set("scores", scores);
  data.Set("chart", internal::RankLineSvg(ranks, units, Phrase("chart.ranks")));
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
