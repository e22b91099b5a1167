// robots.txt that cannot be read, against a real loopback server (RFC 9309
// 2.3.1): 4xx is "unavailable" and allows everything; 5xx or a network failure
// after the retries is "unreachable" and disallows everything, with the reason
// on every URL not fetched; redirects are followed up to five hops.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/crawler/crawl_recorder.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

using badgewatch::crawler::UrlOutcome;
using badgewatch::testing::CrawlRecorder;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::RunCrawl;
using badgewatch::testing::TestCrawlConfig;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;

namespace {

constexpr const char* kRobotsHost = "jyj.example.gov.cn";
constexpr const char* kOtherHost = "cdn.example.com";  // off the site

// Requests the server saw for anything but robots.txt.
std::vector<std::string> PageRequests(const TestWebServer& server) {
  std::vector<std::string> targets;
  for (const auto& request : server.Log()) {
    if (request.target != "/robots.txt") targets.push_back(request.target);
  }
  return targets;
}

// robots.txt redirects `hops` times (/r1, /r2 ...), the last hop serving `robots`.
void ServeRobotsRedirects(TestWebServer& server, int hops, const TestResponse& robots) {
  server.Serve(kRobotsHost, "/robots.txt", {.status = 301, .headers = {{"Location", "/r1"}}});
  for (int hop = 1; hop < hops; ++hop) {
    server.Serve(kRobotsHost, "/r" + std::to_string(hop),
                 {.status = 302, .headers = {{"Location", "/r" + std::to_string(hop + 1)}}});
  }
  server.Serve(kRobotsHost, "/r" + std::to_string(hops), robots);
}

}  // namespace

TEST_CASE("SiteCrawl: robots.txt that cannot be read, by RFC 9309", "[crawler][network]") {
  DnsmasqProcess dns(std::vector<std::pair<std::string, std::string>>{{kRobotsHost, "127.0.0.1"},
                                                                      {kOtherHost, "127.0.0.1"}});
  TestWebServer server;
  const std::string origin = server.Origin(kRobotsHost);
  server.ServePage(kRobotsHost, "/", "首页",
                   "<a href='/a.html'>a</a><a href='/private/x.html'>x</a>");
  server.ServePage(kRobotsHost, "/a.html", "A", "");
  server.ServePage(kRobotsHost, "/private/x.html", "X", "");
  const TestResponse unavailable{.status = 503, .headers = {{"Retry-After", "0"}}};
  const TestResponse rules{.content_type = "text/plain",
                           .body = "User-agent: *\nDisallow: /private/\n"};
  auto config = TestCrawlConfig(origin + "/", dns.server());
  CrawlRecorder recorder;

  SECTION("404: unavailable, every page is fetched") {
    server.Serve(kRobotsHost, "/robots.txt", {.status = 404});
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(run.summary.pages == 3);
    CHECK(server.Count(kRobotsHost, "/robots.txt") == 1);
  }
  SECTION("503 on every attempt: unreachable, nothing is fetched and the reason is kept") {
    server.Serve(kRobotsHost, "/robots.txt", unavailable);
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(server.Count(kRobotsHost, "/robots.txt") == 3);  // the normal retries
    CHECK(PageRequests(server).empty());                   // not the sitemap either
    CHECK(run.summary.pages == 0);
    CHECK(run.summary.home_url.empty());
    const auto home = recorder.RecordOf(origin + "/");
    REQUIRE(home);
    CHECK(home->outcome == UrlOutcome::kRobots);
    CHECK(home->is_home);
    CHECK(home->detail == "robots.txt unreachable: HTTP 503");
  }
  SECTION("503 then 200: the retry's rules apply") {
    server.ServeSequence(kRobotsHost, "/robots.txt", {unavailable, rules});
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(run.summary.pages == 2);
    CHECK(server.Count(kRobotsHost, "/private/x.html") == 0);
    const auto blocked = recorder.RecordOf(origin + "/private/x.html");
    REQUIRE(blocked);
    CHECK(blocked->outcome == UrlOutcome::kRobots);
    CHECK(blocked->detail == "disallowed by robots.txt");
  }
  SECTION("no answer: unreachable after the timeout") {
    server.Serve(kRobotsHost, "/robots.txt", {.behaviour = TestResponse::Behaviour::kNeverAnswer});
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(PageRequests(server).empty());
    const auto home = recorder.RecordOf(origin + "/");
    REQUIRE(home);
    CHECK(home->outcome == UrlOutcome::kRobots);
    CHECK_THAT(home->detail, Catch::StartsWith("robots.txt unreachable: timeout"));
  }
  SECTION("--ignore-robots fetches everything without asking") {
    server.Serve(kRobotsHost, "/robots.txt", unavailable);
    config.ignore_robots = true;
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(run.summary.pages == 3);
    CHECK(server.Count(kRobotsHost, "/robots.txt") == 0);
  }
  SECTION("redirected: up to five hops, the rules found apply to the first origin") {
    ServeRobotsRedirects(server, 5, rules);
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(server.Count(kRobotsHost, "/r5") == 1);
    CHECK(server.Count(kRobotsHost, "/private/x.html") == 0);
    CHECK(run.summary.pages == 2);
  }
  SECTION("redirected to another authority: its rules apply to this origin") {
    server.Serve(kRobotsHost, "/robots.txt",
                 {.status = 301, .headers = {{"Location", server.Origin(kOtherHost) + "/robots"}}});
    server.Serve(kOtherHost, "/robots", rules);
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(server.Count(kOtherHost, "/robots") == 1);
    CHECK(server.Count(kRobotsHost, "/private/x.html") == 0);
    CHECK(run.summary.pages == 2);
  }
  SECTION("redirected six times: unavailable, every page is fetched") {
    ServeRobotsRedirects(server, 6, rules);
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(server.Count(kRobotsHost, "/r6") == 0);
    CHECK(run.summary.pages == 3);
  }
}
