#include "resolve.h"

#include <cstdlib>

#include "chuangwen/date.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;

// One candidate: its id and how it is shown in an ambiguity error.
struct Candidate {
  std::string id;
  std::string label;
};

chuangwen::Status Choose(const char* what, const std::string& text,
                         const std::vector<Candidate>& exact_id,
                         const std::vector<Candidate>& by_name,
                         std::string* id) {
  if (!exact_id.empty()) {
    *id = exact_id.front().id;
    return chuangwen::Status::OK();
  }
  if (by_name.size() == 1) {
    *id = by_name.front().id;
    return chuangwen::Status::OK();
  }
  if (by_name.empty()) {
    return chuangwen::Status::NotFound(std::string("no ") + what +
                                       " has the id or name '" + text + "'");
  }
  std::string list;
  for (const Candidate& c : by_name)
    list += (list.empty() ? "" : "; ") + c.label + " [" + c.id + "]";
  return chuangwen::Status::InvalidArgument(std::string(what) + " '" + text +
                                            "' is ambiguous: " + list +
                                            "; give the id");
}

std::string UnitLabel(const chuangwen::Campaign& c, const std::string& id) {
  const int32_t u = c.index().Unit(id);
  return u == chuangwen::kNoIndex ? id : c.proto().units(u).name();
}

}  // namespace

chuangwen::Status ResolveUnit(const chuangwen::Campaign& c,
                              const std::string& text, std::string* id) {
  std::vector<Candidate> exact, named;
  for (const v1::Unit& u : c.proto().units()) {
    if (u.id() == text) exact.push_back({u.id(), u.name()});
    if (u.name() == text || (!u.short_name().empty() && u.short_name() == text))
      named.push_back(
          {u.id(),
           u.name() + (u.parent_id().empty()
                           ? std::string()
                           : "（" + UnitLabel(c, u.parent_id()) + "）")});
  }
  return Choose("unit", text, exact, named, id);
}

chuangwen::Status ResolvePerson(const chuangwen::Campaign& c,
                                const std::string& text, std::string* id) {
  std::vector<Candidate> exact, named;
  for (const v1::Person& p : c.proto().people()) {
    if (p.id() == text) exact.push_back({p.id(), p.name()});
    if (p.name() == text) {
      std::string label = p.name();
      std::string where = UnitLabel(c, p.unit_id());
      if (!p.title().empty()) where += (where.empty() ? "" : " ") + p.title();
      if (!where.empty()) label += "（" + where + "）";
      named.push_back({p.id(), label});
    }
  }
  return Choose("person", text, exact, named, id);
}

chuangwen::Status ResolveTask(const chuangwen::Campaign& c,
                              const std::string& text, std::string* id) {
  std::vector<Candidate> exact, named;
  for (const v1::Task& t : c.proto().tasks()) {
    if (t.id() == text) exact.push_back({t.id(), t.title()});
    if (t.title() == text) named.push_back({t.id(), t.title()});
  }
  return Choose("task", text, exact, named, id);
}

chuangwen::Status ResolvePoint(const chuangwen::Campaign& c,
                               const std::string& text, std::string* id) {
  std::vector<Candidate> exact, named;
  for (const v1::InspectionPoint& p : c.proto().supervision().points()) {
    if (p.id() == text) exact.push_back({p.id(), p.name()});
    if (p.name() == text)
      named.push_back({p.id(), p.name() + (p.location().empty()
                                               ? std::string()
                                               : "（" + p.location() + "）")});
  }
  return Choose("inspection point", text, exact, named, id);
}

bool ResolveNamedArgs(const chuangwen::Campaign& c, const Args& args,
                      Args* out) {
  *out = args;
  using Resolver = chuangwen::Status (*)(const chuangwen::Campaign&,
                                         const std::string&, std::string*);
  const std::pair<const char*, Resolver> named[] = {{"unit", ResolveUnit},
                                                    {"person", ResolvePerson},
                                                    {"task", ResolveTask},
                                                    {"chain", ResolveTask}};
  for (const auto& [option, resolve] : named) {
    if (!args.Has(option) || args.Value(option).empty()) continue;
    std::string id;
    chuangwen::Status s = resolve(c, args.Value(option), &id);
    if (!s.ok()) {
      Fail(s.WithContext(std::string("--") + option));
      return false;
    }
    out->values[option] = id;
  }
  return true;
}

chuangwen::Status ResolveActor(const chuangwen::Campaign& c, const Args& args,
                               std::string* id) {
  std::string who = args.Value("by");
  if (who.empty()) {
    const char* env = std::getenv("CW_ACTOR");
    if (env != nullptr) who = env;
  }
  if (who.empty()) {
    return chuangwen::Status::InvalidArgument(
        "say who acts: --by PERSON (an id or a name), or set CW_ACTOR");
  }
  chuangwen::Status s = ResolvePerson(c, who, id);
  return s.ok() ? s : s.WithContext("--by");
}

chuangwen::Status EventTime(const chuangwen::Campaign& c, const Args& args,
                            std::string* rfc3339) {
  const std::string at = args.Value("at");
  if (at.empty()) {
    *rfc3339 = c.time_zone().FormatLocal(c.clock()->Now());
    return chuangwen::Status::OK();
  }
  if (at.size() == 10) {
    chuangwen::Date day;
    chuangwen::Status s = chuangwen::ParseIsoDate(at, &day);
    if (!s.ok()) return s.WithContext("--at");
    // Noon, local: the date stays the same whatever the offset.
    chuangwen::Instant noon;
    s = chuangwen::ParseRfc3339(at + "T12:00:00Z", &noon);
    if (!s.ok()) return s.WithContext("--at");
    noon.seconds -= c.time_zone().OffsetSeconds(noon);
    *rfc3339 = c.time_zone().FormatLocal(noon);
    return chuangwen::Status::OK();
  }
  chuangwen::Instant instant;
  chuangwen::Status s = chuangwen::ParseRfc3339(at, &instant);
  if (!s.ok()) return s.WithContext("--at");
  *rfc3339 = at;
  return chuangwen::Status::OK();
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    size_t b = current.find_first_not_of(' ');
    size_t e = current.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ',') {
      flush();
      ++i;
    } else if (text.compare(i, 3, "，") == 0 || text.compare(i, 3, "、") == 0) {
      flush();
      i += 3;
    } else {
      current += text[i++];
    }
  }
  flush();
  return out;
}

}  // namespace cw
