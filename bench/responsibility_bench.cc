// Responsibility graph at province scale: 10,000 units, 50,000 people and
// 100,000 tasks (about 360,000 assignments). Building the model and the graph,
// and each single-entity query, at the dense layer and as protobuf answers.
// Run: build/bench/cw_bench_responsibility --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true   (medians are the figures)
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "campaign_generator.h"
#include "chuangwen/campaign.h"
#include "chuangwen/responsibility_graph.h"
#include "chuangwen/responsibility_query.h"
#include "chuangwen/validate.h"

namespace chuangwen::bench {
namespace {

const v1::Campaign& Proto() {
  static const v1::Campaign* proto =
      new v1::Campaign(GenerateCampaign(CampaignShape{}));
  return *proto;
}

const Campaign& Model() {
  static const std::shared_ptr<const Campaign> model = Campaign::Build(Proto());
  return *model;
}

// Ids to cycle through, drawn once.
std::vector<std::string> Ids(char prefix, int count, int n = 4096) {
  std::mt19937 rng(7);
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i)
    ids.push_back(prefix + std::to_string(rng() % count));
  return ids;
}

std::vector<std::string> SectionIds() {
  std::vector<std::string> ids;
  for (const std::string& id : Ids('u', 10000)) {
    if (std::stoi(id.substr(1)) % 100 != 0) ids.push_back(id);
  }
  return ids;
}

std::vector<std::string> TaskIds() {
  std::mt19937 rng(11);
  std::vector<std::string> ids;
  for (int i = 0; i < 4096; ++i) {
    ids.push_back(std::to_string(rng() % 10000 + 1) + "." +
                  std::to_string(rng() % 9 + 1));
  }
  return ids;
}

void BM_BuildModel(benchmark::State& state) {
  const v1::Campaign& proto = Proto();
  for (auto _ : state) {
    std::shared_ptr<const Campaign> c =
        Campaign::Build(proto);  // copy + index + validate + graph
    benchmark::DoNotOptimize(c.get());
  }
}
BENCHMARK(BM_BuildModel)->Unit(benchmark::kMillisecond);

void BM_BuildGraph(benchmark::State& state) {
  const Campaign& c = Model();
  for (auto _ : state) {
    ResponsibilityGraph graph(c.proto(), c.index());
    benchmark::DoNotOptimize(&graph);
  }
}
BENCHMARK(BM_BuildGraph)->Unit(benchmark::kMillisecond);

void BM_Validate(benchmark::State& state) {
  const Campaign& c = Model();
  for (auto _ : state) {
    v1::ValidationReport r = Validate(c.proto(), c.index());
    benchmark::DoNotOptimize(r.problems_size());
  }
}
BENCHMARK(BM_Validate)->Unit(benchmark::kMillisecond);

// ---- Dense layer: index lookup + graph walk
// ------------------------------------
void BM_Graph_UnitTasks(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = SectionIds();
  std::vector<Involvement> out;
  size_t i = 0;
  for (auto _ : state) {
    c.graph().TasksOfUnit(c.index().Unit(ids[i++ % ids.size()]), false, &out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_Graph_UnitTasks);

void BM_Graph_PersonTasks(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = Ids('p', 1000);  // Leaders: the people who lead tasks.
  std::vector<Involvement> out;
  size_t i = 0;
  for (auto _ : state) {
    c.graph().TasksOfPerson(c.index().Person(ids[i++ % ids.size()]), &out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_Graph_PersonTasks);

void BM_Graph_TaskParties(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = TaskIds();
  std::vector<int32_t> out;
  size_t i = 0;
  for (auto _ : state) {
    c.graph().AssignmentsOfTask(c.index().Task(ids[i++ % ids.size()]), &out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_Graph_TaskParties);

// ---- Answers by id as protobuf messages (what the C API serves)
// ----------------
void BM_Query_UnitTasks(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = SectionIds();
  v1::PartyTasks out;
  size_t i = 0;
  for (auto _ : state) {
    Status s = QueryUnitTasks(c, ids[i++ % ids.size()], false, &out);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_Query_UnitTasks);

void BM_Query_UnitTasksWithChildren_Section(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = SectionIds();
  v1::PartyTasks out;
  size_t i = 0;
  for (auto _ : state) {
    Status s = QueryUnitTasks(c, ids[i++ % ids.size()], true, &out);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_Query_UnitTasksWithChildren_Section);

// A whole bureau subtree: 100 units, about 3,600 involvements in the answer.
void BM_Query_UnitTasksWithChildren_Bureau(benchmark::State& state) {
  const Campaign& c = Model();
  v1::PartyTasks out;
  int i = 0;
  for (auto _ : state) {
    Status s =
        QueryUnitTasks(c, "u" + std::to_string((i++ % 100) * 100), true, &out);
    benchmark::DoNotOptimize(s.ok());
  }
  state.counters["involvements"] = out.involvements_size();
}
BENCHMARK(BM_Query_UnitTasksWithChildren_Bureau)->Unit(benchmark::kMicrosecond);

void BM_Query_PersonTasks(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = Ids('p', 1000);
  v1::PartyTasks out;
  size_t i = 0;
  for (auto _ : state) {
    Status s = QueryPersonTasks(c, ids[i++ % ids.size()], &out);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_Query_PersonTasks);

void BM_Query_TaskParties(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = TaskIds();
  v1::TaskParties out;
  size_t i = 0;
  for (auto _ : state) {
    Status s = QueryTaskParties(c, ids[i++ % ids.size()], &out);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_Query_TaskParties);

void BM_Query_DocumentChain(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = TaskIds();
  v1::DocumentChain out;
  size_t i = 0;
  for (auto _ : state) {
    Status s = QueryDocumentChain(c, ids[i++ % ids.size()], &out);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_Query_DocumentChain);

void BM_Query_UnitLoad(benchmark::State& state) {
  const Campaign& c = Model();
  const auto ids = Ids('u', 10000);
  size_t i = 0;
  for (auto _ : state) {
    const RoleCounts& k =
        c.graph().UnitLoad(c.index().Unit(ids[i++ % ids.size()]));
    benchmark::DoNotOptimize(k.total);
  }
}
BENCHMARK(BM_Query_UnitLoad);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
