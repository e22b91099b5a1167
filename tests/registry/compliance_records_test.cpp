// Scans, per-site compliance records and failing pages: written atomically,
// read back as "the previous record" of a site.
#include "registry/compliance_records.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "registry/compliance_record_queries.h"
#include "registry/site_applications.h"
#include "registry/sites.h"
#include "registry/transaction.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

std::int64_t AddSite(WorkflowFixture& f) {
  Result<Transaction> txn = Transaction::Begin(f.registry->writer());
  REQUIRE(txn.ok());
  SiteFields fields;
  fields.name = "杭州市教育局";
  fields.english_domain = "edu.hangzhou.gov.cn";
  fields.ips = {"127.0.0.1"};
  fields.introduction = "x";
  const std::int64_t id =
      InsertSite(f.registry->writer(), f.agency.unit_id, fields, std::nullopt, *f.now).value();
  REQUIRE(txn->Commit().ok());
  return id;
}

TEST_CASE("ComplianceRecords: a site's record and failing pages, then the previous one",
          "[registry]") {
  WorkflowFixture f;
  const std::int64_t site = AddSite(f);
  Database& db = f.registry->writer();
  CHECK_FALSE(PreviousSiteRecord(db, site, 0).value().has_value());

  const std::int64_t first = StartScan(*f.registry, ScanKind::kNightly).value();
  SiteRecord failing{site,
                     "fail",
                     {"badge-missing", "title-mismatch"},
                     {"charset-mismatch"},
                     40,
                     2,
                     {},
                     {"127.0.0.1"},
                     "杭州市教育局",
                     1767225600,
                     1767225660};
  failing.failing_pages = {
      {"http://edu.hangzhou.gov.cn/", 200, {"title-mismatch"}, ""},
      {"http://edu.hangzhou.gov.cn/gone", std::nullopt, {"fetch-failed"}, "connect timeout"},
  };
  failing.dead_links = 3;
  REQUIRE(WriteSiteRecord(*f.registry, first, failing).ok());
  CHECK(WriteSiteRecord(*f.registry, first, failing).message() ==
        "scan " + std::to_string(first) + " already has a record of site " + std::to_string(site));
  REQUIRE(FinishScan(*f.registry, first).ok());
  CHECK(FinishScan(*f.registry, first).code() == StatusCode::kFailedPrecondition);
  CHECK(WriteSiteRecord(*f.registry, first, failing).code() == StatusCode::kFailedPrecondition);

  *f.now += 86'400;
  const std::int64_t second = StartScan(*f.registry, ScanKind::kNightly).value();
  std::optional<StoredRecord> previous = PreviousSiteRecord(db, site, second).value();
  REQUIRE(previous);
  CHECK(previous->scan_id == first);
  CHECK(previous->record.verdict == "fail");
  CHECK(previous->record.problems == std::vector<std::string>{"badge-missing", "title-mismatch"});
  CHECK(previous->record.warnings == std::vector<std::string>{"charset-mismatch"});
  CHECK(previous->record.pages_total == 40);
  CHECK(previous->record.dead_links == 3);
  CHECK(previous->record.resolved_addresses == std::vector<std::string>{"127.0.0.1"});
  CHECK(previous->record.home_title == "杭州市教育局");
  CHECK(previous->record.crawl_finished_at - previous->record.crawl_started_at == 60);
  REQUIRE(previous->record.failing_pages.size() == 2);
  CHECK(previous->record.failing_pages[0].http_status == 200);
  CHECK_FALSE(previous->record.failing_pages[1].http_status.has_value());
  CHECK(previous->record.failing_pages[1].detail == "connect timeout");

  REQUIRE(WriteSiteRecord(*f.registry, second,
                          {site, "pass", {}, {}, 41, 0, {}, {}, std::nullopt, 0, 0})
              .ok());
  CHECK(PreviousSiteRecord(db, site, 0).value()->scan_id == second);
  CHECK(PreviousSiteRecord(db, site, second).value()->scan_id == first);
}

TEST_CASE("ComplianceRecords: a bad record writes nothing", "[registry]") {
  WorkflowFixture f;
  const std::int64_t site = AddSite(f);
  const std::int64_t scan = StartScan(*f.registry, ScanKind::kSelfCheck).value();
  CHECK(
      WriteSiteRecord(*f.registry, scan, {site, "maybe", {}, {}, 1, 0, {}, {}, std::nullopt, 0, 0})
          .message() == "verdict 'maybe' is neither pass nor fail");
  CHECK(WriteSiteRecord(*f.registry, scan, {site, "fail", {}, {}, 1, 2, {}, {}, std::nullopt, 0, 0})
            .message() == "page counts 2 failed of 1 are impossible");
  SiteRecord negative{site, "pass", {}, {}, 1, 0, {}, {}, std::nullopt, 0, 0};
  negative.dead_links = -1;
  CHECK(WriteSiteRecord(*f.registry, scan, negative).message() == "-1 dead links is impossible");
  CHECK(WriteSiteRecord(*f.registry, scan, {9999, "pass", {}, {}, 1, 0, {}, {}, std::nullopt, 0, 0})
            .code() ==
        StatusCode::kFailedPrecondition);  // no such site: the foreign key refuses it
  CHECK_FALSE(PreviousSiteRecord(f.registry->writer(), site, 0).value().has_value());
}

}  // namespace
}  // namespace badgewatch::registry

