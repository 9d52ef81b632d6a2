// Folding events into the ledger: the checks (roles, transitions, fields)
// and the all-or-nothing application of a batch.
#include "chuangwen/ledger.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <deque>

#include "chuangwen/date.h"
#include "ledger/ledger_state.h"
#include "model/text_check.h"

namespace chuangwen {
namespace internal {

Date FromDay(Day day) {
  return Date(boost::gregorian::gregorian_calendar::from_day_number(
      static_cast<uint32_t>(day)));
}

std::string DayText(Day day) {
  return day == 0 ? std::string() : FormatIsoDate(FromDay(day));
}

const Snapshot* ItemState::At(Day day) const {
  auto it =
      std::upper_bound(timeline.begin(), timeline.end(), day,
                       [](Day d, const Snapshot& s) { return d < s.day; });
  return it == timeline.begin() ? nullptr : &*(it - 1);
}

bool ItemState::OpenAt(Day day) const {
  const Snapshot* s = At(day);
  return s != nullptr && s->state != v1::CLOSED;
}


std::string FormatSeries(const std::string& series, int year, int n) {
  std::string out = series;
  auto replace = [&](const std::string& key, const std::string& value) {
    for (size_t p = out.find(key); p != std::string::npos;
         p = out.find(key, p + value.size())) {
      out.replace(p, key.size(), value);
    }
  };
  replace("{year}", std::to_string(year));
  replace("{n}", std::to_string(n));
  return out;
}

}  // namespace internal

namespace {

using internal::Day;
using internal::EscalationState;
using internal::ItemState;

const char* KindName(v1::LedgerEvent::KindCase k) {
  switch (k) {
    case v1::LedgerEvent::kIssue:
      return "issue a notice for";
    case v1::LedgerEvent::kStart:
      return "start rectifying";
    case v1::LedgerEvent::kSubmit:
      return "submit";
    case v1::LedgerEvent::kVerify:
      return "verify and close";
    case v1::LedgerEvent::kReject:
      return "reject";
    case v1::LedgerEvent::kLongTerm:
      return "place on the long-term ledger";
    case v1::LedgerEvent::kRequestExtension:
      return "request an extension of";
    case v1::LedgerEvent::kDecideExtension:
      return "decide the extension of";
    case v1::LedgerEvent::kRemind:
      return "send a reminder for";
    case v1::LedgerEvent::kBulletin:
      return "bulletin";
    case v1::LedgerEvent::kProposeEscalation:
      return "propose escalation";
    case v1::LedgerEvent::kDecideEscalation:
      return "decide escalation";
    case v1::LedgerEvent::KIND_NOT_SET:
      return "act on";
  }
  return "act on";
}

const char* StateName(v1::LedgerState s) {
  switch (s) {
    case v1::ISSUED:
      return "issued";
    case v1::IN_RECTIFICATION:
      return "in rectification";
    case v1::SUBMITTED:
      return "submitted";
    case v1::CLOSED:
      return "closed";
    case v1::LONG_TERM:
      return "on the long-term ledger";
    default:
      return "unknown";
  }
}

// The role policy's action for an event; UNSPECIFIED for the unit's own
// actions (start, submit, request an extension).
v1::PolicyAction ActionOf(v1::LedgerEvent::KindCase k) {
  switch (k) {
    case v1::LedgerEvent::kIssue: return v1::POLICY_ACTION_ISSUE;
    case v1::LedgerEvent::kVerify:
    case v1::LedgerEvent::kReject: return v1::POLICY_ACTION_VERIFY;
    case v1::LedgerEvent::kLongTerm: return v1::POLICY_ACTION_PLACE_LONG_TERM;
    case v1::LedgerEvent::kDecideExtension:
      return v1::POLICY_ACTION_DECIDE_EXTENSION;
    case v1::LedgerEvent::kRemind: return v1::POLICY_ACTION_REMIND;
    case v1::LedgerEvent::kBulletin: return v1::POLICY_ACTION_BULLETIN;
    case v1::LedgerEvent::kProposeEscalation:
      return v1::POLICY_ACTION_PROPOSE_ESCALATION;
    case v1::LedgerEvent::kDecideEscalation:
      return v1::POLICY_ACTION_DECIDE_ESCALATION;
    default: return v1::POLICY_ACTION_UNSPECIFIED;
  }
}

// Decisions nobody takes on an item of a unit they answer for.
bool IsDecisionOnItem(v1::LedgerEvent::KindCase k) {
  return k == v1::LedgerEvent::kVerify || k == v1::LedgerEvent::kReject ||
         k == v1::LedgerEvent::kLongTerm ||
         k == v1::LedgerEvent::kDecideExtension;
}

bool IsEscalationEvent(v1::LedgerEvent::KindCase k) {
  return k == v1::LedgerEvent::kProposeEscalation ||
         k == v1::LedgerEvent::kDecideEscalation;
}

// The changes of one batch go straight into the state, with an undo log
// (originals of the touched items, what was added) so that a failed batch
// leaves the state exactly as it was. Replay keeps no log: its failure
// discards the ledger.
class Txn {
 public:
  Txn(Ledger::State* state, bool undoable)
      : s_(state),
        undoable_(undoable),
        items_before_(state->items.size()),
        escalations_before_(state->escalations.size()),
        ids_before_(state->event_ids.size()),
        numbers_before_(state->notice_numbers.size()) {}

