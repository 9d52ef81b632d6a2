// CampaignIndex: ids of a campaign's entities interned to dense integers.
//
// Indexes are positions in the Campaign message's repeated fields; a duplicate
// id resolves to its first occurrence. Keys are views into the Campaign's own
// strings, so the Campaign must outlive the index and must not change.
// Thread safety: immutable after construction; safe to share.
#ifndef CHUANGWEN_CAMPAIGN_INDEX_H_
#define CHUANGWEN_CAMPAIGN_INDEX_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen {

inline constexpr int32_t kNoIndex = -1;

class CampaignIndex {
 public:
  explicit CampaignIndex(const v1::Campaign& campaign);

  CampaignIndex(const CampaignIndex&) = delete;
  CampaignIndex& operator=(const CampaignIndex&) = delete;

  // Position of the entity with that id, or kNoIndex.
  int32_t Unit(std::string_view id) const { return Find(units_, id); }
  int32_t Person(std::string_view id) const { return Find(people_, id); }
  int32_t Body(std::string_view id) const { return Find(bodies_, id); }
  int32_t Document(std::string_view id) const { return Find(documents_, id); }
  int32_t Task(std::string_view id) const { return Find(tasks_, id); }

 private:
  using Map = std::unordered_map<std::string_view, int32_t>;
  static int32_t Find(const Map& map, std::string_view id) {
    auto it = map.find(id);
    return it == map.end() ? kNoIndex : it->second;
  }

  Map units_, people_, bodies_, documents_, tasks_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_CAMPAIGN_INDEX_H_
