// Running an optional external program (pdftotext, LibreOffice, Chromium)
// safely: found on PATH, given private copies in a fresh directory, stdin
// from /dev/null, its output collected up to a limit, stopped after a
// timeout.
#ifndef CHUANGWEN_SRC_COMMON_SUBPROCESS_H_
#define CHUANGWEN_SRC_COMMON_SUBPROCESS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen::internal {

// A fresh private directory under $TMPDIR (or /tmp), removed with
// everything in it at the end. path() is empty when it could not be made.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Where `program` is on PATH, or "".
std::string Which(const std::string& program);

// Runs `argv` (argv[0] a full path) with stdin from /dev/null, collecting
// its standard output into `out`. IOError when it cannot start or runs past
// `timeout_seconds` (it is killed); InvalidArgument when its output passes
// `max_output` bytes. Otherwise OK, with its exit status in `exit_status`
// (128 + the signal when killed by one).
Status RunProgram(const std::vector<std::string>& argv, int timeout_seconds,
                  size_t max_output, const std::string& what, std::string* out,
                  int* exit_status);

// Writes `bytes` to `path` (a private copy for a program to read).
Status WritePrivateFile(const std::string& path, std::string_view bytes);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_COMMON_SUBPROCESS_H_
