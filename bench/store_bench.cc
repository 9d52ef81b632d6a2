// The store's costs as what it holds grows (#23): an append of a 100-event
// batch must cost the same with 10^3, 10^5 or 10^6 records stored (within
// 2x); opening must grow linearly with what is stored; catching up after
// another process appended 10^4 records of each kind; reopening a file with
// 10^5 evidence events and 10^5 progress reports.
// Run: build/bench/cw_bench_store --benchmark_repetitions=3
//        --benchmark_report_aggregates_only=true
// Fixtures are built in /tmp once per run (about a minute for 10^6 of each
// kind) and removed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "bench_files.h"
#include "chuangwen/codec.h"
#include "chuangwen/ledger_store.h"

namespace chuangwen::bench {
namespace {


// Evidence: submissions of 市容科's photos by 陈思齐, every other one signed
// off by 韩立群, the task's lead leader.
std::vector<v1::EvidenceEvent> EvidenceBatch(uint64_t first, size_t n) {
  std::vector<v1::EvidenceEvent> out;
  for (uint64_t k = first; out.size() < n; ++k) {
    const std::string sub = "sub-" + std::to_string(k / 2);
    v1::EvidenceEvent e;
    e.set_id("e-" + std::to_string(k));
    if (k % 2 == 0) {
      e.set_actor("chensq");
      e.set_at("2025-03-12T08:00:00+08:00");
      v1::EvidenceSubmission* s = e.mutable_submit();
      s->set_id(sub);
      s->set_requirement_id("ev-srk-photos");
      s->set_file("photos/" + sub + ".jpg");
      s->set_sha256(std::string(64, 'c'));
      s->set_due("2025-03-20");
    } else {
      e.set_actor("hanlq");
      e.set_at("2025-03-14T10:00:00+08:00");
      e.mutable_sign_off()->set_submission_id(sub);
    }
    out.push_back(std::move(e));
  }
  return out;
}

// Progress: 规划建设科's reports on its public toilets, one a day.
std::vector<v1::ProgressReport> ProgressBatch(uint64_t first, size_t n) {
  std::vector<v1::ProgressReport> out;
  for (uint64_t k = first; k < first + n; ++k) {
    v1::ProgressReport r;
    r.set_id("r-" + std::to_string(k));
    r.set_target_id("t-1.4");
    r.set_unit_id("ghk");
    r.set_reported_by("zhengwb");
    r.set_date("2025-10-28");
    r.set_value(static_cast<double>(k % 24));
    out.push_back(std::move(r));
  }
  return out;
}

// Ledger events: one item per two events (issued, then started).
std::vector<v1::LedgerEvent> LedgerBatch(uint64_t first, size_t n) {
  std::vector<v1::LedgerEvent> out;
  for (uint64_t k = first; out.size() < n; ++k) {
    const std::string item = "it-" + std::to_string(k / 2);
    v1::LedgerEvent e;
    e.set_id("l-" + std::to_string(k));
    e.set_item_id(item);
    if (k % 2 == 0) {
      e.set_actor("xul");
      e.set_at("2025-10-13T10:00:00+08:00");
      v1::IssueNotice* n = e.mutable_issue();
      n->set_number("督改〔2025〕" + std::to_string(k / 2) + "号");
      n->set_unit_id("srk");
      n->set_deadline("2025-10-20");
      v1::Finding* f = n->add_findings();
      f->set_id("f");
      f->set_source(v1::DAILY_SUPERVISION);
      f->set_category("占道经营");
      f->set_description("占道");
    } else {
      e.set_actor("chensq");
      e.set_at("2025-10-14T10:00:00+08:00");
      e.mutable_start();
    }
    out.push_back(std::move(e));
  }
  return out;
}

enum Kind { kEvidence = 0, kProgress = 1, kLedger = 2 };
const char* kKindName[] = {"evidence", "progress", "ledger"};

Status AppendKind(LedgerStore* store, Kind kind, uint64_t first, size_t n) {
  switch (kind) {
    case kEvidence:
      return store->AppendEvidence(EvidenceBatch(first, n));
    case kProgress:
      return store->AppendProgress(ProgressBatch(first, n), "");
    case kLedger:
      return store->Append(LedgerBatch(first, n));
  }
  return Status::OK();
}

// Growing stores, one per kind and use; `count` is how many records it
// holds.
struct Grown {
  std::string path;
  uint64_t count = 0;
};

std::vector<std::string>& Made() {
  static std::vector<std::string> paths;
  return paths;
}

Grown& StoreOf(Kind kind, const std::string& use) {
  static std::map<std::string, Grown> stores;
  const std::string name = std::string(kKindName[kind]) + "-" + use;
  Grown& g = stores[name];
  if (g.path.empty()) {
    g.path = TempPath(name + ".db");
    RemoveStore(g.path);
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Create(g.path, ExampleCampaign(), &store);
    if (!s.ok()) std::fprintf(stderr, "fixture: %s\n", s.ToString().c_str());
    if (Made().empty()) {
      std::atexit([] {
        for (const std::string& p : Made()) RemoveStore(p);
      });
    }
    Made().push_back(g.path);
  }
  return g;
}

// Grows a store to at least `n` records (not timed, not fsync'd).
Status GrowTo(Kind kind, const std::string& use, uint64_t n,
              std::unique_ptr<LedgerStore>* out) {
  Grown& g = StoreOf(kind, use);
  LedgerStoreOptions fast;
  fast.full_sync = false;
  std::unique_ptr<LedgerStore> store;
  CW_RETURN_IF_ERROR(LedgerStore::Open(g.path, &store, fast));
  while (g.count < n) {
    const size_t batch = static_cast<size_t>(std::min<uint64_t>(20000, n - g.count));
    CW_RETURN_IF_ERROR(AppendKind(store.get(), kind, g.count, batch));
    g.count += batch;
  }
  store.reset();
  return LedgerStore::Open(g.path, out);  // fsync'd appends from here on.
}

// A durable 100-record batch on a store holding state.range(0) records.
void BM_Append100(benchmark::State& state, Kind kind) {
  std::unique_ptr<LedgerStore> store;
  Status s = GrowTo(kind, "append", static_cast<uint64_t>(state.range(0)),
                    &store);
  if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  Grown& g = StoreOf(kind, "append");
  for (auto _ : state) {
    s = AppendKind(store.get(), kind, g.count, 100);
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
    g.count += 100;
  }
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK_CAPTURE(BM_Append100, evidence, kEvidence)
    ->Arg(1000)->Arg(100000)->Arg(1000000)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Append100, progress, kProgress)
    ->Arg(1000)->Arg(100000)->Arg(1000000)
    ->Unit(benchmark::kMillisecond)->UseRealTime();

// Opening a store of state.range(0) records of one kind.
void BM_Open(benchmark::State& state, Kind kind) {
  const std::string use = "open-" + std::to_string(state.range(0));
  std::unique_ptr<LedgerStore> store;
  Status s = GrowTo(kind, use, static_cast<uint64_t>(state.range(0)), &store);
  if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  store.reset();
  for (auto _ : state) {
    s = LedgerStore::Open(StoreOf(kind, use).path, &store);
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
    state.PauseTiming();
    store.reset();  // Freeing is not part of opening.
    state.ResumeTiming();
  }
  state.counters["records"] = static_cast<double>(StoreOf(kind, use).count);
}
BENCHMARK_CAPTURE(BM_Open, ledger, kLedger)
    ->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_Open, evidence, kEvidence)
    ->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_Open, progress, kProgress)
    ->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Another handle (as another process) appends 10^4 records of each kind;
