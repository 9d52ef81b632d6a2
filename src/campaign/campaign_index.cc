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
}

}  // namespace chuangwen
