// Phases (工作步骤) and the recurring duties stated in the text.
#include "import/plan_dates.h"
#include "import/plan_parser.h"

namespace chuangwen::internal {

void PlanParser::Phases(size_t begin, size_t end) {
  int count = 0;
  for (size_t i = begin; i < end; ++i) {
    const LogicalLine& l = lines_[i];
    U32View n = l.norm;
    NumberingMatch num = MatchNumbering(n);
    size_t at = num.length;
    const bool ordinal =
        n.size() > 3 && n[0] == U'第' && Contains(n.substr(0, 8), U"阶段");
    if (num.style == Numbering::kNone && !ordinal) continue;
    U32View rest = n.substr(at);
    // Name: up to "(" or ":".
    size_t name_end = rest.find_first_of(U"(:");
    if (name_end == U32View::npos) continue;
    U32View name = Trim(U32View(l.text).substr(at, name_end));
    if (name.empty() || name.size() > 16) continue;
    DateSpan span;
    bool dated = false;
    size_t desc_at = at + name_end;
    if (rest[name_end] == '(') {
      size_t close = rest.find(')', name_end);
      if (close == U32View::npos) continue;
      U32View expr = rest.substr(name_end + 1, close - name_end - 1);
      dated = internal::ParseDateSpan(expr, Year(), &span);
      if (!dated && ContainsAny(expr, {U"20XX", U"月"})) {
        out_->add_notes("phase '" + ToUtf8(name) + "': date '" + ToUtf8(expr) +
                        "' not read (no year known)");
      }
      desc_at = at + close + 1;
    }
    U32View desc =
        Trim(U32View(l.text).substr(std::min(desc_at, l.text.size())));
    if (!desc.empty() && (Fold(desc[0]) == ':')) desc = Trim(desc.substr(1));
    v1::Phase* p = c_->mutable_schedule()->add_phases();
    p->set_id("phase-" + std::to_string(++count));
    U32 full_name(name);
    if (ordinal) {
      // "第一阶段" says little: add its first sentence when short.
      size_t stop = desc.find_first_of(U"。；;");
      if (stop != U32View::npos && stop <= 20)
        full_name += U"：" + U32(desc.substr(0, stop));
    }
    p->set_name(ToUtf8(full_name));
    p->set_start(span.start);
    p->set_end(span.end);
    p->set_description(ToUtf8(desc));
    if (span.used_placeholder && !placeholder_noted_) {
      placeholder_noted_ = true;
      out_->add_notes("dates without a year (or with 20XX) read as " +
                      std::to_string(Year()));
    }
    Provenance("phase", p->id(), l);
    phase_line_[i] = true;
    Use(i);
  }
}

void PlanParser::Duties() {
  int count = 0;
  bool has_sections = false;
  for (const v1::Unit& u : c_->units()) has_sections |= u.kind() == "section";
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (phase_line_[i]) continue;  // A phase's dates are not a duty.
    const LogicalLine& l = lines_[i];
    U32View n = l.norm;
    // Sentence by sentence, clause by clause: one sentence may set several
    // duties ("每周五报送进展，每月25日前报送台账").
    size_t start = 0;
    while (start < n.size()) {
      size_t end = n.find_first_of(U"。;!?", start);
      if (end == U32View::npos) end = n.size();
      const size_t sentence_at = start;
      U32View sn = n.substr(start, end - start);
      start = end + 1;
      for (size_t cs = 0; cs < sn.size();) {
        size_t ce = sn.find_first_of(U",，", cs);
        if (ce == U32View::npos) ce = sn.size();
        Duty(i, sentence_at, sn, cs, ce, has_sections, &count);
        cs = ce + 1;
      }
    }
  }
}

