#include "scan/scan_files.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "scan/atomic_file.h"
#include "scan/compliance_report.h"
#include "scan/metrics_file.h"
#include "scan/report_html.h"

namespace badgewatch::scan {
namespace {

ScanFigures FiguresOf(const ScanOutcome& o, std::int64_t finished_at) {
  ScanFigures figures;
  figures.scan_id = o.scan_id;
  figures.finished_at = finished_at;
  figures.sites_scanned = static_cast<std::int64_t>(o.sites_scanned);
  figures.sites_failed = static_cast<std::int64_t>(o.sites_failed);
  figures.pages_total = static_cast<std::int64_t>(o.pages_total);
  figures.pages_failed = static_cast<std::int64_t>(o.pages_failed);
  figures.duration_seconds = o.seconds;
  figures.sites_by_verdict = {{"pass", static_cast<std::int64_t>(o.sites_passed)},
                              {"fail", static_cast<std::int64_t>(o.sites_failed)}};
  return figures;
}

// The HTML report of `scan_id` in `directory`; its path, or why not.
Result<std::string> WriteReport(registry::Database& db, std::int64_t scan_id,
                                const std::string& directory, ReportLanguage language,
                                std::int64_t now) {
  const std::string path =
      (std::filesystem::path(directory) / ScanReportFileName(scan_id)).string();
  HtmlReportOptions options;
  options.language = language;
  ReportRequest request;
  request.scan_id = scan_id;
  request.failing_pages_per_site = options.failing_pages_per_site;
  Result<ComplianceReport> report = BuildComplianceReport(db, request, now);
  if (!report) {
    return Status(report.status().code(),
                  fmt::format("cannot write the report '{}': {}", path, report.status().message()));
  }
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    return Status(StatusCode::kStorage,
                  fmt::format("cannot write the report '{}': cannot create '{}': {}", path,
                              directory, ec.message()));
  }
  if (Status written = WriteFileAtomically(path, RenderReportHtml(*report, options));
      !written.ok()) {
    return written;
  }
  return path;
}

}  // namespace

std::string ScanReportFileName(std::int64_t scan_id) {
  return fmt::format("badgewatch-scan-{}.html", scan_id);
}

ScanFilesWritten WriteScanFiles(registry::Database& db, const ScanOutcome& outcome,
                                const ScanFiles& files, std::int64_t now) {
  ScanFilesWritten written;
  if (!files.metrics_file.empty()) {
    if (Status metrics = WriteMetricsFile(files.metrics_file, FiguresOf(outcome, now));
        metrics.ok()) {
      written.metrics_file = files.metrics_file;
    } else {
      written.errors.push_back(metrics.message());
    }
  }
  if (!files.report_dir.empty()) {
    if (Result<std::string> report =
            WriteReport(db, outcome.scan_id, files.report_dir, files.report_language, now);
        report) {
      written.report = *report;
    } else {
      written.errors.push_back(report.status().message());
    }
  }
  return written;
}

}  // namespace badgewatch::scan
