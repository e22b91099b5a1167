// The compliance report as one JSON document (UTF-8, machine-readable: codes
// and numbers as stored, times as RFC 3339 UTC, explanations in the report
// language). Pure; any thread.
#ifndef BADGEWATCH_SCAN_REPORT_JSON_H_
#define BADGEWATCH_SCAN_REPORT_JSON_H_

#include <string>

#include "scan/compliance_report.h"
#include "scan/report_messages.h"

namespace badgewatch::scan {

// {"scan": {id, kind, started_at, finished_at}, "region": code|null,
//  "generated_at", "totals": {sites, sites_passed, sites_failed, pages_total,
//  pages_failed, compliance_rate}, "regions": [...], "codes": [{code, kind,
//  explanation, sites, pages}], "trend": [...], "sites": [{..., failing_pages}]}
// Indented by two spaces, ending with a newline.
[[nodiscard]] std::string RenderReportJson(const ComplianceReport& report, ReportLanguage language);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_REPORT_JSON_H_
