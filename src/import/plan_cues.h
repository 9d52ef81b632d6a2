// The cue phrases plan import reads by, from data/import/cues.textproto
// (compiled in, as the holiday calendar is) and any an import adds
// (ImportOptions.extra_cues), ready for matching.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_CUES_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_CUES_H_

#include <string>
#include <utility>
#include <vector>

#include "chuangwen/v1/plan_import.pb.h"
#include "import/plan_text.h"

namespace chuangwen::internal {

struct RoleLabelCue {
  U32 label;
  v1::AssignmentRole role;
};

struct SeatWordCue {
  U32 word;
  v1::MemberRole role;
  v1::SeatCueBody body;
};

struct CueTables {
  std::vector<RoleLabelCue> role_labels;
  std::vector<SeatWordCue> seat_words;  // Longest first.
  std::vector<U32> seat_verbs, post_endings, issuer_endings, plan_title_endings;
  U32 family_names;
  std::vector<std::pair<U32, v1::ImportSectionKind>> sections;
  std::vector<std::pair<U32, v1::TextBlockKind>> text_blocks;
  std::vector<std::pair<U32, std::string>> mechanisms;
  // Names a task table's header cells have: the role labels and
  // table_columns.
  std::vector<U32> table_words;
};

// The built-in cues, decoded once (thread-safe).
const CueTables& BuiltInCues();

// The built-in cues with `extra` added; an extra cue is tried before the
// built-in ones.
CueTables CuesWith(const v1::ImportCues& extra);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_CUES_H_
