// Task targets and progress (目标任务与工作进展). A target on a task has a
// metric, a value to reach (at least or at most), a deadline, optional
// milestones, and is cumulative (km built so far) or a level (a rate).
// Responsible units report progress; a correction is a new report that
// supersedes an old one; a review (审核) by a seat the role policy allows
// approves a report or sends it back (then it no longer counts). At any date the status of each target is derived:
// expected progress from the milestones, or linear over working days from
// the start to the deadline (holidays do not make a unit look behind); done,
// on track, behind, at risk (behind inside the campaign's warning window —
// its schedule.warning_policy, by working days left or share of time used)
// or overdue; on track inside the window shows yellow.
// Tasks roll up their sub-tasks and the tasks that implement them in lower
// plans (weights from the plan, else equal); each unit gets a summary.
//
// Thread safety: one writer; readers must not run during Append.
#ifndef CHUANGWEN_PROGRESS_H_
#define CHUANGWEN_PROGRESS_H_

#include <functional>
#include <map>
#include <unordered_map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/validate.h"
#include "chuangwen/v1/progress.pb.h"

namespace chuangwen {

class ProgressBook {
 public:
  explicit ProgressBook(std::shared_ptr<const Campaign> campaign);

  // Checks every report (the target exists; the value is a finite number,
  // not negative, at most 100 for a level in %; the date is real, not before
  // the campaign starts and not after `today`; the unit is responsible for
  // the task; a correction names an earlier report of the same target and
  // unit), then adds them all, or none.
  Status Append(const std::vector<v1::ProgressReport>& batch,
                const std::string& today);

  // The status of every task with targets at `request.date`, most behind
  // first, with unit summaries.
  Status Query(const v1::CampaignStatusRequest& request,
               v1::CampaignStatus* out) const;

  // A target's share of the way from baseline to target reached by `unit`
  // (every unit when empty) at `date`: for the assessment's ratio method.
  Status Attainment(const std::string& target_id, const std::string& unit_id,
                    const std::string& date, double* out) const;

  // Every record in order, reviews included.
  const std::vector<v1::ProgressReport>& reports() const { return reports_; }
  // Whether report `id` was reviewed, and if so approved.
  bool Reviewed(const std::string& id, bool* approved) const {
    auto it = reviewed_.find(id);
    if (it == reviewed_.end()) return false;
    *approved = it->second;
    return true;
  }

  // Puts a newer version of the campaign in force; reports already taken
  // stay as they are.
  void ReplaceCampaign(std::shared_ptr<const Campaign> campaign);

 private:
  friend class Books;
  // Called with the checked batch before the change is final; its failure
  // undoes the batch.
  using Persist = std::function<Status()>;
  // `keep` false: a dry run, undone once checked and given to `persist`.
  Status Apply(const std::vector<v1::ProgressReport>& batch,
               const std::string& today, bool check_text,
               const Persist* persist, bool keep = true);
  // `authorize` false for stored records (judged when they were taken);
  // `batch_start`: where the records of the batch being checked begin.
  Status Check(const v1::ProgressReport& r, const std::string& today,
               bool authorize, size_t batch_start) const;
  Status CheckReview(const v1::ProgressReport& r, const std::string& today,
                     bool authorize, size_t batch_start) const;
  void Index(size_t report);

  void Bind(std::shared_ptr<const Campaign> campaign);

  std::shared_ptr<const Campaign> campaign_;
  std::string start_;  // The campaign's start: the plan's issue date.
  std::map<std::string, const v1::Target*> targets_;
  std::vector<v1::ProgressReport> reports_;
  std::unordered_map<std::string, size_t> ids_;  // Report id → position.
  std::set<std::string> superseded_;          // Corrected or sent back.
  std::map<std::string, bool> reviewed_;       // Report id → approved.
  // Per target, per unit: report positions in date order.
  std::map<std::string, std::map<std::string, std::vector<size_t>>> by_target_;
};

// The status from the campaign's inline progress reports (checked as
// ProgressBook::Append does, with `request.date` as today).
Status QueryCampaignStatus(const Campaign& campaign,
                           const v1::CampaignStatusRequest& request,
                           v1::CampaignStatus* out);

// Validation rule 14 (validate.h): targets and milestones.
void AddProgressValidationRules(ValidationRules* rules);

}  // namespace chuangwen

#endif  // CHUANGWEN_PROGRESS_H_
