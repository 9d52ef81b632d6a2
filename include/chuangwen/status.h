// Status: the outcome of an operation that can fail in an expected way.
//
// Expected failures (bad input, unknown ids, I/O) travel as Status values with
// a message that names the thing and the place; exceptions are reserved for
// bugs and allocation failure. Status is a small value type; copying is cheap
// when ok. Thread safety: distinct objects may be used from distinct threads.
#ifndef CHUANGWEN_STATUS_H_
#define CHUANGWEN_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace chuangwen {

class [[nodiscard]] Status {
 public:
  // Codes map one-to-one onto the C API's CW_E* codes (capi/errors.cc).
  enum class Code {
    kOk = 0,
    kInvalidArgument,   // Input that breaks a rule; the message says which.
    kNotFound,          // A named id or file does not exist.
    kParseError,        // Bytes that are not a valid encoding.
    kPermissionDenied,  // The actor's role does not allow the action.
    kConflict,          // The action conflicts with the current state.
    kIOError,           // Reading or writing failed.
    kInternal,          // A bug.
    kBusy,              // Another process held a lock too long; retry.
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(Code::kNotFound, std::move(msg));
  }
  static Status ParseError(std::string msg) {
    return Status(Code::kParseError, std::move(msg));
  }
  static Status PermissionDenied(std::string msg) {
    return Status(Code::kPermissionDenied, std::move(msg));
  }
  static Status Conflict(std::string msg) {
    return Status(Code::kConflict, std::move(msg));
  }
  static Status IOError(std::string msg) {
    return Status(Code::kIOError, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(Code::kInternal, std::move(msg));
  }
  static Status Busy(std::string msg) {
    return Status(Code::kBusy, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "NotFound: task 2.3 does not exist"; "OK" when ok.
  std::string ToString() const;

  // A copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Name of a code, e.g. "InvalidArgument".
const char* StatusCodeName(Status::Code code);

}  // namespace chuangwen

// Returns early from the enclosing function when `expr` is not ok.
#define CW_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::chuangwen::Status cw_status_ = (expr); \
    if (!cw_status_.ok()) return cw_status_; \
  } while (0)

#endif  // CHUANGWEN_STATUS_H_
