// Internal form of phases and duties: parsed dates, resolved owners. Shared by
// the schedule engine and by validation (rule 9), which report the same
// problems because they run the same compiler.
#ifndef CHUANGWEN_SRC_SCHEDULE_COMPILED_H_
#define CHUANGWEN_SRC_SCHEDULE_COMPILED_H_

#include <cstdint>
#include <vector>

#include "chuangwen/calendar.h"
#include "chuangwen/campaign_index.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::internal {

struct CompiledPhase {
  Date start{boost::gregorian::neg_infin};  // Open start.
  Date end{boost::gregorian::pos_infin};    // Open end.
  bool Contains(Date d) const { return start <= d && d <= end; }
};

struct CompiledDuty {
  int32_t index = 0;  // Position in schedule.duties.
  v1::DutyRule::KindCase kind = v1::DutyRule::KIND_NOT_SET;
  Date date{boost::gregorian::not_a_date_time};  // one_off; anchor of weeks /
                                                 // working days.
  int month = 0, day = 0, interval = 1,
      weekday = 0;                     // weekday: boost (0 = Sunday).
  int first_day = 15, second_day = 0;  // semi_monthly (0 = month end).
  Date start_month{
      boost::gregorian::not_a_date_time};  // every_n_months: day 1 of it.
  Date active_from{boost::gregorian::neg_infin};
  Date active_to{boost::gregorian::pos_infin};
  std::vector<int32_t> phases;  // Active phases; empty = any time.
  v1::NonWorkingDayPolicy policy = v1::EARLIER_WORKING_DAY;
  std::vector<int32_t> owner_units;  // Resolved; several for a unit kind.
  int32_t owner_body = kNoIndex;
  double per_year =
      0;  // About how many dates the rule gives a year (to size buffers).
};

// Compiles every phase; a phase with problems is reported and compiled as
// far as possible (an unreadable date stays open).
std::vector<CompiledPhase> CompilePhases(const v1::Campaign& campaign,
                                         v1::ValidationReport* report);

// Compiles duty `i`. Returns false (after reporting every problem it has)
// when the duty cannot be expanded.
// Sets duty->per_year from its rule.
void EstimateRate(CompiledDuty* duty);

bool CompileDuty(const v1::Campaign& campaign, const CampaignIndex& index,
                 int i, CompiledDuty* out, v1::ValidationReport* report);

// Rule 9 of validation: phases and duties. Rule 10: the campaign's calendar.
void CheckSchedule(const v1::Campaign& campaign, const CampaignIndex& index,
                   v1::ValidationReport* report);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_SCHEDULE_COMPILED_H_
