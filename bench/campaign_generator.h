// Generated campaigns of any size for benchmarks: a province-scale
// organization (bureaus with sections), people, a leading group, and a
// two-level task tree with lead leaders, responsible and assisting units.
#ifndef CHUANGWEN_BENCH_CAMPAIGN_GENERATOR_H_
#define CHUANGWEN_BENCH_CAMPAIGN_GENERATOR_H_

#include <cstdint>

#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen::bench {

struct CampaignShape {
  int units = 10000;  // One bureau per 100 units, the rest its sections.
  int people = 50000;
  int tasks = 100000;  // One top-level task per 10, the rest sub-tasks.
  int assisting_per_task = 2;
  uint32_t seed = 20170313;
};

v1::Campaign GenerateCampaign(const CampaignShape& shape);

// Adds four phases for `year` and `count` duties owed by random units, with
// a mix of every rule kind (monthly the most common, as in real plans).
void AddDuties(int count, int year, uint32_t seed, v1::Campaign* campaign);

}  // namespace chuangwen::bench

#endif  // CHUANGWEN_BENCH_CAMPAIGN_GENERATOR_H_
