#include "common/numbers.h"
#include "chuangwen/template.h"

#include <cmath>
#include <cstdio>

namespace chuangwen {

TemplateValue TemplateValue::Flag(bool on) {
  TemplateValue v;
  v.kind_ = kFlag;
  v.flag_ = on;
  v.text_ = on ? "true" : "";
  return v;
}

TemplateValue TemplateValue::Number(double value, int decimals) {
  return TemplateValue(internal::FormatFixed(value, decimals));
}

TemplateValue TemplateValue::Int(long long value) {
  return TemplateValue(std::to_string(value));
}

TemplateValue& TemplateValue::Set(const std::string& name,
                                  TemplateValue value) {
  kind_ = kRecord;
  fields_[name] = std::move(value);
  return *this;
}

TemplateValue& TemplateValue::Add(TemplateValue record) {
  kind_ = kList;
  items_.push_back(std::move(record));
  return *this;
}

bool TemplateValue::truthy() const {
  switch (kind_) {
    case kText:
      return !text_.empty();
    case kFlag:
      return flag_;
    case kList:
      return !items_.empty();
    case kRecord:
      return !fields_.empty();
  }
  return false;
}

const TemplateValue* TemplateValue::Field(const std::string& name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? nullptr : &it->second;
}

namespace {

// Sections nested deeper, or partials included deeper, are refused: the
// parser and renderer recurse, and an integrator's template must not exhaust
// the stack.
constexpr int kMaxSectionDepth = 64;
constexpr int kMaxPartialDepth = 8;

struct Node {
  enum Kind { kText, kValue, kRaw, kSection, kInverted, kPartial } kind;
  std::string text;  // Literal text or the name.
  std::vector<Node> children;
};

class Parser {
 public:
  explicit Parser(const std::string& t) : t_(t) {}

  Status Parse(std::vector<Node>* out) {
    CW_RETURN_IF_ERROR(ParseUntil("", out));
    return Status::OK();
  }

 private:
  int LineAt(size_t pos) const {
    int line = 1;
    for (size_t i = 0; i < pos && i < t_.size(); ++i) line += t_[i] == '\n';
    return line;
  }
  static std::string Trim(std::string s) {
    size_t a = s.find_first_not_of(" \t");
    size_t b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
  }

  Status ParseUntil(const std::string& closing, std::vector<Node>* out,
                    int depth = 0) {
    if (depth > kMaxSectionDepth) {
      return Status::InvalidArgument(
          "template line " + std::to_string(LineAt(pos_)) +
          ": sections nest deeper than " + std::to_string(kMaxSectionDepth));
    }
    while (pos_ < t_.size()) {
      size_t open = t_.find("{{", pos_);
      if (open == std::string::npos) {
        out->push_back({Node::kText, t_.substr(pos_), {}});
        pos_ = t_.size();
        break;
      }
      if (open > pos_)
        out->push_back({Node::kText, t_.substr(pos_, open - pos_), {}});
      const bool triple = t_.compare(open, 3, "{{{") == 0;
      const std::string end_mark = triple ? "}}}" : "}}";
      size_t close = t_.find(end_mark, open + (triple ? 3 : 2));
      if (close == std::string::npos) {
        return Status::InvalidArgument("template line " +
                                       std::to_string(LineAt(open)) +
                                       ": tag is not closed");
      }
      std::string tag =
          t_.substr(open + (triple ? 3 : 2), close - open - (triple ? 3 : 2));
      pos_ = close + end_mark.size();
      if (triple) {
        out->push_back({Node::kRaw, Trim(tag), {}});
        continue;
      }
      if (tag.empty()) {
        return Status::InvalidArgument(
            "template line " + std::to_string(LineAt(open)) + ": empty tag");
      }
      const char sigil = tag[0];
      if (sigil == '!') continue;
      if (sigil == '#' || sigil == '^') {
        Node n{sigil == '#' ? Node::kSection : Node::kInverted,
               Trim(tag.substr(1)),
               {}};
        // A section tag alone on its line takes the line with it.
        SkipStandaloneNewline(open, out);
        CW_RETURN_IF_ERROR(ParseUntil(n.text, &n.children, depth + 1));
        out->push_back(std::move(n));
        continue;
      }
      if (sigil == '>') {
        SkipStandaloneNewline(open, out);
        out->push_back({Node::kPartial, Trim(tag.substr(1)), {}});
        continue;
      }
      if (sigil == '/') {
        const std::string name = Trim(tag.substr(1));
        if (name != closing) {
          return Status::InvalidArgument(
              "template line " + std::to_string(LineAt(open)) + ": {{/" + name +
              "}} closes " +
              (closing.empty() ? "nothing" : "{{#" + closing + "}}"));
        }
        SkipStandaloneNewline(open, out);
        return Status::OK();
      }
      out->push_back({Node::kValue, Trim(tag), {}});
    }
    if (!closing.empty()) {
      return Status::InvalidArgument("template: section {{#" + closing +
                                     "}} is not closed");
    }
    return Status::OK();
  }

