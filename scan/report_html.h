// The compliance report as one self-contained HTML page for compliance staff:
// headline figures, inline SVG charts (compliance rate by region, problems by
// kind, trend), sorted tables and the failing sites with their failing pages.
// Inline CSS, no scripts, no external resources; print-friendly (A4). Every
// text from the database is escaped. Pure; any thread.
#ifndef BADGEWATCH_SCAN_REPORT_HTML_H_
#define BADGEWATCH_SCAN_REPORT_HTML_H_

#include <span>
#include <string>
#include <string_view>

#include "scan/compliance_report.h"
#include "scan/report_messages.h"

namespace badgewatch::scan {

struct HtmlReportOptions {
  ReportLanguage language = ReportLanguage::kChinese;
  // Failing pages listed per failing site; the rest are counted.
  int failing_pages_per_site = 10;
  // The closing table of every site (the web dashboard leaves it out).
  bool list_all_sites = true;
};

[[nodiscard]] std::string RenderReportHtml(const ComplianceReport& report,
                                           const HtmlReportOptions& options);

// The report's content without the page around it (no <html>, header or
// stylesheet): headline figures, charts, the region and problem tables, the
// failing sites and, with `list_all_sites`, every site. For a page that
// links ReportStylesheet().
[[nodiscard]] std::string RenderReportSections(const ComplianceReport& report,
                                               const HtmlReportOptions& options);

// Failing pages as the report lists them: URL (a link for http(s)), HTTP
// status, the problems by name, the detail; `id`, when not empty, names the
// table. For a page that links ReportStylesheet().
[[nodiscard]] std::string FailingPagesTableHtml(std::span<const registry::FailingPage> pages,
                                                ReportLanguage language, std::string_view id = "");

// The report's stylesheet (screen and print; the chart colour classes).
[[nodiscard]] std::string_view ReportStylesheet();

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_REPORT_HTML_H_
