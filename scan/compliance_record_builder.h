// From a site's check to its compliance record: the verdict, codes and page
// counts, the failing pages (passing ones are only counted), the ip-mismatch
// warning when the site resolved to none of its registered addresses; and how
// the record compares with the site's previous one (the registry's rule,
// re-exported). Pure; any thread.
#ifndef BADGEWATCH_SCAN_COMPLIANCE_RECORD_BUILDER_H_
#define BADGEWATCH_SCAN_COMPLIANCE_RECORD_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "registry/compliance_records.h"
#include "registry/site_change.h"
#include "scan/site_check.h"

namespace badgewatch::scan {

// The record of `site_id` from `report` (crawl times are the caller's to set).
// `registered_ips` empty: no address check.
[[nodiscard]] registry::SiteRecord BuildSiteRecord(std::int64_t site_id,
                                                   const SiteCheckReport& report,
                                                   const std::vector<std::string>& registered_ips);

// How a record stands against the site's previous one: the registry's rule,
// applied when the record is written (registry/site_change.h).
using registry::CompareWithPrevious;
using registry::IsUnreachable;
using registry::SiteChange;
using registry::SiteChangeName;

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_COMPLIANCE_RECORD_BUILDER_H_
