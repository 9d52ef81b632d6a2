// The project's own wording of each document, shipped from data/templates/
// and compiled in. Integrators replace any of them per request
// (ReportDocumentRequest.templates) without recompiling.
#include <map>

#include "chuangwen/report.h"

namespace chuangwen {
namespace internal {
extern const std::pair<const char*, const char*> kShippedTemplates[];
extern const size_t kShippedTemplateCount;
}  // namespace internal

namespace {

const std::map<std::string, std::string>& Templates() {
  static const std::map<std::string, std::string>* templates = [] {
    auto* out = new std::map<std::string, std::string>;
    for (size_t i = 0; i < internal::kShippedTemplateCount; ++i)
      (*out)[internal::kShippedTemplates[i].first] =
          internal::kShippedTemplates[i].second;
    return out;
  }();
  return *templates;
}

}  // namespace

const std::string& DefaultReportTemplate(const std::string& name) {
  static const std::string kNone;
  auto it = Templates().find(name);
  return it == Templates().end() ? kNone : it->second;
}

std::vector<std::string> ReportTemplateNames() {
  std::vector<std::string> out;
  for (const auto& [name, text] : Templates()) out.push_back(name);
  return out;
}

}  // namespace chuangwen
