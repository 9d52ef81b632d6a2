// Plan import: from logical lines to a proposed campaign. The document is
// read as a careful person reads it: the header above the first 一、, then
// each top-level section by what its title says it is (organization, tasks,
// schedule, or passages to keep), with the organization's sentences and the
// recurring duties picked out wherever they are.
#include "chuangwen/plan_import.h"

#include <algorithm>
#include <map>
#include <set>

#include "chuangwen/validate.h"
#include "import/converters.h"
#include "import/docx_reader.h"
#include "import/html_reader.h"
#include "import/pdf_text.h"
#include "import/plan_dates.h"
#include "import/plan_format.h"
#include "import/plan_parser.h"
#include "import/plan_proposals.h"
#include "import/plan_review.h"
#include "import/plan_targets.h"

namespace chuangwen {
namespace internal {

void PlanParser::TextBlocks(size_t begin, size_t end, U32View section_title) {
  v1::TextBlock* block = nullptr;
  int first = 0, last = 0;
  auto close = [&] {
    if (block == nullptr) return;
    std::set<std::string> flags;
    U32 text = internal::ToU32(block->text());
    for (const auto& [mark, flag] : cues_.mechanisms)
      if (Contains(text, mark)) flags.insert(flag);
    for (const std::string& f : flags) block->add_flags(f);
    Provenance("text_block", block->id(), first, last);
    block = nullptr;
  };
  auto open = [&](U32View title, const LogicalLine& l) {
    close();
    block = c_->add_text_blocks();
    block->set_id("block-" + std::to_string(++blocks_));
    block->set_title(ToUtf8(title));
    v1::TextBlockKind kind = BlockKindOf(title, cues_);
    if (kind == v1::OTHER) kind = BlockKindOf(section_title, cues_);
    block->set_kind(kind);
    first = l.first;
    last = l.last;
  };
  for (size_t i = begin; i < end; ++i) {
    const LogicalLine& l = lines_[i];
    if (used_[i]) continue;
    NumberingMatch num = MatchNumbering(l.norm);
    // A short numbered line, or (一) … heading: a block of its own.
    if (num.style == Numbering::kChineseParen ||
        num.style == Numbering::kChineseComma) {
      U32View rest = Trim(U32View(l.text).substr(num.length));
      size_t stop = rest.find_first_of(U"。");
      U32View title = stop == U32View::npos ? rest : rest.substr(0, stop);
      if (title.size() <= 24) {
        open(title, l);
        if (stop != U32View::npos && stop + 1 < rest.size())
          block->set_text(ToUtf8(Trim(rest.substr(stop + 1))));
        Use(i);
        continue;
      }
    }
    if (block == nullptr) open(section_title, l);
    block->set_text(block->text().empty()
                        ? ToUtf8(l.text)
                        : block->text() + "\n" + ToUtf8(l.text));
    last = l.last;
    Use(i);
  }
  close();
}

void PlanParser::Run(std::vector<LogicalLine> lines,
                     std::vector<internal::Skip> skipped) {
  lines_ = std::move(lines);
  used_.assign(lines_.size(), false);
  task_of_line_.assign(lines_.size(), "");
  phase_line_.assign(lines_.size(), false);
  c_->set_id(options_.campaign_id().empty() ? "imported"
                                            : options_.campaign_id());
  // Top-level sections: 一、二、… in order.
  std::vector<size_t> sections;
  int expect = 1;
  for (size_t i = 0; i < lines_.size(); ++i) {
    NumberingMatch m = MatchNumbering(lines_[i].norm);
    if (m.style == Numbering::kChineseComma && m.value == expect) {
      sections.push_back(i);
      ++expect;
    }
  }
  // Without 一、 sections the body starts at the first task table, numbered
  // line, roster label or responsibility line.
  size_t body = sections.empty() ? lines_.size() : sections[0];
  if (sections.empty()) {
    for (size_t i = 0; i < lines_.size() && body == lines_.size(); ++i) {
      const LogicalLine& l = lines_[i];
      U32 label;
      size_t at;
      v1::MemberRole role;
      bool units;
      TableColumns columns;
      if (ReadTableHeader(l.text, cues_, &columns) ||
          !FindRoleSpans(l.norm, cues_).empty() ||
          (MatchNumbering(l.norm).style != Numbering::kNone &&
           internal::WholeLineDate(l.norm).empty()) ||
          (MatchLabel(l.norm, &label, &at) &&
           internal::SeatLabel(label, cues_, &role, &units)))
        body = i;
    }
  }
  // The year for dates without one: options, the issue date, the title.
  year_ = options_.year();
  Header(0, body);
  Trailer();
  if (year_ == 0 && !c_->documents(0).issue_date().empty())
    year_ = std::stoi(c_->documents(0).issue_date().substr(0, 4));
  if (year_ == 0) year_ = internal::FirstYear(internal::ToU32(c_->name()));
  if (year_ == 0 && !lines_.empty()) {
    for (size_t i = 0; i < std::min<size_t>(lines_.size(), 5) && year_ == 0;
         ++i)
      year_ = internal::FirstYear(lines_[i].norm);
  }
  // The plan's own unit: the issuer, when named.
  const std::string issuer = c_->documents(0).issuer();
  // Sections.
  for (size_t s = 0; s < sections.size(); ++s) {
    const size_t begin = sections[s];
    const size_t end =
        s + 1 < sections.size() ? sections[s + 1] : lines_.size();
    const LogicalLine& head = lines_[begin];
    U32View title =
        Trim(U32View(head.text).substr(MatchNumbering(head.norm).length));
    Provenance("section", ToUtf8(title), head);
    SectionKind kind = SectionOf(head.norm, cues_);
    // A section of responsibility lines is a task section whatever its
    // title says ("一要明确责任分工").
    if (kind == SectionKind::kText && HasResponsibilities(begin + 1, end))
      kind = SectionKind::kTasks;
    switch (kind) {
      case SectionKind::kTasks:
        Use(begin);
        Tasks(begin + 1, end);
        break;
      case SectionKind::kSchedule:
        Use(begin);
        Phases(begin + 1, end);
        break;
      default:
        break;
    }
    (void)title;
  }
  if (sections.empty() && HasResponsibilities(body, lines_.size())) {
    Provenance("section", "tasks", lines_[body]);
    Tasks(body, lines_.size());
  }
  // 抄送 and 签发人 lines are the document's wherever they stand.
  for (size_t i = body; i < lines_.size(); ++i) {
    U32 label;
    size_t value_at;
    if (used_[i] || !MatchLabel(lines_[i].norm, &label, &value_at)) continue;
    U32View value = Trim(U32View(lines_[i].text).substr(value_at));
    v1::Document* doc = c_->mutable_documents(0);
    if (label == U"抄送") {
      for (const U32& r : SplitNames(value)) doc->add_copied_to(ToUtf8(r));
      Provenance("document", "plan", lines_[i]);
      Use(i);
    } else if (label == U"签发人") {
      const std::vector<U32> names = SplitNames(value);
      doc->set_signer(ToUtf8(names.size() == 1 ? U32View(names[0]) : value));
      Provenance("document", "plan", lines_[i]);
      Use(i);
    }
  }
  Organization();
  // What is left of each section is kept as text.
  for (size_t s = 0; s < sections.size(); ++s) {
    const size_t begin = sections[s];
    const size_t end =
        s + 1 < sections.size() ? sections[s + 1] : lines_.size();
    const LogicalLine& head = lines_[begin];
    U32View title =
        Trim(U32View(head.text).substr(MatchNumbering(head.norm).length));
    size_t stop = title.find_first_of(U"。");
    if (stop != U32View::npos) title = title.substr(0, stop);
    const bool head_used = used_[begin];
    Use(begin);
    if (!head_used) {
      // The heading's own text after its title, if any, is the block's.
      U32View rest =
          Trim(U32View(head.text).substr(MatchNumbering(head.norm).length));
      if (stop != U32View::npos && stop + 1 < rest.size()) used_[begin] = false;
    }
    TextBlocks(begin + (used_[begin] ? 1 : 0), end, title);
  }
  // The preamble before 一、 (为…制定方案如下), once the header took its part.
  {
    std::vector<size_t> rest;
    for (size_t i = 0; i < body; ++i)
      if (!used_[i] && lines_[i].norm.size() >= 30) rest.push_back(i);
    if (!rest.empty()) {
      v1::TextBlock* b = c_->add_text_blocks();
      b->set_id("block-" + std::to_string(++blocks_));
      b->set_title("前言");
      b->set_kind(v1::GOAL);
      for (size_t i : rest) {
        b->set_text(b->text().empty()
                        ? ToUtf8(lines_[i].text)
                        : b->text() + "\n" + ToUtf8(lines_[i].text));
        Use(i);
      }
      Provenance("text_block", b->id(), lines_[rest.front()].first,
                 lines_[rest.back()].last);
    }
  }
  Trailer();
  Duties();
  InheritAssignments();
  // Units the plan names sit under its issuer.
  if (!issuer.empty() && !c_->units().empty()) {
    const LogicalLine& first = lines_.front();
    root_unit_ = Unit(internal::ToU32(issuer), first);
    for (v1::Unit& u : *c_->mutable_units()) {
      if (u.id() != root_unit_) u.set_parent_id(root_unit_);
    }
    for (v1::Unit& u : *c_->mutable_units())
      if (u.id() == root_unit_) u.set_kind("bureau");
  }
  // "修管处办公室" hosting the office is the section 办公室 when it exists.
  for (v1::Body& b : *c_->mutable_bodies()) {
    const std::string host = b.host_unit_id();  // A copy: it is reset below.
    if (host.empty() || host == "办公室") continue;
    if (host.size() > 9 && host.compare(host.size() - 9, 9, "办公室") == 0 &&
        units_.count("办公室") != 0) {
      out_->add_notes("office host '" + host + "' read as unit '办公室'");
      b.set_host_unit_id("办公室");
      auto& units = *c_->mutable_units();
      for (int k = 0; k < units.size(); ++k) {
        if (units[k].id() == host) {
          units.erase(units.begin() + k);
          break;
        }
      }
      units_.erase(host);
    }
  }
  // Every line: used, or listed with why.
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (used_[i]) continue;
    skipped.push_back({lines_[i].first, lines_[i].last, ToUtf8(lines_[i].text),
                       v1::NOT_UNDERSTOOD, ""});
  }
  std::stable_sort(skipped.begin(), skipped.end(),
                   [](const internal::Skip& a, const internal::Skip& b) {
                     return a.line < b.line;
                   });
  for (const internal::Skip& k : skipped) {
    v1::SkippedLine* s = out_->add_skipped();
    s->set_line(k.line);
    s->set_text(k.text);
    s->set_fate(k.fate);
    s->set_note(k.note);
    s->set_last_line(k.last_line);
  }
}

}  // namespace internal

