// A ledger file's whole log as length-delimited LedgerRecord messages:
// export, and import into an empty store (built aside, swapped in whole).
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <istream>
#include <ostream>

#include "chuangwen/date.h"
#include "model/text_check.h"
#include "store/ledger_store_impl.h"

namespace chuangwen {

using internal::Statement;
using internal::WriteTransaction;

namespace {

// Rows of one stream in export order, read one at a time.
class StreamReader {
 public:
  StreamReader(const internal::SqliteDb& db, const char* sql)
      : db_(db), st_(db, sql) {
    rc_ = st_.ok() ? st_.Step() : SQLITE_ERROR;
  }
  bool ok() const { return rc_ == SQLITE_ROW || rc_ == SQLITE_DONE; }
  bool more() const { return rc_ == SQLITE_ROW; }
  int64_t seq() const { return st_.ColumnInt(0); }
  int64_t version() const { return st_.ColumnInt(1); }
  std::string date() const {
    const auto* t = sqlite3_column_text(st_.get(), 2);
    return t == nullptr ? "" : reinterpret_cast<const char*>(t);
  }
  std::string_view bytes() const { return st_.ColumnBytes(3); }
  void Next() { rc_ = st_.Step(); }
  Status Error() const { return db_.Error("cannot read the log"); }

