// Internals shared by the C API's translation units: error recording, the
// exception guard and returning bytes. Not installed.
#ifndef CHUANGWEN_CAPI_CAPI_INTERNAL_H_
#define CHUANGWEN_CAPI_CAPI_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "chuangwen/codec.h"
#include "chuangwen/cw.h"
#include "chuangwen/status.h"

namespace google::protobuf {
class Message;
}

namespace chuangwen::capi {

// Records `status` as this thread's last error and returns its C code.
int Fail(const Status& status);
// Records a failure with an explicit C code.
int Fail(int code, std::string message);

// The single place where Status codes become CW_E* codes.
int CodeOf(Status::Code code);

// Checks a CW_FORMAT_* value for payloads (AUTO is not one).
Status CheckFormat(int format, Format* out);

// Copies `bytes` into a malloc'd, NUL-terminated buffer for the caller.
int ReturnBytes(std::string_view bytes, uint8_t** out, size_t* out_size);

// Encodes `message` in `format` and returns it as with ReturnBytes.
int ReturnMessage(const google::protobuf::Message& message, int format,
                  uint8_t** out, size_t* out_size);

// Decodes a request message given as (data, size, format).
Status DecodeRequest(const uint8_t* data, size_t size, int format,
                     google::protobuf::Message* out);

// Runs `body`, turning any escaping exception into CW_ENOMEM/CW_EINTERNAL.
template <typename Body>
int Guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(CW_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return Fail(CW_EINTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return Fail(CW_EINTERNAL, "internal error: unknown exception");
  }
}

// Fails with CW_EINVALID naming `what` when `p` is NULL.
#define CW_CAPI_REQUIRE(p, what)                                               \
  do {                                                                         \
    if ((p) == nullptr)                                                        \
      return ::chuangwen::capi::Fail(CW_EINVALID,                              \
                                     std::string(what) + " must not be NULL"); \
  } while (0)

}  // namespace chuangwen::capi

#endif  // CHUANGWEN_CAPI_CAPI_INTERNAL_H_
