// The short phrases documents build from data (titles, file names, CSV
// headers, how a finding came to light, escalation reasons…), kept in the
// template "phrases.txt" as "key = template" lines so that integrators
// change wording without recompiling. A replacement file may give only the
// keys it changes.
#ifndef CHUANGWEN_SRC_REPORT_PHRASES_H_
#define CHUANGWEN_SRC_REPORT_PHRASES_H_

#include <map>
#include <string>
#include <vector>

#include "chuangwen/status.h"
#include "chuangwen/template.h"

namespace chuangwen::internal {

class Phrases {
 public:
  // Reads the shipped phrases, then `replacement` (may be empty) over them.
  // Errors name the file and line of a line that is not "key = text" or
  // whose text is not a well-formed template.
  Status Load(const std::string& shipped, const std::string& replacement);

  // The phrase `key` rendered with `values`, unescaped (the caller escapes
  // it where it is inserted). A key nobody defined renders as itself.
  std::string Get(const std::string& key,
                  const TemplateValue& values = TemplateValue()) const;
  // A comma-separated phrase, split (CSV headers).
  std::vector<std::string> List(const std::string& key) const;

 private:
  Status Read(const std::string& text, const char* file);
  std::map<std::string, std::string> phrases_;
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_REPORT_PHRASES_H_