void PlanParser::Duty(size_t i, size_t sentence_at, U32View sn, size_t cs,
                      size_t ce, bool has_sections, int* count) {
  const LogicalLine& l = lines_[i];
  U32View n = l.norm;
  U32View cn = sn.substr(cs, ce - cs);  // The clause, folded.
  U32View st = U32View(l.text).substr(sentence_at, sn.size());
  v1::DutyRule rule;
  size_t at;
  auto number_after = [&](size_t p, int* v) {
    size_t q = p;
    while (q < cn.size() && internal::IsSpace(cn[q])) ++q;
    int x = 0;
    size_t d = q;
    while (d < cn.size() && cn[d] >= '0' && cn[d] <= '9' && d - q < 2)
      x = x * 10 + static_cast<int>(cn[d++] - '0');
    *v = x;
    return d > q ? d : U32View::npos;
  };
  if ((at = cn.find(U"每月")) != U32View::npos) {
    int day = 0;
    size_t d = number_after(at + 2, &day);
    if (d != U32View::npos && d < cn.size() &&
        (cn[d] == U'日' || cn[d] == U'号') && day >= 1 && day <= 31) {
      rule.mutable_monthly()->set_day(day);
    } else if (ContainsAny(cn.substr(at), {U"底", U"一次", U"通报"})) {
      rule.mutable_month_end();
    }
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET &&
      (at = cn.find(U"每周")) != U32View::npos && at + 2 < cn.size()) {
    static const U32View kDays = U"一二三四五六日";
    size_t w = kDays.find(cn[at + 2]);
    if (w == U32View::npos && cn[at + 2] == U'天') w = 6;
    if (w != U32View::npos)
      rule.mutable_weekly()->set_weekday(static_cast<v1::Weekday>(w + 1));
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET &&
      (at = cn.find(U"每半月")) != U32View::npos) {
    rule.mutable_semi_monthly();
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET &&
      (at = cn.find(U"每季度")) != U32View::npos && Year() > 0) {
    auto* q = rule.mutable_every_n_months();
    q->set_interval(3);
    q->set_start_month(std::to_string(Year()) + "-03");
    q->set_day(31);
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET && Year() > 0 &&
      ContainsAny(cn, {U"报送", U"上报", U"提交", U"报"})) {
    // A one-off date: "4月20日前一并报送", "7月份报送".
    for (size_t p = 0; p < cn.size(); ++p) {
      if (!(cn[p] >= '0' && cn[p] <= '9') ||
          (p > 0 && cn[p - 1] >= '0' && cn[p - 1] <= '9'))
        continue;
      if (p > 0 && cn[p - 1] == U'每') break;
      size_t e = cn.find(U"报", p);
      if (e == U32View::npos || e - p > 10) break;
      DateSpan span;
      if (internal::ParseDateSpan(cn.substr(p, e - p), Year(), &span)) {
        rule.mutable_one_off()->set_date(span.end);
        at = p;
      }
      break;
    }
  }
  if (rule.kind_case() == v1::DutyRule::KIND_NOT_SET) return;
  v1::Duty* d = c_->mutable_schedule()->add_duties();
  d->set_id("duty-" + std::to_string(++*count));
  U32View clause = Trim(st.substr(cs, ce - cs));
  d->set_title(ToUtf8(clause.size() > 60 ? clause.substr(0, 60) : clause));
  d->set_text(ToUtf8(Trim(st)));
  *d->mutable_rule() = rule;
  d->set_non_working_day(v1::EARLIER_WORKING_DAY);
  // The recipient: "向局办公室报送", or "报送局办公室".
  auto office_like = [](U32View who) {
    return !who.empty() && who.size() <= 12 &&
           (EndsWith(who, U"办公室") || EndsWith(who, U"办") ||
            EndsWith(who, U"局") || EndsWith(who, U"委") ||
            EndsWith(who, U"科") || EndsWith(who, U"组"));
  };
  size_t to = After(cn, U"向");
  if (to != U32View::npos) {
    size_t stop = cn.find_first_of(U"报通", to);
    U32View who =
        stop == U32View::npos ? U32View() : Trim(st.substr(cs + to, stop - to));
    if (office_like(who)) d->set_recipient(ToUtf8(who));
  }
  if (d->recipient().empty() && (to = After(cn, U"报送")) != U32View::npos) {
    U32View who = Trim(UpTo(st.substr(cs, ce - cs), to, U",，。;；和及"));
    if (office_like(who)) d->set_recipient(ToUtf8(who));
  }
  // Who owes it: a body named as the subject; units when the sentence, or
  // the paragraph's first sentence after its title, has 各部门/各科室 as
  // subject; else the office.
  U32View subject = Trim(sn);
  std::string owner_body;
  for (const v1::Body& b : c_->bodies()) {
    const U32 name = internal::ToU32(b.name());
    if (!name.empty() &&
        (subject.rfind(name, 0) == 0 || cn.rfind(name, 0) == 0))
      owner_body = b.id();
  }
  U32View paragraph = Trim(n.substr(MatchNumbering(n).length));
  size_t title_end = paragraph.find(U'。');
  U32View lead = title_end == U32View::npos
                     ? paragraph
                     : Trim(paragraph.substr(title_end + 1));
  const bool office_subject =
      ContainsAny(subject.substr(0, std::min<size_t>(subject.size(), 4)),
                  {U"办公室", U"创建办", U"督查"});
  const bool units_owe =
      has_sections && !office_subject &&
      (subject.rfind(U"各", 0) == 0 ||
       ContainsAny(subject, {U"各部门要", U"各科室要", U"各单位要"}) ||
       lead.rfind(U"各", 0) == 0);
  // A duty stated inside a task is owed by the unit that leads the task.
  std::string task_unit;
  for (std::string t = task_of_line_[i]; !t.empty() && task_unit.empty();) {
    for (const v1::Assignment& a : c_->assignments()) {
      if (a.task_id() == t && !a.unit_id().empty() &&
          (a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT ||
           a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT)) {
        task_unit = a.unit_id();
        break;
      }
    }
    const size_t dot = t.rfind('.');
    t = dot == std::string::npos ? "" : t.substr(0, dot);
  }
  if (!owner_body.empty()) {
    d->set_owner_body_id(owner_body);
  } else if (units_owe) {
    d->set_owner_unit_kind("section");
  } else if (!task_unit.empty()) {
    d->set_owner_unit_id(task_unit);
  } else if (BodyById("office") != nullptr) {
    d->set_owner_body_id("office");
  } else if (has_sections) {
    d->set_owner_unit_kind("section");
  }
  if (!task_of_line_[i].empty()) d->set_task_id(task_of_line_[i]);
  if (Contains(sn, U"整治期间")) {
    for (const v1::Phase& p : c_->schedule().phases())
      if (p.name().find("整治") != std::string::npos)
        d->add_active_phase_ids(p.id());
  }
  Provenance("duty", d->id(), l);
}

}  // namespace chuangwen::internal
