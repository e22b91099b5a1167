#include "api/check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <csignal>
#include <functional>
#include <optional>
#include <thread>

#include "api/badge_id_option.h"
#include "api/site_report_json.h"
#include "api/site_report_text.h"
#include "crawler/site_crawl.h"
#include "scan/crawl_target.h"
#include "scan/site_check.h"

namespace badgewatch::api {
namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(250);

crawler::CrawlConfig ToCrawlConfig(const CheckOptions& options) {
  crawler::CrawlConfig config = scan::CheckCrawlConfig({options.url, options.aliases});
  config.allow_private = options.allow_private;
  config.ignore_robots = options.ignore_robots;
  config.max_pages = options.max_pages;
  config.per_host = options.per_host;
  config.delay = std::chrono::milliseconds(options.delay_ms);
  config.dns.server = options.dns;
  config.workers = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);  // parsing is the cost
  return config;
}

// "\r  12 pages done, 30 queued, 1 failed, 45.2 pages/s" on a terminal, every
// kProgressInterval until the crawl ends.
class ProgressLine {
 public:
  ProgressLine(boost::asio::io_context& io, const crawler::SiteCrawl& crawl, std::FILE* err)
      : timer_(io), crawl_(crawl), err_(err), start_(std::chrono::steady_clock::now()) {}

  void Start() {
    timer_.expires_after(kProgressInterval);
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      const auto progress = crawl_.progress();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      fmt::print(err_, "\r  {} pages done, {} queued, {} failed, {:.1f} pages/s   ", progress.done,
                 progress.queued, progress.failed,
                 seconds > 0 ? static_cast<double>(progress.done) / seconds : 0.0);
      std::fflush(err_);
      shown_ = true;
      Start();
    });
  }

  void Stop() {
    timer_.cancel();
    if (shown_) fmt::print(err_, "\r{:60}\r", "");
  }

 private:
  boost::asio::steady_timer timer_;
  const crawler::SiteCrawl& crawl_;
  std::FILE* err_;
  std::chrono::steady_clock::time_point start_;
  bool shown_ = false;
};

}  // namespace

CLI::App* AddCheckCommand(CLI::App& app, CheckOptions& options) {
  CLI::App* check = app.add_subcommand(
      "check",
      "Crawl one site and check every page: the CONAC badge before </body> with the right id, "
      "and the registered name as the title. Exit 0 pass, 1 fail, 2 bad input.");
  check->add_option("url", options.url, "The site's start URL (http:// is assumed without one)")
      ->required();
  check->add_option("--name", options.name, "The site's registered name (网站名称)")->required();
  check
      ->add_option("--badge-id", options.badge_id,
                   "The unit's own badge id (CA + 21 digits); another id fails the page")
      ->check(BadgeIdValidator());
  check->add_option("--alias", options.aliases,
                    "Another host of the same site (e.g. its .政务 name); repeatable");
  check->add_option("--dns", options.dns, "A DNS server HOST:PORT instead of the system's");
  check->add_flag("--allow-private", options.allow_private,
                  "Allow loopback, private and other non-public addresses (intranet sites)");
  check->add_option("--max-pages", options.max_pages, "Pages to fetch at most (10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  check->add_option("--per-host", options.per_host, "Connections per host (2)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{64}));
  check->add_option("--delay", options.delay_ms, "Milliseconds between requests to one host (0)")
      ->check(CLI::Range(0L, 600000L));
  check->add_flag("--ignore-robots", options.ignore_robots,
                  "Fetch pages robots.txt disallows (compliance staff)");
  check->add_flag("--json", options.json, "Print the machine-readable report");
  return check;
}

int RunCheck(const CheckOptions& options, std::FILE* out, std::FILE* err) {
  boost::asio::io_context io;
  scan::SiteCheck site_check(options.name, options.badge_id);
  auto crawl = crawler::SiteCrawl::Create(io, ToCrawlConfig(options), site_check);
  if (!crawl.ok()) {
    fmt::print(err, "badgewatch check: {}\n", crawl.error().message);
    return 2;
  }
  std::optional<crawler::SiteCrawlSummary> summary;
  ProgressLine progress(io, *crawl.value(), err);
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int /*signal*/) {
    if (!ec) io.stop();
  });
  crawl.value()->Start([&](crawler::SiteCrawlSummary done) {
    summary = std::move(done);
    progress.Stop();
    signals.cancel();
  });
  if (isatty(fileno(err)) != 0) progress.Start();
  io.run();
  if (!summary) {
    progress.Stop();
    fmt::print(err, "badgewatch check: interrupted\n");
    return 2;
  }
  const scan::SiteCheckReport report = site_check.Finish(*summary);
  if (options.json) {
    fmt::print(
        out, "{}\n",
        SiteReportToJson(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    fmt::print(out, "{}", SiteReportToText(report, options.name));
  }
  std::fflush(out);
  return report.verdict == verifier::Verdict::kPass ? 0 : 1;
}

}  // namespace badgewatch::api
