// The scan routes: who may list, read and start scans; a scan started through
// the API crawling loopback test sites to the end, and one stopped midway.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "registry/badges.h"
#include "registry/scan_resumption.h"
#include "registry/sites.h"
#include "tests/api/compliance_records_api.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::api::HttpResponse;
using badgewatch::api::testing::ComplianceRecordsApi;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::TestWebServer;
namespace http = boost::beast::http;
namespace registry = badgewatch::registry;
using nlohmann::json;

// The three fixture sites resolve to loopback, except far: NXDOMAIN.
DnsmasqProcess LoopbackNames() {
  return DnsmasqProcess{{{"mine.example.gov.cn", "127.0.0.1"},
                         {"neighbour.example.gov.cn", "127.0.0.1"},
                         {"far.example.gov.cn", ""}}};
}

badgewatch::scan::ScanSettings CrawlOnLoopback(const DnsmasqProcess& dns, std::uint16_t port) {
  badgewatch::scan::ScanSettings settings;
  settings.dns = dns.server();
  settings.allow_private = true;
  settings.site_port = port;
  settings.concurrent_sites = 3;
  return settings;
}

// GETs the scan until `done(scan)` holds; FAILs after a minute.
template <typename Done>
json PollScan(ComplianceRecordsApi& api, std::int64_t id, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  for (;;) {
    json scan = api.Get("conac", "/api/scans/" + std::to_string(id));
    if (done(scan)) return scan;
    if (std::chrono::steady_clock::now() > deadline) FAIL("scan never got there: " << scan.dump());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::int64_t StartScan(ComplianceRecordsApi& api) {
  const HttpResponse started = api.Call("conac", http::verb::post, "/api/scans");
  INFO(started.body());
  REQUIRE(started.result() == http::status::accepted);
  const std::int64_t id = json::parse(started.body())["id"].get<std::int64_t>();
  CHECK(started[http::field::location] == "/api/scans/" + std::to_string(id));
  return id;
}

}  // namespace

TEST_CASE("Scans: staff list and read them, counts limited to a reviewer's region, units 403",
          "[api]") {
  ComplianceRecordsApi api;
  for (const std::string who : {"agency", "other_agency"}) {
    api.Get(who, "/api/scans", http::status::forbidden);
    api.Get(who, "/api/scans/" + std::to_string(api.first_scan), http::status::forbidden);
    CHECK(api.Call(who, http::verb::post, "/api/scans").result() == http::status::forbidden);
  }
  CHECK(api.Call("reviewer33", http::verb::post, "/api/scans").result() == http::status::forbidden);

  const json all = api.Get("conac", "/api/scans");
  CHECK(all["total"] == 2);
  REQUIRE(all["items"].size() == 2);
  const json& second = all["items"][0];
  CHECK(second["id"] == api.second_scan);
  CHECK(second["state"] == "finished");
  CHECK(second["kind"] == "nightly");
  CHECK(second["sites_recorded"] == 3);
  CHECK(second["pass"] == 1);
  CHECK(second["fail"] == 1);
  CHECK(second["unreachable"] == 1);
  CHECK(second["requested_by"].is_null());
  CHECK(second["sites_due"].is_null());  // written directly, not by a scan run

  const json region11 = api.Get("reviewer11", "/api/scans/" + std::to_string(api.second_scan));
  CHECK(region11["region"] == "11");
  CHECK(region11["sites_recorded"] == 1);
  CHECK(region11["pass"] == 1);
  CHECK(region11["fail"] == 0);
  CHECK(region11["progress"]["recorded"] == 3);
  const json region33 = api.Get("reviewer33", "/api/scans?per_page=1&page=2");
  CHECK(region33["total"] == 2);
  REQUIRE(region33["items"].size() == 1);
  CHECK(region33["items"][0]["id"] == api.first_scan);
  CHECK(region33["items"][0]["sites_recorded"] == 2);
  CHECK(region33["items"][0]["fail"] == 1);

  api.Get("conac", "/api/scans?per_page=500", http::status::bad_request);
  api.Get("conac", "/api/scans/4242", http::status::not_found);
  api.Get("conac", "/api/scans/x", http::status::not_found);

  // An unfinished scan this server does not run was interrupted.
  const std::int64_t abandoned =
      registry::StartScan(*api.registry, registry::ScanKind::kNightly).value();
  CHECK(api.Get("conac", "/api/scans/" + std::to_string(abandoned))["state"] == "interrupted");
}

TEST_CASE("Scans: one started through the API crawls the loopback sites to the end",
          "[api][crawler]") {
  TestWebServer web;
  const DnsmasqProcess dns = LoopbackNames();
  badgewatch::registry::testing::TempDir reports;
  badgewatch::scan::ScanFiles files;
  files.report_dir = reports.File("reports");
  files.metrics_file = reports.File("badgewatch.prom");
  ComplianceRecordsApi api(CrawlOnLoopback(dns, web.port()), files);
  const auto snippet = [&](std::int64_t site) {
    return registry::BadgeSnippet(
        *registry::LoadSite(api.registry->writer(), site).value().badge_id);
  };
  web.ServePage("mine.example.gov.cn", "/", "本单位网站", snippet(api.mine));
  web.ServePage("neighbour.example.gov.cn", "/", "同区网站", "<p>标识忘了贴</p>");

  const std::int64_t id = StartScan(api);
  const json finished = PollScan(api, id, [](const json& s) { return s["state"] != "running"; });
  INFO(finished.dump());
  CHECK(finished["state"] == "finished");
  CHECK(finished["sites_due"] == 3);
  CHECK(finished["progress"]["recorded"] == 3);
  CHECK(finished["progress"]["due"] == 3);
  CHECK(finished["pass"] == 1);
  CHECK(finished["fail"] == 1);
  CHECK(finished["unreachable"] == 1);
  CHECK(finished["requested_by"].get<std::string>().find("conac") != std::string::npos);

  const json records = api.Get("conac", "/api/compliance-records");
  CHECK(records["scan_id"] == id);
  CHECK(records["total"] == 3);
  const json fixed = api.Get("agency", "/api/compliance-records?change=still-passing");
  REQUIRE(fixed["items"].size() == 0);
  const json mine = api.Get("agency", "/api/compliance-records");
  REQUIRE(mine["items"].size() == 1);
  CHECK(mine["items"][0]["verdict"] == "pass");
  CHECK(mine["items"][0]["change"] == "fixed");
  // The finished scan left its report and metrics file, as `badgewatch scan` does.
  api.launcher.Wait();
  const std::string report = files.report_dir + "/" + badgewatch::scan::ScanReportFileName(id);
  CHECK(std::filesystem::is_regular_file(report));
  using badgewatch::registry::testing::ReadFileBytes;
  CHECK(ReadFileBytes(report).find("本单位网站") != std::string::npos);
  CHECK(
      ReadFileBytes(files.metrics_file).find("\nbadgewatch_scan_id " + std::to_string(id) + "\n") !=
      std::string::npos);
  // The next one may start now.
  const std::int64_t next = StartScan(api);
  CHECK(next > id);
}

TEST_CASE("Scans: a second start while one runs is 409, a stop leaves it resumable",
          "[api][crawler]") {
  // Accepts connections (the kernel's backlog) and never answers: every crawl hangs.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const DnsmasqProcess dns = LoopbackNames();
  ComplianceRecordsApi api(CrawlOnLoopback(dns, silent.local_endpoint().port()));

  const std::int64_t id = StartScan(api);
  const HttpResponse again = api.Call("conac", http::verb::post, "/api/scans");
  CHECK(again.result() == http::status::conflict);
  CHECK(again.body().find("仍在进行") != std::string::npos);
  const json running = PollScan(api, id, [](const json& s) { return !s["sites_due"].is_null(); });
  CHECK(running["state"] == "running");
  CHECK(running["sites_due"] == 3);
  CHECK(running["finished_at"].is_null());
  CHECK(api.Get("reviewer33", "/api/scans")["items"][0]["state"] == "running");

  api.launcher.RequestStop();
  api.launcher.Wait();
  const json stopped = api.Get("conac", "/api/scans/" + std::to_string(id));
  CHECK(stopped["state"] == "interrupted");
  CHECK(stopped["finished_at"].is_null());
  CHECK(registry::FindUnfinishedNightlyScan(api.registry->writer()).value() == id);
  CHECK(api.Call("conac", http::verb::post, "/api/scans").result() == http::status::conflict);
}
