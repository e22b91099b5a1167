// `badgewatch check --sites FILE`: every site of a list (check_site_list.h)
// crawled and checked in one process, several at once on one io_context, each
// site's report printed as soon as it is done — so a spot check of many sites
// pays the start-up once and holds only the sites being crawled. Runs on the
// calling thread until the list is done or a signal arrives.
#ifndef BADGEWATCH_API_CLI_SITE_LIST_CHECK_H_
#define BADGEWATCH_API_CLI_SITE_LIST_CHECK_H_

#include <cstdio>

#include "api/cli/check_command.h"

namespace badgewatch::api {

// Reads options.sites_file ("-": standard input) and checks its sites,
// options.concurrent_sites at a time. Prints to `out`, in the order the
// sites finish: with --json one JSON object per line per site (the `check
// --json` object with the site's `name` and CSV `line` first); otherwise each
// site's readable report, then a summary. Progress on `err` when it is a
// terminal. Returns 0 every site passes, 1 one fails, 2 bad input (a bad row,
// an unreadable file: nothing is checked) or interrupted.
[[nodiscard]] int RunSiteListCheck(const CheckOptions& options, std::FILE* out, std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_SITE_LIST_CHECK_H_
