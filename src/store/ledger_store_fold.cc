// Folding a ledger file's streams into the books: on opening, and before
// every write (what other processes added). Each stream is read from where
// the last fold stopped, in chunks; a chunk that does not fold is folded
// record by record so that only the records at fault are skipped.
#include <functional>

#include "chuangwen/date.h"
#include "store/ledger_store_impl.h"

namespace chuangwen {

using internal::SqliteDb;
using internal::Statement;

namespace {

constexpr size_t kChunk = 4096;

const char* Name(Books::Book book) {
  switch (book) {
    case Books::Book::kLedger:
      return "ledger event";
    case Books::Book::kEvidence:
      return "evidence event";
    case Books::Book::kProgress:
      return "progress report";
  }
  return "record";
}

}  // namespace

Status LedgerStore::Impl::PrepareWrite() {
  CW_RETURN_IF_ERROR(Fold());
  if (!damage.empty()) {
    return Status::Conflict(
        "ledger '" + db->path() + "' is read-only: it holds " +
        std::to_string(damage.size()) +
        " record(s) that do not fold; the first: " + damage.front());
  }
  return Status::OK();
}

Status LedgerStore::Impl::Fold() {
  const std::string& path = db->path();
  // Campaign versions first: every stream's records name theirs.
  {
    Statement st(*db,
                 "SELECT version, campaign FROM campaigns WHERE version > ? "
                 "ORDER BY version");
    if (!st.ok()) return db->Error("cannot read campaigns");
    st.Int(1, cursor.campaigns);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      const int64_t version = st.ColumnInt(0);
      if (version != static_cast<int64_t>(versions.size()) + 1) {
        return Status::ParseError("ledger '" + path + "': campaign version " +
                                  std::to_string(versions.size() + 1) +
                                  " is missing (the file is damaged)");
      }
      v1::Campaign c;
      std::string_view bytes = st.ColumnBytes(1);
      if (c.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        versions.push_back(Campaign::Build(std::move(c), options.clock));
      } else {
        versions.push_back(nullptr);
        damage.push_back("campaign version " + std::to_string(version) +
                         " does not parse; the version before it stays in "
                         "force");
      }
      cursor.campaigns = version;
    }
    if (rc != SQLITE_DONE) return db->Error("cannot read campaigns");
  }
  if (versions.empty() || versions[0] == nullptr) {
    return Status::ParseError("ledger '" + path +
                              "' has no readable campaign (the file is "
                              "damaged)");
  }
  if (books == nullptr) {
    Status s = Books::Make(versions[0], &books, false);
    if (!s.ok())
      return Status::ParseError("ledger '" + path + "': " + s.message());
  }
  // The newest readable version up to `version`.
  auto model_for = [&](int64_t version) -> std::shared_ptr<const Campaign> {
    for (int64_t v = std::min<int64_t>(version, versions.size()); v >= 1; --v)
      if (versions[v - 1] != nullptr) return versions[v - 1];
    return versions[0];
  };

