// A ZIP package built in memory with libzip, for the tests and benchmarks
// that make their own .docx files rather than trust binary fixtures.
#ifndef CHUANGWEN_TESTS_ZIP_BUILDER_H_
#define CHUANGWEN_TESTS_ZIP_BUILDER_H_

#include <zip.h>

#include <cstdio>
#include <map>
#include <string>

namespace chuangwen::testing {

// The package of `parts` (name → bytes).
inline std::string Zip(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* s = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(zip);
  std::string out;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  out.resize(static_cast<size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, &out[0], out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace chuangwen::testing

#endif  // CHUANGWEN_TESTS_ZIP_BUILDER_H_
