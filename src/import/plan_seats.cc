#include "import/plan_seats.h"

#include <algorithm>

namespace chuangwen::internal {
namespace {

// Posts end in one of these (书记, 副市长, 宣传部部长, 办公室主任 …).
const U32View kPostEnds[] = {
    U"书记",   U"常委",     U"长",   U"主任",   U"主席", U"委员", U"干部",
    U"负责人", U"负责同志", U"专员", U"调研员", U"科员", U"政委", U"经理",
    U"助理",   U"巡视员",   U"理事", U"总监",   U"总师", U"总工"};

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

// Common family names (百家姓 as used today), to tell "曹文华市委副书记"
// (a name, then a post) from "宣传部部长" (a post alone).
const U32View kFamilyNames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
    U"袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟"
    U"熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文"
    U"牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
    U"舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    U"滕屈饶解牟艾尤阳时穆农卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席"
    U"卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    U"佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼"
    U"盘满闻位厉伊仝区郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄索"
    U"晋云扈晁芮阙浦戈伏鹿薄邸雍辜羊乌裘亓邰赫杭况那宿"
    U"鲜印逯隆茹诸危亢嵇哈湛宾戎勾茅於揭尉冶斯束檀"
    U"阴昝奉衡尧";

bool HasFamilyName(U32View t) {
  return !t.empty() && kFamilyNames.find(t[0]) != U32View::npos;
}

bool IsPersonName(U32View t) {
  if (t.size() < 2 || t.size() > 4) return false;
  for (char32_t c : t)
    if (!IsHan(c) || kNotInNames.find(c) != U32View::npos) return false;
  return true;
}

// One piece of a list: a name, a post, or both ("县委书记周志远",
// "曹文华市委副书记"). False when it is neither.
bool ReadPiece(U32View piece, PersonMention* out) {
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
  if (IsPersonName(p) && !IsPost(p)) {
    out->name = U32(p);
    return true;
  }
  // The post first, then the name.
  for (size_t k : {3, 2, 4}) {
    if (p.size() <= k + 1) continue;
    U32View name = p.substr(p.size() - k), post = p.substr(0, p.size() - k);
    if (IsPersonName(name) && HasFamilyName(name) && IsPost(post)) {
      out->name = U32(name);
      out->post = U32(post);
      return true;
    }
  }
  // The name first, then the post.
  for (size_t k : {3, 2}) {
    if (p.size() <= k + 1) continue;
    U32View name = p.substr(0, k), post = p.substr(k);
    if (IsPersonName(name) && HasFamilyName(name) && IsPost(post)) {
      out->name = U32(name);
      out->post = U32(post);
      return true;
    }
  }
  if (IsPost(p)) {
    out->post = U32(p);
    return true;
  }
  return false;
}

struct SeatWord {
  U32View word;
  v1::MemberRole role;
  SeatBody body;
};

// Longest first where one word ends another.
const SeatWord kSeatWords[] = {
    {U"常务副总指挥", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"常务副指挥长", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"办公室常务副主任", v1::MEMBER_ROLE_DEPUTY_DIRECTOR, SeatBody::kOffice},
    {U"办公室副主任", v1::MEMBER_ROLE_DEPUTY_DIRECTOR, SeatBody::kOffice},
    {U"办公室主任", v1::MEMBER_ROLE_DIRECTOR, SeatBody::kOffice},
    {U"第一副组长", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"常务副组长", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"执行副组长", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"副总指挥", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"副指挥长", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"常务副主任", v1::MEMBER_ROLE_DEPUTY_DIRECTOR, SeatBody::kCurrent},
    {U"总指挥", v1::MEMBER_ROLE_LEADER, SeatBody::kGroup},
    {U"指挥长", v1::MEMBER_ROLE_LEADER, SeatBody::kGroup},
    {U"副组长", v1::MEMBER_ROLE_DEPUTY_LEADER, SeatBody::kGroup},
    {U"副主任", v1::MEMBER_ROLE_DEPUTY_DIRECTOR, SeatBody::kCurrent},
    {U"联络员", v1::MEMBER_ROLE_LIAISON, SeatBody::kOffice},
    {U"组长", v1::MEMBER_ROLE_LEADER, SeatBody::kGroup},
    {U"主任", v1::MEMBER_ROLE_DIRECTOR, SeatBody::kCurrent},
    {U"成员", v1::MEMBER_ROLE_MEMBER, SeatBody::kGroup},
};

void Append(U32* posts, U32View post) {
  if (post.empty()) return;
  if (!posts->empty()) posts->push_back(U'、');
  *posts += post;
}

const U32View kSeatVerbs[] = {U"兼任", U"担任", U"为", U"任", U"兼"};

}  // namespace

bool IsPost(U32View text) {
  U32View t = WithoutComrade(text);
  if (t.size() < 2 || t.size() > 20) return false;
  if (!std::all_of(t.begin(), t.end(), IsHan)) return false;
  // "兼任办公室主任", "办公室设在…" say who holds a seat, not a post.
  for (U32View verb : {U32View(U"兼"), U32View(U"担任"), U32View(U"设在"),
                       U32View(U"下设"), U32View(U"由")})
    if (t.find(verb) != U32View::npos) return false;
  for (U32View end : kPostEnds)
    if (EndsWith(t, end)) return true;
  return false;
}

std::vector<PersonMention> PeopleIn(U32View list, bool* complete) {
  const std::vector<U32> pieces = SplitNames(list);
  // The longest tail of pieces that are all names or posts.
  std::vector<PersonMention> read;
  size_t first = pieces.size();
  while (first > 0) {
    PersonMention m;
    if (!ReadPiece(pieces[first - 1], &m)) break;
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

std::vector<SeatMention> FindSeatMentions(U32View norm) {
  std::vector<SeatMention> out;
  size_t prev_end = 0;
  for (size_t p = 0; p < norm.size(); ++p) {
    for (U32View verb : kSeatVerbs) {
      if (norm.substr(p, verb.size()) != verb) continue;
      const SeatWord* hit = nullptr;
      for (const SeatWord& w : kSeatWords) {
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

bool SeatLabel(U32View label, v1::MemberRole* role, bool* units) {
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
  for (const SeatWord& w : kSeatWords) {
    if (label == w.word) {
      *role = w.role;
      return true;
    }
  }
  return false;
}

}  // namespace chuangwen::internal
