// The plan's header and closing block: 文号, issuers, title, dates,
// 签发人, 主送, 抄送, a web page's metadata table, the 落款.
#include "import/plan_dates.h"
#include "import/plan_parser.h"

namespace chuangwen::internal {

void PlanParser::Header(size_t begin, size_t end) {
  v1::Document* doc = c_->add_documents();
  doc->set_id("plan");
  c_->set_plan_document_id("plan");
  int parents = 0;
  for (size_t i = begin; i < end; ++i) {
    const LogicalLine& l = lines_[i];
    U32View n = l.norm;
    // 文号: 郑修管〔2017〕8号, 新事文【2014】25号, [2017], (2017), "2017".
    for (size_t p = 0; p < n.size(); ++p) {
      if (U32View(U"〔【[(\"“").find(n[p]) == U32View::npos) continue;
      size_t q = p + 1;
      while (q < n.size() && internal::IsSpace(n[q])) ++q;
      if (q + 4 > n.size() ||
          !std::all_of(n.begin() + static_cast<long>(q),
                       n.begin() + static_cast<long>(q + 4),
                       [](char32_t ch) { return ch >= '0' && ch <= '9'; }))
        continue;
      size_t r = q + 4;
      while (r < n.size() && internal::IsSpace(n[r])) ++r;
      if (r >= n.size() || U32View(U"〕】])\"”").find(n[r]) == U32View::npos)
        continue;
      size_t s = r + 1;
      size_t digits = s;
      while (digits < n.size() && n[digits] >= '0' && n[digits] <= '9')
        ++digits;
      if (digits == s || digits >= n.size() || n[digits] != U'号') continue;
      size_t prefix = p;
      while (prefix > 0 && IsHan(n[prefix - 1]) && p - prefix < 10) --prefix;
      if (prefix == p) continue;
      // Inside 《…》（…）a number is a parent's, read below; "（X〔2025〕9
      // 号）" under the title is the plan's own.
      if (prefix > 0 &&
          (n[prefix - 1] == U'《' ||
           (n[prefix - 1] == '(' && prefix >= 2 && n[prefix - 2] == U'》')))
        continue;
      if (doc->number().empty()) {
        doc->set_number(ToUtf8(n.substr(prefix, p - prefix)) + "〔" +
                        ToUtf8(n.substr(q, 4)) + "〕" +
                        ToUtf8(n.substr(s, digits - s)) + "号");
        Use(i);
      }
    }
    // Parent documents: 《title》（number）.
    for (size_t p = n.find(U'《'); p != U32View::npos;
         p = n.find(U'《', p + 1)) {
      size_t close = n.find(U'》', p);
      if (close == U32View::npos) break;
      size_t q = close + 1;
      while (q < n.size() && internal::IsSpace(n[q])) ++q;
      if (q >= n.size() || n[q] != '(') continue;
      size_t r = n.find(')', q);
      if (r == U32View::npos) continue;
      U32View number = Trim(n.substr(q + 1, r - q - 1));
      if (!EndsWith(number, U"号")) continue;
      v1::Document* parent = c_->add_documents();
      parent->set_id("parent-" + std::to_string(++parents));
      parent->set_title(ToUtf8(U32View(l.text).substr(p + 1, close - p - 1)));
      U32 num(number);
      for (char32_t& ch : num) {
        if (ch == U'【' || ch == '[') ch = U'〔';
        if (ch == U'】' || ch == ']') ch = U'〕';
      }
      parent->set_number(ToUtf8(num));
      doc->add_parent_ids(parent->id());
      Provenance("document", parent->id(), l);
      Use(i);
    }
    if (MetadataRow(l, doc)) {
      Use(i);
      continue;
    }
    // "青城管〔2025〕9号          签发人：周  明": the signer after wide
    // padding on the 文号's line.
    if (const size_t signer = After(n, U"签发人:");
        signer != U32View::npos && signer > 7 && doc->signer().empty()) {
      const std::vector<U32> names =
          SplitNames(Trim(U32View(l.text).substr(signer)));
      if (!names.empty()) doc->set_signer(ToUtf8(names[0]));
      Use(i);
    }
    const std::string date = internal::WholeLineDate(n);
    if (!date.empty()) {
      if (doc->issue_date().empty()) doc->set_issue_date(date);
      Use(i);
      continue;
    }
    if (n.size() <= 30 && n.back() == ':' && doc->recipients_size() == 0) {
      // 主送: "局属各科室、各管理所：".
      for (const U32& r :
           SplitNames(U32View(l.text).substr(0, l.text.size() - 1)))
        doc->add_recipients(ToUtf8(r));
      Use(i);
      continue;
    }
    U32 label;
    size_t value_at = 0;
    if (MatchLabel(n, &label, &value_at)) {
      U32View value = Trim(U32View(l.text).substr(value_at));
      if (label == U"签发人" || label == U"签发") {
        // "林  涛" padded for alignment is one name.
        const std::vector<U32> names = SplitNames(value);
        doc->set_signer(ToUtf8(names.size() == 1 ? U32View(names[0]) : value));
        Use(i);
      } else if (label == U"抄送") {
        for (const U32& r : SplitNames(value)) doc->add_copied_to(ToUtf8(r));
        Use(i);
      } else if (label == U"主送") {
        for (const U32& r : SplitNames(value)) doc->add_recipients(ToUtf8(r));
        Use(i);
      } else if (value.empty() && n.size() <= 20) {
        doc->add_recipients(
            ToUtf8(Trim(U32View(l.text).substr(0, value_at - 1))));
        Use(i);
      }
      continue;
    }
    // Issuers above the title, one or several to a line ("中共X县委办公室
    // X县人民政府办公室"), or signing the covering notice.
    const std::vector<U32> issuers =
        internal::IssuerNames(n, cues_.issuer_endings);
    if (!issuers.empty()) {
      AddIssuers(doc, issuers);
      Use(i);
      continue;
    }
    if (EndsWith(n, U"文件") && n.size() <= 30) {
      doc->set_issuer(
          ToUtf8(Trim(U32View(l.text).substr(0, l.text.size() - 2))));
      Use(i);
      continue;
    }
    if (n.size() <= 100 && !Contains(n, U"根据") &&
        (Contains(n, U"关于印发") || EndsWith(n, U"的通知"))) {
      doc->set_title(ToUtf8(l.text));
      // "青川市交通运输局关于印发…": the issuer leads the title.
      size_t about = n.find(U"关于");
      if (doc->issuer().empty() && about != U32View::npos && about >= 4 &&
          std::all_of(n.begin(), n.begin() + static_cast<long>(about), IsHan)) {
        doc->set_issuer(ToUtf8(U32View(l.text).substr(0, about)));
        issuer_from_title_ = true;
      }
      Use(i);
      continue;
    }
    if (n.size() <= 60 &&
        std::any_of(cues_.plan_title_endings.begin(),
                    cues_.plan_title_endings.end(),
                    [&](const U32& end) { return EndsWith(n, end); })) {
      // The plan's own title; spaces inside it are layout.
      U32 title;
      for (char32_t ch : l.text)
        if (!internal::IsSpace(ch)) title.push_back(ch);
      c_->set_name(ToUtf8(title));
      Use(i);
      continue;
    }
    if (ContainsAny(n, {U"印发给你们", U"请遵照执行", U"请认真贯彻执行",
                        U"请结合实际"})) {
      Use(i);  // The covering notice's sentence.
      continue;
    }
  }
  if (doc->title().empty()) doc->set_title(c_->name());
  if (c_->name().empty()) c_->set_name(doc->title());
  if (end > begin)
    Provenance("document", "plan", lines_[begin].first, lines_[end - 1].last);
}

void PlanParser::Trailer() {
  // The issuer's name and a date at the end (郑州市…管理处 /
  // 2017年3月13日印发); joint issuers on one line or on several.
  v1::Document* doc = c_->mutable_documents(0);
  for (size_t i = lines_.size(); i-- > 0 && i + 6 >= lines_.size();) {
    const std::string date = internal::WholeLineDate(lines_[i].norm);
    if (date.empty()) continue;
    if (doc->issue_date().empty()) doc->set_issue_date(date);
    if (!used_[i]) Provenance("document", "plan", lines_[i]);
    Use(i);
    size_t top = i;
    while (top > 0 && i - top < 3 && !used_[top - 1] &&
           !internal::IssuerNames(lines_[top - 1].norm, cues_.issuer_endings)
                .empty())
      --top;
    if (top < i) {
      for (size_t k = top; k < i; ++k) {
        AddIssuers(doc,
                   internal::IssuerNames(lines_[k].norm, cues_.issuer_endings));
        Provenance("document", "plan", lines_[k]);
        Use(k);
      }
    } else if (i > 0 && !used_[i - 1]) {
      U32View prev = lines_[i - 1].norm;
      if (prev.size() <= 30 && MatchNumbering(prev).style == Numbering::kNone &&
          std::all_of(prev.begin(), prev.end(), [](char32_t ch) {
            return IsHan(ch) || internal::IsSpace(ch);
          })) {
        if (doc->issuer().empty()) doc->set_issuer(ToUtf8(lines_[i - 1].text));
        Provenance("document", "plan", lines_[i - 1]);
        Use(i - 1);
      }
    }
    break;
  }
}

}  // namespace chuangwen::internal
