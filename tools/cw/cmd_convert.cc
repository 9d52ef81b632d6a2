// cw convert IN OUT: re-encode a campaign (formats from the extensions, or
// --from/--to), e.g. text format to JSON for an OA system.
#include "chuangwen/codec.h"
#include "chuangwen/v1/campaign.pb.h"
#include "cli.h"

namespace cw {

int RunConvert(int argc, char** argv) {
  Args args;
  std::string error;
  if (!ParseArgs(argc, argv, 2, {"from", "to"}, {}, &args, &error))
    return UsageError(error);
  if (args.positional.size() != 2) {
    return UsageError("usage: cw convert IN OUT [--from FORMAT] [--to FORMAT]");
  }
  const std::string& in = args.positional[0];
  const std::string& out = args.positional[1];
  chuangwen::Format from, to;
  chuangwen::Status s =
      args.Has("from") ? chuangwen::ParseFormatName(args.Value("from"), &from)
                       : chuangwen::FormatFromPath(in, &from);
  if (s.ok()) {
    s = args.Has("to") ? chuangwen::ParseFormatName(args.Value("to"), &to)
                       : chuangwen::FormatFromPath(out, &to);
  }
  chuangwen::v1::Campaign campaign;
  if (s.ok()) s = chuangwen::DecodeFile(in, from, &campaign);
  std::string bytes;
  if (s.ok()) s = chuangwen::Encode(campaign, to, &bytes);
  if (s.ok()) s = chuangwen::WriteFile(out, bytes);
  if (!s.ok()) return UsageError(s.message());
  return kExitOk;
}

}  // namespace cw
