// Read queries for compliance reports: the scans, one scan's per-site rows
// with their failing pages, per-region and per-code aggregates, and the trend
// over recent scans. Read-only; any connection, on the thread that owns it.
//
// Example:
//   Result<std::optional<ScanOverview>> scan = LatestFinishedScan(db);
//   Result<std::vector<SiteComplianceRow>> rows = ListScanSites(db, {scan_id, "33", 20});
#ifndef BADGEWATCH_REGISTRY_COMPLIANCE_REPORT_QUERIES_H_
#define BADGEWATCH_REGISTRY_COMPLIANCE_REPORT_QUERIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/compliance_records.h"
#include "registry/database.h"

namespace badgewatch::registry {

// A scan and the sums of its records.
struct ScanOverview {
  std::int64_t id = 0;
  std::string kind;  // "nightly" or "self-check"
  std::int64_t started_at = 0;
  std::optional<std::int64_t> finished_at;  // absent while running or interrupted
  std::int64_t sites = 0;                   // records written
  std::int64_t sites_failed = 0;
  std::int64_t pages_total = 0;
  std::int64_t pages_failed = 0;
};

// Which records of a scan a query reads: all, or one region's.
struct ScanSelection {
  std::int64_t scan_id = 0;
  std::string region_code;  // empty: every region
  // Failing pages returned per site, first written first; the record's
  // pages_failed still counts them all.
  int failing_pages_per_site = 1'000'000;
  // Only units an office oversees (OfficeSubtreePrefix, divisions.h); empty:
  // no narrowing. The scan's sums (from scan_summaries) stay the region's.
  std::string office_prefix;
};

// One site's record in a scan, with the site, unit and region it belongs to.
struct SiteComplianceRow {
  std::int64_t site_id = 0;
  std::string site_name;
  std::string chinese_domain;  // empty when none
  std::string english_domain;  // empty when none
  std::optional<std::string> badge_id;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string region_code;
  std::string region_name;
  SiteRecord record;  // verdict, codes, counts, failing pages
};

struct RegionCompliance {
  std::string region_code;
  std::string region_name;
  std::int64_t sites = 0;
  std::int64_t sites_failed = 0;
  std::int64_t pages_total = 0;
  std::int64_t pages_failed = 0;
};

// How often one code occurs in a scan: on sites (as a failure or a warning)
// and on failing pages.
struct CodeTally {
  std::string code;
  bool is_warning = false;  // stored among the site's warnings, not its problems
  std::int64_t sites = 0;
  std::int64_t pages = 0;
};

// Every scan, newest first, with its sums.
[[nodiscard]] Result<std::vector<ScanOverview>> ListScans(Database& db);

// One scan with its sums (over `region_code` when not empty); kNotFound when
// there is no such scan.
[[nodiscard]] Result<ScanOverview> LoadScanOverview(Database& db, std::int64_t scan_id,
                                                    const std::string& region_code);

// The newest finished nightly scan, else the newest finished scan of any
// kind; nullopt when no scan has finished.
[[nodiscard]] Result<std::optional<std::int64_t>> LatestFinishedScan(Database& db);

// The name of the region with `region_code` (北京市); nullopt when no such region.
[[nodiscard]] Result<std::optional<std::string>> FindRegionName(Database& db,
                                                                const std::string& region_code);

// The selected records, ordered by region code, site name, site id.
[[nodiscard]] Result<std::vector<SiteComplianceRow>> ListScanSites(Database& db,
                                                                   const ScanSelection& selection);

// Sums per region with at least one record, ordered by region code.
[[nodiscard]] Result<std::vector<RegionCompliance>> ListRegionCompliance(
    Database& db, const ScanSelection& selection);

// Every code found, problems before warnings, then most sites first, then by
// code.
[[nodiscard]] Result<std::vector<CodeTally>> ListCodeTallies(Database& db,
                                                             const ScanSelection& selection);

// Up to `count` finished scans of the same kind as `selection.scan_id` that
// started no later than it (the selected one included even when unfinished),
// oldest first, with sums over the selected region.
[[nodiscard]] Result<std::vector<ScanOverview>> ListScanTrend(Database& db,
                                                              const ScanSelection& selection,
                                                              int count);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_COMPLIANCE_REPORT_QUERIES_H_
