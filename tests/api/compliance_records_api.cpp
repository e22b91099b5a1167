#include "tests/api/compliance_records_api.h"

#include <catch2/catch.hpp>

#include "api/service/compliance_record_routes.h"

namespace badgewatch::api::testing {

using scan::testing::FailingRecord;
using scan::testing::PassingRecord;

namespace {

// A site none of whose pages could be fetched.
registry::SiteRecord UnreachableRecord(std::int64_t site_id) {
  registry::SiteRecord record;
  record.site_id = site_id;
  record.verdict = "fail";
  record.problems = {"fetch-failed"};
  record.pages_total = 1;
  record.pages_failed = 1;
  record.failing_pages.push_back(
      {"http://gone.example.gov.cn/", std::nullopt, {"fetch-failed"}, "could not resolve host"});
  return record;
}

}  // namespace

ComplianceRecordsApi::ComplianceRecordsApi(const scan::ScanSettings& settings,
                                           const scan::ScanFiles& files)
    : launcher(path, settings, files) {
  mine = seed.AddSite(agency.unit_id, "本单位网站", "mine.example.gov.cn");
  neighbour = seed.AddSite(institution.unit_id, "同区网站", "neighbour.example.gov.cn");
  far = seed.AddSite(other_agency.unit_id, "外区网站", "far.example.gov.cn");
  first_scan = seed.RunScan({PassingRecord(mine, 4),
                             FailingRecord(neighbour, 2, {"badge-missing"}, {"http://n/1"}),
                             PassingRecord(far, 2)});
  registry::SiteRecord mine_failing =
      FailingRecord(mine, 5, {"badge-missing", "title-mismatch"},
                    {"http://mine/1", "http://mine/2", "http://mine/3"});
  mine_failing.warnings = {"dead-link"};
  mine_failing.dead_links = 2;
  second_scan = seed.RunScan({mine_failing, UnreachableRecord(neighbour), PassingRecord(far, 2)});
  AddComplianceRecordRoutes(router, access);
  AddScanRoutes(router, scans);
}

nlohmann::json ComplianceRecordsApi::Get(const std::string& who, const std::string& target,
                                         http::status status) {
  const HttpResponse response = Call(who, http::verb::get, target);
  INFO(who << " GET " << target << " → " << response.result_int() << " " << response.body());
  REQUIRE(response.result() == status);
  return nlohmann::json::parse(response.body());
}

}  // namespace badgewatch::api::testing
