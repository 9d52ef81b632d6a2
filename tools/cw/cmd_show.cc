// cw show FILE: the organization, each task with its people by role, load per
// unit and person, and the validation problems.
#include <iostream>
#include <string>
#include <vector>

#include "chuangwen/responsibility_graph.h"
#include "chuangwen/responsibility_query.h"
#include "cli.h"

namespace cw {
namespace {

using chuangwen::kNoIndex;
namespace v1 = chuangwen::v1;

std::string PersonLabel(const v1::Campaign& c,
                        const chuangwen::CampaignIndex& ix,
                        const std::string& id) {
  int32_t p = ix.Person(id);
  if (p == kNoIndex) return "?" + id;
  const v1::Person& person = c.people(p);
  return person.title().empty() ? person.name()
                                : person.name() + "（" + person.title() + "）";
}

std::string UnitLabel(const v1::Campaign& c, const chuangwen::CampaignIndex& ix,
                      const std::string& id) {
  int32_t u = ix.Unit(id);
  return u == kNoIndex ? "?" + id : c.units(u).name();
}

void PrintDocuments(const chuangwen::Campaign& campaign) {
  const v1::Campaign& c = campaign.proto();
  std::cout << "Campaign: " << campaign.DisplayName() << "\n";
  for (const v1::Document& d : c.documents()) {
    std::cout << "  " << (d.id() == c.plan_document_id() ? "* " : "  ")
              << Pad(d.number(), 22) << " " << d.issuer();
    if (!d.issue_date().empty()) std::cout << "  " << d.issue_date();
    std::cout << "\n      " << d.title();
    for (const std::string& p : d.parent_ids()) {
      int32_t k = campaign.index().Document(p);
      std::cout << "\n      implements "
                << (k == kNoIndex ? "?" + p : c.documents(k).number());
    }
    std::cout << "\n";
  }
}

void PrintUnitTree(const chuangwen::Campaign& campaign, int32_t unit,
                   int depth) {
  const v1::Unit& u = campaign.proto().units(unit);
  std::cout << std::string(static_cast<size_t>(4 + 2 * depth), ' ') << u.name()
            << "  [" << u.id() << (u.kind().empty() ? "" : ", " + u.kind())
            << "]\n";
  std::vector<int32_t> children;
  campaign.graph().ChildUnits(unit, &children);
  if (depth > 32) return;  // Cycles are reported as problems.
  for (int32_t child : children) PrintUnitTree(campaign, child, depth + 1);
}

void PrintOrganization(const chuangwen::Campaign& campaign) {
  const v1::Campaign& c = campaign.proto();
  const auto& ix = campaign.index();
  std::cout << "\nOrganization\n  Units\n";
  for (int i = 0; i < c.units_size(); ++i) {
    if (ix.Unit(c.units(i).parent_id()) == kNoIndex)
      PrintUnitTree(campaign, i, 0);
  }
  for (const v1::Body& b : c.bodies()) {
    std::cout << "  " << b.name() << "  [" << b.id() << ", "
              << BodyKindName(b.kind());
    if (!b.host_unit_id().empty())
      std::cout << ", at " << UnitLabel(c, ix, b.host_unit_id());
    std::cout << "]\n";
    for (const v1::Member& m : b.members()) {
      std::cout << "    " << Pad(MemberRoleName(m.role()), 24)
                << (m.person_id().empty()
                        ? UnitLabel(c, ix, m.unit_id()) + " 负责同志"
                        : PersonLabel(c, ix, m.person_id()));
      int32_t p = ix.Person(m.person_id());
      if (m.role() == v1::MEMBER_ROLE_LIAISON && p != kNoIndex &&
          !c.people(p).contact().empty()) {
        std::cout << "  " << c.people(p).contact();
      }
      if (!m.note().empty()) std::cout << "  (" << m.note() << ")";
      std::cout << "\n";
    }
    for (const std::string& duty : b.duties())
      std::cout << "    duty: " << duty << "\n";
  }
}

void PrintTasks(const chuangwen::Campaign& campaign) {
  const v1::Campaign& c = campaign.proto();
  std::cout << "\nTasks\n";
  for (int i = 0; i < c.tasks_size(); ++i) {
    const v1::Task& t = c.tasks(i);
    int depth = 0;
    for (int32_t p = campaign.index().Task(t.parent_id());
         p != kNoIndex && depth < 16;
         p = campaign.index().Task(c.tasks(p).parent_id())) {
      ++depth;
    }
    std::string indent(static_cast<size_t>(2 + 2 * depth), ' ');
    std::cout << indent << t.id() << "  " << t.title() << "\n";
    v1::TaskParties parties;
    if (!chuangwen::QueryTaskParties(campaign, t.id(), &parties).ok()) continue;
    int last_role = -1;
    std::string line;
    auto flush = [&] {
      if (last_role >= 0) {
        std::cout << indent << "    "
                  << Pad(std::string(RoleName(last_role)) + ":", 14) << line
                  << "\n";
      }
    };
    for (const v1::PartyRole& pr : parties.parties()) {
      std::string name = pr.party().kind() == v1::PARTY_KIND_PERSON
                             ? PersonLabel(c, campaign.index(), pr.party().id())
                             : pr.party().name();
      if (pr.role() != last_role) {
        flush();
        last_role = pr.role();
        line = name;
      } else {
        line += "、" + name;
      }
    }
    flush();
  }
}

void PrintLoad(const chuangwen::Campaign& campaign) {
  v1::LoadSummary load;
  chuangwen::QueryLoad(campaign, &load);
  std::cout << "\nLoad per unit          lead  responsible  assisting  tasks\n";
  for (const v1::PartyLoad& u : load.units()) {
    const v1::RoleCounts& k = u.counts();
    if (k.total() == 0) continue;
    std::printf("  %s %4d  %11d  %9d  %5d\n", Pad(u.party().name(), 20).c_str(),
                k.lead_unit(), k.responsible_unit(), k.assisting_unit(),
                k.total());
  }
  std::cout << "Load per person        lead leader  tasks\n";
  for (const v1::PartyLoad& p : load.people()) {
    const v1::RoleCounts& k = p.counts();
    if (k.total() == 0) continue;
    std::printf("  %s %11d  %5d\n", Pad(p.party().name(), 20).c_str(),
                k.lead_leader(), k.total());
  }
  std::cout.flush();
}

}  // namespace

void PrintProblems(const chuangwen::Campaign& campaign,
                   const std::string& path) {
  const auto& problems = campaign.problems().problems();
  if (problems.empty()) {
    std::cout << "No problems.\n";
    return;
  }
  std::cout << problems.size()
            << (problems.size() == 1 ? " problem" : " problems") << ":\n";
  for (const v1::Problem& p : problems) {
    std::cout << "  ";
    if (p.line() > 0)  // As compilers write it, so editors can jump there.
      std::cout << path << ":" << p.line() << ":" << p.column() << ": ";
    std::cout << p.location() << ": " << p.message() << "\n";
  }
}

int RunShow(const Args& args) {
  if (args.positional.size() != 1) return UsageError("usage: cw show FILE");
  std::shared_ptr<const chuangwen::Campaign> campaign;
  if (!LoadCampaign(args.positional[0], args, &campaign)) return kExitUsage;
  PrintDocuments(*campaign);
  PrintOrganization(*campaign);
  PrintTasks(*campaign);
  std::cout.flush();
  PrintLoad(*campaign);
  std::cout << "\nValidation: ";
  PrintProblems(*campaign, args.positional[0]);
  return kExitOk;
}

}  // namespace cw
