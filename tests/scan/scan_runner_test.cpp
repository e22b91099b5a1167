// The nightly scan end to end on loopback: a registry of badged sites, their
// pages served by a real HTTP server, their names resolved by a real dnsmasq;
// the records written, compared with the previous scan, units notified, and
// an interrupted scan resumed without crawling a recorded site again.
#include "scan/scan_runner.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <catch2/catch.hpp>
#include <string>

#include "registry/badges.h"
#include "registry/compliance_records.h"
#include "registry/outbox.h"
#include "registry/sites.h"
#include "scan/compliance_record_builder.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::registry::testing::RegistryFixture;
using badgewatch::scan::ScanOutcome;
using badgewatch::scan::ScanSettings;
using badgewatch::scan::testing::ReportSeed;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::TestWebServer;
namespace registry = badgewatch::registry;
namespace scan = badgewatch::scan;

// Three badged sites (good, bad, gone: NXDOMAIN) and one without a badge,
// served and resolved on loopback.
struct ScannedRegistry {
  ScannedRegistry() {
    const std::int64_t unit = seed.AddUnit("33", "杭州市某学院");
    good = seed.AddSite(unit, "好网站", "good.example.gov.cn");
    bad = seed.AddSite(unit, "坏网站", "bad.example.gov.cn");
    gone = seed.AddSite(unit, "失联网站", "gone.example.gov.cn");
    unbadged = seed.AddSite(unit, "无标识网站", "nobadge.example.gov.cn", false);
    web.ServePage("good.example.gov.cn", "/", "好网站",
                  "<a href=\"/a.html\">a</a>" + Snippet(good));
    web.ServePage("good.example.gov.cn", "/a.html", "通知 - 好网站", Snippet(good));
    web.ServePage("bad.example.gov.cn", "/", "坏网站", "<a href=\"/b.html\">b</a>" + Snippet(bad));
    web.ServePage("bad.example.gov.cn", "/b.html", "坏网站", "<p>标识忘了贴</p>");
    web.ServePage("nobadge.example.gov.cn", "/", "无标识网站", "");
  }

  std::string Snippet(std::int64_t site_id) {
    return registry::BadgeSnippet(
        *registry::LoadSite(fixture.registry->writer(), site_id).value().badge_id);
  }

  ScanSettings Settings() const {
    ScanSettings settings;
    settings.dns = dns.server();
    settings.allow_private = true;
    settings.site_port = web.port();
    settings.concurrent_sites = 2;
    return settings;
  }

  ScanOutcome Scan(const ScanSettings& settings) {
    boost::asio::io_context io;
    // Other work on the loop that never ends by itself, as `badgewatch scan`
    // keeps a signal_set there: the scan must still return when it is done.
    boost::asio::steady_timer unrelated(io, std::chrono::hours(1));
    unrelated.async_wait([](const boost::system::error_code&) {});
    badgewatch::Result<ScanOutcome> outcome =
        scan::RunScan(*fixture.registry, io, settings, nullptr);
    INFO(outcome.status().ToString());
    REQUIRE(outcome.ok());
    return *outcome;
  }

  registry::SiteRecord LastRecord(std::int64_t site_id) {
    auto record = registry::PreviousSiteRecord(fixture.registry->writer(), site_id, 0);
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    return (*record)->record;
  }

  RegistryFixture fixture;
  ReportSeed seed{fixture};
  TestWebServer web;
  DnsmasqProcess dns{{{"good.example.gov.cn", "127.0.0.1"},
                      {"bad.example.gov.cn", "127.0.0.1"},
                      {"nobadge.example.gov.cn", "127.0.0.1"},
                      {"gone.example.gov.cn", ""}}};
  std::int64_t good = 0;
  std::int64_t bad = 0;
  std::int64_t gone = 0;
  std::int64_t unbadged = 0;
};

}  // namespace

