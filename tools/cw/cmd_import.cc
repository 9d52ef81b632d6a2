// cw import PLAN.txt [--json | --text | --binary] [-o FILE] [--year N] [--bare]
//                    [--encoding utf-8|gb18030] [--id ID]
// cw import PLAN.txt --review
// cw import PLAN.txt --review-file REVIEW.tsv   (edit it, then:)
// cw import PLAN.txt --apply REVIEW.tsv [-o FILE | --export-expect NAME.expect]
// cw import PLAN.txt --result        (the whole ImportResult as JSON)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <vector>

#include "chuangwen/codec.h"
#include "chuangwen/plan_import.h"
#include "cli.h"
#include "output.h"
#include "progress.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

std::string Source(const v1::ImportResult& r, const std::string& kind,
                   const std::string& id) {
  for (const v1::Provenance& p : r.provenance()) {
    if (p.kind() == kind && p.id() == id) {
      const auto& s = p.source();
      return s.first_line() == s.last_line()
                 ? "L" + std::to_string(s.first_line())
                 : "L" + std::to_string(s.first_line()) + "–" +
                       std::to_string(s.last_line());
    }
  }
  return "";
}

const char* FateName(v1::LineFate f) {
  switch (f) {
    case v1::DUPLICATE:
      return "duplicate";
    case v1::WEB_CHROME:
      return "web page chrome";
    default:
      return "not understood";
  }
}

