// The crawl of one site on an io_context: resolve and pin its hosts, read
// robots.txt and sitemaps, fetch every in-scope URL once under the politeness
// rules and limits, follow redirects hop by hop with the address policy on
// each, retry transient failures, and hand pages and scripts to a
// PageHandler on a small worker pool. Created, started and destroyed on the
// io_context thread; the `done` callback runs there.
//
// Example:
//   auto crawl = SiteCrawl::Create(io, config, handler);
//   crawl.value()->Start([&](SiteCrawlSummary summary) { io.stop(); });
//   io.run();
#ifndef BADGEWATCH_CRAWLER_SITE_CRAWL_H_
#define BADGEWATCH_CRAWLER_SITE_CRAWL_H_

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/dns_resolver.h"
#include "crawler/http_fetcher.h"
#include "crawler/page_handler.h"
#include "crawler/url_limits.h"
#include "foundation/status.h"

namespace badgewatch::crawler {

// Normalises one absolute URL (scheme/host case, default port, dot segments,
// percent-encoding case, no fragment); nullopt when it is not http(s).
using UrlNormalizer = std::function<std::optional<std::string>(std::string_view)>;

struct CrawlConfig {
  std::string start_url;             // its host may be Unicode
  std::vector<std::string> aliases;  // more hosts of the same site
  // Ports of the site besides the start URL's, 80 and 443 (a mirror serving
  // http and https on two ports of its own); links to any other port are off
  // the site.
  std::vector<int> extra_ports;
  bool allow_private = false;                               // lift the address policy
  std::vector<boost::asio::ip::address> allowed_addresses;  // exceptions to the policy
  bool ignore_robots = false;
  std::size_t max_pages = 10000;                     // URLs fetched per site
  std::size_t per_host = 2;                          // connections and transfers per host
  std::chrono::milliseconds delay{0};                // between requests to one host
  std::chrono::milliseconds max_crawl_delay{30000};  // robots Crawl-delay is capped here
  int max_redirects = 10;
  int max_attempts = 3;                          // on 408/429/5xx and connection errors
  std::chrono::milliseconds retry_backoff{500};  // doubled on each retry
  std::size_t max_sitemaps = 10;
  // Wall-clock time the crawl may take. Past it nothing new is fetched: the
  // URLs still queued or met later are recorded kTimeBudget, the transfers in
  // flight end (each within its own time limits) and the crawl is done with
  // what it checked. Zero: no budget.
  std::chrono::milliseconds time_budget{std::chrono::hours(2)};
  // URLs recorded as not fetched (off the site, over the page limit ...) are
  // recorded once each while this many are remembered, then as they come, so
  // memory stays bounded whatever the pages link to.
  std::size_t max_remembered_urls = 100000;
  std::size_t workers = 1;  // threads running the page handler
  // Fetched pages waiting for the handler; fetching pauses beyond this, which
  // bounds memory when the network outruns parsing.
  std::size_t max_unhandled_pages = 16;
  // ... or beyond this many bytes of them (one page is always taken).
  std::size_t max_unhandled_bytes = 16 * 1024 * 1024;
  std::string robots_agent = "badgewatch";
  UrlLimits url_limits;
  FetchLimits fetch;
  DnsConfig dns;
  UrlNormalizer normalize_url;  // required
};

struct SiteCrawlSummary {
  std::string start_url;  // normalised, ASCII host
  std::string home_url;   // the start URL after redirects; empty if never reached
  std::map<std::string, std::vector<std::string>> addresses;  // host -> what it resolved to
  std::size_t pages = 0;                                      // OnPage calls
  std::size_t scripts = 0;                                    // OnScript calls
  std::size_t failed = 0;                                     // kFailed records
  bool time_budget_exhausted = false;  // stopped early by CrawlConfig::time_budget
};

class SiteCrawl {
 public:
  using DoneCallback = std::function<void(SiteCrawlSummary)>;

  // Fails for a start URL that is not http(s), an invalid host or alias (the
  // IDNA error), a bad DNS server, or a missing normaliser.
  [[nodiscard]] static Result<std::unique_ptr<SiteCrawl>> Create(boost::asio::io_context& io,
                                                                 CrawlConfig config,
                                                                 PageHandler& handler);
  ~SiteCrawl();
  SiteCrawl(const SiteCrawl&) = delete;
  SiteCrawl& operator=(const SiteCrawl&) = delete;

  // Begins the crawl; `done` runs once, when nothing is left to fetch, and
  // never after the crawl is destroyed. Destroying a crawl on the io_context
  // thread is safe at any moment: lookups, transfers and timers still in
  // flight are dropped.
  void Start(DoneCallback done);

  // Pages fetched, URLs queued and failures so far, for a progress line.
  struct Progress {
    std::size_t done = 0;
    std::size_t queued = 0;
    std::size_t failed = 0;
  };
  [[nodiscard]] Progress progress() const;

  class Impl;
  explicit SiteCrawl(std::unique_ptr<Impl> impl);  // use Create

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_SITE_CRAWL_H_
