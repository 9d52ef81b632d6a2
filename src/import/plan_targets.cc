#include "import/plan_targets.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include "chuangwen/date.h"
#include "import/plan_text.h"

namespace chuangwen::internal {
namespace {

// Units of measure a target is counted in; % is a level, the rest counts.
const U32View kMeasures[] = {
    U"公里", U"千米", U"平方米", U"万平方米", U"亩", U"个", U"家",   U"处",
    U"座",   U"所",   U"条",     U"项",       U"场", U"次", U"人次", U"万人",
    U"人",   U"户",   U"件",     U"辆",       U"名", U"支", U"套",   U"%"};

// Verbs that make a quantity a commitment, not a description.
const U32View kCommitments[] = {
    U"建成", U"完成",   U"新建",   U"改造",   U"新增",   U"达到",   U"实现",
    U"培训", U"开展",   U"建设",   U"整治",   U"清理",   U"覆盖",   U"招募",
    U"举办", U"不超过", U"不低于", U"控制在", U"提升至", U"提高到", U"降至"};

bool Digit(char32_t c) { return c >= '0' && c <= '9'; }

std::string EndOfMonth(int year, int month) {
  const int day = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month));
  return FormatIsoDate(boost::gregorian::date(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month),
      static_cast<unsigned short>(day)));
}

// "10月底前", "6月底", "年内", "年底前" in `clause`: the deadline, or "".
std::string DeadlineIn(U32View clause, int year) {
  for (size_t i = 0; i + 1 < clause.size(); ++i) {
    if (!Digit(clause[i]) || (i > 0 && Digit(clause[i - 1]))) continue;
    size_t j = i;
    int month = 0;
    while (j < clause.size() && Digit(clause[j]) && j - i < 2)
      month = month * 10 + static_cast<int>(clause[j++] - '0');
    if (j < clause.size() && clause[j] == U'月' && month >= 1 && month <= 12 &&
        !(i > 0 && clause[i - 1] == U'每'))
      return EndOfMonth(year, month);
  }
  if (clause.find(U"年内") != U32View::npos ||
      clause.find(U"年底") != U32View::npos)
    return EndOfMonth(year, 12);
  return "";
}

// The clause without the quantity, its deadline words and the verb that
// commits to it: "年内建成绿道" → "绿道", "窗口好评率达到" → "窗口好评率".
U32 MetricOf(U32View clause) {
  U32 m(Trim(clause));
  auto drop_prefix = [&](U32View p) {
    if (U32View(m).substr(0, p.size()) == p) m.erase(0, p.size());
  };
  // "10月底前", "年内", "年底前" at the start.
  size_t k = 0;
  while (k < m.size() && Digit(m[k])) ++k;
  if (k > 0 && k < m.size() && m[k] == U'月') {
    m.erase(0, k + 1);
    drop_prefix(U"底");
    drop_prefix(U"前");
  }
  for (U32View p : {U32View(U"年内"), U32View(U"年底前"), U32View(U"全年")})
    drop_prefix(p);
  for (bool again = true; again;) {
    again = false;
    for (U32View verb : kCommitments) {
      if (m.size() > verb.size() &&
          U32View(m).substr(m.size() - verb.size()) == verb) {
        m.erase(m.size() - verb.size());
        again = true;
      } else if (U32View(m).substr(0, verb.size()) == verb &&
                 m.size() > verb.size()) {
        m.erase(0, verb.size());
        again = true;
      }
    }
  }
  return U32(Trim(m));
}

