// The agenda of 100,000 recurring duties for a full year (about 1.9 million
// deadlines), on a 10,000-unit campaign. Target: under 200 ms.
// Run: build/bench/cw_bench_schedule --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "campaign_generator.h"
#include "chuangwen/campaign.h"
#include "chuangwen/schedule.h"
#include "chuangwen/status_color.h"

namespace chuangwen::bench {
namespace {

const Campaign& Model() {
  static const std::shared_ptr<const Campaign> model = [] {
    CampaignShape shape;
    shape.tasks = 1000;
    v1::Campaign proto = GenerateCampaign(shape);
    AddDuties(100000, 2025, 99, &proto);
    return Campaign::Build(std::move(proto));
  }();
  return *model;
}

void BM_AgendaFullYear_100kDuties(benchmark::State& state) {
  const Campaign& c = Model();
  if (!c.valid()) state.SkipWithError("generated campaign is not valid");
  AgendaQuery query;
  query.from = Date(2025, 1, 1);
  query.to = Date(2025, 12, 31);
  std::vector<AgendaEntry> entries, scratch;
  for (auto _ : state) {
    Status s = c.schedule().Agenda(query, &entries, nullptr, &scratch);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    benchmark::DoNotOptimize(entries.data());
  }
  state.counters["deadlines"] = static_cast<double>(entries.size());
}
BENCHMARK(BM_AgendaFullYear_100kDuties)->Unit(benchmark::kMillisecond);

// The same without reusing memory between calls: every call allocates and
// first-touches its buffers.
void BM_AgendaFullYear_100kDuties_FreshMemory(benchmark::State& state) {
  const Campaign& c = Model();
  AgendaQuery query;
  query.from = Date(2025, 1, 1);
  query.to = Date(2025, 12, 31);
  for (auto _ : state) {
    std::vector<AgendaEntry> entries;
    Status s = c.schedule().Agenda(query, &entries);
    benchmark::DoNotOptimize(entries.data());
  }
}
BENCHMARK(BM_AgendaFullYear_100kDuties_FreshMemory)
    ->Unit(benchmark::kMillisecond);

// One unit's year as a protobuf answer (what cw_campaign_agenda serves).
void BM_AgendaOneUnitProto(benchmark::State& state) {
  const Campaign& c = Model();
  v1::AgendaRequest request;
  request.set_from("2025-01-01");
  request.set_to("2025-12-31");
  int i = 0;
  v1::Agenda agenda;
  for (auto _ : state) {
    request.set_unit_id("u" + std::to_string((i++ * 37) % 10000));
    Status s = QueryAgenda(c, request, &agenda);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_AgendaOneUnitProto)->Unit(benchmark::kMillisecond);

void BM_StatusOfDeadlines(benchmark::State& state) {
  const Campaign& c = Model();
  AgendaQuery query;
  query.from = Date(2025, 1, 1);
  query.to = Date(2025, 3, 31);
  std::vector<AgendaEntry> entries;
  (void)c.schedule().Agenda(query, &entries);
  std::vector<v1::DatedItem> items;
  for (size_t k = 0; k < entries.size() && k < 100000; ++k) {
    v1::DatedItem item;
    item.set_deadline(boost::gregorian::to_iso_extended_string(entries[k].due));
    items.push_back(item);
  }
  std::vector<v1::ItemStatus> out;
  for (auto _ : state) {
    Status s = EvaluateStatus(c.calendar(), DefaultWarningPolicy(),
                              Date(2025, 2, 14), items, &out);
    benchmark::DoNotOptimize(s.ok());
  }
  state.counters["items"] = static_cast<double>(items.size());
}
BENCHMARK(BM_StatusOfDeadlines)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
