// Destroying a crawl while its work is in flight: DNS answers held back by a
// slow resolver on loopback, a transfer the server never answers, a retry
// timer, pages on the parse pool. Regression for the use-after-free in
// HostTable::OnAnswer (a DNS answer posted to the loop and delivered after its
// crawl was destroyed). Run under ASan by scripts/test.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <random>
#include <string>

#include "tests/crawler/crawl_recorder.h"
#include "tests/support/scripted_dns_server.h"
#include "tests/support/test_web_server.h"

using badgewatch::crawler::SiteCrawl;
using badgewatch::testing::CrawlRecorder;
using badgewatch::testing::ScriptedDnsServer;
using badgewatch::testing::TestCrawlConfig;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;

namespace {

constexpr const char* kHost = "teardown.example.gov.cn";
constexpr const char* kTwin = "www.teardown.example.gov.cn";
constexpr int kRuns = 200;  // destroyed crawls, over both tests

// A site whose crawl keeps every kind of work in flight at once: lookups of
// two names and a numeric host, a transfer that never ends, a 503 that arms a
// retry timer, pages for the pool.
void ServeSite(TestWebServer& server) {
  const std::string port = std::to_string(server.port());
  std::string links;
  for (int i = 0; i < 6; ++i) {
    links += "<a href='/p" + std::to_string(i) + ".html'>p</a>";
  }
  links += "<a href='/slow.html'>slow</a><a href='/retry.html'>retry</a>";
  links += "<a href='http://" + std::string(kTwin) + ":" + port + "/twin.html'>twin</a>";
  links += "<a href='http://127.0.0.1:" + port + "/numeric.html'>numeric</a>";
  server.ServePage(kHost, "/", "首页", links);
  for (int i = 0; i < 6; ++i) {
    server.ServePage(kHost, "/p" + std::to_string(i) + ".html", "页", "<a href='/'>home</a>");
  }
  server.Serve(kHost, "/slow.html", {.behaviour = TestResponse::Behaviour::kNeverAnswer});
  server.ServeSequence(kHost, "/retry.html", {{.status = 503}, {.status = 503}, {}});
  server.ServePage(kTwin, "/twin.html", "页", "");
  server.ServePage("127.0.0.1", "/numeric.html", "页", "");
}

badgewatch::crawler::CrawlConfig TeardownConfig(const TestWebServer& server,
                                                const ScriptedDnsServer& dns) {
  auto config = TestCrawlConfig(
      "http://" + std::string(kHost) + ":" + std::to_string(server.port()) + "/", dns.server());
  config.aliases = {"127.0.0.1"};
  config.workers = 2;
  config.retry_backoff = std::chrono::milliseconds(5);
  return config;
}

// Runs what the destroyed crawl left on the loop. A crawl that cleaned up
// after itself leaves nothing that keeps the loop busy, so run_for returns
// because the loop ran out of work (stopped), not because the bound passed.
bool DrainsAfterDestruction(boost::asio::io_context& io) {
  io.restart();
  io.run_for(std::chrono::seconds(10));
  return io.stopped();
}

}  // namespace

TEST_CASE("SiteCrawl: destroyed after any step of its crawl, it leaves nothing behind",
          "[crawler][network][teardown]") {
  ScriptedDnsServer dns({"127.0.0.1"}, std::chrono::milliseconds(3));
  TestWebServer server;
  ServeSite(server);
  const auto config = TeardownConfig(server, dns);

  // Step k: run exactly k handlers of the crawl, then destroy it. Every k up
  // to the point where the crawl only waits on its endless transfer is tried,
  // so the crawl is destroyed right after each handler that queued an answer,
  // a finished transfer, a timer or a page's links.
  int idle_at = -1;
  for (int step = 0; step < kRuns / 2 && idle_at < 0; ++step) {
    CAPTURE(step);
    boost::asio::io_context io;
    CrawlRecorder recorder;
    auto crawl = SiteCrawl::Create(io, config, recorder);
    REQUIRE(crawl.ok());
    crawl.value()->Start([](badgewatch::crawler::SiteCrawlSummary) {});
    int ran = 0;
    while (ran < step) {
      // A bounded wait: a crawl that has nothing to do for this long is
      // waiting on the transfer the server never answers.
      if (io.run_one_for(std::chrono::milliseconds(300)) == 0) break;
      ++ran;
    }
    if (ran < step) idle_at = step;
    crawl.value().reset();
    CHECK(DrainsAfterDestruction(io));
  }
  // The walk reached the crawl's idle state, so every step before it was tried.
  CHECK(idle_at > 5);
}

TEST_CASE(
    "SiteCrawl: destroyed at random moments while DNS answers are delayed, it leaves "
    "nothing behind (use-after-free in HostTable::OnAnswer)",
    "[crawler][network][teardown]") {
  ScriptedDnsServer dns({"127.0.0.1"}, std::chrono::milliseconds(2));
  TestWebServer server;
  ServeSite(server);
  const auto config = TeardownConfig(server, dns);

  std::mt19937 random(20261202);  // fixed: a failure names its run and repeats
  std::uniform_int_distribution<int> delay_us(0, 25000);
  int finished_first = 0;
  for (int run = 0; run < kRuns / 2; ++run) {
    const int after_us = delay_us(random);
    CAPTURE(run, after_us);
    boost::asio::io_context io;
    CrawlRecorder recorder;
    auto crawl = SiteCrawl::Create(io, config, recorder);
    REQUIRE(crawl.ok());
    crawl.value()->Start([&](badgewatch::crawler::SiteCrawlSummary) { ++finished_first; });
    boost::asio::steady_timer destroy(io, std::chrono::microseconds(after_us));
    destroy.async_wait([&](const boost::system::error_code&) { crawl.value().reset(); });
    CHECK(DrainsAfterDestruction(io));
    CHECK(crawl.value() == nullptr);
  }
  // The endless transfer keeps every crawl running past its destruction.
  CHECK(finished_first == 0);
}