 private:
  const internal::SqliteDb& db_;
  Statement st_;
  int rc_;
};

}  // namespace

Status LedgerStore::Export(std::ostream* out) const {
  const internal::SqliteDb& db = *impl_->db;
  StreamReader campaigns(db,
                         "SELECT from_seq, version, reason, campaign FROM "
                         "campaigns ORDER BY version");
  StreamReader events(db,
                      "SELECT seq, campaign_version, date, event FROM events "
                      "ORDER BY seq");
  StreamReader evidence(db,
                        "SELECT seq, campaign_version, date, event FROM "
                        "evidence_events ORDER BY campaign_version, seq");
  StreamReader progress(db,
                        "SELECT seq, campaign_version, '', report FROM "
                        "progress_reports ORDER BY campaign_version, seq");
  if (!campaigns.ok() || !events.ok() || !evidence.ok() || !progress.ok())
    return campaigns.Error();
  v1::LedgerRecord record;
  auto write = [&]() -> Status {
    if (!google::protobuf::util::SerializeDelimitedToOstream(record, out))
      return Status::IOError("cannot write the exported log");
    return Status::OK();
  };
  auto damaged = [&](const char* what, int64_t seq) {
    return Status::ParseError("ledger '" + path() + "': " + what + " " +
                              std::to_string(seq) +
                              " does not parse (the file is damaged)");
  };
  // Evidence and progress recorded under versions up to `v`.
  auto books_up_to = [&](int64_t v) -> Status {
    for (; evidence.more() && evidence.version() <= v; evidence.Next()) {
      record.Clear();
      std::string_view b = evidence.bytes();
      if (!record.mutable_evidence()->ParseFromArray(b.data(),
                                                     static_cast<int>(b.size())))
        return damaged("evidence event", evidence.seq());
      record.set_date(evidence.date());
      CW_RETURN_IF_ERROR(write());
    }
    for (; progress.more() && progress.version() <= v; progress.Next()) {
      record.Clear();
      std::string_view b = progress.bytes();
      if (!record.mutable_progress()->ParseFromArray(b.data(),
                                                     static_cast<int>(b.size())))
        return damaged("progress report", progress.seq());
      CW_RETURN_IF_ERROR(write());
    }
    return Status::OK();
  };
  // Campaign versions in force from ledger event `seq` on; before each, the
  // other books' records of the versions before it.
  auto campaigns_up_to = [&](int64_t seq) -> Status {
    for (; campaigns.more() && campaigns.seq() <= seq; campaigns.Next()) {
      CW_RETURN_IF_ERROR(books_up_to(campaigns.version() - 1));
      record.Clear();
      std::string_view b = campaigns.bytes();
      if (!record.mutable_campaign()->ParseFromArray(b.data(),
                                                     static_cast<int>(b.size())))
        return damaged("campaign version", campaigns.version());
      record.set_reason(campaigns.date());  // The reason column.
      CW_RETURN_IF_ERROR(write());
    }
    return Status::OK();
  };
  int64_t written = 0;
  for (; events.more(); events.Next()) {
    CW_RETURN_IF_ERROR(campaigns_up_to(written));
    record.Clear();
    std::string_view b = events.bytes();
    if (!record.mutable_event()->ParseFromArray(b.data(),
                                                static_cast<int>(b.size())))
      return damaged("event", events.seq());
    record.set_date(events.date());
    CW_RETURN_IF_ERROR(write());
    written = events.seq();
  }
  CW_RETURN_IF_ERROR(campaigns_up_to(INT64_MAX));
  CW_RETURN_IF_ERROR(books_up_to(INT64_MAX));
  if (!campaigns.ok() || !events.ok() || !evidence.ok() || !progress.ok())
    return campaigns.Error();
  out->flush();
  if (!*out) return Status::IOError("cannot write the exported log");
  return Status::OK();
}

Status LedgerStore::Import(std::istream* in) {
  Impl& m = *impl_;
  WriteTransaction txn(m.db.get());
  CW_RETURN_IF_ERROR(txn.status());
  CW_RETURN_IF_ERROR(m.PrepareWrite());
  const size_t inline_reports =
      static_cast<size_t>(m.books->campaign().proto().progress_size());
  if (m.cursor.events != 0 || m.cursor.evidence != 0 ||
      m.books->progress().reports().size() != inline_reports) {
    return Status::Conflict("ledger '" + path() + "' already holds " +
                            std::to_string(m.books->ledger().event_count()) +
                            " events; import needs an empty store");
  }
  // Built aside: the store's books change only once the file has it all.
  std::unique_ptr<Books> books;
  CW_RETURN_IF_ERROR(Books::Make(m.versions[0], &books, false));
  for (size_t v = 1; v < m.versions.size(); ++v) {
    CW_RETURN_IF_ERROR(books->ReplaceCampaign(m.versions[v]));
  }
  books->SetCampaignVersion(static_cast<int>(m.versions.size()));
  std::vector<std::shared_ptr<const Campaign>> versions = m.versions;
  Impl::Cursor cursor = m.cursor;

  google::protobuf::io::IstreamInputStream stream(in);
  std::vector<v1::LedgerEvent> chunk;
  std::vector<Date> chunk_dates;
  std::string current;
  books->campaign().proto().SerializeToString(&current);
  size_t count = 0;
  bool leading = true;
  auto where = [&]() { return "imported log: record " + std::to_string(count); };
  auto flush = [&]() -> Status {
    if (chunk.empty()) return Status::OK();
    Books::LedgerSink sink =
        [&](const std::vector<const v1::LedgerEvent*>& events,
            const std::vector<std::string>& units,
            const std::vector<Date>& dates) {
          return m.InsertLedger(events, units, dates,
                                books->campaign_version(), &cursor.events);
        };
    Status s = books->ApplyLedger(chunk, &chunk_dates, &sink);
    chunk.clear();
    chunk_dates.clear();
    return s.WithContext(where());
  };
  // The recorded date, else the local date of `at`.
  auto date_of = [&](const v1::LedgerRecord& r, const std::string& at,
                     Date* out) -> Status {
    if (!r.date().empty()) return ParseIsoDate(r.date(), out);
    return books->campaign().LocalDate(at, out);
  };
  for (;;) {
    v1::LedgerRecord record;
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(
            &record, &stream, &clean_eof)) {
      if (clean_eof) break;
      return Status::ParseError("imported log: record " +
                                std::to_string(count + 1) + " does not parse");
    }
    ++count;
    CW_RETURN_IF_ERROR(internal::CheckText(record, where()));
    if (record.has_campaign()) {
      CW_RETURN_IF_ERROR(flush());
      std::string bytes;
      record.campaign().SerializeToString(&bytes);
      if (leading && bytes == current) continue;
      std::shared_ptr<const Campaign> model =
          Campaign::Build(record.campaign(), m.options.clock);
      CW_RETURN_IF_ERROR(
          books->ledger().CheckCampaign(*model).WithContext(where()));
      CW_RETURN_IF_ERROR(Impl::InsertCampaign(
          m.db.get(), record.campaign(), cursor.events,
          record.reason().empty() ? "imported" : record.reason(), *model));
      CW_RETURN_IF_ERROR(books->ReplaceCampaign(model));
      versions.push_back(model);
      cursor.campaigns = static_cast<int64_t>(versions.size());
      continue;
    }
    leading = false;
    if (record.has_event()) {
      Date d;
      CW_RETURN_IF_ERROR(date_of(record, record.event().at(), &d)
                             .WithContext(where() + ": date"));
      chunk.push_back(std::move(*record.mutable_event()));
      chunk_dates.push_back(d);
      if (chunk.size() == 4096) CW_RETURN_IF_ERROR(flush());
      continue;
    }
    CW_RETURN_IF_ERROR(flush());
    if (record.has_evidence()) {
      std::vector<Date> dates(1);
      CW_RETURN_IF_ERROR(date_of(record, record.evidence().at(), &dates[0])
                             .WithContext(where() + ": date"));
      std::vector<v1::EvidenceEvent> one = {record.evidence()};
      Books::EvidenceSink sink = [&](const std::vector<Date>& d) {
        return m.InsertEvidence(one, d, books->campaign_version(),
                                &cursor.evidence);
      };
      CW_RETURN_IF_ERROR(
          books->ApplyEvidence(one, &dates, &sink).WithContext(where()));
    } else if (record.has_progress()) {
      std::vector<v1::ProgressReport> one = {record.progress()};
      Books::ProgressSink sink = [&]() {
        return m.InsertProgress(one, books->campaign_version(),
                                &cursor.progress);
      };
      CW_RETURN_IF_ERROR(
          books->ApplyProgress(one, "", true, &sink).WithContext(where()));
    } else {
      return Status::ParseError(where() + " is empty");
    }
  }
  CW_RETURN_IF_ERROR(flush());
  CW_RETURN_IF_ERROR(txn.Commit());
  m.books->Swap(books.get());
  m.versions = std::move(versions);
  m.cursor = cursor;
  return Status::OK();
}

}  // namespace chuangwen
