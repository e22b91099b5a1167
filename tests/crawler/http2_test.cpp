// The crawler against a real HTTP/2 server: nginx on loopback over TLS with a
// self-signed certificate, names through a real dnsmasq. nginx's access log
// says which protocol and which connection every request came on.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "tests/crawler/crawl_recorder.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/nginx_http2_server.h"
#include "tests/support/self_signed_certificate.h"

using badgewatch::testing::CrawlRecorder;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::NginxHttp2Server;
using badgewatch::testing::NginxRequest;
using badgewatch::testing::RunCrawl;
using badgewatch::testing::SelfSignedCertificate;
using badgewatch::testing::TestCrawlConfig;
using badgewatch::testing::WithRoomForHandshakes;

TEST_CASE("SiteCrawl: HTTP/2 when the server offers it, the site's pages on one connection",
          "[crawler][network]") {
  constexpr const char* kHost = "jyj.example.gov.cn";
  DnsmasqProcess dns(std::vector<std::pair<std::string, std::string>>{{kHost, "127.0.0.1"}});
  const SelfSignedCertificate certificate({kHost});
  std::string links;
  std::map<std::string, std::string> files = {
      {"/robots.txt", "User-agent: *\nDisallow: /private/\n"}};
  for (const char* page : {"a", "b", "c", "d", "e", "f"}) {
    links += "<a href='/" + std::string(page) + ".html'>" + page + "</a>";
    files["/" + std::string(page) + ".html"] = "<!DOCTYPE html><title>P</title><p>" + links;
  }
  files["/index.html"] = "<!DOCTYPE html><title>首页</title>" + links;
  NginxHttp2Server server(files, certificate.certificate(), certificate.key());

  auto config = WithRoomForHandshakes(TestCrawlConfig(
      "https://" + std::string(kHost) + ":" + std::to_string(server.port()) + "/", dns.server()));
  config.fetch.ca_file = certificate.certificate();
  // --ignore-robots: the home page and sitemap.xml are asked for at once,
  // before any connection exists; the second must wait for the first rather
  // than open its own.
  const bool ignore_robots = GENERATE(false, true);
  CAPTURE(ignore_robots);
  config.ignore_robots = ignore_robots;
  CrawlRecorder recorder;
  const auto run = RunCrawl(config, recorder);
  REQUIRE(run.error.empty());
  CHECK(run.summary.pages == 7);

  const std::vector<NginxRequest> log = server.StopAndReadLog();
  std::set<std::string> connections;
  std::set<std::string> targets;
  for (const NginxRequest& request : log) {
    CAPTURE(request.target);
    CHECK(request.protocol == "HTTP/2.0");
    connections.insert(request.connection);
    targets.insert(request.target);
  }
  CHECK(targets.count("/robots.txt") == (ignore_robots ? 0 : 1));
  CHECK(targets.count("/sitemap.xml") == 1);
  CHECK(targets.count("/f.html") == 1);
  CHECK(log.size() == (ignore_robots ? 8 : 9));  // the home page, six pages, sitemap.xml
  // Every request of the site shared one connection.
  CHECK(connections.size() == 1);
}
