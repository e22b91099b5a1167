// `badgewatch check URL ...`: crawls one site, verifies every page and prints
// the site report (DESIGN.md, "Command-line contract"); `check --sites FILE`
// does the same for every site of a list in one process (site_list_check.h).
// Runs its own io_context on the calling thread until the crawl ends or a
// signal arrives.
#ifndef BADGEWATCH_API_CLI_CHECK_COMMAND_H_
#define BADGEWATCH_API_CLI_CHECK_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "crawler/site_crawl.h"
#include "scan/crawl_target.h"

namespace badgewatch::api {

struct CheckOptions {
  std::string url;
  std::string name;
  std::string badge_id;
  std::vector<std::string> aliases;
  std::string sites_file;            // --sites: a CSV of sites instead of url/name/badge_id/aliases
  unsigned short site_port = 0;      // --sites: reach the listed domains on this port
  std::size_t concurrent_sites = 8;  // --sites: sites crawled at once
  std::string dns;                   // HOST:PORT
  bool allow_private = false;
  std::size_t max_pages = 10000;
  std::size_t max_links = 10000;  // links followed per page
  long time_budget_s = 7200;      // wall-clock seconds per site
  std::size_t per_host = 2;
  long delay_ms = 0;
  bool ignore_robots = false;
  bool json = false;
};

// Adds the `check` subcommand and its options to `app`, filling `options`.
CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options);

// The crawl of `target` under the options' limits and policy, with `workers`
// threads parsing its pages.
[[nodiscard]] crawler::CrawlConfig CheckCrawlConfig(const CheckOptions& options,
                                                    const scan::CrawlTarget& target,
                                                    std::size_t workers);

// Crawls and prints the report to `out` (progress on `err` when it is a
// terminal); with --sites, RunSiteListCheck. Returns the exit code: 0 the
// site passes, 1 it fails (including a site that cannot be reached:
// fetch-failed), 2 bad input or interrupted (the reason printed to `err`).
[[nodiscard]] int RunCheck(const CheckOptions& options, std::FILE* out, std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_CHECK_COMMAND_H_
