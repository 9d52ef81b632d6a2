#include "chuangwen/ledger.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "chuangwen/calendar.h"
#include "chuangwen/date.h"

namespace chuangwen {
namespace {

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

bool SupervisorAction(v1::LedgerEvent::KindCase k) {
  return k == v1::LedgerEvent::kIssue || k == v1::LedgerEvent::kVerify ||
         k == v1::LedgerEvent::kReject || k == v1::LedgerEvent::kLongTerm ||
         k == v1::LedgerEvent::kDecideExtension;
}

}  // namespace

Ledger::Ledger(std::shared_ptr<const Campaign> campaign)
    : campaign_(std::move(campaign)) {
  const v1::Campaign& c = campaign_->proto();
  bool any = std::any_of(c.bodies().begin(), c.bodies().end(),
                         [](const v1::Body& b) { return b.supervises(); });
  for (const v1::Body& b : c.bodies()) {
    if (any ? b.supervises() : b.kind() == v1::BODY_KIND_OFFICE) {
      for (const v1::Member& m : b.members()) {
        if (!m.person_id().empty()) supervisors_.insert(m.person_id());
      }
    }
  }
}

Status Ledger::Check(const v1::LedgerEvent& e,
                     std::map<std::string, v1::LedgerItem>* items,
                     std::set<std::string>* ids) const {
  const v1::Campaign& c = campaign_->proto();
  const std::string where = "event '" + e.id() + "'";
  if (e.id().empty()) return Status::InvalidArgument("an event has no id");
  if (!ids->insert(e.id()).second)
    return Status::Conflict(where + ": id is already used");
  if (e.item_id().empty())
    return Status::InvalidArgument(where + ": item_id is required");
  if (e.kind_case() == v1::LedgerEvent::KIND_NOT_SET) {
    return Status::InvalidArgument(where + ": names no action");
  }
  Date day;
  if (e.at().size() < 10 || !ParseIsoDate(e.at().substr(0, 10), &day).ok()) {
    return Status::InvalidArgument(where + ": at '" + e.at() +
                                   "' is not an ISO 8601 time");
  }
  const int32_t actor = campaign_->index().Person(e.actor());
  if (actor == kNoIndex) {
    return Status::NotFound(where + ": actor '" + e.actor() +
                            "' does not exist");
  }
  auto it = items->find(e.item_id());
  const bool exists = it != items->end();
  if (e.kind_case() == v1::LedgerEvent::kIssue) {
    if (exists)
      return Status::Conflict(where + ": item '" + e.item_id() +
                              "' already exists");
  } else if (!exists) {
    return Status::NotFound(where + ": item '" + e.item_id() +
                            "' does not exist");
  }
  // Permissions.
  const std::string who =
      "person '" + e.actor() + "' (" + c.people(actor).name() + ")";
  const std::string action =
      std::string(KindName(e.kind_case())) + " item '" + e.item_id() + "'";
  if (SupervisorAction(e.kind_case())) {
    if (supervisors_.count(e.actor()) == 0) {
      return Status::PermissionDenied(
          where + ": " + who + " may not " + action +
          ": only members of a supervising body may");
    }
  } else {
    // The actor's unit must be the item's unit or below it.
    const std::string& unit = it->second.unit_id();
    bool ok = false;
    int32_t u = campaign_->index().Unit(c.people(actor).unit_id());
    for (int depth = 0; u != kNoIndex && depth < 64; ++depth) {
      if (c.units(u).id() == unit) {
        ok = true;
        break;
      }
      u = campaign_->index().Unit(c.units(u).parent_id());
    }
    if (!ok) {
      return Status::PermissionDenied(where + ": " + who + " may not " +
                                      action + ": only people of unit '" +
                                      unit + "' may");
    }
  }
  const std::string iso = FormatIsoDate(day);
  if (exists && iso < it->second.issued_on()) {
    return Status::InvalidArgument(where +
                                   ": dated before the item was issued");
  }
  auto conflict = [&](const char* allowed) {
    return Status::Conflict(where + ": cannot " + action + " while it is " +
                            StateName(it->second.state()) + " (only when " +
                            allowed + ")");
  };
  auto parse = [&](const std::string& text, const char* field, Date* out) {
    Status s = ParseIsoDate(text, out);
    return s.ok() ? s
                  : Status::InvalidArgument(where + ": " + field + " " +
                                            s.message());
  };
  switch (e.kind_case()) {
    case v1::LedgerEvent::kIssue: {
      const v1::IssueNotice& n = e.issue();
      if (n.number().empty())
        return Status::InvalidArgument(where + ": the notice needs a number");
      if (campaign_->index().Unit(n.unit_id()) == kNoIndex) {
        return Status::NotFound(where + ": unit '" + n.unit_id() +
                                "' does not exist");
      }
      if (n.findings_size() == 0)
        return Status::InvalidArgument(where + ": the notice has no findings");
      Date deadline;
      if (!n.deadline().empty()) {
        CW_RETURN_IF_ERROR(parse(n.deadline(), "deadline", &deadline));
      } else if (n.working_days() > 0) {
        Status s = campaign_->calendar().AddWorkingDays(day, n.working_days(),
                                                        &deadline);
        if (!s.ok()) return Status::InvalidArgument(where + ": " + s.message());
      } else {
        return Status::InvalidArgument(
            where + ": the notice needs a deadline or working_days");
      }
      if (deadline < day)
        return Status::InvalidArgument(where +
                                       ": deadline is before the notice");
      v1::LedgerItem item;
      item.set_id(e.item_id());
      item.set_number(n.number());
      item.set_unit_id(n.unit_id());
      item.set_state(v1::ISSUED);
      item.set_issued_on(iso);
      item.set_deadline(FormatIsoDate(deadline));
      *item.mutable_findings() = n.findings();
      item.set_events(1);
      (*items)[e.item_id()] = std::move(item);
      return Status::OK();
    }
    default:
      break;
  }
  v1::LedgerItem& item = it->second;
  if (item.state() == v1::CLOSED) return conflict("not closed");
  switch (e.kind_case()) {
    case v1::LedgerEvent::kStart:
      if (item.state() != v1::ISSUED) return conflict("issued");
      item.set_state(v1::IN_RECTIFICATION);
      break;
    case v1::LedgerEvent::kSubmit:
      if (item.state() == v1::SUBMITTED)
        return conflict("issued, in rectification or long-term");
      item.set_state(v1::SUBMITTED);
      break;
    case v1::LedgerEvent::kVerify:
      if (item.state() != v1::SUBMITTED) return conflict("submitted");
      item.set_state(v1::CLOSED);
      item.set_closed_on(iso);
      item.clear_extension_requested();
      break;
    case v1::LedgerEvent::kReject: {
      if (item.state() != v1::SUBMITTED) return conflict("submitted");
      if (e.reason().empty())
        return Status::InvalidArgument(where + ": a rejection needs a reason");
      Date d;
      CW_RETURN_IF_ERROR(parse(e.reject().new_deadline(), "new_deadline", &d));
      if (d < day)
        return Status::InvalidArgument(where + ": new_deadline is in the past");
      item.set_state(v1::IN_RECTIFICATION);
      item.set_deadline(FormatIsoDate(d));
      item.set_rejections(item.rejections() + 1);
      break;
    }
    case v1::LedgerEvent::kLongTerm: {
      if (item.state() != v1::ISSUED && item.state() != v1::IN_RECTIFICATION) {
        return conflict("issued or in rectification");
      }
      if (e.reason().empty())
        return Status::InvalidArgument(where + ": 挂账 needs a reason");
      Date d;
      CW_RETURN_IF_ERROR(parse(e.long_term().plan_date(), "plan_date", &d));
      item.set_state(v1::LONG_TERM);
      item.set_plan_date(FormatIsoDate(d));
      break;
    }
    case v1::LedgerEvent::kRequestExtension: {
      if (item.state() != v1::ISSUED && item.state() != v1::IN_RECTIFICATION) {
        return conflict("issued or in rectification");
      }
      if (!item.extension_requested().empty()) {
        return Status::Conflict(where +
                                ": an extension request is already pending");
      }
      if (iso > item.deadline()) {
        return Status::Conflict(where + ": requested after the deadline " +
                                item.deadline() +
                                "; requests must come before it");
      }
      if (e.reason().empty())
        return Status::InvalidArgument(where + ": an extension needs a reason");
      Date d;
      CW_RETURN_IF_ERROR(parse(e.request_extension().until(), "until", &d));
      if (FormatIsoDate(d) <= item.deadline()) {
        return Status::InvalidArgument(
            where + ": until must be after the deadline " + item.deadline());
      }
      item.set_extension_requested(FormatIsoDate(d));
      break;
    }
    case v1::LedgerEvent::kDecideExtension:
      if (item.extension_requested().empty()) {
        return Status::Conflict(where + ": no extension request is pending");
      }
      if (e.decide_extension().approved()) {
        item.set_deadline(item.extension_requested());
        item.set_extensions_approved(item.extensions_approved() + 1);
      } else if (e.reason().empty()) {
        return Status::InvalidArgument(where + ": a refusal needs a reason");
      }
      item.clear_extension_requested();
      break;
    default:
      break;
  }
  item.set_events(item.events() + 1);
  return Status::OK();
}

Status Ledger::Append(const std::vector<v1::LedgerEvent>& batch) {
  std::map<std::string, v1::LedgerItem> items =
      items_;  // Work on a copy: all or nothing.
  std::set<std::string> ids = event_ids_;
  for (const v1::LedgerEvent& e : batch)
    CW_RETURN_IF_ERROR(Check(e, &items, &ids));
  items_.swap(items);
  event_ids_.swap(ids);
  events_.insert(events_.end(), batch.begin(), batch.end());
  return Status::OK();
}

Status Ledger::Item(const std::string& item_id, v1::LedgerItem* out) const {
  auto it = items_.find(item_id);
  if (it == items_.end())
    return Status::NotFound("item '" + item_id + "' does not exist");
  *out = it->second;
  return Status::OK();
}

Status Ledger::Overdue(const std::string& date,
                       std::vector<OverdueItem>* out) const {
  out->clear();
  Date at;
  Status s = ParseIsoDate(date, &at);
  if (!s.ok()) return Status::InvalidArgument("overdue date: " + s.message());
  for (const auto& [id, item] : items_) {
    if (item.state() == v1::CLOSED || item.state() == v1::LONG_TERM) continue;
    if (!(item.deadline() < date)) continue;
    Date deadline;
    CW_RETURN_IF_ERROR(ParseIsoDate(item.deadline(), &deadline));
    int late = 0;
    CalendarOptions options;
    options.weekend_fallback = true;
    CW_RETURN_IF_ERROR(campaign_->calendar().CountWorkingDays(
        deadline + boost::gregorian::days(1), at, &late, options));
    out->push_back(OverdueItem{id, item.unit_id(), item.deadline(), late});
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const OverdueItem& a, const OverdueItem& b) {
                     return a.deadline < b.deadline;
                   });
  return Status::OK();
}

}  // namespace chuangwen
