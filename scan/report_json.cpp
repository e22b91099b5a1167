#include "scan/report_json.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace badgewatch::scan {
namespace {

// Keys in the order written: scan, region, totals ... sites.
using json = nlohmann::ordered_json;

json Rfc3339(std::int64_t unix_seconds) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::sys_seconds{std::chrono::seconds(unix_seconds)});
}

json OptionalTime(const std::optional<std::int64_t>& unix_seconds) {
  return unix_seconds ? Rfc3339(*unix_seconds) : json(nullptr);
}

json Rate(std::int64_t sites, std::int64_t sites_failed) {
  const std::optional<double> rate = ComplianceRate(sites, sites_failed);
  return rate ? json(*rate) : json(nullptr);
}

// The sums every scan, region and trend point carries.
json Sums(std::int64_t sites, std::int64_t sites_failed, std::int64_t pages_total,
          std::int64_t pages_failed) {
  return {{"sites", sites},
          {"sites_passed", sites - sites_failed},
          {"sites_failed", sites_failed},
          {"pages_total", pages_total},
          {"pages_failed", pages_failed},
          {"compliance_rate", Rate(sites, sites_failed)}};
}

json ScanJson(const registry::ScanOverview& scan) {
  return {{"id", scan.id},
          {"kind", scan.kind},
          {"started_at", Rfc3339(scan.started_at)},
          {"finished_at", OptionalTime(scan.finished_at)}};
}

json SiteJson(const registry::SiteComplianceRow& site) {
  json pages = json::array();
  for (const registry::FailingPage& page : site.record.failing_pages) {
    pages.push_back({{"url", page.url},
                     {"status", page.http_status ? json(*page.http_status) : json(nullptr)},
                     {"problems", page.problems},
                     {"detail", page.detail}});
  }
  return {
      {"site_id", site.site_id},
      {"name", site.site_name},
      {"unit_id", site.unit_id},
      {"unit", site.unit_name},
      {"region_code", site.region_code},
      {"region", site.region_name},
      {"badge_id", site.badge_id ? json(*site.badge_id) : json(nullptr)},
      {"chinese_domain", site.chinese_domain.empty() ? json(nullptr) : json(site.chinese_domain)},
      {"english_domain", site.english_domain.empty() ? json(nullptr) : json(site.english_domain)},
      {"verdict", site.record.verdict},
      {"problems", site.record.problems},
      {"warnings", site.record.warnings},
      {"pages_total", site.record.pages_total},
      {"pages_failed", site.record.pages_failed},
      {"dead_links", site.record.dead_links},
      {"failing_pages", std::move(pages)}};
}

}  // namespace

std::string RenderReportJson(const ComplianceReport& report, ReportLanguage language) {
  const registry::ScanOverview& scan = report.scan;
  json document = {
      {"scan", ScanJson(scan)},
      {"region", report.region_code.empty() ? json(nullptr) : json(report.region_code)},
      {"language", LanguageTag(language)},
      {"generated_at", Rfc3339(report.generated_at)},
      {"totals", Sums(scan.sites, scan.sites_failed, scan.pages_total, scan.pages_failed)},
  };
  json regions = json::array();
  for (const registry::RegionCompliance& r : report.regions) {
    json region = Sums(r.sites, r.sites_failed, r.pages_total, r.pages_failed);
    region["code"] = r.region_code;
    region["name"] = r.region_name;
    regions.push_back(std::move(region));
  }
  document["regions"] = std::move(regions);
  json codes = json::array();
  for (const registry::CodeTally& tally : report.codes) {
    codes.push_back({{"code", tally.code},
                     {"kind", tally.is_warning ? "warning" : "problem"},
                     {"explanation", ExplainCode(tally.code, language)},
                     {"sites", tally.sites},
                     {"pages", tally.pages}});
  }
  document["codes"] = std::move(codes);
  json trend = json::array();
  for (const registry::ScanOverview& point : report.trend) {
    json entry = ScanJson(point);
    entry.update(Sums(point.sites, point.sites_failed, point.pages_total, point.pages_failed));
    trend.push_back(std::move(entry));
  }
  document["trend"] = std::move(trend);
  json sites = json::array();
  for (const registry::SiteComplianceRow& site : report.sites) sites.push_back(SiteJson(site));
  document["sites"] = std::move(sites);
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace badgewatch::scan