void Review(const v1::ImportResult& r) {
  const v1::Campaign& c = r.campaign();
  if (r.format() == "text" || r.format().empty()) {
    std::printf("Read %d lines (%s).\n\n", r.lines(), r.encoding().c_str());
  } else {
    std::printf("Read %d lines from a %s document.\n\n", r.lines(),
                r.format().c_str());
  }
  for (const v1::Document& d : c.documents()) {
    if (d.id() == c.plan_document_id()) {
      std::printf("Plan: %s\n", c.name().c_str());
      std::printf("  文号 %s   发文 %s   日期 %s\n",
                  d.number().empty() ? "—" : d.number().c_str(),
                  d.issuer().empty() ? "—" : d.issuer().c_str(),
                  d.issue_date().empty() ? "—" : d.issue_date().c_str());
      if (!d.title().empty() && d.title() != c.name())
        std::printf("  通知 %s\n", d.title().c_str());
    } else {
      std::printf("  cites %s  %s\n", d.number().c_str(), d.title().c_str());
    }
  }
  // The readings to check first: those the importer is least sure of
  // (review_items come least sure first).
  int unsure = 0;
  for (const v1::ReviewItem& x : r.review_items())
    unsure += x.confidence() < 0.9;
  if (unsure > 0) {
    std::printf("\nLeast sure first (%d)\n", unsure);
    for (int i = 0; i < unsure && i < 20; ++i) {
      const v1::ReviewItem& x = r.review_items(i);
      std::printf("  %.2f  %s  by %s  [L%d]\n", x.confidence(),
                  x.reading().c_str(), x.cue().c_str(),
                  x.source().first_line());
    }
    if (unsure > 20) std::printf("  … and %d more\n", unsure - 20);
  }
  std::printf("\nOrganization\n");
  std::map<std::string, std::string> names;
  for (const v1::Person& p : c.people()) names[p.id()] = p.name();
  for (const v1::Body& b : c.bodies()) {
    std::printf("  %s  [%s]\n", b.name().c_str(),
                Source(r, "body", b.id()).c_str());
    for (const v1::Member& m : b.members()) {
      std::string who =
          m.person_id().empty() ? "[" + m.unit_id() + "]" : m.person_id();
      for (const v1::Person& p : c.people())
        if (p.id() == who && !p.contact().empty())
          who += "（" + p.contact() + "）";
      std::printf("    %s %s%s\n", Pad(MemberRoleName(m.role()), 22).c_str(),
                  who.c_str(),
                  m.note().empty() ? "" : ("  " + m.note()).c_str());
    }
    for (const std::string& d : b.duties())
      std::printf("    职责 %s\n", d.c_str());
  }
  std::printf("  units:");
  for (const v1::Unit& u : c.units()) std::printf(" %s", u.name().c_str());
  std::printf("\n\nTasks\n");
  for (const v1::Task& t : c.tasks()) {
    int depth = 0;
    for (char ch : t.id()) depth += ch == '.';
    std::printf("  %s%s %s %s  [%s]\n",
                std::string(static_cast<size_t>(depth) * 2, ' ').c_str(),
                Pad(t.id(), 5).c_str(), t.numbering().c_str(),
                t.title().c_str(), Source(r, "task", t.id()).c_str());
    for (const v1::Assignment& a : c.assignments()) {
      if (a.task_id() != t.id()) continue;
      std::printf(
          "  %s      %s %s\n",
          std::string(static_cast<size_t>(depth) * 2, ' ').c_str(),
          Pad(a.label(), 12).c_str(),
          (a.person_id().empty() ? a.unit_id() : a.person_id()).c_str());
    }
  }
  std::printf("\nPhases\n");
  for (const v1::Phase& p : c.schedule().phases()) {
    std::printf("  %s %s → %s  [%s]\n", Pad(p.name(), 30).c_str(),
                p.start().empty() ? "…" : p.start().c_str(),
                p.end().empty() ? "…" : p.end().c_str(),
                Source(r, "phase", p.id()).c_str());
  }
  std::printf("\nDuties\n");
  for (const v1::Duty& d : c.schedule().duties()) {
    std::string rule;
    chuangwen::Status s =
        chuangwen::Encode(d.rule(), chuangwen::Format::kJson, &rule);
    std::printf(
        "  %s  %s  owner %s%s%s  [%s]\n", d.title().c_str(), rule.c_str(),
        d.owner_unit_kind().empty() ? d.owner_body_id().c_str()
                                    : ("every " + d.owner_unit_kind()).c_str(),
        d.recipient().empty() ? "" : " → ", d.recipient().c_str(),
        Source(r, "duty", d.id()).c_str());
  }
  std::printf("\nText blocks\n");
  for (const v1::TextBlock& b : c.text_blocks()) {
    std::string flags;
    for (const std::string& f : b.flags())
      flags += (flags.empty() ? "" : "、") + f;
    std::printf(
        "  %s %s%s  [%s]\n", Pad(v1::TextBlockKind_Name(b.kind()), 12).c_str(),
        b.title().c_str(), flags.empty() ? "" : ("  (" + flags + ")").c_str(),
        Source(r, "text_block", b.id()).c_str());
  }
  std::printf("\nLines not used: %d\n", r.skipped_size());
  for (const v1::SkippedLine& s : r.skipped()) {
    std::string text =
        s.text().size() > 90 ? s.text().substr(0, 90) + "…" : s.text();
    std::printf("  L%-4d %-16s %s%s\n", s.line(), FateName(s.fate()),
                text.c_str(),
                s.note().empty() ? "" : ("  (" + s.note() + ")").c_str());
  }
  for (const std::string& n : r.notes()) std::printf("note: %s\n", n.c_str());
  std::printf("\nProblems to review: %d\n", r.problems().problems_size());
  for (const v1::Problem& p : r.problems().problems())
    std::printf("  %s: %s\n", p.location().c_str(), p.message().c_str());
}

// The review file: one item per line, least sure first, for a person to
// mark ok, no, fix=VALUE, or to add a missed item as "add ITEM".
std::string ReviewFile(const std::string& plan, const v1::ImportResult& r) {
  std::string out =
      "# Review of " + plan +
      ": one item per line, least sure first. Mark the first column:\n"
      "#   ok  (right)   no  (not in the plan)   fix=RIGHT NAME OR VALUE\n"
      "# and add what was missed as a line: add<TAB>ITEM (item ids as below,\n"
      "# e.g. task/1.2/lead_unit/区城管局). Then: cw import " +
      plan + " --apply THIS FILE\n";
  for (const v1::ReviewItem& x : r.review_items()) {
    char sure[16];
    std::snprintf(sure, sizeof sure, "%.2f", x.confidence());
    out += "ok\t" + x.item() + "\t" + x.reading() + "\tL" +
           std::to_string(x.source().first_line()) + "\t" + sure + "\t" +
           x.cue() + "\n";
  }
  return out;
}

