// Seeds a registry fixture for report tests: units and sites through the
// registry's public API, then finished scans with their site records. One
// test thread; every failure throws (a broken fixture, not a test result).
#ifndef BADGEWATCH_TESTS_SCAN_REPORT_SEED_H_
#define BADGEWATCH_TESTS_SCAN_REPORT_SEED_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/compliance_records.h"
#include "scan/compliance_report.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::scan::testing {

class ReportSeed {
 public:
  explicit ReportSeed(registry::testing::RegistryFixture& fixture) : fixture_(fixture) {}

  // A public institution in `region_code` named `name`; returns its id.
  std::int64_t AddUnit(const std::string& region_code, const std::string& name);
  // A site of the unit with an English domain (and a badge when `badge`).
  std::int64_t AddSite(std::int64_t unit_id, const std::string& name,
                       const std::string& english_domain, bool badge = true);
  // Starts a nightly scan, writes `records`, finishes it; the clock then moves
  // on a day. Returns the scan id.
  std::int64_t RunScan(const std::vector<registry::SiteRecord>& records);
  // The report of the latest finished scan, every region.
  [[nodiscard]] ComplianceReport LatestReport() const;

 private:
  registry::testing::RegistryFixture& fixture_;
};

// A passing record of `pages` pages.
[[nodiscard]] registry::SiteRecord PassingRecord(std::int64_t site_id, int pages);

// A failing record: `problems` on the site and on each of `urls` (HTTP 200).
[[nodiscard]] registry::SiteRecord FailingRecord(std::int64_t site_id, int pages,
                                                 std::vector<std::string> problems,
                                                 const std::vector<std::string>& urls);

}  // namespace badgewatch::scan::testing

#endif  // BADGEWATCH_TESTS_SCAN_REPORT_SEED_H_
