#include "scan/site_report_json.h"

namespace badgewatch::scan {

using nlohmann::ordered_json;

ordered_json SiteReportToJson(const scan::SiteCheckReport& report) {
  ordered_json pages = ordered_json::array();
  for (const scan::CheckedPage& page : report.pages) {
    pages.push_back({
        {"url", page.url},
        {"status", page.status},
        {"verdict", verifier::VerdictName(page.verdict)},
        {"problems", page.problems},
        {"warnings", page.warnings},
        {"detail", page.detail.empty() ? ordered_json(nullptr) : ordered_json(page.detail)},
        {"title", page.title ? ordered_json(*page.title) : ordered_json(nullptr)},
        {"home", page.is_home},
        {"dead_links", page.dead_links},
    });
  }
  ordered_json skipped = ordered_json::array();
  for (const scan::SkippedUrl& url : report.skipped) {
    skipped.push_back({{"url", url.url}, {"reason", url.reason}, {"detail", url.detail}});
  }
  ordered_json dead_links = ordered_json::array();
  for (const scan::DeadLink& dead : report.dead_links) {
    dead_links.push_back({{"url", dead.url},
                          {"status", dead.status},
                          {"linked_from", dead.referrer.empty() ? ordered_json(nullptr)
                                                                : ordered_json(dead.referrer)}});
  }
  ordered_json json;
  json["url"] = report.start_url;
  json["home_url"] =
      report.home_url.empty() ? ordered_json(nullptr) : ordered_json(report.home_url);
  json["verdict"] = verifier::VerdictName(report.verdict);
  json["problems"] = report.problems;
  json["warnings"] = report.warnings;
  json["pages_total"] = report.pages_total;
  json["pages_failed"] = report.pages_failed;
  json["dead_links_total"] = report.dead_links.size();
  json["pages"] = std::move(pages);
  json["skipped"] = std::move(skipped);            // the first scan::kSkippedExamples
  json["skipped_counts"] = report.skipped_counts;  // every skipped URL, by reason
  json["dead_links"] = std::move(dead_links);
  json["addresses"] = report.addresses;
  return json;
}

}  // namespace badgewatch::scan
