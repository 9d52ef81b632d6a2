// Document templates (文书模板): a small logic-less template language so that
// an integrator can change the wording of bulletins and notices without
// recompiling.
//
//   {{name}}             the value, escaped for the output format
//   {{{name}}}           the value as is (e.g. an SVG chart)
//   {{#list}}…{{/list}}  once per element of a list, or once if a flag is set
//   {{^list}}…{{/list}}  once if the list is empty or the flag unset
//   {{> name}}           another template (a partial), rendered in place
//                        with the same data; at most 8 deep
//   {{! comment }}
//
// Names resolve from the innermost section outwards; a dotted name
// ("unit.name") walks into nested values. Unknown names render empty.
// Sections nest at most 64 deep.
// Thread safety: reentrant.
#ifndef CHUANGWEN_TEMPLATE_H_
#define CHUANGWEN_TEMPLATE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chuangwen/status.h"

namespace chuangwen {

// A value in the data a template renders: text, a flag, a record of named
// values, or a list of records.
class TemplateValue {
 public:
  TemplateValue() = default;
  TemplateValue(std::string text) : text_(std::move(text)), kind_(kText) {}
  TemplateValue(const char* text) : text_(text), kind_(kText) {}
  static TemplateValue Flag(bool on);
  static TemplateValue Number(double v, int decimals);
  static TemplateValue Int(long long v);

  // Records: set fields by name.
  TemplateValue& Set(const std::string& name, TemplateValue value);
  // Lists: append records.
  TemplateValue& Add(TemplateValue record);
  static TemplateValue List() {
    TemplateValue v;
    v.kind_ = kList;
    return v;
  }

  bool truthy() const;
  const std::string& text() const { return text_; }
  const TemplateValue* Field(const std::string& name) const;
  const std::vector<TemplateValue>& items() const { return items_; }
  bool is_list() const { return kind_ == kList; }

 private:
  enum Kind { kRecord, kText, kFlag, kList };
  std::string text_;
  Kind kind_ = kRecord;
  bool flag_ = false;
  std::map<std::string, TemplateValue> fields_;
  std::vector<TemplateValue> items_;
};

enum class Escape { kNone, kHtml, kMarkdown };

// The text of the partial `name`, or nullptr when there is none.
using PartialLookup = std::function<const std::string*(const std::string&)>;

// Renders `text` with `data`. Errors name the line of a malformed tag or an
// unclosed section, and the partial it is in; a missing partial is NotFound.
Status RenderTemplate(const std::string& text, const TemplateValue& data,
                      Escape escape, std::string* out,
                      const PartialLookup& partials = nullptr);

}  // namespace chuangwen

#endif  // CHUANGWEN_TEMPLATE_H_
