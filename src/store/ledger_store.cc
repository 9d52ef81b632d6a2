// The SQLite store of the books: creation, opening with migrations, folding
// the streams (all of them, again on every write), appends, campaign
// versions, history.
#include "chuangwen/ledger_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "chuangwen/date.h"
#include "store/ledger_store_impl.h"
#include "store/schema.h"

namespace chuangwen {

using internal::SqliteDb;
using internal::Statement;
using internal::WriteTransaction;

namespace {

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

Status Configure(SqliteDb* db, const LedgerStoreOptions& options) {
  Statement wal(*db, "PRAGMA journal_mode=WAL");
  if (!wal.ok() || wal.Step() != SQLITE_ROW)
    return db->Error("cannot switch to WAL mode");
  // A larger page cache keeps the indexes' pages in memory between batches.
  CW_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size=-65536"));
  return db->Exec(options.full_sync ? "PRAGMA synchronous=FULL"
                                    : "PRAGMA synchronous=NORMAL");
}

void RemoveQuietly(const std::string& path) {
  ::unlink(path.c_str());
  ::unlink((path + "-wal").c_str());
  ::unlink((path + "-shm").c_str());
  ::unlink((path + "-journal").c_str());
}

// Puts the finished file `temp` at `path` unless something is there: a hard
// link fails if the name exists, so two creators cannot both win.
Status Publish(const std::string& temp, const std::string& path) {
  if (::link(temp.c_str(), path.c_str()) == 0) return Status::OK();
  const int err = errno;
  if (err == EEXIST) return Status::Conflict("ledger '" + path + "' already exists");
  if (err == EPERM || err == ENOTSUP || err == EXDEV) {
    // File systems without hard links: claim the name, then move over it.
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0644);
    if (fd < 0) {
      return errno == EEXIST
                 ? Status::Conflict("ledger '" + path + "' already exists")
                 : Status::IOError("ledger '" + path + "': cannot create: " +
                                   std::strerror(errno));
    }
    ::close(fd);
    if (::rename(temp.c_str(), path.c_str()) == 0) return Status::OK();
    const int rename_err = errno;
    ::unlink(path.c_str());  // The empty file this call made.
    return Status::IOError("ledger '" + path + "': cannot create: " +
                           std::strerror(rename_err));
  }
  return Status::IOError("ledger '" + path + "': cannot create: " +
                         std::strerror(err));
}

}  // namespace

LedgerStore::LedgerStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LedgerStore::~LedgerStore() = default;

const Books& LedgerStore::books() const { return *impl_->books; }
bool LedgerStore::read_only() const { return !impl_->damage.empty(); }
const std::vector<std::string>& LedgerStore::damage() const {
  return impl_->damage;
}
const std::string& LedgerStore::path() const { return impl_->db->path(); }

Status LedgerStore::Create(const std::string& path,
                           const v1::Campaign& campaign,
                           std::unique_ptr<LedgerStore>* out,
                           const LedgerStoreOptions& options) {
  if (FileExists(path))
    return Status::Conflict("ledger '" + path + "' already exists");
  std::shared_ptr<const Campaign> model =
      Campaign::Build(campaign, options.clock);
  CW_RETURN_IF_ERROR(model->CheckValid());
  std::unique_ptr<Books> check;
  CW_RETURN_IF_ERROR(Books::Make(model, &check, false));
  // Built aside under a name of its own, then published whole.
  std::string temp = path + ".creating-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return Status::IOError("ledger '" + path + "': cannot create: " +
                           std::strerror(errno));
  }
  ::close(fd);
  Status s = [&]() -> Status {
    std::unique_ptr<SqliteDb> db;
    CW_RETURN_IF_ERROR(SqliteDb::Open(temp, SQLITE_OPEN_READWRITE,
                                      options.busy_timeout_ms, &db));
    // Larger pages: fewer WAL frames (one write each) per committed batch.
    CW_RETURN_IF_ERROR(db->Exec("PRAGMA page_size=16384"));
    CW_RETURN_IF_ERROR(Configure(db.get(), options));
    CW_RETURN_IF_ERROR(internal::MigrateLedgerSchema(db.get()));
    WriteTransaction txn(db.get());
    CW_RETURN_IF_ERROR(txn.status());
    CW_RETURN_IF_ERROR(Impl::InsertCampaign(db.get(), campaign, 0, "created",
                                            *model));
    CW_RETURN_IF_ERROR(txn.Commit());
    db.reset();  // Closing checkpoints the WAL into the file.
    return Publish(temp, path);
  }();
  RemoveQuietly(temp);
  CW_RETURN_IF_ERROR(s);
  return Open(path, out, options);
}

