// The registry API fixture with scans and compliance records: three badged
// sites — the agency's (region 33), the institution's (another unit of region
// 33) and the other agency's (region 11) — recorded by two finished nightly
// scans, and the scan and compliance-record routes on the fixture's router
// (scans started through the API crawl under `settings` and leave `files`).
// One test thread.
#ifndef BADGEWATCH_TESTS_API_COMPLIANCE_RECORDS_API_H_
#define BADGEWATCH_TESTS_API_COMPLIANCE_RECORDS_API_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "api/service/scan_launcher.h"
#include "api/service/scan_routes.h"
#include "scan/scan_files.h"
#include "scan/scan_runner.h"
#include "tests/api/registry_api_fixture.h"
#include "tests/scan/report_seed.h"

namespace badgewatch::api::testing {

struct ComplianceRecordsApi : RegistryApi {
  explicit ComplianceRecordsApi(const scan::ScanSettings& settings = {},
                                const scan::ScanFiles& files = {});

  // `who` GETs `target`; REQUIREs `status` and returns the parsed body.
  nlohmann::json Get(const std::string& who, const std::string& target,
                     http::status status = http::status::ok);

  scan::testing::ReportSeed seed{*this};
  std::int64_t mine = 0;       // the agency's site (region 33)
  std::int64_t neighbour = 0;  // the institution's site (region 33)
  std::int64_t far = 0;        // the other agency's site (region 11)
  // First scan: every site's first record (mine pass, neighbour fail, far pass).
  // Second scan: mine newly fails (3 failing pages), neighbour newly
  // unreachable, far still passes.
  std::int64_t first_scan = 0;
  std::int64_t second_scan = 0;
  ScanLauncher launcher;
  ScanAccess scans{access, &launcher};
};

}  // namespace badgewatch::api::testing

#endif  // BADGEWATCH_TESTS_API_COMPLIANCE_RECORDS_API_H_
