// From a site's check to its compliance record: the verdict, codes and page
// counts, the failing pages (passing ones are only counted), the ip-mismatch
// warning when the site resolved to none of its registered addresses; and how
// the record compares with the site's previous one. Pure; any thread.
#ifndef BADGEWATCH_SCAN_COMPLIANCE_RECORD_BUILDER_H_
#define BADGEWATCH_SCAN_COMPLIANCE_RECORD_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/compliance_records.h"
#include "scan/site_check.h"

namespace badgewatch::scan {

// The record of `site_id` from `report` (crawl times are the caller's to set).
// `registered_ips` empty: no address check.
[[nodiscard]] registry::SiteRecord BuildSiteRecord(std::int64_t site_id,
                                                   const SiteCheckReport& report,
                                                   const std::vector<std::string>& registered_ips);

// A site none of whose pages could be fetched (DNS, connect, timeout ...).
[[nodiscard]] bool IsUnreachable(const registry::SiteRecord& record);

enum class SiteChange {
  kFirstRecord,  // no previous record
  kStillPassing,
  kFixed,             // failed last time, passes now
  kNewlyFailing,      // passed last time, fails now (reachable)
  kStillFailing,      // failed before and now
  kNewlyUnreachable,  // reachable last time, unreachable now
};

// "first-record", "still-passing", "fixed", "newly-failing", "still-failing",
// "newly-unreachable".
[[nodiscard]] std::string_view SiteChangeName(SiteChange change);

[[nodiscard]] SiteChange CompareWithPrevious(const std::optional<registry::SiteRecord>& previous,
                                             const registry::SiteRecord& current);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_COMPLIANCE_RECORD_BUILDER_H_
