// Closing periods (考核结果锁定): a closed period's scores and ranking are
// frozen; reading it gives the frozen table even if inputs change later.
// Changing it takes an explicit reopening, which is recorded with who, when
// and why. Frozen tables export as protobuf, JSON or CSV.
//
// Thread safety: one writer at a time; the book is a plain value.
#ifndef CHUANGWEN_ASSESSMENT_BOOK_H_
#define CHUANGWEN_ASSESSMENT_BOOK_H_

#include <string>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/v1/assessment.pb.h"

namespace chuangwen {

class AssessmentBook {
 public:
  AssessmentBook() = default;
  explicit AssessmentBook(v1::AssessmentBook state)
      : state_(std::move(state)) {}

  // Ranks `period` now and freezes the result. Conflict if already closed;
  // `actor` and `at` are required.
  Status Close(const Campaign& campaign, const std::string& period,
               const std::string& component_id, const std::string& actor,
               const std::string& at);

  // Unfreezes a closed period, recording why. NotFound if it is not closed;
  // a reason is required.
  Status Reopen(const std::string& period, const std::string& component_id,
                const std::string& actor, const std::string& at,
                const std::string& reason);

  // The frozen table of a closed period (component as resolved at closing:
  // empty matches the only one). NotFound if not closed.
  Status Frozen(const std::string& period, const std::string& component_id,
                v1::RankingTable* out) const;

  bool IsClosed(const std::string& period,
                const std::string& component_id) const;

  const v1::AssessmentBook& state() const { return state_; }

 private:
  int Find(const std::string& period, const std::string& component_id) const;
  v1::AssessmentBook state_;
};

enum class CsvStyle {
  // For programs: header rank,group_rank,unit_id,unit_name,group,score,
  // grade,vetoed,veto_reason; vetoed is true or false.
  kMachine,
  // For officials opening it in Excel or WPS: a UTF-8 byte order mark and
  // Chinese headers (名次,组内名次,单位代码,单位,分组,得分,等次,一票否决,
  // 否决原因); vetoed is 是 or empty.
  kOffice,
};

// A ranking table as CSV (RFC 4180, UTF-8, header row first). A text cell
// that a spreadsheet would run as a formula (= + - @ first) is written as
// text behind an apostrophe.
std::string RankingTableToCsv(const v1::RankingTable& table,
                              CsvStyle style = CsvStyle::kMachine);

}  // namespace chuangwen

#endif  // CHUANGWEN_ASSESSMENT_BOOK_H_
