// The campaign status with roll-up: 10,000 tasks (1,000 parents of 9
// sub-tasks each) with a target each on the sub-tasks, and 100,000 progress
// reports. Target: under 50 ms.
// Run: build/bench/cw_bench_progress --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdio>

#include "chuangwen/progress.h"

namespace chuangwen::bench {
namespace {

struct Fixture {
  std::shared_ptr<const Campaign> campaign;
  std::unique_ptr<ProgressBook> book;
};

const Fixture& Build() {
  static const Fixture f = [] {
    v1::Campaign c;
    c.set_id("bench");
    c.set_name("bench");
    c.set_plan_document_id("plan");
    v1::Document* d = c.add_documents();
    d->set_id("plan");
    d->set_title("plan");
    d->set_issue_date("2025-01-02");
    for (int u = 0; u < 500; ++u) {
      v1::Unit* unit = c.add_units();
      unit->set_id("u" + std::to_string(u));
      unit->set_name("单位" + std::to_string(u));
    }
    int targets = 0;
    for (int p = 0; p < 1000; ++p) {
      v1::Task* parent = c.add_tasks();
      parent->set_id(std::to_string(p + 1));
      parent->set_title("任务");
      parent->set_document_id("plan");
      for (int k = 0; k < 9; ++k) {
        v1::Task* t = c.add_tasks();
        t->set_id(parent->id() + "." + std::to_string(k + 1));
        t->set_title("子任务");
        t->set_parent_id(parent->id());
        t->set_order(k + 1);
        t->set_document_id("plan");
        v1::Assignment* a = c.add_assignments();
        a->set_task_id(t->id());
        a->set_unit_id("u" + std::to_string((p * 9 + k) % 500));
        a->set_role(v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
        v1::Target* target = c.add_targets();
        target->set_id("t" + std::to_string(targets++));
        target->set_task_id(t->id());
        target->set_metric("指标");
        target->set_target(100 + k);
        target->set_start("2025-01-02");
        target->set_deadline("2025-12-31");
        if (k % 3 == 0) {
          v1::Milestone* m = target->add_milestones();
          m->set_date("2025-06-30");
          m->set_share(0.4);
        }
      }
    }
    Fixture out;
    out.campaign = Campaign::Build(std::move(c));
    out.book = std::make_unique<ProgressBook>(out.campaign);
    std::vector<v1::ProgressReport> reports;
    reports.reserve(100000);
    const auto& ts = out.campaign->proto().targets();
    for (int i = 0; i < 100000; ++i) {
      const int t = i % ts.size();
      const int month = 1 + (i / ts.size()) % 11;
      v1::ProgressReport r;
      r.set_id("r" + std::to_string(i));
      r.set_target_id(ts[t].id());
      r.set_unit_id(out.campaign->proto().assignments(t).unit_id());
      char date[16];
      std::snprintf(date, sizeof date, "2025-%02d-25", month);
      r.set_date(date);
      r.set_value(ts[t].target() * month / 12.0 *
                  (0.8 + 0.4 * ((i * 7919) % 100) / 100.0));
      reports.push_back(std::move(r));
    }
    Status s = out.book->Append(reports, "2025-12-31");
    if (!s.ok()) std::fprintf(stderr, "fixture: %s\n", s.ToString().c_str());
    return out;
  }();
  return f;
}

void BM_CampaignStatus_10kTasks_100kReports(benchmark::State& state) {
  const Fixture& f = Build();
  v1::CampaignStatusRequest request;
  request.set_date("2025-09-30");
  v1::CampaignStatus status;
  for (auto _ : state) {
    Status s = f.book->Query(request, &status);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.counters["tasks"] = status.tasks_size();
}
BENCHMARK(BM_CampaignStatus_10kTasks_100kReports)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chuangwen::bench

BENCHMARK_MAIN();
