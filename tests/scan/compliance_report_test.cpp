// The report model read from real SQLite files: sums, per-site rows, regions,
// codes, trend, region filter, and the errors of a missing scan or region.
#include "scan/compliance_report.h"

#include <catch2/catch.hpp>
#include <string_view>
#include <utility>

#include "registry/compliance_record_queries.h"
#include "registry/compliance_records.h"
#include "registry/compliance_report_queries.h"
#include "tests/scan/report_fixture.h"

namespace badgewatch::scan {
namespace {

using testing::ReportFixture;

TEST_CASE("ComplianceReport: the latest finished scan with its sums, sites and failing pages",
          "[scan]") {
  ReportFixture f;
  // A scan still running is not "the latest finished".
  REQUIRE(registry::StartScan(*f.registry, registry::ScanKind::kNightly).ok());

  const ComplianceReport report = f.Build();
  CHECK(report.scan.id == f.scan2);
  CHECK(report.scan.kind == "nightly");
  CHECK(report.scan.finished_at.has_value());
  CHECK(report.scan.sites == 4);
  CHECK(report.scan.sites_failed == 2);
  CHECK(report.scan.pages_total == 110);
  CHECK(report.scan.pages_failed == 4);
  CHECK(FormatRate(ComplianceRate(report.scan.sites, report.scan.sites_failed)) == "50.0%");

  REQUIRE(report.sites.size() == 4);
  // Region code, then site name (binary order of UTF-8).
  CHECK(report.sites[0].region_code == "11");
  CHECK(report.sites[2].region_code == "33");
  const registry::SiteComplianceRow& health =
      report.sites[1].site_id == f.site2 ? report.sites[1] : report.sites[0];
  CHECK(health.site_name == "北京卫生健康网");
  CHECK(health.unit_name == "北京市卫生健康委员会");
  CHECK(health.region_name == "北京市");
  CHECK(health.english_domain == "wjw.beijing.gov.cn");
  CHECK(health.badge_id.has_value());
  CHECK(health.record.verdict == "fail");
  CHECK(health.record.problems == std::vector<std::string>{"badge-missing", "title-mismatch"});
  CHECK(health.record.warnings == std::vector<std::string>{"charset-mismatch"});
  REQUIRE(health.record.failing_pages.size() == 3);
  CHECK(health.record.failing_pages[2].url == "http://wjw.beijing.gov.cn/news/2.html");
  CHECK(health.record.failing_pages[2].http_status == 200);
  for (const auto& site : report.sites) {
    if (site.site_id == f.site4) CHECK_FALSE(site.badge_id.has_value());
  }
}

TEST_CASE("ComplianceReport: regions, codes and the trend", "[scan]") {
  ReportFixture f;
  const ComplianceReport report = f.Build();

  REQUIRE(report.regions.size() == 2);
  CHECK(report.regions[0].region_code == "11");
  CHECK(report.regions[0].region_name == "北京市");
  CHECK(report.regions[0].sites == 2);
  CHECK(report.regions[0].sites_failed == 1);
  CHECK(report.regions[0].pages_total == 80);
  CHECK(report.regions[0].pages_failed == 3);
  CHECK(report.regions[1].region_code == "33");
  CHECK(report.regions[1].pages_failed == 1);

  REQUIRE(report.codes.size() == 4);
  const auto tally = [&](std::size_t i) {
    const registry::CodeTally& t = report.codes[i];
    return std::make_tuple(t.code, t.is_warning, t.sites, t.pages);
  };
  CHECK(tally(0) == std::make_tuple(std::string("badge-id-mismatch"), false, 1, 1));
  CHECK(tally(1) == std::make_tuple(std::string("badge-missing"), false, 1, 3));
  CHECK(tally(2) == std::make_tuple(std::string("title-mismatch"), false, 1, 3));
  CHECK(tally(3) == std::make_tuple(std::string("charset-mismatch"), true, 1, 0));

  REQUIRE(report.trend.size() == 2);
  CHECK(report.trend[0].id == f.scan1);
  CHECK(report.trend[0].sites_failed == 1);
  CHECK(report.trend[1].id == f.scan2);
  CHECK(report.trend[1].sites_failed == 2);

  SECTION("the trend keeps to the scan's kind and to the count asked for") {
    const std::int64_t self_check =
        registry::StartScan(*f.registry, registry::ScanKind::kSelfCheck).value();
    REQUIRE(registry::WriteSiteRecord(*f.registry, self_check,
                                      {f.site1, "pass", {}, {}, 1, 0, {}, {}, std::nullopt, 0, 0})
                .ok());
    REQUIRE(registry::FinishScan(*f.registry, self_check).ok());
    CHECK(f.Build().trend.size() == 2);  // the nightly scan is still the latest to report
    ReportRequest request;
    request.trend_scans = 1;
    REQUIRE(f.Build(request).trend.size() == 1);
    CHECK(f.Build(request).trend[0].id == f.scan2);
    request.scan_id = self_check;
    CHECK(f.Build(request).trend.size() == 1);
    CHECK(f.Build(request).scan.kind == "self-check");
  }
}

TEST_CASE("ComplianceReport: one region, an earlier scan, fewer pages per site", "[scan]") {
  ReportFixture f;
  ReportRequest request;
  request.region_code = "33";
  ComplianceReport report = f.Build(request);
  CHECK(report.region_name == "浙江省");
  CHECK(report.scan.sites == 2);
  CHECK(report.scan.sites_failed == 1);
  CHECK(report.scan.pages_total == 30);
  REQUIRE(report.sites.size() == 2);
  CHECK(report.sites[0].region_code == "33");
  REQUIRE(report.regions.size() == 1);
  REQUIRE(report.codes.size() == 1);
  CHECK(report.codes[0].code == "badge-id-mismatch");
  CHECK(report.trend[0].sites == 2);

  request = {};
  request.scan_id = f.scan1;
  request.failing_pages_per_site = 0;
  report = f.Build(request);
  CHECK(report.scan.id == f.scan1);
  CHECK(report.scan.sites_failed == 1);
  CHECK(report.trend.size() == 1);
  for (const auto& site : report.sites) CHECK(site.record.failing_pages.empty());

  request = {};
  request.failing_pages_per_site = 2;
  for (const auto& site : f.Build(request).sites) {
    if (site.site_id == f.site2) {
      CHECK(site.record.failing_pages.size() == 2);
      CHECK(site.record.pages_failed == 3);
    }
  }
}

TEST_CASE(
    "ComplianceReport: an office below its province counts its own units, in the headline, the "
    "trend and the scans' progress",
    "[scan]") {
  ReportFixture f;
  // Site 3's unit is in 杭州市上城区; site 4 moves to a unit of 宁波市海曙区 (both 浙江省).
  registry::Database& db = f.registry->writer();
  testing::ReportSeed seed(f);
  const std::int64_t ningbo = seed.AddUnit("33", "宁波市海曙区教育局");
  const auto run = [&db](const char* sql, std::initializer_list<registry::SqlValue> values) {
    auto statement = db.Prepare(sql);
    REQUIRE(statement->Bind(values).ok());
    REQUIRE(statement->Run().ok());
  };
  run("UPDATE units SET division_code = '330102' WHERE id = (SELECT unit_id FROM sites WHERE id = "
      "?)",
      {f.site3});
  run("UPDATE units SET division_code = '330203' WHERE id = ?", {ningbo});
  run("UPDATE sites SET unit_id = ? WHERE id = ?", {ningbo, f.site4});
  ReportRequest request;
  request.region_code = "33";
  request.office_prefix = "3301";  // 杭州市's office
  const ComplianceReport hangzhou = f.Build(request);
  REQUIRE(hangzhou.sites.size() == 1);
  CHECK(hangzhou.sites[0].site_id == f.site3);
  CHECK(hangzhou.scan.sites == 1);
  CHECK(hangzhou.scan.sites_failed == 1);
  CHECK(hangzhou.scan.pages_total == 10);
  CHECK(hangzhou.scan.pages_failed == 1);
  REQUIRE(hangzhou.trend.size() == 2);
  CHECK(hangzhou.trend[0].sites == 1);
  CHECK(hangzhou.trend[0].sites_failed == 1);  // site 3 failed scan 1 too
  CHECK(hangzhou.trend[1].sites == 1);
  // The province's office still reads its summaries: both sites.
  request.office_prefix = "33";
  CHECK(f.Build(request).scan.sites == 2);

  const auto progress = [&db, &f](std::string_view office) {
    return registry::LoadScanProgress(db, f.scan2, "33", office).value().value();
  };
  CHECK(progress("3301").recorded_in_region == 1);
  CHECK(progress("3301").failed == 1);
  CHECK(progress("3301").passed == 0);
  CHECK(progress("3302").recorded_in_region == 1);
  CHECK(progress("3302").passed == 1);
  CHECK(progress("330203").passed == 1);
  CHECK(progress("3303").recorded_in_region == 0);
  CHECK(progress("3301").sites_recorded == 4);  // every region, as for the others
  CHECK(progress("").recorded_in_region == 2);  // region 33 from its summaries
  const auto listed = registry::ListScanProgress(db, "33", {}, "3302").value();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].id == f.scan2);
  CHECK(listed[0].passed == 1);
}

