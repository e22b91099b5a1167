#include "scan/metrics_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

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

ScanStatus SystemError(std::string_view action, const std::string& path) {
  return ScanError{fmt::format("cannot {} '{}': {}", action, path, std::strerror(errno))};
}

// Writes all of `text` to `fd`, retrying short writes and EINTR.
bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
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

ScanStatus WriteMetricsFile(const std::string& path, const ScanFigures& figures) {
  const std::filesystem::path target(path);
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string temporary = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return SystemError("create a temporary file for", path);
  const std::string text = FormatScanMetrics(figures);
  const bool written = WriteAll(fd, text) && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
  const int saved_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    errno = written ? errno : saved_errno;
    ScanStatus failed = SystemError("write", temporary);
    ::unlink(temporary.c_str());
    return failed;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    ScanStatus failed = SystemError("rename the temporary file onto", path);
    ::unlink(temporary.c_str());
    return failed;
  }
  return Done{};
}

}  // namespace badgewatch::scan
