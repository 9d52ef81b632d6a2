// Automatic numbering of Word documents (numbering.xml): list definitions,
// the counters of each list as paragraphs go by, and the number formats Word,
// WPS and LibreOffice write, so that "一、", "（一）", "1." come back as the
// reader saw them. Internal to the .docx reader.
#ifndef CHUANGWEN_SRC_IMPORT_DOCX_NUMBERING_H_
#define CHUANGWEN_SRC_IMPORT_DOCX_NUMBERING_H_

#include <array>
#include <map>
#include <string>

namespace chuangwen::internal {

// One level of a list (w:lvl).
struct ListLevel {
  int start = 1;
  std::string format = "decimal";  // w:numFmt, e.g. "chineseCounting".
  std::string text;                // w:lvlText, e.g. "（%1）"; empty: "%N.".
  bool legal = false;              // w:isLgl: every %n in decimal.
  bool defined = false;
};

// An abstract list (w:abstractNum): up to nine levels.
struct ListDefinition {
  std::array<ListLevel, 9> levels;
};

// A list instance (w:num) over a definition, with its overrides.
struct ListInstance {
  int definition = -1;                // w:abstractNumId.
  std::map<int, int> start_override;  // level → w:startOverride.
  std::map<int, ListLevel> level_override;
};

// The counters of every list of one document, in reading order.
class ListCounters {
 public:
  ListCounters(std::map<int, ListDefinition> definitions,
               std::map<int, ListInstance> instances);

  // The label of the next paragraph numbered in list `num_id` at `level`
  // (0-based): counts it, resets the deeper levels, and formats lvlText.
  // Empty for bullets, "none" and lists that do not exist.
  std::string Next(int num_id, int level);

 private:
  const ListLevel* Level(int num_id, int level) const;

  std::map<int, ListDefinition> definitions_;
  std::map<int, ListInstance> instances_;
  // Lists sharing a definition continue one another's numbering unless an
  // instance restarts it (a start override): counters are kept per key.
  std::map<long, std::array<int, 9>> counters_;
  std::map<int, bool> restarted_;
};

// `value` in a w:numFmt ("decimal", "chineseCounting", "upperRoman" …);
// unknown formats fall back to decimal.
std::string FormatListNumber(int value, const std::string& format);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_DOCX_NUMBERING_H_
