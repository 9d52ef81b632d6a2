// cw: the chuangwen command-line tool. One subcommand per file (cmd_*.cc).
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "chuangwen/cw_version.h"
#include "cli.h"

namespace {

constexpr char kUsage[] =
    "usage: cw <command> [options]\n"
    "\n"
    "commands:\n"
    "  show FILE                      organization, tasks with their people,\n"
    "                                 load per unit and person, problems\n"
    "  validate FILE                  print validation problems; exit 1 if "
    "any\n"
    "  query FILE --unit ID [--children] | --person ID | --task ID |\n"
    "             --chain TASK | --gaps | --load   [--json]\n"
    "  convert IN OUT                 re-encode a campaign (by extension)\n"
    "  agenda FILE --from D --to D [--unit ID | --person ID] [--json | --ics]\n"
    "                                 every deadline between two dates\n"
    "  workdays --from D --to D       working days from D to D, both included\n"
    "  rank FILE --period P [--component ID] [--group] [--json | --csv]\n"
    "                                 ranking table with grades, commended "
    "and\n"
    "                                 criticised units (P: YYYY-MM, YYYY-Qn, "
    "YYYY)\n"
    "  explain FILE --unit ID --period P [--component ID] [--json]\n"
    "                                 one unit's breakdown and the gap to the "
    "unit above\n"
    "  import PLAN.txt [--json | --text] [-o FILE] | --review\n"
    "                                 propose a campaign from a plan's text\n"
    "                                 (UTF-8 or GB18030)\n"
    "  link CHILD PARENT -o OUT       link a plan's tasks to those of the plan\n"
    "                                 it cites by 文号 (the cascade)\n"
    "  report monthly|notice|dossier FILE --month M | --item ID | --unit ID\n"
    "         [--format md|html|csv] [-o DIR]\n"
    "                                 the documents officials read (通报, "
    "整改通知书,\n"
    "                                 单位档案)\n"
    "  evidence FILE add EVENTS | completeness --date D | index | package\n"
    "                                 evidence materials (佐证资料)\n"
    "  status FILE --date D [--unit ID] [--behind] [--json]\n"
    "                                 targets: expected against reported, by "
    "task\n"
    "  progress FILE.db add REPORTS   store progress reports with the ledger\n"
    "  ledger FILE.db init --campaign CAMPAIGN | add EVENTS | list | overdue "
    "|\n"
    "         history ITEM | stats --month M | reminders | escalations |\n"
    "         repeated | points | export | import LOG | replace-campaign\n"
    "                                 the supervision ledger (督查台账) in a\n"
    "                                 SQLite file; `cw ledger` for details\n"
    "\n"
    "FILE is a chuangwen.v1.Campaign as .textproto, .json or .pb; --format\n"
    "binary|json|text overrides the extension. Exit codes: 0 ok, 1 problems\n"
    "found, 2 bad usage or input.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return cw::kExitUsage;
  }
  std::string command = argv[1];
  try {
    if (command == "show") return cw::RunShow(argc, argv);
    if (command == "validate") return cw::RunValidate(argc, argv);
    if (command == "query") return cw::RunQuery(argc, argv);
    if (command == "convert") return cw::RunConvert(argc, argv);
    if (command == "agenda") return cw::RunAgenda(argc, argv);
    if (command == "workdays") return cw::RunWorkdays(argc, argv);
    if (command == "rank") return cw::RunRank(argc, argv);
    if (command == "explain") return cw::RunExplain(argc, argv);
    if (command == "ledger") return cw::RunLedger(argc, argv);
    if (command == "import") return cw::RunImport(argc, argv);
    if (command == "link") return cw::RunLink(argc, argv);
    if (command == "report") return cw::RunReport(argc, argv);
    if (command == "evidence") return cw::RunEvidence(argc, argv);
    if (command == "status") return cw::RunStatus(argc, argv);
    if (command == "progress") return cw::RunProgress(argc, argv);
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kUsage, stdout);
      return cw::kExitOk;
    }
    if (command == "--version") {
      std::printf("cw %s\n", CW_VERSION);
      return cw::kExitOk;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cw: internal error: %s\n", e.what());
    return 3;
  }
  std::fprintf(stderr, "cw: unknown command '%s'\n\n%s", command.c_str(),
               kUsage);
  return cw::kExitUsage;
}