Status LedgerStore::Open(const std::string& path,
                         std::unique_ptr<LedgerStore>* out,
                         const LedgerStoreOptions& options) {
  if (!FileExists(path))
    return Status::NotFound("ledger '" + path + "' does not exist");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  CW_RETURN_IF_ERROR(SqliteDb::Open(path, SQLITE_OPEN_READWRITE,
                                    options.busy_timeout_ms, &impl->db));
  SqliteDb* db = impl->db.get();
  int64_t app = 0, version = 0;
  CW_RETURN_IF_ERROR(db->QueryInt("PRAGMA application_id", &app));
  CW_RETURN_IF_ERROR(db->QueryInt("PRAGMA user_version", &version));
  if (app != internal::kLedgerApplicationId || version == 0) {
    return Status::ParseError("ledger '" + path +
                              "' is not a chuangwen ledger (a SQLite file of "
                              "another application, or not one at all)");
  }
  CW_RETURN_IF_ERROR(Configure(db, options));
  CW_RETURN_IF_ERROR(internal::MigrateLedgerSchema(db));
  CW_RETURN_IF_ERROR(impl->Fold());
  out->reset(new LedgerStore(std::move(impl)));
  return Status::OK();
}

Status LedgerStore::Refresh() { return impl_->Fold(); }

Status LedgerStore::Append(const std::vector<v1::LedgerEvent>& batch,
                           std::vector<v1::LedgerEvent>* accepted) {
  Impl& m = *impl_;
  WriteTransaction txn(m.db.get());
  CW_RETURN_IF_ERROR(txn.status());
  CW_RETURN_IF_ERROR(m.PrepareWrite());
  int64_t last = m.cursor.events;
  Books::LedgerSink sink = [&](const std::vector<const v1::LedgerEvent*>& events,
                               const std::vector<std::string>& units,
                               const std::vector<Date>& dates) {
    CW_RETURN_IF_ERROR(m.InsertLedger(events, units, dates,
                                      m.books->campaign_version(), &last));
    return txn.Commit();
  };
  CW_RETURN_IF_ERROR(m.books->ApplyLedger(batch, nullptr, &sink, accepted));
  m.cursor.events = last;
  return Status::OK();
}

Status LedgerStore::AppendEvidence(
    const std::vector<v1::EvidenceEvent>& batch) {
  Impl& m = *impl_;
  WriteTransaction txn(m.db.get());
  CW_RETURN_IF_ERROR(txn.status());
  CW_RETURN_IF_ERROR(m.PrepareWrite());
  int64_t last = m.cursor.evidence;
  Books::EvidenceSink sink = [&](const std::vector<Date>& dates) {
    CW_RETURN_IF_ERROR(m.InsertEvidence(batch, dates,
                                        m.books->campaign_version(), &last));
    return txn.Commit();
  };
  CW_RETURN_IF_ERROR(m.books->ApplyEvidence(batch, nullptr, &sink));
  m.cursor.evidence = last;
  return Status::OK();
}

Status LedgerStore::AppendProgress(const std::vector<v1::ProgressReport>& batch,
                                   const std::string& today) {
  Impl& m = *impl_;
  WriteTransaction txn(m.db.get());
  CW_RETURN_IF_ERROR(txn.status());
  CW_RETURN_IF_ERROR(m.PrepareWrite());
  int64_t last = m.cursor.progress;
  Books::ProgressSink sink = [&]() {
    CW_RETURN_IF_ERROR(
        m.InsertProgress(batch, m.books->campaign_version(), &last));
    return txn.Commit();
  };
  CW_RETURN_IF_ERROR(m.books->ApplyProgress(batch, today, false, &sink));
  m.cursor.progress = last;
  return Status::OK();
}

Status LedgerStore::ReplaceCampaign(const v1::Campaign& campaign,
                                    const std::string& reason) {
  if (reason.empty())
    return Status::InvalidArgument("replacing the campaign needs a reason");
  Impl& m = *impl_;
  std::shared_ptr<const Campaign> model =
      Campaign::Build(campaign, m.options.clock);
  WriteTransaction txn(m.db.get());
  CW_RETURN_IF_ERROR(txn.status());
  CW_RETURN_IF_ERROR(m.PrepareWrite());
  CW_RETURN_IF_ERROR(m.books->ledger().CheckCampaign(*model));
  CW_RETURN_IF_ERROR(Impl::InsertCampaign(m.db.get(), campaign,
                                          m.cursor.events, reason, *model));
  CW_RETURN_IF_ERROR(txn.Commit());
  CW_RETURN_IF_ERROR(m.books->ReplaceCampaign(model));
  m.versions.push_back(model);
  m.cursor.campaigns = static_cast<int64_t>(m.versions.size());
  return Status::OK();
}

Status LedgerStore::History(const std::string& item_id,
                            v1::ItemHistory* out) const {
  out->Clear();
  std::vector<uint64_t> positions;
  CW_RETURN_IF_ERROR(ledger().EventPositions(item_id, &positions));
  v1::LedgerItem item;
  if (ledger().Item(item_id, &item).ok()) *out->mutable_item() = item;
  Statement st(*impl_->db,
               "SELECT seq, event FROM events WHERE item_id = ? ORDER BY seq");
  if (!st.ok()) return impl_->db->Error("cannot read events");
  st.Text(1, item_id);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    std::string_view bytes = st.ColumnBytes(1);
    if (!out->add_events()->ParseFromArray(bytes.data(),
                                           static_cast<int>(bytes.size()))) {
      return Status::ParseError("ledger '" + path() + "': event " +
                                std::to_string(st.ColumnInt(0)) +
                                " does not parse (the file is damaged)");
    }
  }
  if (rc != SQLITE_DONE) return impl_->db->Error("cannot read events");
  return Status::OK();
}

}  // namespace chuangwen