  ItemState* FindItem(const std::string& id) {
    const int64_t found = s_->item_index.Find(id);
    if (found < 0) return nullptr;
    const size_t i = static_cast<size_t>(found);
    if (undoable_ && i < items_before_ && saved_items_.count(i) == 0)
      saved_items_.emplace(i, s_->items[i]);
    return &s_->items[i];
  }
  ItemState* NewItem(const std::string& id) {
    s_->item_index.Insert(id);
    s_->items.emplace_back();
    s_->items.back().id = id;
    return &s_->items.back();
  }
  EscalationState* FindEscalation(const std::string& id) {
    auto it = s_->escalation_index.find(id);
    if (it == s_->escalation_index.end()) return nullptr;
    if (undoable_ && it->second < escalations_before_ &&
        saved_escalations_.count(it->second) == 0) {
      saved_escalations_.emplace(it->second, s_->escalations[it->second]);
    }
    return &s_->escalations[it->second];
  }
  EscalationState* NewEscalation(const std::string& id) {
    s_->escalation_index.emplace(id,
                                 static_cast<uint32_t>(s_->escalations.size()));
    s_->escalations.emplace_back();
    s_->escalations.back().id = id;
    return &s_->escalations.back();
  }
  bool IdTaken(const std::string& id) const {
    return s_->item_index.Contains(id) || s_->escalation_index.count(id) != 0;
  }
  // False when the id is already used.
  bool ClaimEventId(const std::string& id) { return s_->event_ids.Insert(id); }
  bool ClaimNumber(const std::string& number) {
    return s_->notice_numbers.Insert(number);
  }
  bool NumberTaken(const std::string& number) const {
    return s_->notice_numbers.Contains(number);
  }
  int NoticesInYear(int year) const {
    auto it = s_->notices_per_year.find(year);
    return it == s_->notices_per_year.end() ? 0 : it->second;
  }
  void CountNotice(int year) {
    ++s_->notices_per_year[year];
    if (undoable_) years_.push_back(year);
  }

  // Puts the state back as it was before the batch.
  void Rollback() {
    if (!undoable_) return;
    s_->items.resize(items_before_);
    s_->item_index.Truncate(items_before_);
    for (auto& [index, item] : saved_items_) s_->items[index] = std::move(item);
    for (size_t i = s_->escalations.size(); i-- > escalations_before_;)
      s_->escalation_index.erase(s_->escalations[i].id);
    s_->escalations.resize(escalations_before_);
    for (auto& [index, e] : saved_escalations_)
      s_->escalations[index] = std::move(e);
    s_->event_ids.Truncate(ids_before_);
    s_->notice_numbers.Truncate(numbers_before_);
    for (int year : years_) --s_->notices_per_year[year];
  }

