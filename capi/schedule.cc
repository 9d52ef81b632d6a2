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
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
using chuangwen::capi::ReturnMessage;

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
              size_t request_size, int request_format,
              chuangwen::v1::Agenda* answer) {
  chuangwen::v1::AgendaRequest req;
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
  return Guard([&] {
    CW_CAPI_REQUIRE(date, "date");
    CW_CAPI_REQUIRE(out, "out");
    Date d;
    Status s = ParseArgDate(date, "date", &d);
    bool working = false, used = false;
    if (s.ok())
      s = CalendarOf(campaign).IsWorkingDay(d, &working, OptionsOf(flags),
                                            &used);
    if (!s.ok()) return Fail(s);
    *out = working ? 1 : 0;
    SetFallback(out_used_fallback, used);
    return CW_OK;
  });
}

int cw_calendar_add_working_days(const cw_campaign* campaign, const char* date,
                                 int n, int flags, char* out,
                                 int* out_used_fallback) {
  return Guard([&] {
    CW_CAPI_REQUIRE(date, "date");
    CW_CAPI_REQUIRE(out, "out");
    Date d, result;
    bool used = false;
    Status s = ParseArgDate(date, "date", &d);
    if (s.ok())
      s = CalendarOf(campaign).AddWorkingDays(d, n, &result, OptionsOf(flags),
                                              &used);
    if (!s.ok()) return Fail(s);
    std::string iso = chuangwen::FormatIsoDate(result);
    if (iso.size() + 1 > CW_DATE_SIZE)
      return Fail(CW_EINVALID, "date out of range: " + iso);
    std::memcpy(out, iso.c_str(), iso.size() + 1);
    SetFallback(out_used_fallback, used);
    return CW_OK;
  });
}

int cw_calendar_count_working_days(const cw_campaign* campaign,
                                   const char* from, const char* to, int flags,
                                   int* out, int* out_used_fallback) {
  return Guard([&] {
    CW_CAPI_REQUIRE(from, "from");
    CW_CAPI_REQUIRE(to, "to");
    CW_CAPI_REQUIRE(out, "out");
    Date a, b;
    int count = 0;
    bool used = false;
    Status s = ParseArgDate(from, "from", &a);
    if (s.ok()) s = ParseArgDate(to, "to", &b);
    if (s.ok())
      s = CalendarOf(campaign).CountWorkingDays(a, b, &count, OptionsOf(flags),
                                                &used);
    if (!s.ok()) return Fail(s);
    *out = count;
    SetFallback(out_used_fallback, used);
    return CW_OK;
  });
}

int cw_campaign_phases_at(const cw_campaign* campaign, const char* date,
                          int format, uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    CW_CAPI_REQUIRE(date, "date");
    Date d;
    Status s = ParseArgDate(date, "date", &d);
    if (!s.ok()) return Fail(s);
    std::vector<int32_t> phases;
    campaign->rep->schedule().PhasesAt(d, &phases);
    chuangwen::v1::PhaseList answer;
    for (int32_t p : phases)
      *answer.add_phases() = campaign->rep->proto().schedule().phases(p);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_agenda(const cw_campaign* campaign, const uint8_t* request,
                       size_t request_size, int request_format, int format,
                       uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    chuangwen::v1::Agenda answer;
    Status s = Agenda(campaign, request, request_size, request_format, &answer);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(answer, format, out, out_size);
  });
}

int cw_campaign_agenda_ics(const cw_campaign* campaign, const uint8_t* request,
                           size_t request_size, int request_format,
                           const char* stamp_utc, uint8_t** out,
                           size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    chuangwen::v1::Agenda answer;
    Status s = Agenda(campaign, request, request_size, request_format, &answer);
    if (!s.ok()) return Fail(s);
    chuangwen::ICalendarOptions options;
    options.name = campaign->rep->DisplayName();
    if (stamp_utc != nullptr) options.stamp_utc = stamp_utc;
    return chuangwen::capi::ReturnBytes(
        chuangwen::AgendaToICalendar(answer, options), out, out_size);
  });
}

int cw_campaign_status(const cw_campaign* campaign, const uint8_t* request,
                       size_t request_size, int request_format, int format,
                       uint8_t** out, size_t* out_size) {
  return Guard([&] {
    CW_CAPI_REQUIRE(campaign, "campaign");
    chuangwen::v1::StatusRequest req;
    Status s = chuangwen::capi::DecodeRequest(request, request_size,
                                              request_format, &req);
    chuangwen::v1::StatusResponse answer;
    if (s.ok()) s = chuangwen::QueryStatus(*campaign->rep, req, &answer);
    if (!s.ok()) return Fail(s);
    return ReturnMessage(answer, format, out, out_size);
  });
}

}  // extern "C"
