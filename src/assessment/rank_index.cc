#include "chuangwen/rank_index.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace chuangwen {
namespace {

class Fenwick {
 public:
  void Init(size_t n) { tree_.assign(n + 1, 0); }
  void Add(size_t i, int32_t delta) {
    for (++i; i < tree_.size(); i += i & (~i + 1)) tree_[i] += delta;
  }
  int32_t Prefix(size_t count) const {  // Sum over [0, count).
    int32_t s = 0;
    for (size_t i = count; i > 0; i -= i & (~i + 1)) s += tree_[i];
    return s;
  }
  // Asks for the entries Add(i) and Prefix(count) would touch: their
  // indices follow from i alone, so the lines can all come at once.
  void PrefetchAdd(size_t i) const {
    for (++i; i < tree_.size(); i += i & (~i + 1))
      __builtin_prefetch(tree_.data() + i);
  }
  void PrefetchPrefix(size_t count) const {
    for (size_t i = count; i > 0; i -= i & (~i + 1))
      __builtin_prefetch(tree_.data() + i);
  }

 private:
  std::vector<int32_t> tree_;
};

}  // namespace

// An ordered multiset of (vetoed, value) keys, ahead-first: non-vetoed
// before vetoed, higher value first. `base` holds the initial values, the
// non-vetoed ones in [0, live) descending and the vetoed ones after them.
struct RankIndex::Tree {
  std::vector<double> base;
  size_t live = 0;
  // Per slot (slot = base entries strictly ahead): side values added there,
  // less base entries removed (marked at the first position of their run).
  // One tree for both, so that a rank is one prefix sum.
  Fenwick net;
  struct Side {
    bool vetoed;
    double value;
  };
  // Side values per slot, ahead-first: slot s's are lists[side_of[s]] (list
  // 0 is never used: no side values). Emptied lists are kept for reuse, with
  // their storage, so that an update seldom allocates. Both tables are made
  // on the first insertion: a group's tree may never see one.
  std::vector<uint32_t> side_of;
  std::vector<std::vector<Side>> lists;
  std::vector<uint32_t> spare;

  static bool Ahead(bool av, double a, bool bv, double b) {
    return av != bv ? bv : a > b;
  }

  // Every kStride-th base entry of each part (live, vetoed): a search looks
  // there first (a small array, in the cache), then in one stretch of
  // kStride entries, instead of hopping through the whole base.
  static constexpr size_t kStride = 64;
  std::vector<double> sample[2];

