// The nightly compliance scan: every site with an issued badge (or one site,
// or one region) crawled and checked, many sites at once on one io_context,
// each site's compliance record written by one registry writer thread as soon
// as the site is done (so a killed scan resumes where it stopped), compared
// with the site's previous record, and the unit told when its site newly fails.
// RunScan runs on the calling thread and owns the registry until it returns.
//
// Example:
//   ScanSettings settings;
//   settings.resume = true;
//   Result<ScanOutcome> outcome = RunScan(*registry, settings, nullptr);
#ifndef BADGEWATCH_SCAN_SCAN_RUNNER_H_
#define BADGEWATCH_SCAN_SCAN_RUNNER_H_

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "crawler/http_fetcher.h"
#include "crawler/site_crawl.h"
#include "crawler/url_limits.h"
#include "foundation/status.h"
#include "registry/registry.h"
#include "verifier/page_report.h"

namespace badgewatch::scan {

struct ScanSettings {
  std::optional<std::int64_t> site_id;  // only this site
  std::string region_code;              // only sites of units in this region
  bool resume = false;  // continue the newest unfinished scan instead of starting one
  // Record into this unfinished scan, which the caller started (the API does,
  // to answer with its id at once), instead of starting one.
  std::optional<std::int64_t> scan_id;
  std::size_t concurrent_sites = 8;
  std::size_t max_pages = 10000;  // per site
  std::size_t per_host = 2;
  // HTTP connections in flight, all sites together: at most
  // max_connections / per_host sites crawl at once (0: no cap beyond concurrent_sites).
  std::size_t max_connections = 256;
  std::chrono::milliseconds delay{0};
  std::string dns;  // HOST:PORT; empty: the system's resolver
  bool allow_private = false;
  bool ignore_robots = false;
  // Per page: more decoded bytes is fetch-failed (too large); the deadlines
  // of the connection and of the whole transfer are fetch-failed (timeout).
  std::size_t max_page_bytes = crawler::FetchLimits{}.max_body_bytes;
  std::chrono::milliseconds connect_timeout = crawler::FetchLimits{}.connect_timeout;
  std::chrono::milliseconds page_timeout = crawler::FetchLimits{}.total_timeout;
  // Longer URLs, and URLs with more path segments, are skipped as crawler traps.
  std::size_t max_url_length = crawler::UrlLimits{}.max_length;
  std::size_t max_url_depth = crawler::UrlLimits{}.max_depth;
  // Links followed per page; more are counted, not kept (a link flood).
  std::size_t max_links_per_page = verifier::PageExpectation{}.max_links;
  // Wall-clock time per site; past it the site's record carries time-budget
  // and stands on the pages checked so far.
  std::chrono::milliseconds site_time_budget = crawler::CrawlConfig{}.time_budget;
  // Reach the registered domains on this port instead of 80 (a staging
  // mirror of the sites, the demo, tests); 0: the standard port.
  unsigned short site_port = 0;
};

struct ScanProgress {
  std::size_t sites_total = 0;  // due in this run (resumed sites excluded)
  std::size_t sites_done = 0;
  std::size_t sites_failed = 0;
  std::size_t pages = 0;
  double seconds = 0;
};

struct ScanOutcome {
  std::int64_t scan_id = 0;
  bool resumed = false;
  std::size_t sites_skipped = 0;  // recorded by the interrupted run already
  std::size_t sites_scanned = 0;
  std::size_t sites_passed = 0;
  std::size_t sites_failed = 0;
  std::size_t sites_unreachable = 0;
  std::size_t pages_total = 0;
  std::size_t pages_failed = 0;
  // Compared with each site's previous record.
  std::size_t first_records = 0;
  std::size_t newly_failing = 0;
  std::size_t fixed = 0;
  std::size_t still_failing = 0;
  std::size_t newly_unreachable = 0;
  std::size_t notifications = 0;  // units told that their site newly fails
  double seconds = 0;
};

// Progress after each site, on the calling thread; may be null.
using ScanProgressCallback = std::function<void(const ScanProgress&)>;

// Runs the scan on `io` (run on the calling thread until the scan is done).
// Once the due sites are known, the scan's sites_due is recorded (the sites
// recorded before a resume included), so readers can show its progress.
// A failure to read or write the registry stops the scan (it stays
// unfinished, so --resume continues it) and is returned. io.stop() from a
// signal handler interrupts it the same way (kFailedPrecondition "interrupted").
[[nodiscard]] Result<ScanOutcome> RunScan(registry::Registry& registry, boost::asio::io_context& io,
                                          const ScanSettings& settings,
                                          const ScanProgressCallback& on_progress);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SCAN_RUNNER_H_
