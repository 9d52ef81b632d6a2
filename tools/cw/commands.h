// The table of cw's commands: what each takes and does. It drives argument
// parsing, `cw --help`, `cw CMD --help`, `cw CMD ACTION --help` and the
// README's synopsis (a test compares them), so help never drifts from what
// the parser accepts.
#ifndef CHUANGWEN_TOOLS_CW_COMMANDS_H_
#define CHUANGWEN_TOOLS_CW_COMMANDS_H_

#include <string>
#include <vector>

#include "cli.h"

namespace cw {

struct OptionSpec {
  const char* name;   // Without the dashes; "o" is also written -o.
  const char* value;  // What the value is ("DATE"), or nullptr for a flag.
  const char* help;
};

struct CommandSpec {
  const char* name;    // "ledger"
  const char* action;  // "issue"; nullptr for a command without actions.
  // Which positional argument names the action (ledger DB issue: 1).
  int action_at;
  const char* synopsis;  // After "cw ": "ledger DB issue --unit UNIT …".
  const char* summary;   // One line, in English.
  std::vector<OptionSpec> options;
  int (*run)(const Args& args);
};

// Every command, in the order `cw --help` lists them.
const std::vector<CommandSpec>& Commands();

// Runs cw with argv; returns the exit code.
int Dispatch(int argc, char** argv);

// `cw --help`: every command's synopsis and summary.
std::string Synopsis();

}  // namespace cw

#endif  // CHUANGWEN_TOOLS_CW_COMMANDS_H_
