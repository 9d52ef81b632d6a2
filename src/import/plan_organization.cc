// The organization wherever it is written: the leading group or 指挥部,
// its office, working groups, their seats and duties.
#include "import/plan_parser.h"

namespace chuangwen::internal {

// Organization sentences wherever they are: the leading group, its office,
// working groups and their members.
bool PlanParser::OrganizationLine(size_t i) {
  const LogicalLine& l = lines_[i];
  U32View n = l.norm;
  U32View t = l.text;
  bool used = false;
  // A working group heading: "（一）综合协调组" or "综合协调组：".
  {
    NumberingMatch num = MatchNumbering(n);
    U32View rest = Trim(t.substr(num.length));
    U32View head = UpTo(rest, 0, U":：");
    if (head.size() >= 3 && head.size() <= 12 && EndsWith(head, U"组") &&
        !Contains(head, U"领导小组") && head != U"组长" && head != U"副组长" &&
        (num.style != Numbering::kNone || rest.size() == head.size() ||
         rest[head.size()] == U'：' || rest[head.size()] == ':')) {
      std::string id = "group-" + ToUtf8(head);
      v1::Body* b =
          FindOrAddBody(id, ToUtf8(head), v1::BODY_KIND_WORKING_GROUP, l);
      current_body_id_ = id;
      U32View after = Trim(rest.substr(head.size()));
      if (!after.empty() && (after[0] == U'：' || after[0] == ':')) {
        after = Trim(after.substr(1));
        if (!after.empty()) b->add_duties(ToUtf8(after));
      }
      return true;
    }
  }
  // 成立…领导小组 / 指挥部: the body and its name.
  const U32View group_word = Contains(n, U"领导小组") ? U32View(U"领导小组")
                             : Contains(n, U"指挥部") ? U32View(U"指挥部")
                                                      : U32View();
  if (!group_word.empty() && ContainsAny(n, {U"成立", U"组成", U"调整"}) &&
      !Contains(n, U"指挥部办公室") && !Contains(n, U"领导小组办公室")) {
    v1::Body* b = LeadingGroup(l);
    size_t start = After(n, U"成立");
    size_t end = n.find(group_word, start == U32View::npos ? 0 : start);
    if (start != U32View::npos && end != U32View::npos && end > start &&
        end - start <= 80) {
      U32View name = t.substr(start, end - start + group_word.size());
      // "由…为成员的XX领导小组": the name starts after the last 的.
      size_t de = name.rfind(U'的');
      if (de != U32View::npos && de + 1 < name.size())
        name = name.substr(de + 1);
      b->set_name(ToUtf8(name));
    } else if (group_word == U"指挥部" && b->name() == "领导小组") {
      b->set_name("指挥部");
    }
    current_body_id_ = "leading-group";
    used = true;
  }
  // Seats in prose: "以局长王伟为组长", "X同志兼办公室主任，Y、Z同志任副主任",
  // "由区委书记任总指挥".
  for (const internal::SeatMention& m : internal::FindSeatMentions(n, cues_)) {
    v1::Body* b = nullptr;
    const bool office =
        m.body == v1::SEAT_CUE_BODY_OFFICE ||
        (m.body == v1::SEAT_CUE_BODY_CURRENT &&
         (Contains(n, U"办公室") || current_body_id_ == "office"));
    if (office) {
      b = Office(l);
    } else if (m.body == v1::SEAT_CUE_BODY_CURRENT &&
               !current_body_id_.empty()) {
      b = BodyById(current_body_id_);
    } else {
      b = LeadingGroup(l);
    }
    if (b == nullptr) continue;
    const U32View who = t.substr(m.who_begin, m.who_end - m.who_begin);
    if (SeatPeople(b, m.role, who, m.rank, l,
                   {"seat " + ToUtf8(m.marker), 0.85}) == 0 &&
        !SeatUnits(b, who, m.role, l))
      out_->add_notes(ToUtf8(m.marker) + ": " + ToUtf8(Trim(who)) +
                      " (not a named person; review the members)");
    used = true;
  }
  // The office: 下设办公室，办公室设在…，主任由…兼任，成员由…组成，…为联络员
  if (Contains(n, U"下设办公室") || Contains(n, U"办公室主任由") ||
      Contains(n, U"办公室设在")) {
    v1::Body* b = Office(l);
    current_body_id_ = "office";
    used = true;
    size_t host = After(n, U"办公室设在");
    if (host != U32View::npos) {
      U32View where = Trim(UpTo(t, host, U"，,。；;"));
      if (!where.empty()) {
        // "修管处办公室" is the section 办公室 of the bureau when one exists.
        b->set_host_unit_id(Unit(where, l));
      }
    }
    size_t director = After(n, U"主任由");
    if (director != U32View::npos) {
      // "主任由镇党委委员、宣传委员欧阳青兼任": the holder with their posts.
      const size_t stop = n.find_first_of(U"，,。；;", director);
      U32View who = t.substr(
          director, stop == U32View::npos ? U32View::npos : stop - director);
      for (U32View verb :
           {U32View(U"兼任"), U32View(U"担任"), U32View(U"担")}) {
        if (who.size() > verb.size() &&
            who.substr(who.size() - verb.size()) == verb) {
          who.remove_suffix(verb.size());
          break;
        }
      }
      const bool concurrent = n.find(U"兼任", director) != U32View::npos;
      SeatPeople(b, v1::MEMBER_ROLE_DIRECTOR, who,
                 concurrent ? U32View(U"兼任") : U32View(U"主任"), l,
                 {"office 主任由", 0.9});
    }
    size_t members = After(n, U"成员由");
    if (members != U32View::npos) {
      size_t end = n.find(U"组成", members);
      if (end != U32View::npos) {
        for (const U32& who : SplitNames(t.substr(members, end - members))) {
          U32 name = CleanName(who);
          if (LooksLikeName(name))
            AddMember(b, Person(name, l), v1::MEMBER_ROLE_MEMBER, l, "",
                      {"office 成员由", 0.85});
        }
      }
    }
    size_t duty = After(n, U"，负责");
    if (duty != U32View::npos) {
      U32View what = UpTo(t, duty, U"。");
      size_t liaison = what.find(U"联络员");
      if (liaison == U32View::npos && !what.empty())
        b->add_duties("负责" + ToUtf8(what));
    }
  }
  // …同志为联络员（联系方式18737121296），负责与…的沟通和联系。
  size_t liaison = n.find(U"为联络员");
  if (liaison != U32View::npos) {
    size_t from = liaison;
    while (from > 0 && U32View(U"。，,；;").find(n[from - 1]) == U32View::npos)
      --from;
    U32 name = CleanName(t.substr(from, liaison - from));
    if (LooksLikeName(name)) {
      v1::Body* b =
          current_body_id_.empty() ? Office(l) : BodyById(current_body_id_);
      std::string person = Person(name, l);
      std::string note;
      size_t contact = n.find(U"联系方式", liaison);
      if (contact != U32View::npos) {
        size_t d = contact + 4;
        while (d < n.size() && !(n[d] >= '0' && n[d] <= '9')) ++d;
        size_t e = d;
        while (e < n.size() && ((n[e] >= '0' && n[e] <= '9') || n[e] == '-'))
          ++e;
        if (e > d) {
          for (v1::Person& p : *c_->mutable_people())
            if (p.id() == person) p.set_contact(ToUtf8(n.substr(d, e - d)));
        }
      }
      size_t duty = After(n, U"负责", liaison);
      if (duty != U32View::npos) note = "负责" + ToUtf8(UpTo(t, duty, U"。"));
      AddMember(b, person, v1::MEMBER_ROLE_LIAISON, l, note,
                {"seat 为联络员", 0.9});
      used = true;
    }
  }
  // Label lines: 组长：…, 第一副组长：…, 总指挥：…, 成员单位：…, 主任：…,
  // 联络员：…, 工作职责：…; a roster's next lines without a label
  // continue its last seat ("          唐卫国副区长").
  U32 label;
  size_t value_at;
  const bool labelled = MatchLabel(n, &label, &value_at);
  v1::MemberRole role;
  bool units = false;
  if (labelled && internal::SeatLabel(label, cues_, &role, &units)) {
    U32View value = Trim(t.substr(value_at));
    v1::Body* b = nullptr;
    const bool office_role = role == v1::MEMBER_ROLE_DIRECTOR ||
                             role == v1::MEMBER_ROLE_DEPUTY_DIRECTOR ||
                             role == v1::MEMBER_ROLE_LIAISON;
    if (label.find(U"办公室") != U32::npos) {
      b = Office(l);
    } else if (!current_body_id_.empty()) {
      b = BodyById(current_body_id_);
    }
    if (b == nullptr) b = office_role ? Office(l) : LeadingGroup(l);
    if (Contains(label, U"指挥") && b->id() == "leading-group" &&
        b->name() == "领导小组")
      b->set_name("指挥部");
    if (current_body_id_.empty()) current_body_id_ = b->id();
    roster_line_ = i;
    roster_role_ = role;
    roster_units_ = units;
    roster_rank_ = label;
    if (units) {
      for (const U32& name : SplitNames(value)) {
        const std::string unit = Unit(name, l);
        bool seated = false;
        for (const v1::Member& m : b->members())
          seated = seated || (m.unit_id() == unit && m.role() == role);
        if (seated) continue;
        v1::Member* m = b->add_members();
        m->set_unit_id(unit);
        m->set_role(role);
        Provenance("member", b->id() + "/" + unit, l,
                   {"roster " + ToUtf8(label), 0.95});
      }
    } else if (SeatPeople(b, role, value, label, l,
                          {"roster " + ToUtf8(label), 0.95}) == 0 &&
               !value.empty() && !(value[0] >= '0' && value[0] <= '9') &&
               !SeatUnits(b, value, role, l)) {
      out_->add_notes(ToUtf8(label) + ": " + ToUtf8(value) +
                      " (not a named person; review the members)");
    }
    return true;
  }
  if (!labelled && roster_line_ + 1 == i && !roster_units_ && n.size() <= 40 &&
      !Contains(n, U"。") && MatchNumbering(n).style == Numbering::kNone &&
      !current_body_id_.empty()) {
    bool complete = false;
    const std::vector<PersonMention> people =
        internal::PeopleIn(t, cues_, &complete);
    const bool named =
        std::any_of(people.begin(), people.end(),
                    [](const PersonMention& p) { return !p.name.empty(); });
    if (complete && named) {
      SeatPeople(BodyById(current_body_id_), roster_role_, t, roster_rank_, l,
                 {"roster continued " + ToUtf8(roster_rank_), 0.8});
      roster_line_ = i;
      return true;
    }
  }
  // "联络员：孔维（139…）" inside an office sentence.
  if (!labelled && Contains(n, U"办公室")) {
    size_t at = After(n, U"联络员:");
    if (at != U32View::npos)
      if (SeatPeople(Office(l), v1::MEMBER_ROLE_LIAISON, UpTo(t, at, U"。；;"),
                     U"联络员", l, {"label 联络员", 0.9}) > 0)
        used = true;
  }
  if (labelled) {
    U32View value = Trim(t.substr(value_at));
    if ((label == U"工作职责" || label == U"职责" || label == U"主要职责") &&
        !current_body_id_.empty()) {
      if (v1::Body* b = BodyById(current_body_id_))
        b->add_duties(ToUtf8(value));
      return true;
    }
  }
  return used;
}

void PlanParser::Organization() {
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (!task_of_line_[i].empty()) continue;  // Task text is the tasks'.
    if (OrganizationLine(i)) {
      Use(i);
      if (!current_body_id_.empty())
        Provenance("body", current_body_id_, lines_[i]);
    }
  }
}

}  // namespace chuangwen::internal
