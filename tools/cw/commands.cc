#include "commands.h"

#include <cstdio>
#include <cstring>
#include <set>

#include "chuangwen/cw_version.h"

namespace cw {
namespace {

// Options that many commands share.
const OptionSpec kInputFormat = {
    "format", "FORMAT",
    "the campaign file's encoding: text, json or binary (default: from the "
    "extension)"};
const OptionSpec kJson = {"json", nullptr, "print JSON instead of a table"};
const OptionSpec kDate = {"date", "DATE",
                          "as of this date (YYYY-MM-DD; default: the "
                          "campaign's today)"};
const OptionSpec kBy = {
    "by", "PERSON",
    "who acts: a person's id or name (default: $CW_ACTOR); the role policy "
    "decides whether they may"};
const OptionSpec kAt = {
    "at", "TIME",
    "when it happened: RFC 3339 (2025-10-20T16:30:00+08:00) or a date "
    "(default: now, by the campaign's clock and time zone)"};
const OptionSpec kReason = {"reason", "TEXT", "why (kept with the event)"};
const OptionSpec kNote = {"note", "TEXT", "a note kept with the event"};
const OptionSpec kEvidenceFiles = {
    "evidence", "FILES", "evidence files, separated by commas (照片, 台账…)"};

// The documents' options.
const OptionSpec kFormat = {
    "format", "F",
    "md, html, docx, pdf (needs Chromium) or csv (the main table); default "
    "md"};
const OptionSpec kOutputDir = {"o", "DIR",
                               "write into this folder (made if missing)"};
const OptionSpec kAsOf = {"date", "DATE", "as of this date"};
const OptionSpec kIssueDate = {"issue-date", "DATE",
                               "the document's date (成文日期)"};
const OptionSpec kNumber = {"number", "文号",
                            "the document's number (发文字号)"};
const OptionSpec kTemplates = {"templates", "DIR",
                               "replace the built-in templates with these"};

// A document's own options, then those of every 公文 (GB/T 9704).
std::vector<OptionSpec> DocumentOptions(std::vector<OptionSpec> own) {
  for (const OptionSpec& o : std::initializer_list<OptionSpec>{
           kFormat,
           kOutputDir,
           kAsOf,
           kIssueDate,
           kNumber,
           {"issuer", "NAME", "发文机关 (default: the plan's issuer)"},
           {"signer", "NAME", "签发人, shown beside the 文号"},
           {"recipients", "LIST", "主送机关, separated by commas"},
           {"copy-to", "LIST", "抄送机关, separated by commas"},
           {"printer", "NAME", "印发机关 (default: the issuer)"},
           {"print-date", "DATE", "印发日期 (default: the issue date)"},
           {"note", "TEXT", "附注, e.g. 联系人：许岚，电话：…"},
           {"attachments", "LIST", "附件 names, separated by commas"},
           kTemplates})
    own.push_back(o);
  return own;
}

constexpr char kCampaignFile[] =
    "FILE is a campaign (.textproto, .json, .pb) or a ledger store (.db), "
    "whose campaign in force is used";

std::vector<CommandSpec> MakeCommands() {
  return {
      {"show",
       nullptr,
       0,
       "show FILE",
       "organization, tasks with their people, load per unit and person, "
       "problems",
       {kInputFormat},
       RunShow},
      {"validate",
       nullptr,
       0,
       "validate FILE [--json]",
       "print validation problems, each with its line and column in FILE; "
       "exit 1 if any",
       {kInputFormat, kJson},
       RunValidate},
      {"query",
       nullptr,
       0,
       "query FILE --unit UNIT [--children] | --person PERSON | --task TASK | "
       "--chain TASK | --gaps | --load [--json]",
       "who is responsible for what, a task's chain of plans, gaps and load",
       {kInputFormat,
        kJson,
        {"unit", "UNIT", "a unit's tasks"},
        {"children", nullptr, "with --unit: include its sub-units' tasks"},
        {"person", "PERSON", "a person's seats and tasks"},
        {"task", "TASK", "a task's people and units"},
        {"chain", "TASK", "the plans a task descends from, by 文号"},
        {"gaps", nullptr, "tasks without a leader or responsible unit"},
        {"load", nullptr, "tasks per unit and person"}},
       RunQuery},
      {"convert",
       nullptr,
       0,
       "convert IN OUT [--from FORMAT] [--to FORMAT]",
       "re-encode a campaign (formats from the extensions); IN may be a "
       "ledger store",
       {{"from", "FORMAT", "IN's encoding: text, json or binary"},
        {"to", "FORMAT", "OUT's encoding: text, json or binary"}},
       RunConvert},
      {"agenda",
       nullptr,
       0,
       "agenda FILE --from DATE --to DATE [--unit UNIT | --person PERSON] "
       "[--json | --ics]",
       "every deadline between two dates, on the working-day calendar",
       {kInputFormat,
        kJson,
        {"from", "DATE", "first day (YYYY-MM-DD)"},
        {"to", "DATE", "last day (YYYY-MM-DD)"},
        {"unit", "UNIT", "only this unit's deadlines"},
        {"person", "PERSON", "only this person's deadlines"},
        {"ics", nullptr, "print an iCalendar file"},
        {"fallback", nullptr,
         "outside the loaded holiday years, count weekends only"}},
       RunAgenda},
      {"workdays",
       nullptr,
       0,
       "workdays --from DATE --to DATE",
       "working days from DATE to DATE, both included",
       {kInputFormat,
        {"from", "DATE", "first day"},
        {"to", "DATE", "last day"},
        {"campaign", "FILE", "use this campaign's calendar"},
        {"fallback", nullptr,
         "outside the loaded holiday years, count weekends only"}},
       RunWorkdays},
      {"rank",
       nullptr,
       0,
       "rank FILE --period P [--component ID] [--group] [--json | --csv]",
       "ranking table with grades, commended and criticised units (P: "
       "YYYY-MM, YYYY-Qn, YYYY)",
       {kInputFormat,
        kJson,
        {"period", "P", "YYYY-MM, YYYY-Qn or YYYY"},
        {"component", "ID",
         "one component of the scheme instead of the "
         "composite"},
        {"group", nullptr, "rank within the scheme's groups"},
        {"csv", nullptr, "print CSV (UTF-8 with a BOM, for Excel and WPS)"}},
       RunRank},
      {"explain",
       nullptr,
       0,
       "explain FILE --unit UNIT --period P [--component ID] [--json]",
       "one unit's breakdown and the gap to the unit above",
       {kInputFormat,
        kJson,
        {"unit", "UNIT", "the unit (id or name)"},
        {"period", "P", "YYYY-MM, YYYY-Qn or YYYY"},
        {"component", "ID", "one component of the scheme"}},
       RunExplain},
      {"status",
       nullptr,
       0,
       "status FILE --date DATE [--unit UNIT] [--behind] [--json]",
       "targets: expected against reported, by task",
       {kInputFormat,
        kJson,
        kDate,
        {"unit", "UNIT", "only this unit's targets"},
        {"phase", "ID", "only this phase's targets"},
        {"behind", nullptr, "only targets behind, at risk or overdue"}},
       RunStatus},
      {"import",
       nullptr,
       0,
       "import PLAN [-o FILE] [--json | --text | --binary] | --review | "
       "--review-file R.tsv | --apply R.tsv | import PLAN... -o DIR",
       "propose a campaign from a work plan (.docx .doc .wps .pdf .html .txt)",
       {{"o", "FILE",
         "write the campaign here; with several plans a folder, one file "
         "each (folders are made)"},
        {"json", nullptr, "print the campaign as JSON"},
        {"text", nullptr, "print the campaign as text format (the default)"},
        {"binary", nullptr, "write the campaign as binary protobuf"},
        {"year", "N", "the plan's year, where the text does not say"},
        {"encoding", "NAME", "utf-8 or gb18030 (default: detected)"},
        {"id", "ID", "the campaign's id"},
        {"bare", nullptr, "propose no targets, evidence or stand-ins"},
        {"review", nullptr, "list the readings, least sure first"},
        {"review-file", "R.tsv", "write a review file to mark ok/no/fix=…"},
        {"apply", "R.tsv", "import again with a reviewed file's decisions"},
        {"export-expect", "FILE", "write the reading as a scorer test case"},
        {"result", nullptr, "print the whole ImportResult as JSON"}},
       RunImport},
      {"link",
       nullptr,
       0,
       "link CHILD PARENT -o OUT",
       "link a plan's tasks to those of the plan it cites by 文号 (the "
       "cascade)",
       {{"o", "FILE", "the linked child campaign"}},
       RunLink},
      {"seat",
       nullptr,
       0,
       "seat FILE PERSON --name NAME [--title POST] [--unit UNIT] -o OUT",
       "put a real person in a seat the plan gave without a name (a "
       "stand-in)",
       {kInputFormat,
        {"name", "NAME", "the person's name"},
        {"title", "POST", "the person's post (职务)"},
        {"unit", "UNIT", "the unit the person works in"},
        {"contact", "PHONE", "phone or e-mail"},
        {"o", "FILE", "the campaign with the seat filled"}},
       RunSeat},
      // Reports.
      {"report", "monthly", 0,
       "report monthly FILE --month YYYY-MM [--format F] [-o DIR]",
       "the month's bulletin (月度通报)",
       DocumentOptions({{"month", "YYYY-MM", "the month"},
                        {"component", "ID", "rank by this component"}}),
       RunReport},
      {"report", "notice", 0,
       "report notice FILE --item ITEM [--format F] [-o DIR]",
       "a rectification notice (整改通知书) with its 回执",
       DocumentOptions({{"item", "ITEM", "the ledger item"},
                        {"receipt", nullptr, "add a 回执 slip to fill in"}}),
       RunReport},
      {"report", "dossier", 0,
       "report dossier FILE --unit UNIT|all [--format F] [-o DIR]",
       "a unit's dossier (单位档案); all: one file per unit",
       DocumentOptions({{"unit", "UNIT", "the unit (id or name), or all"}}),
       RunReport},
      // The supervision ledger.
      {"ledger",
       "init",
       1,
       "ledger DB init --campaign FILE",
       "create a ledger store bound to a campaign",
       {kInputFormat, {"campaign", "FILE", "the campaign"}},
       RunLedger},
      {"ledger",
       "campaign",
       1,
       "ledger DB campaign [-o FILE]",
       "the campaign in force, as text, or to FILE by its extension",
       {{"o", "FILE", "write it here (.textproto, .json or .pb)"}},
       RunLedgerCampaign},
      {"ledger",
       "issue",
       1,
       "ledger DB issue --unit UNIT --finding TEXT --deadline D|Nwd [--point "
       "P] [--source S] [--by PERSON]",
       "record a finding and issue its rectification notice (整改通知书)",
       {{"unit", "UNIT", "the responsible unit (id or name)"},
        {"finding", "TEXT", "what was found"},
        {"deadline", "D|Nwd",
         "the rectification deadline: a date, or N working days (5wd)"},
        {"point", "POINT", "the inspection point (点位), id or name"},
        {"source", "S",
         "领导督导, 日常督查 (default), 社会监督, 明察暗访 or 自查"},
        {"channel", "TEXT", "for 社会监督: hotline, mailbox, WeChat…"},
        {"category", "TEXT", "the kind of problem, e.g. 占道经营"},
        {"severity", "S", "一般 (default), 轻微 or 严重"},
        {"task", "TASK", "the task it concerns"},
        {"indicator", "ID", "the indicator it concerns"},
        {"number", "文号", "the notice's number (default: the next one)"},
        {"require", "TEXT", "the result required (整改要求)"},
        kEvidenceFiles,
        kBy,
        kAt},
       RunLedgerAction},
      {"ledger",
       "start",
       1,
       "ledger DB start ITEM [--by PERSON]",
       "the unit starts rectifying",
       {kBy, kAt, kNote},
       RunLedgerAction},
      {"ledger",
       "submit",
       1,
       "ledger DB submit ITEM [--note TEXT] [--evidence FILES] [--by PERSON]",
       "the unit reports the item rectified, for verification",
       {kBy, kAt, kNote, kEvidenceFiles},
       RunLedgerAction},
      {"ledger",
       "verify",
       1,
       "ledger DB verify ITEM [--by PERSON]",
       "the supervising office verifies and closes the item (销号)",
       {kBy, kAt, kNote},
       RunLedgerAction},
      {"ledger",
       "reject",
       1,
       "ledger DB reject ITEM --reason TEXT [--deadline D|Nwd] [--by PERSON]",
       "the office sends a submission back, with a new deadline",
       {kBy, kAt, kReason, {"deadline", "D|Nwd", "the new deadline"}},
       RunLedgerAction},
      {"ledger",
       "extend",
       1,
       "ledger DB extend ITEM --to DATE --reason TEXT [--by PERSON]",
       "the unit asks for a later deadline",
       {kBy, kAt, kReason, {"to", "DATE", "the deadline asked for"}},
       RunLedgerAction},
      {"ledger",
       "decide",
       1,
       "ledger DB decide ITEM --approve | --refuse --reason TEXT [--by "
       "PERSON]",
       "decide a pending extension request, or a proposed escalation",
       {kBy,
        kAt,
        kReason,
        {"approve", nullptr, "approve it"},
        {"refuse", nullptr, "refuse it (a reason is required)"}},
       RunLedgerAction},
      {"ledger",
       "long-term",
       1,
       "ledger DB long-term ITEM --until DATE --reason TEXT [--by PERSON]",
       "keep an item that needs longer on the long-term ledger (挂账)",
       {kBy, kAt, kReason, {"until", "DATE", "the planned date"}},
       RunLedgerAction},
      {"ledger",
       "remind",
       1,
       "ledger DB remind ITEM [--level N] [--by PERSON]",
       "send a reminder (催办); default: the level due now",
       {kBy, kAt, kNote, {"level", "N", "the reminder's level"}},
       RunLedgerAction},
      {"ledger",
       "bulletin",
       1,
       "ledger DB bulletin ITEM [--number 文号] [--by PERSON]",
       "record that the item was named in a bulletin (通报)",
       {kBy, kAt, kNote, {"number", "文号", "the bulletin's number"}},
       RunLedgerAction},
      {"ledger",
       "escalate",
       1,
       "ledger DB escalate --unit UNIT --measure interview|measures --items "
       "ITEMS [--by PERSON]",
       "propose 约谈 or 组织措施 for a unit, for the leading group to decide",
       {kBy,
        kAt,
        kReason,
        {"unit", "UNIT", "the unit"},
        {"measure", "M", "interview (约谈) or measures (组织措施)"},
        {"items", "ITEMS", "the items behind it, separated by commas"},
        {"rule", "ID", "the escalation rule that recommended it"}},
       RunLedgerAction},
      {"ledger",
       "add",
       1,
       "ledger DB add EVENTS",
       "append a LedgerEventBatch file, all or nothing (for integrators)",
       {kInputFormat},
       RunLedger},
      {"ledger",
       "list",
       1,
       "ledger DB list [--unit UNIT] [--date D] [--json]",
       "open items with their colour and working days late",
       {kJson, kDate, {"unit", "UNIT", "only this unit's items"}},
       RunLedger},
      {"ledger",
       "overdue",
       1,
       "ledger DB overdue [--date D] [--json]",
       "open items past their deadline",
       {kJson, kDate},
       RunLedger},
      {"ledger",
       "history",
       1,
       "ledger DB history ITEM [--json]",
       "an item's state and every event",
       {kJson},
       RunLedger},
      {"ledger",
       "stats",
       1,
       "ledger DB stats --month YYYY-MM [--json]",
       "the month's findings, rectifications and overdue items per unit",
       {kJson, {"month", "YYYY-MM", "the month"}},
       RunLedger},
      {"ledger",
       "reminders",
       1,
       "ledger DB reminders [--date D] [--json]",
       "reminders due (催办)",
       {kJson, kDate},
       RunLedger},
      {"ledger",
       "escalations",
       1,
       "ledger DB escalations [--date D] [--json]",
       "escalations the rules recommend (约谈, 组织措施)",
       {kJson, kDate},
       RunLedger},
      {"ledger",
       "repeated",
       1,
       "ledger DB repeated [--date D] [--json]",
       "problems found again and again at one unit",
       {kJson, kDate},
       RunLedger},
      {"ledger",
       "points",
       1,
       "ledger DB points [--date D] [--json]",
       "findings and open items per inspection point",
       {kJson, kDate},
       RunLedger},
      {"ledger",
       "export",
       1,
       "ledger DB export [-o FILE]",
       "the whole log as length-delimited LedgerRecords",
       {{"o", "FILE", "write it here"}},
       RunLedger},
      {"ledger",
       "import",
       1,
       "ledger DB import LOG",
       "read an exported log into an empty store",
       {},
       RunLedger},
      {"ledger",
       "replace-campaign",
       1,
       "ledger DB replace-campaign FILE --reason TEXT",
       "put a newer version of the campaign in force",
       {kInputFormat, kReason},
       RunLedger},
      // Evidence.
      {"evidence",
       "submit",
       1,
       "evidence DB submit REQUIREMENT --file PATH [--title T] [--by PERSON]",
       "submit a material for an evidence requirement (佐证资料)",
       {kBy,
        kAt,
        {"file", "PATH", "the material (its SHA-256 is recorded)"},
        {"title", "TEXT", "its title"},
        {"due", "DATE", "the deadline it answers (default: the next)"}},
       RunEvidenceAction},
      {"evidence",
       "sign",
       1,
       "evidence DB sign SUBMISSION [--by PERSON]",
       "sign off a submitted material (签批)",
       {kBy, kAt, kNote},
       RunEvidenceAction},
      {"evidence",
       "reject",
       1,
       "evidence DB reject SUBMISSION --reason TEXT [--by PERSON]",
       "send a submitted material back",
       {kBy, kAt, kReason},
       RunEvidenceAction},
      {"evidence",
       "add",
       1,
       "evidence DB add EVENTS",
       "append an EvidenceEventBatch file (for integrators)",
       {kInputFormat},
       RunEvidence},
      {"evidence",
       "completeness",
       1,
       "evidence FILE completeness --date D [--unit UNIT] [--task TASK]",
       "materials required, submitted, signed, missing and late",
       {kInputFormat,
        kJson,
        kDate,
        {"from", "DATE", "deadlines from this date"},
        {"unit", "UNIT", "only this unit"},
        {"task", "TASK", "only this task"}},
       RunEvidence},
      {"evidence",
       "index",
       1,
       "evidence FILE index [--json]",
       "the archive's table of contents (资料汇编目录)",
       {kInputFormat, kJson},
       RunEvidence},
      {"evidence",
       "package",
       1,
       "evidence FILE package --indicator ID --month YYYY-MM",
       "the materials behind one indicator in one month",
       {kInputFormat,
        kJson,
        {"indicator", "ID", "the indicator"},
        {"month", "YYYY-MM", "the month"}},
       RunEvidence},
      // Progress.
      {"progress",
       "report",
       1,
       "progress DB report TASK|TARGET --value N [--date D] [--by PERSON]",
       "report where a target stands (工作进展)",
       {kBy,
        kNote,
        kEvidenceFiles,
        {"value", "N", "the value reached"},
        {"date", "DATE", "the date it was reached (default: today)"},
        {"unit", "UNIT", "the reporting unit (default: the person's)"},
        {"target", "ID", "which of the task's targets, if it has several"}},
       RunProgressAction},
      {"progress",
       "add",
       1,
       "progress DB add REPORTS",
       "append a ProgressReportBatch file (for integrators)",
       {kInputFormat, {"today", "DATE", "the latest date a report may have"}},
       RunProgress},
  };
}

void PrintOptions(const CommandSpec& c) {
  if (c.options.empty()) return;
  std::printf("\noptions:\n");
  for (const OptionSpec& o : c.options) {
    std::string flag = std::strcmp(o.name, "o") == 0
                           ? std::string("-o")
                           : std::string("--") + o.name;
    if (o.value != nullptr) flag += std::string(" ") + o.value;
    std::printf("  %s %s\n", Pad(flag, 22).c_str(), o.help);
  }
}

void PrintCommandHelp(const CommandSpec& c) {
  std::printf("usage: cw %s\n\n%s\n", c.synopsis, c.summary);
  PrintOptions(c);
  if (std::strstr(c.synopsis, "FILE") != nullptr)
    std::printf("\n%s.\n", kCampaignFile);
}

// The entries of one command, in table order.
std::vector<const CommandSpec*> EntriesOf(const std::string& name) {
  std::vector<const CommandSpec*> out;
  for (const CommandSpec& c : Commands())
    if (name == c.name) out.push_back(&c);
  return out;
}

void PrintGroupHelp(const std::vector<const CommandSpec*>& entries) {
  std::printf("usage:\n");
  for (const CommandSpec* c : entries) {
    std::printf("  cw %s\n      %s\n", c->synopsis, c->summary);
  }
  std::printf("\n`cw %s ACTION --help` describes an action's options.\n",
              entries.front()->name);
}

std::string OptionName(const std::string& name) {
  return name == "o" ? "option -o" : "option --" + name;
}

bool WantsHelp(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)
      return true;
  }
  return false;
}

}  // namespace

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec>* commands =
      new std::vector<CommandSpec>(MakeCommands());
  return *commands;
}

