#include "chuangwen/evidence.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdlib>
#include <functional>
#include <optional>

#include "chuangwen/date.h"
#include "chuangwen/schedule.h"
#include "model/text_check.h"

namespace chuangwen {

const char* MaterialKindName(v1::MaterialKind kind) {
  switch (kind) {
    case v1::OFFICIAL_DOCUMENT:
      return "正式文件";
    case v1::ACTIVITY_PLAN:
      return "活动计划";
    case v1::WORK_LEDGER:
      return "工作台账";
    case v1::PHOTO:
      return "实景照片";
    case v1::WORK_SUMMARY:
      return "工作小结";
    default:
      return "其他资料";
  }
}

namespace {

bool IsSha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                  (c >= 'A' && c <= 'F');
         });
}

}  // namespace

EvidenceBook::EvidenceBook(std::shared_ptr<const Campaign> campaign) {
  ReplaceCampaign(std::move(campaign));
}

void EvidenceBook::ReplaceCampaign(std::shared_ptr<const Campaign> campaign) {
  if (campaign == campaign_) return;
  campaign_ = std::move(campaign);
  deadlines_.clear();
}

// What a batch changed, to put back if it fails.
struct EvidenceBook::Undo {
  std::vector<std::string> event_ids;
  std::vector<std::pair<std::string, std::optional<Item>>> items;  // Before.
  void Save(const std::map<std::string, Item>& items_now,
            const std::string& id) {
    auto it = items_now.find(id);
    items.emplace_back(id, it == items_now.end() ? std::nullopt
                                                 : std::optional<Item>(it->second));
  }
};

