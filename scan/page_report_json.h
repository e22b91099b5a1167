// The machine-readable form of a PageReport: the `badgewatch verify --json`
// contract of DESIGN.md. Pure; any thread.
#ifndef BADGEWATCH_SCAN_PAGE_REPORT_JSON_H_
#define BADGEWATCH_SCAN_PAGE_REPORT_JSON_H_

#include <nlohmann/json.hpp>

#include "verifier/page_report.h"

namespace badgewatch::scan {

// Fields: verdict, problems, warnings, encoding, encoding_source, title,
// badge_ids, badges[{id, form, scheme, placement, well_formed, source_offset,
// line, column}], links, site_meta{SiteName, SiteDomain, SiteIDCode},
// identifiers{icp, public_security, site_id_code}, nesting_truncated,
// elements_truncated, links_over_limit.
// Absent values are null; lists are always present.
[[nodiscard]] nlohmann::ordered_json PageReportToJson(const verifier::PageReport& report);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_PAGE_REPORT_JSON_H_
