#include "scan/site_batch.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <utility>

namespace badgewatch::scan {

using SystemClock = std::chrono::system_clock;

SiteBatch::SiteBatch(boost::asio::io_context& io, std::size_t at_once, NextSite next, SiteDone done)
    : io_(io),
      at_once_(std::max<std::size_t>(1, at_once)),
      next_(std::move(next)),
      done_(std::move(done)) {}

SiteBatch::~SiteBatch() = default;

bool SiteBatch::Run() {
  // A crawl may have nothing pending on the loop for a moment (its pages are
  // being parsed on worker threads): the guard keeps run() going until the
  // last site is done.
  work_.emplace(boost::asio::make_work_guard(io_));
  for (std::size_t i = 0; i < at_once_; ++i) LaunchNext();
  if (crawling_.empty()) Finish();  // nothing to check, or nothing could be crawled
  io_.run();
  return finished_;
}

// Starts the next site that can be crawled; a site that cannot (an invalid
// name) is handed to done_ at once, and the next one is tried.
void SiteBatch::LaunchNext() {
  while (std::optional<BatchSite> site = next_()) {
    auto check =
        std::make_unique<SiteCheck>(site->registered_name, site->badge_id, site->max_links);
    const SystemClock::time_point started = SystemClock::now();
    const std::string start_url = site->config.start_url;  // the config moves into the crawl
    auto crawl = crawler::SiteCrawl::Create(io_, std::move(site->config), *check);
    if (!crawl.ok()) {
      done_(BatchResult{site->key, UncrawlableSiteReport(start_url, crawl.status().message()),
                        started, started});
      continue;
    }
    const std::size_t slot = next_slot_++;
    Crawling& crawling = crawling_[slot];
    crawling = Crawling{site->key, std::move(check), std::move(crawl).value(), started};
    crawling.crawl->Start([this, slot](crawler::SiteCrawlSummary summary) {
      Crawling& finished = crawling_.at(slot);
      done_(BatchResult{finished.key, finished.check->Finish(summary), finished.started,
                        SystemClock::now()});
      // The crawl is inside its own callback: destroy it afterwards.
      boost::asio::post(io_, [this, slot] {
        crawling_.erase(slot);
        LaunchNext();
        if (crawling_.empty()) Finish();
      });
    });
    return;
  }
}

// Nothing is crawling and nothing more will start: end run() now, even if
// the caller keeps other work on the loop (a signal_set, curl's idle timers).
void SiteBatch::Finish() {
  finished_ = true;
  work_.reset();
  io_.stop();
}

}  // namespace badgewatch::scan
