#include "output.h"

#include <filesystem>
#include <system_error>

#include "chuangwen/codec.h"

namespace cw {

std::string CleanPath(const std::string& path) {
  if (path.empty()) return path;
  return std::filesystem::path(path).lexically_normal().string();
}

chuangwen::Status WriteOutput(const std::string& path, std::string_view bytes) {
  const std::filesystem::path parent =
      std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code error;
    std::filesystem::create_directories(parent, error);
    if (error) {
      return chuangwen::Status::IOError("cannot make folder " +
                                        CleanPath(parent.string()) + ": " +
                                        error.message());
    }
  }
  return chuangwen::WriteFile(CleanPath(path), bytes);
}

chuangwen::Status JoinOutput(const std::string& dir,
                             const std::string& file_name, std::string* out) {
  if (file_name.empty() || file_name == "." || file_name == ".." ||
      file_name.find('/') != std::string::npos ||
      file_name.find('\\') != std::string::npos) {
    return chuangwen::Status::InvalidArgument(
        "file name '" + file_name + "' would leave the folder " + dir);
  }
  *out = CleanPath((std::filesystem::path(dir) / file_name).string());
  return chuangwen::Status::OK();
}

}  // namespace cw