const std::vector<std::string>& EvidenceBook::YearDeadlines(
    const v1::EvidenceRequirement& r, int year) const {
  auto key = std::make_pair(r.id(), year);
  auto it = deadlines_.find(key);
  if (it != deadlines_.end()) return it->second;
  std::vector<std::string>& out = deadlines_[key];
  const std::string y = std::to_string(year);
  if (r.duty_id().empty()) {
    if (r.due().substr(0, 4) == y) out.push_back(r.due());
    return out;
  }
  v1::AgendaRequest request;
  request.set_from(y + "-01-01");
  request.set_to(y + "-12-31");
  request.set_weekend_fallback(true);
  v1::Agenda agenda;
  if (!QueryAgenda(*campaign_, request, &agenda).ok()) return out;
  for (const v1::AgendaItem& i : agenda.items()) {
    if (i.duty_id() != r.duty_id()) continue;
    if (!r.owner_unit_id().empty() && !i.owner_unit_id().empty() &&
        i.owner_unit_id() != r.owner_unit_id())
      continue;
    out.push_back(i.due());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const v1::EvidenceRequirement* EvidenceBook::Requirement(
    const std::string& id) const {
  const int32_t r = campaign_->index().EvidenceRequirement(id);
  return r == kNoIndex ? nullptr
                       : &campaign_->proto().evidence_requirements(r);
}

// People of the requirement's owner unit, else of the task's nearest
// responsible units, or of a unit below.
bool EvidenceBook::MaySubmit(const std::string& person,
                             const v1::EvidenceRequirement& r) const {
  const CampaignIndex& index = campaign_->index();
  const Roles& roles = campaign_->roles();
  const int32_t p = index.Person(person);
  if (!r.owner_unit_id().empty())
    return roles.BelongsTo(p, index.Unit(r.owner_unit_id()));
  for (int32_t unit : roles.NearestResponsibleUnits(index.Task(r.task_id())))
    if (roles.BelongsTo(p, unit)) return true;
  return false;
}

Status EvidenceBook::Deadlines(const v1::EvidenceRequirement& r,
                               const std::string& from, const std::string& to,
                               std::vector<std::string>* out) const {
  out->clear();
  Date f, t;
  CW_RETURN_IF_ERROR(ParseIsoDate(from, &f));
  CW_RETURN_IF_ERROR(ParseIsoDate(to, &t));
  for (int year = f.year(); year <= t.year(); ++year) {
    for (const std::string& due : YearDeadlines(r, year))
      if (due >= from && due <= to) out->push_back(due);
  }
  return Status::OK();
}

Status EvidenceBook::Check(const v1::EvidenceEvent& e, const Date& day,
                           bool authorize,
                           Undo* undo) {
  const v1::Campaign& c = campaign_->proto();
  std::map<std::string, Item>* items = &items_;
  const std::string where = "evidence event '" + e.id() + "'";
  if (e.id().empty())
    return Status::InvalidArgument("an evidence event has no id");
  if (!event_ids_.insert(e.id()).second)
    return Status::Conflict(where + ": id is already used");
  undo->event_ids.push_back(e.id());
  const int32_t actor = campaign_->index().Person(e.actor());
  if (actor == kNoIndex)
    return Status::NotFound(where + ": actor '" + e.actor() +
                            "' does not exist");
  const std::string who =
      "person '" + e.actor() + "' (" + c.people(actor).name() + ")";
  const std::string iso = FormatIsoDate(day);
  switch (e.kind_case()) {
    case v1::EvidenceEvent::kSubmit: {
      const v1::EvidenceSubmission& s = e.submit();
      if (s.id().empty())
        return Status::InvalidArgument(where + ": the submission needs an id");
      if (items->count(s.id())) {
        return Status::Conflict(where + ": submission '" + s.id() +
                                "' already exists");
      }
      const v1::EvidenceRequirement* r = Requirement(s.requirement_id());
      if (r == nullptr) {
        return Status::NotFound(where + ": requirement '" + s.requirement_id() +
                                "' does not exist");
      }
      if (authorize && !MaySubmit(e.actor(), *r)) {
        return Status::PermissionDenied(
            where + ": " + who + " may not submit evidence for '" + r->id() +
            "': only people of the units responsible "
            "for task " +
            r->task_id() + " may");
      }
      if (s.file().empty())
        return Status::InvalidArgument(where + ": file is required");
      if (!IsSha256(s.sha256())) {
        return Status::InvalidArgument(where + ": sha256 '" + s.sha256() +
                                       "' is not 64 hexadecimal digits");
      }
      Item item;
      v1::EvidenceItem& i = item.item;
      i.set_submission_id(s.id());
      i.set_requirement_id(r->id());
      i.set_task_id(r->task_id());
      i.set_title(s.title().empty() ? r->title() : s.title());
      i.set_kind(s.kind() == v1::MATERIAL_KIND_UNSPECIFIED ? r->kind()
                                                           : s.kind());
      i.set_file(s.file());
      i.set_sha256(s.sha256());
      i.set_submitted_on(iso);
      i.set_submitted_by(e.actor());
      if (!s.due().empty()) {
        Date d;
        Status ds = ParseIsoDate(s.due(), &d);
        if (!ds.ok())
          return Status::InvalidArgument(where + ": due " + ds.message());
        // "Due the 20th" means the requirement's deadline nearest to it
        // (moved off a weekend or holiday).
        std::vector<std::string> near;
        CW_RETURN_IF_ERROR(
            Deadlines(*r, FormatIsoDate(d - boost::gregorian::days(10)),
                      FormatIsoDate(d + boost::gregorian::days(10)), &near));
        std::string best = s.due();
        long best_gap = 1 << 30;
        for (const std::string& x : near) {
          Date dx;
          if (!ParseIsoDate(x, &dx).ok()) continue;
          long gap = std::labs((dx - d).days());
          if (gap < best_gap) {
            best_gap = gap;
            best = x;
          }
        }
        i.set_due(best);
      } else {
        // The first deadline on or after the submission, else the last one.
        std::vector<std::string> deadlines;
        const std::string year_end = iso.substr(0, 4) + "-12-31";
        CW_RETURN_IF_ERROR(Deadlines(*r, iso, year_end, &deadlines));
        if (!deadlines.empty()) {
          i.set_due(deadlines.front());
        } else {
          CW_RETURN_IF_ERROR(
              Deadlines(*r, iso.substr(0, 4) + "-01-01", iso, &deadlines));
          if (!deadlines.empty()) i.set_due(deadlines.back());
        }
      }
      undo->Save(*items, s.id());
      (*items)[s.id()] = std::move(item);
      return Status::OK();
    }
    case v1::EvidenceEvent::kSignOff:
    case v1::EvidenceEvent::kReject: {
      const bool sign = e.kind_case() == v1::EvidenceEvent::kSignOff;
      const std::string& id =
          sign ? e.sign_off().submission_id() : e.reject().submission_id();
      auto it = items->find(id);
      if (it == items->end())
        return Status::NotFound(where + ": submission '" + id +
                                "' does not exist");
      Item& item = it->second;
      const std::string& task = item.item.task_id();
      const Roles& roles = campaign_->roles();
      const int32_t actor = campaign_->index().Person(e.actor());
      const v1::PolicyAction action = sign
                                          ? v1::POLICY_ACTION_SIGN_OFF_EVIDENCE
                                          : v1::POLICY_ACTION_REJECT_EVIDENCE;
      if (authorize &&
          !roles.May(actor, action, campaign_->index().Task(task))) {
        return Status::PermissionDenied(
            where + ": " + who + " may not " + (sign ? "sign off" : "reject") +
            " '" + id + "' (task " + task + "): role policy: only " +
            roles.WhoMay(action) + " may");
      }
      if (authorize && item.item.submitted_by() == e.actor()) {
        return Status::PermissionDenied(
            where + ": " + who + " may not " + (sign ? "sign off" : "reject") +
            " '" + id +
            "': separation of duties: nobody signs off or rejects their own "
            "submission");
      }
      if (item.state != 0) {
        return Status::Conflict(where + ": submission '" + id +
                                "' is already " +
                                (item.state > 0 ? "signed off" : "rejected"));
      }
      if (iso < item.item.submitted_on())
        return Status::InvalidArgument(where + ": dated before the submission");
      if (!sign && e.reason().empty())
        return Status::InvalidArgument(where + ": a rejection needs a reason");
      undo->Save(*items, id);
      if (sign) {
        item.state = 1;
        item.item.set_signed_by(e.actor());
        item.item.set_signed_on(iso);
      } else {
        item.state = -1;
      }
      return Status::OK();
    }
    default:
      return Status::InvalidArgument(where + ": names no action");
  }
}

Status EvidenceBook::Append(const std::vector<v1::EvidenceEvent>& batch) {
  return Apply(batch, nullptr, nullptr);
}

Status EvidenceBook::Apply(const std::vector<v1::EvidenceEvent>& batch,
                           const std::vector<Date>* dates,
                           const Persist* persist, bool keep) {
  std::vector<Date> days;
  if (dates != nullptr && dates->size() != batch.size())
    return Status::Internal("evidence: one date per event expected");
  if (dates == nullptr) days.resize(batch.size());
  Undo undo;
  Status s;
  for (size_t i = 0; i < batch.size() && s.ok(); ++i) {
    const v1::EvidenceEvent& e = batch[i];
    if (dates == nullptr) {
      s = internal::CheckText(e, "evidence event '" + e.id() + "'");
      if (s.ok()) {
        s = campaign_->LocalDate(e.at(), &days[i]);
        if (!s.ok()) {
          s = Status::InvalidArgument("evidence event '" + e.id() + "': at " +
                                      s.message());
        }
      }
      if (!s.ok()) break;
    }
    s = Check(e, dates != nullptr ? (*dates)[i] : days[i], dates == nullptr,
              &undo);
  }
  if (s.ok() && persist != nullptr)
    s = (*persist)(dates != nullptr ? *dates : days);
  if (!s.ok() || !keep) {
    for (auto it = undo.items.rbegin(); it != undo.items.rend(); ++it) {
      if (it->second) {
        items_[it->first] = std::move(*it->second);
      } else {
        items_.erase(it->first);
      }
    }
    for (const std::string& id : undo.event_ids) event_ids_.erase(id);
    return s;
  }
  return Status::OK();
}

Status EvidenceBook::Completeness(const v1::CompletenessReportRequest& request,
                                  v1::CompletenessReport* out) const {
  out->Clear();
  Date date;
  Status s = ParseIsoDate(request.date(), &date);
  if (!s.ok()) return Status::InvalidArgument("date: " + s.message());
  const std::string from = request.from().empty()
                               ? request.date().substr(0, 4) + "-01-01"
                               : request.from();
  Date f;
  s = ParseIsoDate(from, &f);
  if (!s.ok()) return Status::InvalidArgument("from: " + s.message());
  out->set_date(request.date());
  const v1::Campaign& c = campaign_->proto();
  for (const v1::EvidenceRequirement& r : c.evidence_requirements()) {
    if (!request.task_id().empty() && r.task_id() != request.task_id())
      continue;
    const std::string unit = r.owner_unit_id();
    if (!request.unit_id().empty() && unit != request.unit_id()) continue;
    std::vector<std::string> deadlines;
    CW_RETURN_IF_ERROR(Deadlines(r, from, request.date(), &deadlines));
    const int32_t t = campaign_->index().Task(r.task_id());
    for (const std::string& due : deadlines) {
      v1::CompletenessRow* row = out->add_rows();
      row->set_requirement_id(r.id());
      row->set_task_id(r.task_id());
      row->set_task_title(t == kNoIndex ? "" : c.tasks(t).title());
      row->set_unit_id(unit);
      row->set_kind(r.kind());
      row->set_due(due);
      row->set_required(r.count() > 0 ? r.count() : 1);
      for (const auto& [id, item] : items_) {
        if (item.item.requirement_id() != r.id() || item.item.due() != due)
          continue;
        if (item.item.submitted_on() > request.date()) continue;
        if (item.state < 0) {
          row->set_rejected(row->rejected() + 1);
          continue;
        }
        row->set_submitted(row->submitted() + 1);
        if (item.state > 0 && item.item.signed_on() <= request.date())
          row->set_signed_(row->signed_() + 1);
        if (item.item.submitted_on() > due) row->set_late(row->late() + 1);
      }
      row->set_missing(std::max(0, row->required() - row->submitted()));
      out->set_required(out->required() + row->required());
      out->set_submitted(out->submitted() + row->submitted());
      out->set_signed_(out->signed_() + row->signed_());
      out->set_missing(out->missing() + row->missing());
      out->set_late(out->late() + row->late());
    }
  }
  return Status::OK();
}

Status EvidenceBook::Archive(v1::ArchiveIndex* out) const {
  out->Clear();
  const v1::Campaign& c = campaign_->proto();
  // Depth-first over the task tree in plan order.
  std::map<std::string, std::vector<const v1::Task*>> children;
  for (const v1::Task& t : c.tasks()) children[t.parent_id()].push_back(&t);
  for (auto& [parent, list] : children) {
    std::stable_sort(list.begin(), list.end(),
                     [](const v1::Task* a, const v1::Task* b) {
                       return a->order() < b->order();
                     });
  }
  std::vector<const Item*> signed_items;
  for (const auto& [id, item] : items_)
    if (item.state > 0) signed_items.push_back(&item);
  std::stable_sort(signed_items.begin(), signed_items.end(),
                   [](const Item* a, const Item* b) {
                     return a->item.submitted_on() < b->item.submitted_on();
                   });
  std::function<void(const std::string&, int)> walk =
      [&](const std::string& parent, int depth) {
        auto it = children.find(parent);
        if (it == children.end()) return;
        for (const v1::Task* t : it->second) {
          v1::ArchiveEntry* e = out->add_entries();
          e->set_task_id(t->id());
          e->set_numbering(t->numbering());
          e->set_task_title(t->title());
          e->set_depth(depth);
          for (const Item* item : signed_items)
            if (item->item.task_id() == t->id()) *e->add_items() = item->item;
          walk(t->id(), depth + 1);
        }
      };
  walk("", 0);
  return Status::OK();
}

Status EvidenceBook::Package(const v1::EvidencePackageRequest& request,
                             v1::EvidencePackage* out) const {
  out->Clear();
  Date month;
  if (request.month().size() != 7 ||
      !ParseIsoDate(request.month() + "-01", &month).ok()) {
    return Status::InvalidArgument("month '" + request.month() +
                                   "' is not of the form YYYY-MM");
  }
  std::string task;
  for (const v1::Scheme& s : campaign_->proto().assessment().schemes())
    for (const v1::Indicator& i : s.indicators())
      if (i.id() == request.indicator_id()) task = i.task_id();
  if (task.empty()) {
    return Status::NotFound("indicator '" + request.indicator_id() +
                            "' does not exist or names no task");
  }
  const int months = request.months() > 0 ? request.months() : 12;
  const std::string from =
      FormatIsoDate(month - boost::gregorian::months(months));
  const std::string to = FormatIsoDate(month - boost::gregorian::days(1));
  out->set_indicator_id(request.indicator_id());
  out->set_task_id(task);
  out->set_from(from);
  out->set_to(to);
  for (const auto& [id, item] : items_) {
    if (item.state <= 0 || item.item.task_id() != task) continue;
    if (item.item.submitted_on() < from || item.item.submitted_on() > to)
      continue;
    *out->add_items() = item.item;
  }
  std::stable_sort(out->mutable_items()->begin(), out->mutable_items()->end(),
                   [](const v1::EvidenceItem& a, const v1::EvidenceItem& b) {
                     return a.submitted_on() < b.submitted_on();
                   });
  return Status::OK();
}

}  // namespace chuangwen
