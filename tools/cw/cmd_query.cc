// cw query FILE --unit ID [--children] | --person ID | --task ID |
//               --chain TASK | --gaps | --load  [--json]
#include <cstdio>
#include <iostream>

#include "chuangwen/responsibility_query.h"
#include "cli.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

void PrintPartyTasks(const v1::PartyTasks& answer) {
  std::cout << answer.party().name() << "  [" << answer.party().id() << "]"
            << (answer.includes_child_units() ? "  (with child units)" : "")
            << "\n";
  for (const v1::Involvement& inv : answer.involvements()) {
    std::cout << "  " << Pad(inv.task_id(), 8) << Pad(RoleName(inv.role()), 13)
              << inv.task_title();
    if (!inv.via_unit_id().empty())
      std::cout << "  (via " << inv.via_unit_id() << ")";
    std::cout << "\n";
  }
  const v1::RoleCounts& k = answer.counts();
  std::printf(
      "  %d tasks: %d as lead leader, %d as lead unit, %d responsible, %d "
      "assisting\n",
      k.total(), k.lead_leader(), k.lead_unit(), k.responsible_unit(),
      k.assisting_unit());
}

void PrintTaskParties(const v1::TaskParties& answer) {
  std::cout << answer.task_id() << "  " << answer.title() << "\n";
  for (const v1::PartyRole& pr : answer.parties()) {
    std::cout << "  " << Pad(RoleName(pr.role()), 13) << pr.party().name()
              << "  [" << pr.party().id() << "]";
    if (!pr.label().empty()) std::cout << "  " << pr.label();
    std::cout << "\n";
  }
}

void PrintChain(const v1::DocumentChain& answer) {
  for (const v1::DocumentLink& link : answer.links()) {
    std::cout << std::string(static_cast<size_t>(2 * link.depth()), ' ')
              << link.document().number() << "  《" << link.document().title()
              << "》\n";
  }
}

}  // namespace

int RunQuery(const Args& args) {
  int asked = args.Has("unit") + args.Has("person") + args.Has("task") +
              args.Has("chain") + args.Has("gaps") + args.Has("load");
  if (args.positional.size() != 1 || asked != 1) {
    return UsageError(
        "usage: cw query FILE --unit ID [--children] | --person ID | --task ID "
        "| "
        "--chain TASK | --gaps | --load [--json]");
  }
  if (args.Has("children") && !args.Has("unit")) {
    return UsageError("--children goes with --unit");
  }
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (!LoadCampaign(args.positional[0], args, &campaign)) return kExitUsage;
  Args named;
  if (!ResolveNamedArgs(*campaign, args, &named)) return kExitUsage;
  const bool json = args.Has("json");

  if (args.Has("unit") || args.Has("person")) {
    v1::PartyTasks answer;
    chuangwen::Status s =
        args.Has("unit")
            ? chuangwen::QueryUnitTasks(*campaign, named.Value("unit"),
                                        args.Has("children"), &answer)
            : chuangwen::QueryPersonTasks(*campaign, named.Value("person"),
                                          &answer);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(answer);
    PrintPartyTasks(answer);
  } else if (args.Has("task")) {
    v1::TaskParties answer;
    chuangwen::Status s =
        chuangwen::QueryTaskParties(*campaign, named.Value("task"), &answer);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(answer);
    PrintTaskParties(answer);
  } else if (args.Has("chain")) {
    v1::DocumentChain answer;
    chuangwen::Status s =
        chuangwen::QueryDocumentChain(*campaign, named.Value("chain"), &answer);
    if (!s.ok()) return Fail(s);
    if (json) return PrintJson(answer);
    PrintChain(answer);
  } else if (args.Has("gaps")) {
    v1::GapReport answer;
    chuangwen::QueryGaps(*campaign, &answer);
    if (json) return PrintJson(answer);
    for (const v1::TaskGap& gap : answer.gaps()) {
      std::cout << gap.task_id() << "  " << gap.title()
                << (gap.missing_lead_leader() ? "  [no lead leader]" : "")
                << (gap.missing_responsible_unit() ? "  [no responsible unit]"
                                                   : "")
                << "\n";
    }
    if (answer.gaps().empty()) std::cout << "No gaps.\n";
  } else {
    v1::LoadSummary answer;
    chuangwen::QueryLoad(*campaign, &answer);
    if (json) return PrintJson(answer);
    for (const auto* list : {&answer.units(), &answer.people()}) {
      for (const v1::PartyLoad& load : *list) {
        const v1::RoleCounts& k = load.counts();
        std::printf(
            "%s %3d lead-leader %3d lead-unit %3d responsible %3d assisting "
            "%3d tasks\n",
            Pad(load.party().name(), 24).c_str(), k.lead_leader(),
            k.lead_unit(), k.responsible_unit(), k.assisting_unit(), k.total());
      }
    }
  }
  return kExitOk;
}

}  // namespace cw
