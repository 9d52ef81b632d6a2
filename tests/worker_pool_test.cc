// The ranking's worker pool: every index of every job runs exactly once, on
// as many threads as asked, job after job, with the pool growing as needed.
#include "assessment/worker_pool.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace chuangwen::internal {
namespace {

TEST(WorkerPoolTest, RunsEachIndexOnceJobAfterJob) {
  WorkerPool pool;
  for (int round = 0; round < 2000; ++round) {
    const int threads = 1 + round % 4;
    std::vector<std::atomic<int>> hits(static_cast<size_t>(threads));
    pool.Run(threads, [&](int t) { hits[static_cast<size_t>(t)]++; });
    for (int t = 0; t < threads; ++t)
      ASSERT_EQ(hits[static_cast<size_t>(t)].load(), 1)
          << "round " << round << ", index " << t;
  }
}

TEST(WorkerPoolTest, IndexZeroOnTheCallerOthersElsewhere) {
  WorkerPool pool;
  std::vector<std::thread::id> ran(3);
  pool.Run(3, [&](int t) {
    ran[static_cast<size_t>(t)] = std::this_thread::get_id();
  });
  EXPECT_EQ(ran[0], std::this_thread::get_id());
  EXPECT_EQ(std::set<std::thread::id>(ran.begin(), ran.end()).size(), 3u);
  // Results written by workers are visible once Run returns.
  std::vector<int> out(3, 0);
  for (int round = 0; round < 100; ++round) {
    pool.Run(3, [&](int t) { out[static_cast<size_t>(t)] = round + t; });
    for (int t = 0; t < 3; ++t)
      ASSERT_EQ(out[static_cast<size_t>(t)], round + t);
  }
}

TEST(WorkerPoolTest, AnExceptionReachesTheCallerAfterAllAreDone) {
  WorkerPool pool;
  for (int thrower : {0, 1, 2}) {
    std::atomic<int> finished{0};
    try {
      pool.Run(3, [&](int t) {
        if (t == thrower) throw std::runtime_error("job " + std::to_string(t));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        finished++;
      });
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "job " + std::to_string(thrower));
    }
    EXPECT_EQ(finished.load(), 2);  // The others ran to the end first.
  }
  // The pool still works.
  std::atomic<int> ran{0};
  pool.Run(3, [&](int) { ran++; });
  EXPECT_EQ(ran.load(), 3);
}

TEST(WorkerPoolTest, AForkedChildStartsItsOwnWorkers) {
  WorkerPool pool;
  std::atomic<int> ran{0};
  pool.Run(3, [&](int) { ran++; });  // The parent's workers now exist.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    alarm(30);  // A hang fails the test instead of blocking it.
    std::atomic<int> in_child{0};
    pool.Run(3, [&](int) { in_child++; });
    _exit(in_child.load() == 3 ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status)) << "the child hung or crashed";
  EXPECT_EQ(WEXITSTATUS(status), 0);
  pool.Run(3, [&](int) { ran++; });  // The parent's pool is untouched.
  EXPECT_EQ(ran.load(), 6);
}

}  // namespace
}  // namespace chuangwen::internal
