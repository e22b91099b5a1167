#include "scan/scan_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
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
registry::Result<std::deque<DueSite>> LoadDueSites(registry::Database& db,
                                                   const ScanSettings& settings,
                                                   const std::set<std::int64_t>& skip) {
  registry::Result<std::vector<registry::Site>> sites = registry::ListSites(db);
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
      registry::Result<registry::Unit> loaded = registry::LoadUnit(db, site.unit_id);
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
  return config;
}

// A record for a site that cannot even be crawled (no domain, an invalid
// name): fetch-failed with the reason, like an unreachable site.
registry::SiteRecord UncrawlableRecord(std::int64_t site_id, const std::string& url,
                                       const std::string& reason) {
  registry::SiteRecord record;
  record.site_id = site_id;
  record.verdict = "fail";
  record.problems = {"fetch-failed"};
  record.pages_total = 1;
  record.pages_failed = 1;
  record.failing_pages.push_back({url, std::nullopt, {"fetch-failed"}, reason});
  return record;
}

// Crawls the due sites, `concurrent_sites` at a time, on the io_context.
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
    // A crawl may have nothing pending on the loop for a moment (its pages
    // are being parsed on worker threads): the guard keeps run() going until
    // the last site is done.
    work_.emplace(boost::asio::make_work_guard(io_));
    std::size_t at_once = std::max<std::size_t>(1, settings_.concurrent_sites);
    if (settings_.max_connections > 0) {
      at_once = std::min(
          at_once, std::max<std::size_t>(1, settings_.max_connections /
                                                std::max<std::size_t>(1, settings_.per_host)));
    }
    for (std::size_t i = 0; i < at_once; ++i) {
      LaunchNext();
    }
    if (crawling_.empty()) Finish();  // nothing was due, or nothing could be crawled
    io_.run();
    return progress_.sites_done == progress_.sites_total || writer_.failed();
  }

 private:
  struct Crawling {
    DueSite due;
    std::unique_ptr<SiteCheck> check;
    std::unique_ptr<crawler::SiteCrawl> crawl;
    std::int64_t started_at = 0;  // Unix seconds
  };

  static std::int64_t UnixNow() { return static_cast<std::int64_t>(std::time(nullptr)); }

  // Starts the next due site that can be crawled; sites that cannot (an
  // invalid name) get their fetch-failed record at once.
  void LaunchNext() {
    while (!due_.empty() && !writer_.failed()) {
      DueSite next = std::move(due_.front());
      due_.pop_front();
      const std::int64_t id = next.site.id;
      auto check =
          std::make_unique<SiteCheck>(next.site.fields.name, next.site.badge_id.value_or(""));
      auto crawl = crawler::SiteCrawl::Create(io_, CrawlConfigFor(next.target, settings_), *check);
      if (!crawl.ok()) {
        registry::SiteRecord record =
            UncrawlableRecord(id, next.target.start_url, crawl.error().message);
        Done(std::move(next), std::move(record));
        continue;
      }
      crawling_[id] =
          Crawling{std::move(next), std::move(check), std::move(crawl).value(), UnixNow()};
      crawling_.at(id).crawl->Start([this, id](crawler::SiteCrawlSummary summary) {
        Crawling& finished = crawling_.at(id);
        const SiteCheckReport report = finished.check->Finish(summary);
        registry::SiteRecord record = BuildSiteRecord(id, report, finished.due.site.fields.ips);
        record.crawl_started_at = finished.started_at;
        record.crawl_finished_at = UnixNow();
        Done(std::move(finished.due), std::move(record));
        // The crawl is inside its own callback: destroy it afterwards.
        boost::asio::post(io_, [this, id] {
          crawling_.erase(id);
          LaunchNext();
          if (crawling_.empty()) Finish();  // all done, or the writer failed
        });
      });
      return;
    }
  }

  // Nothing is crawling and nothing more will start: end run() now, even if
  // the caller keeps other work on the loop (a signal_set, curl's idle timers).
  void Finish() {
    work_.reset();
    io_.stop();
  }

  void Done(DueSite due, registry::SiteRecord record) {
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
  detail::RecordWriter& writer_;
  const ScanProgressCallback& on_progress_;
  std::map<std::int64_t, Crawling> crawling_;
  ScanProgress progress_;
  Clock::time_point started_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
};

}  // namespace

registry::Result<ScanOutcome> RunScan(registry::Registry& registry, boost::asio::io_context& io,
                                      const ScanSettings& settings,
                                      const ScanProgressCallback& on_progress) {
  const Clock::time_point started = Clock::now();
  ScanOutcome outcome;
  registry::Database& db = registry.writer();
  std::set<std::int64_t> already_recorded;
  if (settings.scan_id) {
    outcome.scan_id = *settings.scan_id;
  } else if (settings.resume) {
    registry::Result<std::optional<std::int64_t>> unfinished =
        registry::FindUnfinishedNightlyScan(db);
    if (!unfinished) return unfinished.status();
    if (*unfinished) {
      outcome.scan_id = **unfinished;
      outcome.resumed = true;
    }
  }
  if (outcome.scan_id != 0) {
    registry::Result<std::set<std::int64_t>> recorded =
        registry::SitesRecordedInScan(db, outcome.scan_id);
    if (!recorded) return recorded.status();
    already_recorded = std::move(recorded).value();
  }
  registry::Result<std::deque<DueSite>> due = LoadDueSites(db, settings, already_recorded);
  if (!due) return due.status();
  outcome.sites_skipped = already_recorded.size();
  if (outcome.scan_id == 0) {
    registry::Result<std::int64_t> scan =
        registry::StartScan(registry, registry::ScanKind::kNightly);
    if (!scan) return scan.status();
    outcome.scan_id = *scan;
  }
  if (registry::Status s = registry::RecordSitesDue(
          registry, outcome.scan_id,
          static_cast<std::int64_t>(already_recorded.size() + due->size()));
      !s.ok()) {
    return s;
  }

  bool completed = false;
  registry::Status written;
  {
    detail::RecordWriter writer(registry, outcome.scan_id);
    SiteScheduler scheduler(io, settings, std::move(due).value(), writer, on_progress);
    completed = scheduler.Run();
    written = writer.Close(outcome);
  }
  if (!written.ok()) return written;
  if (!completed) {
    return registry::Status(
        registry::StatusCode::kFailedPrecondition,
        fmt::format("scan {} interrupted after {} of its sites; `badgewatch scan --resume` "
                    "continues it",
                    outcome.scan_id, outcome.sites_scanned));
  }
  if (registry::Status s = registry::FinishScan(registry, outcome.scan_id); !s.ok()) return s;
  outcome.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return outcome;
}

}  // namespace badgewatch::scan
