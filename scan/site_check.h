// The join of crawler and verifier for `badgewatch check`, self-checks and
// scans: a PageHandler that verifies every page with the verifier's one parse
// (whose links the crawler follows), turns failed fetches (and a home page
// robots.txt kept it from) into fetch-failed pages, inner pages answering 404
// or 410 into dead-link warnings on the pages linking them, and aggregates
// the site verdict. OnPage/OnScript run on crawl workers and OnRecord on the
// io_context thread (all thread-safe); Finish once the crawl is done.
#ifndef BADGEWATCH_SCAN_SITE_CHECK_H_
#define BADGEWATCH_SCAN_SITE_CHECK_H_

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/page_handler.h"
#include "crawler/site_crawl.h"
#include "verifier/page_report.h"

namespace badgewatch::scan {

struct CheckedPage {
  std::string url;
  long status = 0;  // HTTP status; 0 when no response arrived
  verifier::Verdict verdict = verifier::Verdict::kFail;
  std::vector<std::string> problems;
  std::vector<std::string> warnings;
  std::string detail;  // why a fetch failed ("NXDOMAIN: ...", "timeout: ..."); else empty
  std::optional<std::string> title;
  bool is_home = false;
  // Links of this page to pages of the site that answered 404 or 410 (the
  // warning dead-link), in URL order.
  std::vector<std::string> dead_links;
};

// A link of the site to a page that does not exist: not a page without a
// badge, but a warning counted per site (链接可用性).
struct DeadLink {
  std::string url;
  long status = 0;       // 404 or 410
  std::string referrer;  // the page that links it; empty when only a sitemap did
};

// A URL met but not checked as a page: off the site, disallowed, a trap, not HTML ...
struct SkippedUrl {
  std::string url;
  std::string reason;  // crawler::UrlOutcomeName
  std::string detail;
};

// At most this many skipped URLs are kept as examples; all are counted.
inline constexpr std::size_t kSkippedExamples = 200;
// The skipped reason of links past a page's link limit (never seen by the
// crawler, so counted only).
inline constexpr std::string_view kLinkLimitReason = "link-limit";

struct SiteCheckReport {
  std::string start_url;
  std::string home_url;  // empty when the home page was never reached
  verifier::Verdict verdict = verifier::Verdict::kFail;
  std::vector<std::string> problems;  // the union of the pages' codes, canonical order
  std::vector<std::string> warnings;
  std::vector<CheckedPage> pages;                     // the home page first, then by URL
  std::vector<SkippedUrl> skipped;                    // the first kSkippedExamples
  std::map<std::string, std::size_t> skipped_counts;  // every skipped URL, by reason
  std::vector<DeadLink> dead_links;                   // by URL
  std::map<std::string, std::vector<std::string>> addresses;
  std::size_t pages_total = 0;
  std::size_t pages_failed = 0;
};

// Adds the warning ip-mismatch to `warnings` (in the codes' order) when the
// site resolved (`addresses`: host -> addresses) and to none of
// `registered_ips`; nothing when either is empty.
void AddIpMismatchWarning(std::vector<std::string>& warnings,
                          const std::map<std::string, std::vector<std::string>>& addresses,
                          const std::vector<std::string>& registered_ips);

// The report of a site whose crawl could not even start (an invalid host
// name): its start URL fails with fetch-failed and `reason` as the detail.
[[nodiscard]] SiteCheckReport UncrawlableSiteReport(const std::string& start_url,
                                                    const std::string& reason);

class SiteCheck : public crawler::PageHandler {
 public:
  // `max_links`: links followed per page (PageExpectation::max_links); the
  // rest are counted under kLinkLimitReason.
  SiteCheck(std::string registered_name, std::string badge_id,
            std::size_t max_links = verifier::PageExpectation{}.max_links);

  [[nodiscard]] crawler::PageLinks OnPage(const crawler::FetchedPage& page) override;
  // A site script that adds the unit's badge: the pages loading it that have
  // no badge in their HTML get the warning badge-injected instead of failing
  // with badge-missing.
  void OnScript(const crawler::FetchedPage& script) override;
  void OnRecord(const crawler::UrlRecord& record) override;

  // The report of the finished crawl. A site whose home page could not be
  // checked fails with fetch-failed.
  [[nodiscard]] SiteCheckReport Finish(const crawler::SiteCrawlSummary& summary);

 private:
  // Pages whose missing badge a site script adds: badge-injected, a warning.
  void CountInjectedBadges();  // mutex_ held
  // dead-link on the pages that link a dead page.
  void MarkDeadLinks();  // mutex_ held

  std::string registered_name_;
  std::string badge_id_;
  std::size_t max_links_;
  std::mutex mutex_;
  std::vector<CheckedPage> pages_;
  std::vector<SkippedUrl> skipped_;
  std::map<std::string, std::size_t> skipped_counts_;
  std::vector<DeadLink> dead_links_;
  // Scripts loaded by pages that lack a badge, by page URL; and the URLs of
  // site scripts that inject the unit's badge.
  std::map<std::string, std::vector<std::string>> scripts_of_badgeless_pages_;
  std::set<std::string> injecting_scripts_;
};

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SITE_CHECK_H_
