// `badgewatch report` end to end on a real registry file: formats, output
// file, and exit 2 with a clear message for every bad input.
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sstream>
#include <vector>

#include "registry/migrations.h"
#include "registry/registry.h"
#include "scan/gb18030_encoding.h"
#include "tests/scan/report_fixture.h"
#include "tests/support/cli_run.h"

namespace badgewatch::scan {
namespace {

using testing::ReportFixture;

using badgewatch::testing::CliRun;

// `badgewatch report ARGS...`, in process.
CliRun Run(std::vector<std::string> args) {
  args.insert(args.begin(), "report");
  return badgewatch::testing::RunCli(std::move(args));
}

TEST_CASE("ReportCommand: each format to standard output or a file", "[scan]") {
  ReportFixture f;
  CliRun json = Run({"--db", f.path, "--format", "json"});
  CHECK(json.code == 0);
  CHECK(json.out.find("\"compliance_rate\": 0.5") != std::string::npos);

  const std::string html_path = f.dir.File("report.html");
  CliRun html = Run({"--db", f.path, "--format", "html", "--lang", "en", "--out", html_path});
  CHECK(html.code == 0);
  CHECK(html.out.empty());
  CHECK(html.err == "badgewatch report: wrote scan 2 (4 sites) to " + html_path + "\n");
  std::ifstream written(html_path);
  std::stringstream text;
  text << written.rdbuf();
  CHECK(text.str().find("<html lang=\"en\">") != std::string::npos);

  CliRun utf8 = Run({"--db", f.path, "--format", "csv", "--scan", "1", "--region", "33"});
  CHECK(utf8.code == 0);
  CHECK(utf8.out.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(utf8.out.find("杭州教育网") != std::string::npos);
  CHECK(utf8.out.find("北京教育网") == std::string::npos);
  CliRun gb = Run({"--db", f.path, "--format", "csv", "--scan", "1", "--region", "33", "--encoding",
                   "gb18030"});
  CHECK(gb.code == 0);
  CHECK(Gb18030ToUtf8(gb.out).value() == utf8.out.substr(3));

  CliRun list = Run({"--db", f.path, "--list-scans"});
  CHECK(list.code == 0);
  CHECK(list.out.find("nightly") != std::string::npos);
}

// While it lives, no file of this process may grow past `bytes`: a write
// beyond fails with EFBIG (SIGXFSZ ignored), as on a full disk.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) : previous_signal_(std::signal(SIGXFSZ, SIG_IGN)) {
    REQUIRE(getrlimit(RLIMIT_FSIZE, &previous_) == 0);
    rlimit limit = previous_;
    limit.rlim_cur = bytes;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limit) == 0);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &previous_);
    std::signal(SIGXFSZ, previous_signal_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  void (*previous_signal_)(int);
  rlimit previous_{};
};

TEST_CASE("ReportCommand: a failed --out write leaves the previous report intact", "[scan]") {
  ReportFixture f;
  const std::string path = f.dir.File("report.html");
  const std::string previous = "<html>the report of yesterday</html>";
  {
    std::ofstream old(path, std::ios::binary);
    old << previous;
  }
  CliRun run;
  {
    const FileSizeLimit full_disk(4096);  // the HTML report is larger
    run = Run({"--db", f.path, "--format", "html", "--out", path});
  }
  CHECK(run.code == 2);
  CHECK_THAT(run.err, Catch::StartsWith("badgewatch report: cannot write"));
  CHECK(registry::testing::ReadFileBytes(path) == previous);
  for (const std::string& name : registry::testing::FileNamesIn(f.dir.File(""))) {
    CHECK_FALSE(name.starts_with(".report.html"));  // no temporary file left behind
  }
}

