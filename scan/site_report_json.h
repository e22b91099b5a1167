// The machine-readable form of a scan::SiteCheckReport: the `badgewatch check
// --json` contract of DESIGN.md. Pure; any thread.
#ifndef BADGEWATCH_SCAN_SITE_REPORT_JSON_H_
#define BADGEWATCH_SCAN_SITE_REPORT_JSON_H_

#include <nlohmann/json.hpp>

#include "scan/site_check.h"

namespace badgewatch::scan {

// Fields: url, home_url (null when never reached), verdict, problems,
// warnings, pages_total, pages_failed, pages[{url, status, verdict, problems,
// warnings, detail (null unless the fetch failed), title, home}],
// skipped[{url, reason, detail}] (the first scan::kSkippedExamples),
// skipped_counts{reason: count} (all of them), addresses{host: [address...]}.
[[nodiscard]] nlohmann::ordered_json SiteReportToJson(const scan::SiteCheckReport& report);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SITE_REPORT_JSON_H_
