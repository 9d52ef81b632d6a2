// Schedule (时间安排): phases and recurring duties compiled against a
// campaign and a working-day calendar, expanded into an agenda of concrete
// deadlines.
//
// A duty's rule gives nominal dates; a nominal date on a day off moves by the
// duty's non-working-day policy (earlier working day by default). Deadlines
// count when their nominal date lies in the duty's active window (dates and/or
// phases). Duties owed by "every unit of a kind" give one deadline per unit.
//
// Thread safety: immutable once built; concurrent queries are safe.
#ifndef CHUANGWEN_SCHEDULE_H_
#define CHUANGWEN_SCHEDULE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "chuangwen/calendar.h"
#include "chuangwen/campaign_index.h"
#include "chuangwen/status.h"
#include "chuangwen/validate.h"
#include "chuangwen/v1/campaign.pb.h"
#include "chuangwen/v1/schedule.pb.h"

namespace chuangwen {

class Campaign;

namespace internal {
struct CompiledDuty;
struct CompiledPhase;
}  // namespace internal

// One concrete deadline.
struct AgendaEntry {
  Date due;            // Adjusted for days off.
  Date nominal;        // As the rule gives it.
  int32_t duty;        // Duty index in the schedule.
  int32_t owner_unit;  // Unit index, or kNoIndex for a body-owned duty.
  int32_t owner_body;  // Body index, or kNoIndex.
};

struct AgendaQuery {
  Date from, to;              // Both included.
  int32_t unit = kNoIndex;    // Only what this unit owes.
  int32_t person = kNoIndex;  // Only what this person owes.
  CalendarOptions calendar;
};

class CompiledSchedule {
 public:
  // Compiles the campaign's schedule. Duties or phases with problems (see
  // validate.h, rule 9) are skipped; Campaign reports them.
  CompiledSchedule(const v1::Campaign& campaign, const CampaignIndex& index,
                   std::shared_ptr<const WorkCalendar> calendar);
  ~CompiledSchedule();

  const WorkCalendar& calendar() const { return *calendar_; }

  // Indexes of the phases containing `date`, in campaign order.
  void PhasesAt(Date date, std::vector<int32_t>* out) const;

  // Every deadline from query.from to query.to, by due date, then duty
  // order, then owner. Fails on from > to, or on dates outside the loaded
  // calendar years unless the fallback is allowed (*used_fallback says so).
  // `scratch`, when given, is working memory the caller keeps between calls
  // so that repeated large agendas reuse it instead of allocating afresh.
  Status Agenda(const AgendaQuery& query, std::vector<AgendaEntry>* out,
                bool* used_fallback = nullptr,
                std::vector<AgendaEntry>* scratch = nullptr) const;

  // Nominal dates of duty `duty` (its index in schedule.duties) from `from`
  // to `to`: no adjustment, no window.
  Status Occurrences(int32_t duty, Date from, Date to, std::vector<Date>* out,
                     const CalendarOptions& options = {}) const;

  // Duties that compiled (those without problems).
  int32_t duty_count() const;

 private:
  using CompiledDuty = internal::CompiledDuty;
  using CompiledPhase = internal::CompiledPhase;
  Status Adjust(const CompiledDuty& duty, Date nominal, Date* due,
                const CalendarOptions& options, bool* used_fallback) const;
  bool InWindow(const CompiledDuty& duty, Date nominal) const;
  Status Expand(const CompiledDuty& duty, Date from, Date to,
                std::vector<Date>* out, const CalendarOptions& options) const;

  const v1::Campaign& campaign_;
  std::shared_ptr<const WorkCalendar> calendar_;
  std::vector<CompiledPhase> phases_;
  std::vector<CompiledDuty> duties_;  // Duties without problems.
  std::vector<int32_t> compiled_of_;  // schedule.duties index → duties_ index.
  // Bodies a unit is tied to (host or seat) and bodies a person sits in.
  std::vector<std::vector<int32_t>> unit_bodies_, person_bodies_;
  std::vector<int32_t> person_unit_;
};

// Answers an agenda request on a campaign as a chuangwen.v1.Agenda.
Status QueryAgenda(const Campaign& campaign, const v1::AgendaRequest& request,
                   v1::Agenda* out);

// Validation rules 9 and 10 (validate.h): the schedule and the calendar.
void AddScheduleValidationRules(ValidationRules* rules);

}  // namespace chuangwen

#endif  // CHUANGWEN_SCHEDULE_H_
