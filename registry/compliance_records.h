// Scans and their results: a scan (nightly, or a unit's self-check), one
// compliance record per site and scan (verdict, failure and warning codes of
// DESIGN.md, page counts) with its failing pages, and the previous record of a
// site to compare against. Writer thread for writes (each call is one
// transaction); any connection for reads.
//
// Example (the scan job):
//   Result<std::int64_t> scan = StartScan(registry, ScanKind::kNightly);
//   SiteRecord record{site_id, "fail", {"badge-missing"}, {}, 120, 3, pages};
//   Status s = WriteSiteRecord(registry, *scan, record);   // record + pages, atomically
//   s = FinishScan(registry, *scan);
#ifndef BADGEWATCH_REGISTRY_COMPLIANCE_RECORDS_H_
#define BADGEWATCH_REGISTRY_COMPLIANCE_RECORDS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/registry.h"

namespace badgewatch::registry {

enum class ScanKind { kNightly, kSelfCheck };

struct FailingPage {
  std::string url;
  std::optional<int> http_status;     // absent when the fetch failed before HTTP
  std::vector<std::string> problems;  // DESIGN.md failure codes
  std::string detail;                 // e.g. the fetch error
};

struct SiteRecord {
  std::int64_t site_id = 0;
  std::string verdict;                // "pass" or "fail"
  std::vector<std::string> problems;  // failure codes of the site
  std::vector<std::string> warnings;  // warning codes of the site
  int pages_total = 0;
  int pages_failed = 0;
  std::vector<FailingPage> failing_pages;
  std::vector<std::string> resolved_addresses;  // every address the site's hosts resolved to
  std::optional<std::string> home_title;        // normalised; absent when not reached/no title
  std::int64_t crawl_started_at = 0;            // Unix seconds
  std::int64_t crawl_finished_at = 0;
  // Links of the site to inner pages answering 404/410 (the warning dead-link;
  // 链接可用性): counted, never a failure.
  int dead_links = 0;
};

struct StoredRecord {
  std::int64_t id = 0;
  std::int64_t scan_id = 0;
  std::int64_t recorded_at = 0;
  SiteRecord record;
};

// Starts a scan now. `requested_by` is the actor label of whoever asked for
// it through the API (nullopt: scheduled). Returns its id.
[[nodiscard]] Result<std::int64_t> StartScan(Registry& registry, ScanKind kind,
                                             const std::optional<std::string>& requested_by = {});

// Records how many sites the scan will have recorded once done (its progress
// is recorded/due); kFailedPrecondition for an unknown scan.
[[nodiscard]] Status RecordSitesDue(Registry& registry, std::int64_t scan_id,
                                    std::int64_t sites_due);

enum class SiteChange;  // registry/site_change.h

// Writes the site's record and all its failing pages in one transaction, with
// how it stands (registry/site_change.h: unreachable, and its change against
// the site's newest record of another scan), and adds it to the scan's
// summary (per region: records, verdict classes, pages, changes).
// kInvalidArgument for a verdict other than pass/fail or negative counts;
// kAlreadyExists when the scan already has a record of this site;
// kFailedPrecondition for an unknown scan or site, or a finished scan.
[[nodiscard]] Status WriteSiteRecord(Registry& registry, std::int64_t scan_id,
                                     const SiteRecord& record);

// The records of several sites in one transaction (the scan's writer batches
// what finished while it wrote the last batch): all of them or none, with the
// failures of WriteSiteRecord. `changes` (may be null) receives each record's
// change, in order, once they are committed.
[[nodiscard]] Status WriteSiteRecords(Registry& registry, std::int64_t scan_id,
                                      std::span<const SiteRecord> records,
                                      std::vector<SiteChange>* changes = nullptr);

// Marks the scan finished now; kFailedPrecondition when it already is.
[[nodiscard]] Status FinishScan(Registry& registry, std::int64_t scan_id);

// The site's newest record from a scan other than `excluding_scan_id` (0 for
// none) — "the previous record" when a new scan is writing. nullopt when the
// site has none. Failing pages included, in the order written.
[[nodiscard]] Result<std::optional<StoredRecord>> PreviousSiteRecord(
    Database& db, std::int64_t site_id, std::int64_t excluding_scan_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_COMPLIANCE_RECORDS_H_
