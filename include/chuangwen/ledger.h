// Supervision ledger (督查台账): rectification items as event streams. An
// item's state is the fold of its events (issued → in rectification →
// submitted → closed 销号, or rejected back with a new deadline, or placed on
// the long-term ledger 挂账; extensions 延期 requested before the deadline and
// decided by the supervisors). Nothing recorded is edited or removed.
//
// Roles come from the campaign's organization: members of supervising bodies
// (Body.supervises, else office bodies) issue notices, verify, reject, place
// items on the long-term ledger and decide extensions; people of the
// responsible unit (or a unit below it) start and submit rectification and
// request extensions. Anyone else is refused and nothing changes.
//
// Thread safety: one writer; readers must not run during Append.
#ifndef CHUANGWEN_LEDGER_H_
#define CHUANGWEN_LEDGER_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/v1/ledger.pb.h"

namespace chuangwen {

struct OverdueItem {
  std::string item_id;
  std::string unit_id;
  std::string deadline;
  int working_days_late = 0;
};

class Ledger {
 public:
  explicit Ledger(std::shared_ptr<const Campaign> campaign);

  // Checks every event of `batch` in order against the state it would meet,
  // then applies them all; one bad event rejects the whole batch and changes
  // nothing. Errors name the event, the item and what is wrong:
  // PermissionDenied for a wrong role, Conflict for a transition the item's
  // state does not allow, InvalidArgument / NotFound for bad fields.
  Status Append(const std::vector<v1::LedgerEvent>& batch);

  // The folded state of one item.
  Status Item(const std::string& item_id, v1::LedgerItem* out) const;

  // Items still open (not closed, not on the long-term ledger) whose
  // deadline is before `date`, oldest deadline first.
  Status Overdue(const std::string& date, std::vector<OverdueItem>* out) const;

  const std::vector<v1::LedgerEvent>& events() const { return events_; }
  size_t item_count() const { return items_.size(); }

 private:
  Status Check(const v1::LedgerEvent& e,
               std::map<std::string, v1::LedgerItem>* items,
               std::set<std::string>* ids) const;

  std::shared_ptr<const Campaign> campaign_;
  std::set<std::string> supervisors_;  // Person ids.
  std::vector<v1::LedgerEvent> events_;
  std::set<std::string> event_ids_;
  std::map<std::string, v1::LedgerItem> items_;
};

}  // namespace chuangwen

#endif  // CHUANGWEN_LEDGER_H_
