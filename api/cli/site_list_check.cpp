#include "api/cli/site_list_check.h"

#include <fmt/format.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "api/cli/input_file.h"
#include "api/cli/progress_line.h"
#include "api/cli/site_list_file.h"
#include "crawler/dns_resolver.h"
#include "scan/site_batch.h"
#include "scan/site_report_json.h"
#include "scan/site_report_text.h"

namespace badgewatch::api {
namespace {

// A list larger than this is refused rather than read into memory (a million
// sites is well under it).
constexpr std::size_t kMaxListBytes = 256 * 1024 * 1024;

// The sites of the list, handed to the batch in order, and what is printed as
// each finishes.
class SiteListRun {
 public:
  SiteListRun(const CheckOptions& options, const std::vector<ListedSite>& sites, std::FILE* out)
      : options_(options), sites_(sites), out_(out) {}

  std::optional<scan::BatchSite> Next() {
    if (next_ == sites_.size()) return std::nullopt;
    const ListedSite& site = sites_[next_];
    // One parsing thread per site: the batch keeps several sites crawling.
    return scan::BatchSite{next_++, CheckCrawlConfig(options_, site.target, 1), site.name,
                           site.badge_id, options_.max_links};
  }

  void Print(scan::BatchResult result) {
    const ListedSite& site = sites_[result.key];
    scan::SiteCheckReport& report = result.report;
    scan::AddIpMismatchWarning(report.warnings, report.addresses, site.ips);
    ++done_;
    if (report.verdict != verifier::Verdict::kPass) ++failed_;
    pages_ += report.pages_total;
    pages_failed_ += report.pages_failed;
    if (options_.json) {
      nlohmann::ordered_json line;
      line["name"] = site.name;
      line["line"] = site.line;
      nlohmann::ordered_json fields = scan::SiteReportToJson(report);
      for (auto& [key, value] : fields.items()) line[key] = std::move(value);
      fmt::print(out_, "{}\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
      fmt::print(out_, "{}\n", scan::SiteReportToText(report, site.name));
    }
    std::fflush(out_);
  }

  [[nodiscard]] std::string ProgressText(double seconds) const {
    return fmt::format("{} of {} sites done, {} failing; {} pages, {:.1f} pages/s", done_,
                       sites_.size(), failed_, pages_,
                       seconds > 0 ? static_cast<double>(pages_) / seconds : 0.0);
  }

  [[nodiscard]] std::string Summary() const {
    return fmt::format("{} site{} checked: {} pass, {} fail; {} pages, {} failing\n", done_,
                       done_ == 1 ? "" : "s", done_ - failed_, failed_, pages_, pages_failed_);
  }

  [[nodiscard]] std::size_t done() const { return done_; }
  [[nodiscard]] std::size_t failed() const { return failed_; }

 private:
  const CheckOptions& options_;
  const std::vector<ListedSite>& sites_;
  std::FILE* out_;
  std::size_t next_ = 0;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  std::size_t pages_ = 0;
  std::size_t pages_failed_ = 0;
};

}  // namespace

int RunSiteListCheck(const CheckOptions& options, std::FILE* out, std::FILE* err) {
  const InputFile file = ReadInputFile(options.sites_file, kMaxListBytes, "a site list");
  if (!file.error.empty()) {
    fmt::print(err, "badgewatch check: {}\n", file.error);
    return 2;
  }
  const Result<std::vector<ListedSite>> sites = ParseCheckSiteList(file.bytes, options.site_port);
  if (!sites) {
    fmt::print(err, "badgewatch check: {}: {}\n", options.sites_file, sites.status().message());
    return 2;
  }
  boost::asio::io_context io;
  // One DNS server serves every site: a wrong one is bad input, not a list of failing sites.
  if (auto resolver = crawler::DnsResolver::Create(io, {.server = options.dns}); !resolver.ok()) {
    fmt::print(err, "badgewatch check: {}\n", resolver.status().message());
    return 2;
  }

  SiteListRun run(options, *sites, out);
  ProgressLine progress(io, err, [&run](double seconds) { return run.ProgressText(seconds); });
  scan::SiteBatch batch(
      io, options.concurrent_sites, [&run] { return run.Next(); },
      [&](scan::BatchResult result) {
        progress.Clear();
        run.Print(std::move(result));
      });
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](const boost::system::error_code& ec, int /*signal*/) {
    if (!ec) io.stop();
  });
  progress.StartOnTerminal();
  const bool finished = batch.Run();
  progress.Stop();
  if (!finished) {
    fmt::print(err, "badgewatch check: interrupted after {} of {} sites\n", run.done(),
               sites->size());
    return 2;
  }
  if (!options.json) fmt::print(out, "{}", run.Summary());
  std::fflush(out);
  return run.failed() == 0 ? 0 : 1;
}

}  // namespace badgewatch::api
