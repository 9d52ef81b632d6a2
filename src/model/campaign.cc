#include "chuangwen/campaign.h"

#include <utility>

#include "chuangwen/calendar.h"
#include "chuangwen/date.h"
#include "chuangwen/responsibility_graph.h"
#include "chuangwen/schedule.h"
#include "chuangwen/validate.h"
#include "model/locate_problems.h"

namespace chuangwen {

Campaign::Campaign(v1::Campaign proto, std::shared_ptr<const Clock> clock)
    : proto_(std::move(proto)),
      clock_(clock ? std::move(clock) : Clock::System()) {
  // The index and graph hold views into proto_, which never changes again.
  index_ = std::make_unique<CampaignIndex>(proto_);
  roles_ = std::make_unique<Roles>(proto_, *index_);
  problems_ = Validate(proto_, *index_);
  graph_ = std::make_unique<ResponsibilityGraph>(proto_, *index_);
  calendar_ = WorkCalendar::China();
  if (proto_.has_calendar()) {
    std::shared_ptr<const WorkCalendar> local;
    if (WorkCalendar::Build(WorkCalendar::ChinaData(), proto_.calendar(),
                            &local)
            .ok()) {
      calendar_ = std::move(local);
    }
  }
  schedule_ = std::make_unique<CompiledSchedule>(proto_, *index_, calendar_);
  // A zone that cannot be found is a validation problem (rule 13); the
  // default stands in for it.
  if (proto_.time_zone().empty() ||
      !TimeZone::Find(proto_.time_zone(), &time_zone_).ok()) {
    time_zone_ = TimeZone::Default();
  }
}

Date Campaign::Today() const {
  return time_zone_->LocalDate(clock_->Now());
}

std::string Campaign::TodayIso() const { return FormatIsoDate(Today()); }

Status Campaign::LocalDate(std::string_view rfc3339, Date* out) const {
  Instant instant;
  CW_RETURN_IF_ERROR(ParseRfc3339(rfc3339, &instant));
  *out = time_zone_->LocalDate(instant);
  return Status::OK();
}

Status Campaign::ScheduleProblems() const {
  for (const v1::Problem& p : problems_.problems()) {
    if (p.location().rfind("schedule.", 0) == 0 ||
        p.location().rfind("calendar", 0) == 0) {
      return Status::InvalidArgument(p.location() + ": " + p.message());
    }
  }
  return Status::OK();
}

Campaign::~Campaign() = default;

Status Campaign::CheckValid() const {
  if (valid()) return Status::OK();
  const v1::Problem& p = problems_.problems(0);
  return Status::InvalidArgument(
      "campaign '" + proto_.id() + "' has " +
      std::to_string(problems_.problems_size()) +
      " validation problem(s); the first: " + p.location() +
      (p.line() > 0 ? " (line " + std::to_string(p.line()) + ":" +
                          std::to_string(p.column()) + ")"
                    : std::string()) +
      ": " + p.message());
}

std::shared_ptr<const Campaign> Campaign::Build(v1::Campaign proto) {
  return Build(std::move(proto), nullptr);
}

std::shared_ptr<const Campaign> Campaign::Build(
    v1::Campaign proto, std::shared_ptr<const Clock> clock) {
  return std::shared_ptr<const Campaign>(
      new Campaign(std::move(proto), std::move(clock)));
}

Status Campaign::Load(std::string_view bytes, Format format,
                      std::shared_ptr<const Campaign>* out) {
  v1::Campaign proto;
  CW_RETURN_IF_ERROR(Decode(bytes, format, &proto));
  auto* campaign = new Campaign(std::move(proto), nullptr);
  internal::LocateProblems(bytes, format, v1::Campaign::descriptor(),
                           &campaign->problems_);
  out->reset(campaign);
  return Status::OK();
}

Status Campaign::LoadFile(const std::string& path, Format format,
                          std::shared_ptr<const Campaign>* out) {
  std::string bytes;
  CW_RETURN_IF_ERROR(ReadFile(path, &bytes));
  Status s = Load(bytes, format, out);
  return s.ok() ? s : s.WithContext(path);
}

Status Campaign::LoadFile(const std::string& path,
                          std::shared_ptr<const Campaign>* out) {
  Format format;
  CW_RETURN_IF_ERROR(FormatFromPath(path, &format));
  return LoadFile(path, format, out);
}

std::string Campaign::DisplayName() const {
  if (!proto_.name().empty()) return proto_.name();
  int32_t d = index_->Document(proto_.plan_document_id());
  if (d != kNoIndex) return proto_.documents(d).title();
  return proto_.id();
}

}  // namespace chuangwen
