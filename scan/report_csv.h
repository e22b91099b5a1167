// The compliance report as CSV: one row per site (RFC 4180 quoting, CRLF line
// ends), header in the report language, encoded for Excel on a Chinese
// Windows desktop: UTF-8 with a byte-order mark, or GB18030. Pure; any thread.
#ifndef BADGEWATCH_SCAN_REPORT_CSV_H_
#define BADGEWATCH_SCAN_REPORT_CSV_H_

#include <optional>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "scan/compliance_report.h"
#include "scan/report_messages.h"

namespace badgewatch::scan {

enum class CsvEncoding {
  kUtf8WithBom,  // EF BB BF first: Excel then reads UTF-8 instead of the ANSI code page
  kGb18030,      // Excel's ANSI code page on Chinese Windows (GBK is its subset)
};

// "utf-8"/"utf8" or "gb18030" (any case); nullopt for anything else.
[[nodiscard]] std::optional<CsvEncoding> ParseCsvEncoding(std::string_view text);

// Columns: site id, website, unit, region code, region, badge id, domains,
// verdict, problems (codes), warnings (codes), pages, failing pages,
// explanation of the codes, failing page URLs (one per line). A text field
// that a spreadsheet would read as a formula (=, +, -, @) gets a leading '.
// Fails only when the text cannot be encoded (malformed UTF-8 from the
// database).
[[nodiscard]] Result<std::string> RenderReportCsv(const ComplianceReport& report,
                                                  ReportLanguage language, CsvEncoding encoding);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_REPORT_CSV_H_
