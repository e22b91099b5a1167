#include "api/cli/scan_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <ctime>

#include "registry/registry.h"
#include "scan/service_config.h"

namespace badgewatch::api {

CLI::App* AddScanCommand(CLI::App& app, ScanOptions& options) {
  CLI::App* scan = app.add_subcommand(
      "scan",
      "Scan every site with an issued badge: crawl each, check every page, write each site's "
      "compliance record, compare with its last one, tell units whose site newly fails.");
  scan->add_option("--db", options.db, "Registry database file")->capture_default_str();
  scan->add_option("--config", options.config,
                   "badgewatch.toml; its [scan], [limits] and [dns] values are the defaults");
  scan->add_option("--site", options.site_id, "Scan only this site id");
  scan->add_option("--region", options.settings.region_code,
                   "Scan only the sites of units in this region (2-digit code)");
  scan->add_flag("--resume", options.settings.resume,
                 "Continue the newest unfinished scan: sites already recorded are not crawled "
                 "again");
  scan->add_option("--concurrency", options.settings.concurrent_sites, "Sites crawled at once")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1024}))
      ->capture_default_str();
  scan->add_option("--max-pages", options.settings.max_pages, "Pages per site at most")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str();
  scan->add_option("--max-connections", options.settings.max_connections,
                   "HTTP connections in flight for all sites together (0: no cap)")
      ->capture_default_str();
  scan->add_option("--per-host", options.settings.per_host, "Connections per host")
      ->check(CLI::Range(std::size_t{1}, std::size_t{64}))
      ->capture_default_str();
  scan->add_option("--dns", options.settings.dns, "A DNS server HOST:PORT instead of the system's");
  scan->add_flag("--allow-private", options.settings.allow_private,
                 "Allow loopback and private addresses (intranet sites, the demo)");
  scan->add_flag("--ignore-robots", options.settings.ignore_robots,
                 "Fetch pages robots.txt disallows");
  scan->add_option("--site-port", options.settings.site_port,
                   "Reach the registered domains on this port instead of 80 (a staging mirror, "
                   "the demo)");
  scan->add_option("--metrics-file", options.files.metrics_file,
                   "Write the scan's figures here for node_exporter's textfile collector (*.prom)");
  options.command = scan;
  return scan;
}

namespace {

// Fills what the command line left at its default from badgewatch.toml.
void ApplyConfig(const scan::ServiceConfig& config, ScanOptions& options, const CLI::App& app) {
  const auto unset = [&app](const char* name) { return app.count(name) == 0; };
  const scan::ScanSettings file = scan::ScanSettingsFrom(config);
  scan::ScanSettings& settings = options.settings;
  if (unset("--db")) options.db = config.database.path;
  if (unset("--concurrency")) settings.concurrent_sites = file.concurrent_sites;
  if (unset("--max-pages")) settings.max_pages = file.max_pages;
  if (unset("--per-host")) settings.per_host = file.per_host;
  if (unset("--max-connections")) settings.max_connections = file.max_connections;
  if (unset("--dns")) settings.dns = file.dns;
  if (unset("--allow-private")) settings.allow_private = file.allow_private;
  if (unset("--ignore-robots")) settings.ignore_robots = file.ignore_robots;
  const scan::ScanFiles files = scan::ScanFilesFrom(config);
  if (unset("--metrics-file")) options.files.metrics_file = files.metrics_file;
  options.files.report_dir = files.report_dir;
  options.files.report_language = files.report_language;
  // No command-line options: the file's values hold.
  settings.delay = file.delay;
  settings.max_page_bytes = file.max_page_bytes;
  settings.connect_timeout = file.connect_timeout;
  settings.page_timeout = file.page_timeout;
  settings.max_url_length = file.max_url_length;
  settings.max_url_depth = file.max_url_depth;
}

}  // namespace

int RunScan(ScanOptions options, std::FILE* out, std::FILE* err) {
  if (options.site_id > 0) options.settings.site_id = options.site_id;
  registry::RegistryOptions registry_options;
  if (!options.config.empty()) {
    Result<scan::ServiceConfig> config = scan::LoadServiceConfig(options.config);
    if (!config) {
      fmt::print(err, "badgewatch scan: {}\n", config.status().message());
      return 2;
    }
    ApplyConfig(*config, options, *options.command);
    registry_options.domain_terms = scan::DomainTermsFrom(*config);
  }
  Result<std::unique_ptr<registry::Registry>> registry =
      registry::Registry::Open(options.db, registry_options);
  if (!registry) {
    fmt::print(err, "badgewatch scan: cannot open the registry '{}': {}\n", options.db,
               registry.status().ToString());
    return 2;
  }
  boost::asio::io_context io;
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](const boost::system::error_code& ec, int /*signal*/) {
    if (!ec) io.stop();
  });
  const bool terminal = isatty(fileno(err)) != 0;
  const auto progress = [&](const scan::ScanProgress& p) {
    if (!terminal) return;
    fmt::print(err, "\r  {}/{} sites, {} failing, {} pages, {:.1f} pages/s   ", p.sites_done,
               p.sites_total, p.sites_failed, p.pages,
               p.seconds > 0 ? static_cast<double>(p.pages) / p.seconds : 0.0);
    std::fflush(err);
  };
  Result<scan::ScanOutcome> outcome = scan::RunScan(**registry, io, options.settings, progress);
  signals.cancel();
  if (terminal) fmt::print(err, "\r{:70}\r", "");
  if (!outcome) {
    fmt::print(err, "badgewatch scan: {}\n", outcome.status().message());
    return 2;
  }
  const scan::ScanOutcome& o = *outcome;
  fmt::print(out,
             "scan {}{}: {} sites scanned ({} pass, {} fail, {} unreachable){}, {} pages "
             "({} failing) in {:.1f} s\n",
             o.scan_id, o.resumed ? " (resumed)" : "", o.sites_scanned, o.sites_passed,
             o.sites_failed, o.sites_unreachable,
             o.sites_skipped > 0 ? fmt::format(", {} recorded before the resume", o.sites_skipped)
                                 : std::string(),
             o.pages_total, o.pages_failed, o.seconds);
  fmt::print(out,
             "since the last scan: {} newly failing, {} fixed, {} still failing, {} newly "
             "unreachable, {} first checked; {} units notified\n",
             o.newly_failing, o.fixed, o.still_failing, o.newly_unreachable, o.first_records,
             o.notifications);
  const scan::ScanFilesWritten written = scan::WriteScanFiles(
      (*registry)->writer(), o, options.files, static_cast<std::int64_t>(std::time(nullptr)));
  for (const std::string& error : written.errors) fmt::print(err, "badgewatch scan: {}\n", error);
  if (!written.report.empty()) {
    fmt::print(out, "report: {}\n", written.report);
  } else {
    fmt::print(out, "report: badgewatch report --db {} --scan {} --format html --out report.html\n",
               options.db, o.scan_id);
  }
  return 0;
}

}  // namespace badgewatch::api
