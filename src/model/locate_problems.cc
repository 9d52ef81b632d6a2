#include "model/locate_problems.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>

#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace chuangwen::internal {
namespace {

namespace pb = google::protobuf;

// One step of a problem's path: "tasks[8]" is {"tasks", 8}, "title" is
// {"title", -1}.
struct Step {
  std::string field;
  int index = -1;
};

std::vector<Step> ParsePath(const std::string& path) {
  std::vector<Step> steps;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('.', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    Step step;
    const size_t bracket = part.find('[');
    if (bracket != std::string::npos && part.back() == ']') {
      const std::string digits =
          part.substr(bracket + 1, part.size() - bracket - 2);
      if (digits.empty() ||
          digits.find_first_not_of("0123456789") != std::string::npos ||
          digits.size() > 9)
        break;
      step.index = std::stoi(digits);
      part.resize(bracket);
    }
    step.field = part;
    steps.push_back(step);
    start = end + 1;
  }
  return steps;
}

struct Position {
  int line = 0;  // 1-based; 0: unknown.
  int column = 0;
};

// ---- Text format
// -------------------------------------------------------------

// protobuf's tokenizer counts columns in bytes, tabs to the next multiple of
// 8; problems count characters, as editors do. Both 0-based here.
int CharacterColumn(std::string_view text, int line, int tokenizer_column) {
  size_t start = 0;
  for (int l = 0; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return tokenizer_column;
  int column = 0, characters = 0;
  for (size_t i = start; i < text.size() && text[i] != '\n'; ++i) {
    if (column >= tokenizer_column) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    column += c == '\t' ? 8 - column % 8 : 1;
    if ((c & 0xC0) != 0x80) ++characters;
  }
  return characters;
}

Position LocateInText(std::string_view text,
                      const pb::TextFormat::ParseInfoTree* tree,
                      const pb::Descriptor* type,
                      const std::vector<Step>& steps) {
  Position found;
  for (const Step& step : steps) {
    if (tree == nullptr || type == nullptr) break;
    const pb::FieldDescriptor* field = type->FindFieldByName(step.field);
    if (field == nullptr) break;
    const int index = field->is_repeated() ? std::max(step.index, 0) : -1;
    const pb::TextFormat::ParseLocation at = tree->GetLocation(field, index);
    if (at.line < 0) break;
    found = {at.line + 1, CharacterColumn(text, at.line, at.column) + 1};
    if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) break;
    tree = tree->GetTreeForNested(field, index);
    type = field->message_type();
  }
  return found;
}

// ---- JSON
// ----------------------------------------------------------------------

// "unitId" → "unit_id": JSON may use either name for a field.
std::string SnakeCase(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

// Records the position of every value in a JSON document under its path
// ("tasks[8].unit_id"). Malformed JSON stops the scan; what was read stays.
class JsonPositions {
 public:
  explicit JsonPositions(std::string_view text) : t_(text) {}

  std::map<std::string, Position> Scan() {
    SkipSpace();
    Value("", 0);
    return std::move(found_);
  }

 private:
  static constexpr int kMaxDepth = 100;

  void SkipSpace() {
    while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_])))
      Advance();
  }
  void Advance() {
    if (t_[i_] == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(t_[i_]) & 0xC0) != 0x80) {
      ++column_;  // Columns count characters, not UTF-8 bytes.
    }
    ++i_;
  }
  bool String(std::string* out) {
    if (i_ >= t_.size() || t_[i_] != '"') return false;
    Advance();
    while (i_ < t_.size() && t_[i_] != '"') {
      if (t_[i_] == '\\' && i_ + 1 < t_.size()) Advance();
      if (out != nullptr) *out += t_[i_];
      Advance();
    }
    if (i_ >= t_.size()) return false;
    Advance();
    return true;
  }
  bool Value(const std::string& path, int depth) {
    if (i_ >= t_.size() || depth > kMaxDepth) return false;
    if (!path.empty()) found_.emplace(path, Position{line_, column_});
    const char c = t_[i_];
    if (c == '{') {
      Advance();
      SkipSpace();
      if (i_ < t_.size() && t_[i_] == '}') {
        Advance();
        return true;
      }
      for (;;) {
        SkipSpace();
        std::string key;
        if (!String(&key)) return false;
        SkipSpace();
        if (i_ >= t_.size() || t_[i_] != ':') return false;
        Advance();
        SkipSpace();
        const std::string name = SnakeCase(key);
        if (!Value(path.empty() ? name : path + "." + name, depth + 1))
          return false;
        SkipSpace();
        if (i_ < t_.size() && t_[i_] == ',') {
          Advance();
          continue;
        }
        if (i_ < t_.size() && t_[i_] == '}') {
          Advance();
          return true;
        }
        return false;
      }
    }
    if (c == '[') {
      Advance();
      SkipSpace();
      if (i_ < t_.size() && t_[i_] == ']') {
        Advance();
        return true;
      }
      for (int n = 0;; ++n) {
        SkipSpace();
        if (!Value(path + "[" + std::to_string(n) + "]", depth + 1))
          return false;
        SkipSpace();
        if (i_ < t_.size() && t_[i_] == ',') {
          Advance();
          continue;
        }
        if (i_ < t_.size() && t_[i_] == ']') {
          Advance();
          return true;
        }
        return false;
      }
    }
    if (c == '"') return String(nullptr);
    while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' &&
           !std::isspace(static_cast<unsigned char>(t_[i_])))
      Advance();
    return true;
  }

  std::string_view t_;
  size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::map<std::string, Position> found_;
};

// The position of the path, or of its longest prefix that the JSON has.
Position LocateInJson(const std::map<std::string, Position>& positions,
                      const std::vector<Step>& steps) {
  Position found;
  std::string path;
  for (const Step& step : steps) {
    path += (path.empty() ? "" : ".") + step.field;
    if (step.index >= 0) {
      auto whole = positions.find(path);
      if (whole == positions.end()) break;
      found = whole->second;
      path += "[" + std::to_string(step.index) + "]";
    }
    auto it = positions.find(path);
    if (it == positions.end()) break;
    found = it->second;
  }
  return found;
}

}  // namespace

void LocateProblems(std::string_view bytes, Format format,
                    const pb::Descriptor* root, v1::ValidationReport* report) {
  if (report->problems_size() == 0 || format == Format::kBinary) return;
  if (format == Format::kText) {
    const pb::Message* prototype =
        pb::MessageFactory::generated_factory()->GetPrototype(root);
    if (prototype == nullptr) return;
    std::unique_ptr<pb::Message> message(prototype->New());
    pb::TextFormat::ParseInfoTree tree;
    pb::TextFormat::Parser parser;
    parser.WriteLocationsTo(&tree);
    parser.AllowUnknownField(false);
    // The campaign parsed already; this second pass only records positions.
    if (!parser.ParseFromString(std::string(bytes), message.get())) return;
    for (v1::Problem& p : *report->mutable_problems()) {
      const Position at =
          LocateInText(bytes, &tree, root, ParsePath(p.location()));
      p.set_line(at.line);
      p.set_column(at.column);
    }
    return;
  }
  const std::map<std::string, Position> positions = JsonPositions(bytes).Scan();
  for (v1::Problem& p : *report->mutable_problems()) {
    const Position at = LocateInJson(positions, ParsePath(p.location()));
    p.set_line(at.line);
    p.set_column(at.column);
  }
}

}  // namespace chuangwen::internal
