// `badgewatch report --db FILE ...`: the compliance report of one scan as CSV,
// JSON or a self-contained HTML page (scan/compliance_report.h), to standard
// output or a file. Runs on the calling thread with its own read-only
// connection (registry::OpenRegistryReadOnly: a file it may not write is read,
// one of another schema refused); --out is replaced by a temporary file and a
// rename, so a failed write leaves the previous report as it was.
#ifndef BADGEWATCH_API_CLI_REPORT_COMMAND_H_
#define BADGEWATCH_API_CLI_REPORT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace badgewatch::api {

struct ReportOptions {
  std::string db;
  std::optional<std::int64_t> scan_id;  // absent: the latest finished scan
  std::string format;                   // csv, json or html
  std::string language = "zh";
  std::string encoding = "utf-8";  // CSV only: utf-8 (with BOM) or gb18030
  std::string out;                 // empty or "-": standard output
  std::string region;              // empty: every region
  bool list_scans = false;
};

// Adds the `report` subcommand and its options to `app`, filling `options`.
CLI::App* AddReportCommand(CLI::App& app, ReportOptions& options);

// Writes the report. Returns the exit code: 0 written, 2 anything else (no
// such database, an empty file or one that is not a registry, a registry of
// an older or newer schema, no such scan or region, no finished scan yet, an
// option that does not fit, a file that cannot be written), the reason
// printed to `err`.
[[nodiscard]] int RunReport(const ReportOptions& options, std::FILE* out, std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_REPORT_COMMAND_H_
