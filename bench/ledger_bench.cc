// The supervision ledger's targets: durable batched appends >= 100,000
// events/s; rebuilding the state from 1,000,000 stored events < 2 s; the
// overdue query over 100,000 open items < 20 ms.
// Run: build/bench/cw_bench_ledger --benchmark_repetitions=3
//        --benchmark_report_aggregates_only=true
// The 1M-event store is built once in /tmp (about 10 s) and removed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_files.h"
#include "chuangwen/codec.h"
#include "chuangwen/date.h"
#include "chuangwen/ledger_store.h"

namespace chuangwen::bench {
namespace {

struct Party {
  const char* unit;
  const char* person;
};
constexpr Party kParties[] = {{"srk", "chensq"},  {"hwk", "linxd"},
                              {"ghk", "zhengwb"}, {"xck", "liangxy"},
                              {"zfdd", "hejh"},   {"zfdd1", "gaop"}};
constexpr char kCategories[][16] = {"占道经营", "垃圾清运", "户外广告",
                                    "公益广告", "违章搭建"};


// Events of item `n`: a notice, then up to `steps` of start, submit,
// reject, submit. Items come in time order as an office enters them: 200
// notices a day from 2025-01-01, each step a day after the one before.
void ItemEvents(uint64_t n, int steps, std::vector<v1::LedgerEvent>* out) {
  const Party& p = kParties[n % 6];
  const std::string item = "it-" + std::to_string(n);
  const Date issued =
      Date(2025, 1, 1) + boost::gregorian::days(static_cast<long>(n / 200));
  auto at = [&](int day, int hour) {
    return FormatIsoDate(issued + boost::gregorian::days(day)) + "T" +
           (hour < 10 ? "0" : "") + std::to_string(hour) + ":00:00Z";
  };
  v1::LedgerEvent e;
  e.set_id(item + "-0");
  e.set_item_id(item);
  e.set_actor("xul");
  e.set_at(at(0, 2));
  v1::IssueNotice* notice = e.mutable_issue();
  notice->set_number("督改〔2025〕" + std::to_string(n) + "号");
  notice->set_unit_id(p.unit);
  notice->set_deadline(FormatIsoDate(
      issued + boost::gregorian::days(10 + static_cast<long>(n % 10))));
  v1::Finding* f = notice->add_findings();
  f->set_id("f");
  f->set_source(v1::DAILY_SUPERVISION);
  f->set_found_on(FormatIsoDate(issued));
  f->set_unit_id(p.unit);
  f->set_category(kCategories[n % 5]);
  f->set_severity(v1::GENERAL);
  f->set_description("背街小巷垃圾未及时清运");
  out->push_back(e);
  for (int s = 1; s <= steps; ++s) {
    v1::LedgerEvent x;
    x.set_id(item + "-" + std::to_string(s));
    x.set_item_id(item);
    x.set_at(at(s, 3));
    switch (s) {
      case 1:
        x.set_actor(p.person);
        x.mutable_start();
        break;
      case 2:
      case 4:
        x.set_actor(p.person);
        x.mutable_submit()->add_evidence("photos/" + item + ".jpg");
        break;
      case 3:
        x.set_actor("xul");
        x.set_reason("整改不到位");
        x.mutable_reject()->set_new_deadline(
            FormatIsoDate(issued + boost::gregorian::days(30)));
        break;
    }
    out->push_back(std::move(x));
  }
}

// Batches of N events (N/5 items × 5 events), each batch one durable commit
// (fsync'd).
void BM_DurableAppend(benchmark::State& state) {
  const int items_per_batch = static_cast<int>(state.range(0)) / 5;
  const std::string path = TempPath("append.db");
  RemoveStore(path);
  std::unique_ptr<LedgerStore> store;
  Status s = LedgerStore::Create(path, ExampleCampaign(), &store);
  if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  uint64_t next = 0;
  std::vector<v1::LedgerEvent> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (int i = 0; i < items_per_batch; ++i) ItemEvents(next++, 4, &batch);
    state.ResumeTiming();
    s = store->Append(batch);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  store.reset();
  RemoveStore(path);
}
BENCHMARK(BM_DurableAppend)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The checks and the fold alone, in memory: what the store adds is SQLite.
void BM_MemoryAppend_Batch1000(benchmark::State& state) {
  LedgerOptions options;
  options.keep_events = false;
  Ledger ledger(Campaign::Build(ExampleCampaign()), options);
  uint64_t next = 0;
  std::vector<v1::LedgerEvent> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (int i = 0; i < 200; ++i) ItemEvents(next++, 4, &batch);
    state.ResumeTiming();
    Status s = ledger.Append(batch);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_MemoryAppend_Batch1000)->Unit(benchmark::kMillisecond);

// A store of 1,000,000 events: 200,000 items, 5 events each (the office's
// history of several years across a province's units).
const std::string& MillionEventStore() {
  static const std::string path = [] {
    std::string p = TempPath("1m.db");
    RemoveStore(p);
    std::unique_ptr<LedgerStore> store;
    LedgerStoreOptions options;
    options.full_sync = false;  // Building the fixture only.
    Status s = LedgerStore::Create(p, ExampleCampaign(), &store, options);
    std::vector<v1::LedgerEvent> batch;
    for (uint64_t n = 0; s.ok() && n < 200000; n += 2000) {
      batch.clear();
      for (uint64_t i = n; i < n + 2000; ++i) ItemEvents(i, 4, &batch);
      s = store->Append(batch);
    }
    if (!s.ok()) std::fprintf(stderr, "fixture: %s\n", s.ToString().c_str());
    std::atexit([] { RemoveStore(TempPath("1m.db")); });
    return p;
  }();
  return path;
}

void BM_Rebuild_1MEvents(benchmark::State& state) {
  const std::string& path = MillionEventStore();
  size_t events = 0;
  for (auto _ : state) {
    std::unique_ptr<LedgerStore> store;
    Status s = LedgerStore::Open(path, &store);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    events = store->ledger().event_count();
    state.PauseTiming();
    store.reset();  // Freeing is not part of the rebuild.
    state.ResumeTiming();
  }
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_Rebuild_1MEvents)->Unit(benchmark::kMillisecond)->Iterations(1);

// 100,000 open items (issued and started), all overdue at the query date.
const Ledger& OpenItemsLedger() {
  static const std::unique_ptr<Ledger> ledger = [] {
    LedgerOptions options;
    options.keep_events = false;
    auto l =
        std::make_unique<Ledger>(Campaign::Build(ExampleCampaign()), options);
    std::vector<v1::LedgerEvent> batch;
    for (uint64_t n = 0; n < 100000; ++n) ItemEvents(n, 1, &batch);
    Status s = l->Append(batch);
    if (!s.ok()) std::fprintf(stderr, "fixture: %s\n", s.ToString().c_str());
    return l;
  }();
  return *ledger;
}

void BM_Overdue_100kOpenItems(benchmark::State& state) {
  const Ledger* ledger = &OpenItemsLedger();
  std::vector<OverdueRow> rows;
  for (auto _ : state) {
    Status s = ledger->Overdue("2026-09-30", &rows);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    benchmark::DoNotOptimize(rows.data());
  }
  state.counters["overdue"] = static_cast<double>(rows.size());
}
BENCHMARK(BM_Overdue_100kOpenItems)->Unit(benchmark::kMillisecond);

// The same answered as a protobuf message (what crosses the C API).
void BM_Overdue_100kOpenItems_AsProtobuf(benchmark::State& state) {
  const Ledger& ledger = OpenItemsLedger();
  v1::OpenItemList out;
  for (auto _ : state) {
    Status s = ledger.Overdue("2026-09-30", &out);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    benchmark::DoNotOptimize(out.items_size());
  }
  state.counters["overdue"] = out.items_size();
}
BENCHMARK(BM_Overdue_100kOpenItems_AsProtobuf)->Unit(benchmark::kMillisecond);

// The message built on an arena, as the C API does.
void BM_Overdue_100kOpenItems_AsProtobufOnArena(benchmark::State& state) {
  const Ledger& ledger = OpenItemsLedger();
  int items = 0;
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* out =
        google::protobuf::Arena::CreateMessage<v1::OpenItemList>(&arena);
    Status s = ledger.Overdue("2026-09-30", out);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    items = out->items_size();
  }
  state.counters["overdue"] = items;
}
BENCHMARK(BM_Overdue_100kOpenItems_AsProtobufOnArena)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
