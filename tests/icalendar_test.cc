// iCalendar export, parsed back by a small RFC 5545 reader.
#include "chuangwen/icalendar.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "chuangwen/campaign.h"
#include "chuangwen/schedule.h"
#include "test_support.h"

namespace chuangwen {
namespace {

struct Property {
  std::string name, params, value;
};

// Unfolds, splits into properties, unescapes TEXT values.
std::vector<Property> Parse(const std::string& ics) {
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  std::vector<Property> out;
  size_t pos = 0;
  while (pos < unfolded.size()) {
    size_t end = unfolded.find("\r\n", pos);
    std::string line = unfolded.substr(pos, end - pos);
    pos = end + 2;
    size_t colon = line.find(':');
    Property p;
    std::string head = line.substr(0, colon);
    size_t semi = head.find(';');
    p.name = head.substr(0, semi);
    if (semi != std::string::npos) p.params = head.substr(semi + 1);
    std::string raw = line.substr(colon + 1);
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 1 < raw.size()) {
        char next = raw[++i];
        p.value += next == 'n' ? '\n' : next;
      } else {
        p.value += raw[i];
      }
    }
    out.push_back(p);
  }
  return out;
}

TEST(ICalendarTest, AgendaRoundTripsThroughAParser) {
  auto campaign = Campaign::Build(testing::LoadExample());
  v1::AgendaRequest request;
  request.set_from("2025-04-01");
  request.set_to("2025-06-30");
  v1::Agenda agenda;
  ASSERT_TRUE(QueryAgenda(*campaign, request, &agenda).ok());
  ASSERT_GT(agenda.items_size(), 20);
  // An awkward title: separators and a newline must survive escaping.
  agenda.mutable_items(0)->set_title(
      "检查，整改;复查\\反馈\n第二行 a very long title "
      "再加上一些很长很长很长很长很长很长的中文让它超过七十五个字节");

  ICalendarOptions options;
  options.name = campaign->DisplayName();
  options.stamp_utc = "20250401T000000Z";
  std::string ics = AgendaToICalendar(agenda, options);

  // Every physical line ends in CRLF and is at most 75 octets; folds never
  // split a UTF-8 character.
  size_t pos = 0;
  while (pos < ics.size()) {
    size_t end = ics.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - pos, 75u);
    if (end + 2 < ics.size() && ics[end + 2] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(ics[end + 3]) & 0xC0, 0x80);
    }
    pos = end + 2;
  }

  std::vector<Property> props = Parse(ics);
  ASSERT_EQ(props.front().name, "BEGIN");
  EXPECT_EQ(props.front().value, "VCALENDAR");
  EXPECT_EQ(props.back().value, "VCALENDAR");
  std::vector<std::map<std::string, Property>> events;
  std::map<std::string, std::string> calendar;
  for (const Property& p : props) {
    if (p.name == "BEGIN" && p.value == "VEVENT") {
      events.emplace_back();
    } else if (!events.empty() && !(p.name == "END" && p.value == "VEVENT") &&
               events.back().count("END") == 0) {
      events.back()[p.name] = p;
    } else {
      calendar[p.name] = p.value;
    }
    if (p.name == "END" && p.value == "VEVENT") events.back()["END"] = p;
  }
  EXPECT_EQ(calendar["VERSION"], "2.0");
  EXPECT_EQ(calendar["X-WR-CALNAME"], campaign->DisplayName());
  ASSERT_EQ(events.size(), static_cast<size_t>(agenda.items_size()));
  std::set<std::string> uids;
  for (int i = 0; i < agenda.items_size(); ++i) {
    const v1::AgendaItem& item = agenda.items(i);
    auto& e = events[static_cast<size_t>(i)];
    std::string compact = item.due().substr(0, 4) + item.due().substr(5, 2) +
                          item.due().substr(8, 2);
    EXPECT_EQ(e["DTSTART"].params, "VALUE=DATE");
    EXPECT_EQ(e["DTSTART"].value, compact);
    EXPECT_EQ(e["SUMMARY"].value,
              "【" + item.owner_name() + "】" + item.title());
    EXPECT_EQ(e["DTSTAMP"].value, "20250401T000000Z");
    EXPECT_TRUE(uids.insert(e["UID"].value).second)
        << "duplicate UID " << e["UID"].value;
  }
  // The 20th of April 2025 is a Sunday: the description says it moved.
  bool moved = false;
  for (auto& e : events) {
    moved = moved ||
            e["DESCRIPTION"].value.find("原定2025-04-20") != std::string::npos;
  }
  EXPECT_TRUE(moved);
}

}  // namespace
}  // namespace chuangwen
