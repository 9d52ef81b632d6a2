// cw workdays --from YYYY-MM-DD --to YYYY-MM-DD [--fallback] [--campaign FILE]
// Prints the number of working days from the first date to the second, both
// included, on the shipped national calendar (or a campaign's).
#include <cstdio>

#include "chuangwen/calendar.h"
#include "chuangwen/date.h"
#include "cli.h"

namespace cw {

int RunWorkdays(const Args& args) {
  if (!args.positional.empty() || !args.Has("from") || !args.Has("to")) {
    return UsageError(
        "usage: cw workdays --from YYYY-MM-DD --to YYYY-MM-DD [--fallback]");
  }
  chuangwen::Date from, to;
  chuangwen::Status s = chuangwen::ParseIsoDate(args.Value("from"), &from);
  if (!s.ok()) return UsageError("--from: " + s.message());
  s = chuangwen::ParseIsoDate(args.Value("to"), &to);
  if (!s.ok()) return UsageError("--to: " + s.message());
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (args.Has("campaign") &&
      !LoadCampaign(args.Value("campaign"), args, &campaign)) {
    return kExitUsage;
  }
  const chuangwen::WorkCalendar& calendar =
      campaign ? campaign->calendar() : *chuangwen::WorkCalendar::China();
  chuangwen::CalendarOptions options;
  options.weekend_fallback = args.Has("fallback");
  int count = 0;
  bool fell_back = false;
  s = calendar.CountWorkingDays(from, to, &count, options, &fell_back);
  if (!s.ok()) return Fail(s);
  std::printf("%d\n", count);
  if (fell_back)
    std::fprintf(
        stderr,
        "cw: note: weekends-only fallback used outside the loaded years\n");
  return kExitOk;
}

}  // namespace cw
