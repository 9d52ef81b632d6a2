// The web-page reader on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  (void)chuangwen::internal::ReadHtml(
      std::string_view(reinterpret_cast<const char*>(data), size), &text);
  return 0;
}