namespace {

// The plan's year: the options', the issue date's, or the first in its name.
int PlanYear(const v1::ImportOptions& options, const v1::Campaign& c) {
  if (options.year() != 0) return options.year();
  for (const v1::Document& d : c.documents())
    if (d.id() == c.plan_document_id() && d.issue_date().size() >= 4)
      return std::stoi(d.issue_date().substr(0, 4));
  return internal::FirstYear(internal::ToU32(c.name()));
}

// Cues an import adds must say what they are: a phrase and its meaning.
Status CheckExtraCues(const v1::ImportCues& c) {
  auto bad = [](const std::string& field, int i, const char* what) {
    return Status::InvalidArgument("extra_cues." + field + "[" +
                                   std::to_string(i) + "]: " + what);
  };
  for (int i = 0; i < c.role_labels_size(); ++i) {
    if (c.role_labels(i).label().empty())
      return bad("role_labels", i, "no label");
    if (c.role_labels(i).role() == v1::ASSIGNMENT_ROLE_UNSPECIFIED)
      return bad("role_labels", i, "no role");
  }
  for (int i = 0; i < c.seat_words_size(); ++i) {
    if (c.seat_words(i).word().empty()) return bad("seat_words", i, "no word");
    if (c.seat_words(i).role() == v1::MEMBER_ROLE_UNSPECIFIED)
      return bad("seat_words", i, "no role");
    if (c.seat_words(i).body() == v1::SEAT_CUE_BODY_UNSPECIFIED)
      return bad("seat_words", i, "no body");
  }
  for (int i = 0; i < c.sections_size(); ++i) {
    if (c.sections(i).phrase().empty()) return bad("sections", i, "no phrase");
    if (c.sections(i).kind() == v1::IMPORT_SECTION_KIND_UNSPECIFIED)
      return bad("sections", i, "no kind");
  }
  for (int i = 0; i < c.text_blocks_size(); ++i)
    if (c.text_blocks(i).phrase().empty())
      return bad("text_blocks", i, "no phrase");
  for (int i = 0; i < c.mechanisms_size(); ++i)
    if (c.mechanisms(i).phrase().empty() || c.mechanisms(i).flag().empty())
      return bad("mechanisms", i, "no phrase or flag");
  for (const auto* list :
       {&c.seat_verbs(), &c.post_endings(), &c.issuer_endings(),
        &c.plan_title_endings(), &c.family_names()})
    for (const std::string& x : *list)
      if (x.empty())
        return Status::InvalidArgument("extra_cues: an empty phrase");
  return Status::OK();
}

// The plan's text, as UTF-8, from whatever format it came in.
Status ReadPlanText(std::string_view bytes, internal::PlanFormat format,
                    const v1::ImportOptions& options, std::string* utf8,
                    std::string* encoding) {
  using internal::PlanFormat;
  switch (format) {
    case PlanFormat::kText:
      return internal::DecodePlanBytes(bytes, options.encoding(), utf8,
                                       encoding);
    case PlanFormat::kDocx: {
      std::string text;
      CW_RETURN_IF_ERROR(internal::ReadDocx(bytes, &text));
      return internal::DecodePlanBytes(text, "utf-8", utf8, encoding);
    }
    case PlanFormat::kDoc:
    case PlanFormat::kOdt:
    case PlanFormat::kRtf: {
      // LibreOffice keeps the list labels when it writes .docx.
      std::string docx, text;
      CW_RETURN_IF_ERROR(internal::OfficeToDocx(
          bytes, internal::PlanFormatName(format), &docx));
      CW_RETURN_IF_ERROR(internal::ReadDocx(docx, &text));
      return internal::DecodePlanBytes(text, "utf-8", utf8, encoding);
    }
    case PlanFormat::kPdf: {
      std::string layout;
      CW_RETURN_IF_ERROR(internal::PdfToLayoutText(bytes, &layout));
      return internal::DecodePlanBytes(internal::CleanPdfText(layout), "utf-8",
                                       utf8, encoding);
    }
    case PlanFormat::kHtml: {
      std::string text;
      CW_RETURN_IF_ERROR(internal::ReadHtml(bytes, &text));
      return internal::DecodePlanBytes(text, "utf-8", utf8, encoding);
    }
  }
  return Status::Internal("unknown plan format");
}

}  // namespace

