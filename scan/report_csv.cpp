#include "scan/report_csv.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "registry/csv_table.h"
#include "scan/gb18030_encoding.h"

namespace badgewatch::scan {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A spreadsheet runs a cell that starts with one of these as a formula
// (OWASP "CSV injection"); a leading apostrophe makes it text.
std::string NeutralizeFormula(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

void AppendRow(std::string& csv, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) csv += ',';
    csv += registry::CsvField(NeutralizeFormula(fields[i]));
  }
  csv += "\r\n";
}

std::vector<std::string> HeaderRow(ReportLanguage language) {
  std::vector<std::string> header;
  for (ReportText text :
       {ReportText::kSiteId, ReportText::kWebsite, ReportText::kUnit, ReportText::kRegionCode,
        ReportText::kRegion, ReportText::kBadgeId, ReportText::kDomains, ReportText::kVerdict,
        ReportText::kProblems, ReportText::kWarnings, ReportText::kPagesTotal,
        ReportText::kPagesFailed, ReportText::kDeadLinks, ReportText::kProblemExplanations,
        ReportText::kFailingPageUrls}) {
    header.emplace_back(Message(text, language));
  }
  return header;
}

std::vector<std::string> SiteRow(const registry::SiteComplianceRow& site, ReportLanguage language) {
  std::vector<std::string> domains;
  if (!site.chinese_domain.empty()) domains.push_back(site.chinese_domain);
  if (!site.english_domain.empty()) domains.push_back(site.english_domain);
  std::vector<std::string> explanations;
  for (const auto* codes : {&site.record.problems, &site.record.warnings}) {
    for (const std::string& code : *codes) {
      explanations.push_back(code + ": " + std::string(ExplainCode(code, language)));
    }
  }
  std::vector<std::string> urls;
  for (const registry::FailingPage& page : site.record.failing_pages) urls.push_back(page.url);
  return {std::to_string(site.site_id),
          site.site_name,
          site.unit_name,
          site.region_code,
          site.region_name,
          site.badge_id.value_or(""),
          Join(domains, " "),
          std::string(VerdictLabel(site.record.verdict, language)),
          Join(site.record.problems, " "),
          Join(site.record.warnings, " "),
          std::to_string(site.record.pages_total),
          std::to_string(site.record.pages_failed),
          std::to_string(site.record.dead_links),
          Join(explanations, "\n"),
          Join(urls, "\n")};
}

}  // namespace

std::optional<CsvEncoding> ParseCsvEncoding(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "utf-8" || lower == "utf8") return CsvEncoding::kUtf8WithBom;
  if (lower == "gb18030") return CsvEncoding::kGb18030;
  return std::nullopt;
}

Result<std::string> RenderReportCsv(const ComplianceReport& report, ReportLanguage language,
                                    CsvEncoding encoding) {
  std::string csv;
  AppendRow(csv, HeaderRow(language));
  for (const registry::SiteComplianceRow& site : report.sites) {
    AppendRow(csv, SiteRow(site, language));
  }
  if (encoding == CsvEncoding::kGb18030) return Utf8ToGb18030(csv);
  return std::string(kUtf8Bom) + csv;
}

}  // namespace badgewatch::scan
