#include "chuangwen/campaign_index.h"

namespace chuangwen {
namespace {

template <typename Repeated>
void Intern(const Repeated& items,
            std::unordered_map<std::string_view, int32_t>* map) {
  map->reserve(static_cast<size_t>(items.size()));
  for (int i = 0; i < items.size(); ++i) {
    const std::string& id = items.Get(i).id();
    if (id.empty()) continue;
    map->emplace(std::string_view(id), i);  // First occurrence wins.
  }
}

}  // namespace

CampaignIndex::CampaignIndex(const v1::Campaign& campaign) {
  Intern(campaign.units(), &units_);
  Intern(campaign.people(), &people_);
  Intern(campaign.bodies(), &bodies_);
  Intern(campaign.documents(), &documents_);
  Intern(campaign.tasks(), &tasks_);
  Intern(campaign.schedule().phases(), &phases_);
  Intern(campaign.schedule().duties(), &duties_);
  Intern(campaign.targets(), &targets_);
  Intern(campaign.evidence_requirements(), &requirements_);
  Intern(campaign.assessment().schemes(), &schemes_);
  Intern(campaign.supervision().points(), &points_);
  const auto& schemes = campaign.assessment().schemes();
  for (int s = 0; s < schemes.size(); ++s) {
    const auto& indicators = schemes.Get(s).indicators();
    for (int i = 0; i < indicators.size(); ++i) {
      if (indicators.Get(i).id().empty()) continue;
      indicators_.emplace(std::string_view(indicators.Get(i).id()),
                          IndicatorRef{s, i});
    }
  }
  BuildUnitTree(campaign);
}

// One depth-first walk from the roots numbers every unit on entry and gives
// it the last number of its subtree; units never reached (a parent cycle)
// get an interval of their own.
void CampaignIndex::BuildUnitTree(const v1::Campaign& campaign) {
  const int n = campaign.units_size();
  tree_.assign(static_cast<size_t>(n), Interval());
  std::vector<std::vector<int32_t>> children(static_cast<size_t>(n));
  std::vector<int32_t> roots;
  for (int32_t u = 0; u < n; ++u) {
    const int32_t p = Unit(campaign.units(u).parent_id());
    if (p == kNoIndex || p == u) {
      roots.push_back(u);
    } else {
      children[static_cast<size_t>(p)].push_back(u);
    }
  }
  std::vector<bool> seen(static_cast<size_t>(n), false);
  int32_t clock = 0;
  // Explicit stack (unit, next child): trees can be deep.
  std::vector<std::pair<int32_t, size_t>> stack;
  auto walk = [&](int32_t root, int32_t parent) {
    seen[static_cast<size_t>(root)] = true;
    tree_[static_cast<size_t>(root)] = {clock++, 0, parent};
    stack.push_back({root, 0});
    while (!stack.empty()) {
      auto& [u, next] = stack.back();
      const auto& kids = children[static_cast<size_t>(u)];
      if (next < kids.size()) {
        const int32_t c = kids[next++];
        if (seen[static_cast<size_t>(c)]) continue;
        seen[static_cast<size_t>(c)] = true;
        tree_[static_cast<size_t>(c)] = {clock++, 0, u};
        stack.push_back({c, 0});
      } else {
        tree_[static_cast<size_t>(u)].exit = clock - 1;
        stack.pop_back();
      }
    }
  };
  for (int32_t r : roots) walk(r, kNoIndex);
  for (int32_t u = 0; u < n; ++u)
    if (!seen[static_cast<size_t>(u)]) walk(u, kNoIndex);
}

}  // namespace chuangwen
