#include "chuangwen/icalendar.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <ctime>

#include "chuangwen/cw_version.h"

namespace chuangwen {
namespace {

// TEXT value escaping (RFC 5545 3.3.11).
std::string EscapeText(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Appends one content line, folded at 75 octets (3.1) without splitting a
// UTF-8 sequence, ending in CRLF.
void AppendLine(std::string* out, const std::string& line) {
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
      --cut;
    out->append(line, pos, cut - pos);
    out->append("\r\n ");
    pos = cut;
    limit = 74;  // The leading space of a continuation line counts.
  }
  out->append(line, pos, std::string::npos);
  out->append("\r\n");
}

std::string Compact(const std::string& iso) {  // 2025-03-20 → 20250320
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

std::string NowStamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

}  // namespace

std::string AgendaToICalendar(const v1::Agenda& agenda,
                              const ICalendarOptions& options) {
  const std::string stamp =
      options.stamp_utc.empty() ? NowStamp() : options.stamp_utc;
  std::string out;
  AppendLine(&out, "BEGIN:VCALENDAR");
  AppendLine(&out, "VERSION:2.0");
  AppendLine(&out, std::string("PRODID:-//chuangwen//chuangwen ") + CW_VERSION +
                       "//ZH");
  AppendLine(&out, "CALSCALE:GREGORIAN");
  AppendLine(&out, "METHOD:PUBLISH");
  if (!options.name.empty())
    AppendLine(&out, "X-WR-CALNAME:" + EscapeText(options.name));
  for (const v1::AgendaItem& item : agenda.items()) {
    const std::string owner = item.owner_unit_id().empty()
                                  ? item.owner_body_id()
                                  : item.owner_unit_id();
    const auto due = boost::gregorian::from_simple_string(item.due());
    const std::string end =
        boost::gregorian::to_iso_string(due + boost::gregorian::days(1));
    AppendLine(&out, "BEGIN:VEVENT");
    AppendLine(&out, "UID:" +
                         EscapeText(item.duty_id() + "." + owner + "." +
                                    Compact(item.due())) +
                         "@chuangwen");
    AppendLine(&out, "DTSTAMP:" + stamp);
    AppendLine(&out, "DTSTART;VALUE=DATE:" + Compact(item.due()));
    AppendLine(&out, "DTEND;VALUE=DATE:" + end);
    AppendLine(&out, "SUMMARY:" + EscapeText("【" + item.owner_name() + "】" +
                                             item.title()));
    std::string description = "截止日期：" + item.due();
    if (item.nominal() != item.due())
      description += "（原定" + item.nominal() + "，遇休息日调整）";
    if (!item.task_id().empty()) description += "\n任务：" + item.task_id();
    AppendLine(&out, "DESCRIPTION:" + EscapeText(description));
    if (item.phase_ids_size() > 0) {
      std::string categories;
      for (const std::string& p : item.phase_ids()) {
        if (!categories.empty()) categories += ",";
        categories += EscapeText(p);
      }
      AppendLine(&out, "CATEGORIES:" + categories);
    }
    AppendLine(&out, "TRANSP:TRANSPARENT");
    AppendLine(&out, "END:VEVENT");
  }
  AppendLine(&out, "END:VCALENDAR");
  return out;
}

}  // namespace chuangwen
