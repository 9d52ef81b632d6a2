// Tables laid out with spaces, as pdftotext -layout leaves them (and as
// some plans are typed): a header row whose cells are column names
// ("序号   工作任务   责任领导   牵头单位   配合单位"), then rows aligned under
// it. Each such row is rewritten with tabs between its cells, placed by the
// header's columns, so it reads as a table pasted from Word does.
#ifndef CHUANGWEN_SRC_IMPORT_PLAN_COLUMNS_H_
#define CHUANGWEN_SRC_IMPORT_PLAN_COLUMNS_H_

#include <vector>

#include "import/plan_text.h"

namespace chuangwen::internal {

// Keeps the columns of the current space-laid table across lines.
class SpacedTable {
 public:
  // `column_words`: names a header cell may have (牵头单位, 责任领导 …).
  explicit SpacedTable(const std::vector<U32>& column_words)
      : words_(column_words) {}

  // `raw` as it should be read: unchanged, or a row of the table with tabs
  // between its cells.
  U32 Read(const U32& raw);

 private:
  const std::vector<U32>& words_;
  std::vector<size_t>
      columns_;  // Display column where each header cell starts.
};

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_IMPORT_PLAN_COLUMNS_H_
