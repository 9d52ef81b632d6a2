// cw report monthly FILE --month YYYY-MM [--format md|html|csv] [-o DIR]
//           [--date AS-OF] [--issue-date D] [--number 文号]
// cw report notice FILE --item ID [--format …] [-o DIR]
// cw report dossier FILE --unit ID|all [--date D] [--format …] [-o DIR]
// cw evidence FILE add EVENTS | completeness --date D [--unit U] [--task T]
//             | index | package --indicator ID --month YYYY-MM   [--json]
// FILE is a campaign file, or a ledger store (.db) that carries its campaign,
// ledger and evidence.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "chuangwen/codec.h"
#include "chuangwen/evidence.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/report.h"
#include "cli.h"
#include "output.h"
#include "progress.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

// What a report reads: a campaign, and from a store its ledger and evidence.
struct Sources {
  std::unique_ptr<chuangwen::LedgerStore> store;
  std::shared_ptr<const chuangwen::Campaign> campaign;
  chuangwen::ReportSources view;
};

// `input_format`: the campaign file's format as --format gives it (evidence),
// or null to tell it from the file (reports, where --format is the
// document's).
bool LoadSources(const std::string& path, const Args* input_format,
                 Sources* out) {
  if (IsLedgerPath(path)) {
    chuangwen::Status s = OpenLedger(path, &out->store);
    if (!s.ok()) {
      UsageError(s.message());
      return false;
    }
    out->view.campaign = &out->store->ledger().campaign();
    out->view.ledger = &out->store->ledger();
    out->view.evidence = &out->store->evidence();
    return true;
  }
  if (input_format != nullptr)
    return LoadCampaign(path, *input_format, &out->campaign);
  chuangwen::Status s = chuangwen::Campaign::LoadFile(path, &out->campaign);
  if (!s.ok()) {
    UsageError(s.message());
    return false;
  }
  out->view.campaign = out->campaign.get();
  return true;
}

int Emit(const v1::ReportDocument& doc, const Args& args) {
  const std::string& bytes =
      doc.binary().empty() ? doc.content() : doc.binary();
  if (!args.Has("o")) {
    if (!doc.binary().empty() && isatty(fileno(stdout)))
      return UsageError("a " + args.Value("format") +
                        " file is binary: give -o DIR or redirect stdout");
    std::cout << bytes;
    return kExitOk;
  }
  // The folder is made if missing; "reports/" gives "reports/月度通报…".
  std::string path;
  chuangwen::Status s = JoinOutput(args.Value("o"), doc.file_name(), &path);
  if (s.ok()) s = WriteOutput(path, bytes);
  if (!s.ok()) return Fail(s);
  std::printf("%s\n", path.c_str());
  return kExitOk;
}

}  // namespace

int RunReport(const Args& args) {
  const std::string& usage = args.synopsis;
  if (args.positional.size() != 2) return UsageError(usage);
  const std::string& kind = args.positional[0];
  v1::ReportDocumentRequest request;
  if (kind == "monthly") {
    if (!args.Has("month")) return UsageError(usage);
    request.set_kind(v1::MONTHLY_BULLETIN);
  } else if (kind == "notice") {
    if (!args.Has("item")) return UsageError(usage);
    request.set_kind(v1::RECTIFICATION_NOTICE);
  } else if (kind == "dossier") {
    if (!args.Has("unit")) return UsageError(usage);
    request.set_kind(v1::UNIT_DOSSIER);
  } else {
    return UsageError(usage);
  }
  const std::string format = args.Has("format") ? args.Value("format") : "md";
  if (format == "md" || format == "markdown")
    request.set_format(v1::MARKDOWN);
  else if (format == "html")
    request.set_format(v1::HTML);
  else if (format == "csv")
    request.set_format(v1::CSV);
  else if (format == "docx")
    request.set_format(v1::DOCX);
  else if (format == "pdf")
    request.set_format(v1::PDF);
  else
    return UsageError("--format: '" + format +
                      "' is not md, html, docx, pdf or csv");
  request.set_month(args.Value("month"));
  request.set_item_id(args.Value("item"));
  request.set_date(args.Value("date"));
  request.set_issue_date(args.Value("issue-date"));
  request.set_number(args.Value("number"));
  request.set_component_id(args.Value("component"));
  request.set_issuer(args.Value("issuer"));
  request.set_signer(args.Value("signer"));
  for (const std::string& x : SplitList(args.Value("recipients")))
    request.add_recipients(x);
  for (const std::string& x : SplitList(args.Value("copy-to")))
    request.add_copied_to(x);
  request.set_printer(args.Value("printer"));
  request.set_print_date(args.Value("print-date"));
  request.set_note(args.Value("note"));
  for (const std::string& x : SplitList(args.Value("attachments")))
    request.add_attachments(x);
  request.set_receipt(args.Has("receipt"));
  if (args.Has("templates")) {
    for (const std::string& name : chuangwen::ReportTemplateNames()) {
      std::string text;
      if (chuangwen::ReadFile(args.Value("templates") + "/" + name, &text).ok())
        (*request.mutable_templates())[name] = text;
    }
  }
  Sources sources;
  if (!LoadSources(args.positional[1], nullptr, &sources)) return kExitUsage;
  std::vector<std::string> units;
  if (kind == "dossier" && args.Value("unit") == "all") {
    if (!args.Has("o"))
      return UsageError("--unit all writes one file per unit: give -o DIR");
    for (const v1::Unit& u : sources.view.campaign->proto().units())
      units.push_back(u.id());
  } else if (kind == "dossier") {
    std::string unit;
    chuangwen::Status s =
        ResolveUnit(*sources.view.campaign, args.Value("unit"), &unit);
    if (!s.ok()) return Fail(s.WithContext("--unit"));
    units.push_back(unit);
  } else {
    units.push_back("");
  }
  ProgressBar progress("dossiers", units.size());
  for (const std::string& unit : units) {
    request.set_unit_id(unit);
    v1::ReportDocument doc;
    chuangwen::Status s = chuangwen::RenderReport(sources.view, request, &doc);
    if (!s.ok()) return Fail(s);
    int rc = Emit(doc, args);
    if (rc != kExitOk) return rc;
    progress.Step();
  }
  return kExitOk;
}

