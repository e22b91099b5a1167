// Read queries behind the API's compliance records and scan progress: the
// records of one scan, one site or one caller's scope, filtered by region,
// verdict and problem code, one page at a time, each with the site's record
// before it and how it changed since; a record's failing pages; the scans
// with their progress. The verdict classes are disjoint: "pass", "fail"
// (reachable) and "unreachable" (a failing record none of whose pages could
// be fetched), as stored with each record (registry/site_change.h). Read-only; any
// connection, on the thread that owns it.
//
// Example:
//   RecordFilter filter{.scan_id = 12, .region_code = "33", .verdict = "fail"};
//   Result<std::int64_t> total = CountComplianceRecords(db, filter);
//   Result<std::vector<ComplianceRecordRow>> page = ListComplianceRecords(db, filter, {0, 50});
#ifndef BADGEWATCH_REGISTRY_COMPLIANCE_RECORD_QUERIES_H_
#define BADGEWATCH_REGISTRY_COMPLIANCE_RECORD_QUERIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/compliance_records.h"
#include "registry/compliance_report_queries.h"
#include "registry/database.h"
#include "registry/site_change.h"

namespace badgewatch::registry {

// Which records a query reads; every field narrows (0 or empty: no limit).
struct RecordFilter {
  std::int64_t scan_id = 0;
  std::int64_t unit_id = 0;  // only this unit's sites
  std::string region_code;   // only sites of units in this region
  // Only sites of units an office oversees: OfficeSubtreePrefix (divisions.h).
  std::string office_prefix;
  std::int64_t site_id = 0;
  std::string verdict;  // "pass", "fail" (reachable) or "unreachable"
  std::string problem;  // a failure code among the record's problems
  std::string change;   // a SiteChangeName: how the record compares with the one before
};

// A window of rows: skip `offset`, return at most `limit` (-1: all).
struct RowWindow {
  std::int64_t offset = 0;
  std::int64_t limit = -1;
};

// A record with its site, unit and region (failing pages not loaded) and the
// site's record just before it (nullopt for its first record).
struct ComplianceRecordRow {
  std::int64_t id = 0;
  std::int64_t scan_id = 0;
  std::int64_t recorded_at = 0;
  bool unreachable = false;  // verdict fail and no page could be fetched
  SiteChange change{};       // against `previous`, as stored when written
  SiteComplianceRow site;    // site.record: verdict, codes, page counts
  std::optional<StoredRecord> previous;
};

// A scan and how far it got: records written (all regions) against the sites
// it had due, and the verdict counts over the selected region (the region of
// each site's unit), read from the scan's summary.
struct ScanProgressRow {
  std::int64_t id = 0;
  std::string kind;  // "nightly" or "self-check"
  std::int64_t started_at = 0;
  std::optional<std::int64_t> finished_at;
  std::optional<std::int64_t> sites_due;    // absent until the due list is known
  std::optional<std::string> requested_by;  // actor label; absent when scheduled
  std::int64_t sites_recorded = 0;          // every region
  std::int64_t recorded_in_region = 0;      // the selected region (all when none)
  std::int64_t passed = 0;
  std::int64_t failed = 0;  // reachable
  std::int64_t unreachable = 0;
};

// How many records match.
[[nodiscard]] Result<std::int64_t> CountComplianceRecords(Database& db, const RecordFilter& filter);

// The matching records in `window`, newest first (by record id).
[[nodiscard]] Result<std::vector<ComplianceRecordRow>> ListComplianceRecords(
    Database& db, const RecordFilter& filter, const RowWindow& window);

// One record; nullopt when there is none with `record_id`.
[[nodiscard]] Result<std::optional<ComplianceRecordRow>> LoadComplianceRecord(
    Database& db, std::int64_t record_id);

// The record's failing pages in `window`, in the order written, and how many
// it has in all.
[[nodiscard]] Result<std::vector<FailingPage>> ListFailingPages(Database& db,
                                                                std::int64_t record_id,
                                                                const RowWindow& window);
[[nodiscard]] Result<std::int64_t> CountFailingPages(Database& db, std::int64_t record_id);

// The scan that wrote the newest record; nullopt when there are no records.
[[nodiscard]] Result<std::optional<std::int64_t>> LatestScanWithRecords(Database& db);

// Every scan, newest first, in `window`, with counts over `region_code`
// (empty: every region), or over the units of an office below its province
// when `office_prefix` (OfficeSubtreePrefix) names one (more than the two
// province digits: counted from the records, not the provinces' summaries);
// and how many scans there are.
[[nodiscard]] Result<std::vector<ScanProgressRow>> ListScanProgress(
    Database& db, const std::string& region_code, const RowWindow& window,
    std::string_view office_prefix = "");
[[nodiscard]] Result<std::int64_t> CountScans(Database& db);

// One scan; nullopt when there is no such scan. Counts as ListScanProgress.
[[nodiscard]] Result<std::optional<ScanProgressRow>> LoadScanProgress(
    Database& db, std::int64_t scan_id, const std::string& region_code,
    std::string_view office_prefix = "");

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_COMPLIANCE_RECORD_QUERIES_H_