namespace badgewatch::registry {
namespace {

// Regression: WriteSiteRecord left its scan lookup mid-row at COMMIT, so every
// automatic checkpoint failed and the WAL grew for the whole scan.
TEST_CASE("ComplianceRecords: writing records lets the WAL be checkpointed", "[registry]") {
  WorkflowFixture f;
  std::vector<std::int64_t> sites;
  for (int i = 0; i < 150; ++i) sites.push_back(AddSite(f));
  Database& db = f.registry->writer();
  REQUIRE(db.Exec("PRAGMA wal_autocheckpoint = 8").ok());  // checkpoint every 8 pages
  const std::int64_t scan = StartScan(*f.registry, ScanKind::kNightly).value();
  const auto wal_size = [&f] { return std::filesystem::file_size(f.path + "-wal"); };
  std::uintmax_t after_50 = 0;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    SiteRecord record;
    record.site_id = sites[i];
    record.verdict = "fail";
    record.problems = {"badge-missing"};
    record.pages_total = 10;
    record.pages_failed = 1;
    record.failing_pages = {{"http://edu.hangzhou.gov.cn/a", 200, {"badge-missing"}, ""}};
    REQUIRE(WriteSiteRecord(*f.registry, scan, record).ok());  // the only commits from here
    if (i == 49) after_50 = wal_size();
  }
  // Checkpoints working: the WAL is reused from its start and stops growing;
  // blocked: it holds every frame of the last 100 records too.
  CHECK(wal_size() <= after_50 + 64 * 1024);
}

}  // namespace
}  // namespace badgewatch::registry

namespace badgewatch::registry {
namespace {

TEST_CASE("ComplianceRecords: a batch of records is written whole or not at all", "[registry]") {
  WorkflowFixture f;
  const std::int64_t a = AddSite(f);
  const std::int64_t b = AddSite(f);
  const std::int64_t scan = StartScan(*f.registry, ScanKind::kNightly).value();
  SiteRecord first;
  first.site_id = a;
  first.verdict = "pass";
  first.pages_total = 3;
  SiteRecord second = first;
  second.site_id = b;
  const std::vector<SiteRecord> duplicated = {first, second, first};
  CHECK(WriteSiteRecords(*f.registry, scan, duplicated).code() == StatusCode::kAlreadyExists);
  CHECK_FALSE(PreviousSiteRecord(f.registry->writer(), a, 0).value().has_value());
  CHECK_FALSE(PreviousSiteRecord(f.registry->writer(), b, 0).value().has_value());
  const std::vector<SiteRecord> both = {first, second};
  REQUIRE(WriteSiteRecords(*f.registry, scan, both).ok());
  CHECK(PreviousSiteRecord(f.registry->writer(), a, 0).value()->record.pages_total == 3);
  CHECK(PreviousSiteRecord(f.registry->writer(), b, 0).value()->scan_id == scan);
}

}  // namespace
TEST_CASE("ComplianceRecords: a scan started through the API names who asked, its due count",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t scheduled = StartScan(*f.registry, ScanKind::kNightly).value();
  const std::int64_t asked =
      StartScan(*f.registry, ScanKind::kNightly, ActorLabel(f.conac)).value();
  REQUIRE(RecordSitesDue(*f.registry, asked, 7).ok());
  const ScanProgressRow before = LoadScanProgress(db, scheduled, "").value().value();
  CHECK_FALSE(before.requested_by.has_value());
  CHECK_FALSE(before.sites_due.has_value());
  const ScanProgressRow after = LoadScanProgress(db, asked, "").value().value();
  CHECK(after.requested_by == ActorLabel(f.conac));
  CHECK(after.sites_due == 7);
  CHECK(after.sites_recorded == 0);
  CHECK(RecordSitesDue(*f.registry, 4242, 1).code() == StatusCode::kFailedPrecondition);
  CHECK_FALSE(LoadScanProgress(db, 4242, "").value().has_value());
  CHECK(CountScans(db).value() == 2);
  const std::vector<ScanProgressRow> newest = ListScanProgress(db, "", {1, 1}).value();
  REQUIRE(newest.size() == 1);
  CHECK(newest[0].id == scheduled);
}

}  // namespace badgewatch::registry
