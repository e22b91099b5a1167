#include "scan/metrics_file.h"

#include <fmt/format.h>

#include <string_view>

#include "scan/atomic_file.h"

namespace badgewatch::scan {
namespace {

void AppendGauge(std::string& text, std::string_view name, std::string_view help,
                 std::string_view value) {
  text += fmt::format("# HELP {0} {1}\n# TYPE {0} gauge\n{0} {2}\n", name, help, value);
}

// Label values escape backslash, double quote and newline (exposition format).
std::string EscapeLabelValue(std::string_view value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    escaped += c == '\n' ? std::string_view("\\n") : std::string_view(&c, 1);
  }
  return escaped;
}

}  // namespace

std::string FormatScanMetrics(const ScanFigures& f) {
  std::string text;
  AppendGauge(text, "badgewatch_scan_id", "Id of the last finished scan.",
              std::to_string(f.scan_id));
  AppendGauge(text, "badgewatch_scan_finished_timestamp_seconds",
              "Unix time the last scan finished.", std::to_string(f.finished_at));
  AppendGauge(text, "badgewatch_scan_duration_seconds", "Wall-clock duration of the last scan.",
              fmt::format("{:.3f}", f.duration_seconds));
  AppendGauge(text, "badgewatch_scan_sites", "Sites scanned by the last scan.",
              std::to_string(f.sites_scanned));
  AppendGauge(text, "badgewatch_scan_sites_failed", "Sites that failed the last scan.",
              std::to_string(f.sites_failed));
  AppendGauge(text, "badgewatch_scan_pages", "Pages checked by the last scan.",
              std::to_string(f.pages_total));
  AppendGauge(text, "badgewatch_scan_pages_failed", "Pages that failed the last scan.",
              std::to_string(f.pages_failed));
  text +=
      "# HELP badgewatch_scan_sites_by_verdict Sites of the last scan per verdict.\n"
      "# TYPE badgewatch_scan_sites_by_verdict gauge\n";
  for (const auto& [verdict, count] : f.sites_by_verdict) {
    text += fmt::format("badgewatch_scan_sites_by_verdict{{verdict=\"{}\"}} {}\n",
                        EscapeLabelValue(verdict), count);
  }
  return text;
}

Status WriteMetricsFile(const std::string& path, const ScanFigures& figures) {
  return WriteFileAtomically(path, FormatScanMetrics(figures));
}

}  // namespace badgewatch::scan
