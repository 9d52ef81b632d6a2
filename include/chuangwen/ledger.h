// Supervision ledger (督查台账): rectification items as event streams. An
// item's state is the fold of its events (issued → in rectification →
// submitted → closed 销号, or rejected back with a new deadline, or placed on
// the long-term ledger 挂账; extensions 延期 requested before the deadline and
// decided by the supervisors; reminders 催办 and bulletins 通报批评 recorded
// against it). Escalations (约谈, 组织措施) are proposed by supervisors and
// decided by the leading group's 组长 or 副组长. Nothing recorded is edited or
// removed.
//
// Roles come from the campaign's organization: members of supervising bodies
// (Body.supervises, else office bodies) issue notices, verify, reject, place
// items on the long-term ledger, decide extensions, send reminders, bulletin
// items and propose escalations; notices on public reports (社会监督) are
// issued by members of an office body only; people of the responsible unit
// (or a unit below it) start and submit rectification and request
// extensions; the leading group's 组长 and 副组长 decide escalations, never
// their own proposals. Anyone else is refused and nothing changes.
//
// The ledger is in memory; LedgerStore (ledger_store.h) makes it durable.
// Thread safety: one writer; readers must not run during Append.
#ifndef CHUANGWEN_LEDGER_H_
#define CHUANGWEN_LEDGER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "chuangwen/calendar.h"
#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/validate.h"
#include "chuangwen/v1/ledger.pb.h"

namespace chuangwen {

struct LedgerOptions {
  // Keep every event in memory (for History and events()). A store-backed
  // ledger reads history from its file instead.
  bool keep_events = true;
};

// One overdue item. The pointers point into the ledger and stay valid until
// it next changes.
struct OverdueRow {
  const std::string* item_id;
  const std::string* unit_id;
  const std::string* number;
  Date deadline;  // In force at the query date.
  int working_days_late;
  v1::Severity severity;
};

class Ledger {
 public:
  explicit Ledger(std::shared_ptr<const Campaign> campaign,
                  LedgerOptions options = {});
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;
  Ledger(Ledger&&) noexcept;
  Ledger& operator=(Ledger&&) noexcept;

  // Checks every event of `batch` in order against the state it would meet,
  // then applies them all; one bad event rejects the whole batch and changes
  // nothing. Errors name the event, the item and what is wrong:
  // PermissionDenied for a wrong role, Conflict for a transition the item's
  // state does not allow, InvalidArgument / NotFound for bad fields.
  // A notice without a number gets the next of the campaign's series;
  // `accepted`, when given, receives the events as recorded.
  Status Append(const std::vector<v1::LedgerEvent>& batch,
                std::vector<v1::LedgerEvent>* accepted = nullptr);

  // Puts a newer version of the campaign in force for later events. It must
  // have the same campaign id and validate without errors, and every person
  // and unit the ledger's items and pending escalations name must still
  // exist.
  Status ReplaceCampaign(std::shared_ptr<const Campaign> campaign);
  // The checks of ReplaceCampaign alone.
  Status CheckCampaign(const Campaign& campaign) const;
  const Campaign& campaign() const { return *campaign_; }
  std::shared_ptr<const Campaign> shared_campaign() const { return campaign_; }

  // ---- Queries. Dates are ISO "YYYY-MM-DD", months "YYYY-MM". ----

