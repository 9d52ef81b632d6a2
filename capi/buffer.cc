// Bytes handed to the caller: malloc'd, NUL-terminated, freed by cw_free().
#include <google/protobuf/message.h>

#include <cstdlib>
#include <cstring>

#include "capi_internal.h"

namespace chuangwen::capi {

int ReturnBytes(std::string_view bytes, uint8_t** out, size_t* out_size) {
  CW_CAPI_REQUIRE(out, "out");
  CW_CAPI_REQUIRE(out_size, "out_size");
  auto* buffer = static_cast<uint8_t*>(std::malloc(bytes.size() + 1));
  if (buffer == nullptr) return Fail(CW_ENOMEM, "out of memory");
  if (!bytes.empty()) std::memcpy(buffer, bytes.data(), bytes.size());
  buffer[bytes.size()] = 0;
  *out = buffer;
  *out_size = bytes.size();
  return CW_OK;
}

int ReturnMessage(const google::protobuf::Message& message, int format,
                  uint8_t** out, size_t* out_size) {
  Format f;
  Status s = CheckFormat(format, &f);
  if (!s.ok()) return Fail(s);
  std::string bytes;
  s = Encode(message, f, &bytes);
  if (!s.ok()) return Fail(s);
  return ReturnBytes(bytes, out, out_size);
}

Status DecodeRequest(const uint8_t* data, size_t size, int format,
                     google::protobuf::Message* out) {
  if (data == nullptr && size != 0) {
    return Status::InvalidArgument(
        "request must not be NULL when its size is not 0");
  }
  Format f;
  CW_RETURN_IF_ERROR(CheckFormat(format, &f));
  return Decode(std::string_view(reinterpret_cast<const char*>(data), size), f,
                out)
      .WithContext("request");
}

}  // namespace chuangwen::capi

extern "C" void cw_free(void* p) { std::free(p); }
