// cw link CHILD PARENT -o OUT: copy the parent plan's task tree into the
// child campaign under the document the child cites by 文号, link the
// child's tasks to the parent's they implement, and report the links.
#include <cstdio>

#include "chuangwen/cascade.h"
#include "chuangwen/codec.h"
#include "chuangwen/validate.h"
#include "cli.h"

namespace cw {

int RunLink(const Args& args) {
  if (args.positional.size() != 2 || !args.Has("o"))
    return UsageError("usage: cw link CHILD PARENT -o OUT");
  chuangwen::v1::Campaign child, parent;
  chuangwen::Format in;
  chuangwen::Status s = chuangwen::FormatFromPath(args.positional[0], &in);
  if (s.ok()) s = chuangwen::DecodeFile(args.positional[0], in, &child);
  if (s.ok()) s = chuangwen::FormatFromPath(args.positional[1], &in);
  if (s.ok()) s = chuangwen::DecodeFile(args.positional[1], in, &parent);
  chuangwen::v1::CascadeResult result;
  if (s.ok()) s = chuangwen::LinkPlans(child, parent, &result);
  chuangwen::Format out;
  if (s.ok()) s = chuangwen::FormatFromPath(args.Value("o"), &out);
  std::string bytes;
  if (s.ok()) s = chuangwen::Encode(result.campaign(), out, &bytes);
  if (s.ok()) s = chuangwen::WriteFile(args.Value("o"), bytes);
  if (!s.ok()) return Fail(s);
  std::printf("Linked %d task(s) to %s; %d without a match.\n",
              result.links_size(), result.parent_document_id().c_str(),
              result.unlinked_task_ids_size());
  for (const chuangwen::v1::TaskLink& l : result.links()) {
    std::printf("  %-6s → %-14s %s  (%s)\n", l.task_id().c_str(),
                l.implements_task_id().c_str(), l.parent_title().c_str(),
                l.match().c_str());
  }
  for (const std::string& id : result.unlinked_task_ids())
    std::printf("  %-6s   (no match)\n", id.c_str());
  const chuangwen::v1::ValidationReport report =
      chuangwen::Validate(result.campaign());
  for (const chuangwen::v1::Problem& p : report.problems())
    std::printf("problem: %s: %s\n", p.location().c_str(), p.message().c_str());
  return report.problems_size() == 0 ? kExitOk : kExitProblems;
}

}  // namespace cw