TEST_CASE("ComplianceReport: no such scan, no such region, no finished scan", "[scan]") {
  ReportFixture f;
  registry::Database& db = f.registry->writer();
  ReportRequest request;
  request.scan_id = 99;
  Result<ComplianceReport> report = BuildComplianceReport(db, request, 0);
  CHECK(report.status().code() == StatusCode::kNotFound);
  CHECK(report.status().message() == "no scan 99");

  request = {};
  request.region_code = "99";
  report = BuildComplianceReport(db, request, 0);
  CHECK(report.status().message() == "no region '99' (data/regions.csv lists the region codes)");

  registry::testing::RegistryFixture empty;
  report = BuildComplianceReport(empty.registry->writer(), {}, 0);
  CHECK(report.status().code() == StatusCode::kFailedPrecondition);
  CHECK(registry::ListScans(empty.registry->writer()).value().empty());
}

TEST_CASE("ComplianceReport: counts and rates as people read them", "[scan]") {
  CHECK(FormatCount(0) == "0");
  CHECK(FormatCount(999) == "999");
  CHECK(FormatCount(5466) == "5,466");
  CHECK(FormatCount(1234567) == "1,234,567");
  CHECK(FormatRate(ComplianceRate(3, 1)) == "66.7%");
  CHECK(FormatRate(ComplianceRate(0, 0)) == "—");
}

TEST_CASE("ComplianceReportQueries: the list of scans, newest first, with sums", "[scan]") {
  ReportFixture f;
  const std::vector<registry::ScanOverview> scans =
      registry::ListScans(f.registry->writer()).value();
  REQUIRE(scans.size() == 2);
  CHECK(scans[0].id == f.scan2);
  CHECK(scans[0].pages_failed == 4);
  CHECK(scans[1].id == f.scan1);
  CHECK(scans[1].sites == 4);
  CHECK(scans[1].sites_failed == 1);
}

}  // namespace
}  // namespace badgewatch::scan
