// cw agenda FILE --from YYYY-MM-DD --to YYYY-MM-DD [--unit ID | --person ID]
//                [--json | --ics] [--fallback]
#include <cstdio>
#include <iostream>

#include "chuangwen/icalendar.h"
#include "chuangwen/schedule.h"
#include "cli.h"
#include "resolve.h"

namespace cw {

int RunAgenda(const Args& args) {
  if (args.positional.size() != 1 || !args.Has("from") || !args.Has("to") ||
      (args.Has("json") && args.Has("ics")) ||
      (args.Has("unit") && args.Has("person"))) {
    return UsageError(
        "usage: cw agenda FILE --from YYYY-MM-DD --to YYYY-MM-DD [--unit ID | "
        "--person ID] "
        "[--json | --ics] [--fallback]");
  }
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (!LoadCampaign(args.positional[0], args, &campaign)) return kExitUsage;
  Args named;
  if (!ResolveNamedArgs(*campaign, args, &named)) return kExitUsage;
  chuangwen::v1::AgendaRequest request;
  request.set_from(args.Value("from"));
  request.set_to(args.Value("to"));
  request.set_unit_id(named.Value("unit"));
  request.set_person_id(named.Value("person"));
  request.set_weekend_fallback(args.Has("fallback"));
  chuangwen::v1::Agenda agenda;
  chuangwen::Status s = chuangwen::QueryAgenda(*campaign, request, &agenda);
  if (!s.ok()) return Fail(s);
  if (args.Has("json")) return PrintJson(agenda);
  if (args.Has("ics")) {
    chuangwen::ICalendarOptions options;
    options.name = campaign->DisplayName();
    std::cout << chuangwen::AgendaToICalendar(agenda, options);
    return kExitOk;
  }
  for (const chuangwen::v1::AgendaItem& item : agenda.items()) {
    std::string phases;
    for (const std::string& p : item.phase_ids())
      phases += (phases.empty() ? "" : ",") + p;
    std::cout << item.due() << "  " << Pad(item.owner_name(), 20)
              << Pad(item.title(), 34)
              << (item.nominal() != item.due()
                      ? "(原定 " + item.nominal() + ")  "
                      : "")
              << (phases.empty() ? "" : "[" + phases + "]") << "\n";
  }
  std::cout << agenda.items_size() << " deadlines from " << agenda.from()
            << " to " << agenda.to()
            << (agenda.used_weekend_fallback()
                    ? " (weekends-only fallback used)"
                    : "")
            << "\n";
  return kExitOk;
}

}  // namespace cw