int RunEvidence(const Args& args) {
  const char* usage =
      "usage: cw evidence FILE add EVENTS | completeness --date D [--unit U] "
      "[--task T]\n"
      "       | index | package --indicator ID --month YYYY-MM   [--json]";
  if (args.positional.size() < 2) return UsageError(usage);
  const std::string& command = args.positional[1];
  Sources sources;
  if (!LoadSources(args.positional[0], &args, &sources)) return kExitUsage;
  const chuangwen::Campaign& c = *sources.view.campaign;
  // A campaign file has requirements but no evidence yet.
  std::unique_ptr<chuangwen::EvidenceBook> empty;
  if (sources.view.evidence == nullptr)
    empty = std::make_unique<chuangwen::EvidenceBook>(sources.campaign);
  const chuangwen::EvidenceBook& book = empty ? *empty : *sources.view.evidence;
  chuangwen::Status s;
  if (command == "add") {
    if (!sources.store || args.positional.size() != 3)
      return UsageError(
          "usage: cw evidence FILE.db add EVENTS (a ledger store)");
    chuangwen::Format f;
    s = chuangwen::FormatFromPath(args.positional[2], &f);
    v1::EvidenceEventBatch batch;
    if (s.ok()) s = chuangwen::DecodeFile(args.positional[2], f, &batch);
    if (s.ok())
      s = sources.store->AppendEvidence(
          {batch.events().begin(), batch.events().end()});
    if (!s.ok()) return Fail(s);
    std::printf("Added %d evidence events; %zu submissions in all.\n",
                batch.events_size(),
                sources.store->evidence().submission_count());
    return kExitOk;
  }
  auto unit_name = [&](const std::string& id) {
    int32_t u = c.index().Unit(id);
    return u == chuangwen::kNoIndex ? id : c.proto().units(u).name();
  };
  if (command == "completeness") {
    Args named;
    if (!ResolveNamedArgs(c, args, &named)) return kExitUsage;
    v1::CompletenessReportRequest request;
    request.set_date(args.Value("date"));
    request.set_from(args.Value("from"));
    request.set_unit_id(named.Value("unit"));
    request.set_task_id(named.Value("task"));
    v1::CompletenessReport report;
    s = book.Completeness(request, &report);
    if (!s.ok()) return Fail(s);
    if (args.Has("json")) return PrintJson(report);
    std::printf(
        "资料报送情况（截至%s）：应报%d 已报%d 已签批%d 缺报%d 逾期%d\n",
        report.date().c_str(), report.required(), report.submitted(),
        report.signed_(), report.missing(), report.late());
    for (const v1::CompletenessRow& r : report.rows()) {
      std::printf(
          "  %s %s %s %s 应报%d 已报%d 已签批%d%s%s\n", r.due().c_str(),
          Pad(unit_name(r.unit_id()), 14).c_str(), Pad(r.task_id(), 5).c_str(),
          Pad(chuangwen::MaterialKindName(r.kind()), 10).c_str(), r.required(),
          r.submitted(), r.signed_(),
          r.missing() > 0 ? ("  缺" + std::to_string(r.missing())).c_str() : "",
          r.late() > 0 ? ("  逾期" + std::to_string(r.late())).c_str() : "");
    }
    return kExitOk;
  }
  if (command == "index") {
    v1::ArchiveIndex index;
    s = book.Archive(&index);
    if (!s.ok()) return Fail(s);
    if (args.Has("json")) return PrintJson(index);
    std::printf("资料汇编目录\n");
    for (const v1::ArchiveEntry& e : index.entries()) {
      std::printf("%s%s %s（%d份）\n",
                  std::string(static_cast<size_t>(e.depth()) * 2, ' ').c_str(),
                  e.numbering().c_str(), e.task_title().c_str(),
                  e.items_size());
      for (const v1::EvidenceItem& i : e.items()) {
        std::printf(
            "%s  - %s %s %s  签批 %s\n",
            std::string(static_cast<size_t>(e.depth()) * 2, ' ').c_str(),
            i.submitted_on().c_str(), chuangwen::MaterialKindName(i.kind()),
            i.file().c_str(), i.signed_by().c_str());
      }
    }
    return kExitOk;
  }
  if (command == "package") {
    v1::EvidencePackageRequest request;
    request.set_indicator_id(args.Value("indicator"));
    request.set_month(args.Value("month"));
    v1::EvidencePackage package;
    s = book.Package(request, &package);
    if (!s.ok()) return Fail(s);
    if (args.Has("json")) return PrintJson(package);
    std::printf("指标 %s（任务 %s）佐证资料 %s 至 %s：%d份\n",
                package.indicator_id().c_str(), package.task_id().c_str(),
                package.from().c_str(), package.to().c_str(),
                package.items_size());
    for (const v1::EvidenceItem& i : package.items())
      std::printf("  %s %s %s\n", i.submitted_on().c_str(),
                  chuangwen::MaterialKindName(i.kind()), i.file().c_str());
    return kExitOk;
  }
  return UsageError(usage);
}

}  // namespace cw
