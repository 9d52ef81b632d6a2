// cw convert IN OUT: re-encode a campaign (formats from the extensions, or
// --from/--to), e.g. text format to JSON for an OA system.
#include "chuangwen/codec.h"
#include "chuangwen/v1/campaign.pb.h"
#include "cli.h"
#include "output.h"

namespace cw {

int RunConvert(const Args& args) {
  if (args.positional.size() != 2) {
    return UsageError("usage: cw convert IN OUT [--from FORMAT] [--to FORMAT]");
  }
  const std::string& in = args.positional[0];
  const std::string& out = args.positional[1];
  chuangwen::Format from, to;
  chuangwen::v1::Campaign campaign;
  chuangwen::Status s;
  if (IsLedgerPath(in)) {  // The campaign in force.
    std::shared_ptr<const chuangwen::Campaign> loaded;
    if (!LoadCampaign(in, args, &loaded)) return kExitUsage;
    campaign = loaded->proto();
  } else {
    s = args.Has("from") ? chuangwen::ParseFormatName(args.Value("from"), &from)
                         : chuangwen::FormatFromPath(in, &from);
    if (s.ok()) s = chuangwen::DecodeFile(in, from, &campaign);
  }
  if (s.ok()) {
    s = args.Has("to") ? chuangwen::ParseFormatName(args.Value("to"), &to)
                       : chuangwen::FormatFromPath(out, &to);
  }
  std::string bytes;
  if (s.ok()) s = chuangwen::Encode(campaign, to, &bytes);
  if (s.ok()) s = WriteOutput(out, bytes);
  if (!s.ok()) return Fail(s);
  return kExitOk;
}

}  // namespace cw