  // Reads one stream after `*last`, folding chunk by chunk with `fold`.
  auto stream = [&](Books::Book book, const char* sql, auto parse_date,
                    auto fold, auto* message_type, int64_t* last) -> Status {
    using Message = std::remove_pointer_t<decltype(message_type)>;
    Statement st(*db, sql);
    if (!st.ok()) return db->Error("cannot read the file");
    st.Int(1, *last);
    std::vector<Message> chunk;
    std::vector<Date> dates;
    std::vector<int64_t> seqs;
    int64_t in_force = -1;  // The version the chunk is folded under.
    auto flush = [&]() {
      if (chunk.empty()) return;
      if (!fold(chunk, dates).ok()) {
        for (size_t i = 0; i < chunk.size(); ++i) {
          Status s = fold({chunk[i]}, {dates[i]});
          if (!s.ok()) {
            damage.push_back(std::string(Name(book)) + " " +
                             std::to_string(seqs[i]) + " does not fold: " +
                             s.message());
          }
        }
      }
      chunk.clear();
      dates.clear();
      seqs.clear();
    };
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      const int64_t seq = st.ColumnInt(0);
      const int64_t version = st.ColumnInt(1);
      *last = seq;
      if (version != in_force) {
        flush();
        books->PutInForce(book, model_for(version));
        in_force = version;
      }
      Message m;
      std::string_view bytes = st.ColumnBytes(3);
      if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        damage.push_back(std::string(Name(book)) + " " + std::to_string(seq) +
                         " does not parse");
        continue;
      }
      Date date;
      const auto* text = sqlite3_column_text(st.get(), 2);
      Status ds = parse_date(
          text == nullptr ? std::string_view()
                          : std::string_view(reinterpret_cast<const char*>(text)),
          m, model_for(version), &date);
      if (!ds.ok()) {
        damage.push_back(std::string(Name(book)) + " " + std::to_string(seq) +
                         ": " + ds.message());
        continue;
      }
      chunk.push_back(std::move(m));
      dates.push_back(date);
      seqs.push_back(seq);
      if (chunk.size() == kChunk) flush();
    }
    if (rc != SQLITE_DONE) return db->Error("cannot read the file");
    flush();
    return Status::OK();
  };

  // The stored date, or (never for files this library wrote) the local date
  // of `at`.
  auto event_date = [](std::string_view stored, const auto& m,
                       const std::shared_ptr<const Campaign>& model,
                       Date* out) -> Status {
    if (!stored.empty() && ParseIsoDate(stored, out).ok()) return Status::OK();
    return model->LocalDate(m.at(), out);
  };
  auto report_date = [](std::string_view, const v1::ProgressReport&,
                        const std::shared_ptr<const Campaign>&,
                        Date* out) -> Status {
    *out = Date();
    return Status::OK();
  };
  CW_RETURN_IF_ERROR(stream(
      Books::Book::kLedger,
      "SELECT seq, campaign_version, date, event FROM events WHERE seq > ? "
      "ORDER BY seq",
      event_date,
      [&](const std::vector<v1::LedgerEvent>& c, const std::vector<Date>& d) {
        return books->ApplyLedger(c, &d, nullptr);
      },
      static_cast<v1::LedgerEvent*>(nullptr), &cursor.events));
  CW_RETURN_IF_ERROR(stream(
      Books::Book::kEvidence,
      "SELECT seq, campaign_version, date, event FROM evidence_events WHERE "
      "seq > ? ORDER BY seq",
      event_date,
      [&](const std::vector<v1::EvidenceEvent>& c,
          const std::vector<Date>& d) {
        return books->ApplyEvidence(c, &d, nullptr);
      },
      static_cast<v1::EvidenceEvent*>(nullptr), &cursor.evidence));
  CW_RETURN_IF_ERROR(stream(
      Books::Book::kProgress,
      "SELECT seq, campaign_version, '', report FROM progress_reports WHERE "
      "seq > ? ORDER BY seq",
      report_date,
      [&](const std::vector<v1::ProgressReport>& c, const std::vector<Date>&) {
        return books->ApplyProgress(c, "", true, nullptr);
      },
      static_cast<v1::ProgressReport*>(nullptr), &cursor.progress));
  // Every book under the newest readable version.
  const int64_t newest = static_cast<int64_t>(versions.size());
  for (Books::Book b : {Books::Book::kLedger, Books::Book::kEvidence,
                        Books::Book::kProgress})
    books->PutInForce(b, model_for(newest));
  books->SetCampaignVersion(static_cast<int>(newest));
  return Status::OK();
}

Status LedgerStore::Impl::InsertCampaign(SqliteDb* db,
                                         const v1::Campaign& campaign,
                                         int64_t from_seq,
                                         const std::string& reason,
                                         const Campaign& model) {
  Statement st(*db,
               "INSERT INTO campaigns (from_seq, replaced_at, reason, "
               "campaign) VALUES (?, ?, ?, ?)");
  if (!st.ok()) return db->Error("cannot record the campaign");
  std::string bytes;
  campaign.SerializeToString(&bytes);
  st.Int(1, from_seq);
  const std::string now = FormatRfc3339Utc(model.clock()->Now());
  st.Text(2, now);
  st.Text(3, reason);
  st.Blob(4, bytes);
  if (st.Step() != SQLITE_DONE) return db->Error("cannot record the campaign");
  return Status::OK();
}

