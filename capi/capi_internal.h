// Internals shared by the C API's translation units: error recording, the
// exception guard and the two shapes every fallible entry point takes. Not
// installed.
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

// InvalidArgument naming `what` when `p` is NULL.
Status Required(const void* p, const char* what);

// `text`, or "" for NULL (optional string arguments).
inline const char* OrEmpty(const char* text) {
  return text == nullptr ? "" : text;
}

// Hands `bytes` to the caller in a malloc'd, NUL-terminated buffer (freed
// with cw_free). Throws std::bad_alloc when memory runs out.
void GiveBytes(std::string_view bytes, uint8_t** out, size_t* out_size);

// Encodes `message` in `format` and hands it over as with GiveBytes.
Status GiveMessage(const google::protobuf::Message& message, Format format,
                   uint8_t** out, size_t* out_size);

// Decodes a request message given as (data, size, format); `what` names it
// in errors.
Status DecodeRequest(const uint8_t* data, size_t size, int format,
                     google::protobuf::Message* out,
                     const char* what = "request");

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

// Every fallible entry point takes one of these shapes, so that argument
// checks, exceptions and the last error are handled in one place.
//
// An action or constructor: body() returns Status.
template <typename Body>
int Run(Body&& body) noexcept {
  return Guard([&] {
    const Status s = body();
    return s.ok() ? CW_OK : Fail(s);
  });
}

// A query answering the message `Answer` in `format`: body(Answer*) returns
// Status. The format and outputs are checked before the query runs; outputs
// are written only on success.
template <typename Answer, typename Body>
int Respond(int format, uint8_t** out, size_t* out_size, Body&& body) noexcept {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    CW_RETURN_IF_ERROR(Required(out_size, "out_size"));
    Format f;
    CW_RETURN_IF_ERROR(CheckFormat(format, &f));
    Answer answer;
    CW_RETURN_IF_ERROR(body(&answer));
    return GiveMessage(answer, f, out, out_size);
  });
}

// A request → response query: the `Request` message, given in
// `request_format`, is decoded first; body(const Request&, Answer*).
template <typename Request, typename Answer, typename Body>
int Respond(const uint8_t* request, size_t request_size, int request_format,
            int format, uint8_t** out, size_t* out_size, Body&& body) noexcept {
  return Respond<Answer>(format, out, out_size, [&](Answer* answer) -> Status {
    Request parsed;
    CW_RETURN_IF_ERROR(
        DecodeRequest(request, request_size, request_format, &parsed));
    return body(parsed, answer);
  });
}

// A query answering plain bytes (text, CSV, a record log): body(std::string*).
template <typename Body>
int RespondBytes(uint8_t** out, size_t* out_size, Body&& body) noexcept {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    CW_RETURN_IF_ERROR(Required(out_size, "out_size"));
    std::string bytes;
    CW_RETURN_IF_ERROR(body(&bytes));
    GiveBytes(bytes, out, out_size);
    return Status::OK();
  });
}

}  // namespace chuangwen::capi

#endif  // CHUANGWEN_CAPI_CAPI_INTERNAL_H_
