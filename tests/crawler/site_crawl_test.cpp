// The crawler against real servers on loopback: a Beast test server serving
// fixture sites by Host, names through a real dnsmasq.
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "tests/crawler/crawl_recorder.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/self_signed_certificate.h"
#include "tests/support/test_web_server.h"

using badgewatch::crawler::UrlOutcome;
using badgewatch::testing::CrawlRecorder;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::RunCrawl;
using badgewatch::testing::SelfSignedCertificate;
using badgewatch::testing::TestCrawlConfig;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;
using badgewatch::testing::WithRoomForHandshakes;

namespace {

constexpr const char* kIdnHost = "xn--dgtp5sd2w.xn--zfr164b";  // 教育局.政务
constexpr const char* kGovHost = "jyj.example.gov.cn";
constexpr const char* kAliasHost = "xn--dgtp5sd2w.xn--55qw42g";  // 教育局.公益

DnsmasqProcess StartDns() {
  return DnsmasqProcess({{kIdnHost, "127.0.0.1"},
                         {kGovHost, "127.0.0.1"},
                         {kAliasHost, "127.0.0.1"},
                         {"other.example.gov.cn", "127.0.0.1"},
                         {"nx.example.gov.cn", ""}});
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("SiteCrawl: IDN site end to end with every page fetched once", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kIdnHost);
  server.ServePage(kIdnHost, "/", "首页",
                   "<a href='/a.html'>a</a><a href='./a.html#top'>a again</a>"
                   "<a href='/b/../a.html'>a once more</a><a href='b.html'>b</a>"
                   "<a href='" +
                       origin + "/b.html'>b absolute</a>");
  server.ServePage(kIdnHost, "/a.html", "A", "<a href='/'>home</a><a href='/b.html'>b</a>");
  server.ServePage(kIdnHost, "/b.html", "B", "<a href='/a.html'>a</a>");

  CrawlRecorder recorder;
  const auto run = RunCrawl(
      TestCrawlConfig("http://教育局.政务:" + std::to_string(server.port()) + "/", dns.server()),
      recorder);
  REQUIRE(run.error.empty());
  CHECK(run.summary.home_url == origin + "/");
  CHECK(run.summary.pages == 3);
  CHECK(run.summary.addresses.at(kIdnHost) == std::vector<std::string>{"127.0.0.1"});
  for (const char* path : {"/", "/a.html", "/b.html"}) {
    CAPTURE(path);
    CHECK(server.Count(kIdnHost, path) == 1);
  }
  CHECK(server.Count(kIdnHost, "/robots.txt") == 1);
}

TEST_CASE("SiteCrawl: an invalid IDN start host is a clear error", "[crawler]") {
  CrawlRecorder recorder;
  const auto run =
      RunCrawl(TestCrawlConfig("http://" + std::string(64, 'a') + ".gov.cn/", ""), recorder);
  CHECK_THAT(run.error, Catch::Contains("IDN2_TOO_BIG_LABEL"));
}

TEST_CASE("SiteCrawl: redirects are followed hop by hop and loops detected", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.Serve(kGovHost, "/", {.status = 302, .headers = {{"Location", "/index.html"}}});
  server.ServePage(kGovHost, "/index.html", "首页",
                   "<a href='/old'>old</a><a href='/loop1'>loop</a><a href='/far'>far</a>");
  server.Serve(kGovHost, "/old", {.status = 301, .headers = {{"Location", "/new.html"}}});
  server.ServePage(kGovHost, "/new.html", "New", "");
  server.Serve(kGovHost, "/loop1", {.status = 302, .headers = {{"Location", "/loop2"}}});
  server.Serve(kGovHost, "/loop2", {.status = 302, .headers = {{"Location", "/loop1"}}});
  server.Serve(kGovHost, "/far", {.status = 302, .headers = {{"Location", "https://www.gov.cn/"}}});

  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  CHECK(run.summary.home_url == origin + "/index.html");
  CHECK(Contains(recorder.pages(), origin + "/new.html"));
  const auto loop = recorder.RecordOf(origin + "/loop1");
  REQUIRE(loop);
  CHECK(loop->outcome == UrlOutcome::kFailed);
  CHECK_THAT(loop->detail, Catch::Contains("redirect loop"));
  const auto far = recorder.RecordOf(origin + "/far");
  REQUIRE(far);
  CHECK(far->outcome == UrlOutcome::kOutOfScope);
  CHECK(server.Count(kGovHost, "/loop1") == 1);
  CHECK(server.Count(kGovHost, "/new.html") == 1);
}

TEST_CASE("SiteCrawl: robots.txt rules and sitemap seeding", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.Serve(kGovHost, "/robots.txt",
               {.content_type = "text/plain",
                .body = "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.01\nSitemap: " +
                        origin + "/map.xml\n"});
  server.Serve(kGovHost, "/map.xml",
               {.content_type = "application/xml",
                .body = "<urlset><url><loc>" + origin + "/orphan.html</loc></url></urlset>"});
  server.ServePage(kGovHost, "/", "首页", "<a href='/private/x.html'>x</a>");
  server.ServePage(kGovHost, "/private/x.html", "X", "");
  server.ServePage(kGovHost, "/orphan.html", "Orphan", "");

  SECTION("honoured by default") {
    CrawlRecorder recorder;
    const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
    REQUIRE(run.error.empty());
    CHECK(Contains(recorder.pages(), origin + "/orphan.html"));
    CHECK(server.Count(kGovHost, "/private/x.html") == 0);
    const auto blocked = recorder.RecordOf(origin + "/private/x.html");
    REQUIRE(blocked);
    CHECK(blocked->outcome == UrlOutcome::kRobots);
  }
  SECTION("--ignore-robots") {
    CrawlRecorder recorder;
    auto config = TestCrawlConfig(origin + "/", dns.server());
    config.ignore_robots = true;
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(server.Count(kGovHost, "/private/x.html") == 1);
    CHECK(server.Count(kGovHost, "/robots.txt") == 0);
  }
}

TEST_CASE("SiteCrawl: scope covers the twin and aliases and nothing else", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  const std::string port = std::to_string(server.port());
  server.ServePage(kGovHost, "/", "首页",
                   "<a href='http://" + std::string(kAliasHost) + ":" + port +
                       "/zh.html'>中文</a><a href='http://other.example.gov.cn:" + port +
                       "/x.html'>other</a>");
  server.ServePage(kAliasHost, "/zh.html", "中文", "");
  server.ServePage("other.example.gov.cn", "/x.html", "Other", "");

  CrawlRecorder recorder;
  auto config = TestCrawlConfig(origin + "/", dns.server());
  config.aliases = {"教育局.公益"};
  const auto run = RunCrawl(config, recorder);
  REQUIRE(run.error.empty());
  CHECK(server.Count(kAliasHost, "/zh.html") == 1);
  CHECK(server.Count("other.example.gov.cn", "/x.html") == 0);
  const auto other = recorder.RecordOf("http://other.example.gov.cn:" + port + "/x.html");
  REQUIRE(other);
  CHECK(other->outcome == UrlOutcome::kOutOfScope);
}

TEST_CASE("SiteCrawl: links to another port of the site's host are another server",
          "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  TestWebServer other_port;
  const std::string origin = server.Origin(kGovHost);
  const std::string elsewhere = other_port.Origin(kGovHost) + "/admin.html";
  server.ServePage(kGovHost, "/", "首页",
                   "<a href='/a.html'>a</a><a href='" + elsewhere + "'>admin</a>");
  server.ServePage(kGovHost, "/a.html", "A", "");
  other_port.ServePage(kGovHost, "/admin.html", "Admin", "");

  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  CHECK(server.Count(kGovHost, "/a.html") == 1);
  CHECK(other_port.Count(kGovHost, "/admin.html") == 0);
  const auto record = recorder.RecordOf(elsewhere);
  REQUIRE(record);
  CHECK(record->outcome == UrlOutcome::kOutOfScope);
  CHECK_THAT(record->detail, Catch::Contains("another port"));
}

TEST_CASE("SiteCrawl: non-HTML links are fetched but are not pages", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.ServePage(kGovHost, "/", "首页",
                   "<a href='/doc.pdf'>pdf</a><a href='/sniffed'>sniffed</a>");
  server.Serve(kGovHost, "/doc.pdf", {.content_type = "application/pdf", .body = "%PDF-1.4"});
  server.Serve(kGovHost, "/sniffed",
               {.content_type = "", .body = "<!DOCTYPE html><title>S</title>"});

  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  const auto pdf = recorder.RecordOf(origin + "/doc.pdf");
  REQUIRE(pdf);
  CHECK(pdf->outcome == UrlOutcome::kNotPage);
  CHECK(Contains(recorder.pages(), origin + "/sniffed"));
}

TEST_CASE("SiteCrawl: hostile servers hit the limits, not the crawler", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  using B = TestResponse::Behaviour;
  server.ServePage(kGovHost, "/", "首页",
                   "<a href='/endless'>1</a><a href='/bomb'>2</a><a href='/silent'>3</a>"
                   "<a href='/trickle'>4</a><a href='/cal/next/next/next/'>5</a>");
  server.Serve(kGovHost, "/endless", {.behaviour = B::kEndlessBody});
  server.Serve(kGovHost, "/bomb", {.behaviour = B::kGzipBomb});
  server.Serve(kGovHost, "/silent", {.behaviour = B::kNeverAnswer});
  server.Serve(kGovHost, "/trickle", {.behaviour = B::kTrickle});

  CrawlRecorder recorder;
  auto config = TestCrawlConfig(origin + "/", dns.server());
  config.per_host = 8;
  const auto run = RunCrawl(config, recorder);
  REQUIRE(run.error.empty());
  struct Expect {
    const char* path;
    UrlOutcome outcome;
    const char* detail;
  };
  const Expect expects[] = {
      {"/endless", UrlOutcome::kFailed, "too-large"},
      {"/bomb", UrlOutcome::kFailed, "too-large"},
      {"/silent", UrlOutcome::kFailed, "timeout"},
      {"/trickle", UrlOutcome::kFailed, "timeout"},
      {"/cal/next/next/next/", UrlOutcome::kTrap, "repeated"},
  };
  for (const Expect& expect : expects) {
    CAPTURE(expect.path);
    const auto record = recorder.RecordOf(origin + expect.path);
    REQUIRE(record);
    CHECK(record->outcome == expect.outcome);
    CHECK_THAT(record->detail, Catch::Contains(expect.detail));
  }
  CHECK(server.Count(kGovHost, "/cal/next/next/next/") == 0);
}

TEST_CASE("SiteCrawl: a 1 MB response header is too-large, not out of memory",
          "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  TestResponse giant;
  giant.body = "<html><head><title>x</title></head><body></body></html>";
  giant.headers = {{"X-Padding", std::string(1024 * 1024, 'a')}};
  server.Serve(kGovHost, "/", giant);
  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(server.Origin(kGovHost) + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  const auto home = recorder.RecordOf(server.Origin(kGovHost) + "/");
  REQUIRE(home);
  CHECK(home->outcome == UrlOutcome::kFailed);
  CHECK_THAT(home->detail, Catch::StartsWith("too-large: response headers larger than 100 KiB"));
}

TEST_CASE("SiteCrawl: retries 503 then 503 then 200", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.ServePage(kGovHost, "/", "首页", "<a href='/flaky.html'>flaky</a><a href='/down'>d</a>");
  TestResponse unavailable{.status = 503, .headers = {{"Retry-After", "0"}}};
  TestResponse ok{.body = "<title>Flaky</title>"};
  server.ServeSequence(kGovHost, "/flaky.html", {unavailable, unavailable, ok});
  server.Serve(kGovHost, "/down", unavailable);

  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  CHECK(server.Count(kGovHost, "/flaky.html") == 3);
  CHECK(Contains(recorder.pages(), origin + "/flaky.html"));
  CHECK(server.Count(kGovHost, "/down") == 3);
  const auto down = recorder.RecordOf(origin + "/down");
  REQUIRE(down);
  CHECK(down->detail == "HTTP 503");
}

TEST_CASE("SiteCrawl: unreachable sites fail with the reason", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  CrawlRecorder recorder;
  SECTION("NXDOMAIN") {
    const auto run = RunCrawl(TestCrawlConfig("http://nx.example.gov.cn/", dns.server()), recorder);
    REQUIRE(run.error.empty());
    const auto home = recorder.RecordOf("http://nx.example.gov.cn/");
    REQUIRE(home);
    CHECK(home->is_home);
    CHECK_THAT(home->detail, Catch::Contains("NXDOMAIN"));
  }
  SECTION("connection refused") {
    std::uint16_t port = 0;
    {
      TestWebServer closed;
      port = closed.port();
    }
    const std::string url = "http://" + std::string(kGovHost) + ":" + std::to_string(port) + "/";
    const auto run = RunCrawl(TestCrawlConfig(url, dns.server()), recorder);
    REQUIRE(run.error.empty());
    const auto home = recorder.RecordOf(url);
    REQUIRE(home);
    // robots.txt is asked first: unreachable, so nothing else is (RFC 9309).
    CHECK(home->outcome == UrlOutcome::kRobots);
    CHECK(home->is_home);
    CHECK_THAT(home->detail, Catch::StartsWith("robots.txt unreachable: connection refused") &&
                                 Catch::Contains(std::to_string(port)));
  }
}

TEST_CASE("SiteCrawl: TLS failures are reported as such", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;  // plain HTTP: a TLS handshake with it fails
  server.ServePage(kGovHost, "/", "首页", "");
  const std::string url =
      "https://" + std::string(kGovHost) + ":" + std::to_string(server.port()) + "/";
  CrawlRecorder recorder;
  const auto run = RunCrawl(WithRoomForHandshakes(TestCrawlConfig(url, dns.server())), recorder);
  REQUIRE(run.error.empty());
  const auto home = recorder.RecordOf(url);
  REQUIRE(home);
  // On robots.txt, the first request: unreachable, so the site is not crawled.
  CHECK(home->outcome == UrlOutcome::kRobots);
  CHECK_THAT(home->detail, Catch::StartsWith("robots.txt unreachable: TLS error"));
}

TEST_CASE("SiteCrawl: politeness caps connections and spaces requests", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  std::string links;
  for (int i = 0; i < 12; ++i) links += "<a href='/p" + std::to_string(i) + ".html'>p</a>";
  server.ServePage(kGovHost, "/", "首页", links);
  for (int i = 0; i < 12; ++i) {
    server.ServePage(kGovHost, "/p" + std::to_string(i) + ".html", "P", "");
  }
  SECTION("at most two connections per host") {
    CrawlRecorder recorder;
    const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
    REQUIRE(run.error.empty());
    CHECK(recorder.pages().size() == 13);
    CHECK(server.max_concurrent_connections() <= 2);
  }
  SECTION("robots Crawl-delay spaces the requests to one host") {
    server.Serve(kGovHost, "/robots.txt",
                 {.content_type = "text/plain", .body = "User-agent: *\nCrawl-delay: 0.05\n"});
    CrawlRecorder recorder;
    const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
    REQUIRE(run.error.empty());
    CHECK(recorder.pages().size() == 13);
    std::vector<std::chrono::steady_clock::time_point> starts;
    for (const auto& request : server.Log()) {
      if (request.target != "/robots.txt" && request.target != "/sitemap.xml") {
        starts.push_back(request.at);
      }
    }
    REQUIRE(starts.size() == 13);
    // Starts are 50 ms apart at the crawler; the server sees them shifted by
    // connection set-up, so the span of all twelve gaps is what is checked.
    CHECK(starts.back() - starts.front() >= std::chrono::milliseconds(12 * 48));
  }
}

TEST_CASE("SiteCrawl: an IPv6 literal site is fetched over IPv6", "[crawler][network]") {
  std::unique_ptr<TestWebServer> server;
  try {
    server = std::make_unique<TestWebServer>("::1");
  } catch (const std::exception&) {
    WARN("no IPv6 loopback on this machine");
    return;
  }
  const std::string origin = "http://[::1]:" + std::to_string(server->port());
  server->ServePage("[::1]", "/", "首页", "<a href='/a.html'>a</a>");
  server->ServePage("[::1]", "/a.html", "A", "");
  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", ""), recorder);
  REQUIRE(run.error.empty());
  CHECK(recorder.pages().size() == 2);
}

TEST_CASE("SiteCrawl: the site's scripts are fetched once and handed over", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.ServePage(kGovHost, "/", "首页", "<a href='/a.html'>a</a><a href='/b.html'>b</a>");
  server.ServePage(kGovHost, "/a.html", "A", "");
  server.ServePage(kGovHost, "/b.html", "B", "");
  server.Serve(kGovHost, "/static/site.js",
               {.content_type = "application/javascript", .body = "document.write('');"});
  CrawlRecorder recorder({origin + "/static/site.js", "https://cdn.example.com/x.js"});
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  CHECK(recorder.pages().size() == 3);
  CHECK(recorder.scripts() == std::vector<std::string>{origin + "/static/site.js"});
  CHECK(server.Count(kGovHost, "/static/site.js") == 1);
  CHECK(run.summary.scripts == 1);
}

TEST_CASE("SiteCrawl: Retry-After is honoured between attempts", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.ServeSequence(
      kGovHost, "/",
      {{.status = 429, .headers = {{"Retry-After", "1"}}}, {.body = "<title>首页</title>"}});
  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  CHECK(recorder.pages().size() == 1);
  std::vector<std::chrono::steady_clock::time_point> home_requests;
  for (const auto& request : server.Log()) {
    if (request.target == "/") home_requests.push_back(request.at);
  }
  REQUIRE(home_requests.size() == 2);
  CHECK(home_requests[1] - home_requests[0] >= std::chrono::milliseconds(990));
}

TEST_CASE("SiteCrawl: a DNS server that does not answer is a DNS failure", "[crawler][network]") {
  const std::string silent = "127.0.0.1:" + std::to_string(badgewatch::testing::FreeUdpPort());
  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig("http://jyj.example.gov.cn/", silent), recorder);
  REQUIRE(run.error.empty());
  const auto home = recorder.RecordOf("http://jyj.example.gov.cn/");
  REQUIRE(home);
  CHECK(home->outcome == UrlOutcome::kFailed);
  CHECK_THAT(home->detail, Catch::Contains("DNS"));
}

TEST_CASE("SiteCrawl: http to https on the same site, TLS checked against a CA file",
          "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  const SelfSignedCertificate certificate({kGovHost, std::string("www.") + kGovHost});
  TestWebServer tls_server("127.0.0.1", 0, certificate.certificate(), certificate.key());
  TestWebServer plain;
  const std::string https_origin = tls_server.Origin(kGovHost);
  plain.Serve(kGovHost, "/", {.status = 301, .headers = {{"Location", https_origin + "/"}}});
  tls_server.ServePage(kGovHost, "/", "首页", "<a href='/a.html'>a</a>");
  tls_server.ServePage(kGovHost, "/a.html", "A", "");

  SECTION("trusted") {
    CrawlRecorder recorder;
    auto config = WithRoomForHandshakes(TestCrawlConfig(plain.Origin(kGovHost) + "/", dns.server()));
    config.extra_ports = {tls_server.port()};  // the site's https, on a port of its own here
    config.fetch.ca_file = certificate.certificate();
    const auto run = RunCrawl(config, recorder);
    REQUIRE(run.error.empty());
    CHECK(run.summary.home_url == https_origin + "/");
    CHECK(recorder.pages().size() == 2);
    CHECK(tls_server.Count(kGovHost, "/a.html") == 1);
  }
  SECTION("untrusted: a TLS failure, not a crash") {
    CrawlRecorder recorder;
    const auto run =
        RunCrawl(WithRoomForHandshakes(TestCrawlConfig(https_origin + "/", dns.server())), recorder);
    REQUIRE(run.error.empty());
    const auto home = recorder.RecordOf(https_origin + "/");
    REQUIRE(home);
    CHECK_THAT(home->detail, Catch::Contains("TLS"));
    CHECK(tls_server.Count(kGovHost, "/") == 0);
  }
}

TEST_CASE("SiteCrawl: a redirect into a disallowed path is not followed", "[crawler][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kGovHost);
  server.Serve(kGovHost, "/robots.txt",
               {.content_type = "text/plain", .body = "User-agent: *\nDisallow: /private/\n"});
  server.ServePage(kGovHost, "/", "首页", "<a href='/go'>go</a>");
  server.Serve(kGovHost, "/go", {.status = 302, .headers = {{"Location", "/private/x.html"}}});
  server.ServePage(kGovHost, "/private/x.html", "X", "");
  CrawlRecorder recorder;
  const auto run = RunCrawl(TestCrawlConfig(origin + "/", dns.server()), recorder);
  REQUIRE(run.error.empty());
  const auto go = recorder.RecordOf(origin + "/go");
  REQUIRE(go);
  CHECK(go->outcome == UrlOutcome::kRobots);
  CHECK(server.Count(kGovHost, "/private/x.html") == 0);
}
