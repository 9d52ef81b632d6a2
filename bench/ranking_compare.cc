// Side-by-side: this library's ranking against SQLite's window functions on
// the same seeded data, in one process. Prints, one per line:
//   ours_ms, sqlite_ms, speedup_vs_sqlite, floor_ms, ratio_to_floor, update_us
// (plus a few context lines after them). With --only-ours SQLite is skipped,
// so that the peak memory of our path alone can be measured, e.g. with
//   /usr/bin/time -v build/bench/cw_ranking_compare --only-ours
// Options: --units N (1000000), --indicators K (20), --seed S, --runs R (5).
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "chuangwen/rank_index.h"
#include "chuangwen/ranking.h"
#include "ranking_data.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since)
      .count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Read bandwidth with every core, over `data` itself (so no extra memory).
// Each thread keeps eight sums in named variables, so that they stay in
// registers whatever the optimisation level (an array of sums indexed in an
// inner loop was kept in memory at -O2, and the probe then measured its own
// adds, about half the real bandwidth).
double SumRange(const double* d, size_t lo, size_t hi) {
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
double ReadGBs(const std::vector<double>& data) {
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
bool EvictFromCaches(const void* p, size_t bytes) {
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
double MeasureBandwidthGBs(const std::vector<double>& data, double* warm,
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

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(2);
  }
}

// Loads the data into an in-memory table (not timed), then times the ranking
// query materialised into a table, and reads the ranks back.
double RunSqlite(const chuangwen::bench::RankingData& d,
                 std::vector<int32_t>* rank, std::vector<int32_t>* group_rank) {
  sqlite3* db = nullptr;
  Check(sqlite3_open(":memory:", &db), db, "open");
  std::string columns, placeholders, composite;
  for (size_t j = 0; j < d.indicators; ++j) {
    columns += ", s" + std::to_string(j) + " REAL";
    placeholders += ", ?";
    char w[64];
    std::snprintf(w, sizeof w, "%.17g", d.weights[j]);
    composite +=
        (j == 0 ? "" : " + ") + std::string("s") + std::to_string(j) + "*" + w;
  }
  Check(sqlite3_exec(db,
                     ("CREATE TABLE scores(id INTEGER PRIMARY KEY, grp "
                      "INTEGER, vetoed INTEGER" +
                      columns + ")")
                         .c_str(),
                     nullptr, nullptr, nullptr),
        db, "create");
  Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* insert = nullptr;
  Check(sqlite3_prepare_v2(
            db,
            ("INSERT INTO scores VALUES(?, ?, ?" + placeholders + ")").c_str(),
            -1, &insert, nullptr),
        db, "prepare insert");
  for (size_t i = 0; i < d.units; ++i) {
    sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_int(insert, 2, d.groups[i]);
    sqlite3_bind_int(insert, 3, d.vetoed[i]);
    for (size_t j = 0; j < d.indicators; ++j) {
      sqlite3_bind_double(insert, static_cast<int>(4 + j),
                          d.scores[i * d.indicators + j]);
    }
    Check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");

  const std::string query =
      "CREATE TABLE ranked AS SELECT id, "
      "RANK() OVER (ORDER BY vetoed, composite DESC) AS r, "
      "RANK() OVER (PARTITION BY grp ORDER BY vetoed, composite DESC) AS gr "
      "FROM (SELECT id, grp, vetoed, " +
      composite + " AS composite FROM scores)";
  auto t0 = Clock::now();
  Check(sqlite3_exec(db, query.c_str(), nullptr, nullptr, nullptr), db, "rank");
  double ms = Ms(t0);

  sqlite3_stmt* read = nullptr;
  Check(sqlite3_prepare_v2(db, "SELECT id, r, gr FROM ranked", -1, &read,
                           nullptr),
        db, "read");
  rank->assign(d.units, 0);
  group_rank->assign(d.units, 0);
  while (sqlite3_step(read) == SQLITE_ROW) {
    size_t id = static_cast<size_t>(sqlite3_column_int64(read, 0));
    (*rank)[id] = sqlite3_column_int(read, 1);
    (*group_rank)[id] = sqlite3_column_int(read, 2);
  }
  sqlite3_finalize(read);
  sqlite3_close(db);
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  size_t units = 1000000, indicators = 20;
  uint64_t seed = 20170313;
  int runs = 5;
  bool only_ours = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", name);
        std::exit(2);
      }
      return std::strtoull(argv[++i], nullptr, 10);
    };
    if (a == "--units")
      units = value("--units");
    else if (a == "--indicators")
      indicators = value("--indicators");
    else if (a == "--seed")
      seed = value("--seed");
    else if (a == "--runs")
      runs = static_cast<int>(value("--runs"));
    else if (a == "--only-ours")
      only_ours = true;
    else {
      std::fprintf(stderr,
                   "usage: %s [--units N] [--indicators K] [--seed S] [--runs "
                   "R] [--only-ours]\n",
                   argv[0]);
      return 2;
    }
  }
  const auto d = chuangwen::bench::MakeRankingData(units, indicators, seed);
  std::vector<int32_t> rank(units), group_rank(units);
  std::vector<double> composite(units);
  chuangwen::RankInput in{d.scores.data(),  units,           indicators,
                          d.weights.data(), d.vetoed.data(), d.groups.data()};

  // Ours: the first ranking maps its scratch memory (cold); the median of the
  // next `runs` rankings, reusing it as a ranking service would, is ours_ms.
  double cold_ms = 0;
  std::vector<double> times;
  {
    chuangwen::RankWorkspace workspace;
    for (int r = 0; r <= runs; ++r) {
      auto t0 = Clock::now();
      chuangwen::Status s = chuangwen::RankArrays(
          in, chuangwen::RankOptions{},
          chuangwen::RankOutput{rank.data(), group_rank.data(),
                                composite.data()},
          &workspace);
      (r == 0 ? cold_ms : times.emplace_back()) = Ms(t0);
      if (!s.ok()) {
        std::fprintf(stderr, "ranking failed: %s\n", s.ToString().c_str());
        return 1;
      }
    }
  }  // The workspace is released before the index is built.
  const double ours_ms = Median(times);

  // The floor, measured right after the rankings (so that a change in the
  // machine's load between the two counts as little as it can).
  double warm_bandwidth = 0;
  bool evicted = false;
  const double bandwidth =
      MeasureBandwidthGBs(d.scores, &warm_bandwidth, &evicted);
  const double floor_ms =
      static_cast<double>(units * indicators * 8) / (bandwidth * 1e6);

  // Incremental: median latency of single-unit updates after the full ranking.
  double update_us = 0;
  {
    std::unique_ptr<chuangwen::RankIndex> index;
    chuangwen::Status s = chuangwen::RankIndex::Build(
        composite.data(), units, d.vetoed.data(), d.groups.data(), &index);
    if (!s.ok()) {
      std::fprintf(stderr, "index: %s\n", s.ToString().c_str());
      return 1;
    }
    std::mt19937_64 rng(seed + 1);
    std::vector<double> lat;
    for (int k = 0; k < 20000; ++k) {
      size_t u = rng() % units;
      double v = static_cast<double>(rng() % 100001) / 1000.0;
      int32_t r = 0, g = 0;
      auto t0 = Clock::now();
      s = index->Update(u, v, &r, &g);
      lat.push_back(Ms(t0) * 1000.0);
      if (!s.ok() || r < 1 || g < 1) return 1;
    }
    update_us = Median(lat);
  }

  double sqlite_ms = 0;
  bool identical = true;
  if (!only_ours) {
    std::vector<int32_t> sql_rank, sql_group;
    sqlite_ms = RunSqlite(d, &sql_rank, &sql_group);
    identical = sql_rank == rank && sql_group == group_rank;
    if (!identical) {
      size_t bad = 0;
      while (bad < units && sql_rank[bad] == rank[bad] &&
             sql_group[bad] == group_rank[bad])
        ++bad;
      std::fprintf(stderr, "MISMATCH at unit %zu: ours %d/%d, sqlite %d/%d\n",
                   bad, rank[bad], group_rank[bad], sql_rank[bad],
                   sql_group[bad]);
    }
  }

  std::printf("ours_ms %.3f\n", ours_ms);
  if (only_ours) {
    std::printf("sqlite_ms skipped\nspeedup_vs_sqlite skipped\n");
  } else {
    std::printf("sqlite_ms %.1f\n", sqlite_ms);
    std::printf("speedup_vs_sqlite %.1f\n", sqlite_ms / ours_ms);
  }
  std::printf("floor_ms %.3f\n", floor_ms);
  std::printf("ratio_to_floor %.2f\n", ours_ms / floor_ms);
  std::printf("update_us %.3f\n", update_us);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  // Both in decimal megabytes (ru_maxrss counts kibibytes).
  const double input_mb = static_cast<double>(units * indicators * 8) / 1e6;
  const double peak_mb = static_cast<double>(usage.ru_maxrss) * 1024.0 / 1e6;
  std::printf("# cold first ranking %.3f ms (fresh scratch memory)\n", cold_ms);
  std::printf(
      "# units %zu, indicators %zu, bandwidth %.1f GB/s (%s; %.1f GB/s read "
      "back to back without flushing), input %.1f MB, peak rss %.1f MB "
      "(%.2f x the input), ranks %s\n",
      units, indicators, bandwidth,
      evicted ? "from memory" : "caches not flushed: no way known here",
      warm_bandwidth, input_mb, peak_mb, peak_mb / input_mb,
      only_ours   ? "not compared"
      : identical ? "identical to SQLite"
                  : "DIFFERENT from SQLite");
  return identical ? 0 : 1;
}