  void Init() {
    net.Init(base.size() + 1);
    side_of.clear();
    lists.clear();
    spare.clear();
    for (int part = 0; part < 2; ++part) {
      const size_t first = part == 0 ? 0 : live;
      const size_t last = part == 0 ? live : base.size();
      sample[part].clear();
      for (size_t i = first; i < last; i += kStride)
        sample[part].push_back(base[i]);
    }
  }
  // Where the base entries ahead of (vetoed, v) end: within [lo, hi).
  struct Stretch {
    size_t lo, hi;
  };
  // The stretch of (vetoed, v)'s slot, from the sample, its lines asked for
  // at once (a binary search would otherwise wait for them one by one).
  Stretch Locate(bool vetoed, double v) const {
    const std::vector<double>& near = sample[vetoed ? 1 : 0];
    const size_t first = vetoed ? live : 0;
    const size_t last = vetoed ? base.size() : live;
    // Sampled entries ahead of v: every entry before the last of them is
    // ahead too, and the first sampled one not ahead bounds the answer.
    const auto j = static_cast<size_t>(
        std::partition_point(near.begin(), near.end(),
                             [&](double b) { return b > v; }) -
        near.begin());
    const Stretch s{j == 0 ? first : first + (j - 1) * kStride + 1,
                    std::min(last, first + j * kStride)};
    for (size_t i = s.lo; i < s.hi; i += 8) __builtin_prefetch(base.data() + i);
    if (s.hi > s.lo) __builtin_prefetch(base.data() + s.hi - 1);
    return s;
  }
  // Base entries ahead of (vetoed, v): those strictly ahead.
  size_t Slot(Stretch s, double v) const {
    return static_cast<size_t>(
        std::partition_point(base.begin() + static_cast<long>(s.lo),
                             base.begin() + static_cast<long>(s.hi),
                             [&](double b) { return b > v; }) -
        base.begin());
  }
  size_t Slot(bool vetoed, double v) const {
    return Slot(Locate(vetoed, v), v);
  }
  int32_t Ahead(bool vetoed, double v) const {
    return AheadAt(Slot(vetoed, v), vetoed, v);
  }
  // Ahead, given (vetoed, v)'s slot.
  int32_t AheadAt(size_t slot, bool vetoed, double v) const {
    int32_t n = static_cast<int32_t>(slot) + net.Prefix(slot);
    if (const uint32_t id = side_of.empty() ? 0 : side_of[slot]; id != 0) {
      const std::vector<Side>& list = lists[id];
      n += static_cast<int32_t>(
          std::partition_point(list.begin(), list.end(),
                               [&](const Side& s) {
                                 return Ahead(s.vetoed, s.value, vetoed, v);
                               }) -
          list.begin());
    }
    return n;
  }
  // Asks for a small tree's base (a group's), wanted next.
  void Prefetch() const {
    if (base.size() > 4 * kStride) return;
    const char* b = reinterpret_cast<const char*>(base.data());
    for (size_t i = 0; i < base.size() * sizeof(double); i += 64)
      __builtin_prefetch(b + i);
  }
  // The removals and Insert, given the value's slot.
  void RemoveBase(size_t slot) { net.Add(slot, -1); }
  void RemoveSide(size_t slot, bool vetoed, double v) {
    const uint32_t id = side_of[slot];
    std::vector<Side>& list = lists[id];
    for (auto it = list.begin(); it != list.end(); ++it) {
      if (it->vetoed == vetoed && it->value == v) {
        list.erase(it);
        break;
      }
    }
    if (list.empty()) {
      side_of[slot] = 0;
      spare.push_back(id);
    }
    net.Add(slot, -1);
  }
  void Insert(size_t slot, bool vetoed, double v) {
    if (side_of.empty()) {
      // Room for a few lists at once: a group's tree would otherwise grow
      // its table of lists one reallocation per update.
      lists.reserve(8);
      lists.resize(1);  // First: side_of is only made once list 0 exists.
      side_of.assign(base.size() + 1, 0);
    }
    uint32_t id = side_of[slot];
    if (id == 0) {
      if (spare.empty()) {
        id = static_cast<uint32_t>(lists.size());
        lists.emplace_back();
      } else {
        id = spare.back();
        spare.pop_back();
      }
      side_of[slot] = id;
    }
    std::vector<Side>& list = lists[id];
    if (list.capacity() == 0) list.reserve(2);  // Lists start short.
    list.insert(
        std::partition_point(
            list.begin(), list.end(),
            [&](const Side& s) { return Ahead(s.vetoed, s.value, vetoed, v); }),
        Side{vetoed, v});
    net.Add(slot, 1);
  }
  // Asks for what an update moving a value from slot `from` (a base entry
  // when `in_base`) to slot `to` reads, so that it all comes at once.
  void PrefetchMove(size_t from, bool in_base, size_t to) const {
    net.PrefetchAdd(from);
    net.PrefetchAdd(to);
    net.PrefetchPrefix(to);
    if (!side_of.empty()) {
      if (!in_base) __builtin_prefetch(side_of.data() + from);
      __builtin_prefetch(side_of.data() + to);
    }
  }
  // Sorts a filled base: live values first (descending), then vetoed.
  void SortBase() {
    std::sort(base.begin(), base.begin() + static_cast<long>(live),
              std::greater<double>());
    std::sort(base.begin() + static_cast<long>(live), base.end(),
              std::greater<double>());
    Init();
  }
};

RankIndex::RankIndex() = default;
RankIndex::~RankIndex() = default;

