// Many site checks on one io_context, at most `at_once` crawling at a time:
// the nightly scan's scheduler and `badgewatch check --sites`. Sites are
// pulled from `next` as slots free up; each finished check goes to `done` and
// its crawl is then destroyed, so memory holds only the sites being crawled.
// Constructed, run and called back on the io_context thread.
//
// Example:
//   SiteBatch batch(io, 8, [&] { return NextSite(); },
//                   [&](BatchResult result) { Print(result); });
//   const bool all_done = batch.Run();
#ifndef BADGEWATCH_SCAN_SITE_BATCH_H_
#define BADGEWATCH_SCAN_SITE_BATCH_H_

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "crawler/site_crawl.h"
#include "scan/site_check.h"

namespace badgewatch::scan {

struct BatchSite {
  std::size_t key = 0;  // the caller's; handed back with the result
  crawler::CrawlConfig config;
  std::string registered_name;
  std::string badge_id;  // empty: any unit's badge id is accepted
  std::size_t max_links = verifier::PageExpectation{}.max_links;  // per page
};

struct BatchResult {
  std::size_t key = 0;
  // A site whose crawl could not even start (an invalid host name) gets
  // UncrawlableSiteReport.
  SiteCheckReport report;
  std::chrono::system_clock::time_point started;
  std::chrono::system_clock::time_point finished;
};

class SiteBatch {
 public:
  // The next site to check, or nullopt when there is none (now: a later call
  // is made only when a running site finishes).
  using NextSite = std::function<std::optional<BatchSite>()>;
  using SiteDone = std::function<void(BatchResult)>;

  SiteBatch(boost::asio::io_context& io, std::size_t at_once, NextSite next, SiteDone done);
  ~SiteBatch();
  SiteBatch(const SiteBatch&) = delete;
  SiteBatch& operator=(const SiteBatch&) = delete;

  // Runs `io` on the calling thread until `next` has no site left and every
  // started one is done (true), or until io.stop() from elsewhere — a signal
  // handler (false; the running crawls are then abandoned).
  [[nodiscard]] bool Run();

 private:
  struct Crawling {
    std::size_t key = 0;
    std::unique_ptr<SiteCheck> check;  // outlives the crawl that calls it
    std::unique_ptr<crawler::SiteCrawl> crawl;
    std::chrono::system_clock::time_point started;
  };

  void LaunchNext();
  void Finish();

  boost::asio::io_context& io_;
  std::size_t at_once_;
  NextSite next_;
  SiteDone done_;
  std::map<std::size_t, Crawling> crawling_;  // by slot number
  std::size_t next_slot_ = 0;
  bool finished_ = false;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
};

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SITE_BATCH_H_
