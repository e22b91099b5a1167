#include "scan/compliance_record_builder.h"

#include <algorithm>

#include "verifier/problem_codes.h"

namespace badgewatch::scan {

namespace codes = verifier::codes;

static_assert(registry::kFetchFailedCode == codes::kFetchFailed,
              "the registry's unreachable rule must test the verifier's fetch-failed code");

registry::SiteRecord BuildSiteRecord(std::int64_t site_id, const SiteCheckReport& report,
                                     const std::vector<std::string>& registered_ips) {
  registry::SiteRecord record;
  record.site_id = site_id;
  record.verdict = report.verdict == verifier::Verdict::kPass ? "pass" : "fail";
  record.problems = report.problems;
  record.warnings = report.warnings;
  record.pages_total = static_cast<int>(report.pages_total);
  record.pages_failed = static_cast<int>(report.pages_failed);
  record.dead_links = static_cast<int>(report.dead_links.size());
  for (const CheckedPage& page : report.pages) {
    if (page.verdict == verifier::Verdict::kPass) continue;
    registry::FailingPage failing;
    failing.url = page.url;
    if (page.status > 0) failing.http_status = static_cast<int>(page.status);
    failing.problems = page.problems;
    failing.detail = page.detail;
    record.failing_pages.push_back(std::move(failing));
  }
  for (const CheckedPage& page : report.pages) {
    if (page.is_home && page.title) record.home_title = page.title;
  }
  for (const auto& [host, addresses] : report.addresses) {
    for (const std::string& address : addresses) {
      if (std::find(record.resolved_addresses.begin(), record.resolved_addresses.end(), address) ==
          record.resolved_addresses.end()) {
        record.resolved_addresses.push_back(address);
      }
    }
  }
  AddIpMismatchWarning(record.warnings, report.addresses, registered_ips);
  return record;
}

}  // namespace badgewatch::scan
