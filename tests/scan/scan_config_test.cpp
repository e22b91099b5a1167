// `badgewatch scan --config FILE` on loopback (a real HTTP server, a real
// dnsmasq, a real registry file): every key of [limits] reaches each site's
// crawl, and [scan] report_dir gets the finished scan's HTML report, while a
// report that cannot be written leaves the scan finished.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "registry/badges.h"
#include "registry/compliance_records.h"
#include "registry/scan_resumption.h"
#include "registry/sites.h"
#include "scan/scan_files.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"
#include "tests/support/cli_run.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::testing::CliRun;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;
namespace registry = badgewatch::registry;
namespace scan = badgewatch::scan;

constexpr char kHost[] = "limits.example.gov.cn";

// One badged site whose home page links to pages that break each limit.
struct ConfiguredScan {
  ConfiguredScan() {
    site = seed.AddSite(seed.AddUnit("33", "杭州市某学院"), "限额网站", kHost);
    const std::string snippet = registry::BadgeSnippet(
        *registry::LoadSite(fixture.registry->writer(), site).value().badge_id);
    web.ServePage(kHost, "/", "限额网站",
                  "<a href=\"/big.html\">big</a><a href=\"/slow.html\">slow</a>"
                  "<a href=\"/a/b.html\">ok</a><a href=\"/a/b/c/d.html\">deep</a>"
                  "<a href=\"" +
                      kLongTarget + "\">long</a>" + snippet);
    web.ServePage(kHost, "/big.html", "限额网站", std::string(4096, 'x') + snippet);
    TestResponse silent;
    silent.behaviour = TestResponse::Behaviour::kNeverAnswer;
    web.Serve(kHost, "/slow.html", silent);
    web.ServePage(kHost, "/a/b.html", "限额网站", snippet);
    web.ServePage(kHost, "/a/b/c/d.html", "限额网站", snippet);
    web.ServePage(kHost, kLongTarget, "限额网站", snippet);
  }

  // Writes the configuration ([database], [dns] and allow_private for this
  // test network, then `sections`) and runs `badgewatch scan --config` on it.
  CliRun Scan(const std::string& sections) {
    const std::string config = fixture.dir.File("badgewatch.toml");
    std::ofstream(config) << "[database]\npath = \"" << fixture.path << "\"\n[dns]\nserver = \""
                          << dns.server() << "\"\n[scan]\nallow_private = true\n"
                          << sections;
    return badgewatch::testing::RunCli(
        {"scan", "--config", config, "--site-port", std::to_string(web.port())});
  }

  registry::SiteRecord LastRecord() {
    auto record = registry::PreviousSiteRecord(fixture.registry->writer(), site, 0);
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    return (*record)->record;
  }

  const std::string kLongTarget = "/list?q=" + std::string(120, 'q');
  registry::testing::RegistryFixture fixture;
  scan::testing::ReportSeed seed{fixture};
  TestWebServer web;
  DnsmasqProcess dns{{{kHost, "127.0.0.1"}}};
  std::int64_t site = 0;
};

}  // namespace

TEST_CASE("scan --config: [limits] reach the crawl of every site", "[scan][crawler]") {
  ConfiguredScan s;
  const CliRun run = s.Scan(
      "[limits]\nmax_page_bytes = 1024\npage_timeout_ms = 300\nconnect_timeout_ms = 2000\n"
      "max_url_length = 100\nmax_url_depth = 3\n");
  INFO(run.err);
  REQUIRE(run.code == 0);

  const registry::SiteRecord record = s.LastRecord();
  CHECK(record.problems == std::vector<std::string>{"fetch-failed"});
  CHECK(record.pages_total == 4);  // home, big, slow, a/b: the deep and long URLs are traps
  REQUIRE(record.failing_pages.size() == 2);
  const std::string origin = s.web.Origin(kHost);
  CHECK(record.failing_pages[0].url == origin + "/big.html");
  CHECK_THAT(record.failing_pages[0].detail,
             Catch::StartsWith("too-large: body larger than 1024 bytes"));
  CHECK(record.failing_pages[1].url == origin + "/slow.html");
  CHECK_THAT(record.failing_pages[1].detail, Catch::StartsWith("timeout: "));
  CHECK(s.web.Count(kHost, "/a/b.html") == 1);
  CHECK(s.web.Count(kHost, "/a/b/c/d.html") == 0);  // 4 segments, max_url_depth 3
  CHECK(s.web.Count(kHost, s.kLongTarget) == 0);    // longer than max_url_length
}

TEST_CASE("scan --config: the report of the scan lands in report_dir", "[scan][crawler]") {
  ConfiguredScan s;
  const std::string reports = s.fixture.dir.File("reports");  // created by the scan
  const CliRun run = s.Scan("report_dir = \"" + reports +
                            "\"\nreport_language = \"en\"\n[limits]\npage_timeout_ms = 300\n");
  INFO(run.err);
  REQUIRE(run.code == 0);
  const std::int64_t scan_id =
      registry::PreviousSiteRecord(s.fixture.registry->writer(), s.site, 0).value()->scan_id;
  const std::string report = reports + "/" + scan::ScanReportFileName(scan_id);
  CHECK(scan::ScanReportFileName(scan_id) ==
        "badgewatch-scan-" + std::to_string(scan_id) + ".html");
  CHECK_THAT(run.out, Catch::Contains("report: " + report + "\n"));
  CHECK(registry::testing::FileNamesIn(reports) ==
        std::vector<std::string>{scan::ScanReportFileName(scan_id)});
  const std::string html = registry::testing::ReadFileBytes(report);
  CHECK_THAT(html, Catch::Contains("<html lang=\"en\">"));
  CHECK_THAT(html, Catch::Contains("限额网站"));
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
}

TEST_CASE("scan --config: a report that cannot be written leaves the scan finished",
          "[scan][crawler]") {
  ConfiguredScan s;
  // A regular file where the report directory should be.
  const std::string blocker = s.fixture.dir.File("not-a-directory");
  std::ofstream(blocker) << "x";
  const CliRun run =
      s.Scan("report_dir = \"" + blocker + "/reports\"\n[limits]\npage_timeout_ms = 300\n");
  CHECK(run.code == 0);
  CHECK_THAT(run.err, Catch::Contains("badgewatch scan: cannot write the report '" + blocker +
                                      "/reports/badgewatch-scan-"));
  CHECK_THAT(run.out, Catch::Contains("1 sites scanned"));
  CHECK_THAT(run.out, Catch::Contains("report: badgewatch report --db"));
  CHECK_FALSE(registry::FindUnfinishedNightlyScan(s.fixture.registry->writer()).value());
}