  // When a section tag stands alone on its line, drop that line's
  // indentation (already emitted) and its newline.
  void SkipStandaloneNewline(size_t tag_start, std::vector<Node>* out) {
    size_t line_start = t_.rfind('\n', tag_start == 0 ? 0 : tag_start - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    if (tag_start > 0 && line_start > tag_start) line_start = tag_start;
    for (size_t i = line_start; i < tag_start; ++i)
      if (t_[i] != ' ' && t_[i] != '\t') return;
    size_t after = pos_;
    while (after < t_.size() && (t_[after] == ' ' || t_[after] == '\t'))
      ++after;
    if (after < t_.size() && t_[after] != '\n' && t_[after] != '\r') return;
    if (after < t_.size() && t_[after] == '\r') ++after;
    if (after < t_.size()) ++after;
    pos_ = after;
    if (!out->empty() && out->back().kind == Node::kText) {
      std::string& text = out->back().text;
      size_t cut = text.find_last_not_of(" \t");
      text.resize(cut == std::string::npos ? 0 : cut + 1);
    }
  }

  const std::string& t_;
  size_t pos_ = 0;
};

// Where `s`, at the start of a line, has the marker that would open a list
// ("- x", "+ x", "1. x", "1) x") or underline a heading ("---", "==="); npos
// when it has none.
size_t BlockMarker(const std::string& s) {
  constexpr size_t kNone = std::string::npos;
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  size_t marker = digits;
  if (digits > 0) {
    if (marker >= s.size() || (s[marker] != '.' && s[marker] != ')'))
      return kNone;
  } else if (s.empty() || (s[0] != '-' && s[0] != '+' && s[0] != '=')) {
    return kNone;
  } else if (s.find_first_not_of(s[0]) == std::string::npos) {
    return 0;  // "---", "===".
  }
  const size_t next = marker + 1;
  return next >= s.size() || s[next] == ' ' || s[next] == '\t' ? marker : kNone;
}

// A value that reads as the same text in Markdown: markup characters
// escaped, raw HTML as entities (a finding's <script> stays text), and what
// would start a heading, list or quote at the start of a line defused; a
// newline becomes a space so a table cell stays one cell.
std::string EscapeMarkdown(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  const size_t marker = BlockMarker(s);
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        if (i == marker) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string EscapeText(const std::string& s, Escape escape) {
  if (escape == Escape::kNone) return s;
  if (escape == Escape::kMarkdown) return EscapeMarkdown(s);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const TemplateValue* Lookup(const std::vector<const TemplateValue*>& stack,
                            const std::string& name) {
  if (name == ".") return stack.back();
  std::string head = name, rest;
  size_t dot = name.find('.');
  if (dot != std::string::npos) {
    head = name.substr(0, dot);
    rest = name.substr(dot + 1);
  }
  for (size_t i = stack.size(); i-- > 0;) {
    const TemplateValue* v = stack[i]->Field(head);
    if (v == nullptr) continue;
    while (!rest.empty() && v != nullptr) {
      size_t d = rest.find('.');
      v = v->Field(rest.substr(0, d));
      rest = d == std::string::npos ? "" : rest.substr(d + 1);
    }
    return v;
  }
  return nullptr;
}

Status RenderNodes(const std::vector<Node>& nodes,
                   std::vector<const TemplateValue*>* stack, Escape escape,
                   const PartialLookup& partials, int depth, std::string* out);

Status RenderText(const std::string& text, const std::string& name,
                  std::vector<const TemplateValue*>* stack, Escape escape,
                  const PartialLookup& partials, int depth, std::string* out) {
  std::vector<Node> nodes;
  Status s = Parser(text).Parse(&nodes);
  if (s.ok()) s = RenderNodes(nodes, stack, escape, partials, depth, out);
  return s.ok() || name.empty() ? s : s.WithContext("partial " + name);
}

Status RenderNodes(const std::vector<Node>& nodes,
                   std::vector<const TemplateValue*>* stack, Escape escape,
                   const PartialLookup& partials, int depth, std::string* out) {
  for (const Node& n : nodes) {
    switch (n.kind) {
      case Node::kText:
        *out += n.text;
        break;
      case Node::kValue:
      case Node::kRaw: {
        const TemplateValue* v = Lookup(*stack, n.text);
        if (v != nullptr)
          *out +=
              n.kind == Node::kRaw ? v->text() : EscapeText(v->text(), escape);
        break;
      }
      case Node::kSection: {
        const TemplateValue* v = Lookup(*stack, n.text);
        if (v == nullptr || !v->truthy()) break;
        if (v->is_list()) {
          for (const TemplateValue& item : v->items()) {
            stack->push_back(&item);
            Status s =
                RenderNodes(n.children, stack, escape, partials, depth, out);
            stack->pop_back();
            CW_RETURN_IF_ERROR(s);
          }
        } else {
          stack->push_back(v);
          Status s =
              RenderNodes(n.children, stack, escape, partials, depth, out);
          stack->pop_back();
          CW_RETURN_IF_ERROR(s);
        }
        break;
      }
      case Node::kInverted: {
        const TemplateValue* v = Lookup(*stack, n.text);
        if (v == nullptr || !v->truthy())
          CW_RETURN_IF_ERROR(
              RenderNodes(n.children, stack, escape, partials, depth, out));
        break;
      }
      case Node::kPartial: {
        const std::string* text = partials ? partials(n.text) : nullptr;
        if (text == nullptr)
          return Status::NotFound("template: no partial '" + n.text + "'");
        if (depth >= kMaxPartialDepth) {
          return Status::InvalidArgument(
              "template: partials nest deeper than " +
              std::to_string(kMaxPartialDepth) + " at '" + n.text +
              "' (does one include itself?)");
        }
        CW_RETURN_IF_ERROR(
            RenderText(*text, n.text, stack, escape, partials, depth + 1, out));
        break;
      }
    }
  }
  return Status::OK();
}

}  // namespace

Status RenderTemplate(const std::string& text, const TemplateValue& data,
                      Escape escape, std::string* out,
                      const PartialLookup& partials) {
  out->clear();
  std::vector<const TemplateValue*> stack = {&data};
  Status s = RenderText(text, "", &stack, escape, partials, 0, out);
  if (!s.ok()) out->clear();
  return s;
}

}  // namespace chuangwen
