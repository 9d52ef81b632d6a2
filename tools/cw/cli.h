// Shared pieces of the cw command-line tool: argument parsing, loading a
// campaign, printing and exit codes.
#ifndef CHUANGWEN_TOOLS_CW_CLI_H_
#define CHUANGWEN_TOOLS_CW_CLI_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "chuangwen/campaign.h"
#include "chuangwen/ledger_store.h"
#include "chuangwen/v1/plan.pb.h"
#include "chuangwen/v1/responsibility.pb.h"

namespace cw {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;       // Bad usage or input.
inline constexpr int kExitNotAllowed = 3;  // The role policy refuses.
inline constexpr int kExitConflict = 4;    // Conflicts with the state.
inline constexpr int kExitBusy = 5;        // Another process held the lock.
inline constexpr int kExitInternal = 10;

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // --name VALUE
  std::set<std::string> flags;                // --name
  std::string synopsis;  // "usage: cw …" of the command being run.

  bool Has(const std::string& name) const {
    return values.count(name) != 0 || flags.count(name) != 0;
  }
  std::string Value(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  }
};

// Parses argv[first..argc). `with_value` lists options that take a value,
// `flags` those that do not. On error returns false with `*error` set.
bool ParseArgs(int argc, char** argv, int first,
               const std::set<std::string>& with_value,
               const std::set<std::string>& flags, Args* out,
               std::string* error);

// Prints "cw: <message>" on stderr and returns kExitUsage.
int UsageError(const std::string& message);
// Prints the status's message and returns its exit code: kExitNotAllowed for
// PermissionDenied, kExitConflict for Conflict, kExitBusy for Busy,
// kExitInternal for Internal, else kExitUsage.
int Fail(const chuangwen::Status& status);

// Loads the campaign at `path` (format from --format or the extension), or
// the campaign in force in a ledger store (.db). Prints one line and returns
// false on failure.
bool LoadCampaign(const std::string& path, const Args& args,
                  std::shared_ptr<const chuangwen::Campaign>* out);

// A ledger store rather than a campaign file: .db, .sqlite or .sqlite3.
bool IsLedgerPath(const std::string& path);

// Opens a ledger file; when it holds records that do not fold (it opens
// read-only) says so on stderr, naming them.
chuangwen::Status OpenLedger(const std::string& path,
                             std::unique_ptr<chuangwen::LedgerStore>* out);

// Prints `message` as JSON on stdout. Returns an exit code.
int PrintJson(const google::protobuf::Message& message);

// Terminal columns a UTF-8 string takes (CJK and full-width forms count 2).
int DisplayWidth(const std::string& text);
// `text` padded with spaces to `width` columns.
std::string Pad(const std::string& text, int width);

// "lead leader 责任领导" style names.
const char* RoleName(int role);
const char* MemberRoleName(int role);
const char* BodyKindName(int kind);

// Prints the campaign's validation problems ("FILE:LINE:COLUMN: path:
// message" where the line is known), or "No problems.".
void PrintProblems(const chuangwen::Campaign& campaign,
                   const std::string& path);

// Subcommands.
int RunShow(const Args& args);
int RunValidate(const Args& args);
int RunQuery(const Args& args);
int RunConvert(const Args& args);
int RunAgenda(const Args& args);
int RunWorkdays(const Args& args);
int RunRank(const Args& args);
int RunExplain(const Args& args);
int RunLedger(const Args& args);
int RunImport(const Args& args);
int RunLink(const Args& args);
int RunReport(const Args& args);
int RunEvidence(const Args& args);
int RunStatus(const Args& args);
int RunProgress(const Args& args);
int RunSeat(const Args& args);
int RunLedgerCampaign(const Args& args);
int RunLedgerAction(const Args& args);
int RunEvidenceAction(const Args& args);
int RunProgressAction(const Args& args);

}  // namespace cw

#endif  // CHUANGWEN_TOOLS_CW_CLI_H_