// this one catches up.
void BM_CatchUp10kOfEachKind(benchmark::State& state) {
  const std::string path = TempPath("catchup.db");
  for (auto _ : state) {
    state.PauseTiming();
    RemoveStore(path);
    std::unique_ptr<LedgerStore> reader, writer;
    LedgerStoreOptions fast;
    fast.full_sync = false;
    Status s = LedgerStore::Create(path, ExampleCampaign(), &reader, fast);
    if (s.ok()) s = LedgerStore::Open(path, &writer, fast);
    for (Kind kind : {kLedger, kEvidence, kProgress}) {
      if (s.ok()) s = AppendKind(writer.get(), kind, 0, 10000);
    }
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
    state.ResumeTiming();
    s = reader->Refresh();
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  }
  RemoveStore(path);
}
BENCHMARK(BM_CatchUp10kOfEachKind)->Unit(benchmark::kMillisecond);

// The issue's case: a file with 10^5 evidence events and 10^5 progress
// reports (114 s and 154 s before, for 10^4 and 5 x 10^4).
void BM_Reopen100kEvidenceAnd100kProgress(benchmark::State& state) {
  const std::string path = TempPath("reopen.db");
  RemoveStore(path);
  {
    std::unique_ptr<LedgerStore> store;
    LedgerStoreOptions fast;
    fast.full_sync = false;
    Status s = LedgerStore::Create(path, ExampleCampaign(), &store, fast);
    for (uint64_t k = 0; s.ok() && k < 100000; k += 10000) {
      s = AppendKind(store.get(), kEvidence, k, 10000);
      if (s.ok()) s = AppendKind(store.get(), kProgress, k, 10000);
    }
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  }
  for (auto _ : state) {
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Open(path, &store);
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  RemoveStore(path);
}
BENCHMARK(BM_Reopen100kEvidenceAnd100kProgress)
    ->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
