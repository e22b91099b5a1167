// The Prometheus textfile: its exact content and the atomic replace.
#include "scan/metrics_file.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/registry/registry_fixture.h"

namespace badgewatch::scan {
namespace {

ino_t InodeOf(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_ino;
}

ScanFigures Figures() {
  ScanFigures figures;
  figures.scan_id = 7;
  figures.finished_at = 1767229200;
  figures.sites_scanned = 120;
  figures.sites_failed = 9;
  figures.pages_total = 53'210;
  figures.pages_failed = 311;
  figures.duration_seconds = 1834.25;
  figures.sites_by_verdict = {{"pass", 111}, {"fail", 9}};
  return figures;
}

TEST_CASE("MetricsFile: the exposition text", "[scan]") {
  CHECK(FormatScanMetrics(Figures()) ==
        "# HELP badgewatch_scan_id Id of the last finished scan.\n"
        "# TYPE badgewatch_scan_id gauge\n"
        "badgewatch_scan_id 7\n"
        "# HELP badgewatch_scan_finished_timestamp_seconds Unix time the last scan finished.\n"
        "# TYPE badgewatch_scan_finished_timestamp_seconds gauge\n"
        "badgewatch_scan_finished_timestamp_seconds 1767229200\n"
        "# HELP badgewatch_scan_duration_seconds Wall-clock duration of the last scan.\n"
        "# TYPE badgewatch_scan_duration_seconds gauge\n"
        "badgewatch_scan_duration_seconds 1834.250\n"
        "# HELP badgewatch_scan_sites Sites scanned by the last scan.\n"
        "# TYPE badgewatch_scan_sites gauge\n"
        "badgewatch_scan_sites 120\n"
        "# HELP badgewatch_scan_sites_failed Sites that failed the last scan.\n"
        "# TYPE badgewatch_scan_sites_failed gauge\n"
        "badgewatch_scan_sites_failed 9\n"
        "# HELP badgewatch_scan_pages Pages checked by the last scan.\n"
        "# TYPE badgewatch_scan_pages gauge\n"
        "badgewatch_scan_pages 53210\n"
        "# HELP badgewatch_scan_pages_failed Pages that failed the last scan.\n"
        "# TYPE badgewatch_scan_pages_failed gauge\n"
        "badgewatch_scan_pages_failed 311\n"
        "# HELP badgewatch_scan_sites_by_verdict Sites of the last scan per verdict.\n"
        "# TYPE badgewatch_scan_sites_by_verdict gauge\n"
        "badgewatch_scan_sites_by_verdict{verdict=\"pass\"} 111\n"
        "badgewatch_scan_sites_by_verdict{verdict=\"fail\"} 9\n");
}

TEST_CASE("MetricsFile: label values are escaped", "[scan]") {
  ScanFigures figures;
  figures.sites_by_verdict = {{"a\"b\\c\nd", 1}};
  CHECK(FormatScanMetrics(figures).find("{verdict=\"a\\\"b\\\\c\\nd\"} 1\n") != std::string::npos);
}

TEST_CASE("MetricsFile: replaces the file atomically and leaves no temporary file", "[scan]") {
  registry::testing::TempDir dir;
  const std::string path = dir.File("badgewatch.prom");
  {
    std::ofstream old(path);
    old << "old content\n";
  }
  // A reader holding the old file keeps reading the old content: the new one
  // is a different inode renamed over it, never the old one rewritten.
  std::ifstream held(path);
  const ino_t old_inode = InodeOf(path);
  REQUIRE(WriteMetricsFile(path, Figures()).ok());
  std::string held_line;
  std::getline(held, held_line);
  CHECK(held_line == "old content");
  CHECK(registry::testing::ReadFileBytes(path) == FormatScanMetrics(Figures()));
  CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) !=
        std::filesystem::perms::none);
  CHECK(InodeOf(path) != old_inode);
  CHECK(registry::testing::FileNamesIn(dir.File("")) ==
        std::vector<std::string>{"badgewatch.prom"});
}

TEST_CASE("MetricsFile: a directory that does not exist is an error naming the file", "[scan]") {
  registry::testing::TempDir dir;
  const std::string path = dir.File("missing/badgewatch.prom");
  const Status written = WriteMetricsFile(path, Figures());
  REQUIRE_FALSE(written.ok());
  CHECK(written.message() ==
        "cannot create a temporary file for '" + path + "': No such file or directory");
  CHECK_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace badgewatch::scan
