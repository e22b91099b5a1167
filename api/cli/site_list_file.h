// The site list of `badgewatch check --sites FILE`: a CSV in the format of
// `registry export` (or just its site columns), read into the sites to check.
// All rows are validated before any is checked. Pure; any thread.
//
// Columns (header names, any order):
//   site_name (required), english_domain and/or chinese_domain (at least one
//   of the two columns), badge_id and ips (optional: the registered
//   addresses, separated by spaces, commas or semicolons; a site resolving to
//   none of them gets the warning ip-mismatch); the other columns of the
//   registry's import format are accepted and ignored, any other refused.
// A row with no site (a unit without sites in an export) or a site hosted on
// CONAC's platform without a domain of its own is skipped: nothing to crawl.
//
// Example:
//   site_name,english_domain,chinese_domain,badge_id
//   杭州市教育局,jyj.hangzhou.gov.cn,杭州市教育局.政务,CA330000000604333780001
#ifndef BADGEWATCH_API_CLI_SITE_LIST_FILE_H_
#define BADGEWATCH_API_CLI_SITE_LIST_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "scan/crawl_target.h"

namespace badgewatch::api {

struct ListedSite {
  std::size_t line = 0;          // the CSV line of its row
  std::string name;              // the registered name the titles are judged against
  std::string badge_id;          // empty: any unit's badge id is accepted
  std::vector<std::string> ips;  // registered addresses; none resolved: ip-mismatch
  scan::CrawlTarget target;
};

// The sites of `csv`; `port` 0 reaches the domains on the standard port.
// Fails with kInvalidArgument for text that is not CSV, a missing or unknown
// column, or bad rows: the message then has one line per bad row, "line N:
// what is wrong" (an empty site name, no domain, an invalid host name, a
// malformed badge id, a wrong number of fields).
[[nodiscard]] Result<std::vector<ListedSite>> ParseCheckSiteList(std::string_view csv,
                                                                 unsigned short port);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_SITE_LIST_FILE_H_
