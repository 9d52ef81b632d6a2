// The one place where Status codes map to CW_E* codes, and the thread-local
// last error.
#include <string>

#include "capi_internal.h"

namespace chuangwen::capi {
namespace {

struct LastError {
  int code = CW_OK;
  std::string message;
};

LastError& ThreadError() {
  thread_local LastError error;
  return error;
}

}  // namespace

int CodeOf(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return CW_OK;
    case Status::Code::kInvalidArgument:
      return CW_EINVALID;
    case Status::Code::kNotFound:
      return CW_ENOTFOUND;
    case Status::Code::kParseError:
      return CW_EPARSE;
    case Status::Code::kPermissionDenied:
      return CW_EPERM;
    case Status::Code::kConflict:
      return CW_ECONFLICT;
    case Status::Code::kIOError:
      return CW_EIO;
    case Status::Code::kInternal:
      return CW_EINTERNAL;
    case Status::Code::kBusy:
      return CW_EBUSY;
  }
  return CW_EINTERNAL;
}

int Fail(int code, std::string message) {
  LastError& error = ThreadError();
  error.code = code;
  error.message = std::move(message);
  return code;
}

int Fail(const Status& status) {
  if (status.ok()) return CW_OK;
  return Fail(CodeOf(status.code()), status.message());
}

Status CheckFormat(int format, Format* out) {
  switch (format) {
    case CW_FORMAT_BINARY:
      *out = Format::kBinary;
      return Status::OK();
    case CW_FORMAT_JSON:
      *out = Format::kJson;
      return Status::OK();
    case CW_FORMAT_TEXT:
      *out = Format::kText;
      return Status::OK();
    default:
      return Status::InvalidArgument(
          "format " + std::to_string(format) +
          " is not CW_FORMAT_BINARY, CW_FORMAT_JSON or CW_FORMAT_TEXT");
  }
}

}  // namespace chuangwen::capi

extern "C" {

const char* cw_last_error_message(void) {
  return chuangwen::capi::ThreadError().message.c_str();
}

int cw_last_error_code(void) { return chuangwen::capi::ThreadError().code; }

const char* cw_status_str(int code) {
  switch (code) {
    case CW_OK:
      return "ok";
    case CW_EINVALID:
      return "invalid argument";
    case CW_ENOTFOUND:
      return "not found";
    case CW_EPARSE:
      return "parse error";
    case CW_EPERM:
      return "permission denied";
    case CW_ECONFLICT:
      return "conflict";
    case CW_EIO:
      return "I/O error";
    case CW_ENOMEM:
      return "out of memory";
    case CW_EINTERNAL:
      return "internal error";
    case CW_EBUSY:
      return "busy";
    default:
      return "unknown status code";
  }
}

const char* cw_version(void) { return CW_VERSION; }

int cw_version_number(void) { return CW_VERSION_NUMBER; }

void cw_version_parts(int* major, int* minor, int* patch) {
  if (major != nullptr) *major = CW_VERSION_MAJOR;
  if (minor != nullptr) *minor = CW_VERSION_MINOR;
  if (patch != nullptr) *patch = CW_VERSION_PATCH;
}

}  // extern "C"
