// cw validate FILE: print the validation problems; exit 1 if there are any.
#include <iostream>

#include "cli.h"

namespace cw {

int RunValidate(const Args& args) {
  if (args.positional.size() != 1)
    return UsageError("usage: cw validate FILE [--json]");
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (!LoadCampaign(args.positional[0], args, &campaign)) return kExitUsage;
  if (args.Has("json")) {
    int rc = PrintJson(campaign->problems());
    if (rc != kExitOk) return rc;
  } else {
    PrintProblems(*campaign, args.positional[0]);
  }
  return campaign->valid() ? kExitOk : kExitProblems;
}

}  // namespace cw
