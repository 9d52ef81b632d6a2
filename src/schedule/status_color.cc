#include "chuangwen/status_color.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>

#include "chuangwen/campaign.h"
#include "chuangwen/date.h"

namespace chuangwen {
namespace {

using boost::gregorian::days;

struct Parsed {
  Date start{boost::gregorian::not_a_date_time};
  Date deadline;
  Date done{boost::gregorian::not_a_date_time};
};

Status ParseItem(const v1::DatedItem& item, size_t i, bool need_start,
                 Parsed* out) {
  std::string at = "items[" + std::to_string(i) + "] ('" + item.id() + "')";
  auto field = [&](const std::string& text, const char* name, bool required,
                   Date* d) {
    if (text.empty()) {
      return required
                 ? Status::InvalidArgument(at + "." + name + " is required")
                 : Status::OK();
    }
    Status s = ParseIsoDate(text, d);
    return s.ok()
               ? s
               : Status::InvalidArgument(at + "." + name + ": " + s.message());
  };
  CW_RETURN_IF_ERROR(field(item.deadline(), "deadline", true, &out->deadline));
  CW_RETURN_IF_ERROR(field(item.start(), "start", need_start, &out->start));
  CW_RETURN_IF_ERROR(field(item.done(), "done", false, &out->done));
  if (!out->start.is_not_a_date() && out->deadline < out->start) {
    return Status::InvalidArgument(at + ".deadline " + item.deadline() +
                                   " is before start " + item.start());
  }
  return Status::OK();
}

}  // namespace

v1::WarningPolicy DefaultWarningPolicy() {
  v1::WarningPolicy p;
  p.set_kind(v1::WarningPolicy::BY_TIME);
  p.set_yellow_within_working_days(3);
  return p;
}

Status CheckWarningPolicy(const v1::WarningPolicy& p) {
  if (!v1::WarningPolicy::Kind_IsValid(p.kind())) {
    return Status::InvalidArgument("warning_policy.kind " +
                                   std::to_string(p.kind()) +
                                   " is not a policy kind");
  }
  if (p.yellow_within_working_days() < 0) {
    return Status::InvalidArgument(
        "warning_policy.yellow_within_working_days must not be negative");
  }
  if (p.kind() == v1::WarningPolicy::BY_SHARE &&
      !(p.yellow_at_share() > 0.0 && p.yellow_at_share() <= 1.0)) {
    return Status::InvalidArgument("warning_policy.yellow_at_share " +
                                   std::to_string(p.yellow_at_share()) +
                                   " must be in (0, 1]");
  }
  return Status::OK();
}

Status EvaluateStatus(const WorkCalendar& calendar,
                      const v1::WarningPolicy& policy, Date date,
                      const std::vector<v1::DatedItem>& items,
                      std::vector<v1::ItemStatus>* out,
                      const CalendarOptions& options) {
  out->clear();
  CW_RETURN_IF_ERROR(CheckWarningPolicy(policy));
  const bool by_share = policy.kind() == v1::WarningPolicy::BY_SHARE;
  std::vector<Parsed> parsed(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CW_RETURN_IF_ERROR(ParseItem(items[i], i, by_share, &parsed[i]));
  }
  out->resize(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const Parsed& p = parsed[i];
    v1::ItemStatus& s = (*out)[i];
    s.set_id(items[i].id());
    // Work done after `date` is not done yet at `date`.
    bool done = !p.done.is_not_a_date() && p.done <= date;
    int n = 0;
    if (done) {
      if (p.done <= p.deadline) {
        s.set_color(v1::DONE_ON_TIME);
      } else {
        s.set_color(v1::DONE_LATE);
        CW_RETURN_IF_ERROR(calendar.CountWorkingDays(p.deadline + days(1),
                                                     p.done, &n, options));
        s.set_working_days_late(n);
      }
    } else if (p.deadline < date) {
      s.set_color(v1::RED);
      CW_RETURN_IF_ERROR(
          calendar.CountWorkingDays(p.deadline + days(1), date, &n, options));
      s.set_working_days_late(n);
    } else {
      int left = 0;
      if (date < p.deadline) {
        CW_RETURN_IF_ERROR(calendar.CountWorkingDays(date + days(1), p.deadline,
                                                     &left, options));
      }
      s.set_working_days_left(left);
      bool yellow;
      if (by_share) {
        int total = 0;
        if (p.start < p.deadline) {
          CW_RETURN_IF_ERROR(calendar.CountWorkingDays(
              p.start + days(1), p.deadline, &total, options));
        }
        yellow = total == 0 || static_cast<double>(total - left) >=
                                   policy.yellow_at_share() * total;
      } else {
        yellow = left <= policy.yellow_within_working_days();
      }
      s.set_color(yellow ? v1::YELLOW : v1::GREEN);
    }
  }
  if (!policy.stateful()) return Status::OK();

  // Stateful series: in deadline order, an unfinished overdue item keeps the
  // later open items red; once made up (done late), the series is yellow
  // until an item is done on time.
  std::map<std::string, std::vector<size_t>> series;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].series().empty()) series[items[i].series()].push_back(i);
  }
  for (auto& [name, members] : series) {
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      return parsed[a].deadline < parsed[b].deadline;
    });
    const v1::DatedItem* missed = nullptr;
    bool recovering = false;
    for (size_t i : members) {
      v1::ItemStatus& s = (*out)[i];
      const bool open = s.color() == v1::GREEN || s.color() == v1::YELLOW;
      if (open && missed != nullptr) {
        s.set_color(v1::RED);
        s.set_reason("series '" + name + "' has a missed item ('" +
                     missed->id() + "', due " + missed->deadline() + ")");
      } else if (s.color() == v1::GREEN && recovering) {
        s.set_color(v1::YELLOW);
        s.set_reason(
            "series '" + name +
            "' was made up late; yellow until an item is done on time");
      }
      if (s.color() == v1::RED && missed == nullptr && s.reason().empty())
        missed = &items[i];
      if (s.color() == v1::DONE_LATE) recovering = true;
      if (s.color() == v1::DONE_ON_TIME) recovering = false;
    }
  }
  return Status::OK();
}

Status QueryStatus(const Campaign& campaign,
                   const v1::StatusColorsRequest& request,
                   v1::StatusColors* out) {
  out->Clear();
  Date date;
  Status s = ParseIsoDate(request.date(), &date);
  if (!s.ok()) return Status::InvalidArgument("status date: " + s.message());
  v1::WarningPolicy policy = request.has_policy() ? request.policy()
                             : campaign.proto().schedule().has_warning_policy()
                                 ? campaign.proto().schedule().warning_policy()
                                 : DefaultWarningPolicy();
  std::vector<v1::DatedItem> items(request.items().begin(),
                                   request.items().end());
  std::vector<v1::ItemStatus> colours;
  CW_RETURN_IF_ERROR(
      EvaluateStatus(campaign.calendar(), policy, date, items, &colours));
  for (v1::ItemStatus& c : colours) *out->add_items() = std::move(c);
  return Status::OK();
}

}  // namespace chuangwen