std::string Synopsis() {
  std::string out =
      "usage: cw COMMAND [ARGS]   (cw COMMAND --help for more)\n\n";
  for (const CommandSpec& c : Commands()) {
    out += std::string("  cw ") + c.synopsis + "\n      " + c.summary + "\n";
  }
  out += std::string("\n") + kCampaignFile +
         ".\n"
         "Exit codes: 0 done; 1 problems found; 2 bad usage or input; 3 not "
         "allowed\n(the role policy refuses the person); 4 conflicts with "
         "the state (an item\nalready closed, an id in use); 5 busy (another "
         "process held the store; retry);\n10 internal error.\n";
  return out;
}

int Dispatch(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(Synopsis().c_str(), stderr);
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    std::fputs(Synopsis().c_str(), stdout);
    return kExitOk;
  }
  if (name == "--version") {
    std::printf("cw %s\n", CW_VERSION);
    return kExitOk;
  }
  const std::vector<const CommandSpec*> entries = EntriesOf(name);
  if (entries.empty()) {
    std::fprintf(stderr, "cw: unknown command '%s'\n\n%s", name.c_str(),
                 Synopsis().c_str());
    return kExitUsage;
  }
  const bool has_actions = entries.front()->action != nullptr;
  // The action, where the command has them: its name among the arguments.
  auto find_action =
      [&](const std::vector<std::string>& words) -> const CommandSpec* {
    for (const CommandSpec* c : entries) {
      if (static_cast<size_t>(c->action_at) < words.size() &&
          words[static_cast<size_t>(c->action_at)] == c->action)
        return c;
    }
    return nullptr;
  };
  if (WantsHelp(argc, argv)) {
    // `cw ledger issue --help` and `cw ledger DB issue --help` both work.
    const CommandSpec* chosen = has_actions ? nullptr : entries.front();
    for (int i = 2; chosen == nullptr && i < argc; ++i) {
      for (const CommandSpec* c : entries)
        if (argv[i] == std::string(c->action)) chosen = c;
    }
    if (chosen != nullptr)
      PrintCommandHelp(*chosen);
    else
      PrintGroupHelp(entries);
    return kExitOk;
  }
  // Parse with every option the command knows, then hold the action to its
  // own list.
  std::set<std::string> with_value, flags;
  for (const CommandSpec* c : entries) {
    for (const OptionSpec& o : c->options)
      (o.value != nullptr ? with_value : flags).insert(o.name);
  }
  Args args;
  std::string error;
  if (!ParseArgs(argc, argv, 2, with_value, flags, &args, &error))
    return UsageError(error + " (see cw " + name + " --help)");
  const CommandSpec* chosen = entries.front();
  if (has_actions) {
    chosen = find_action(args.positional);
    if (chosen == nullptr) {
      std::string actions;
      for (const CommandSpec* c : entries)
        actions += std::string(actions.empty() ? "" : ", ") + c->action;
      return UsageError("cw " + name + ": name an action (" + actions +
                        "); see cw " + name + " --help");
    }
  }
  std::set<std::string> allowed;
  for (const OptionSpec& o : chosen->options) allowed.insert(o.name);
  for (const auto& [option, value] : args.values) {
    if (allowed.count(option) == 0)
      return UsageError(OptionName(option) + " does not apply to `cw " +
                        chosen->synopsis + "`");
  }
  for (const std::string& option : args.flags) {
    if (allowed.count(option) == 0)
      return UsageError(OptionName(option) + " does not apply to `cw " +
                        chosen->synopsis + "`");
  }
  args.synopsis = std::string("usage: cw ") + chosen->synopsis;
  return chosen->run(args);
}

}  // namespace cw