 private:
  Ledger::State* s_;
  bool undoable_;
  size_t items_before_, escalations_before_, ids_before_, numbers_before_;
  std::unordered_map<size_t, ItemState> saved_items_;
  std::unordered_map<uint32_t, EscalationState> saved_escalations_;
  std::vector<int> years_;
};

// Checks one event against the staged state and applies it there.
class EventChecker {
 public:
  // `authorize` false for stored events: who may act was judged when they
  // were recorded, perhaps under an older policy or organization.
  EventChecker(const Campaign& campaign, Txn* txn, bool authorize)
      : c_(campaign), roles_(campaign.roles()), txn_(txn),
        authorize_(authorize) {}

  // `e` may be changed (a notice number assigned); `day` is its local
  // date. `unit` receives the unit the event concerns.
  Status Check(v1::LedgerEvent* e, Day day, uint64_t position,
               std::string* unit);

 private:
  std::string Where(const v1::LedgerEvent& e) const {
    return "event '" + e.id() + "'";
  }
  Status Refuse(const v1::LedgerEvent& e, const std::string& rule) const {
    const int32_t p = c_.index().Person(e.actor());
    return Status::PermissionDenied(
        Where(e) + ": person '" + e.actor() + "' (" +
        c_.proto().people(p).name() + ") may not " + KindName(e.kind_case()) +
        " " + (IsEscalationEvent(e.kind_case()) ? "'" : "item '") +
        e.item_id() + "': " + rule);
  }
  bool InUnit(const std::string& person, const std::string& unit) const {
    return roles_.BelongsTo(c_.index().Person(person), c_.index().Unit(unit));
  }
  // The role policy allows the event's action.
  Status CheckPolicy(const v1::LedgerEvent& e,
                     v1::PolicyAction action) const {
    if (!authorize_ || roles_.May(Actor(e), action)) return Status::OK();
    return Refuse(e, "role policy: only " + roles_.WhoMay(action) + " may");
  }
  int32_t Actor(const v1::LedgerEvent& e) const {
    return c_.index().Person(e.actor());
  }
  Status ParseDay(const v1::LedgerEvent& e, const std::string& text,
                  const char* field, Day* out) const {
    Date d;
    Status s = ParseIsoDate(text, &d);
    if (!s.ok())
      return Status::InvalidArgument(Where(e) + ": " + field + " " +
                                     s.message());
    *out = internal::ToDay(d);
    return Status::OK();
  }
  // Who may: the role policy and separation of duties.
  Status Authorize(const v1::LedgerEvent& e, const ItemState& item) const;
  Status Issue(v1::LedgerEvent* e, Day day, uint64_t position);
  Status Escalate(const v1::LedgerEvent& e, Day day, uint64_t position);
  Status Transition(const v1::LedgerEvent& e, ItemState* item, Day day);