TEST_CASE("Scan: every badged site gets its record, the next scan says what changed",
          "[scan][crawler]") {
  ScannedRegistry r;
  const ScanOutcome first = r.Scan(r.Settings());
  CHECK(first.sites_scanned == 3);  // the unbadged site is not due
  CHECK(first.sites_passed == 1);
  CHECK(first.sites_failed == 2);
  CHECK(first.sites_unreachable == 1);
  CHECK(first.first_records == 3);
  CHECK(r.web.Count("nobadge.example.gov.cn", "/") == 0);

  const registry::SiteRecord good = r.LastRecord(r.good);
  CHECK(good.verdict == "pass");
  CHECK(good.pages_total == 2);
  CHECK(good.failing_pages.empty());  // passing pages are counted, not stored
  CHECK(good.warnings.empty());       // resolved to its registered 127.0.0.1
  CHECK(good.resolved_addresses == std::vector<std::string>{"127.0.0.1"});
  CHECK(good.home_title == "好网站");
  CHECK(good.crawl_started_at > 0);
  CHECK(good.crawl_finished_at >= good.crawl_started_at);

  const registry::SiteRecord bad = r.LastRecord(r.bad);
  CHECK(bad.verdict == "fail");
  CHECK(bad.problems == std::vector<std::string>{"badge-missing"});
  CHECK(bad.pages_total == 2);
  REQUIRE(bad.failing_pages.size() == 1);
  CHECK(bad.failing_pages[0].url ==
        "http://bad.example.gov.cn:" + std::to_string(r.web.port()) + "/b.html");
  CHECK(bad.failing_pages[0].http_status == 200);

  const registry::SiteRecord gone = r.LastRecord(r.gone);
  CHECK(gone.problems == std::vector<std::string>{"fetch-failed"});
  CHECK(gone.resolved_addresses.empty());
  CHECK_FALSE(gone.home_title.has_value());
  REQUIRE(gone.failing_pages.size() == 1);
  CHECK(gone.failing_pages[0].detail.find("NXDOMAIN") != std::string::npos);

  // Failing on its first record and unreachable: each unit is told (SMS and
  // e-mail), with the failing page and where its record lists them all.
  CHECK(first.notifications == 2);
  const std::vector<registry::OutboxRow> told =
      registry::ListOutbox(r.fixture.registry->writer()).value();
  REQUIRE(told.size() == 4);
  const auto email_with = [&told](const std::string& subject) {
    for (const registry::OutboxRow& row : told) {
      if (row.notification.channel == registry::Channel::kEmail &&
          row.notification.subject == subject) {
        return row.notification.body;
      }
    }
    return std::string();
  };
  const std::string bad_notice = email_with("网站标识检查未通过：坏网站");
  CHECK_THAT(bad_notice, Catch::Contains("1. " + bad.failing_pages[0].url));
  CHECK_THAT(bad_notice,
             Catch::Contains("（/sites/" + std::to_string(r.bad) + "）"));
  CHECK_THAT(bad_notice, Catch::Contains("您单位网站“坏网站”在本次网站标识检查中未通过"));
  const std::string gone_notice = email_with("网站无法访问：失联网站");
  CHECK_THAT(gone_notice, Catch::Contains("无法访问"));
  CHECK_THAT(gone_notice, Catch::Contains("NXDOMAIN"));
  CHECK_THAT(gone_notice, Catch::Contains("http://gone.example.gov.cn"));

  // The bad site is fixed, the good one breaks.
  r.web.ServePage("bad.example.gov.cn", "/b.html", "坏网站", r.Snippet(r.bad));
  r.web.ServePage("good.example.gov.cn", "/a.html", "通知 - 好网站", "");
  const auto outbox_before = registry::ListOutbox(r.fixture.registry->writer()).value().size();
  const ScanOutcome second = r.Scan(r.Settings());
  CHECK(second.scan_id != first.scan_id);
  CHECK(second.fixed == 1);
  CHECK(second.newly_failing == 1);
  CHECK(second.still_failing == 1);  // gone, unreachable both times
  CHECK(second.notifications == 1);
  const auto outbox = registry::ListOutbox(r.fixture.registry->writer()).value();
  REQUIRE(outbox.size() == outbox_before + 2);  // one SMS and one e-mail
  CHECK(outbox.back().notification.body.find("好网站") != std::string::npos);
}

TEST_CASE("Scan: a failing site's notice names its first 5 failing pages and where the rest are",
          "[scan][crawler]") {
  ScannedRegistry r;
  std::string links;
  for (int i = 1; i <= 7; ++i) {
    const std::string path = "/p" + std::to_string(i) + ".html";
    links += "<a href=\"" + path + "\">" + std::to_string(i) + "</a>";
    r.web.ServePage("bad.example.gov.cn", path, "坏网站", "<p>标识忘了贴</p>");
  }
  r.web.ServePage("bad.example.gov.cn", "/", "坏网站", links + r.Snippet(r.bad));
  ScanSettings settings = r.Settings();
  settings.site_id = r.bad;
  const ScanOutcome outcome = r.Scan(settings);
  CHECK(outcome.notifications == 1);
  const registry::SiteRecord record = r.LastRecord(r.bad);
  CHECK(record.pages_failed == 7);
  std::string body;
  for (const registry::OutboxRow& row :
       registry::ListOutbox(r.fixture.registry->writer()).value()) {
    if (row.notification.channel == registry::Channel::kSms) body = row.notification.body;
  }
  INFO(body);
  int named = 0;
  for (const registry::FailingPage& page : record.failing_pages) {
    if (body.find(page.url + "（") != std::string::npos) ++named;
  }
  CHECK(named == 5);
  CHECK_THAT(body, Catch::Contains("5. "));
  CHECK_THAT(body, Catch::Contains("另有2个问题页面未列出"));
  CHECK_THAT(body, Catch::Contains("（/sites/" + std::to_string(r.bad) + "）"));
  CHECK(body.find("6. ") == std::string::npos);
}

