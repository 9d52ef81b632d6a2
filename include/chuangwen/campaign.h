// Campaign (创建活动): the immutable, validated, indexed model of one campaign.
//
// Data enters as a chuangwen.v1.Campaign message (binary, JSON or text) and
// becomes a Campaign: the message itself, its validation report, its id index
// and its responsibility graph, all built once. Semantic problems (unknown ids,
// cycles, gaps) do not stop loading: they are reported by problems(), and
// references that resolve to nothing are simply absent from the graph.
//
// Thread safety: a Campaign is immutable once built; any number of threads may
// query it at once.
#ifndef CHUANGWEN_CAMPAIGN_H_
#define CHUANGWEN_CAMPAIGN_H_

#include <memory>
#include <string>
#include <string_view>

#include "chuangwen/campaign_index.h"
#include "chuangwen/codec.h"
#include "chuangwen/roles.h"
#include "chuangwen/status.h"
#include "chuangwen/time_zone.h"
#include "chuangwen/v1/campaign.pb.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen {

class ResponsibilityGraph;
class CompiledSchedule;
class WorkCalendar;

class Campaign {
 public:
  // Builds the model from a message (moved in). Never fails: semantic
  // problems are collected in problems().
  static std::shared_ptr<const Campaign> Build(v1::Campaign proto);
  // The same with the clock "today" is read from (tests set a fixed one;
  // nullptr is the system clock).
  static std::shared_ptr<const Campaign> Build(
      v1::Campaign proto, std::shared_ptr<const Clock> clock);

  // Decodes `bytes` in `format` and builds the model. Fails only when the
  // bytes are not a valid encoding of chuangwen.v1.Campaign.
  static Status Load(std::string_view bytes, Format format,
                     std::shared_ptr<const Campaign>* out);

  // Reads `path` (format from its extension) and builds the model.
  static Status LoadFile(const std::string& path,
                         std::shared_ptr<const Campaign>* out);
  static Status LoadFile(const std::string& path, Format format,
                         std::shared_ptr<const Campaign>* out);

  ~Campaign();
  Campaign(const Campaign&) = delete;
  Campaign& operator=(const Campaign&) = delete;

  const v1::Campaign& proto() const { return proto_; }
  const CampaignIndex& index() const { return *index_; }
  // Who may do what (roles.h), derived once.
  const Roles& roles() const { return *roles_; }
  const ResponsibilityGraph& graph() const { return *graph_; }
  // The working-day calendar in force: the shipped national one with the
  // campaign's own years and adjustments on top (the national one alone when
  // those have problems).
  const WorkCalendar& calendar() const { return *calendar_; }
  const CompiledSchedule& schedule() const { return *schedule_; }

  // The campaign's time zone (its time_zone field, default Asia/Shanghai;
  // the default when the field names no zone, which is a problem) and clock.
  const TimeZone& time_zone() const { return *time_zone_; }
  const std::shared_ptr<const Clock>& clock() const { return clock_; }
  // Today's local date in the campaign's time zone, by its clock.
  Date Today() const;
  std::string TodayIso() const;
  // The local date of an RFC 3339 instant (checked strictly) in the
  // campaign's time zone.
  Status LocalDate(std::string_view rfc3339, Date* out) const;

  // The first problem of the schedule or calendar, as an InvalidArgument
  // naming its place; OK when there is none.
  Status ScheduleProblems() const;

  // Every validation problem, in the order of the rules in validate.h.
  const v1::ValidationReport& problems() const { return problems_; }
  bool valid() const { return problems_.problems_size() == 0; }
  // OK when valid, else InvalidArgument "campaign 'ID' has N validation
  // problem(s); the first: LOCATION: MESSAGE" (for what must be valid to be
  // stored).
  Status CheckValid() const;

  // Display name of the campaign: its name, else its plan document's title.
  std::string DisplayName() const;

 private:
  Campaign(v1::Campaign proto, std::shared_ptr<const Clock> clock);

  v1::Campaign proto_;
  std::unique_ptr<CampaignIndex> index_;
  std::unique_ptr<Roles> roles_;
  std::unique_ptr<ResponsibilityGraph> graph_;
  std::shared_ptr<const WorkCalendar> calendar_;
  std::unique_ptr<CompiledSchedule> schedule_;
  std::shared_ptr<const TimeZone> time_zone_;
  std::shared_ptr<const Clock> clock_;
  v1::ValidationReport problems_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_CAMPAIGN_H_
