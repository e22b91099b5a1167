// The readable form of a PageReport, printed by `badgewatch verify` without
// --json: verdict first, then each problem with what it means, then what was
// found. Pure; any thread.
#ifndef BADGEWATCH_SCAN_PAGE_REPORT_TEXT_H_
#define BADGEWATCH_SCAN_PAGE_REPORT_TEXT_H_

#include <string>
#include <string_view>

#include "verifier/page_report.h"

namespace badgewatch::scan {

// `source` names the page (a file name or URL) in the first line.
[[nodiscard]] std::string PageReportToText(std::string_view source,
                                           const verifier::PageExpectation& expectation,
                                           const verifier::PageReport& report);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_PAGE_REPORT_TEXT_H_
