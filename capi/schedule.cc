// Calendar and schedule entry points: working days, phases, agenda, status.
#include "chuangwen/schedule.h"

#include <cstring>
#include <string>

#include "campaign_handle.h"
#include "capi_internal.h"
#include "chuangwen/calendar.h"
#include "chuangwen/date.h"
#include "chuangwen/icalendar.h"
#include "chuangwen/status_color.h"

namespace {

using chuangwen::Date;
using chuangwen::Status;
namespace v1 = chuangwen::v1;
using chuangwen::capi::Required;
using chuangwen::capi::Respond;
using chuangwen::capi::Run;

const chuangwen::WorkCalendar& CalendarOf(const cw_campaign* campaign) {
  return campaign != nullptr ? campaign->rep->calendar()
                             : *chuangwen::WorkCalendar::China();
}

Status ParseArgDate(const char* text, const char* name, Date* out) {
  Status s = chuangwen::ParseIsoDate(text, out);
  return s.ok()
             ? s
             : Status::InvalidArgument(std::string(name) + ": " + s.message());
}

// Decodes an AgendaRequest and answers it.
Status Agenda(const cw_campaign* campaign, const uint8_t* request,
              size_t request_size, int request_format, v1::Agenda* answer) {
  CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
  v1::AgendaRequest req;
  CW_RETURN_IF_ERROR(chuangwen::capi::DecodeRequest(request, request_size,
                                                    request_format, &req));
  return chuangwen::QueryAgenda(*campaign->rep, req, answer);
}

chuangwen::CalendarOptions OptionsOf(int flags) {
  chuangwen::CalendarOptions options;
  options.weekend_fallback = (flags & CW_CALENDAR_WEEKEND_FALLBACK) != 0;
  return options;
}

void SetFallback(int* out_used_fallback, bool used) {
  if (out_used_fallback != nullptr) *out_used_fallback = used ? 1 : 0;
}

}  // namespace

extern "C" {

int cw_calendar_is_working_day(const cw_campaign* campaign, const char* date,
                               int flags, int* out, int* out_used_fallback) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(date, "date"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    Date d;
    bool working = false, used = false;
    CW_RETURN_IF_ERROR(ParseArgDate(date, "date", &d));
    CW_RETURN_IF_ERROR(CalendarOf(campaign).IsWorkingDay(
        d, &working, OptionsOf(flags), &used));
    *out = working ? 1 : 0;
    SetFallback(out_used_fallback, used);
    return Status::OK();
  });
}

int cw_calendar_add_working_days(const cw_campaign* campaign, const char* date,
                                 int n, int flags, char* out,
                                 int* out_used_fallback) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(date, "date"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    Date d, result;
    bool used = false;
    CW_RETURN_IF_ERROR(ParseArgDate(date, "date", &d));
    CW_RETURN_IF_ERROR(CalendarOf(campaign).AddWorkingDays(
        d, n, &result, OptionsOf(flags), &used));
    std::string iso = chuangwen::FormatIsoDate(result);
    if (iso.size() + 1 > CW_DATE_SIZE)
      return Status::InvalidArgument("date out of range: " + iso);
    std::memcpy(out, iso.c_str(), iso.size() + 1);
    SetFallback(out_used_fallback, used);
    return Status::OK();
  });
}

int cw_calendar_count_working_days(const cw_campaign* campaign,
                                   const char* from, const char* to, int flags,
                                   int* out, int* out_used_fallback) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(from, "from"));
    CW_RETURN_IF_ERROR(Required(to, "to"));
    CW_RETURN_IF_ERROR(Required(out, "out"));
    Date a, b;
    int count = 0;
    bool used = false;
    CW_RETURN_IF_ERROR(ParseArgDate(from, "from", &a));
    CW_RETURN_IF_ERROR(ParseArgDate(to, "to", &b));
    CW_RETURN_IF_ERROR(CalendarOf(campaign).CountWorkingDays(
        a, b, &count, OptionsOf(flags), &used));
    *out = count;
    SetFallback(out_used_fallback, used);
    return Status::OK();
  });
}

int cw_campaign_phases_at(const cw_campaign* campaign, const char* date,
                          int format, uint8_t** out, size_t* out_size) {
  return Respond<v1::PhaseList>(format, out, out_size, [&](auto* m) {
    CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
    CW_RETURN_IF_ERROR(Required(date, "date"));
    Date d;
    CW_RETURN_IF_ERROR(ParseArgDate(date, "date", &d));
    std::vector<int32_t> phases;
    campaign->rep->schedule().PhasesAt(d, &phases);
    for (int32_t p : phases)
      *m->add_phases() = campaign->rep->proto().schedule().phases(p);
    return Status::OK();
  });
}

int cw_campaign_agenda(const cw_campaign* campaign, const uint8_t* request,
                       size_t request_size, int request_format, int format,
                       uint8_t** out, size_t* out_size) {
  return Respond<v1::Agenda>(format, out, out_size, [&](auto* m) {
    return Agenda(campaign, request, request_size, request_format, m);
  });
}

int cw_campaign_agenda_ics(const cw_campaign* campaign, const uint8_t* request,
                           size_t request_size, int request_format,
                           const char* stamp_utc, uint8_t** out,
                           size_t* out_size) {
  return chuangwen::capi::RespondBytes(out, out_size, [&](std::string* bytes) {
    v1::Agenda agenda;
    CW_RETURN_IF_ERROR(
        Agenda(campaign, request, request_size, request_format, &agenda));
    chuangwen::ICalendarOptions options;
    options.name = campaign->rep->DisplayName();
    if (stamp_utc != nullptr) options.stamp_utc = stamp_utc;
    *bytes = chuangwen::AgendaToICalendar(agenda, options);
    return Status::OK();
  });
}

int cw_campaign_status_colors(const cw_campaign* campaign,
                              const uint8_t* request, size_t request_size,
                              int request_format, int format, uint8_t** out,
                              size_t* out_size) {
  return Respond<v1::StatusColorsRequest, v1::StatusColors>(
      request, request_size, request_format, format, out, out_size,
      [&](const auto& req, auto* m) -> Status {
        CW_RETURN_IF_ERROR(Required(campaign, "campaign"));
        return chuangwen::QueryStatus(*campaign->rep, req, m);
      });
}

}  // extern "C"
