#include "scan/compliance_report.h"

#include <fmt/format.h>

#include "registry/divisions.h"

namespace badgewatch::scan {

Result<ComplianceReport> BuildComplianceReport(registry::Database& db, const ReportRequest& request,
                                               std::int64_t now) {
  ComplianceReport report;
  report.generated_at = now;
  report.region_code = request.region_code;
  if (!request.region_code.empty()) {
    Result<std::optional<std::string>> name = registry::FindRegionName(db, request.region_code);
    if (!name) return name.status();
    if (!*name) {
      return Status(StatusCode::kNotFound,
                    fmt::format("no region '{}' (data/regions.csv lists the region codes)",
                                request.region_code));
    }
    report.region_name = **name;
  }

  std::int64_t scan_id = 0;
  if (request.scan_id) {
    scan_id = *request.scan_id;
  } else {
    Result<std::optional<std::int64_t>> latest = registry::LatestFinishedScan(db);
    if (!latest) return latest.status();
    if (!*latest) {
      return Status(StatusCode::kFailedPrecondition,
                    "no scan has finished yet; run 'badgewatch scan' first or pass --scan ID");
    }
    scan_id = **latest;
  }

  Result<registry::ScanOverview> scan =
      registry::LoadScanOverview(db, scan_id, request.region_code);
  if (!scan) return scan.status();
  report.scan = *scan;

  const registry::ScanSelection selection{scan_id, request.region_code,
                                          request.failing_pages_per_site, request.office_prefix};
  auto sites = registry::ListScanSites(db, selection);
  if (!sites) return sites.status();
  report.sites = std::move(sites).value();
  auto regions = registry::ListRegionCompliance(db, selection);
  if (!regions) return regions.status();
  report.regions = std::move(regions).value();
  if (registry::BelowProvince(request.office_prefix)) {
    // An office below its province: the headline counts its own units' records
    // (the scan's summaries are kept per province).
    report.scan.sites = report.scan.sites_failed = 0;
    report.scan.pages_total = report.scan.pages_failed = 0;
    for (const registry::RegionCompliance& region : report.regions) {
      report.scan.sites += region.sites;
      report.scan.sites_failed += region.sites_failed;
      report.scan.pages_total += region.pages_total;
      report.scan.pages_failed += region.pages_failed;
    }
  }
  auto codes = registry::ListCodeTallies(db, selection);
  if (!codes) return codes.status();
  report.codes = std::move(codes).value();
  auto trend = registry::ListScanTrend(db, selection, request.trend_scans);
  if (!trend) return trend.status();
  report.trend = std::move(trend).value();
  return report;
}

std::optional<double> ComplianceRate(std::int64_t sites, std::int64_t sites_failed) {
  if (sites <= 0) return std::nullopt;
  return static_cast<double>(sites - sites_failed) / static_cast<double>(sites);
}

std::string FormatCount(std::int64_t count) {
  const std::string digits = std::to_string(count < 0 ? -count : count);
  std::string grouped = count < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string FormatRate(std::optional<double> rate) {
  if (!rate) return "—";
  return fmt::format("{:.1f}%", *rate * 100.0);
}

}  // namespace badgewatch::scan
