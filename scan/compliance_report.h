// The compliance report of one scan (optionally one region): headline sums,
// per-site rows with failing pages, per-region and per-code figures and the
// trend over recent scans, read from the registry in one go. The renderers
// (report_csv.h, report_json.h, report_html.h) only format it. Reads on the
// calling thread's connection.
//
// Example:
//   Result<ComplianceReport> report = BuildComplianceReport(reader, {}, now);
//   std::string html = RenderReportHtml(*report, ReportLanguage::kChinese);
#ifndef BADGEWATCH_SCAN_COMPLIANCE_REPORT_H_
#define BADGEWATCH_SCAN_COMPLIANCE_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/compliance_report_queries.h"
#include "registry/database.h"

namespace badgewatch::scan {

struct ReportRequest {
  std::optional<std::int64_t> scan_id;  // absent: the latest finished scan
  std::string region_code;              // empty: every region
  int trend_scans = 12;                 // scans in the trend, this one included
  int failing_pages_per_site = 1'000'000;
  // Only the units an office oversees (registry::OfficeSubtreePrefix); the
  // scan's sums stay the region's.
  std::string office_prefix;
};

struct ComplianceReport {
  registry::ScanOverview scan;  // sums over the selected region
  std::string region_code;      // empty: every region
  std::string region_name;
  std::int64_t generated_at = 0;
  std::vector<registry::SiteComplianceRow> sites;   // by region code, site name
  std::vector<registry::RegionCompliance> regions;  // by region code
  std::vector<registry::CodeTally> codes;           // problems, then warnings; most sites first
  std::vector<registry::ScanOverview> trend;        // oldest first; ends with this scan
};

// Reads the report. kNotFound for an unknown scan id or region code;
// kFailedPrecondition when no scan id is given and no scan has finished;
// kStorage when SQLite fails.
[[nodiscard]] Result<ComplianceReport> BuildComplianceReport(registry::Database& db,
                                                             const ReportRequest& request,
                                                             std::int64_t now);

// Passing sites per site, 0..1; nullopt when no site was scanned.
[[nodiscard]] std::optional<double> ComplianceRate(std::int64_t sites, std::int64_t sites_failed);

// 5466 as "5,466" (the grouping both Chinese and English readers use).
[[nodiscard]] std::string FormatCount(std::int64_t count);

// "87.5%"; "—" when there is no rate.
[[nodiscard]] std::string FormatRate(std::optional<double> rate);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_COMPLIANCE_REPORT_H_
