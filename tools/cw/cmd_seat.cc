// cw seat FILE PERSON --name NAME [--title POST] [--unit UNIT] -o OUT
// Puts a real person in a seat a plan gave by post alone: the importer's
// stand-in (proposed) gets a name, and is no longer proposed. In a ledger
// store the result becomes the campaign in force, with the reason recorded.
#include <cstdio>

#include "chuangwen/codec.h"
#include "chuangwen/ledger_store.h"
#include "cli.h"
#include "output.h"
#include "resolve.h"

namespace cw {

int RunSeat(const Args& args) {
  if (args.positional.size() != 2 || !args.Has("name"))
    return UsageError(args.synopsis);
  const std::string& path = args.positional[0];
  const bool in_store = IsLedgerPath(path);
  if (!in_store && !args.Has("o"))
    return UsageError("give -o OUT for the campaign with the seat filled");
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (!LoadCampaign(path, args, &campaign)) return kExitUsage;
  std::string person_id, unit_id;
  chuangwen::Status s =
      ResolvePerson(*campaign, args.positional[1], &person_id);
  if (s.ok() && args.Has("unit"))
    s = ResolveUnit(*campaign, args.Value("unit"), &unit_id)
            .WithContext("--unit");
  if (!s.ok()) return Fail(s);
  chuangwen::v1::Campaign updated = campaign->proto();
  chuangwen::v1::Person* p =
      updated.mutable_people(campaign->index().Person(person_id));
  const std::string before = p->name();
  p->set_name(args.Value("name"));
  if (args.Has("title")) p->set_title(args.Value("title"));
  if (args.Has("contact")) p->set_contact(args.Value("contact"));
  if (!unit_id.empty()) p->set_unit_id(unit_id);
  p->set_proposed(false);
  if (in_store) {
    std::unique_ptr<chuangwen::LedgerStore> store;
    s = OpenLedger(path, &store);
    if (s.ok())
      s = store->ReplaceCampaign(updated, "seat " + person_id + " (" + before +
                                              ") filled by " +
                                              args.Value("name"));
    if (!s.ok()) return Fail(s);
    std::printf("%s is now %s; campaign version %d is in force.\n",
                person_id.c_str(), args.Value("name").c_str(),
                store->campaign_version());
    return kExitOk;
  }
  chuangwen::Format format;
  s = chuangwen::FormatFromPath(args.Value("o"), &format);
  std::string bytes;
  if (s.ok()) s = chuangwen::Encode(updated, format, &bytes);
  if (s.ok()) s = WriteOutput(args.Value("o"), bytes);
  if (!s.ok()) return Fail(s);
  std::printf("%s is now %s; wrote %s.\n", person_id.c_str(),
              args.Value("name").c_str(), CleanPath(args.Value("o")).c_str());
  return kExitOk;
}

}  // namespace cw
