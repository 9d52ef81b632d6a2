// Bytes handed to the caller: malloc'd, NUL-terminated, freed by cw_free().
#include <google/protobuf/message.h>

#include <cstdlib>
#include <cstring>

#include "capi_internal.h"

namespace chuangwen::capi {

Status Required(const void* p, const char* what) {
  if (p != nullptr) return Status::OK();
  return Status::InvalidArgument(std::string(what) + " must not be NULL");
}

void GiveBytes(std::string_view bytes, uint8_t** out, size_t* out_size) {
  auto* buffer = static_cast<uint8_t*>(std::malloc(bytes.size() + 1));
  if (buffer == nullptr) throw std::bad_alloc();
  if (!bytes.empty()) std::memcpy(buffer, bytes.data(), bytes.size());
  buffer[bytes.size()] = 0;
  *out = buffer;
  *out_size = bytes.size();
}

Status GiveMessage(const google::protobuf::Message& message, Format format,
                   uint8_t** out, size_t* out_size) {
  std::string bytes;
  CW_RETURN_IF_ERROR(Encode(message, format, &bytes));
  GiveBytes(bytes, out, out_size);
  return Status::OK();
}

Status DecodeRequest(const uint8_t* data, size_t size, int format,
                     google::protobuf::Message* out, const char* what) {
  if (data == nullptr && size != 0) {
    return Status::InvalidArgument(std::string(what) +
                                   " must not be NULL when its size is not 0");
  }
  Format f;
  CW_RETURN_IF_ERROR(CheckFormat(format, &f));
  return Decode(std::string_view(reinterpret_cast<const char*>(data), size), f,
                out)
      .WithContext(what);
}

}  // namespace chuangwen::capi

extern "C" void cw_free(void* p) { std::free(p); }
