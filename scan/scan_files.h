// The files a finished scan leaves for others (badgewatch.toml [scan]): the
// Prometheus metrics file and the scan's HTML compliance report in the report
// directory, each replaced atomically (atomic_file.h), so a reader never sees
// half a file. `badgewatch scan` and scans started through `badgewatch serve`
// both end with it. Blocking file I/O and registry reads on the caller's
// connection; the thread that ran the scan.
//
// Example:
//   ScanFiles files = ScanFilesFrom(config);
//   ScanFilesWritten written =
//       WriteScanFiles(registry.writer(), outcome, files, std::time(nullptr));
//   for (const std::string& error : written.errors) spdlog::error("{}", error);
#ifndef BADGEWATCH_SCAN_SCAN_FILES_H_
#define BADGEWATCH_SCAN_SCAN_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "registry/database.h"
#include "scan/report_messages.h"
#include "scan/scan_runner.h"

namespace badgewatch::scan {

struct ScanFiles {
  std::string metrics_file;  // Prometheus textfile (*.prom); empty: none
  std::string report_dir;    // the HTML report of each scan goes here; empty: none
  ReportLanguage report_language = ReportLanguage::kChinese;
};

struct ScanFilesWritten {
  std::string metrics_file;         // the path written; empty: none asked for, or not written
  std::string report;               // likewise, the report's path
  std::vector<std::string> errors;  // one sentence per file not written, naming it
};

// "badgewatch-scan-42.html": the name of scan 42's report in the report directory.
[[nodiscard]] std::string ScanReportFileName(std::int64_t scan_id);

// Writes the files `files` names for the finished scan `outcome`; the report
// (as `badgewatch report --format html` writes it, generated at `now`, Unix
// seconds) is read from `db`, and the report directory is created when
// missing. Never fails as a whole: a file that cannot be written (or a report
// that cannot be read) is one entry of `errors`, the other file is still
// written, and no temporary file is left behind.
[[nodiscard]] ScanFilesWritten WriteScanFiles(registry::Database& db, const ScanOutcome& outcome,
                                              const ScanFiles& files, std::int64_t now);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SCAN_FILES_H_
