#include "api/service/self_check_jobs.h"

#include <boost/asio/post.hpp>
#include <utility>

#include "crawler/site_crawl.h"
#include "scan/crawl_target.h"
#include "scan/site_check.h"
#include "scan/site_report_json.h"

namespace badgewatch::api {

struct SelfCheckJobs::Running {
  Running(std::string name, std::string badge_id, std::size_t max_links)
      : check(std::move(name), std::move(badge_id), max_links) {}
  scan::SiteCheck check;
  std::unique_ptr<crawler::SiteCrawl> crawl;
};

SelfCheckJobs::SelfCheckJobs(boost::asio::io_context& io, SelfCheckSettings settings,
                             std::function<void(std::int64_t)> finished)
    : io_(io), settings_(std::move(settings)), finished_(std::move(finished)) {}

SelfCheckJobs::~SelfCheckJobs() = default;

std::int64_t SelfCheckJobs::Start(SelfCheckRequest request) {
  std::int64_t id = 0;
  {
    const std::lock_guard lock(mutex_);
    id = next_id_++;
    jobs_[id] = SelfCheckJob{id, "running", std::move(request), "", {}};
    // Forget the oldest finished jobs beyond `keep`.
    for (auto it = jobs_.begin(); jobs_.size() > settings_.keep && it != jobs_.end();) {
      it = it->second.state == "running" ? std::next(it) : jobs_.erase(it);
    }
  }
  boost::asio::post(io_, [this, id] { Launch(id); });
  return id;
}

std::optional<SelfCheckJob> SelfCheckJobs::Find(std::int64_t id) const {
  const std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

void SelfCheckJobs::Launch(std::int64_t id) {
  SelfCheckRequest request;
  {
    const std::lock_guard lock(mutex_);
    request = jobs_.at(id).request;
  }
  crawler::CrawlConfig config = scan::CheckCrawlConfig({request.url, request.aliases});
  config.allow_private = settings_.allow_private;
  config.max_pages = settings_.max_pages;
  config.per_host = settings_.per_host;
  config.dns.server = settings_.dns;
  config.time_budget = settings_.time_budget;

  auto running = std::make_unique<Running>(request.name, request.badge_id, settings_.max_links);
  auto crawl = crawler::SiteCrawl::Create(io_, std::move(config), running->check);
  if (!crawl.ok()) {
    Complete(id, "failed", crawl.status().message(), {});
    return;
  }
  running->crawl = std::move(crawl).value();
  Running& started = *running;
  running_[id] = std::move(running);
  started.crawl->Start([this, id](crawler::SiteCrawlSummary summary) {
    const auto it = running_.find(id);
    if (it == running_.end()) return;
    Complete(id, "done", "", scan::SiteReportToJson(it->second->check.Finish(summary)));
    // The crawl is inside its own callback: destroy it afterwards.
    boost::asio::post(io_, [this, id] { running_.erase(id); });
  });
}

void SelfCheckJobs::Complete(std::int64_t id, std::string state, std::string error,
                             nlohmann::ordered_json report) {
  std::int64_t unit_id = 0;
  {
    const std::lock_guard lock(mutex_);
    const auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.state != "running") return;
    it->second.state = std::move(state);
    it->second.error = std::move(error);
    it->second.report = std::move(report);
    unit_id = it->second.request.unit_id;
  }
  if (finished_) finished_(unit_id);
}

void SelfCheckJobs::Stop() {
  for (const auto& [id, running] : running_) Complete(id, "failed", "server stopping", {});
  running_.clear();
}

}  // namespace badgewatch::api
