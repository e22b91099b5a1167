#include "api/service/scan_launcher.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <utility>

#include "api/service/api_errors.h"
#include "registry/compliance_records.h"
#include "registry/registry.h"

namespace badgewatch::api {

ScanLauncher::ScanLauncher(std::string db_path, scan::ScanSettings settings, scan::ScanFiles files)
    : db_path_(std::move(db_path)), settings_(std::move(settings)), files_(std::move(files)) {}

ScanLauncher::~ScanLauncher() {
  RequestStop();
  Wait();
}

Result<std::int64_t> ScanLauncher::Start(RegistryWriter& writer, const std::string& requested_by) {
  std::lock_guard lock(mutex_);
  if (stopping_) {
    return Error<errors::kServerStopping>();
  }
  if (running_) {
    return Error<errors::kScanRunning>(*running_);
  }
  // The last scan's thread has done its last step (clearing running_).
  if (thread_.joinable()) thread_.join();
  Result<std::int64_t> id = [&] {
    RegistryWriter::Lease lease = writer.Acquire();
    return registry::StartScan(lease.registry(), registry::ScanKind::kNightly, requested_by);
  }();
  if (!id) return id;
  running_ = *id;
  io_ = std::make_unique<boost::asio::io_context>();
  thread_ = std::thread([this, scan_id = *id, &io = *io_] { Run(scan_id, io); });
  return id;
}

std::optional<std::int64_t> ScanLauncher::RunningScan() const {
  std::lock_guard lock(mutex_);
  return running_;
}

void ScanLauncher::RequestStop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  // A stop before the scan reaches run() makes run() return at once.
  if (running_ && io_) io_->stop();
}

void ScanLauncher::Wait() {
  std::thread finishing;
  {
    std::lock_guard lock(mutex_);
    finishing = std::move(thread_);
  }
  if (finishing.joinable()) finishing.join();
}

void ScanLauncher::Run(std::int64_t scan_id, boost::asio::io_context& io) {
  scan::ScanSettings settings = settings_;
  settings.site_id.reset();
  settings.region_code.clear();
  settings.resume = false;
  settings.scan_id = scan_id;
  Result<std::unique_ptr<registry::Registry>> registry = registry::Registry::Open(db_path_);
  if (!registry) {
    spdlog::error("scan {}: cannot open the registry: {}", scan_id, registry.status().ToString());
  } else {
    Result<scan::ScanOutcome> outcome = scan::RunScan(**registry, io, settings, nullptr);
    if (outcome) {
      spdlog::info("scan {}: {} sites scanned ({} pass, {} fail, {} unreachable) in {:.1f} s",
                   scan_id, outcome->sites_scanned, outcome->sites_passed, outcome->sites_failed,
                   outcome->sites_unreachable, outcome->seconds);
      const scan::ScanFilesWritten written = scan::WriteScanFiles(
          (*registry)->writer(), *outcome, files_, static_cast<std::int64_t>(std::time(nullptr)));
      if (!written.report.empty()) spdlog::info("scan {}: report {}", scan_id, written.report);
      for (const std::string& error : written.errors) spdlog::error("scan {}: {}", scan_id, error);
    } else {
      spdlog::warn("scan {}: {}", scan_id, outcome.status().message());
    }
  }
  std::lock_guard lock(mutex_);
  running_.reset();
}

}  // namespace badgewatch::api
