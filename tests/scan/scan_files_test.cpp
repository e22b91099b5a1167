// The files a finished scan leaves: the metrics file and the HTML report in
// the report directory (as `badgewatch report --format html` renders it),
// each written whole; one that cannot be written is an error naming it, and
// the other is still written.
#include "scan/scan_files.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scan/metrics_file.h"
#include "scan/report_html.h"
#include "tests/scan/report_fixture.h"

namespace badgewatch::scan {
namespace {

using registry::testing::FileNamesIn;
using registry::testing::ReadFileBytes;
using testing::ReportFixture;

ScanOutcome OutcomeOf(std::int64_t scan_id) {
  ScanOutcome outcome;
  outcome.scan_id = scan_id;
  outcome.sites_scanned = 4;
  outcome.sites_passed = 2;
  outcome.sites_failed = 2;
  return outcome;
}

TEST_CASE("ScanFiles: the metrics file and the report, named for the scan", "[scan]") {
  ReportFixture f;
  ScanFiles files;
  files.metrics_file = f.dir.File("badgewatch.prom");
  files.report_dir = f.dir.File("reports/nightly");  // created
  files.report_language = ReportLanguage::kEnglish;
  const ScanFilesWritten written =
      WriteScanFiles(f.registry->writer(), OutcomeOf(f.scan2), files, *f.now);
  CHECK(written.errors.empty());
  CHECK(written.metrics_file == files.metrics_file);
  const std::string name = "badgewatch-scan-" + std::to_string(f.scan2) + ".html";
  CHECK(ScanReportFileName(f.scan2) == name);
  CHECK(written.report == files.report_dir + "/" + name);
  CHECK(FileNamesIn(files.report_dir) == std::vector<std::string>{name});

  ReportRequest request;
  request.scan_id = f.scan2;
  request.failing_pages_per_site = HtmlReportOptions{}.failing_pages_per_site;
  HtmlReportOptions english;
  english.language = ReportLanguage::kEnglish;
  CHECK(ReadFileBytes(written.report) == RenderReportHtml(f.Build(request), english));
  CHECK_THAT(ReadFileBytes(files.metrics_file),
             Catch::Contains("badgewatch_scan_id " + std::to_string(f.scan2) + "\n"));
  CHECK_THAT(ReadFileBytes(files.metrics_file),
             Catch::Contains("badgewatch_scan_sites_failed 2\n"));

  // Nothing asked for: nothing written.
  const ScanFilesWritten none =
      WriteScanFiles(f.registry->writer(), OutcomeOf(f.scan2), {}, *f.now);
  CHECK(none.errors.empty());
  CHECK(none.metrics_file.empty());
  CHECK(none.report.empty());
}

TEST_CASE("ScanFiles: a file that cannot be written is an error naming it, the other is written",
          "[scan]") {
  ReportFixture f;
  const std::string blocker = f.dir.File("a-file");
  std::ofstream(blocker) << "x";
  ScanFiles files;
  files.metrics_file = f.dir.File("badgewatch.prom");
  files.report_dir = blocker + "/reports";
  const ScanFilesWritten blocked =
      WriteScanFiles(f.registry->writer(), OutcomeOf(f.scan2), files, *f.now);
  REQUIRE(blocked.errors.size() == 1);
  CHECK_THAT(blocked.errors[0], Catch::StartsWith("cannot write the report '" + files.report_dir +
                                                  "/" + ScanReportFileName(f.scan2) +
                                                  "': cannot create '" + files.report_dir + "': "));
  CHECK(blocked.report.empty());
  CHECK(blocked.metrics_file == files.metrics_file);

  // The report of a scan the registry does not have.
  files.metrics_file = f.dir.File("missing/badgewatch.prom");
  files.report_dir = f.dir.File("reports");
  const ScanFilesWritten unknown =
      WriteScanFiles(f.registry->writer(), OutcomeOf(4242), files, *f.now);
  REQUIRE(unknown.errors.size() == 2);
  CHECK_THAT(unknown.errors[0],
             Catch::StartsWith("cannot create a temporary file for '" + files.metrics_file + "'"));
  CHECK(unknown.errors[1] == "cannot write the report '" + files.report_dir +
                                 "/badgewatch-scan-4242.html': no scan 4242");
  CHECK_FALSE(std::filesystem::exists(files.report_dir));
}

}  // namespace
}  // namespace badgewatch::scan
