// The ledger's folded state, shared by the event checks and the queries.
// Days are Julian day numbers (0: none) so that folding a million events
// allocates no date strings.
#ifndef CHUANGWEN_SRC_LEDGER_LEDGER_STATE_H_
#define CHUANGWEN_SRC_LEDGER_LEDGER_STATE_H_

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chuangwen/calendar.h"
#include "chuangwen/ledger.h"
#include "ledger/id_index.h"

namespace chuangwen {
namespace internal {

using Day = int32_t;

inline Day ToDay(const Date& d) { return static_cast<Day>(d.day_number()); }
Date FromDay(Day day);
std::string DayText(Day day);  // ISO date; "" for 0.
// A notice number of a series: "{year}" and "{n}" replaced.
std::string FormatSeries(const std::string& series, int year, int n);

// The state in force from `day` on, and the date the item is due by then
// (its deadline, or its plan date while on the long-term ledger).
struct Snapshot {
  Day day;
  Day deadline;
  v1::LedgerState state;
  // Open, not submitted, and `today` is after its due date. It is overdue
  // only once a working day has passed since (see WorkingDaysLate).
  bool PastDue(Day today) const {
    return (state == v1::ISSUED || state == v1::IN_RECTIFICATION ||
            state == v1::LONG_TERM) &&
           deadline < today;
  }
};

struct ItemState {
  std::string id;
  v1::IssueNotice notice;  // Number, unit, findings, required result.
  v1::LedgerState state = v1::ISSUED;
  Day issued = 0, deadline = 0, plan_date = 0, closed_on = 0;
  Day extension_requested = 0, last_submitted = 0, last_event = 0;
  int32_t rejections = 0, extensions_approved = 0, events = 0;
  int32_t reminder_level = 0;
  v1::Severity severity = v1::SEVERITY_UNSPECIFIED;  // The most severe finding.
  std::string submitted_by;  // Who submitted the latest rectification.
  std::vector<Snapshot> timeline;
  std::vector<Day> rejected_on, bulletined_on;
  std::vector<uint64_t> positions;  // Of its events in the log.

  const std::string& unit_id() const { return notice.unit_id(); }
  // What it is due by: the plan date while on the long-term ledger (挂账),
  // else the deadline.
  Day Due() const { return state == v1::LONG_TERM ? plan_date : deadline; }
  // What a rectification had to be submitted by to be on time: the later
  // of the deadline and the plan date of a 挂账 (once placed there).
  Day DueForSubmission() const { return std::max(deadline, plan_date); }
  // The snapshot in force at `day`, or nullptr before the item existed.
  const Snapshot* At(Day day) const;
  bool OpenAt(Day day) const;     // Issued and not closed.
};

struct EscalationState {
  std::string id;
  std::string unit_id;
  v1::EscalationMeasure measure = v1::ESCALATION_MEASURE_UNSPECIFIED;
  std::string rule_id;
  std::string proposer;
  Day proposed_on = 0;
  int decision = 0;  // 0 pending, 1 approved, -1 refused.
  std::vector<std::string> item_ids;
  std::vector<uint64_t> positions;
};

}  // namespace internal

struct Ledger::State {
  std::vector<internal::ItemState> items;
  internal::IdIndex item_index;  // Position i is items[i].
  std::vector<internal::EscalationState> escalations;
  std::unordered_map<std::string, uint32_t> escalation_index;
  internal::IdIndex event_ids;
  internal::IdIndex notice_numbers;
  std::map<int, int> notices_per_year;

  const internal::ItemState* FindItem(const std::string& id) const {
    int64_t i = item_index.Find(id);
    return i < 0 ? nullptr : &items[static_cast<size_t>(i)];
  }
};

}  // namespace chuangwen

#endif  // CHUANGWEN_SRC_LEDGER_LEDGER_STATE_H_
