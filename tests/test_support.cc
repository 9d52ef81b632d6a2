#include "test_support.h"

#include <sys/wait.h>
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

std::string RunInTwoProcesses(const std::function<void(int who)>& worker) {
  pid_t children[2];
  for (int who = 0; who < 2; ++who) {
    children[who] = fork();
    if (children[who] < 0) return "fork failed";
    if (children[who] == 0) {
      worker(who);
      _exit(0);
    }
  }
  std::string out;
  for (int who = 0; who < 2; ++who) {
    int status = 0;
    if (waitpid(children[who], &status, 0) != children[who]) {
      out += "process " + std::to_string(who) + " was lost; ";
    } else if (!WIFEXITED(status)) {
      out += "process " + std::to_string(who) + " did not exit; ";
    } else if (WEXITSTATUS(status) != 0) {
      out += "process " + std::to_string(who) + " exited " +
             std::to_string(WEXITSTATUS(status)) + "; ";
    }
  }
  return out;
}

}  // namespace chuangwen::testing
