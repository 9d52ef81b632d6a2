// Helper threads kept between the passes of a ranking (and between rankings
// that share a workspace). Starting a thread costs tens of microseconds and a
// ranking has several parallel passes, each waiting for its slowest thread;
// parked workers that spin briefly before sleeping pick the next pass up in
// about a microsecond. Internal to the ranking hot path.
//
// After fork() the child has none of the parent's workers (a Python
// multiprocessing child, say, ranking in a workspace made before the fork):
// the pool notices and starts its own instead of waiting for them forever.
#ifndef CHUANGWEN_SRC_ASSESSMENT_WORKER_POOL_H_
#define CHUANGWEN_SRC_ASSESSMENT_WORKER_POOL_H_

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
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
    if (crew_ == nullptr) return;
    if (crew_->owner != ::getpid()) {  // Forked: the workers are not ours.
      Abandon();
      return;
    }
    {
      std::lock_guard<std::mutex> lock(crew_->mu);
      crew_->stop = true;
      crew_->generation.fetch_add(1, std::memory_order_release);
    }
    crew_->wake.notify_all();
    for (std::thread& t : crew_->workers) t.join();
  }

  // How long a waiting thread spins before it sleeps (default 1 ms; 0:
  // sleep at once, for hosts whose cores are all busy).
  void set_spin(std::chrono::microseconds spin) {
    spin_ = spin;
    if (crew_ != nullptr) crew_->spin_us.store(spin.count());
  }

  // Runs job(0) … job(threads - 1), job(0) on the calling thread, and
  // returns when all are done. An exception from any of them is rethrown
  // here (the first one), after all are done. Not reentrant.
  void Run(int threads, const std::function<void(int)>& job) {
    if (threads <= 1) {
      job(0);
      return;
    }
    if (crew_ != nullptr && crew_->owner != ::getpid()) Abandon();
    if (crew_ == nullptr) {
      crew_ = std::make_unique<Crew>();
      crew_->spin_us.store(spin_.count());
    }
    Crew& c = *crew_;
    while (static_cast<int>(c.workers.size()) < threads - 1) {
      const int index = static_cast<int>(c.workers.size()) + 1;
      c.workers.emplace_back([&c, index] { Work(c, index); });
    }
    {
      std::lock_guard<std::mutex> lock(c.mu);
      c.job = &job;
      c.active = threads;
      c.error = nullptr;
      c.pending.store(threads - 1, std::memory_order_relaxed);
      c.generation.fetch_add(1, std::memory_order_release);
    }
    c.wake.notify_all();
    std::exception_ptr error;
    try {
      job(0);
    } catch (...) {
      error = std::current_exception();
    }
    // Wait for the others (they use the caller's job): spin first, they are
    // usually about done.
    if (!Spin(spin_.count(),
              [&] { return c.pending.load(std::memory_order_acquire) == 0; })) {
      std::unique_lock<std::mutex> lock(c.mu);
      c.done.wait(
          lock, [&] { return c.pending.load(std::memory_order_acquire) == 0; });
    }
    {
      std::lock_guard<std::mutex> lock(c.mu);
      if (error == nullptr) error = c.error;
      c.error = nullptr;
    }
    if (error != nullptr) std::rethrow_exception(error);
  }

 private:
  // By default a thread waiting for the other side spins 1 ms before it
  // sleeps. Waking a sleeping thread can take a good part of a millisecond
  // on a virtual machine (its CPU may have been handed to another guest),
  // more than a ranking pass of a million units spends waiting in all;
  // passes follow each other within this, and so do rankings in a busy
  // service.
  std::chrono::microseconds spin_{1000};

  // Spins until done() or `spin_us` microseconds have passed; returns done().
  template <typename Done>
  static bool Spin(int64_t spin_us, Done done) {
    if (spin_us <= 0) return done();
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::microseconds(spin_us);
    for (unsigned i = 1;; ++i) {
      if (done()) return true;
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
      if ((i & 255) == 0 && std::chrono::steady_clock::now() > until)
        return done();
    }
  }

  // The workers and what they share, in one place so that a forked child
  // can walk away from all of it.
  struct Crew {
    pid_t owner = ::getpid();
    std::mutex mu;
    std::condition_variable wake, done;
    std::atomic<uint64_t> generation{0};
    std::atomic<int> pending{0};
    std::atomic<int64_t> spin_us{1000};
    const std::function<void(int)>* job = nullptr;
    int active = 0;
    bool stop = false;
    std::exception_ptr error;  // A worker's, for Run to rethrow.
    std::vector<std::thread> workers;
  };

  // In a forked child: the parent's threads do not exist here, and its
  // mutex may have been held at the fork. Neither is touched again; the
  // memory is left behind (joining or destroying thread objects of another
  // process would end this one).
  void Abandon() { (void)crew_.release(); }

  static void Work(Crew& c, int index) {
    uint64_t seen = 0;
    for (;;) {
      // Spin for a new generation, then sleep until one comes.
      Spin(c.spin_us.load(std::memory_order_relaxed), [&] {
        return c.generation.load(std::memory_order_acquire) != seen;
      });
      const std::function<void(int)>* job = nullptr;
      int active = 0;
      {
        std::unique_lock<std::mutex> lock(c.mu);
        c.wake.wait(lock, [&] {
          return c.generation.load(std::memory_order_acquire) != seen;
        });
        if (c.stop) return;
        seen = c.generation.load(std::memory_order_acquire);
        job = c.job;
        active = c.active;
      }
      if (index < active) {
        try {
          (*job)(index);
        } catch (...) {
          std::lock_guard<std::mutex> lock(c.mu);
          if (c.error == nullptr) c.error = std::current_exception();
        }
        if (c.pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
          std::lock_guard<std::mutex> lock(c.mu);
          c.done.notify_one();
        }
      }
    }
  }

  std::unique_ptr<Crew> crew_;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_ASSESSMENT_WORKER_POOL_H_
