#include "chuangwen/schedule.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "schedule/compiled.h"

namespace chuangwen {
namespace {

using boost::gregorian::days;

// Day `day` of the month starting at `first`, clamped to the month's end.
Date DayOfMonth(Date first, int day) {
  Date end = first.end_of_month();
  return day >= end.day() ? end
                          : Date(first.year(), first.month(),
                                 static_cast<unsigned short>(day));
}

// Day 1 of the month of `d`.
Date MonthStart(Date d) { return Date(d.year(), d.month(), 1); }

}  // namespace

CompiledSchedule::CompiledSchedule(const v1::Campaign& campaign,
                                   const CampaignIndex& index,
                                   std::shared_ptr<const WorkCalendar> calendar)
    : campaign_(campaign), calendar_(std::move(calendar)) {
  phases_ = internal::CompilePhases(campaign, nullptr);
  for (int i = 0; i < campaign.schedule().duties_size(); ++i) {
    CompiledDuty duty;
    compiled_of_.push_back(kNoIndex);
    if (internal::CompileDuty(campaign, index, i, &duty, nullptr)) {
      compiled_of_.back() = static_cast<int32_t>(duties_.size());
      duties_.push_back(duty);
    }
  }
  unit_bodies_.resize(static_cast<size_t>(campaign.units_size()));
  person_bodies_.resize(static_cast<size_t>(campaign.people_size()));
  person_unit_.resize(static_cast<size_t>(campaign.people_size()));
  for (int p = 0; p < campaign.people_size(); ++p) {
    person_unit_[p] = index.Unit(campaign.people(p).unit_id());
  }
  for (int b = 0; b < campaign.bodies_size(); ++b) {
    const v1::Body& body = campaign.bodies(b);
    auto tie = [b](std::vector<int32_t>* list) {
      if (list->empty() || list->back() != b) list->push_back(b);
    };
    int32_t host = index.Unit(body.host_unit_id());
    if (host != kNoIndex) tie(&unit_bodies_[host]);
    for (const v1::Member& m : body.members()) {
      int32_t u = index.Unit(m.unit_id());
      if (u != kNoIndex) tie(&unit_bodies_[u]);
      int32_t p = index.Person(m.person_id());
      if (p != kNoIndex) tie(&person_bodies_[p]);
    }
  }
}

CompiledSchedule::~CompiledSchedule() = default;

int32_t CompiledSchedule::duty_count() const {
  return static_cast<int32_t>(duties_.size());
}

void CompiledSchedule::PhasesAt(Date date, std::vector<int32_t>* out) const {
  out->clear();
  for (size_t i = 0; i < phases_.size(); ++i) {
    if (phases_[i].Contains(date)) out->push_back(static_cast<int32_t>(i));
  }
}

bool CompiledSchedule::InWindow(const CompiledDuty& duty, Date nominal) const {
  if (nominal < duty.active_from || duty.active_to < nominal) return false;
  if (duty.phases.empty()) return true;
  for (int32_t p : duty.phases) {
    if (phases_[p].Contains(nominal)) return true;
  }
  return false;
}

Status CompiledSchedule::Adjust(const CompiledDuty& duty, Date nominal,
                                Date* due, const CalendarOptions& options,
                                bool* used_fallback) const {
  bool fell_back = false;
  Status s;
  switch (duty.policy) {
    case v1::KEEP:
      *due = nominal;
      return Status::OK();
    case v1::LATER_WORKING_DAY:
      s = calendar_->WorkingDayOnOrAfter(nominal, due, options, &fell_back);
      break;
    default:
      s = calendar_->WorkingDayOnOrBefore(nominal, due, options, &fell_back);
      break;
  }
  if (fell_back) *used_fallback = true;
  return s;
}

Status CompiledSchedule::Occurrences(int32_t duty, Date from, Date to,
                                     std::vector<Date>* out,
                                     const CalendarOptions& options) const {
  out->clear();
  if (duty < 0 || duty >= campaign_.schedule().duties_size()) {
    return Status::NotFound("duty " + std::to_string(duty) + " does not exist");
  }
  if (compiled_of_[duty] == kNoIndex) {
    return Status::InvalidArgument(
        "duty '" + campaign_.schedule().duties(duty).id() +
        "' has problems; see the campaign's validation");
  }
  return Expand(duties_[compiled_of_[duty]], from, to, out, options);
}

Status CompiledSchedule::Expand(const CompiledDuty& d, Date from, Date to,
                                std::vector<Date>* out,
                                const CalendarOptions& options) const {
  out->clear();
  if (to < from) return Status::OK();
  auto emit = [&](Date date) {
    if (from <= date && date <= to) out->push_back(date);
  };
  using boost::gregorian::month_iterator;
  using boost::gregorian::year_iterator;
  switch (d.kind) {
    case v1::DutyRule::kOneOff:
      emit(d.date);
      break;
    case v1::DutyRule::kYearly:
      for (year_iterator it(
               Date(from.year(), static_cast<unsigned short>(d.month), 1));
           *it <= to; ++it) {
        emit(DayOfMonth(*it, d.day));
      }
      break;
    case v1::DutyRule::kMonthly:
      for (month_iterator it(MonthStart(from)); *it <= to; ++it)
        emit(DayOfMonth(*it, d.day));
      break;
    case v1::DutyRule::kMonthEnd:
      for (month_iterator it(MonthStart(from)); *it <= to; ++it)
        emit(it->end_of_month());
      break;
    case v1::DutyRule::kEveryNMonths: {
      month_iterator it(d.start_month, d.interval);
      // Skip whole strides before the range, then walk.
      if (*it < MonthStart(from)) {
        int months = (from.year() - d.start_month.year()) * 12 +
                     (from.month() - d.start_month.month());
        it = month_iterator(
            d.start_month +
                boost::gregorian::months(months / d.interval * d.interval),
            d.interval);
      }
      for (; *it <= to; ++it) emit(DayOfMonth(*it, d.day));
      break;
    }
    case v1::DutyRule::kWeekly: {
      Date first = boost::gregorian::next_weekday(
          from, boost::gregorian::greg_weekday(
                    static_cast<unsigned short>(d.weekday)));
      for (boost::gregorian::week_iterator it(first); *it <= to; ++it)
        emit(*it);
      break;
    }
    case v1::DutyRule::kEveryNWeeks: {
      Date anchor = boost::gregorian::next_weekday(
          d.date, boost::gregorian::greg_weekday(
                      static_cast<unsigned short>(d.weekday)));
      const long stride = 7L * d.interval;
      Date first = anchor;
      if (anchor < from) {
        long behind = (from - anchor).days();
        first = anchor + days((behind + stride - 1) / stride * stride);
      }
      for (Date x = first; x <= to; x += days(stride)) emit(x);
      break;
    }
    case v1::DutyRule::kSemiMonthly:
      for (month_iterator it(MonthStart(from)); *it <= to; ++it) {
        Date a = DayOfMonth(*it, d.first_day);
        Date b = d.second_day == 0 ? it->end_of_month()
                                   : DayOfMonth(*it, d.second_day);
        emit(a);
        if (b != a) emit(b);
      }
      break;
    case v1::DutyRule::kEveryNWorkingDays: {
      Date x;
      CW_RETURN_IF_ERROR(calendar_->WorkingDayOnOrAfter(d.date, &x, options));
      if (x < from) {
        int behind = 0;
        CW_RETURN_IF_ERROR(
            calendar_->CountWorkingDays(x, from - days(1), &behind, options));
        // `behind` counts x itself: the next occurrence is a multiple of the
        // interval past x that reaches `from`.
        int steps = (behind - 1) / d.interval + 1;
        CW_RETURN_IF_ERROR(
            calendar_->AddWorkingDays(x, steps * d.interval, &x, options));
      }
      while (x <= to) {
        emit(x);
        CW_RETURN_IF_ERROR(
            calendar_->AddWorkingDays(x, d.interval, &x, options));
      }
      break;
    }
    case v1::DutyRule::KIND_NOT_SET:
      break;
  }
  return Status::OK();
}

Status CompiledSchedule::Agenda(const AgendaQuery& query,
                                std::vector<AgendaEntry>* out,
                                bool* used_fallback,
                                std::vector<AgendaEntry>* scratch) const {
  out->clear();
  bool fell_back = false;
  if (query.to < query.from) {
    return Status::InvalidArgument(
        "agenda: to " + boost::gregorian::to_iso_extended_string(query.to) +
        " is before from " +
        boost::gregorian::to_iso_extended_string(query.from));
  }
  // Nominal dates up to this far outside the range can move into it.
  const days slack(16);
  const Date gen_from = query.from - slack, gen_to = query.to + slack;
  const int32_t person_unit =
      query.person == kNoIndex ? kNoIndex : person_unit_[query.person];
  auto body_matches = [&](int32_t body) {
    if (body == kNoIndex) return false;
    const std::vector<int32_t>* bodies = query.unit != kNoIndex
                                             ? &unit_bodies_[query.unit]
                                             : &person_bodies_[query.person];
    return std::find(bodies->begin(), bodies->end(), body) != bodies->end();
  };
  const bool filtered = query.unit != kNoIndex || query.person != kNoIndex;
  const int32_t unit_filter = query.unit != kNoIndex ? query.unit : person_unit;

  std::vector<AgendaEntry> local;
  std::vector<AgendaEntry>& unsorted = scratch != nullptr ? *scratch : local;
  unsorted.clear();
  if (!filtered) {
    // Size the buffer once from the rules' rates rather than growing it.
    double expected = 0;
    for (const CompiledDuty& d : duties_) {
      expected += d.per_year * static_cast<double>(d.owner_units.size() +
                                                   (d.owner_body != kNoIndex));
    }
    const double years =
        static_cast<double>((query.to - query.from).days() + 1) / 365.0;
    unsorted.reserve(
        static_cast<size_t>(expected * std::min(years, 1000.0) * 1.05) + 16);
  }
  std::vector<Date> nominal;
  std::vector<int32_t> owners;
  for (size_t k = 0; k < duties_.size(); ++k) {
    const CompiledDuty& d = duties_[k];
    owners.clear();
    if (!filtered) {
      owners = d.owner_units;
    } else if (unit_filter != kNoIndex &&
               std::find(d.owner_units.begin(), d.owner_units.end(),
                         unit_filter) != d.owner_units.end()) {
      owners.push_back(unit_filter);
    }
    bool body =
        d.owner_body != kNoIndex && (!filtered || body_matches(d.owner_body));
    if (owners.empty() && !body) continue;
    CW_RETURN_IF_ERROR(Expand(d, gen_from, gen_to, &nominal, query.calendar));
    for (Date n : nominal) {
      if (!InWindow(d, n)) continue;
      Date due;
      CW_RETURN_IF_ERROR(Adjust(d, n, &due, query.calendar, &fell_back));
      if (due < query.from || query.to < due) continue;
      for (int32_t u : owners)
        unsorted.push_back(AgendaEntry{due, n, d.index, u, kNoIndex});
      if (body)
        unsorted.push_back(
            AgendaEntry{due, n, d.index, kNoIndex, d.owner_body});
    }
  }
  // Counting sort by due day: stable, so duty order and owner order within a
  // day are kept from the generation order.
  const size_t span = static_cast<size_t>((query.to - query.from).days() + 1);
  std::vector<uint32_t> start(span + 1, 0);
  for (const AgendaEntry& e : unsorted)
    ++start[static_cast<size_t>((e.due - query.from).days()) + 1];
  for (size_t i = 1; i <= span; ++i) start[i] += start[i - 1];
  out->resize(unsorted.size());
  for (const AgendaEntry& e : unsorted) {
    (*out)[start[static_cast<size_t>((e.due - query.from).days())]++] = e;
  }
  if (used_fallback != nullptr) *used_fallback = fell_back;
  return Status::OK();
}

}  // namespace chuangwen
