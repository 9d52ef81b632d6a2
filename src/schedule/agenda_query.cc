// The agenda as a chuangwen.v1.Agenda answer.
#include <boost/date_time/gregorian/gregorian.hpp>

#include "chuangwen/campaign.h"
#include "chuangwen/date.h"
#include "chuangwen/schedule.h"

namespace chuangwen {

Status QueryAgenda(const Campaign& campaign, const v1::AgendaRequest& request,
                   v1::Agenda* out) {
  out->Clear();
  CW_RETURN_IF_ERROR(campaign.ScheduleProblems());
  AgendaQuery query;
  Status s = ParseIsoDate(request.from(), &query.from);
  if (!s.ok()) return Status::InvalidArgument("agenda from: " + s.message());
  s = ParseIsoDate(request.to(), &query.to);
  if (!s.ok()) return Status::InvalidArgument("agenda to: " + s.message());
  const v1::Campaign& c = campaign.proto();
  if (!request.unit_id().empty()) {
    query.unit = campaign.index().Unit(request.unit_id());
    if (query.unit == kNoIndex) {
      return Status::NotFound("unit '" + request.unit_id() +
                              "' does not exist");
    }
  }
  if (!request.person_id().empty()) {
    query.person = campaign.index().Person(request.person_id());
    if (query.person == kNoIndex) {
      return Status::NotFound("person '" + request.person_id() +
                              "' does not exist");
    }
  }
  query.calendar.weekend_fallback = request.weekend_fallback();
  std::vector<AgendaEntry> entries;
  bool fell_back = false;
  CW_RETURN_IF_ERROR(campaign.schedule().Agenda(query, &entries, &fell_back));
  out->set_from(request.from());
  out->set_to(request.to());
  out->set_used_weekend_fallback(fell_back);
  std::vector<int32_t> phases;
  Date phases_for(boost::gregorian::not_a_date_time);
  for (const AgendaEntry& e : entries) {
    const v1::Duty& duty = c.schedule().duties(e.duty);
    v1::AgendaItem* item = out->add_items();
    item->set_due(FormatIsoDate(e.due));
    item->set_nominal(FormatIsoDate(e.nominal));
    item->set_duty_id(duty.id());
    item->set_title(duty.title());
    item->set_task_id(duty.task_id());
    if (e.owner_unit != kNoIndex) {
      item->set_owner_unit_id(c.units(e.owner_unit).id());
      item->set_owner_name(c.units(e.owner_unit).name());
    } else {
      item->set_owner_body_id(c.bodies(e.owner_body).id());
      item->set_owner_name(c.bodies(e.owner_body).name());
    }
    if (e.due != phases_for) {
      campaign.schedule().PhasesAt(e.due, &phases);
      phases_for = e.due;
    }
    for (int32_t p : phases) item->add_phase_ids(c.schedule().phases(p).id());
  }
  return Status::OK();
}

}  // namespace chuangwen
