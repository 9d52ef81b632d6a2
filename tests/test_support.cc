#include "test_support.h"

#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "chuangwen/codec.h"

namespace chuangwen::testing {

const std::string& ExamplePath() {
  static const std::string path = CW_EXAMPLE_CAMPAIGN;
  return path;
}

v1::Campaign LoadExample() {
  v1::Campaign c;
  Status s = DecodeFile(ExamplePath(), Format::kText, &c);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  return c;
}

std::vector<v1::Problem> ProblemsWithCode(const v1::ValidationReport& report,
                                          v1::ProblemCode code) {
  std::vector<v1::Problem> out;
  for (const v1::Problem& p : report.problems()) {
    if (p.code() == code) out.push_back(p);
  }
  return out;
}

int FindAssignment(const v1::Campaign& c, const std::string& task,
                   const std::string& party, v1::AssignmentRole role) {
  for (int i = 0; i < c.assignments_size(); ++i) {
    const v1::Assignment& a = c.assignments(i);
    if (a.task_id() == task && a.role() == role &&
        (a.person_id() == party || a.unit_id() == party)) {
      return i;
    }
  }
  return -1;
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/cw-test-XXXXXX";
  path_ = mkdtemp(tmpl);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace chuangwen::testing
