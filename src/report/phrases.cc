#include "report/phrases.h"

namespace chuangwen::internal {
namespace {

std::string Trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r");
  const size_t b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

Status Phrases::Read(const std::string& text, const char* file) {
  size_t start = 0;
  int line_number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const size_t eq = line.find('=');
    const std::string where =
        std::string(file) + " line " + std::to_string(line_number);
    if (eq == std::string::npos || Trim(line.substr(0, eq)).empty())
      return Status::InvalidArgument(where + ": not \"key = text\"");
    const std::string value = Trim(line.substr(eq + 1));
    std::string ignored;
    Status s = RenderTemplate(value, TemplateValue(), Escape::kNone, &ignored);
    if (!s.ok()) return Status::InvalidArgument(where + ": " + s.message());
    phrases_[Trim(line.substr(0, eq))] = value;
  }
  return Status::OK();
}

Status Phrases::Load(const std::string& shipped,
                     const std::string& replacement) {
  phrases_.clear();
  CW_RETURN_IF_ERROR(Read(shipped, "phrases.txt (shipped)"));
  return Read(replacement, "phrases.txt");
}

std::string Phrases::Get(const std::string& key,
                         const TemplateValue& values) const {
  auto it = phrases_.find(key);
  if (it == phrases_.end()) return key;
  std::string out;
  // Checked when loaded; a partial cannot occur without a lookup.
  if (!RenderTemplate(it->second, values, Escape::kNone, &out).ok())
    return it->second;
  return out;
}

std::vector<std::string> Phrases::List(const std::string& key) const {
  std::vector<std::string> out;
  const std::string text = Get(key);
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(Trim(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

}  // namespace chuangwen::internal
