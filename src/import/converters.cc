#include "import/converters.h"

#include <vector>

#include "chuangwen/codec.h"
#include "common/subprocess.h"
#include "import/plan_format.h"

namespace chuangwen::internal {
namespace {

// Runs a converter; a failure means the input is damaged or encrypted.
Status Run(const std::vector<std::string>& argv, int timeout_seconds,
           const std::string& what, std::string* out) {
  int exit_status = 0;
  CW_RETURN_IF_ERROR(RunProgram(argv, timeout_seconds, kMaxPlanTextBytes, what,
                                out, &exit_status));
  if (exit_status != 0) {
    return Status::ParseError(what + ": " + argv[0] + " failed (exit status " +
                              std::to_string(exit_status) +
                              "): the file is damaged, encrypted or not read");
  }
  return Status::OK();
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
  CW_RETURN_IF_ERROR(WritePrivateFile(input, pdf));
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
  CW_RETURN_IF_ERROR(WritePrivateFile(input, document));
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