  const Campaign& c_;
  const Roles& roles_;
  Txn* txn_;
  const bool authorize_;
};

Status EventChecker::Check(v1::LedgerEvent* ev, Day day, uint64_t position,
                           std::string* unit) {
  const v1::LedgerEvent& e = *ev;
  if (e.id().empty()) return Status::InvalidArgument("an event has no id");
  if (!txn_->ClaimEventId(e.id()))
    return Status::Conflict(Where(e) + ": id is already used");
  if (e.item_id().empty())
    return Status::InvalidArgument(Where(e) + ": item_id is required");
  if (e.kind_case() == v1::LedgerEvent::KIND_NOT_SET)
    return Status::InvalidArgument(Where(e) + ": names no action");
  if (c_.index().Person(e.actor()) == kNoIndex) {
    return Status::NotFound(Where(e) + ": actor '" + e.actor() +
                            "' does not exist");
  }
  if (IsEscalationEvent(e.kind_case())) return Escalate(e, day, position);
  if (e.kind_case() == v1::LedgerEvent::kIssue) return Issue(ev, day, position);

  ItemState* item = txn_->FindItem(e.item_id());
  if (item == nullptr) {
    return Status::NotFound(Where(e) + ": item '" + e.item_id() +
                            "' does not exist");
  }
  CW_RETURN_IF_ERROR(Authorize(e, *item));
  if (day < item->last_event) {
    return Status::InvalidArgument(Where(e) + ": dated " +
                                   internal::DayText(day) +
                                   ", before the item's last event on " +
                                   internal::DayText(item->last_event));
  }
  CW_RETURN_IF_ERROR(Transition(e, item, day));
  *unit = item->unit_id();
  item->last_event = day;
  ++item->events;
  item->positions.push_back(position);
  const Day due = item->Due();
  if (item->timeline.empty() || item->timeline.back().state != item->state ||
      item->timeline.back().deadline != due) {
    if (!item->timeline.empty() && item->timeline.back().day == day) {
      item->timeline.back().state = item->state;
      item->timeline.back().deadline = due;
    } else {
      item->timeline.push_back({day, due, item->state});
    }
  }
  return Status::OK();
}

Status EventChecker::Authorize(const v1::LedgerEvent& e,
                               const ItemState& item) const {
  if (!authorize_) return Status::OK();
  const v1::PolicyAction action = ActionOf(e.kind_case());
  if (action == v1::POLICY_ACTION_UNSPECIFIED) {
    if (!InUnit(e.actor(), item.unit_id()))
      return Refuse(e, "only people of unit '" + item.unit_id() + "' may");
  } else {
    CW_RETURN_IF_ERROR(CheckPolicy(e, action));
  }
  if (IsDecisionOnItem(e.kind_case()) &&
      roles_.AnswersFor(Actor(e), c_.index().Unit(item.unit_id()))) {
    return Refuse(e, "separation of duties: nobody decides on an item of a "
                     "unit they work in or head, or of a unit under it ('" +
                     item.unit_id() + "')");
  }
  if ((e.kind_case() == v1::LedgerEvent::kVerify ||
       e.kind_case() == v1::LedgerEvent::kReject) &&
      item.submitted_by == e.actor()) {
    return Refuse(e, "separation of duties: the person who submitted a "
                     "rectification never verifies it");
  }
  return Status::OK();
}

Status EventChecker::Issue(v1::LedgerEvent* ev, Day day, uint64_t position) {
  const v1::LedgerEvent& e = *ev;
  CW_RETURN_IF_ERROR(CheckPolicy(e, v1::POLICY_ACTION_ISSUE));
  const v1::IssueNotice& n = e.issue();
  const bool public_report = std::any_of(
      n.findings().begin(), n.findings().end(),
      [](const v1::Finding& f) { return f.source() == v1::PUBLIC_REPORT; });
  if (authorize_ && public_report &&
      !roles_.May(Actor(e), v1::POLICY_ACTION_ACCEPT_PUBLIC_REPORT)) {
    return Refuse(e, "role policy: only " +
                         roles_.WhoMay(v1::POLICY_ACTION_ACCEPT_PUBLIC_REPORT) +
                         " may take in a public report");
  }
  if (txn_->IdTaken(e.item_id())) {
    return Status::Conflict(Where(e) + ": item '" + e.item_id() +
                            "' already exists");
  }
  if (c_.index().Unit(n.unit_id()) == kNoIndex) {
    return Status::NotFound(Where(e) + ": unit '" + n.unit_id() +
                            "' does not exist");
  }
  if (authorize_ && InUnit(e.actor(), n.unit_id())) {
    return Refuse(e, "separation of duties: the issuer is not a member of "
                     "the unit that must rectify ('" + n.unit_id() + "')");
  }
  if (n.findings_size() == 0)
    return Status::InvalidArgument(Where(e) + ": the notice has no findings");
  const v1::SupervisionRules& rules = c_.proto().supervision();
  v1::Severity severity = v1::SEVERITY_UNSPECIFIED;
  for (int i = 0; i < n.findings_size(); ++i) {
    const v1::Finding& f = n.findings(i);
    if (!f.point_id().empty() &&
        std::none_of(rules.points().begin(), rules.points().end(),
                     [&](const v1::InspectionPoint& p) {
                       return p.id() == f.point_id();
                     })) {
      return Status::NotFound(Where(e) + ": findings[" + std::to_string(i) +
                              "]: inspection point '" + f.point_id() +
                              "' does not exist");
    }
    if (!f.unit_id().empty() && f.unit_id() != n.unit_id() &&
        c_.index().Unit(f.unit_id()) == kNoIndex) {
      return Status::NotFound(Where(e) + ": findings[" + std::to_string(i) +
                              "]: unit '" + f.unit_id() + "' does not exist");
    }
    if (!f.found_on().empty()) {
      Day found;
      CW_RETURN_IF_ERROR(ParseDay(e, f.found_on(), "found_on", &found));
      if (found > day) {
        return Status::InvalidArgument(Where(e) + ": findings[" +
                                       std::to_string(i) +
                                       "]: found_on is after the notice");
      }
    }
    severity = std::max(severity, f.severity());
  }
  const int year = static_cast<int>(internal::FromDay(day).year());
  if (n.number().empty()) {
    if (rules.notice_series().empty()) {
      return Status::InvalidArgument(
          Where(e) +
          ": the notice needs a number (the campaign has no "
          "notice series)");
    }
    int k = txn_->NoticesInYear(year) + 1;
    std::string number = internal::FormatSeries(rules.notice_series(), year, k);
    while (txn_->NumberTaken(number))
      number = internal::FormatSeries(rules.notice_series(), year, ++k);
    ev->mutable_issue()->set_number(number);
  }
  if (!txn_->ClaimNumber(n.number())) {
    return Status::Conflict(Where(e) + ": notice number " + n.number() +
                            " is already used");
  }
  Day deadline;
  if (!n.deadline().empty()) {
    CW_RETURN_IF_ERROR(ParseDay(e, n.deadline(), "deadline", &deadline));
  } else if (n.working_days() > 0) {
    Date d;
    Status s = c_.calendar().AddWorkingDays(internal::FromDay(day),
                                            n.working_days(), &d);
    if (!s.ok()) return Status::InvalidArgument(Where(e) + ": " + s.message());
    deadline = internal::ToDay(d);
  } else {
    return Status::InvalidArgument(
        Where(e) + ": the notice needs a deadline or working_days");
  }
  if (deadline < day)
    return Status::InvalidArgument(Where(e) +
                                   ": deadline is before the notice");
  txn_->CountNotice(year);
  ItemState* item = txn_->NewItem(e.item_id());
  item->notice = n;
  item->state = v1::ISSUED;
  item->issued = day;
  item->deadline = deadline;
  item->last_event = day;
  item->events = 1;
  item->severity = severity;
  item->positions.push_back(position);
  item->timeline.push_back({day, deadline, v1::ISSUED});
  return Status::OK();
}

Status EventChecker::Escalate(const v1::LedgerEvent& e, Day day,
                              uint64_t position) {
  if (e.kind_case() == v1::LedgerEvent::kProposeEscalation) {
    CW_RETURN_IF_ERROR(
        CheckPolicy(e, v1::POLICY_ACTION_PROPOSE_ESCALATION));
    const v1::ProposeEscalation& p = e.propose_escalation();
    if (txn_->IdTaken(e.item_id())) {
      return Status::Conflict(Where(e) + ": '" + e.item_id() +
                              "' already exists");
    }
    if (c_.index().Unit(p.unit_id()) == kNoIndex) {
      return Status::NotFound(Where(e) + ": unit '" + p.unit_id() +
                              "' does not exist");
    }
    if (p.measure() == v1::ESCALATION_MEASURE_UNSPECIFIED)
      return Status::InvalidArgument(Where(e) + ": measure is required");
    if (e.reason().empty())
      return Status::InvalidArgument(Where(e) +
                                     ": an escalation needs a reason");
    for (const std::string& id : p.item_ids()) {
      ItemState* item = txn_->FindItem(id);
      if (item == nullptr) {
        return Status::NotFound(Where(e) + ": item '" + id +
                                "' does not exist");
      }
      if (item->unit_id() != p.unit_id()) {
        return Status::InvalidArgument(Where(e) + ": item '" + id +
                                       "' belongs to unit '" + item->unit_id() +
                                       "', not '" + p.unit_id() + "'");
      }
    }
    EscalationState* x = txn_->NewEscalation(e.item_id());
    x->unit_id = p.unit_id();
    x->measure = p.measure();
    x->rule_id = p.rule_id();
    x->proposer = e.actor();
    x->proposed_on = day;
    x->item_ids.assign(p.item_ids().begin(), p.item_ids().end());
    x->positions.push_back(position);
    return Status::OK();
  }
  EscalationState* x = txn_->FindEscalation(e.item_id());
  if (x == nullptr) {
    return Status::NotFound(Where(e) + ": escalation '" + e.item_id() +
                            "' does not exist");
  }
  CW_RETURN_IF_ERROR(CheckPolicy(e, v1::POLICY_ACTION_DECIDE_ESCALATION));
  if (authorize_ && e.actor() == x->proposer)
    return Refuse(e, "separation of duties: the proposer may not decide "
                     "their own proposal");
  if (x->decision != 0)
    return Status::Conflict(Where(e) + ": escalation '" + e.item_id() +
                            "' is already decided");
  if (day < x->proposed_on)
    return Status::InvalidArgument(Where(e) + ": dated before the proposal");
  if (!e.decide_escalation().approved() && e.reason().empty())
    return Status::InvalidArgument(Where(e) + ": a refusal needs a reason");
  x->decision = e.decide_escalation().approved() ? 1 : -1;
  x->positions.push_back(position);
  return Status::OK();
}

Status EventChecker::Transition(const v1::LedgerEvent& e, ItemState* item,
                                Day day) {
  auto conflict = [&](const char* allowed) {
    return Status::Conflict(Where(e) + ": cannot " + KindName(e.kind_case()) +
                            " item '" + e.item_id() + "' while it is " +
                            StateName(item->state) + " (only when " + allowed +
                            ")");
  };
  if (item->state == v1::CLOSED) return conflict("not closed");
  switch (e.kind_case()) {
    case v1::LedgerEvent::kStart:
      if (item->state != v1::ISSUED) return conflict("issued");
      item->state = v1::IN_RECTIFICATION;
      break;
    case v1::LedgerEvent::kSubmit:
      if (item->state == v1::SUBMITTED)
        return conflict("issued, in rectification or long-term");
      item->state = v1::SUBMITTED;
      item->last_submitted = day;
      item->submitted_by = e.actor();
      break;
    case v1::LedgerEvent::kVerify:
      if (item->state != v1::SUBMITTED) return conflict("submitted");
      item->state = v1::CLOSED;
      item->closed_on = day;
      item->extension_requested = 0;
      break;
    case v1::LedgerEvent::kReject: {
      if (item->state != v1::SUBMITTED) return conflict("submitted");
      if (e.reason().empty())
        return Status::InvalidArgument(Where(e) +
                                       ": a rejection needs a reason");
      Day d;
      CW_RETURN_IF_ERROR(
          ParseDay(e, e.reject().new_deadline(), "new_deadline", &d));
      if (d < day)
        return Status::InvalidArgument(Where(e) +
                                       ": new_deadline is in the past");
      item->state = v1::IN_RECTIFICATION;
      item->deadline = d;
      ++item->rejections;
      item->rejected_on.push_back(day);
      break;
    }
    case v1::LedgerEvent::kLongTerm: {
      if (item->state != v1::ISSUED && item->state != v1::IN_RECTIFICATION)
        return conflict("issued or in rectification");
      if (e.reason().empty())
        return Status::InvalidArgument(Where(e) + ": 挂账 needs a reason");
      Day d;
      CW_RETURN_IF_ERROR(
          ParseDay(e, e.long_term().plan_date(), "plan_date", &d));
      if (d < day)
        return Status::InvalidArgument(Where(e) + ": plan_date is in the past");
      item->state = v1::LONG_TERM;
      item->plan_date = d;
      break;
    }
    case v1::LedgerEvent::kRequestExtension: {
      if (item->state != v1::ISSUED && item->state != v1::IN_RECTIFICATION)
        return conflict("issued or in rectification");
      if (item->extension_requested != 0) {
        return Status::Conflict(Where(e) +
                                ": an extension request is already pending");
      }
      if (day > item->deadline) {
        return Status::Conflict(Where(e) + ": requested after the deadline " +
                                internal::DayText(item->deadline) +
                                "; requests must come before it");
      }
      if (e.reason().empty())
        return Status::InvalidArgument(Where(e) +
                                       ": an extension needs a reason");
      Day d;
      CW_RETURN_IF_ERROR(
          ParseDay(e, e.request_extension().until(), "until", &d));
      if (d <= item->deadline) {
        return Status::InvalidArgument(Where(e) +
                                       ": until must be after the deadline " +
                                       internal::DayText(item->deadline));
      }
      item->extension_requested = d;
      break;
    }
    case v1::LedgerEvent::kDecideExtension:
      if (item->extension_requested == 0)
        return Status::Conflict(Where(e) + ": no extension request is pending");
      if (e.decide_extension().approved()) {
        item->deadline = item->extension_requested;
        ++item->extensions_approved;
      } else if (e.reason().empty()) {
        return Status::InvalidArgument(Where(e) + ": a refusal needs a reason");
      }
      item->extension_requested = 0;
      break;
    case v1::LedgerEvent::kRemind: {
      const int levels = c_.proto().supervision().reminders_size();
      const int level = e.remind().level();
      if (level < 1 || level > std::max(levels, 1)) {
        return Status::InvalidArgument(Where(e) + ": reminder level " +
                                       std::to_string(level) + " is not 1.." +
                                       std::to_string(std::max(levels, 1)));
      }
      if (level <= item->reminder_level) {
        return Status::Conflict(Where(e) + ": a level " +
                                std::to_string(item->reminder_level) +
                                " reminder was already sent");
      }
      item->reminder_level = level;
      break;
    }
    case v1::LedgerEvent::kBulletin:
      if (e.bulletin().number().empty())
        return Status::InvalidArgument(Where(e) +
                                       ": the bulletin needs a number");
      item->bulletined_on.push_back(day);
      break;
    default:
      break;
  }
  return Status::OK();
}

}  // namespace

Ledger::Ledger(std::shared_ptr<const Campaign> campaign, LedgerOptions options)
    : campaign_(std::move(campaign)),
      options_(options),
      state_(std::make_unique<State>()) {}

Ledger::~Ledger() = default;
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;

size_t Ledger::item_count() const { return state_->items.size(); }

Status Ledger::EventDate(const v1::LedgerEvent& e, Date* out) const {
  Status s = campaign_->LocalDate(e.at(), out);
  if (!s.ok()) {
    return Status::InvalidArgument("event '" + e.id() + "': at " +
                                   s.message());
  }
  return Status::OK();
}

Status Ledger::Apply(const std::vector<v1::LedgerEvent>& batch, bool keep,
                     std::vector<v1::LedgerEvent>* accepted,
                     const Persist* persist, const std::vector<Date>* dates) {
  // Events are checked as given; only a notice without a number is copied
  // (to receive one). Addresses stay stable for the undo log.
  std::deque<v1::LedgerEvent> numbered;
  std::vector<const v1::LedgerEvent*> recorded(batch.size());
  std::vector<std::string> units(batch.size());
  std::vector<Date> days;
  if (dates != nullptr) {
    if (dates->size() != batch.size())
      return Status::Internal("ledger: one date per event expected");
  } else {
    days.resize(batch.size());
  }
  Txn txn(state_.get(), true);
  EventChecker checker(*campaign_, &txn, dates == nullptr);
  Status s;
  for (size_t i = 0; i < batch.size() && s.ok(); ++i) {
    if (dates == nullptr) {
      // New events: their text and time are checked; stored ones were.
      s = internal::CheckText(batch[i], "event '" + batch[i].id() + "'");
      if (s.ok()) s = EventDate(batch[i], &days[i]);
      if (!s.ok()) break;
    }
    const Date day = dates != nullptr ? (*dates)[i] : days[i];
    v1::LedgerEvent* e;
    if (batch[i].kind_case() == v1::LedgerEvent::kIssue &&
        batch[i].issue().number().empty()) {
      numbered.push_back(batch[i]);
      e = &numbered.back();
    } else {
      e = const_cast<v1::LedgerEvent*>(&batch[i]);  // Not modified.
    }
    recorded[i] = e;
    s = checker.Check(e, internal::ToDay(day), event_count_ + i, &units[i]);
  }
  if (s.ok() && persist != nullptr)
    s = (*persist)(recorded, units, dates != nullptr ? *dates : days);
  if (!s.ok() || !keep) {
    txn.Rollback();  // A dry run leaves the ledger as it was.
    return s;
  }
  event_count_ += batch.size();
  if (options_.keep_events) {
    events_.reserve(events_.size() + batch.size());
    for (const v1::LedgerEvent* e : recorded) events_.push_back(*e);
  }
  if (accepted != nullptr) {
    accepted->clear();
    accepted->reserve(batch.size());
    for (const v1::LedgerEvent* e : recorded) accepted->push_back(*e);
  }
  return Status::OK();
}

Status Ledger::Append(const std::vector<v1::LedgerEvent>& batch,
                      std::vector<v1::LedgerEvent>* accepted) {
  return Apply(batch, true, accepted, nullptr);
}

Status Ledger::Fold(const std::vector<v1::LedgerEvent>& batch,
                    const std::vector<Date>& dates) {
  return Apply(batch, true, nullptr, nullptr, &dates);  // Kept.
}

Status Ledger::ReplaceCampaign(std::shared_ptr<const Campaign> campaign) {
  CW_RETURN_IF_ERROR(CheckCampaign(*campaign));
  campaign_ = std::move(campaign);
  return Status::OK();
}

void Ledger::Rebind(std::shared_ptr<const Campaign> campaign) {
  if (campaign == campaign_) return;
  campaign_ = std::move(campaign);
}

Status Ledger::CheckCampaign(const Campaign& campaign) const {
  const Campaign* c = &campaign;
  const v1::Campaign& next = c->proto();
  if (next.id() != campaign_->proto().id()) {
    return Status::InvalidArgument(
        "campaign '" + next.id() + "' cannot replace campaign '" +
        campaign_->proto().id() + "': a ledger belongs to one campaign");
  }
  CW_RETURN_IF_ERROR(c->CheckValid().WithContext("the new campaign"));
  for (const internal::ItemState& item : state_->items) {
    if (c->index().Unit(item.unit_id()) == kNoIndex) {
      return Status::InvalidArgument("the new campaign drops unit '" +
                                     item.unit_id() + "' of item '" + item.id +
                                     "'");
    }
  }
  for (const internal::EscalationState& x : state_->escalations) {
    if (c->index().Unit(x.unit_id) == kNoIndex) {
      return Status::InvalidArgument("the new campaign drops unit '" +
                                     x.unit_id + "' of escalation '" + x.id +
                                     "'");
    }
  }
  return Status::OK();
}

}  // namespace chuangwen
