// One thread's records, appended partition by partition while the
// composites are computed, before anyone knows how many each partition will
// get: each partition fills blocks of kBlock records taken from the thread's
// arena in turn. Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_PARTITION_WRITER_H_
#define CHUANGWEN_SRC_ASSESSMENT_PARTITION_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "assessment/partition_sort.h"

namespace chuangwen::internal {

class PartitionWriter {
 public:
  static constexpr size_t kBlock = 64;

  // Starts over with `partitions` partitions, writing into `arena`, which
  // holds at least records + partitions × kBlock records.
  void Reset(size_t partitions, RankRecord* arena) {
    arena_ = arena;
    used_ = 0;
    slots_.assign(partitions, Slot{nullptr, nullptr});
    blocks_.resize(partitions);
    for (auto& b : blocks_) b.clear();
  }

  void Add(uint32_t partition, const RankRecord& record) {
    Slot& s = slots_[partition];
    if (s.next == s.end) NewBlock(partition);
    *s.next++ = record;
  }

  size_t Count(size_t partition) const {
    const std::vector<uint32_t>& b = blocks_[partition];
    if (b.empty()) return 0;
    return (b.size() - 1) * kBlock +
           static_cast<size_t>(slots_[partition].next - (arena_ + b.back()));
  }

  // Calls f(first, count) for each run of the partition's records, in the
  // order they were added.
  template <typename F>
  void ForEachRun(size_t partition, F f) const {
    const std::vector<uint32_t>& b = blocks_[partition];
    for (size_t i = 0; i < b.size(); ++i) {
      const RankRecord* first = arena_ + b[i];
      f(first, i + 1 < b.size()
                   ? kBlock
                   : static_cast<size_t>(slots_[partition].next - first));
    }
  }

 private:
  struct Slot {
    RankRecord* next;
    RankRecord* end;
  };
  void NewBlock(uint32_t partition) {
    blocks_[partition].push_back(static_cast<uint32_t>(used_));
    slots_[partition] = Slot{arena_ + used_, arena_ + used_ + kBlock};
    used_ += kBlock;
  }

  RankRecord* arena_ = nullptr;
  size_t used_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::vector<uint32_t>> blocks_;  // Arena offsets, in order.
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_PARTITION_WRITER_H_
