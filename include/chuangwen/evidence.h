// Evidence materials (佐证资料): each task's requirements (kinds, how many,
// by which duty's deadlines, owner unit), submissions with their file
// reference and SHA-256, the lead leader's sign-off, rejections with a
// reason. The state is the fold of evidence events, like the ledger's.
//
// Roles: people of the requirement's owner unit (or, without one, of a unit
// responsible for or leading the task), or of a unit below, submit; only the
// task's lead leader (责任领导, its own or an ancestor task's) signs off;
// the lead leader or a member of a supervising body rejects. Anyone else is
// refused and a batch with one bad event changes nothing.
//
// Queries: completeness at a date per task, unit and deadline; the archive
// index in the order of the plan's task tree; the evidence package for an
// indicator over the months before an assessment month.
// Thread safety: one writer; readers must not run during Append.
#ifndef CHUANGWEN_EVIDENCE_H_
#define CHUANGWEN_EVIDENCE_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/validate.h"
#include "chuangwen/v1/evidence.pb.h"

namespace chuangwen {

// "正式文件", "实景照片" …
const char* MaterialKindName(v1::MaterialKind kind);

class EvidenceBook {
 public:
  explicit EvidenceBook(std::shared_ptr<const Campaign> campaign);

  // Checks every event against the state it would meet, then keeps them
  // all, or none. `at` is RFC 3339 with an offset; the event's date is its
  // local date in the campaign's time zone. Costs in proportion to the
  // batch, not to what is stored.
  Status Append(const std::vector<v1::EvidenceEvent>& batch);
  // The campaign in force for later events (the ledger checks it first).
  void ReplaceCampaign(std::shared_ptr<const Campaign> campaign);

  Status Completeness(const v1::CompletenessReportRequest& request,
                      v1::CompletenessReport* out) const;
  Status Archive(v1::ArchiveIndex* out) const;
  Status Package(const v1::EvidencePackageRequest& request,
                 v1::EvidencePackage* out) const;

  // The deadlines of a requirement between two ISO dates.
  Status Deadlines(const v1::EvidenceRequirement& requirement,
                   const std::string& from, const std::string& to,
                   std::vector<std::string>* out) const;

  // Events taken (the store keeps the events themselves).
  size_t event_count() const { return event_ids_.size(); }
  size_t submission_count() const { return items_.size(); }

  struct Item {  // A submission's folded state.
    v1::EvidenceItem item;
    int state = 0;  // 0 submitted, 1 signed, -1 rejected.
  };

 private:
  friend class Books;
  struct Undo;
  // Called with the checked batch's local dates before the change is final;
  // its failure undoes the batch.
  using Persist = std::function<Status(const std::vector<Date>&)>;
  // `dates`: the events' dates as stored; null for new events, whose text
  // and time are checked.
  // `keep` false: a dry run, undone once checked and given to `persist`.
  Status Apply(const std::vector<v1::EvidenceEvent>& batch,
               const std::vector<Date>* dates, const Persist* persist,
               bool keep = true);
  // `authorize` false for stored events: who may act was judged when they
  // were recorded.
  Status Check(const v1::EvidenceEvent& e, const Date& day, bool authorize,
               Undo* undo);
  const v1::EvidenceRequirement* Requirement(const std::string& id) const;
  bool MaySubmit(const std::string& person,
                 const v1::EvidenceRequirement& requirement) const;
  // A requirement's deadlines in one year, computed once per campaign.
  const std::vector<std::string>& YearDeadlines(
      const v1::EvidenceRequirement& requirement, int year) const;

  std::shared_ptr<const Campaign> campaign_;
  std::unordered_set<std::string> event_ids_;
  std::map<std::string, Item> items_;
  mutable std::map<std::pair<std::string, int>, std::vector<std::string>>
      deadlines_;
};

// Validation rule 12 (validate.h): evidence requirements.
void AddEvidenceValidationRules(ValidationRules* rules);

}  // namespace chuangwen

#endif  // CHUANGWEN_EVIDENCE_H_
