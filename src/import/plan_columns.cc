#include "import/plan_columns.h"

#include <cstdlib>

namespace chuangwen::internal {
namespace {

// Full-width characters take two columns in a layout, as in a terminal.
size_t Width(char32_t c) { return c >= 0x2E80 ? 2 : 1; }

struct Cell {
  size_t column;  // Display column of its first character.
  U32 text;
};

// Cells apart by two spaces or more (an ideographic space counts as two).
std::vector<Cell> SpacedCells(U32View raw) {
  std::vector<Cell> cells;
  size_t col = 0, gap = 2;
  for (char32_t c : raw) {
    const bool space = c == ' ' || c == 0x3000;
    if (space) {
      gap += Width(c);
    } else {
      if (gap >= 2 || cells.empty()) {
        cells.push_back({col, U32()});
      } else if (gap == 1) {
        cells.back().text.push_back(' ');
      }
      cells.back().text.push_back(c);
      gap = 0;
    }
    col += Width(c);
  }
  return cells;
}

}  // namespace

U32 SpacedTable::Read(const U32& raw) {
  if (raw.find(U'\t') != U32::npos) {
    columns_.clear();
    return raw;
  }
  const std::vector<Cell> cells = SpacedCells(raw);
  if (!columns_.empty()) {
    if (cells.size() >= 2) {
      // Each cell under the header column nearest to where it starts.
      std::vector<U32> row(columns_.size());
      for (const Cell& cell : cells) {
        size_t best = 0;
        for (size_t k = 1; k < columns_.size(); ++k) {
          const auto d = [&](size_t a) {
            return static_cast<size_t>(std::labs(
                static_cast<long>(a) - static_cast<long>(cell.column)));
          };
          if (d(columns_[k]) < d(columns_[best])) best = k;
        }
        if (!row[best].empty()) row[best].push_back(U'、');
        row[best] += cell.text;
      }
      U32 out;
      for (size_t k = 0; k < row.size(); ++k) out += (k ? U"\t" : U"") + row[k];
      return out;
    }
    columns_.clear();
    return raw;
  }
  // A header: three cells or more, two of them column names.
  if (cells.size() < 3) return raw;
  int named = 0;
  for (const Cell& cell : cells) {
    U32 t;
    for (char32_t c : cell.text)
      if (c != ' ') t.push_back(c);
    for (const U32& w : words_) named += t == w;
  }
  if (named < 2) return raw;
  U32 out;
  for (const Cell& cell : cells) {
    columns_.push_back(cell.column);
    out += (out.empty() ? U"" : U"\t") + cell.text;
  }
  return out;
}

}  // namespace chuangwen::internal
