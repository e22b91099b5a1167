// The address policy end to end: with private addresses refused, a canary
// listener on loopback must never see a connection, whatever form the address
// takes, whatever DNS answers later, wherever a redirect points.
#include <catch2/catch.hpp>
#include <string>

#include "tests/crawler/crawl_recorder.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/scripted_dns_server.h"
#include "tests/support/test_web_server.h"

using badgewatch::crawler::UrlOutcome;
using badgewatch::testing::CrawlRecorder;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::RunCrawl;
using badgewatch::testing::ScriptedDnsServer;
using badgewatch::testing::TestCrawlConfig;
using badgewatch::testing::TestWebServer;

namespace {

badgewatch::crawler::CrawlConfig PolicyConfig(const std::string& url, const std::string& dns) {
  auto config = TestCrawlConfig(url, dns);
  config.allow_private = false;
  return config;
}

}  // namespace

TEST_CASE("SSRF: private targets are refused before any connection", "[crawler][network]") {
  TestWebServer canary;
  canary.ServePage("canary.example.gov.cn", "/", "Canary", "");
  const std::string port = std::to_string(canary.port());
  DnsmasqProcess dns({{"canary.example.gov.cn", "127.0.0.1"},
                      {"ten.example.gov.cn", "10.0.0.1"},
                      {"meta.example.gov.cn", "169.254.169.254"}});
  struct Case {
    std::string url;
    std::string reason;
  };
  const Case cases[] = {
      {"http://canary.example.gov.cn:" + port + "/", "loopback"},
      {"http://127.0.0.1:" + port + "/", "loopback"},
      {"http://2130706433:" + port + "/", "loopback"},
      {"http://0x7f.1:" + port + "/", "loopback"},
      {"http://0177.0.0.1:" + port + "/", "loopback"},
      {"http://[::ffff:7f00:1]:" + port + "/", "loopback"},
      {"http://[::1]:" + port + "/", "loopback"},
      {"http://ten.example.gov.cn:" + port + "/", "private"},
      {"http://meta.example.gov.cn:" + port + "/", "link-local"},
      {"http://[64:ff9b::7f00:1]:" + port + "/", "loopback"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.url);
    CrawlRecorder recorder;
    const auto run = RunCrawl(PolicyConfig(c.url, dns.server()), recorder);
    REQUIRE(run.error.empty());
    CHECK(recorder.pages().empty());
    REQUIRE(recorder.records().size() == 1);
    const auto record = recorder.records().front();
    CHECK(record.outcome == UrlOutcome::kFailed);
    CHECK_THAT(record.detail, Catch::Contains(c.reason) && Catch::Contains("--allow-private"));
  }
  CHECK(canary.connections() == 0);
}

TEST_CASE("SSRF: a redirect to a private address is refused", "[crawler][network]") {
  TestWebServer canary("127.0.0.1");
  TestWebServer site("127.0.0.2");
  DnsmasqProcess dns(
      std::vector<std::pair<std::string, std::string>>{{"site.example.gov.cn", "127.0.0.2"}});
  const std::string origin = site.Origin("site.example.gov.cn");
  site.ServePage("site.example.gov.cn", "/", "首页", "<a href='/go'>go</a>");
  site.Serve(
      "site.example.gov.cn", "/go",
      {.status = 302,
       .headers = {{"Location", "http://127.0.0.1:" + std::to_string(canary.port()) + "/"}}});
  CrawlRecorder recorder;
  auto config = PolicyConfig(origin + "/", dns.server());
  config.allowed_addresses = {boost::asio::ip::make_address("127.0.0.2")};
  const auto run = RunCrawl(config, recorder);
  REQUIRE(run.error.empty());
  CHECK(recorder.pages().size() == 1);
  CHECK(site.Count("site.example.gov.cn", "/go") == 1);
  CHECK(canary.connections() == 0);
}

TEST_CASE("SSRF: a DNS answer that changes later (rebinding) is never used", "[crawler][network]") {
  TestWebServer site("127.0.0.2");
  TestWebServer canary("127.0.0.1", site.port());  // same port, other address
  ScriptedDnsServer dns({"127.0.0.2", "127.0.0.1"});
  const std::string origin = site.Origin("rebind.example.gov.cn");
  std::string links;
  for (int i = 0; i < 5; ++i) links += "<a href='/p" + std::to_string(i) + ".html'>p</a>";
  site.ServePage("rebind.example.gov.cn", "/", "首页", links);
  for (int i = 0; i < 5; ++i) {
    site.ServePage("rebind.example.gov.cn", "/p" + std::to_string(i) + ".html", "P", "");
  }
  CrawlRecorder recorder;
  auto config = PolicyConfig(origin + "/", dns.server());
  config.allowed_addresses = {boost::asio::ip::make_address("127.0.0.2")};
  const auto run = RunCrawl(config, recorder);
  REQUIRE(run.error.empty());
  CHECK(recorder.pages().size() == 6);
  CHECK(dns.a_queries() == 1);
  CHECK(canary.connections() == 0);
}
