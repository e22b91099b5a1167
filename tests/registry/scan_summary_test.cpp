// Writing compliance records stores how each stands (unreachable, change
// against the site's previous record) and keeps its scan's summary per region
// in the same transaction; the scans' progress is read from that summary.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "registry/compliance_record_queries.h"
#include "registry/compliance_records.h"
#include "registry/site_change.h"
#include "registry/sites.h"
#include "registry/transaction.h"
#include "registry/units.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

std::int64_t AddSite(WorkflowFixture& f, std::int64_t unit_id, const std::string& domain) {
  Result<Transaction> txn = Transaction::Begin(f.registry->writer());
  REQUIRE(txn.ok());
  SiteFields fields;
  fields.name = domain;
  fields.english_domain = domain;
  fields.ips = {"127.0.0.1"};
  fields.introduction = "x";
  const std::int64_t id =
      InsertSite(f.registry->writer(), unit_id, fields, std::nullopt, *f.now).value();
  REQUIRE(txn->Commit().ok());
  return id;
}

std::int64_t AddUnitIn11(WorkflowFixture& f) {
  Result<Transaction> txn = Transaction::Begin(f.registry->writer());
  REQUIRE(txn.ok());
  const std::int64_t id =
      InsertUnit(f.registry->writer(),
                 testing::ValidUnit(UnitKind::kPartyGovernment, "11", "北京市教育委员会"), *f.now)
          .value();
  REQUIRE(txn->Commit().ok());
  return id;
}

SiteRecord Record(std::int64_t site_id, const std::string& verdict,
                  std::vector<std::string> problems, int pages_total, int pages_failed) {
  return {
      site_id, verdict, std::move(problems), {}, pages_total, pages_failed, {}, {}, std::nullopt,
      0,       0};
}

// The page and change counts of the scan's summary row for `region`.
std::vector<std::int64_t> SummaryTail(Database& db, std::int64_t scan, const std::string& region) {
  Result<Statement> select = db.Prepare(
      "SELECT pages_total, pages_failed, first_records, still_passing, fixed, newly_failing, "
      "still_failing, newly_unreachable FROM scan_summaries WHERE scan_id = ? AND region_code = ?");
  REQUIRE(select.ok());
  REQUIRE(select->Bind({scan, std::string_view(region)}).ok());
  std::vector<std::int64_t> counts;
  if (!select->Step().value()) return counts;
  for (int column = 0; column < 8; ++column) counts.push_back(select->Int(column));
  return counts;
}

