#include "scan/scan_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "crawler/site_crawl.h"
#include "registry/compliance_records.h"
#include "registry/scan_resumption.h"
#include "registry/sites.h"
#include "registry/units.h"
#include "scan/compliance_record_builder.h"
#include "scan/crawl_target.h"
#include "scan/detail/record_writer.h"
#include "scan/site_batch.h"
#include "scan/site_check.h"

namespace badgewatch::scan {

namespace {

using Clock = std::chrono::steady_clock;

struct DueSite {
  registry::Site site;
  registry::Unit unit;
  CrawlTarget target;  // where its crawl starts
};

// Sites with an issued badge and a domain, narrowed by the settings, minus `skip`.
Result<std::deque<DueSite>> LoadDueSites(registry::Database& db, const ScanSettings& settings,
                                         const std::set<std::int64_t>& skip) {
  Result<std::vector<registry::Site>> sites = registry::ListSites(db);
  if (!sites) return sites.status();
  std::map<std::int64_t, registry::Unit> units;
  std::deque<DueSite> due;
  for (registry::Site& site : *sites) {
    if (!site.badge_id || skip.count(site.id) != 0) continue;
    if (settings.site_id && site.id != *settings.site_id) continue;
    std::optional<CrawlTarget> target = CrawlTargetOf(site.fields, settings.site_port);
    // Built on CONAC's hosting platform, with no domain of its own: nothing to crawl.
    if (!target) continue;
    auto unit = units.find(site.unit_id);
    if (unit == units.end()) {
      Result<registry::Unit> loaded = registry::LoadUnit(db, site.unit_id);
      if (!loaded) return loaded.status();
      unit = units.emplace(site.unit_id, std::move(loaded).value()).first;
    }
    if (!settings.region_code.empty() && unit->second.fields.region_code != settings.region_code) {
      continue;
    }
    due.push_back({std::move(site), unit->second, std::move(*target)});
  }
  return due;
}

// The crawl of one registered site under the scan's settings.
crawler::CrawlConfig CrawlConfigFor(const CrawlTarget& target, const ScanSettings& settings) {
  crawler::CrawlConfig config = CheckCrawlConfig(target);
  config.allow_private = settings.allow_private;
  config.ignore_robots = settings.ignore_robots;
  config.max_pages = settings.max_pages;
  config.per_host = settings.per_host;
  config.delay = settings.delay;
  config.dns.server = settings.dns;
  config.fetch.max_body_bytes = settings.max_page_bytes;
  config.fetch.connect_timeout = settings.connect_timeout;
  config.fetch.total_timeout = settings.page_timeout;
  config.url_limits.max_length = settings.max_url_length;
  config.url_limits.max_depth = settings.max_url_depth;
  config.time_budget = settings.site_time_budget;
  return config;
}

// Crawls the due sites, `concurrent_sites` at a time, on the io_context, and
// hands each site's record to the writer as soon as it is done.
class SiteScheduler {
 public:
  SiteScheduler(boost::asio::io_context& io, const ScanSettings& settings, std::deque<DueSite> due,
                detail::RecordWriter& writer, const ScanProgressCallback& on_progress)
      : io_(io),
        settings_(settings),
        due_(std::move(due)),
        writer_(writer),
        on_progress_(on_progress),
        started_(Clock::now()) {
    progress_.sites_total = due_.size();
  }

  // Runs until every site is done (true) or io was stopped (false).
  bool Run() {
    std::size_t at_once = std::max<std::size_t>(1, settings_.concurrent_sites);
    if (settings_.max_connections > 0) {
      at_once = std::min(
          at_once, std::max<std::size_t>(1, settings_.max_connections /
                                                std::max<std::size_t>(1, settings_.per_host)));
    }
    SiteBatch batch(
        io_, at_once, [this] { return Next(); },
        [this](BatchResult result) { Done(std::move(result)); });
    (void)batch.Run();  // completion is judged below: a failed writer also ends the batch
    return progress_.sites_done == progress_.sites_total || writer_.failed();
  }

