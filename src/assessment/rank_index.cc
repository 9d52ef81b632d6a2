#include "chuangwen/rank_index.h"

#include <boost/multi_index/ranked_index.hpp>
#include <boost/multi_index_container.hpp>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace chuangwen {
namespace {

struct Entry {
  double composite;
  int32_t group;
  uint32_t unit;
  bool vetoed;
};

// Ahead sorts first: not vetoed, then higher composite; the unit makes keys
// unique, and 0 in its place finds the first of a run of equals.
struct OverallKey {
  using result_type = std::tuple<bool, double, uint32_t>;
  result_type operator()(const Entry& e) const {
    return {e.vetoed, -e.composite, e.unit};
  }
};
struct GroupKey {
  using result_type = std::tuple<int32_t, bool, double, uint32_t>;
  result_type operator()(const Entry& e) const {
    return {e.group, e.vetoed, -e.composite, e.unit};
  }
};

namespace bmi = boost::multi_index;
using Container =
    bmi::multi_index_container<Entry,
                               bmi::indexed_by<bmi::ranked_unique<OverallKey>,
                                               bmi::ranked_unique<GroupKey>>>;

}  // namespace

struct RankIndex::Trees {
  Container entries;
  std::vector<Container::iterator> of_unit;
};

RankIndex::RankIndex(std::unique_ptr<Trees> trees) : trees_(std::move(trees)) {}
RankIndex::~RankIndex() = default;

Status RankIndex::Build(const double* composite, size_t units,
                        const uint8_t* vetoed, const int32_t* groups,
                        std::unique_ptr<RankIndex>* out) {
  if (units > 0 && composite == nullptr)
    return Status::InvalidArgument("composites are missing");
  if (units > static_cast<size_t>(INT32_MAX))
    return Status::InvalidArgument("too many units for 32-bit ranks");
  for (size_t u = 0; u < units; ++u) {
    if (!std::isfinite(composite[u]))
      return Status::InvalidArgument("unit " + std::to_string(u) +
                                     ": composite is not finite");
    if (groups != nullptr && groups[u] < 0)
      return Status::InvalidArgument("unit " + std::to_string(u) +
                                     ": group id " + std::to_string(groups[u]) +
                                     " is negative");
  }
  auto trees = std::make_unique<Trees>();
  trees->of_unit.reserve(units);
  for (size_t u = 0; u < units; ++u) {
    trees->of_unit.push_back(
        trees->entries
            .insert(Entry{composite[u] + 0.0, groups != nullptr ? groups[u] : 0,
                          static_cast<uint32_t>(u),
                          vetoed != nullptr && vetoed[u] != 0})
            .first);
  }
  out->reset(new RankIndex(std::move(trees)));
  return Status::OK();
}

Status RankIndex::Update(size_t unit, double composite, int32_t* rank,
                         int32_t* group_rank) {
  if (unit >= units())
    return Status::NotFound("unit " + std::to_string(unit) +
                            " is out of range (" + std::to_string(units()) +
                            " units)");
  if (!std::isfinite(composite))
    return Status::InvalidArgument("unit " + std::to_string(unit) +
                                   ": composite is not finite");
  trees_->entries.modify(trees_->of_unit[unit],
                         [&](Entry& e) { e.composite = composite + 0.0; });
  if (rank != nullptr) *rank = Rank(unit);
  if (group_rank != nullptr) *group_rank = GroupRank(unit);
  return Status::OK();
}

int32_t RankIndex::Rank(size_t unit) const {
  const Entry& e = *trees_->of_unit[unit];
  const auto& overall = trees_->entries.get<0>();
  const auto first =
      overall.lower_bound(std::make_tuple(e.vetoed, -e.composite, 0u));
  return static_cast<int32_t>(overall.rank(first)) + 1;
}

int32_t RankIndex::GroupRank(size_t unit) const {
  const Entry& e = *trees_->of_unit[unit];
  const auto& by_group = trees_->entries.get<1>();
  const auto group_start =
      by_group.lower_bound(std::make_tuple(e.group, false, -HUGE_VAL, 0u));
  const auto first = by_group.lower_bound(
      std::make_tuple(e.group, e.vetoed, -e.composite, 0u));
  return static_cast<int32_t>(by_group.rank(first) -
                              by_group.rank(group_start)) +
         1;
}

double RankIndex::Composite(size_t unit) const {
  return trees_->of_unit[unit]->composite;
}

size_t RankIndex::units() const { return trees_->of_unit.size(); }

}  // namespace chuangwen