TEST_CASE("ScanSummary: records stand as the rule says and their scan's counts follow",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t a = AddSite(f, f.agency.unit_id, "a.example.gov.cn");       // region 33
  const std::int64_t b = AddSite(f, f.institution.unit_id, "b.example.gov.cn");  // region 33
  const std::int64_t c = AddSite(f, AddUnitIn11(f), "c.example.gov.cn");         // region 11

  const std::int64_t first = StartScan(*f.registry, ScanKind::kNightly).value();
  const std::vector<SiteRecord> first_records = {Record(a, "pass", {}, 10, 0),
                                                 Record(b, "fail", {"fetch-failed"}, 1, 1),
                                                 Record(c, "fail", {"badge-missing"}, 4, 2)};
  std::vector<SiteChange> changes;
  REQUIRE(WriteSiteRecords(*f.registry, first, first_records, &changes).ok());
  CHECK(changes == std::vector<SiteChange>(3, SiteChange::kFirstRecord));

  const std::int64_t second = StartScan(*f.registry, ScanKind::kNightly).value();
  const std::vector<SiteRecord> second_records = {
      Record(a, "fail", {"badge-missing", "fetch-failed"}, 3, 3),  // passed, now unreachable
      Record(b, "pass", {}, 6, 0), Record(c, "fail", {"badge-missing"}, 4, 1)};
  SECTION("a batch that fails adds nothing to the summary") {
    const std::vector<SiteRecord> duplicated = {second_records[0], second_records[0]};
    CHECK(WriteSiteRecords(*f.registry, second, duplicated).code() == StatusCode::kAlreadyExists);
    CHECK(LoadScanProgress(db, second, "").value()->sites_recorded == 0);
    CHECK(SummaryTail(db, second, "33").empty());
  }
  REQUIRE(WriteSiteRecords(*f.registry, second, second_records, &changes).ok());
  for (std::size_t i = 0; i < second_records.size(); ++i) {
    CHECK(changes[i] == CompareWithPrevious(first_records[i], second_records[i]));
  }
  CHECK(changes ==
        std::vector{SiteChange::kNewlyUnreachable, SiteChange::kFixed, SiteChange::kStillFailing});

  // Each record reads back with the standing it was written with.
  RecordFilter of_second;
  of_second.scan_id = second;
  const std::vector<ComplianceRecordRow> rows = ListComplianceRecords(db, of_second, {}).value();
  REQUIRE(rows.size() == 3);
  for (const ComplianceRecordRow& row : rows) {
    const std::size_t i = row.site.site_id == a ? 0 : row.site.site_id == b ? 1 : 2;
    CHECK(row.change == changes[i]);
    CHECK(row.unreachable == IsUnreachable(second_records[i]));
  }
  RecordFilter by_change;
  by_change.change = "fixed";
  CHECK(CountComplianceRecords(db, by_change).value() == 1);
  by_change.change = "first-record";
  CHECK(CountComplianceRecords(db, by_change).value() == 3);
  RecordFilter unreachable;
  unreachable.verdict = "unreachable";
  CHECK(CountComplianceRecords(db, unreachable).value() == 2);

  const ScanProgressRow all = LoadScanProgress(db, second, "").value().value();
  CHECK(all.sites_recorded == 3);
  CHECK(all.recorded_in_region == 3);
  CHECK(all.passed == 1);
  CHECK(all.failed == 1);
  CHECK(all.unreachable == 1);
  const ScanProgressRow in33 = LoadScanProgress(db, second, "33").value().value();
  CHECK(in33.sites_recorded == 3);  // every region
  CHECK(in33.recorded_in_region == 2);
  CHECK(in33.passed == 1);
  CHECK(in33.failed == 0);
  CHECK(in33.unreachable == 1);
  const std::vector<ScanProgressRow> listed = ListScanProgress(db, "11", {}).value();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].id == second);
  CHECK(listed[0].recorded_in_region == 1);
  CHECK(listed[0].failed == 1);
  CHECK(listed[1].id == first);
  CHECK(listed[1].failed == 1);
  CHECK(listed[1].unreachable == 0);
  CHECK(LoadScanProgress(db, first, "33").value()->unreachable == 1);

  // pages total, failed; first, still passing, fixed, newly failing, still failing, newly
  // unreachable
  CHECK(SummaryTail(db, second, "33") == std::vector<std::int64_t>{9, 3, 0, 0, 1, 0, 0, 1});
  CHECK(SummaryTail(db, second, "11") == std::vector<std::int64_t>{4, 1, 0, 0, 0, 0, 1, 0});
  CHECK(SummaryTail(db, first, "33") == std::vector<std::int64_t>{11, 1, 2, 0, 0, 0, 0, 0});
}

}  // namespace

TEST_CASE("Unreachable: only a site none of whose pages could be fetched",
          "[registry][compliance]") {
  // The home page answered 200 with a wrong title and one inner link is a
  // 404: the site answers, so it fails, but it is not unreachable.
  SiteRecord reachable = Record(1, "fail", {"title-mismatch", "fetch-failed"}, 2, 2);
  reachable.failing_pages = {
      {"http://a.example.gov.cn/", 200, {"title-mismatch"}, ""},
      {"http://a.example.gov.cn/gone.html", 404, {"fetch-failed"}, "HTTP 404"}};
  CHECK_FALSE(IsUnreachable(reachable));

  SiteRecord unreachable = Record(1, "fail", {"fetch-failed"}, 2, 2);
  unreachable.failing_pages = {
      {"http://a.example.gov.cn/", std::nullopt, {"fetch-failed"}, "timeout: connect"},
      {"http://a.example.gov.cn/a.html", std::nullopt, {"fetch-failed"}, "timeout: connect"}};
  CHECK(IsUnreachable(unreachable));

  SiteRecord one_page_fetched = Record(1, "fail", {"fetch-failed"}, 3, 2);
  CHECK_FALSE(IsUnreachable(one_page_fetched));
}

}  // namespace badgewatch::registry
