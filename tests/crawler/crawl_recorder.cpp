#include "tests/crawler/crawl_recorder.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <catch2/catch.hpp>

#include "verifier/link_resolution.h"
#include "verifier/page_verifier.h"

namespace badgewatch::testing {

crawler::PageLinks CrawlRecorder::OnPage(const crawler::FetchedPage& page) {
  const verifier::PageReport report = verifier::VerifyPage(
      page.body, {.registered_name = "测试", .url = page.url, .content_type = page.content_type});
  std::lock_guard lock(mutex_);
  pages_.push_back(page.url);
  return {report.links, page_scripts_};
}

void CrawlRecorder::OnScript(const crawler::FetchedPage& script) {
  std::lock_guard lock(mutex_);
  scripts_.push_back(script.url);
}

void CrawlRecorder::OnRecord(const crawler::UrlRecord& record) {
  std::lock_guard lock(mutex_);
  records_.push_back(record);
}

std::vector<std::string> CrawlRecorder::pages() const {
  std::lock_guard lock(mutex_);
  return pages_;
}

std::vector<std::string> CrawlRecorder::scripts() const {
  std::lock_guard lock(mutex_);
  return scripts_;
}

std::vector<crawler::UrlRecord> CrawlRecorder::records() const {
  std::lock_guard lock(mutex_);
  return records_;
}

std::optional<crawler::UrlRecord> CrawlRecorder::RecordOf(const std::string& url) const {
  std::lock_guard lock(mutex_);
  for (const crawler::UrlRecord& record : records_) {
    if (record.url == url) return record;
  }
  return std::nullopt;
}

crawler::CrawlConfig TestCrawlConfig(const std::string& start_url, const std::string& dns_server) {
  crawler::CrawlConfig config;
  config.start_url = start_url;
  config.allow_private = true;
  config.dns.server = dns_server;
  config.dns.timeout = std::chrono::milliseconds(500);
  config.fetch.connect_timeout = std::chrono::milliseconds(1000);
  config.fetch.total_timeout = std::chrono::milliseconds(1500);
  config.fetch.low_speed_time = std::chrono::seconds(1);
  config.retry_backoff = std::chrono::milliseconds(10);
  config.normalize_url = [](std::string_view url) { return verifier::NormalizeHttpUrl(url); };
  return config;
}

crawler::CrawlConfig WithRoomForHandshakes(crawler::CrawlConfig config) {
  config.fetch.connect_timeout = std::chrono::seconds(10);
  config.fetch.total_timeout = std::chrono::seconds(10);
  return config;
}

CrawlRun RunCrawl(const crawler::CrawlConfig& config, CrawlRecorder& recorder) {
  boost::asio::io_context io;
  CrawlRun run;
  auto crawl = crawler::SiteCrawl::Create(io, config, recorder);
  if (!crawl.ok()) {
    run.error = crawl.status().message();
    return run;
  }
  bool finished = false;
  boost::asio::steady_timer deadline(io, std::chrono::seconds(20));
  deadline.async_wait([&](const boost::system::error_code& ec) {
    if (!ec) io.stop();
  });
  crawl.value()->Start([&](crawler::SiteCrawlSummary summary) {
    run.summary = std::move(summary);
    finished = true;
    deadline.cancel();
  });
  io.run();
  REQUIRE(finished);
  return run;
}

}  // namespace badgewatch::testing
