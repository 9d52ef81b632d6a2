#include "chuangwen/status.h"

namespace chuangwen {

const char* StatusCodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kInvalidArgument:
      return "InvalidArgument";
    case Status::Code::kNotFound:
      return "NotFound";
    case Status::Code::kParseError:
      return "ParseError";
    case Status::Code::kPermissionDenied:
      return "PermissionDenied";
    case Status::Code::kConflict:
      return "Conflict";
    case Status::Code::kIOError:
      return "IOError";
    case Status::Code::kInternal:
      return "Internal";
    case Status::Code::kBusy:
      return "Busy";
  }
  return "Unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = StatusCodeName(code_);
  out += ": ";
  out += message_;
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  std::string msg(context);
  msg += ": ";
  msg += message_;
  return Status(code_, std::move(msg));
}

}  // namespace chuangwen