  // The folded state of one item.
  Status Item(const std::string& item_id, v1::LedgerItem* out) const;
  // Items open at `date` (not closed, not on the long-term ledger), of one
  // unit and the units below it (empty: all), with colours; deadline order.
  Status OpenItems(const std::string& unit_id, const std::string& date,
                   v1::OpenItemList* out) const;
  // Items open and past their deadline at `date`, with working days late;
  // oldest deadline first. Deadlines are those in force at that date.
  Status Overdue(const std::string& date, v1::OpenItemList* out) const;
  // The same without building messages: the fast form for large ledgers.
  Status Overdue(const std::string& date, std::vector<OverdueRow>* out) const;
  // One item's state and every event about it (needs keep_events).
  Status History(const std::string& item_id, v1::ItemHistory* out) const;
  // Per unit with any activity: found, rectified on time / late, overdue and
  // open at the month's end, reopened.
  Status MonthlyStats(const std::string& month, v1::MonthlyStats* out) const;
  // Units with repeated findings of one category (SupervisionRules'
  // window and threshold; defaults 3 months and 2 findings) up to `date`.
  Status RepeatedProblems(const std::string& date,
                          v1::RepeatedProblemList* out) const;
  // Escalations the rules recommend at `date`, less those already proposed.
  Status Escalations(const std::string& date, v1::EscalationList* out) const;
  // Reminders due at `date`: for each open overdue item, the highest level
  // of the ladder reached that has not been sent yet.
  Status RemindersDue(const std::string& date, v1::ReminderList* out) const;
  // Every inspection point with its findings and open items up to `date`.
  Status Points(const std::string& date, v1::PointReport* out) const;
  // Deduction occurrences for the month, one input per unit and deduction
  // source, flagged with the findings' flags (and "approved_extension" for
  // items whose deadline was extended).
  Status Deductions(const std::string& month, v1::DeductionInputs* out) const;
  // The same for every month of `period` ("YYYY-MM", "YYYY-Qn" or "YYYY"),
  // appended to `out`: what RankPeriod takes as derived inputs.
  Status DeductionInputs(const std::string& period,
                         std::vector<v1::IndicatorInput>* out) const;
  // The next number of the campaign's notice series in `year`.
  Status NextNoticeNumber(int year, std::string* out) const;

  size_t event_count() const { return event_count_; }
  size_t item_count() const;
  // Every event in order (empty unless keep_events).
  const std::vector<v1::LedgerEvent>& events() const { return events_; }
  // Positions (0-based, in append order) of one item's events.
  Status EventPositions(const std::string& item_id,
                        std::vector<uint64_t>* out) const;

  struct State;  // Items and escalations; defined in src/ledger.

 private:
  friend class Books;
  // Called with a checked batch (as recorded), each event's unit and local
  // date before the ledger's change is final; its failure undoes the batch.
  using Persist =
      std::function<Status(const std::vector<const v1::LedgerEvent*>&,
                           const std::vector<std::string>&,
                           const std::vector<Date>&)>;
  // Folds stored events with the dates they were recorded with, all or
  // nothing.
  Status Fold(const std::vector<v1::LedgerEvent>& batch,
              const std::vector<Date>& dates);
  // `dates`: the events' local dates as stored; null for new events, whose
  // text and time are checked and dated in the campaign's time zone.
  // `keep` false: a dry run, undone once checked and given to `persist`.
  Status Apply(const std::vector<v1::LedgerEvent>& batch, bool keep,
               std::vector<v1::LedgerEvent>* accepted, const Persist* persist,
               const std::vector<Date>* dates = nullptr);
  Status EventDate(const v1::LedgerEvent& e, Date* out) const;
  // Puts a stored campaign version in force without checks: it was checked
  // when it was stored, perhaps under older rules.
  void Rebind(std::shared_ptr<const Campaign> campaign);

  std::shared_ptr<const Campaign> campaign_;
  LedgerOptions options_;
  std::unique_ptr<State> state_;
  std::vector<v1::LedgerEvent> events_;
  size_t event_count_ = 0;
};

// Validation rule 15 (validate.h): supervision rules.
void AddLedgerValidationRules(ValidationRules* rules);

// A reminder level's colour: level_color, else the colour named by the
// pre-0.2 string field ("blue", "yellow", "orange", "red"), else
// STATUS_COLOR_UNSPECIFIED.
v1::StatusColor ReminderColor(const v1::ReminderLevel& level);

}  // namespace chuangwen

#endif  // CHUANGWEN_LEDGER_H_
