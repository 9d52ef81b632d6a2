#include "import/plan_cues.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "chuangwen/codec.h"

namespace chuangwen::internal {

extern const char kShippedImportCues[];  // From data/import/cues.textproto.

namespace {

std::vector<U32> ToU32s(
    const google::protobuf::RepeatedPtrField<std::string>& s) {
  std::vector<U32> out;
  for (const std::string& x : s) out.push_back(ToU32(x));
  return out;
}

// Adds `cues` in front of what `t` has.
void Prepend(const v1::ImportCues& cues, CueTables* t) {
  std::vector<RoleLabelCue> roles;
  for (const v1::RoleCue& r : cues.role_labels())
    roles.push_back({ToU32(r.label()), r.role()});
  t->role_labels.insert(t->role_labels.begin(), roles.begin(), roles.end());
  for (const v1::SeatCue& s : cues.seat_words())
    t->seat_words.push_back({ToU32(s.word()), s.role(), s.body()});
  // A word that ends another is tried after it ("副组长" after "第一副组长").
  std::stable_sort(t->seat_words.begin(), t->seat_words.end(),
                   [](const SeatWordCue& a, const SeatWordCue& b) {
                     return a.word.size() > b.word.size();
                   });
  auto prepend = [](const std::vector<U32>& add, std::vector<U32>* to) {
    to->insert(to->begin(), add.begin(), add.end());
  };
  prepend(ToU32s(cues.seat_verbs()), &t->seat_verbs);
  prepend(ToU32s(cues.post_endings()), &t->post_endings);
  prepend(ToU32s(cues.issuer_endings()), &t->issuer_endings);
  prepend(ToU32s(cues.plan_title_endings()), &t->plan_title_endings);
  for (const std::string& f : cues.family_names()) t->family_names += ToU32(f);
  std::vector<std::pair<U32, v1::ImportSectionKind>> sections;
  for (const v1::SectionCue& s : cues.sections())
    sections.emplace_back(ToU32(s.phrase()), s.kind());
  t->sections.insert(t->sections.begin(), sections.begin(), sections.end());
  std::vector<std::pair<U32, v1::TextBlockKind>> blocks;
  for (const v1::TextBlockCue& b : cues.text_blocks())
    blocks.emplace_back(ToU32(b.phrase()), b.kind());
  t->text_blocks.insert(t->text_blocks.begin(), blocks.begin(), blocks.end());
  for (const v1::MechanismCue& m : cues.mechanisms())
    t->mechanisms.emplace_back(ToU32(m.phrase()), m.flag());
  prepend(ToU32s(cues.table_columns()), &t->table_words);
  for (const v1::RoleCue& r : cues.role_labels())
    t->table_words.push_back(ToU32(r.label()));
}

CueTables Decode() {
  v1::ImportCues cues;
  const Status s = chuangwen::Decode(kShippedImportCues, Format::kText, &cues);
  if (!s.ok()) {
    // The file is part of the build and checked by its tests.
    std::fprintf(stderr, "chuangwen: built-in import cues: %s\n",
                 s.ToString().c_str());
    std::abort();
  }
  CueTables t;
  Prepend(cues, &t);
  return t;
}

}  // namespace

const CueTables& BuiltInCues() {
  static const CueTables cues = Decode();
  return cues;
}

CueTables CuesWith(const v1::ImportCues& extra) {
  CueTables t = BuiltInCues();
  Prepend(extra, &t);
  return t;
}

}  // namespace chuangwen::internal
