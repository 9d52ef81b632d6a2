#include "import/converters.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "chuangwen/codec.h"
#include "import/plan_format.h"

extern char** environ;

namespace chuangwen::internal {
namespace {

namespace fs = std::filesystem;

// A fresh private directory, removed with everything in it at the end.
class ScratchDir {
 public:
  ScratchDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") +
        "/chuangwen-import-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) != nullptr) path_ = buf.data();
  }
  ~ScratchDir() {
    if (path_.empty()) return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Where `program` is on PATH, or "".
std::string Which(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate =
        (end > start ? dirs.substr(start, end - start) : ".") + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

// Runs `argv` (argv[0] a full path) with stdin from /dev/null; collects its
// standard output, stopping it after `timeout_seconds`.
Status Run(const std::vector<std::string>& argv, int timeout_seconds,
           const std::string& what, std::string* out) {
  int pipefd[2];
  if (pipe2(pipefd, O_CLOEXEC) != 0)
    return Status::IOError(what + ": cannot make a pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr,
                             args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipefd[1]);
  if (rc != 0) {
    close(pipefd[0]);
    return Status::IOError(what + ": cannot start " + argv[0] + ": " +
                           std::strerror(rc));
  }
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false, too_big = false;
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{pipefd[0], POLLIN, 0};
    const int ready =
        poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = read(pipefd[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > kMaxPlanTextBytes) {
      too_big = true;
      break;
    }
  }
  close(pipefd[0]);
  if (timed_out || too_big) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return Status::IOError(what + ": " + argv[0] + " did not finish within " +
                           std::to_string(timeout_seconds) + " s");
  }
  if (too_big) {
    return Status::InvalidArgument(what + ": the text is over " +
                                   std::to_string(kMaxPlanTextBytes >> 20) +
                                   " MB; it is refused");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::ParseError(what + ": " + argv[0] + " failed (exit status " +
                              std::to_string(WIFEXITED(status)
                                                 ? WEXITSTATUS(status)
                                                 : 128 + WTERMSIG(status)) +
                              "): the file is damaged, encrypted or not read");
  }
  return Status::OK();
}

Status WriteInput(const std::string& path, std::string_view bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return f.good() ? Status::OK()
                  : Status::IOError("cannot write a private copy to " + path);
}

}  // namespace

Status PdfToLayoutText(std::string_view pdf, std::string* text) {
  const std::string program = Which("pdftotext");
  if (program.empty()) {
    return Status::ParseError(
        "this is a PDF: reading it needs pdftotext, which is not installed "
        "(Debian: apt install poppler-utils)");
  }
  ScratchDir dir;
  if (dir.path().empty())
    return Status::IOError("cannot make a private directory");
  const std::string input = dir.path() + "/plan.pdf";
  CW_RETURN_IF_ERROR(WriteInput(input, pdf));
  text->clear();
  return Run({program, "-layout", "-enc", "UTF-8", "-eol", "unix", input, "-"},
             kPdfTimeoutSeconds, "PDF", text);
}

Status OfficeToDocx(std::string_view document, const char* suffix,
                    std::string* docx) {
  std::string program = Which("soffice");
  if (program.empty()) program = Which("libreoffice");
  if (program.empty()) {
    return Status::ParseError(
        std::string("this is a .") + suffix +
        " document: reading it needs LibreOffice, which is not installed "
        "(Debian: apt install libreoffice-writer-nogui), or save it as .docx "
        "and import that");
  }
  ScratchDir dir;
  if (dir.path().empty())
    return Status::IOError("cannot make a private directory");
  const std::string input = dir.path() + "/plan." + suffix;
  CW_RETURN_IF_ERROR(WriteInput(input, document));
  // A private profile: LibreOffice refuses a second instance on a shared one,
  // and must not touch the user's.
  std::string ignored;
  CW_RETURN_IF_ERROR(
      Run({program, "-env:UserInstallation=file://" + dir.path() + "/profile",
           "--headless", "--norestore", "--convert-to", "docx", "--outdir",
           dir.path() + "/out", input},
          kOfficeTimeoutSeconds, std::string(".") + suffix, &ignored));
  Status s = ReadFile(dir.path() + "/out/plan.docx", docx);
  if (!s.ok()) {
    return Status::ParseError(std::string("LibreOffice could not read the .") +
                              suffix + " document: it is damaged or encrypted");
  }
  return Status::OK();
}

}  // namespace chuangwen::internal
