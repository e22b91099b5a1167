// Schema v5 on a file written by schema v4: every old compliance record gets
// the change and unreachable flag the C++ rule (registry/site_change.h, which
// the scan re-exports) gives it, and every scan the summary of its records.
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "registry/detail/stored_codes.h"
#include "registry/migrations.h"
#include "registry/registry.h"
#include "registry/site_change.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::TempDir;

void Run(Database& db, std::string_view sql, std::initializer_list<SqlValue> values) {
  Result<Statement> statement = db.Prepare(sql);
  REQUIRE(statement.ok());
  REQUIRE(statement->Bind(values).ok());
  REQUIRE(statement->Run().ok());
}

// One old record: the site (an index into the sites made), the scan (an
// index into the scans made), what it found.
struct OldRecord {
  int site = 0;
  int scan = 0;
  std::string verdict;
  std::string problems;  // stored form: codes joined by spaces
  int pages_total = 0;
  int pages_failed = 0;
};

// Scans 0, 1, 3 and 4 are nightly, scan 2 a self-check of site 0 in between.
// Sites 0-2 belong to a unit of region 33, sites 3-4 to one of region 11.
const std::vector<OldRecord> kHistory = {
    {0, 0, "pass", "", 10, 0},
    {1, 0, "fail", "badge-missing", 10, 10},
    {2, 0, "fail", "fetch-failed", 1, 1},  // unreachable on its first record
    {3, 0, "fail", "fetch-failed", 3, 2},  // some pages fetched: reachable
    {4, 0, "pass", "", 5, 0},
    {0, 1, "pass", "", 10, 0},
    {1, 1, "pass", "", 10, 0},
    {2, 1, "fail", "title-missing", 4, 1},
    {3, 1, "pass", "", 3, 0},
    {4, 1, "fail", "badge-missing fetch-failed", 5, 5},  // passed, now unreachable
    {0, 2, "fail", "badge-misplaced", 10, 1},            // the self-check
    {0, 3, "fail", "badge-misplaced", 10, 1},
    {1, 3, "fail", "fetch-failed", 2, 2},
    {2, 3, "fail", "fetch-failed", 1, 1},
    {3, 3, "fail", "badge-missing", 3, 3},
    {4, 3, "fail", "fetch-failed", 5, 5},  // unreachable twice
    {1, 4, "pass", "", 10, 0},
    {4, 4, "fail", "badge-missing", 5, 1},
};

// A v4 file with the units, sites, scans and records of kHistory.
void WriteV4History(Database& db) {
  REQUIRE(ApplyMigrations(db, 4).ok());
  REQUIRE(db.UserVersion().value() == 4);
  const char* const kRegions[] = {"33", "11"};
  for (int unit = 0; unit < 2; ++unit) {
    Run(db,
        "INSERT INTO units (id, kind, region_code, system_category, name, address, handler_name, "
        "mobile, email, unit_number, created_at) VALUES (?, 'party-government', ?, '教育', ?, "
        "'地址', '李经办', '13800138000', 'a@example.gov.cn', ?, 0)",
        {std::int64_t{unit + 1}, std::string_view(kRegions[unit]),
         std::string_view(unit == 0 ? "杭州市教育局" : "北京市教育委员会"),
         std::string_view(unit == 0 ? "33000001" : "11000001")});
  }
  for (int site = 0; site < 5; ++site) {
    Run(db,
        "INSERT INTO sites (id, unit_id, sequence, name, ips, introduction, created_at) "
        "VALUES (?, ?, ?, ?, '127.0.0.1', 'x', 0)",
        {std::int64_t{site + 1}, std::int64_t{site < 3 ? 1 : 2}, std::int64_t{site + 1},
         std::string_view("网站")});
  }
  for (int scan = 0; scan < 5; ++scan) {
    Run(db, "INSERT INTO scans (id, kind, started_at, finished_at) VALUES (?, ?, ?, ?)",
        {std::int64_t{scan + 1}, std::string_view(scan == 2 ? "self-check" : "nightly"),
         std::int64_t{scan * 100}, std::int64_t{scan * 100 + 50}});
  }
  for (const OldRecord& r : kHistory) {
    Run(db,
        "INSERT INTO compliance_records (scan_id, site_id, verdict, problems, warnings, "
        "pages_total, pages_failed, recorded_at) VALUES (?, ?, ?, ?, '', ?, ?, 0)",
        {std::int64_t{r.scan + 1}, std::int64_t{r.site + 1}, std::string_view(r.verdict),
         std::string_view(r.problems), std::int64_t{r.pages_total}, std::int64_t{r.pages_failed}});
  }
}

// Counts of one scan summary row, in the table's column order after the key.
using SummaryCounts = std::vector<std::int64_t>;

