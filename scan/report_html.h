// The compliance report as one self-contained HTML page for compliance staff:
// headline figures, inline SVG charts (compliance rate by region, problems by
// kind, trend), sorted tables and the failing sites with their failing pages.
// Inline CSS, no scripts, no external resources; print-friendly (A4). Every
// text from the database is escaped. Pure; any thread.
#ifndef BADGEWATCH_SCAN_REPORT_HTML_H_
#define BADGEWATCH_SCAN_REPORT_HTML_H_

#include <string>

#include "scan/compliance_report.h"
#include "scan/report_messages.h"

namespace badgewatch::scan {

struct HtmlReportOptions {
  ReportLanguage language = ReportLanguage::kChinese;
  // Failing pages listed per failing site; the rest are counted.
  int failing_pages_per_site = 10;
};

[[nodiscard]] std::string RenderReportHtml(const ComplianceReport& report,
                                           const HtmlReportOptions& options);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_REPORT_HTML_H_
