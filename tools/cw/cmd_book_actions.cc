// cw evidence DB submit|sign|reject … and cw progress DB report …: one
// evidence or progress action from flags, checked by the book as a batch
// from an integrator is.
#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>

#include "chuangwen/codec.h"
#include "chuangwen/date.h"
#include "chuangwen/ledger_store.h"
#include "cli.h"
#include "resolve.h"

namespace cw {
namespace {

namespace v1 = chuangwen::v1;
using chuangwen::Status;

constexpr int kIdAttempts = 5;

bool IdTaken(const Status& s) {
  return s.code() == Status::Code::kConflict &&
         (s.message().find("is already used") != std::string::npos ||
          s.message().find("already exists") != std::string::npos);
}

Status Sha256OfFile(const std::string& path, std::string* hex) {
  std::string bytes;
  CW_RETURN_IF_ERROR(chuangwen::ReadFile(path, &bytes));
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(),
                 nullptr) != 1) {
    return Status::Internal("SHA-256 of " + path + " failed");
  }
  static const char kHex[] = "0123456789abcdef";
  hex->clear();
  for (unsigned int i = 0; i < length; ++i) {
    *hex += kHex[digest[i] >> 4];
    *hex += kHex[digest[i] & 15];
  }
  return Status::OK();
}

Status BuildEvidenceEvent(const chuangwen::EvidenceBook& book,
                          const chuangwen::Campaign& c, const Args& args,
                          int attempt, v1::EvidenceEvent* e) {
  const std::string& action = args.positional[1];
  if (args.positional.size() != 3)
    return Status::InvalidArgument(
        "name the " +
        std::string(action == "submit" ? "requirement" : "submission") + ": " +
        args.synopsis);
  std::string actor, at;
  CW_RETURN_IF_ERROR(ResolveActor(c, args, &actor));
  CW_RETURN_IF_ERROR(EventTime(c, args, &at));
  e->set_actor(actor);
  e->set_at(at);
  e->set_reason(args.Has("reason") ? args.Value("reason") : args.Value("note"));
  const std::string suffix =
      attempt == 0 ? std::string() : "-" + std::to_string(attempt + 1);
  if (action == "submit") {
    if (!args.Has("file")) return Status::InvalidArgument("--file is required");
    v1::EvidenceSubmission* s = e->mutable_submit();
    s->set_id("sub-" + std::to_string(book.submission_count() + 1 +
                                      static_cast<size_t>(attempt)));
    s->set_requirement_id(args.positional[2]);
    s->set_file(args.Value("file"));
    std::string sha;
    CW_RETURN_IF_ERROR(Sha256OfFile(args.Value("file"), &sha));
    s->set_sha256(sha);
    s->set_title(args.Value("title"));
    s->set_due(args.Value("due"));
    e->set_id(s->id() + ".submit");
  } else if (action == "sign") {
    e->mutable_sign_off()->set_submission_id(args.positional[2]);
    e->set_id(args.positional[2] + ".sign" + suffix);
  } else if (action == "reject") {
    e->mutable_reject()->set_submission_id(args.positional[2]);
    e->set_id(args.positional[2] + ".reject" + suffix);
  } else {
    return Status::InvalidArgument("unknown evidence action '" + action + "'");
  }
  return Status::OK();
}

// The target a report is about: a target's id, or a task (id or title)
// with one target, or with several and --target.
Status ResolveTarget(const chuangwen::Campaign& c, const Args& args,
                     const v1::Target** out) {
  const std::string text = args.positional[2];
  for (const v1::Target& t : c.proto().targets()) {
    if (t.id() == text || t.id() == args.Value("target")) {
      *out = &t;
      return Status::OK();
    }
  }
  std::string task;
  CW_RETURN_IF_ERROR(ResolveTask(c, text, &task));
  std::vector<const v1::Target*> targets;
  std::string ids;
  for (const v1::Target& t : c.proto().targets()) {
    if (t.task_id() == task) {
      targets.push_back(&t);
      ids += (ids.empty() ? "" : ", ") + t.id() + " (" + t.metric() + ")";
    }
  }
  if (targets.empty())
    return Status::NotFound("task '" + task + "' has no targets");
  if (targets.size() > 1)
    return Status::InvalidArgument("task '" + task + "' has " +
                                   std::to_string(targets.size()) +
                                   " targets: " + ids + "; give --target");
  *out = targets.front();
  return Status::OK();
}