Status ImportPlan(std::string_view bytes, const v1::ImportOptions& options,
                  v1::ImportResult* out) {
  out->Clear();
  if (options.year() != 0 && (options.year() < 1990 || options.year() > 2099)) {
    return Status::InvalidArgument("year " + std::to_string(options.year()) +
                                   " is out of range 1990..2099");
  }
  CW_RETURN_IF_ERROR(CheckExtraCues(options.extra_cues()));
  CW_RETURN_IF_ERROR(internal::CheckReview(options.review()));
  internal::CueTables with_extra;
  if (options.has_extra_cues())
    with_extra = internal::CuesWith(options.extra_cues());
  const internal::CueTables& cues =
      options.has_extra_cues() ? with_extra : internal::BuiltInCues();
  internal::PlanFormat format;
  CW_RETURN_IF_ERROR(internal::DetectPlanFormat(bytes, &format));
  std::string utf8, encoding;
  CW_RETURN_IF_ERROR(ReadPlanText(bytes, format, options, &utf8, &encoding));
  out->set_format(internal::PlanFormatName(format));
  std::vector<internal::LogicalLine> lines;
  std::vector<internal::Skip> skipped;
  int line_count = 0;
  internal::BuildLogicalLines(utf8, cues.issuer_endings, cues.table_words,
                              &lines, &skipped, &line_count);
  out->set_encoding(encoding);
  out->set_lines(line_count);
  internal::PlanParser parser(options, cues, out);
  parser.Run(std::move(lines), std::move(skipped));
  // A reviewer's decisions apply to what the text says, before anything
  // is proposed from it.
  internal::ApplyReview(options.review(), out);
  if (!options.bare()) {
    std::vector<std::string> notes;
    internal::FillResponsibilityGaps(out->mutable_campaign(), &notes);
    internal::SeatPeople(out->mutable_campaign(), &notes);
    internal::ProposeAssessment(out->mutable_campaign(), &notes);
    const int year = PlanYear(options, out->campaign());
    internal::ProposeTargets(out->mutable_campaign(), year, &notes);
    internal::ProposeEvidence(out->mutable_campaign(), year, &notes);
    for (std::string& n : notes) out->add_notes(std::move(n));
  }
  *out->mutable_problems() = Validate(out->campaign());
  internal::ListReviewItems(out);
  return Status::OK();
}

}  // namespace chuangwen
