// Helper threads kept between the passes of a ranking (and between rankings
// that share a workspace). Starting a thread costs tens of microseconds and a
// ranking has several parallel passes, each waiting for its slowest thread;
// parked workers that spin briefly before sleeping pick the next pass up in
// about a microsecond. Internal to the ranking hot path.
#ifndef CHUANGWEN_SRC_ASSESSMENT_WORKER_POOL_H_
#define CHUANGWEN_SRC_ASSESSMENT_WORKER_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chuangwen::internal {

class WorkerPool {
 public:
  WorkerPool() = default;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  // Runs job(0) … job(threads - 1), job(0) on the calling thread, and
  // returns when all are done. An exception from any of them is rethrown
  // here (the first one), after all are done. Not reentrant.
  void Run(int threads, const std::function<void(int)>& job) {
    if (threads <= 1) {
      job(0);
      return;
    }
    while (static_cast<int>(workers_.size()) < threads - 1) {
      const int index = static_cast<int>(workers_.size()) + 1;
      workers_.emplace_back([this, index] { Work(index); });
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      job_ = &job;
      active_ = threads;
      error_ = nullptr;
      pending_.store(threads - 1, std::memory_order_relaxed);
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    std::exception_ptr error;
    try {
      job(0);
    } catch (...) {
      error = std::current_exception();
    }
    // Wait for the others (they use the caller's job): spin first, they are
    // usually about done.
    for (int spin = 0; pending_.load(std::memory_order_acquire) != 0; ++spin) {
      if (spin < kSpins) continue;
      std::unique_lock<std::mutex> lock(mu_);
      done_.wait(lock,
                 [&] { return pending_.load(std::memory_order_acquire) == 0; });
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (error == nullptr) error = error_;
      error_ = nullptr;
    }
    if (error != nullptr) std::rethrow_exception(error);
  }

 private:
  static constexpr int kSpins = 1 << 16;

  void Work(int index) {
    uint64_t seen = 0;
    for (;;) {
      // Spin for a new generation, then sleep until one comes.
      uint64_t now = generation_.load(std::memory_order_acquire);
      for (int spin = 0; now == seen && spin < kSpins; ++spin)
        now = generation_.load(std::memory_order_acquire);
      const std::function<void(int)>* job = nullptr;
      int active = 0;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait(lock, [&] {
          return generation_.load(std::memory_order_acquire) != seen;
        });
        if (stop_) return;
        seen = generation_.load(std::memory_order_acquire);
        job = job_;
        active = active_;
      }
      if (index < active) {
        try {
          (*job)(index);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mu_);
          if (error_ == nullptr) error_ = std::current_exception();
        }
        if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
          std::lock_guard<std::mutex> lock(mu_);
          done_.notify_one();
        }
      }
    }
  }

  std::mutex mu_;
  std::condition_variable wake_, done_;
  std::atomic<uint64_t> generation_{0};
  std::atomic<int> pending_{0};
  const std::function<void(int)>* job_ = nullptr;
  std::exception_ptr error_;  // A worker's, for Run to rethrow.
  int active_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_WORKER_POOL_H_