// Splits a task's text into clauses at Chinese and ASCII punctuation.
std::vector<U32View> Clauses(U32View text) {
  std::vector<U32View> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() ||
        U32View(U"。；;，,\n").find(text[i]) != U32View::npos) {
      if (i > start) out.push_back(Trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

void ProposeTargets(v1::Campaign* c, int year,
                    std::vector<std::string>* notes) {
  if (year <= 0) return;
  const std::string year_end = EndOfMonth(year, 12);
  std::vector<v1::Target> found;
  for (const v1::Task& task : c->tasks()) {
    const U32 text = ToU32(task.text());
    int n = 0;
    for (U32View clause : Clauses(text)) {
      bool committed = false;
      for (U32View verb : kCommitments)
        committed = committed || clause.find(verb) != U32View::npos;
      if (!committed) continue;
      for (size_t i = 0; i < clause.size(); ++i) {
        if (!Digit(clause[i]) ||
            (i > 0 && (Digit(clause[i - 1]) || clause[i - 1] == '.')))
          continue;
        size_t j = i;
        while (j < clause.size() && (Digit(clause[j]) || clause[j] == '.')) ++j;
        const U32View number = clause.substr(i, j - i);
        U32View unit;
        for (U32View m : kMeasures) {
          if (clause.substr(j, m.size()) == m && m.size() > unit.size())
            unit = m;
        }
        // Not a date, an ordinal or a numbering.
        if (unit.empty() || (i > 0 && clause[i - 1] == U'第')) continue;
        v1::Target t;
        t.set_id("target-" + task.id() + "-" + std::to_string(++n));
        t.set_task_id(task.id());
        t.set_target(std::stod(ToUtf8(number)));
        t.set_unit_of_measure(ToUtf8(unit));
        const U32View after = clause.substr(j + unit.size());
        const bool at_most = clause.find(U"不超过") != U32View::npos ||
                             clause.find(U"控制在") != U32View::npos ||
                             clause.find(U"降至") != U32View::npos ||
                             after.substr(0, 2) == U"以下" ||
                             after.substr(0, 2) == U"以内";
        t.set_direction(at_most ? v1::AT_MOST : v1::AT_LEAST);
        // A ceiling ("投诉不超过20件") is a level, as a rate is.
        t.set_measure(unit == U"%" || at_most ? v1::LEVEL : v1::CUMULATIVE);
        // The metric: the clause without the quantity, as written.
        U32 metric = U32(clause.substr(0, i));
        U32View rest = after;
        if (rest.substr(0, 2) == U"以上" || rest.substr(0, 2) == U"以下" ||
            rest.substr(0, 2) == U"以内")
          rest.remove_prefix(2);
        metric += rest;
        t.set_metric(ToUtf8(MetricOf(metric)));
        const std::string deadline = DeadlineIn(clause, year);
        t.set_deadline(deadline.empty() ? year_end : deadline);
        notes->push_back(
            "target " + t.id() + " proposed from task " + task.id() + ": " +
            t.metric() + " " + (at_most ? "≤ " : "≥ ") + ToUtf8(number) +
            t.unit_of_measure() + " by " + t.deadline() +
            (at_most ? " (the plan states no baseline: set it)" : ""));
        found.push_back(std::move(t));
        i = j;
      }
    }
  }
  for (v1::Target& t : found) *c->add_targets() = std::move(t);
}

void ProposeEvidence(v1::Campaign* c, int year,
                     std::vector<std::string>* notes) {
  struct Material {
    U32View phrase;
    v1::MaterialKind kind;
    const char* word;
  };
  static const Material kMaterials[] = {
      {U"台账", v1::WORK_LEDGER, "ledger"},
      {U"照片", v1::PHOTO, "photo"},
      {U"影像资料", v1::PHOTO, "photo"},
      {U"图片资料", v1::PHOTO, "photo"},
      {U"工作总结", v1::WORK_SUMMARY, "summary"},
      {U"工作小结", v1::WORK_SUMMARY, "summary"},
      {U"活动方案", v1::ACTIVITY_PLAN, "plan"},
      {U"工作计划", v1::ACTIVITY_PLAN, "plan"}};
  if (year <= 0) return;
  std::vector<v1::EvidenceRequirement> found;
  for (const v1::Task& task : c->tasks()) {
    const U32 text = ToU32(task.text());
    std::string duty;
    for (const v1::Duty& d : c->schedule().duties())
      if (d.task_id() == task.id()) duty = d.id();
    std::vector<v1::MaterialKind> kinds;
    for (const Material& m : kMaterials) {
      if (text.find(m.phrase) == U32::npos) continue;
      if (std::find(kinds.begin(), kinds.end(), m.kind) != kinds.end())
        continue;
      kinds.push_back(m.kind);
      v1::EvidenceRequirement r;
      r.set_id("evidence-" + task.id() + "-" + m.word);
      r.set_task_id(task.id());
      r.set_kind(m.kind);
      r.set_title(ToUtf8(m.phrase));
      if (duty.empty()) {
        r.set_due(EndOfMonth(year, 12));
      } else {
        r.set_duty_id(duty);
      }
      notes->push_back(
          "evidence " + r.id() + " proposed from task " + task.id() + ": " +
          r.title() + (duty.empty() ? " by " + r.due() : " with duty " + duty));
      found.push_back(std::move(r));
    }
  }
  for (v1::EvidenceRequirement& r : found)
    *c->add_evidence_requirements() = std::move(r);
}

}  // namespace chuangwen::internal