// Decisions from a review file; false with `error` naming the line.
bool ReadReviewFile(const std::string& text, v1::ImportOptions* options,
                    std::string* error) {
  size_t start = 0;
  for (int line = 1; start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string l = text.substr(start, end - start);
    start = end + 1;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.empty() || l[0] == '#') continue;
    const size_t tab = l.find('\t');
    const std::string mark = l.substr(0, tab);
    const size_t tab2 = tab == std::string::npos ? tab : l.find('\t', tab + 1);
    const std::string item =
        tab == std::string::npos ? "" : l.substr(tab + 1, tab2 - tab - 1);
    v1::ReviewDecision* d = options->add_review();
    d->set_item(item);
    if (mark == "ok") {
      d->set_action(v1::REVIEW_ACCEPT);
    } else if (mark == "no") {
      d->set_action(v1::REVIEW_REJECT);
    } else if (mark == "add") {
      d->set_action(v1::REVIEW_ADD);
    } else if (mark.compare(0, 4, "fix=") == 0 && mark.size() > 4) {
      d->set_action(v1::REVIEW_CORRECT);
      d->set_value(mark.substr(4));
    } else {
      *error = "line " + std::to_string(line) + ": '" + mark +
               "' is not ok, no, fix=VALUE or add";
      return false;
    }
    if (item.empty()) {
      *error = "line " + std::to_string(line) + ": no item after the mark";
      return false;
    }
  }
  return true;
}

// The reading as a scorer annotation (tests/import_scorer_test.cc): the
// reviewed import becomes a test case.
std::string ExpectFile(const v1::ImportResult& r) {
  const v1::Campaign& c = r.campaign();
  std::map<std::string, std::string> person, unit, title;
  for (const v1::Person& p : c.people()) person[p.id()] = p.name();
  for (const v1::Unit& u : c.units()) unit[u.id()] = u.name();
  for (const v1::Task& t : c.tasks()) title[t.id()] = t.title();
  std::string out;
  for (const v1::Document& d : c.documents()) {
    if (d.id() != c.plan_document_id()) continue;
    if (!d.number().empty()) out += "number: " + d.number() + "\n";
    if (!d.issuer().empty()) out += "issuer: " + d.issuer() + "\n";
    for (const std::string& j : d.joint_issuers())
      out += "joint_issuer: " + j + "\n";
    if (!d.issue_date().empty()) out += "date: " + d.issue_date() + "\n";
    if (!d.signer().empty()) out += "signer: " + d.signer() + "\n";
  }
  if (!c.name().empty()) out += "name: " + c.name() + "\n";
  static const char* kSeat[] = {"",     "组长",   "副组长", "成员",
                                "主任", "副主任", "联络员"};
  for (const v1::Body& b : c.bodies()) {
    std::string body = b.name();
    if (b.kind() == v1::BODY_KIND_LEADING_GROUP)
      body =
          b.name().find("指挥部") != std::string::npos ? "指挥部" : "领导小组";
    if (b.kind() == v1::BODY_KIND_OFFICE) body = "办公室";
    for (const v1::Member& m : b.members()) {
      if (m.role() <= 0 || m.role() > 6) continue;
      out +=
          "seat: " + body + " | " + kSeat[m.role()] + " | " +
          (m.person_id().empty() ? unit[m.unit_id()] : person[m.person_id()]) +
          "\n";
    }
  }
  static const char* kTask[] = {"",         "责任领导", "责任单位",
                                "牵头单位", "配合单位", "配合领导"};
  std::set<std::string> stated;  // Inherited copies have no provenance.
  for (const v1::Provenance& p : r.provenance())
    if (p.kind() == "assignment") stated.insert(p.id());
  for (const v1::Assignment& a : c.assignments()) {
    const std::string id = a.person_id().empty() ? a.unit_id() : a.person_id();
    if (a.role() <= 0 || a.role() > 5 ||
        stated.count(a.task_id() + "/" + id) == 0)
      continue;
    out += "task: " + title[a.task_id()] + " | " + kTask[a.role()] + " | " +
           (a.person_id().empty() ? unit[id] : person[id]) + "\n";
  }
  return out;
}

