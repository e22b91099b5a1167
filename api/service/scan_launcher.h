// Nightly scans started through the API (`POST /api/scans`): at most one at a
// time, run inside the serve process by scan::RunScan on a thread of its own
// with its own io_context and registry writer connection, so crawling never
// touches the server's loop and a stop of the server stops the scan cleanly
// (it stays unfinished; `badgewatch scan --resume` continues it). A finished
// scan leaves its metrics file and report like `badgewatch scan` (failures to
// write them are logged; the scan stays finished). Start,
// RunningScan and RequestStop from any thread; the destructor joins.
//
// Example:
//   ScanLauncher launcher("badgewatch.db", scan::ScanSettingsFrom(config),
//                         scan::ScanFilesFrom(config));
//   Result<std::int64_t> id = launcher.Start(writer, registry::ActorLabel(actor));
//   launcher.RequestStop();  // on SIGTERM
#ifndef BADGEWATCH_API_SERVICE_SCAN_LAUNCHER_H_
#define BADGEWATCH_API_SERVICE_SCAN_LAUNCHER_H_

#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "api/service/registry_writer.h"
#include "foundation/status.h"
#include "scan/scan_files.h"
#include "scan/scan_runner.h"

namespace badgewatch::api {

class ScanLauncher {
 public:
  // Scans open `db_path` for their own writer and crawl under `settings`
  // (its site, region, resume and scan_id are ignored: a scan of every due
  // site); each finished one writes `files`.
  ScanLauncher(std::string db_path, scan::ScanSettings settings, scan::ScanFiles files = {});
  ~ScanLauncher();  // RequestStop, then waits for the scan's thread
  ScanLauncher(const ScanLauncher&) = delete;
  ScanLauncher& operator=(const ScanLauncher&) = delete;

  // Starts the scan row through `writer` (requested_by: the actor label) and
  // its crawl in the background; returns its id at once. kFailedPrecondition
  // when a scan is already running or the server is stopping.
  [[nodiscard]] Result<std::int64_t> Start(RegistryWriter& writer, const std::string& requested_by);

  // The id of the scan running now, if any.
  [[nodiscard]] std::optional<std::int64_t> RunningScan() const;

  // Interrupts a running scan (records written so far stay) and refuses new
  // ones. Does not wait.
  void RequestStop();

  // Waits until no scan runs (tests; the destructor).
  void Wait();

 private:
  void Run(std::int64_t scan_id, boost::asio::io_context& io);

  const std::string db_path_;
  const scan::ScanSettings settings_;
  const scan::ScanFiles files_;
  mutable std::mutex mutex_;
  std::optional<std::int64_t> running_;
  bool stopping_ = false;
  std::unique_ptr<boost::asio::io_context> io_;  // the running scan's loop
  std::thread thread_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SCAN_LAUNCHER_H_
