// What the ledger and store benchmarks share: the example campaign and
// scratch ledger files in /tmp named after the process.
#ifndef CHUANGWEN_BENCH_BENCH_FILES_H_
#define CHUANGWEN_BENCH_BENCH_FILES_H_

#include <unistd.h>

#include <cstdio>
#include <string>

#include "chuangwen/codec.h"
#include "chuangwen/v1/campaign.pb.h"

namespace chuangwen::bench {

// examples/campaign.textproto (CW_EXAMPLE_CAMPAIGN), read once.
inline const v1::Campaign& ExampleCampaign() {
  static const v1::Campaign c = [] {
    v1::Campaign out;
    Status s = DecodeFile(CW_EXAMPLE_CAMPAIGN, Format::kText, &out);
    if (!s.ok()) std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return out;
  }();
  return c;
}

inline std::string TempPath(const std::string& name) {
  return "/tmp/cw-bench-" + std::to_string(getpid()) + "-" + name;
}

// A ledger file with its WAL and shared-memory files.
inline void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"})
    std::remove((path + suffix).c_str());
}

}  // namespace chuangwen::bench

#endif  // CHUANGWEN_BENCH_BENCH_FILES_H_
