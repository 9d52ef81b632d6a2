#include "model/text_check.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

namespace chuangwen::internal {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The length of the UTF-8 sequence starting at `p`, or 0 if it is not a
// valid one (overlong forms, surrogates and code points past U+10FFFF
// included). By hand: protobuf's own checker is internal API.
size_t SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < n) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (p[i] & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

void Walk(const Message& m, const std::string& prefix,
          std::vector<TextIssue>* out, size_t limit) {
  const Reflection* r = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const FieldDescriptor* f : fields) {
    if (out->size() >= limit) return;
    const std::string name = prefix.empty() ? f->name() : prefix + "." + f->name();
    auto path = [&](int i) {
      return f->is_repeated() ? name + "[" + std::to_string(i) + "]" : name;
    };
    const int count = f->is_repeated() ? r->FieldSize(m, f) : 1;
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      std::string scratch;
      for (int i = 0; i < count && out->size() < limit; ++i) {
        const std::string& s =
            f->is_repeated() ? r->GetRepeatedStringReference(m, f, i, &scratch)
                             : r->GetStringReference(m, f, &scratch);
        std::string problem = TextProblem(s);
        if (!problem.empty()) out->push_back({path(i), std::move(problem)});
      }
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      for (int i = 0; i < count && out->size() < limit; ++i) {
        Walk(f->is_repeated() ? r->GetRepeatedMessage(m, f, i)
                              : r->GetMessage(m, f),
             path(i), out, limit);
      }
    }
  }
}

}  // namespace

std::string TextProblem(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  for (const unsigned char* at = p; at < end;) {
    if (*at == 0) {
      return "contains a NUL character at byte " + std::to_string(at - p);
    }
    const size_t n = SequenceLength(at, end);
    if (n == 0) {
      return "is not valid UTF-8 (at byte " + std::to_string(at - p) + ")";
    }
    at += n;
  }
  return std::string();
}

void FindTextIssues(const Message& message, std::vector<TextIssue>* out,
                    size_t limit) {
  Walk(message, "", out, limit);
}

Status CheckText(const Message& message, const std::string& what) {
  std::vector<TextIssue> issues;
  FindTextIssues(message, &issues, 1);
  if (issues.empty()) return Status::OK();
  return Status::InvalidArgument(what + ": " + issues[0].path + " " +
                                 issues[0].problem);
}

}  // namespace chuangwen::internal
