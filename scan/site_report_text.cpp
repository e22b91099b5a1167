#include "scan/site_report_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "scan/report_messages.h"

namespace badgewatch::scan {
namespace {

// Every page carrying `code` among its problems (or warnings), under one heading.
void AppendGroup(std::string& out, const scan::SiteCheckReport& report, const std::string& code,
                 bool warnings) {
  std::vector<const scan::CheckedPage*> pages;
  for (const scan::CheckedPage& page : report.pages) {
    const std::vector<std::string>& codes = warnings ? page.warnings : page.problems;
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) pages.push_back(&page);
  }
  auto line = std::back_inserter(out);
  if (pages.empty()) {  // a finding of the whole site (ip-mismatch, time-budget)
    fmt::format_to(line, "\n  {} — {}\n", code, ExplainCode(code, ReportLanguage::kEnglish));
    return;
  }
  fmt::format_to(line, "\n  {} — {} ({} page{})\n", code,
                 ExplainCode(code, ReportLanguage::kEnglish), pages.size(),
                 pages.size() == 1 ? "" : "s");
  for (const scan::CheckedPage* page : pages) {
    fmt::format_to(line, "    {}{}{}\n", page->url, page->is_home ? "  (home page)" : "",
                   page->detail.empty() ? "" : "  — " + page->detail);
  }
}

// The dead links of the site: each target with its status and the page linking it.
void AppendDeadLinks(std::string& out, const scan::SiteCheckReport& report) {
  auto line = std::back_inserter(out);
  fmt::format_to(line, "\n  dead-link — {} ({} link{})\n",
                 ExplainCode("dead-link", ReportLanguage::kEnglish), report.dead_links.size(),
                 report.dead_links.size() == 1 ? "" : "s");
  for (const scan::DeadLink& dead : report.dead_links) {
    fmt::format_to(line, "    {}  HTTP {}{}\n", dead.url, dead.status,
                   dead.referrer.empty() ? "" : "  — linked from " + dead.referrer);
  }
}

}  // namespace

std::string SiteReportToText(const scan::SiteCheckReport& report,
                             const std::string& registered_name) {
  std::string out;
  auto line = std::back_inserter(out);
  const bool pass = report.verdict == verifier::Verdict::kPass;
  fmt::format_to(line, "{}  {}  \"{}\"\n", pass ? "PASS" : "FAIL", report.start_url,
                 registered_name);
  fmt::format_to(line, "  {} page{} checked, {} failing", report.pages_total,
                 report.pages_total == 1 ? "" : "s", report.pages_failed);
  if (!report.home_url.empty() && report.home_url != report.start_url) {
    fmt::format_to(line, "; home page {}", report.home_url);
  }
  fmt::format_to(line, "\n");
  for (const auto& [host, addresses] : report.addresses) {
    fmt::format_to(line, "  {} resolves to {}\n", host, fmt::join(addresses, ", "));
  }
  if (!report.problems.empty()) fmt::format_to(line, "\nFailing pages, by problem:");
  for (const std::string& code : report.problems) {
    AppendGroup(out, report, code, /*warnings=*/false);
  }
  if (report.home_url.empty() && !report.problems.empty()) {
    fmt::format_to(line, "\n  The home page was never reached, so the site cannot pass.\n");
  }
  if (!report.warnings.empty()) fmt::format_to(line, "\nWarnings (the pages still pass):");
  for (const std::string& code : report.warnings) {
    if (code == "dead-link") {
      AppendDeadLinks(out, report);
    } else {
      AppendGroup(out, report, code, /*warnings=*/true);
    }
  }
  std::size_t skipped = 0;
  std::vector<std::string> by_reason;
  for (const auto& [reason, count] : report.skipped_counts) {
    skipped += count;
    by_reason.push_back(fmt::format("{} {}", count, reason));
  }
  if (skipped > 0) {
    fmt::format_to(line, "\n{} link{} not checked ({}; --json lists {})\n", skipped,
                   skipped == 1 ? "" : "s", fmt::join(by_reason, ", "),
                   skipped > report.skipped.size()
                       ? fmt::format("the first {}", report.skipped.size())
                       : std::string("them all"));
  }
  return out;
}

}  // namespace badgewatch::scan
