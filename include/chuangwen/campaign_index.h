// CampaignIndex: ids of a campaign's entities interned to dense integers,
// and the unit tree.
//
// Every kind of entity a campaign names has its index: units, people,
// bodies, documents, tasks, phases, duties, targets, evidence requirements,
// schemes, indicators (with their scheme) and inspection points. Indexes are
// positions in the Campaign message's repeated fields; a duplicate id
// resolves to its first occurrence. Keys are views into the Campaign's own
// strings, so the Campaign must outlive the index and must not change.
//
// The unit tree answers "is unit X at or under unit Y" in O(1) (an interval
// per unit from one walk of the tree). Units in a parent cycle (a validation
// problem) are walked from one of them, in no meaningful order.
// Thread safety: immutable after construction; safe to share.
#ifndef CHUANGWEN_CAMPAIGN_INDEX_H_
#define CHUANGWEN_CAMPAIGN_INDEX_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen {

inline constexpr int32_t kNoIndex = -1;

// An indicator's place: its scheme and its position there.
struct IndicatorRef {
  int32_t scheme = kNoIndex;
  int32_t indicator = kNoIndex;
};

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
  int32_t Phase(std::string_view id) const { return Find(phases_, id); }
  int32_t Duty(std::string_view id) const { return Find(duties_, id); }
  int32_t Target(std::string_view id) const { return Find(targets_, id); }
  int32_t EvidenceRequirement(std::string_view id) const {
    return Find(requirements_, id);
  }
  int32_t Scheme(std::string_view id) const { return Find(schemes_, id); }
  int32_t InspectionPoint(std::string_view id) const {
    return Find(points_, id);
  }
  IndicatorRef Indicator(std::string_view id) const {
    auto it = indicators_.find(id);
    return it == indicators_.end() ? IndicatorRef() : it->second;
  }

  // True when `unit` is `ancestor` or lies below it (by position).
  bool UnitAtOrUnder(int32_t unit, int32_t ancestor) const {
    if (unit < 0 || ancestor < 0) return false;
    const Interval& u = tree_[static_cast<size_t>(unit)];
    const Interval& a = tree_[static_cast<size_t>(ancestor)];
    return a.enter <= u.enter && u.exit <= a.exit;
  }
  // The parent unit's position, or kNoIndex for a root (or a unit in a
  // cycle).
  int32_t ParentUnit(int32_t unit) const {
    return tree_[static_cast<size_t>(unit)].parent;
  }

 private:
  using Map = std::unordered_map<std::string_view, int32_t>;
  static int32_t Find(const Map& map, std::string_view id) {
    auto it = map.find(id);
    return it == map.end() ? kNoIndex : it->second;
  }
  void BuildUnitTree(const v1::Campaign& campaign);

  struct Interval {
    int32_t enter = 0, exit = 0;  // Walk order; a subtree is [enter, exit].
    int32_t parent = kNoIndex;
  };

  Map units_, people_, bodies_, documents_, tasks_, phases_, duties_,
      targets_, requirements_, schemes_, points_;
  std::unordered_map<std::string_view, IndicatorRef> indicators_;
  std::vector<Interval> tree_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_CAMPAIGN_INDEX_H_
