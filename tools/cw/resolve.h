// What staff type on the command line, turned into what the library takes:
// units, people, tasks and points by id or by name (an ambiguous name is an
// error listing the candidates), the acting person, the time of an event by
// the campaign's clock, and new ids.
#ifndef CHUANGWEN_TOOLS_CW_RESOLVE_H_
#define CHUANGWEN_TOOLS_CW_RESOLVE_H_

#include <string>
#include <vector>

#include "chuangwen/campaign.h"
#include "cli.h"

namespace cw {

// Each sets `*id` from an id, a name or (units) a short name. NotFound when
// nothing matches, InvalidArgument listing the candidates when several do.
chuangwen::Status ResolveUnit(const chuangwen::Campaign& c,
                              const std::string& text, std::string* id);
chuangwen::Status ResolvePerson(const chuangwen::Campaign& c,
                                const std::string& text, std::string* id);
chuangwen::Status ResolveTask(const chuangwen::Campaign& c,
                              const std::string& text, std::string* id);
chuangwen::Status ResolvePoint(const chuangwen::Campaign& c,
                               const std::string& text, std::string* id);

// `args` with --unit, --person, --task and --chain given by name replaced
// by ids. Prints the error and returns false when one does not resolve.
bool ResolveNamedArgs(const chuangwen::Campaign& c, const Args& args,
                      Args* out);

// The person acting: --by, else $CW_ACTOR.
chuangwen::Status ResolveActor(const chuangwen::Campaign& c, const Args& args,
                               std::string* id);

// When an event happened, as RFC 3339 with the campaign's offset: --at as
// given (a bare date means noon that day, local), else now by the campaign's
// clock.
chuangwen::Status EventTime(const chuangwen::Campaign& c, const Args& args,
                            std::string* rfc3339);

// "a,b , c" → {"a", "b", "c"}; also splits on the Chinese comma and 、.
std::vector<std::string> SplitList(const std::string& text);

}  // namespace cw

#endif  // CHUANGWEN_TOOLS_CW_RESOLVE_H_
