// Seats in a plan's organization as people write them: rosters with a post
// after each name ("曹文华市委副书记、市长", "林  涛  区委副书记、区长"), and
// prose ("成立以县委书记周志远为组长，县长韩立新为第一副组长…的领导小组",
// "何俊同志兼办公室主任，罗斌、许婷婷同志任副主任", "由区委书记任总指挥").
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_SEATS_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_SEATS_H_

#include <vector>

#include "chuangwen/v1/organization.pb.h"
#include "import/plan_cues.h"
#include "import/plan_text.h"

namespace chuangwen::internal {

// A person as a plan names them, with the post written beside the name.
struct PersonMention {
  U32 name;  // Empty when only the post is given ("由区委书记任组长").
  U32 post;
  U32 contact;  // A phone number in brackets after the name.
  bool split = false;  // The name was told from a post written with it.
};

// True when `text` is a post (职务) and not a name: "市委副书记",
// "宣传部部长", "区长".
bool IsPost(U32View text, const CueTables& cues);

// The people in a list such as "县委常委、副县长陆晓东，副县长马文静" or
// "曹文华市委副书记、市长": each name with its post, posts written apart
// from a name joined to the nearest one. A list of posts alone gives one
// mention per post with an empty name. Stops (returning what it has) at a
// piece that is neither a name nor a post; `complete` says whether every
// piece was read.
std::vector<PersonMention> PeopleIn(U32View list, const CueTables& cues,
                                    bool* complete = nullptr);

// A seat stated in prose: "…X为副组长", "Y兼任办公室主任". `who` is the
// text naming the holder(s), [who_begin, who_end) in the line.
struct SeatMention {
  v1::MemberRole role;
  v1::SeatCueBody body;
  U32View marker;  // The cue that fired, e.g. "为第一副组长".
  U32View rank;  // "第一副组长", "常务副组长", "总指挥" … as written.
  size_t who_begin, who_end;
};

// Every seat marker in the folded line `norm`, in order.
std::vector<SeatMention> FindSeatMentions(U32View norm, const CueTables& cues);

// A seat label at the start of a roster line ("组　　长：", "常务副总指挥：",
// "成员单位："): its role, and whether the value lists units.
bool SeatLabel(U32View label, const CueTables& cues, v1::MemberRole* role,
               bool* units);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_SEATS_H_
