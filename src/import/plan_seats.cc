#include "import/plan_seats.h"

#include <algorithm>

namespace chuangwen::internal {
namespace {

// Characters that do not occur in a person's name but do in posts and
// units, so "区委办" or "何俊区" is not read as a name.
const U32View kNotInNames =
    U"局办委部处科室队府各市区县镇乡街院站厅省州长记任员副务兼设为";

bool EndsWith(U32View text, U32View what) {
  return text.size() >= what.size() &&
         text.substr(text.size() - what.size()) == what;
}

U32View WithoutComrade(U32View t) {
  t = Trim(t);
  if (EndsWith(t, U"同志") && t.size() > 2) t.remove_suffix(2);
  return Trim(t);
}

bool HasFamilyName(U32View t, const CueTables& cues) {
  return !t.empty() && cues.family_names.find(t[0]) != U32::npos;
}

bool IsPersonName(U32View t) {
  if (t.size() < 2 || t.size() > 4) return false;
  for (char32_t c : t)
    if (!IsHan(c) || kNotInNames.find(c) != U32View::npos) return false;
  return true;
}

// One piece of a list: a name, a post, or both ("县委书记周志远",
// "曹文华市委副书记"). False when it is neither.
bool ReadPiece(U32View piece, const CueTables& cues, PersonMention* out) {
  U32View p = WithoutComrade(piece);
  *out = PersonMention();
  // A phone number after the name: 孔维（13900001111）.
  if (!p.empty() && (p.back() == ')' || p.back() == U'）')) {
    const size_t open = p.find_last_of(U"(（");
    if (open != U32View::npos) {
      for (char32_t c : p.substr(open + 1, p.size() - open - 2)) {
        if ((c >= '0' && c <= '9') || c == '-')
          out->contact.push_back(c);
        else if (!IsSpace(c))
          return false;
      }
      p = WithoutComrade(p.substr(0, open));
    }
  }
  // Collective seats ("各科室负责人", "有关单位负责同志") name nobody.
  if (p.empty() || p.find(U'各') != U32View::npos ||
      p.find(U"有关") != U32View::npos || p.find(U"相关") != U32View::npos)
    return false;
  if (IsPersonName(p) && !IsPost(p, cues)) {
    out->name = U32(p);
    return true;
  }
  // The post first, then the name.
  for (size_t k : {3, 2, 4}) {
    if (p.size() <= k + 1) continue;
    U32View name = p.substr(p.size() - k), post = p.substr(0, p.size() - k);
    if (IsPersonName(name) && HasFamilyName(name, cues) && IsPost(post, cues)) {
      out->name = U32(name);
      out->post = U32(post);
      out->split = true;
      return true;
    }
  }
  // The name first, then the post.
  for (size_t k : {3, 2}) {
    if (p.size() <= k + 1) continue;
    U32View name = p.substr(0, k), post = p.substr(k);
    if (IsPersonName(name) && HasFamilyName(name, cues) && IsPost(post, cues)) {
      out->name = U32(name);
      out->post = U32(post);
      out->split = true;
      return true;
    }
  }
  if (IsPost(p, cues)) {
    out->post = U32(p);
    return true;
  }
  return false;
}

void Append(U32* posts, U32View post) {
  if (post.empty()) return;
  if (!posts->empty()) posts->push_back(U'、');
  *posts += post;
}

}  // namespace

bool IsPost(U32View text, const CueTables& cues) {
  U32View t = WithoutComrade(text);
  if (t.size() < 2 || t.size() > 20) return false;
  if (!std::all_of(t.begin(), t.end(), IsHan)) return false;
  // "兼任办公室主任", "办公室设在…" say who holds a seat, not a post.
  for (U32View verb : {U32View(U"兼"), U32View(U"担任"), U32View(U"设在"),
                       U32View(U"下设"), U32View(U"由")})
    if (t.find(verb) != U32View::npos) return false;
  for (const U32& end : cues.post_endings)
    if (EndsWith(t, end)) return true;
  return false;
}

std::vector<PersonMention> PeopleIn(U32View list, const CueTables& cues,
                                    bool* complete) {
  const std::vector<U32> pieces = SplitNames(list);
  // The longest tail of pieces that are all names or posts.
  std::vector<PersonMention> read;
  size_t first = pieces.size();
  while (first > 0) {
    PersonMention m;
    if (!ReadPiece(pieces[first - 1], cues, &m)) break;
    read.insert(read.begin(), m);
    --first;
  }
  if (complete != nullptr) *complete = first == 0 && !pieces.empty();
  std::vector<PersonMention> people;
  U32 pending;  // Posts written before the name they belong to.
  bool last_named_first = false;
  for (size_t i = 0; i < read.size(); ++i) {
    PersonMention& m = read[i];
    if (m.name.empty()) {
      // After "曹文华市委副书记" a post alone is the same person's.
      if (!people.empty() && last_named_first) {
        Append(&people.back().post, m.post);
      } else {
        Append(&pending, m.post);
      }
      continue;
    }
    const U32View piece = WithoutComrade(pieces[first + i]);
    last_named_first = piece.substr(0, m.name.size()) == m.name;
    if (!pending.empty()) {
      Append(&pending, m.post);
      m.post = std::move(pending);
      pending.clear();
    }
    people.push_back(m);
  }
  if (people.empty() && !read.empty()) {
    // Posts alone: each a seat held by whoever holds the post.
    for (const PersonMention& m : read) people.push_back(m);
  }
  return people;
}

std::vector<SeatMention> FindSeatMentions(U32View norm, const CueTables& cues) {
  std::vector<SeatMention> out;
  size_t prev_end = 0;
  for (size_t p = 0; p < norm.size(); ++p) {
    for (const U32& verb : cues.seat_verbs) {
      if (norm.substr(p, verb.size()) != verb) continue;
      const SeatWordCue* hit = nullptr;
      for (const SeatWordCue& w : cues.seat_words) {
        if (norm.substr(p + verb.size(), w.word.size()) == w.word) {
          hit = &w;
          break;
        }
      }
      if (hit == nullptr) continue;
      const size_t end = p + verb.size() + hit->word.size();
      // "为组长单位" is not a seat; "为副组长的领导小组" is.
      if (end < norm.size() && IsHan(norm[end]) && norm[end] != U'的' &&
          norm[end] != U'并' && norm[end] != U'兼')
        continue;
      // The holder: back to the previous seat, the sentence's start, or
      // the 以/由 that opens "成立以X为组长", "由X任组长".
      size_t begin = prev_end;
      for (size_t q = p; q > prev_end; --q) {
        const char32_t c = norm[q - 1];
        if (c == U'。' || c == ';' || c == ':' || c == U'以' || c == U'由') {
          begin = q;
          break;
        }
      }
      while (begin < p &&
             (IsSpace(norm[begin]) ||
              U32View(U"，,、;").find(norm[begin]) != U32View::npos))
        ++begin;
      out.push_back(
          {hit->role, hit->body, norm.substr(p, end - p), hit->word, begin, p});
      prev_end = end;
      p = end - 1;
      break;
    }
  }
  return out;
}

bool SeatLabel(U32View label, const CueTables& cues, v1::MemberRole* role,
               bool* units) {
  *units = false;
  if (label == U"成员单位" || label == U"组成单位") {
    *role = v1::MEMBER_ROLE_MEMBER;
    *units = true;
    return true;
  }
  if (label == U"组员") {
    *role = v1::MEMBER_ROLE_MEMBER;
    return true;
  }
  for (const SeatWordCue& w : cues.seat_words) {
    if (label == w.word) {
      *role = w.role;
      return true;
    }
  }
  return false;
}

}  // namespace chuangwen::internal
