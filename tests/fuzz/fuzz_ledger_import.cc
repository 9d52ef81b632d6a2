// A ledger log from any bytes, imported into a new store bound to the
// example campaign (length-delimited LedgerRecord messages). Either all of
// it is stored or, on any error, nothing: the store then holds no events.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "chuangwen/campaign.h"
#include "chuangwen/codec.h"
#include "chuangwen/ledger_store.h"

namespace {

const chuangwen::v1::Campaign& ExampleCampaign() {
  static const chuangwen::v1::Campaign campaign = [] {
    chuangwen::v1::Campaign c;
    if (!chuangwen::DecodeFile(CW_EXAMPLE_CAMPAIGN, chuangwen::Format::kText,
                               &c)
             .ok())
      std::abort();
    return c;
  }();
  return campaign;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string base =
      "/dev/shm/cw-fuzz-ledger-" + std::to_string(getpid());
  const std::string pristine = base + "-new.db", path = base + ".db";
  chuangwen::LedgerStoreOptions options;
  options.full_sync = false;
  std::unique_ptr<chuangwen::LedgerStore> store;
  // A new store is made once and copied for each input (making one each
  // time held the run to a dozen inputs a second).
  static std::string empty_log;  // What a store without events exports.
  static const bool made = [&] {
    unlink(pristine.c_str());
    std::unique_ptr<chuangwen::LedgerStore> fresh;
    std::ostringstream log;
    if (!chuangwen::LedgerStore::Create(pristine, ExampleCampaign(), &fresh,
                                        options)
             .ok() ||
        !fresh->Export(&log).ok())
      return false;
    empty_log = log.str();
    static const std::string remove = pristine;
    std::atexit([] { unlink(remove.c_str()); });
    return true;
  }();
  if (!made) std::abort();
  std::filesystem::copy_file(pristine, path,
                             std::filesystem::copy_options::overwrite_existing);
  if (!chuangwen::LedgerStore::Open(path, &store, options).ok()) std::abort();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const chuangwen::Status s = store->Import(&in);
  store.reset();
  // Refused: nothing was stored, so the store opens again with no events.
  if (!s.ok()) {
    if (!chuangwen::LedgerStore::Open(path, &store, options).ok()) std::abort();
    std::ostringstream again;
    if (!store->Export(&again).ok() || again.str() != empty_log) std::abort();
    store.reset();
  }
  unlink(path.c_str());
  unlink((path + "-wal").c_str());
  unlink((path + "-shm").c_str());
  return 0;
}
