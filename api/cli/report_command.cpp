#include "api/cli/report_command.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "registry/compliance_report_queries.h"
#include "registry/database.h"
#include "registry/registry.h"
#include "scan/atomic_file.h"
#include "scan/compliance_report.h"
#include "scan/report_csv.h"
#include "scan/report_html.h"
#include "scan/report_json.h"
#include "scan/report_messages.h"

namespace badgewatch::api {
namespace {

// HTML lists this many failing pages per site; CSV and JSON list them all.
constexpr int kHtmlPagesPerSite = 10;

int Fail(std::FILE* err, std::string_view message) {
  fmt::print(err, "badgewatch report: {}\n", message);
  return 2;
}

int PrintScanList(registry::Database& db, std::FILE* out, std::FILE* err) {
  Result<std::vector<registry::ScanOverview>> scans = registry::ListScans(db);
  if (!scans) return Fail(err, scans.status().ToString());
  fmt::print(out, "{:>6}  {:<10}  {:<16}  {:<16}  {:>6}  {:>6}  {:>9}\n", "scan", "kind",
             "started (UTC+8)", "finished", "sites", "failed", "pages");
  for (const registry::ScanOverview& s : *scans) {
    fmt::print(out, "{:>6}  {:<10}  {:<16}  {:<16}  {:>6}  {:>6}  {:>9}\n", s.id, s.kind,
               scan::FormatBeijingTime(s.started_at),
               s.finished_at ? scan::FormatBeijingTime(*s.finished_at) : "-", s.sites,
               s.sites_failed, s.pages_total);
  }
  return 0;
}

}  // namespace

CLI::App* AddReportCommand(CLI::App& app, ReportOptions& options) {
  CLI::App* report = app.add_subcommand(
      "report",
      "Write the compliance report of a scan: CSV (opens in Excel), JSON, or one self-contained "
      "HTML page with charts. Exit 0 written, 2 bad input.");
  report->add_option("--db", options.db, "The registry database file")->required();
  report->add_option("--scan", options.scan_id, "Scan id (default: the latest finished scan)");
  report->add_option("--format", options.format, "csv, json or html")
      ->check(CLI::IsMember({"csv", "json", "html"}));
  report->add_option("--lang", options.language, "Report language: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  report->add_option("--encoding", options.encoding,
                     "CSV encoding: utf-8 (with BOM, default) or gb18030");
  report->add_option("--out", options.out, "Write to this file (default: standard output)");
  report->add_option("--region", options.region, "Only this region (two digits, e.g. 33)");
  report->add_flag("--list-scans", options.list_scans, "List the scans and exit");
  return report;
}

int RunReport(const ReportOptions& options, std::FILE* out, std::FILE* err) {
  const std::optional<scan::CsvEncoding> encoding = scan::ParseCsvEncoding(options.encoding);
  if (!encoding) {
    return Fail(err,
                fmt::format("--encoding must be utf-8 or gb18030, not '{}'", options.encoding));
  }
  if (options.format != "csv" && *encoding != scan::CsvEncoding::kUtf8WithBom) {
    return Fail(err, "--encoding gb18030 applies to --format csv only; JSON and HTML are UTF-8");
  }
  if (options.format.empty() && !options.list_scans) {
    return Fail(err, "--format is required: csv, json or html");
  }
  const std::optional<scan::ReportLanguage> language = ParseLanguage(options.language);
  if (!language)
    return Fail(err, fmt::format("--lang must be zh or en, not '{}'", options.language));

  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.db, ec)) {
    return Fail(err, fmt::format("no database file '{}'", options.db));
  }
  Result<registry::Database> db = registry::OpenRegistryReadOnly(options.db);
  if (!db) return Fail(err, db.status().message());
  if (options.list_scans) return PrintScanList(*db, out, err);

  scan::ReportRequest request;
  request.scan_id = options.scan_id;
  request.region_code = options.region;
  if (options.format == "html") request.failing_pages_per_site = kHtmlPagesPerSite;
  Result<scan::ComplianceReport> report =
      scan::BuildComplianceReport(*db, request, static_cast<std::int64_t>(std::time(nullptr)));
  if (!report) return Fail(err, report.status().message());

  std::string text;
  if (options.format == "csv") {
    Result<std::string> csv = scan::RenderReportCsv(*report, *language, *encoding);
    if (!csv) return Fail(err, csv.status().message());
    text = std::move(*csv);
  } else if (options.format == "json") {
    text = scan::RenderReportJson(*report, *language);
  } else {
    text = scan::RenderReportHtml(*report, {*language, kHtmlPagesPerSite});
  }

  if (options.out.empty() || options.out == "-") {
    if (std::fwrite(text.data(), 1, text.size(), out) != text.size() || std::fflush(out) != 0) {
      return Fail(err, fmt::format("cannot write to standard output: {}", std::strerror(errno)));
    }
    return 0;
  }
  // By a temporary file renamed over the target: a failed write (a full
  // disk) leaves the previous report as it was.
  if (Status written = scan::WriteFileAtomically(options.out, text); !written.ok()) {
    return Fail(err, written.message());
  }
  fmt::print(err, "badgewatch report: wrote scan {} ({} sites) to {}\n", report->scan.id,
             report->scan.sites, options.out);
  return 0;
}

}  // namespace badgewatch::api
