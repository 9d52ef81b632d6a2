// A set of ids kept in insertion order with an open-addressing index: no
// allocation per id (short ids live inside their std::string), one probe run
// per lookup. Removal is only from the end, which is all that undoing a batch
// needs. A million event ids fold in a fraction of what a node-based
// std::unordered_set takes.
#ifndef CHUANGWEN_SRC_LEDGER_ID_INDEX_H_
#define CHUANGWEN_SRC_LEDGER_ID_INDEX_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace chuangwen::internal {

class IdIndex {
 public:
  static constexpr int64_t kAbsent = -1;

  size_t size() const { return ids_.size(); }
  const std::string& at(size_t i) const { return ids_[i]; }

  // The position of `id` in insertion order, or kAbsent.
  int64_t Find(std::string_view id) const {
    if (slots_.empty()) return kAbsent;
    for (size_t s = Hash(id) & mask_;; s = (s + 1) & mask_) {
      const uint32_t v = slots_[s];
      if (v == 0) return kAbsent;
      if (ids_[v - 1] == id) return v - 1;
    }
  }
  bool Contains(std::string_view id) const { return Find(id) != kAbsent; }

  // Adds `id` at the end; false (and nothing added) if it is present.
  bool Insert(std::string_view id) {
    if ((ids_.size() + 1) * 4 > slots_.size() * 3) Grow();
    size_t s = Hash(id) & mask_;
    for (;; s = (s + 1) & mask_) {
      const uint32_t v = slots_[s];
      if (v == 0) break;
      if (ids_[v - 1] == id) return false;
    }
    ids_.emplace_back(id);
    slots_[s] = static_cast<uint32_t>(ids_.size());
    return true;
  }

  // Keeps the first `n` ids, removing the later ones.
  void Truncate(size_t n) {
    while (ids_.size() > n) {
      size_t s = Hash(ids_.back()) & mask_;
      while (slots_[s] != ids_.size()) s = (s + 1) & mask_;
      // Backward-shift deletion keeps every probe run unbroken.
      size_t hole = s;
      for (size_t next = (hole + 1) & mask_; slots_[next] != 0;
           next = (next + 1) & mask_) {
        const size_t home = Hash(ids_[slots_[next] - 1]) & mask_;
        // Move the entry back if its home is not in (hole, next].
        if (((next - home) & mask_) >= ((next - hole) & mask_)) {
          slots_[hole] = slots_[next];
          hole = next;
        }
      }
      slots_[hole] = 0;
      ids_.pop_back();
    }
  }

  void Reserve(size_t n) {
    ids_.reserve(n);
    while (n * 4 > slots_.size() * 3) Grow();
  }

 private:
  static size_t Hash(std::string_view id) {
    return std::hash<std::string_view>()(id);
  }
  void Grow() {
    const size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (size_t i = 0; i < ids_.size(); ++i) {
      size_t s = Hash(ids_[i]) & mask_;
      while (slots_[s] != 0) s = (s + 1) & mask_;
      slots_[s] = static_cast<uint32_t>(i + 1);
    }
  }

  std::vector<std::string> ids_;
  std::vector<uint32_t> slots_;  // Position + 1; 0 is empty.
  size_t mask_ = 0;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_LEDGER_ID_INDEX_H_