Status LedgerStore::Impl::InsertLedger(
    const std::vector<const v1::LedgerEvent*>& events,
    const std::vector<std::string>& units, const std::vector<Date>& dates,
    int version, int64_t* last) {
  Statement st(*db,
               "INSERT INTO events (id, item_id, unit_id, at, kind, actor, "
               "event, date, campaign_version) VALUES (?, ?, ?, ?, ?, ?, ?, "
               "?, ?)");
  if (!st.ok()) return db->Error("cannot store events");
  std::string bytes;
  for (size_t i = 0; i < events.size(); ++i) {
    const v1::LedgerEvent& e = *events[i];
    e.SerializeToString(&bytes);
    const std::string date = FormatIsoDate(dates[i]);
    st.Text(1, e.id());
    st.Text(2, e.item_id());
    st.Text(3, units[i]);
    st.Text(4, e.at());
    st.Int(5, e.kind_case());
    st.Text(6, e.actor());
    st.Blob(7, bytes);
    st.Text(8, date);
    st.Int(9, version);
    if (st.Step() != SQLITE_DONE)
      return db->Error("cannot store event '" + e.id() + "'");
    st.Reset();
  }
  if (!events.empty()) *last = sqlite3_last_insert_rowid(db->get());
  return Status::OK();
}

Status LedgerStore::Impl::InsertEvidence(
    const std::vector<v1::EvidenceEvent>& events,
    const std::vector<Date>& dates, int version, int64_t* last) {
  Statement st(*db,
               "INSERT INTO evidence_events (id, task_id, at, kind, actor, "
               "campaign_version, event, date) VALUES (?, ?, ?, ?, ?, ?, ?, "
               "?)");
  if (!st.ok()) return db->Error("cannot store evidence");
  const v1::Campaign& c = books->campaign().proto();
  std::string bytes;
  for (size_t i = 0; i < events.size(); ++i) {
    const v1::EvidenceEvent& e = events[i];
    e.SerializeToString(&bytes);
    std::string task;
    if (e.has_submit()) {
      for (const v1::EvidenceRequirement& r : c.evidence_requirements())
        if (r.id() == e.submit().requirement_id()) task = r.task_id();
    }
    const std::string date = FormatIsoDate(dates[i]);
    st.Text(1, e.id());
    st.Text(2, task);
    st.Text(3, e.at());
    st.Int(4, e.kind_case());
    st.Text(5, e.actor());
    st.Int(6, version);
    st.Blob(7, bytes);
    st.Text(8, date);
    if (st.Step() != SQLITE_DONE)
      return db->Error("cannot store evidence event '" + e.id() + "'");
    st.Reset();
  }
  if (!events.empty()) *last = sqlite3_last_insert_rowid(db->get());
  return Status::OK();
}

Status LedgerStore::Impl::InsertProgress(
    const std::vector<v1::ProgressReport>& reports, int version,
    int64_t* last) {
  Statement st(*db,
               "INSERT INTO progress_reports (id, target_id, unit_id, date, "
               "campaign_version, report) VALUES (?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return db->Error("cannot store progress reports");
  std::string bytes;
  for (const v1::ProgressReport& r : reports) {
    r.SerializeToString(&bytes);
    st.Text(1, r.id());
    st.Text(2, r.target_id());
    st.Text(3, r.unit_id());
    st.Text(4, r.date());
    st.Int(5, version);
    st.Blob(6, bytes);
    if (st.Step() != SQLITE_DONE)
      return db->Error("cannot store progress report '" + r.id() + "'");
    st.Reset();
  }
  if (!reports.empty()) *last = sqlite3_last_insert_rowid(db->get());
  return Status::OK();
}

}  // namespace chuangwen
