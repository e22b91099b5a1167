// Where a check of a registered site starts: its English domain (else its
// Chinese one) over http, the other domain an alias of the same site; and the
// crawl configuration every check shares (URLs normalised like the
// verifier's links). Pure; any thread.
#ifndef BADGEWATCH_SCAN_CRAWL_TARGET_H_
#define BADGEWATCH_SCAN_CRAWL_TARGET_H_

#include <optional>
#include <string>
#include <vector>

#include "crawler/site_crawl.h"
#include "registry/sites.h"

namespace badgewatch::scan {

struct CrawlTarget {
  std::string start_url;
  std::vector<std::string> aliases;
};

// nullopt for a site with neither domain (built on CONAC's hosting platform).
// `port` 0: the standard port; otherwise the domains are reached on it.
[[nodiscard]] std::optional<CrawlTarget> CrawlTargetOf(const registry::SiteFields& site,
                                                       unsigned short port = 0);

// A crawl of `target` with the crawler's defaults and the verifier's URL
// normalisation; callers set the limits and policy they need.
[[nodiscard]] crawler::CrawlConfig CheckCrawlConfig(const CrawlTarget& target);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_CRAWL_TARGET_H_
