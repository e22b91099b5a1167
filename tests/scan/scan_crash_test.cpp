// The real `badgewatch scan` killed with SIGKILL at 20 random points of one
// scan of 100 sites × 50 pages (5,000 pages) served on loopback, resumed with
// --resume after each kill and once more to the end: every site ends with
// exactly one record in that scan, the scan is finished, and SQLite's
// integrity check is "ok". The kill points are chosen by progress (records
// written), polled from a reader connection, never by sleeping.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "registry/badges.h"
#include "registry/database.h"
#include "registry/sites.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"
#include "tests/support/child_process.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::registry::testing::ReadFileBytes;
using badgewatch::registry::testing::RegistryFixture;
using badgewatch::scan::testing::ReportSeed;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::StartChild;
using badgewatch::testing::TestWebServer;
namespace registry = badgewatch::registry;

constexpr int kSites = 100;
constexpr int kPagesPerSite = 50;
constexpr int kKills = 20;

// Starts `badgewatch scan --resume ...`, its standard error into `err_file`
// (when given); returns the child's pid.
pid_t StartScan(const std::string& db, const std::string& dns, std::uint16_t port,
                const std::string& err_file = "") {
  return StartChild({BADGEWATCH_BINARY, "scan", "--db", db, "--resume", "--dns", dns,
                     "--allow-private", "--site-port", std::to_string(port)},
                    "", err_file);
}

std::string QueryText(const std::string& db_path, const char* sql) {
  auto db = registry::Database::Open(db_path, registry::ConnectionRole::kReader);
  REQUIRE(db.ok());
  auto statement = db->Prepare(sql);
  REQUIRE(statement.ok());
  auto row = statement->Step();
  REQUIRE(row.ok());
  return *row ? statement->Text(0) : "";
}

std::int64_t Query(const std::string& db_path, const char* sql) {
  return std::stoll(QueryText(db_path, sql));
}

}  // namespace

TEST_CASE("Scan: SIGKILL at 20 random points, --resume each time, one record per site",
          "[scan][crawler][crash]") {
  RegistryFixture fixture;
  ReportSeed seed(fixture);
  TestWebServer web;
  const std::int64_t unit = seed.AddUnit("33", "杭州市某局");
  for (int s = 0; s < kSites; ++s) {
    const std::string host = "site" + std::to_string(s) + ".example.gov.cn";
    const std::string name = "测试网站" + std::to_string(s);
    const std::int64_t id = seed.AddSite(unit, name, host);
    const std::string badge = registry::BadgeSnippet(
        *registry::LoadSite(fixture.registry->writer(), id).value().badge_id);
    std::string links;
    for (int p = 1; p < kPagesPerSite; ++p) {
      links += "<a href=\"/p" + std::to_string(p) + ".html\">" + std::to_string(p) + "</a>";
    }
    web.ServePage(host, "/", name, links + badge);
    for (int p = 1; p < kPagesPerSite; ++p) {
      web.ServePage(host, "/p" + std::to_string(p) + ".html",
                    "第" + std::to_string(p) + "页 - " + name,
                    "<p>" + std::string(2000, 'x') + "</p>" + badge);
    }
  }
  fixture.registry.reset();  // the child processes own the file from here
  DnsmasqProcess dns(
      std::vector<std::pair<std::string, std::string>>{{"example.gov.cn", "127.0.0.1"}});

  std::mt19937 random(20261129);
  std::vector<int> kill_points(kKills);
  std::uniform_int_distribution<int> point(0, kSites - 1);
  for (int& k : kill_points) k = point(random);
  std::sort(kill_points.begin(), kill_points.end());

  const char* kRecords = "SELECT count(*) FROM compliance_records";
  int killed = 0;
  // A scan that ended by itself before its kill point: how, and what it said.
  std::vector<std::string> early_exits;
  const char* kFinished = "SELECT count(*) FROM scans WHERE finished_at IS NOT NULL";
  for (const int target : kill_points) {
    // A kill point near the end can land after the scan wrote its last record
    // and finished: the later points would each start a new scan (nothing is
    // left to resume), so the test has nothing more to kill.
    if (Query(fixture.path, kFinished) > 0) break;
    const std::string err_file = fixture.dir.File("scan.err");
    const pid_t child = StartScan(fixture.path, dns.server(), web.port(), err_file);
    int status = 0;
    bool exited = false;
    // Poll the progress until `target` records are written (or the scan ends).
    while (Query(fixture.path, kRecords) < target) {
      if (waitpid(child, &status, WNOHANG) == child) {
        exited = true;
        early_exits.push_back("kill point " + std::to_string(target) + ": " +
                              (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                                 : "signal " + std::to_string(WTERMSIG(status))) +
                              ", stderr: " + ReadFileBytes(err_file));
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!exited) {
      kill(child, SIGKILL);
      REQUIRE(waitpid(child, &status, 0) == child);
      if (WIFSIGNALED(status)) ++killed;
    }
  }
  for (const std::string& exit : early_exits) UNSCOPED_INFO(exit);
  CHECK(killed >= kKills / 2);  // most kill points land while the scan runs

  if (Query(fixture.path, kFinished) == 0) {  // the last resume finishes the scan
    const pid_t last = StartScan(fixture.path, dns.server(), web.port());
    int status = 0;
    REQUIRE(waitpid(last, &status, 0) == last);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }

  CHECK(Query(fixture.path, "SELECT count(*) FROM scans") == 1);  // one scan, resumed
  CHECK(Query(fixture.path, "SELECT count(*) FROM scans WHERE finished_at IS NULL") == 0);
  CHECK(Query(fixture.path, kRecords) == kSites);
  CHECK(Query(fixture.path, "SELECT count(DISTINCT site_id) FROM compliance_records") == kSites);
  CHECK(Query(fixture.path, "SELECT count(*) FROM compliance_records WHERE verdict = 'pass'") ==
        kSites);
  CHECK(Query(fixture.path, "SELECT sum(pages_total) FROM compliance_records") ==
        kSites * kPagesPerSite);
  CHECK(QueryText(fixture.path, "PRAGMA integrity_check") == "ok");
}
