#include "chuangwen/assessment_book.h"

#include <cstdio>

#include "chuangwen/assessment.h"
#include "common/numbers.h"
#include "common/safe_text.h"

namespace chuangwen {
namespace {

using internal::CsvField;

std::string Label(const std::string& period, const std::string& component_id) {
  return "period " + period +
         (component_id.empty() ? "" : " (" + component_id + ")");
}

}  // namespace

int AssessmentBook::Find(const std::string& period,
                         const std::string& component_id) const {
  for (int i = 0; i < state_.closed_size(); ++i) {
    const v1::RankingTable& t = state_.closed(i).table();
    if (t.period() == period &&
        (component_id.empty() || t.component_id() == component_id))
      return i;
  }
  return -1;
}

bool AssessmentBook::IsClosed(const std::string& period,
                              const std::string& component_id) const {
  return Find(period, component_id) >= 0;
}

Status AssessmentBook::Close(const Campaign& campaign,
                             const std::string& period,
                             const std::string& component_id,
                             const std::string& actor, const std::string& at) {
  if (actor.empty())
    return Status::InvalidArgument("closing " + Label(period, component_id) +
                                   ": who closes it is required");
  if (at.empty())
    return Status::InvalidArgument("closing " + Label(period, component_id) +
                                   ": the time is required");
  v1::RankingTable table;
  CW_RETURN_IF_ERROR(RankPeriod(campaign, period, component_id, &table));
  if (Find(period, table.component_id()) >= 0) {
    return Status::Conflict(Label(period, table.component_id()) +
                            " is already closed; reopen it first");
  }
  v1::ClosedPeriod* closed = state_.add_closed();
  *closed->mutable_table() = std::move(table);
  closed->set_closed_at(at);
  closed->set_closed_by(actor);
  return Status::OK();
}

Status AssessmentBook::Reopen(const std::string& period,
                              const std::string& component_id,
                              const std::string& actor, const std::string& at,
                              const std::string& reason) {
  int i = Find(period, component_id);
  if (i < 0)
    return Status::NotFound(Label(period, component_id) + " is not closed");
  if (reason.empty() || actor.empty() || at.empty()) {
    return Status::InvalidArgument("reopening " + Label(period, component_id) +
                                   " needs who, when and why");
  }
  v1::Reopening* r = state_.add_reopenings();
  r->set_period(period);
  r->set_component_id(state_.closed(i).table().component_id());
  r->set_at(at);
  r->set_by(actor);
  r->set_reason(reason);
  state_.mutable_closed()->DeleteSubrange(i, 1);
  return Status::OK();
}

Status AssessmentBook::Frozen(const std::string& period,
                              const std::string& component_id,
                              v1::RankingTable* out) const {
  int i = Find(period, component_id);
  if (i < 0)
    return Status::NotFound(Label(period, component_id) + " is not closed");
  *out = state_.closed(i).table();
  return Status::OK();
}

std::string RankingTableToCsv(const v1::RankingTable& t, CsvStyle style) {
  std::string out =
      style == CsvStyle::kOffice
          ? std::string(internal::kUtf8Bom) +
                "名次,组内名次,单位代码,单位,分组,得分,等次,一票否决,"
                "否决原因\r\n"
          : "rank,group_rank,unit_id,unit_name,group,score,grade,vetoed,veto_"
            "reason\r\n";
  for (const v1::RankingRow& r : t.rows()) {
    const std::string score = internal::FormatGeneral(r.score(), 6);
    out += std::to_string(r.rank()) + "," + std::to_string(r.group_rank()) +
           "," + CsvField(r.unit_id()) + "," + CsvField(r.unit_name()) + "," +
           CsvField(r.group()) + "," + score + "," + CsvField(r.grade()) + "," +
           (style == CsvStyle::kOffice ? (r.vetoed() ? "是" : "")
                                       : (r.vetoed() ? "true" : "false")) +
           "," + CsvField(r.veto_reason()) + "\r\n";
  }
  return out;
}

}  // namespace chuangwen