TEST_CASE("Scan: --resume continues an interrupted scan without crawling recorded sites",
          "[scan][crawler]") {
  ScannedRegistry r;
  // A scan killed after it recorded the good site.
  const std::int64_t interrupted =
      registry::StartScan(*r.fixture.registry, registry::ScanKind::kNightly).value();
  registry::SiteRecord recorded;
  recorded.site_id = r.good;
  recorded.verdict = "pass";
  recorded.pages_total = 2;
  REQUIRE(registry::WriteSiteRecord(*r.fixture.registry, interrupted, recorded).ok());

  ScanSettings settings = r.Settings();
  settings.resume = true;
  const ScanOutcome resumed = r.Scan(settings);
  CHECK(resumed.resumed);
  CHECK(resumed.scan_id == interrupted);
  CHECK(resumed.sites_skipped == 1);
  CHECK(resumed.sites_scanned == 2);
  CHECK(r.web.Count("good.example.gov.cn", "/") == 0);
  CHECK(r.web.Count("bad.example.gov.cn", "/") == 1);

  // Nothing due (an unknown site): an empty scan, at once.
  ScanSettings none = r.Settings();
  none.site_id = 424242;
  CHECK(r.Scan(none).sites_scanned == 0);

  // Finished now: another --resume starts a new scan.
  settings.site_id = r.bad;
  const ScanOutcome next = r.Scan(settings);
  CHECK_FALSE(next.resumed);
  CHECK(next.scan_id != interrupted);
  CHECK(next.sites_scanned == 1);
}

TEST_CASE("Scan: the compliance record of a check", "[scan]") {
  scan::SiteCheckReport report;
  report.verdict = badgewatch::verifier::Verdict::kFail;
  report.problems = {"badge-missing"};
  report.pages_total = 3;
  report.pages_failed = 1;
  scan::CheckedPage home;
  home.url = "http://x.gov.cn/";
  home.status = 200;
  home.verdict = badgewatch::verifier::Verdict::kPass;
  scan::CheckedPage inner = home;
  inner.url = "http://x.gov.cn/a";
  inner.verdict = badgewatch::verifier::Verdict::kFail;
  inner.problems = {"badge-missing"};
  report.pages = {home, inner};
  report.addresses = {{"x.gov.cn", {"203.0.113.9"}}};
  const registry::SiteRecord record = scan::BuildSiteRecord(5, report, {"203.0.113.10"});
  CHECK(record.verdict == "fail");
  CHECK(record.warnings == std::vector<std::string>{"ip-mismatch"});
  REQUIRE(record.failing_pages.size() == 1);
  CHECK(record.failing_pages[0].url == "http://x.gov.cn/a");
  CHECK(scan::BuildSiteRecord(5, report, {"203.0.113.9"}).warnings.empty());
  CHECK(scan::BuildSiteRecord(5, report, {}).warnings.empty());  // nothing registered to compare

  registry::SiteRecord unreachable;
  unreachable.verdict = "fail";
  unreachable.problems = {"fetch-failed"};
  unreachable.pages_total = 1;
  unreachable.pages_failed = 1;
  CHECK(scan::CompareWithPrevious(std::nullopt, record) == scan::SiteChange::kFirstRecord);
  CHECK(scan::CompareWithPrevious(record, unreachable) == scan::SiteChange::kNewlyUnreachable);
  CHECK(scan::CompareWithPrevious(unreachable, unreachable) == scan::SiteChange::kStillFailing);
  registry::SiteRecord passing;
  passing.verdict = "pass";
  CHECK(scan::CompareWithPrevious(record, passing) == scan::SiteChange::kFixed);
  CHECK(scan::CompareWithPrevious(passing, record) == scan::SiteChange::kNewlyFailing);
  CHECK(scan::CompareWithPrevious(passing, passing) == scan::SiteChange::kStillPassing);
}
