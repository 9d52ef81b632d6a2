// The .docx reader on any bytes (a damaged or hostile package).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import/docx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  (void)chuangwen::internal::ReadDocx(
      std::string_view(reinterpret_cast<const char*>(data), size), &text);
  return 0;
}
