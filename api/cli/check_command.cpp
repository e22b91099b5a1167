#include "api/cli/check_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <optional>
#include <thread>

#include "api/cli/badge_id_option.h"
#include "api/cli/progress_line.h"
#include "api/cli/site_list_check.h"
#include "scan/site_check.h"
#include "scan/site_report_json.h"
#include "scan/site_report_text.h"

namespace badgewatch::api {
namespace {

// Which of the one-site arguments and --sites were given: exactly one way.
std::string ArgumentError(const CheckOptions& options) {
  if (options.sites_file.empty()) {
    if (options.url.empty() || options.name.empty()) {
      return "give the site's URL and --name, or a list of sites with --sites FILE";
    }
    return "";
  }
  if (!options.url.empty() || !options.name.empty() || !options.badge_id.empty() ||
      !options.aliases.empty()) {
    return "--sites takes each site's URL, name, badge id and aliases from the file; give no "
           "URL, --name, --badge-id or --alias with it";
  }
  return "";
}

int RunOneSite(const CheckOptions& options, std::FILE* out, std::FILE* err) {
  boost::asio::io_context io;
  scan::SiteCheck site_check(options.name, options.badge_id, options.max_links);
  const std::size_t workers = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
  auto crawl = crawler::SiteCrawl::Create(
      io, CheckCrawlConfig(options, {options.url, options.aliases}, workers), site_check);
  if (!crawl.ok()) {
    fmt::print(err, "badgewatch check: {}\n", crawl.status().message());
    return 2;
  }
  std::optional<crawler::SiteCrawlSummary> summary;
  ProgressLine progress(io, err, [&crawl](double seconds) {
    const auto done = crawl.value()->progress();
    return fmt::format("{} pages done, {} queued, {} failed, {:.1f} pages/s", done.done,
                       done.queued, done.failed,
                       seconds > 0 ? static_cast<double>(done.done) / seconds : 0.0);
  });
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int /*signal*/) {
    if (!ec) io.stop();
  });
  crawl.value()->Start([&](crawler::SiteCrawlSummary done) {
    summary = std::move(done);
    progress.Stop();
    signals.cancel();
  });
  progress.StartOnTerminal();
  io.run();
  if (!summary) {
    progress.Stop();
    fmt::print(err, "badgewatch check: interrupted\n");
    return 2;
  }
  const scan::SiteCheckReport report = site_check.Finish(*summary);
  if (options.json) {
    fmt::print(out, "{}\n",
               scan::SiteReportToJson(report).dump(2, ' ', false,
                                                   nlohmann::json::error_handler_t::replace));
  } else {
    fmt::print(out, "{}", scan::SiteReportToText(report, options.name));
  }
  std::fflush(out);
  return report.verdict == verifier::Verdict::kPass ? 0 : 1;
}

}  // namespace

crawler::CrawlConfig CheckCrawlConfig(const CheckOptions& options, const scan::CrawlTarget& target,
                                      std::size_t workers) {
  crawler::CrawlConfig config = scan::CheckCrawlConfig(target);
  config.allow_private = options.allow_private;
  config.ignore_robots = options.ignore_robots;
  config.max_pages = options.max_pages;
  config.per_host = options.per_host;
  config.delay = std::chrono::milliseconds(options.delay_ms);
  config.time_budget = std::chrono::seconds(options.time_budget_s);
  config.dns.server = options.dns;
  config.workers = workers;
  return config;
}

CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options) {
  CLI::App* check = app.add_subcommand(
      "check",
      "Crawl one site (or every site of a list) and check every page: the CONAC badge before "
      "</body> with the right id, and the registered name as the title. Exit 0 pass, 1 fail, "
      "2 bad input.");
  check->add_option("url", options.url, "The site's start URL (http:// is assumed without one)");
  check->add_option("--name", options.name, "The site's registered name (网站名称)");
  check
      ->add_option("--badge-id", options.badge_id,
                   "The unit's own badge id (CA + 21 digits); another id fails the page")
      ->check(BadgeIdValidator());
  check->add_option("--alias", options.aliases,
                    "Another host of the same site (e.g. its .政务 name); repeatable");
  CLI::Option* sites = check->add_option(
      "--sites", options.sites_file,
      "Check every site of this CSV instead (columns site_name, english_domain, chinese_domain, "
      "badge_id, ips, as 'registry export' writes them; - reads standard input)");
  check
      ->add_option("--site-port", options.site_port,
                   "With --sites: reach the listed domains on this port instead of 80")
      ->check(CLI::Range(1, 65535))
      ->needs(sites);
  check
      ->add_option("--concurrent-sites", options.concurrent_sites,
                   "With --sites: sites crawled at once (8)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}))
      ->needs(sites);
  check->add_option("--dns", options.dns, "A DNS server HOST:PORT instead of the system's");
  check->add_flag("--allow-private", options.allow_private,
                  "Allow loopback, private and other non-public addresses (intranet sites)");
  check->add_option("--max-pages", options.max_pages, "Pages to fetch at most, per site (10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  check
      ->add_option("--max-links", options.max_links,
                   "Links followed per page at most; more are counted, not followed (10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
  check
      ->add_option("--time-budget", options.time_budget_s,
                   "Seconds of crawling per site; past it the site is judged on the pages "
                   "checked so far and carries the warning time-budget (7200)")
      ->check(CLI::Range(1L, 604800L));
  check->add_option("--per-host", options.per_host, "Connections per host (2)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{64}));
  check->add_option("--delay", options.delay_ms, "Milliseconds between requests to one host (0)")
      ->check(CLI::Range(0L, 600000L));
  check->add_flag("--ignore-robots", options.ignore_robots,
                  "Fetch pages robots.txt disallows (compliance staff)");
  check->add_flag("--json", options.json,
                  "Print the machine-readable report (with --sites: one JSON object per line per "
                  "site)");
  return check;
}

int RunCheck(const CheckOptions& options, std::FILE* out, std::FILE* err) {
  if (std::string error = ArgumentError(options); !error.empty()) {
    fmt::print(err, "badgewatch check: {}\nRun 'badgewatch check --help' for usage.\n", error);
    return 2;
  }
  if (!options.sites_file.empty()) return RunSiteListCheck(options, out, err);
  return RunOneSite(options, out, err);
}

}  // namespace badgewatch::api