// The unit reporting: --unit, else the reporter's own unit or one they head
// when the task is theirs, else the task's only lead or responsible unit.
Status ReportingUnit(const chuangwen::Campaign& c, const Args& args,
                     const std::string& person_id, const std::string& task_id,
                     std::string* out) {
  if (args.Has("unit")) {
    Status s = ResolveUnit(c, args.Value("unit"), out);
    return s.ok() ? s : s.WithContext("--unit");
  }
  std::vector<std::string> owners;
  for (const v1::Assignment& a : c.proto().assignments()) {
    if (a.task_id() == task_id && !a.unit_id().empty() &&
        (a.role() == v1::ASSIGNMENT_ROLE_LEAD_UNIT ||
         a.role() == v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT))
      owners.push_back(a.unit_id());
  }
  const v1::Person& p = c.proto().people(c.index().Person(person_id));
  for (const std::string& owner : owners) {
    if (owner == p.unit_id()) {
      *out = owner;
      return Status::OK();
    }
    for (const std::string& headed : p.heads_unit_ids()) {
      if (owner == headed) {
        *out = owner;
        return Status::OK();
      }
    }
  }
  if (owners.size() == 1) {
    *out = owners.front();
    return Status::OK();
  }
  if (!p.unit_id().empty()) {
    *out = p.unit_id();
    return Status::OK();
  }
  return Status::InvalidArgument("say which unit reports: --unit UNIT");
}

Status BuildReport(const chuangwen::ProgressBook& book,
                   const chuangwen::Campaign& c, const Args& args, int attempt,
                   v1::ProgressReport* r) {
  if (args.positional.size() != 3)
    return Status::InvalidArgument("name the task or target: " + args.synopsis);
  if (!args.Has("value")) return Status::InvalidArgument("--value is required");
  const v1::Target* target = nullptr;
  CW_RETURN_IF_ERROR(ResolveTarget(c, args, &target));
  std::string person, unit;
  CW_RETURN_IF_ERROR(ResolveActor(c, args, &person));
  CW_RETURN_IF_ERROR(ReportingUnit(c, args, person, target->task_id(), &unit));
  double value = 0;
  const std::string text = args.Value("value");
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  if (text.empty() || end == nullptr || *end != '\0')
    return Status::InvalidArgument("--value: '" + text + "' is not a number");
  r->set_id("report-" + std::to_string(book.reports().size() + 1 +
                                       static_cast<size_t>(attempt)));
  r->set_target_id(target->id());
  r->set_unit_id(unit);
  r->set_reported_by(person);
  r->set_date(args.Has("date") ? args.Value("date") : c.TodayIso());
  r->set_value(value);
  r->set_note(args.Value("note"));
  for (const std::string& file : SplitList(args.Value("evidence")))
    r->add_evidence(file);
  return Status::OK();
}

}  // namespace

int RunEvidenceAction(const Args& args) {
  if (args.positional.size() < 2) return UsageError(args.synopsis);
  std::unique_ptr<chuangwen::LedgerStore> store;
  Status s = OpenLedger(args.positional[0], &store);
  if (!s.ok()) return Fail(s);
  v1::EvidenceEvent event;
  for (int attempt = 0; attempt < kIdAttempts; ++attempt) {
    event.Clear();
    s = BuildEvidenceEvent(store->evidence(), store->ledger().campaign(), args,
                           attempt, &event);
    if (!s.ok()) return Fail(s);
    s = store->AppendEvidence({event});
    if (!IdTaken(s)) break;
  }
  if (!s.ok()) return Fail(s);
  if (event.has_submit()) {
    std::printf("%s: submitted for %s (sha256 %.12s…).\n",
                event.submit().id().c_str(),
                event.submit().requirement_id().c_str(),
                event.submit().sha256().c_str());
  } else {
    std::printf("%s: %s.\n", args.positional[2].c_str(),
                event.has_sign_off() ? "signed off" : "sent back");
  }
  return kExitOk;
}

int RunProgressAction(const Args& args) {
  if (args.positional.size() < 2) return UsageError(args.synopsis);
  std::unique_ptr<chuangwen::LedgerStore> store;
  Status s = OpenLedger(args.positional[0], &store);
  if (!s.ok()) return Fail(s);
  const chuangwen::Campaign& c = store->ledger().campaign();
  v1::ProgressReport report;
  for (int attempt = 0; attempt < kIdAttempts; ++attempt) {
    report.Clear();
    s = BuildReport(store->progress(), c, args, attempt, &report);
    if (!s.ok()) return Fail(s);
    s = store->AppendProgress({report}, c.TodayIso());
    if (!IdTaken(s)) break;
  }
  if (!s.ok()) return Fail(s);
  std::printf("%s: %s reported %g for target %s on %s.\n", report.id().c_str(),
              report.unit_id().c_str(), report.value(),
              report.target_id().c_str(), report.date().c_str());
  return kExitOk;
}

}  // namespace cw
