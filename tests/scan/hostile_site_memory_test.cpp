// The real `badgewatch check` and `badgewatch scan` on the project's own link
// flood (tests/support/hostile_site.h: every page carries 250,000 links to
// pages never linked before, ~4 MiB a page) stay under a fixed peak RSS,
// whatever the number of pages: the links past a page's cap are counted, not
// kept, and so are the URLs past the page limit. Before that bound, each page
// added ~60 MB and 40 pages took over 2 GB. The peak is the child's
// ru_maxrss, read with wait4. Under AddressSanitizer (whose shadow memory and
// quarantine multiply every figure) the ceiling is not asserted.
#include <sys/resource.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "registry/database.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"
#include "tests/support/child_process.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/hostile_site.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::registry::testing::ReadFileBytes;
using badgewatch::registry::testing::RegistryFixture;
using badgewatch::scan::testing::ReportSeed;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::HostileSitePage;
using badgewatch::testing::kHostileSiteName;
using badgewatch::testing::LinkFlood;
using badgewatch::testing::StartChild;
using badgewatch::testing::TestWebServer;

constexpr long kCeilingKiB = 128 * 1024;  // 128 MiB
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMeasured = false;
constexpr int kPages = 5;  // the path only: nothing is measured
#else
constexpr bool kMeasured = true;
constexpr int kPages = 40;  // ~10 million links met in all
#endif

struct ChildRun {
  int exit_code = -1;
  long max_rss_kib = 0;
  std::string out;
  std::string err;
};

// Runs the badgewatch executable with `args`; its output goes to files in `dir`.
ChildRun RunBadgewatch(const std::vector<std::string>& args, const std::string& out_file,
                       const std::string& err_file) {
  std::vector<std::string> argv = {BADGEWATCH_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const pid_t child = StartChild(argv, out_file, err_file);
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(child, &status, 0, &usage) == child);
  ChildRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.max_rss_kib = usage.ru_maxrss;
  run.out = ReadFileBytes(out_file);
  run.err = ReadFileBytes(err_file);
  return run;
}

void ServeLinkFlood(TestWebServer& web) {
  web.StopLogging();
  web.ServeGenerated([](const std::string&, const std::string& target) {
    return HostileSitePage(LinkFlood(), target);
  });
}

}  // namespace

TEST_CASE("Link flood: check of 40 pages of 250,000 new links each stays under 128 MiB",
          "[scan][memory][hostile]") {
  RegistryFixture fixture;  // only for its temporary directory
  TestWebServer web;
  ServeLinkFlood(web);
  const ChildRun run =
      RunBadgewatch({"check", web.Origin("127.0.0.1") + "/", "--name", kHostileSiteName,
                     "--allow-private", "--max-pages", std::to_string(kPages), "--json"},
                    fixture.dir.File("check.json"), fixture.dir.File("check.err"));
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);  // every page carries the badge and the title
  CHECK(run.out.find("\"pages_total\": " + std::to_string(kPages)) != std::string::npos);
  CHECK(run.out.find("\"link-limit\":") != std::string::npos);
  CHECK(run.out.find("\"page-limit\":") != std::string::npos);
  UNSCOPED_INFO("check peak RSS: " << run.max_rss_kib << " KiB");
  if (kMeasured) CHECK(run.max_rss_kib <= kCeilingKiB);
}

TEST_CASE("Link flood: a scan of the flooding site stays under 128 MiB",
          "[scan][memory][hostile]") {
  RegistryFixture fixture;
  ReportSeed seed(fixture);
  const std::int64_t unit = seed.AddUnit("33", "杭州市某局");
  seed.AddSite(unit, kHostileSiteName, "flood.example.gov.cn");
  fixture.registry.reset();  // the child owns the file from here
  TestWebServer web;
  ServeLinkFlood(web);
  DnsmasqProcess dns(
      std::vector<std::pair<std::string, std::string>>{{"example.gov.cn", "127.0.0.1"}});
  const ChildRun run = RunBadgewatch(
      {"scan", "--db", fixture.path, "--dns", dns.server(), "--allow-private", "--site-port",
       std::to_string(web.port()), "--max-pages", std::to_string(kPages)},
      fixture.dir.File("scan.out"), fixture.dir.File("scan.err"));
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));  // 1: the site fails (its badge id)
  auto db = badgewatch::registry::Database::Open(fixture.path,
                                                 badgewatch::registry::ConnectionRole::kReader);
  REQUIRE(db.ok());
  auto statement = db->Prepare("SELECT pages_total FROM compliance_records");
  REQUIRE(statement.ok());
  auto row = statement->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  CHECK(statement->Int(0) == kPages);
  UNSCOPED_INFO("scan peak RSS: " << run.max_rss_kib << " KiB");
  if (kMeasured) CHECK(run.max_rss_kib <= kCeilingKiB);
}