TEST_CASE("Migrations: v5 backfills change and unreachable as the C++ rule gives them",
          "[registry]") {
  TempDir dir;
  Result<Database> db = Database::Open(dir.File("v4.db"), ConnectionRole::kWriter);
  REQUIRE(db.ok());
  WriteV4History(*db);
  REQUIRE(ApplyMigrations(*db).ok());
  CHECK(db->UserVersion().value() == LatestSchemaVersion());
  // v6: records from before dead links were counted have none.
  Result<Statement> dead =
      db->Prepare("SELECT count(*), coalesce(sum(dead_links), -1) FROM compliance_records");
  REQUIRE(dead.ok());
  REQUIRE(dead->Step().value());
  CHECK(dead->Int(0) > 0);
  CHECK(dead->Int(1) == 0);

  Result<Statement> records = db->Prepare(
      "SELECT cr.site_id, cr.scan_id, u.region_code, cr.verdict, cr.problems, cr.pages_total, "
      "cr.pages_failed, cr.unreachable, cr.change FROM compliance_records AS cr "
      "JOIN sites AS s ON s.id = cr.site_id JOIN units AS u ON u.id = s.unit_id ORDER BY cr.id");
  REQUIRE(records.ok());
  std::map<std::int64_t, SiteRecord> previous;  // by site: its last record so far
  std::map<std::tuple<std::int64_t, std::string>, SummaryCounts> expected_summaries;
  std::set<SiteChange> changes_seen;
  std::size_t rows = 0;
  while (records->Step().value()) {
    SiteRecord record;
    record.site_id = records->Int(0);
    record.verdict = records->Text(3);
    record.problems = detail::SplitStoredCodes(records->Text(4));
    record.pages_total = static_cast<int>(records->Int(5));
    record.pages_failed = static_cast<int>(records->Int(6));
    const auto found = previous.find(record.site_id);
    const std::optional<SiteRecord> before =
        found == previous.end() ? std::nullopt : std::optional<SiteRecord>(found->second);
    const SiteChange change = CompareWithPrevious(before, record);
    const bool unreachable = IsUnreachable(record);
    INFO("record " << rows << ": site " << record.site_id << ", scan " << records->Int(1));
    CHECK(records->Text(8) == SiteChangeName(change));
    CHECK((records->Int(7) != 0) == unreachable);
    changes_seen.insert(change);
    previous[record.site_id] = record;
    ++rows;

    SummaryCounts& counts = expected_summaries[{records->Int(1), records->Text(2)}];
    counts.resize(12);
    ++counts[0];
    counts[1] += record.verdict == "pass";
    counts[2] += record.verdict == "fail" && !unreachable;
    counts[3] += unreachable;
    counts[4] += record.pages_total;
    counts[5] += record.pages_failed;
    ++counts[6 + static_cast<int>(change)];  // first_records ... newly_unreachable
  }
  CHECK(rows == kHistory.size());
  CHECK(changes_seen.size() == 6);  // the history exercises every change

  Result<Statement> summaries = db->Prepare(
      "SELECT scan_id, region_code, sites_recorded, passed, failed, unreachable, pages_total, "
      "pages_failed, first_records, still_passing, fixed, newly_failing, still_failing, "
      "newly_unreachable FROM scan_summaries ORDER BY scan_id, region_code");
  REQUIRE(summaries.ok());
  std::map<std::tuple<std::int64_t, std::string>, SummaryCounts> stored_summaries;
  while (summaries->Step().value()) {
    SummaryCounts& counts = stored_summaries[{summaries->Int(0), summaries->Text(1)}];
    for (int column = 2; column < 14; ++column) counts.push_back(summaries->Int(column));
  }
  CHECK(stored_summaries == expected_summaries);
}

TEST_CASE("Migrations: a record written after v5 compares with a backfilled one", "[registry]") {
  TempDir dir;
  const std::string path = dir.File("v4.db");
  {
    Result<Database> db = Database::Open(path, ConnectionRole::kWriter);
    REQUIRE(db.ok());
    WriteV4History(*db);
  }
  Result<std::unique_ptr<Registry>> registry = Registry::Open(path);  // migrates to v5
  REQUIRE(registry.ok());
  Result<std::int64_t> scan = StartScan(**registry, ScanKind::kNightly);
  REQUIRE(scan.ok());
  // The newest old records: site 1 failing (reachable), site 2 passing, site 3
  // unreachable — its stored flag decides that unreachable again is no news.
  const SiteRecord fixed{1, "pass", {}, {}, 10, 0, {}, {}, std::nullopt, 0, 0};
  const SiteRecord gone{2, "fail", {"fetch-failed"}, {}, 1, 1, {}, {}, std::nullopt, 0, 0};
  const SiteRecord still_gone{3, "fail", {"fetch-failed"}, {}, 1, 1, {}, {}, std::nullopt, 0, 0};
  std::vector<SiteChange> changes;
  REQUIRE(WriteSiteRecords(**registry, *scan, std::vector{fixed, gone, still_gone}, &changes).ok());
  CHECK(changes ==
        std::vector{SiteChange::kFixed, SiteChange::kNewlyUnreachable, SiteChange::kStillFailing});
}

}  // namespace
}  // namespace badgewatch::registry
