// The figures of a finished scan as a Prometheus text-format file for
// node_exporter's textfile collector: written to a temporary file in the same
// directory, flushed, then renamed over the target, so the collector never
// reads half a file. Blocking file I/O; any thread, one writer per path.
//
// Example:
//   ScanFigures figures{.scan_id = 7, .sites_scanned = 120, ...};
//   Status written = WriteMetricsFile("/var/lib/node_exporter/badgewatch.prom", figures);
#ifndef BADGEWATCH_SCAN_METRICS_FILE_H_
#define BADGEWATCH_SCAN_METRICS_FILE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "foundation/status.h"

namespace badgewatch::scan {

struct ScanFigures {
  std::int64_t scan_id = 0;
  std::int64_t finished_at = 0;  // Unix seconds
  std::int64_t sites_scanned = 0;
  std::int64_t sites_failed = 0;
  std::int64_t pages_total = 0;
  std::int64_t pages_failed = 0;
  double duration_seconds = 0;
  // Sites per verdict ("pass", "fail", ...), in the order given.
  std::vector<std::pair<std::string, std::int64_t>> sites_by_verdict;
};

// The exposition text: badgewatch_scan_* gauges with HELP and TYPE lines.
[[nodiscard]] std::string FormatScanMetrics(const ScanFigures& figures);

// Writes FormatScanMetrics(figures) to `path` with WriteFileAtomically
// (atomic_file.h), mode 0644: the temporary name starts with '.' and does not
// end in .prom, so the collector ignores it. Fails naming the file and the
// system error; the target is then untouched and no temporary file is left
// behind.
[[nodiscard]] Status WriteMetricsFile(const std::string& path, const ScanFigures& figures);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_METRICS_FILE_H_
