// Helpers shared by the GoogleTest suites.
#ifndef CHUANGWEN_TESTS_TEST_SUPPORT_H_
#define CHUANGWEN_TESTS_TEST_SUPPORT_H_

#include <functional>
#include <string>
#include <vector>

#include "chuangwen/cw.h"
#include "chuangwen/v1/campaign.pb.h"
#include "chuangwen/v1/validation.pb.h"

namespace chuangwen::testing {

// The bundled example campaign (examples/campaign.textproto).
const std::string& ExamplePath();
v1::Campaign LoadExample();

// Problems of `report` with the given code.
std::vector<v1::Problem> ProblemsWithCode(const v1::ValidationReport& report,
                                          v1::ProblemCode code);

// Index of the first assignment of `task` to `party` in `role`; -1 if none.
int FindAssignment(const v1::Campaign& c, const std::string& task,
                   const std::string& party, v1::AssignmentRole role);

// A scratch directory removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs `worker(0)` and `worker(1)` in two forked processes at once; each
// ends with _exit(code). Returns "" when both exited 0, else what happened.
std::string RunInTwoProcesses(const std::function<void(int who)>& worker);

// Bytes the C API returns, freed with cw_free().
struct Bytes {
  uint8_t* data = nullptr;
  size_t size = 0;
  Bytes() = default;
  Bytes(const Bytes&) = delete;
  Bytes& operator=(const Bytes&) = delete;
  ~Bytes() { cw_free(data); }
  std::string str() const {
    return std::string(reinterpret_cast<char*>(data), size);
  }
};

}  // namespace chuangwen::testing

#endif  // CHUANGWEN_TESTS_TEST_SUPPORT_H_