 private:
  static std::int64_t UnixSeconds(std::chrono::system_clock::time_point at) {
    return static_cast<std::int64_t>(std::chrono::system_clock::to_time_t(at));
  }

  // The next due site, unless the writer has failed (the scan then stops).
  std::optional<BatchSite> Next() {
    if (due_.empty() || writer_.failed()) return std::nullopt;
    const std::size_t key = next_key_++;
    DueSite& next = launched_.emplace(key, std::move(due_.front())).first->second;
    due_.pop_front();
    return BatchSite{key, CrawlConfigFor(next.target, settings_), next.site.fields.name,
                     next.site.badge_id.value_or(""), settings_.max_links_per_page};
  }

  void Done(BatchResult result) {
    auto launched = launched_.find(result.key);
    DueSite due = std::move(launched->second);
    launched_.erase(launched);
    const std::int64_t id = due.site.id;
    registry::SiteRecord record = BuildSiteRecord(id, result.report, due.site.fields.ips);
    record.crawl_started_at = UnixSeconds(result.started);
    record.crawl_finished_at = UnixSeconds(result.finished);
    ++progress_.sites_done;
    if (record.verdict != "pass") ++progress_.sites_failed;
    progress_.pages += static_cast<std::size_t>(record.pages_total);
    progress_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    writer_.Submit({std::move(due.site), std::move(due.unit), std::move(record)});
    if (on_progress_) on_progress_(progress_);
  }

  boost::asio::io_context& io_;
  const ScanSettings& settings_;
  std::deque<DueSite> due_;
  std::map<std::size_t, DueSite> launched_;  // crawling, by batch key
  std::size_t next_key_ = 0;
  detail::RecordWriter& writer_;
  const ScanProgressCallback& on_progress_;
  ScanProgress progress_;
  Clock::time_point started_;
};

}  // namespace

Result<ScanOutcome> RunScan(registry::Registry& registry, boost::asio::io_context& io,
                            const ScanSettings& settings, const ScanProgressCallback& on_progress) {
  const Clock::time_point started = Clock::now();
  ScanOutcome outcome;
  registry::Database& db = registry.writer();
  std::set<std::int64_t> already_recorded;
  if (settings.scan_id) {
    outcome.scan_id = *settings.scan_id;
  } else if (settings.resume) {
    Result<std::optional<std::int64_t>> unfinished = registry::FindUnfinishedNightlyScan(db);
    if (!unfinished) return unfinished.status();
    if (*unfinished) {
      outcome.scan_id = **unfinished;
      outcome.resumed = true;
    }
  }
  if (outcome.scan_id != 0) {
    Result<std::set<std::int64_t>> recorded = registry::SitesRecordedInScan(db, outcome.scan_id);
    if (!recorded) return recorded.status();
    already_recorded = std::move(recorded).value();
  }
  Result<std::deque<DueSite>> due = LoadDueSites(db, settings, already_recorded);
  if (!due) return due.status();
  outcome.sites_skipped = already_recorded.size();
  if (outcome.scan_id == 0) {
    Result<std::int64_t> scan = registry::StartScan(registry, registry::ScanKind::kNightly);
    if (!scan) return scan.status();
    outcome.scan_id = *scan;
  }
  if (Status s = registry::RecordSitesDue(
          registry, outcome.scan_id,
          static_cast<std::int64_t>(already_recorded.size() + due->size()));
      !s.ok()) {
    return s;
  }

  bool completed = false;
  Status written;
  {
    detail::RecordWriter writer(registry, outcome.scan_id);
    SiteScheduler scheduler(io, settings, std::move(due).value(), writer, on_progress);
    completed = scheduler.Run();
    written = writer.Close(outcome);
  }
  if (!written.ok()) return written;
  if (!completed) {
    return Status(
        StatusCode::kFailedPrecondition,
        fmt::format("scan {} interrupted after {} of its sites; `badgewatch scan --resume` "
                    "continues it",
                    outcome.scan_id, outcome.sites_scanned));
  }
  if (Status s = registry::FinishScan(registry, outcome.scan_id); !s.ok()) return s;
  outcome.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return outcome;
}

}  // namespace badgewatch::scan
