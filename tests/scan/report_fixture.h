// The registry every report test reads: two regions, four sites, two finished
// nightly scans (the second with failing sites and pages). One test thread.
#ifndef BADGEWATCH_TESTS_SCAN_REPORT_FIXTURE_H_
#define BADGEWATCH_TESTS_SCAN_REPORT_FIXTURE_H_

#include <cstdint>

#include "scan/compliance_report.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"

namespace badgewatch::scan::testing {

// Scan 1: only site 3 fails. Scan 2 (the latest): site 1 passes (50 pages);
// site 2 fails badge-missing + title-mismatch with warning charset-mismatch,
// 3 of 30 pages; site 3 fails badge-id-mismatch, 1 of 10 pages; site 4
// passes (20 pages). Sites 1-2 are in 北京市 (11), sites 3-4 in 浙江省 (33).
struct ReportFixture : registry::testing::RegistryFixture {
  ReportFixture();

  // BuildComplianceReport on the writer connection; throws on failure.
  ComplianceReport Build(const ReportRequest& request = {});

  std::int64_t site1 = 0, site2 = 0, site3 = 0, site4 = 0;
  std::int64_t scan1 = 0, scan2 = 0;
};

}  // namespace badgewatch::scan::testing

#endif  // BADGEWATCH_TESTS_SCAN_REPORT_FIXTURE_H_
