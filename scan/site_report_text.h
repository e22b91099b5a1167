// The readable form of a scan::SiteCheckReport, printed by `badgewatch check`
// without --json: the verdict, then the failing pages grouped by problem
// (each with its URL and, for fetch failures, the reason), then warnings and
// a summary. Pure; any thread.
#ifndef BADGEWATCH_SCAN_SITE_REPORT_TEXT_H_
#define BADGEWATCH_SCAN_SITE_REPORT_TEXT_H_

#include <string>

#include "scan/site_check.h"

namespace badgewatch::scan {

[[nodiscard]] std::string SiteReportToText(const scan::SiteCheckReport& report,
                                           const std::string& registered_name);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SITE_REPORT_TEXT_H_
