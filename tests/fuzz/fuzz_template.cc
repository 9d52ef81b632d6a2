// An integrator's templates from any bytes: the input is a template and up
// to three partials (p0, p1, p2), separated by NUL bytes, rendered with a
// small fixed record in each escaping. Any status is fine; a crash, a leak,
// undefined behaviour or output without bound is not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "chuangwen/template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0 && parts.size() < 4)
      parts.emplace_back();
    else
      parts.back().push_back(static_cast<char>(data[i]));
  }
  chuangwen::TemplateValue unit;
  unit.Set("name", "市容科 <b>&amp;</b>")
      .Set("score", chuangwen::TemplateValue::Number(92.5, 1));
  chuangwen::TemplateValue units = chuangwen::TemplateValue::List();
  units.Add(unit).Add(chuangwen::TemplateValue().Set("name", "*环卫*所"));
  chuangwen::TemplateValue root;
  root.Set("title", "关于[通报](x)的通知")
      .Set("units", units)
      .Set("unit", unit)
      .Set("flag", chuangwen::TemplateValue::Flag(true));
  auto partials = [&](const std::string& name) -> const std::string* {
    if (name.size() == 2 && name[0] == 'p' && name[1] >= '0' &&
        static_cast<size_t>(name[1] - '0') + 1 < parts.size())
      return &parts[static_cast<size_t>(name[1] - '0') + 1];
    return nullptr;
  };
  for (auto escape : {chuangwen::Escape::kNone, chuangwen::Escape::kHtml,
                      chuangwen::Escape::kMarkdown}) {
    std::string out;
    if (!chuangwen::RenderTemplate(parts[0], root, escape, &out, partials).ok())
      return 0;
    // Eight levels of partials, each at most the input long, expanded per
    // list element: the output stays within a fixed multiple of the input.
    if (out.size() > (size + 64) * 4096) std::abort();
  }
  return 0;
}
