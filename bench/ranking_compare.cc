// Side-by-side: this library's ranking against SQLite's window functions on
// the same seeded data, in one process. Prints, one per line:
//   ours_ms, sqlite_ms, speedup_vs_sqlite, floor_ms, ratio_to_floor, update_us
//   and query_us (mean, p99, max), index_build_ms
// (plus a few context lines after them). With --only-ours SQLite is skipped,
// so that the peak memory of our path alone can be measured, e.g. with
//   /usr/bin/time -v build/bench/cw_ranking_compare --only-ours
// Options: --units N (1000000), --indicators K (20), --seed S, --runs R (5),
// --duckdb PATH (a libduckdb.so: DuckDB is compared too).
#include <dlfcn.h>
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

#include "bandwidth.h"
#include "chuangwen/rank_index.h"
#include "chuangwen/ranking.h"
#include "ranking_data.h"

namespace {

using chuangwen::bench::Clock;
using chuangwen::bench::MeasureBandwidthGBs;
using chuangwen::bench::Median;
using chuangwen::bench::Ms;

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

// DuckDB, when a libduckdb.so is named (--duckdb PATH; scripts/
// fetch-duckdb.sh puts one in build/duckdb/), through its C API opened with
// dlopen: the same table, loaded with an appender (not timed), the same
// query timed into a table, the ranks read back.
struct DuckDb {
  using Handle = void*;
  int (*open)(const char*, Handle*);
  int (*connect)(Handle, Handle*);
  int (*query)(Handle, const char*, void*);
  void (*destroy_result)(void*);
  const char* (*result_error)(void*);
  uint64_t (*row_count)(void*);
  int64_t (*value_int64)(void*, uint64_t, uint64_t);
  int (*appender_create)(Handle, const char*, const char*, Handle*);
  int (*append_int32)(Handle, int32_t);
  int (*append_double)(Handle, double);
  int (*appender_end_row)(Handle);
  int (*appender_destroy)(Handle*);
  void (*disconnect)(Handle*);
  void (*close)(Handle*);
};

template <typename F>
void Bind(void* lib, const char* name, F* f) {
  *f = reinterpret_cast<F>(dlsym(lib, name));
  if (*f == nullptr) {
    std::fprintf(stderr, "duckdb: %s is missing\n", name);
    std::exit(2);
  }
}

double RunDuckDb(const char* path, const chuangwen::bench::RankingData& d,
                 std::vector<int32_t>* rank, std::vector<int32_t>* group_rank) {
  void* lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    std::fprintf(stderr, "duckdb: %s\n", dlerror());
    std::exit(2);
  }
  DuckDb db{};
  Bind(lib, "duckdb_open", &db.open);
  Bind(lib, "duckdb_connect", &db.connect);
  Bind(lib, "duckdb_query", &db.query);
  Bind(lib, "duckdb_destroy_result", &db.destroy_result);
  Bind(lib, "duckdb_result_error", &db.result_error);
  Bind(lib, "duckdb_row_count", &db.row_count);
  Bind(lib, "duckdb_value_int64", &db.value_int64);
  Bind(lib, "duckdb_appender_create", &db.appender_create);
  Bind(lib, "duckdb_append_int32", &db.append_int32);
  Bind(lib, "duckdb_append_double", &db.append_double);
  Bind(lib, "duckdb_appender_end_row", &db.appender_end_row);
  Bind(lib, "duckdb_appender_destroy", &db.appender_destroy);
  Bind(lib, "duckdb_disconnect", &db.disconnect);
  Bind(lib, "duckdb_close", &db.close);
  DuckDb::Handle database = nullptr, con = nullptr, appender = nullptr;
  alignas(16) unsigned char result[256];  // duckdb_result is 48 bytes.
  auto run = [&](const std::string& sql) {
    if (db.query(con, sql.c_str(), result) != 0) {
      std::fprintf(stderr, "duckdb: %s\n", db.result_error(result));
      std::exit(2);
    }
  };
  if (db.open(nullptr, &database) != 0 || db.connect(database, &con) != 0) {
    std::fprintf(stderr, "duckdb: cannot open an in-memory database\n");
    std::exit(2);
  }
  std::string columns, composite;
  for (size_t j = 0; j < d.indicators; ++j) {
    columns += ", s" + std::to_string(j) + " DOUBLE";
    char w[64];
    // Exponent form: DuckDB reads 0.0526... as a DECIMAL, whose conversion
    // to DOUBLE may differ from the weight in its last bit.
    std::snprintf(w, sizeof w, "%.17e", d.weights[j]);
    composite +=
        (j == 0 ? "" : " + ") + std::string("s") + std::to_string(j) + "*" + w;
  }
  run("CREATE TABLE scores(id INTEGER, grp INTEGER, vetoed INTEGER" + columns +
      ")");
  db.destroy_result(result);
  db.appender_create(con, nullptr, "scores", &appender);
  for (size_t i = 0; i < d.units; ++i) {
    db.append_int32(appender, static_cast<int32_t>(i));
    db.append_int32(appender, d.groups[i]);
    db.append_int32(appender, d.vetoed[i]);
    for (size_t j = 0; j < d.indicators; ++j)
      db.append_double(appender, d.scores[i * d.indicators + j]);
    db.appender_end_row(appender);
  }
  db.appender_destroy(&appender);
  const auto t0 = Clock::now();
  run("CREATE TABLE ranked AS SELECT id, "
      "RANK() OVER (ORDER BY vetoed, composite DESC) AS r, "
      "RANK() OVER (PARTITION BY grp ORDER BY vetoed, composite DESC) AS gr "
      "FROM (SELECT id, grp, vetoed, " +
      composite + " AS composite FROM scores)");
  const double ms = Ms(t0);
  db.destroy_result(result);
  run("SELECT id, r, gr FROM ranked");
  rank->assign(d.units, 0);
  group_rank->assign(d.units, 0);
  for (uint64_t row = 0; row < db.row_count(result); ++row) {
    const auto id = static_cast<size_t>(db.value_int64(result, 0, row));
    (*rank)[id] = static_cast<int32_t>(db.value_int64(result, 1, row));
    (*group_rank)[id] = static_cast<int32_t>(db.value_int64(result, 2, row));
  }
  db.destroy_result(result);
  db.disconnect(&con);
  db.close(&database);
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  size_t units = 1000000, indicators = 20;
  uint64_t seed = 20170313;
  int runs = 5;
  bool only_ours = false;
  const char* duckdb = nullptr;
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
    else if (a == "--duckdb" && i + 1 < argc)
      duckdb = argv[++i];
    else {
      std::fprintf(stderr,
                   "usage: %s [--units N] [--indicators K] [--seed S] [--runs "
                   "R] [--only-ours] [--duckdb LIBDUCKDB_SO]\n",
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

  // Incremental: latency of single-unit updates and of rank queries after
  // the full ranking (mean, 99th percentile, maximum).
  struct Latency {
    double mean = 0, p99 = 0, max = 0;
  };
  auto summarize = [](std::vector<double> v) {
    Latency l;
    std::sort(v.begin(), v.end());
    for (double x : v) l.mean += x;
    l.mean /= static_cast<double>(v.size());
    l.p99 = v[v.size() * 99 / 100];
    l.max = v.back();
    return l;
  };
  Latency update, query;
  double build_ms = 0;
  {
    std::unique_ptr<chuangwen::RankIndex> index;
    auto t0 = Clock::now();
    chuangwen::Status s = chuangwen::RankIndex::Build(
        composite.data(), units, d.vetoed.data(), d.groups.data(), &index);
    build_ms = Ms(t0);
    if (!s.ok()) {
      std::fprintf(stderr, "index: %s\n", s.ToString().c_str());
      return 1;
    }
    std::mt19937_64 rng(seed + 1);
    std::vector<double> updates, queries;
    for (int k = 0; k < 100000; ++k) {
      size_t u = rng() % units;
      double v = static_cast<double>(rng() % 100001) / 1000.0;
      int32_t r = 0, g = 0;
      t0 = Clock::now();
      s = index->Update(u, v, &r, &g);
      updates.push_back(Ms(t0) * 1000.0);
      if (!s.ok() || r < 1 || g < 1) return 1;
      u = rng() % units;
      t0 = Clock::now();
      r = index->Rank(u) + index->GroupRank(u);
      queries.push_back(Ms(t0) * 1000.0);
      if (r < 2) return 1;
    }
    update = summarize(updates);
    query = summarize(queries);
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

  double duckdb_ms = 0;
  if (duckdb != nullptr && !only_ours) {
    std::vector<int32_t> duck_rank, duck_group;
    duckdb_ms = RunDuckDb(duckdb, d, &duck_rank, &duck_group);
    size_t differ = 0, first = units;
    for (size_t u = 0; u < units; ++u) {
      if (duck_rank[u] != rank[u] || duck_group[u] != group_rank[u]) {
        if (differ++ == 0) first = u;
      }
    }
    if (differ > 0) {
      std::fprintf(stderr,
                   "MISMATCH: DuckDB's ranks differ from ours for %zu units "
                   "(first: unit %zu, ours %d/%d, DuckDB %d/%d)\n",
                   differ, first, rank[first], group_rank[first],
                   duck_rank[first], duck_group[first]);
      identical = false;
    }
  }

  std::printf("ours_ms %.3f\n", ours_ms);
  if (duckdb_ms > 0) {
    std::printf("duckdb_ms %.1f\n", duckdb_ms);
    std::printf("speedup_vs_duckdb %.1f\n", duckdb_ms / ours_ms);
  }
  if (only_ours) {
    std::printf("sqlite_ms skipped\nspeedup_vs_sqlite skipped\n");
  } else {
    std::printf("sqlite_ms %.1f\n", sqlite_ms);
    std::printf("speedup_vs_sqlite %.1f\n", sqlite_ms / ours_ms);
  }
  std::printf("floor_ms %.3f\n", floor_ms);
  std::printf("ratio_to_floor %.2f\n", ours_ms / floor_ms);
  std::printf("update_us mean %.2f p99 %.2f max %.1f\n", update.mean,
              update.p99, update.max);
  std::printf("query_us mean %.2f p99 %.2f max %.1f\n", query.mean, query.p99,
              query.max);
  std::printf("index_build_ms %.1f\n", build_ms);
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
      : identical ? (duckdb_ms > 0 ? "identical to SQLite's and DuckDB's"
                                   : "identical to SQLite's")
                  : "DIFFERENT from SQLite");
  return identical ? 0 : 1;
}
