#include "scan/page_report_text.h"

#include <fmt/format.h>

#include <iterator>

#include "scan/report_messages.h"

namespace badgewatch::scan {
namespace {

void AppendCodes(std::string& out, std::string_view heading,
                 const std::vector<std::string>& codes) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "  {:<12}{:<22}{}\n", i == 0 ? heading : "", codes[i],
                   ExplainCode(codes[i], ReportLanguage::kEnglish));
  }
}

void AppendList(std::string& out, std::string_view label, const std::vector<std::string>& values) {
  if (values.empty()) return;
  fmt::format_to(std::back_inserter(out), "  {:<12}{}\n", label, fmt::join(values, ", "));
}

}  // namespace

std::string PageReportToText(std::string_view source, const verifier::PageExpectation& expectation,
                             const verifier::PageReport& report) {
  using verifier::Verdict;
  std::string out;
  auto line = std::back_inserter(out);
  fmt::format_to(line, "{}  {}  ({} page, {} from {})\n",
                 report.verdict == Verdict::kPass ? "PASS" : "FAIL", source,
                 expectation.role == verifier::PageRole::kHome ? "home" : "inner", report.encoding,
                 report.encoding_source);
  AppendCodes(out, "problems:", report.problems);
  AppendCodes(out, "warnings:", report.warnings);
  fmt::format_to(line, "  {:<12}{}\n",
                 "title:", report.title ? fmt::format("\"{}\"", *report.title) : "(none)");
  fmt::format_to(line, "  {:<12}\"{}\"\n", "registered:", expectation.registered_name);
  if (report.badges.empty()) {
    fmt::format_to(line, "  {:<12}(none)\n", "badges:");
  }
  for (std::size_t i = 0; i < report.badges.size(); ++i) {
    const verifier::FoundBadge& badge = report.badges[i];
    fmt::format_to(line, "  {:<12}{} {} {} in {}{} at line {}, column {}\n",
                   i == 0 ? "badges:" : "", badge.id.empty() ? "(no id)" : badge.id,
                   verifier::BadgeFormName(badge.form), verifier::BadgeSchemeName(badge.scheme),
                   verifier::PagePlacementName(badge.placement),
                   badge.well_formed ? "" : " (malformed)", badge.line, badge.column);
  }
  const verifier::SiteMeta& meta = report.site_meta;
  std::vector<std::string> meta_values;
  if (meta.site_name) meta_values.push_back("SiteName=" + *meta.site_name);
  if (meta.site_domain) meta_values.push_back("SiteDomain=" + *meta.site_domain);
  if (meta.site_id_code) meta_values.push_back("SiteIDCode=" + *meta.site_id_code);
  AppendList(out, "site meta:", meta_values);
  AppendList(out, "ICP:", report.identifiers.icp);
  AppendList(out, "公网安备:", report.identifiers.public_security);
  AppendList(out, "标识码:", report.identifiers.site_id_codes);
  fmt::format_to(line, "  {:<12}{}", "links:", report.links.size());
  if (report.links_over_limit > 0)
    fmt::format_to(line, " (and {} more, not followed)", report.links_over_limit);
  fmt::format_to(line, "\n");
  if (report.elements_truncated) {
    fmt::format_to(line, "  {:<12}{}\n",
                   "note:", "more than 50,000 elements; the tags past them were read as text");
  }
  if (report.nesting_truncated) {
    fmt::format_to(line, "  {:<12}{}\n",
                   "note:", "markup nested too deep; the deepest tags were read as text");
  }
  return out;
}

}  // namespace badgewatch::scan
