// Memory read bandwidth, for the benchmarks' floor: the time one read of a
// ranking's input from memory takes.
#ifndef CHUANGWEN_BENCH_BANDWIDTH_H_
#define CHUANGWEN_BENCH_BANDWIDTH_H_

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "timing.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chuangwen::bench {

// Read bandwidth with every core, over `data` itself (so no extra memory).
// Each thread keeps eight sums in named variables, so that they stay in
// registers whatever the optimisation level (an array of sums indexed in an
// inner loop was kept in memory at -O2, and the probe then measured its own
// adds, about half the real bandwidth).
inline double SumRange(const double* d, size_t lo, size_t hi) {
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  size_t i = lo;
  for (; i + 8 <= hi; i += 8) {
    a0 += d[i];
    a1 += d[i + 1];
    a2 += d[i + 2];
    a3 += d[i + 3];
    a4 += d[i + 4];
    a5 += d[i + 5];
    a6 += d[i + 6];
    a7 += d[i + 7];
  }
  for (; i < hi; ++i) a0 += d[i];
  return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

// One full read of `data` with every core, in GB/s. The other threads are
// started and waiting before the clock starts, so that only the reading is
// timed: starting and joining threads inside the timed span made the
// bandwidth look about a tenth lower than it is (and the floor that much
// easier to approach).
inline double ReadGBs(const std::vector<double>& data) {
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<double> partial(threads);
  std::vector<Clock::time_point> done(threads);
  std::atomic<bool> go{false};
  auto part = [&](unsigned t) {
    partial[t] = SumRange(data.data(), data.size() * t / threads,
                          data.size() * (t + 1) / threads);
    done[t] = Clock::now();
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back([&, t] {
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      part(t);
    });
  }
  const auto t0 = Clock::now();
  go.store(true, std::memory_order_release);
  part(0);
  for (auto& th : pool) th.join();
  static volatile double sink = 0;
  for (double p : partial) sink = sink + p;
  const double ms = std::chrono::duration<double, std::milli>(
                        *std::max_element(done.begin(), done.end()) - t0)
                        .count();
  return static_cast<double>(data.size() * sizeof(double)) / (ms * 1e6);
}

// Writes back and drops `bytes` at `p` from every cache level, so that the
// next read of them comes from memory. Returns false where this build knows
// no way to (the reads are then partly from cache).
inline bool EvictFromCaches(const void* p, size_t bytes) {
  const char* c = static_cast<const char*>(p);
#if defined(__SSE2__)
  // 64-byte lines on every current x86; a smaller stride would only repeat.
  for (size_t off = 0; off < bytes; off += 64) _mm_clflush(c + off);
  _mm_mfence();
  return true;
#elif defined(__aarch64__)
  uint64_t ctr;
  asm volatile("mrs %0, ctr_el0" : "=r"(ctr));
  const size_t line = size_t{4} << ((ctr >> 16) & 0xF);  // Smallest D line.
  for (size_t off = 0; off < bytes; off += line)
    asm volatile("dc civac, %0" : : "r"(c + off) : "memory");
  asm volatile("dsb ish" : : : "memory");
  return true;
#else
  (void)c;
  (void)bytes;
  return false;
#endif
}

// Memory read bandwidth: the best of several reads of `data`, each starting
// with `data` out of the caches. Read back to back, part of it is still in
// the last-level cache from the read before: on this project's 2-core
// machines a fifth to a quarter of 160 MB, which made the "bandwidth" about a
// third higher than memory gives (75-82 GB/s, against 58-61 for a flushed
// read, a 1.3 GB read, or a read after 160 MB of other data). The rankings
// find their input in memory, not in cache: between two of them it is pushed
// out by their own traffic (flushing it before each ranking left pass A as
// fast). `warm` gets the best of back-to-back reads, for the context line.
inline double MeasureBandwidthGBs(const std::vector<double>& data, double* warm,
                                  bool* evicted) {
  double best = 0;
  for (int rep = 0; rep < 7; ++rep) {
    *evicted = EvictFromCaches(data.data(), data.size() * sizeof(double));
    best = std::max(best, ReadGBs(data));
  }
  *warm = 0;
  for (int rep = 0; rep < 7; ++rep) *warm = std::max(*warm, ReadGBs(data));
  return best;
}

}  // namespace chuangwen::bench

#endif  // CHUANGWEN_BENCH_BANDWIDTH_H_
