// A PageHandler for crawler tests: finds links with the verifier's one parse,
// records every page, script and URL record, and runs a crawl to its end on a
// fresh io_context with a deadline. Test threads only.
#ifndef BADGEWATCH_TESTS_CRAWLER_CRAWL_RECORDER_H_
#define BADGEWATCH_TESTS_CRAWLER_CRAWL_RECORDER_H_

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "crawler/page_handler.h"
#include "crawler/site_crawl.h"

namespace badgewatch::testing {

class CrawlRecorder : public crawler::PageHandler {
 public:
  // Script URLs every page reports as loaded (the verifier does not list scripts).
  explicit CrawlRecorder(std::vector<std::string> page_scripts = {})
      : page_scripts_(std::move(page_scripts)) {}

  crawler::PageLinks OnPage(const crawler::FetchedPage& page) override;
  void OnScript(const crawler::FetchedPage& script) override;
  void OnRecord(const crawler::UrlRecord& record) override;

  [[nodiscard]] std::vector<std::string> pages() const;
  [[nodiscard]] std::vector<std::string> scripts() const;
  [[nodiscard]] std::vector<crawler::UrlRecord> records() const;
  // The record of `url`, if any.
  [[nodiscard]] std::optional<crawler::UrlRecord> RecordOf(const std::string& url) const;

 private:
  const std::vector<std::string> page_scripts_;
  mutable std::mutex mutex_;
  std::vector<std::string> pages_;
  std::vector<std::string> scripts_;
  std::vector<crawler::UrlRecord> records_;
};

// Short limits so hostile servers cost well under a second each, private
// addresses allowed (everything is on loopback), the verifier's normaliser.
[[nodiscard]] crawler::CrawlConfig TestCrawlConfig(const std::string& start_url,
                                                   const std::string& dns_server);
// `config` with 10 s to connect and fetch instead of TestCrawlConfig's 1-1.5 s,
// for tests of what a TLS handshake's failure reads as: under the sanitizers on
// a busy machine a handshake alone can take longer than 1.5 s, which would read
// as a timeout. A failing handshake still fails at once.
[[nodiscard]] crawler::CrawlConfig WithRoomForHandshakes(crawler::CrawlConfig config);

struct CrawlRun {
  std::string error;  // Create failed
  crawler::SiteCrawlSummary summary;
};

// Creates and runs the crawl; fails the test if it takes over 20 s.
[[nodiscard]] CrawlRun RunCrawl(const crawler::CrawlConfig& config, CrawlRecorder& recorder);

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_CRAWLER_CRAWL_RECORDER_H_