Status RankIndex::Build(const double* composite, size_t units,
                        const uint8_t* vetoed, const int32_t* groups,
                        std::unique_ptr<RankIndex>* out) {
  std::unique_ptr<RankIndex> index(new RankIndex());
  index->current_.resize(units);
  index->vetoed_.resize(units);
  index->in_base_.assign(units, 1);
  index->group_of_.assign(units, 0);
  std::unordered_map<int32_t, int32_t> dense;
  size_t live = 0;
  for (size_t u = 0; u < units; ++u) {
    double v = composite[u] + 0.0;  // -0.0 ranks with +0.0.
    if (!std::isfinite(v)) {
      return Status::InvalidArgument("unit " + std::to_string(u) +
                                     ": composite is not finite");
    }
    index->current_[u] = v;
    index->vetoed_[u] = vetoed != nullptr && vetoed[u] != 0;
    live += !index->vetoed_[u];
    if (groups != nullptr) {
      if (groups[u] < 0) {
        return Status::InvalidArgument(
            "unit " + std::to_string(u) + ": group id " +
            std::to_string(groups[u]) + " is negative");
      }
      index->group_of_[u] =
          dense.emplace(groups[u], static_cast<int32_t>(dense.size()))
              .first->second;
    }
  }
  // Overall base: live values, then vetoed values.
  index->overall_ = std::make_unique<Tree>();
  Tree& all = *index->overall_;
  all.base.resize(units);
  all.live = live;
  size_t next_live = 0, next_vetoed = live;
  for (size_t u = 0; u < units; ++u) {
    all.base[index->vetoed_[u] ? next_vetoed++ : next_live++] =
        index->current_[u];
  }
  all.SortBase();
  // Group bases, sized by a counting pass.
  index->groups_.resize(std::max<size_t>(dense.size(), 1));
  std::vector<std::pair<size_t, size_t>> sizes(
      index->groups_.size());  // (live, all)
  for (size_t u = 0; u < units; ++u) {
    auto& s = sizes[static_cast<size_t>(index->group_of_[u])];
    s.first += !index->vetoed_[u];
    ++s.second;
  }
  std::vector<std::pair<size_t, size_t>> fill(index->groups_.size());
  for (size_t g = 0; g < index->groups_.size(); ++g) {
    index->groups_[g].base.resize(sizes[g].second);
    index->groups_[g].live = sizes[g].first;
    fill[g] = {0, sizes[g].first};
  }
  for (size_t u = 0; u < units; ++u) {
    size_t g = static_cast<size_t>(index->group_of_[u]);
    size_t at = index->vetoed_[u] ? fill[g].second++ : fill[g].first++;
    index->groups_[g].base[at] = index->current_[u];
  }
  for (Tree& g : index->groups_) g.SortBase();
  *out = std::move(index);
  return Status::OK();
}

Status RankIndex::Update(size_t unit, double composite, int32_t* rank,
                         int32_t* group_rank) {
  if (unit >= current_.size()) {
    return Status::NotFound("unit " + std::to_string(unit) +
                            " is out of range (" +
                            std::to_string(current_.size()) + " units)");
  }
  if (!std::isfinite(composite)) {
    return Status::InvalidArgument("unit " + std::to_string(unit) +
                                   ": composite is not finite");
  }
  Tree& group = groups_[static_cast<size_t>(group_of_[unit])];
  // The group's tree is wanted after the overall one's work: asked for now,
  // it arrives meanwhile.
  for (size_t b = 0; b < sizeof(Tree); b += 64)
    __builtin_prefetch(reinterpret_cast<const char*>(&group) + b);
  const bool vetoed = vetoed_[unit] != 0;
  const double old = current_[unit];
  const double now = composite + 0.0;
  const bool in_base = in_base_[unit] != 0;
  // The old and the new value's slots, searched side by side, and then
  // what moving between them touches asked for at once: each step's lines
  // arrive together instead of one wait after another.
  Tree& all = *overall_;
  const Tree::Stretch from_near = all.Locate(vetoed, old);
  const Tree::Stretch to_near = all.Locate(vetoed, now);
  group.Prefetch();
  const size_t from = all.Slot(from_near, old);
  const size_t to = all.Slot(to_near, now);
  all.PrefetchMove(from, in_base, to);
  const size_t group_from = group.Slot(vetoed, old);
  const size_t group_to = group.Slot(vetoed, now);
  group.PrefetchMove(group_from, in_base, group_to);
  if (in_base) {
    all.RemoveBase(from);
    group.RemoveBase(group_from);
    in_base_[unit] = 0;
  } else {
    all.RemoveSide(from, vetoed, old);
    group.RemoveSide(group_from, vetoed, old);
  }
  all.Insert(to, vetoed, now);
  group.Insert(group_to, vetoed, now);
  current_[unit] = now;
  // The slots just found, not searched for again.
  if (rank != nullptr) *rank = 1 + all.AheadAt(to, vetoed, now);
  if (group_rank != nullptr)
    *group_rank = 1 + group.AheadAt(group_to, vetoed, now);
  return Status::OK();
}

int32_t RankIndex::Rank(size_t unit) const {
  return 1 + overall_->Ahead(vetoed_[unit] != 0, current_[unit]);
}

int32_t RankIndex::GroupRank(size_t unit) const {
  return 1 + groups_[static_cast<size_t>(group_of_[unit])].Ahead(
                 vetoed_[unit] != 0, current_[unit]);
}

}  // namespace chuangwen