TEST_CASE("ReportCommand: bad input exits 2 with a clear message", "[scan]") {
  // "DB" stands for the fixture's database, "NONE" for a file that does not exist.
  const auto [args, message] = GENERATE(table<std::vector<std::string>, std::string>({
      {{"--db", "DB", "--format", "html", "--scan", "99"}, "badgewatch report: no scan 99\n"},
      {{"--db", "DB", "--format", "html", "--region", "99"},
       "badgewatch report: no region '99' (data/regions.csv lists the region codes)\n"},
      {{"--db", "DB", "--format", "html", "--encoding", "gb18030"},
       "badgewatch report: --encoding gb18030 applies to --format csv only; JSON and HTML are "
       "UTF-8\n"},
      {{"--db", "DB", "--format", "csv", "--encoding", "latin1"},
       "badgewatch report: --encoding must be utf-8 or gb18030, not 'latin1'\n"},
      {{"--db", "DB"}, "badgewatch report: --format is required: csv, json or html\n"},
      {{"--db", "NONE", "--format", "csv"}, "badgewatch report: no database file 'NONE'\n"},
  }));
  CAPTURE(args);
  ReportFixture f;
  std::vector<std::string> real_args = args;
  for (std::string& arg : real_args) {
    if (arg == "DB") arg = f.path;
    if (arg == "NONE") arg = f.dir.File("none.db");
  }
  std::string expected = message;
  if (const std::size_t at = expected.find("NONE"); at != std::string::npos) {
    expected.replace(at, 4, f.dir.File("none.db"));
  }
  const CliRun run = Run(real_args);
  CHECK(run.code == 2);
  CHECK(run.err == expected);
  CHECK(run.out.empty());
}

TEST_CASE(
    "ReportCommand: an empty file, another file, another program's database and a newer schema "
    "exit 2 with a clear message",
    "[scan]") {
  registry::testing::TempDir dir;
  const std::string empty = dir.File("empty.db");
  const std::string text = dir.File("notes.db");
  const std::string other = dir.File("other.db");
  const std::string newer = dir.File("newer.db");
  std::ofstream(empty, std::ios::binary).flush();
  std::ofstream(text, std::ios::binary) << "not a database at all, just some notes\n";
  {
    auto db = registry::Database::Open(other, registry::ConnectionRole::kWriter);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").ok());
    auto registry = registry::Registry::Open(newer);
    REQUIRE(registry.ok());
    REQUIRE((*registry)->writer().Exec("PRAGMA user_version = 42").ok());
  }
  const std::vector<std::pair<std::string, std::string>> cases = {
      {empty, "'" + empty + "' is not a badgewatch registry (the file is empty)"},
      {text, "'" + text + "' is not a badgewatch registry (not an SQLite database)"},
      {other, "'" + other +
                  "' is not a badgewatch registry (an SQLite database without its schema; create "
                  "a registry with 'badgewatch registry init')"},
      {newer, "'" + newer +
                  "' has schema version 42, written by a newer badgewatch; this build knows "
                  "versions up to " +
                  std::to_string(registry::LatestSchemaVersion()) +
                  ". Upgrade badgewatch to open it."},
  };
  for (const auto& [path, message] : cases) {
    CAPTURE(path);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--db", path, "--format", "html"}, {"--db", path, "--list-scans"}}) {
      const CliRun run = Run(args);
      CHECK(run.code == 2);
      CHECK(run.err == "badgewatch report: " + message + "\n");
      CHECK(run.out.empty());
    }
  }
  CHECK(registry::testing::ReadFileBytes(empty).empty());  // read, never written
}

TEST_CASE("ReportCommand: an unknown format and a registry with no scans exit 2", "[scan]") {
  ReportFixture f;
  CliRun xml = Run({"--db", f.path, "--format", "xml"});
  CHECK(xml.code == 2);
  CHECK(xml.err.find("--format") != std::string::npos);

  registry::testing::RegistryFixture empty;
  CliRun none = Run({"--db", empty.path, "--format", "html"});
  CHECK(none.code == 2);
  CHECK(none.err ==
        "badgewatch report: no scan has finished yet; run 'badgewatch scan' first or pass "
        "--scan ID\n");
}

}  // namespace
}  // namespace badgewatch::scan