// cw import PLAN… -o DIR: each plan to DIR/<its name>.textproto (or .json,
// .pb), a progress bar over the plans; one that fails is reported and the
// rest go on.
int ImportMany(const Args& args) {
  for (const char* single :
       {"review", "review-file", "apply", "export-expect", "result", "id"}) {
    if (args.Has(single))
      return UsageError(std::string("--") + single + " takes one plan");
  }
  if (!args.Has("o"))
    return UsageError("several plans: give -o DIR for their campaigns");
  const char* extension = args.Has("json")     ? ".json"
                          : args.Has("binary") ? ".pb"
                                               : ".textproto";
  int failed = 0;
  ProgressBar progress("importing", args.positional.size());
  for (const std::string& plan : args.positional) {
    Args one = args;
    one.positional = {plan};
    std::string stem = std::filesystem::path(plan).stem().string();
    one.values["o"] = CleanPath(args.Value("o") + "/" + stem + extension);
    one.flags.insert("batch");  // Not an option: one line per plan.
    if (RunImport(one) != kExitOk) ++failed;
    progress.Step();
  }
  if (failed > 0) {
    std::fprintf(stderr, "cw: %d of %zu plans could not be imported\n", failed,
                 args.positional.size());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

int RunImport(const Args& args) {
  if (args.positional.size() > 1) return ImportMany(args);
  if (args.positional.size() != 1) return UsageError(args.synopsis);
  std::string bytes;
  chuangwen::Status s = chuangwen::ReadFile(args.positional[0], &bytes);
  if (!s.ok()) return Fail(s);
  v1::ImportOptions options;
  if (args.Has("year")) {
    try {
      options.set_year(std::stoi(args.Value("year")));
    } catch (const std::exception&) {
      return UsageError("--year: '" + args.Value("year") + "' is not a year");
    }
  }
  options.set_encoding(args.Value("encoding"));
  options.set_campaign_id(args.Value("id"));
  options.set_bare(args.Has("bare"));
  if (args.Has("apply")) {
    std::string review, error;
    s = chuangwen::ReadFile(args.Value("apply"), &review);
    if (!s.ok()) return Fail(s);
    if (!ReadReviewFile(review, &options, &error))
      return UsageError(args.Value("apply") + ": " + error);
  }
  v1::ImportResult result;
  s = chuangwen::ImportPlan(bytes, options, &result);
  if (!s.ok()) return UsageError(args.positional[0] + ": " + s.message());
  if (args.Has("review")) {
    Review(result);
    return kExitOk;
  }
  if (args.Has("result")) return PrintJson(result);
  if (args.Has("review-file") || args.Has("export-expect")) {
    const bool review = args.Has("review-file");
    const std::string path =
        args.Value(review ? "review-file" : "export-expect");
    s = WriteOutput(path, review ? ReviewFile(args.positional[0], result)
                                 : ExpectFile(result));
    if (!s.ok()) return Fail(s);
    std::fprintf(stderr, "Wrote %s: %d items.\n", CleanPath(path).c_str(),
                 result.review_items_size());
    return kExitOk;
  }
  chuangwen::Format format = args.Has("json")     ? chuangwen::Format::kJson
                             : args.Has("binary") ? chuangwen::Format::kBinary
                                                  : chuangwen::Format::kText;
  std::string out;
  s = chuangwen::Encode(result.campaign(), format, &out);
  if (!s.ok()) return Fail(s);
  if (args.Has("o")) {
    s = WriteOutput(args.Value("o"), out);
    if (!s.ok()) return Fail(s);
    std::fprintf(stderr,
                 "Wrote %s: %d tasks, %d phases, %d duties; %d lines not used, "
                 "%d problems to review.\n",
                 CleanPath(args.Value("o")).c_str(),
                 result.campaign().tasks_size(),
                 result.campaign().schedule().phases_size(),
                 result.campaign().schedule().duties_size(),
                 result.skipped_size(), result.problems().problems_size());
    if (!args.Has("batch")) {
      for (const std::string& n : result.notes())
        std::fprintf(stderr, "note: %s\n", n.c_str());
    }
    return kExitOk;
  }
  std::cout << out;
  if (format != chuangwen::Format::kBinary &&
      (out.empty() || out.back() != '\n'))
    std::cout << "\n";
  return kExitOk;
}

}  // namespace cw
