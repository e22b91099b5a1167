// Self-checks started through the API: each a crawl of one site (crawler +
// verifier, as `badgewatch check`) on the server's io_context, known by a job
// id and polled until done. Finished jobs are kept (the newest `keep`) with
// their JSON report. Start/Find from any thread; crawls run on the io thread.
#ifndef BADGEWATCH_API_SERVICE_SELF_CHECK_JOBS_H_
#define BADGEWATCH_API_SERVICE_SELF_CHECK_JOBS_H_

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace badgewatch::api {

struct SelfCheckSettings {
  bool allow_private = false;  // lift the address policy (tests, intranet deployments)
  std::string dns;             // HOST:PORT of a DNS server; empty: the system's
  std::size_t max_pages = 2000;
  std::size_t max_links = 10000;  // links followed per page
  // A self-check holds a slot while it runs: past this it ends with the pages
  // checked so far (the warning time-budget).
  std::chrono::milliseconds time_budget = std::chrono::minutes(10);
  std::size_t per_host = 2;
  std::size_t keep = 1000;  // finished jobs remembered
};

struct SelfCheckRequest {
  std::string url;
  std::string name;      // the registered name the titles must carry
  std::string badge_id;  // may be empty
  std::vector<std::string> aliases;
  std::int64_t unit_id = 0;  // the unit it is for (0: started by staff for no unit)
  std::int64_t account_id = 0;
};

struct SelfCheckJob {
  std::int64_t id = 0;
  std::string state;  // "running", "done", "failed"
  SelfCheckRequest request;
  std::string error;              // why it failed to start
  nlohmann::ordered_json report;  // `badgewatch check --json`, once done
};

class SelfCheckJobs {
 public:
  // `finished(unit_id)` runs on the io thread when a job ends (the rate
  // limiter counts it down).
  SelfCheckJobs(boost::asio::io_context& io, SelfCheckSettings settings,
                std::function<void(std::int64_t unit_id)> finished);
  ~SelfCheckJobs();
  SelfCheckJobs(const SelfCheckJobs&) = delete;
  SelfCheckJobs& operator=(const SelfCheckJobs&) = delete;

  // Queues the crawl; returns the job id at once.
  [[nodiscard]] std::int64_t Start(SelfCheckRequest request);

  // A copy of the job, or nullopt when unknown (or forgotten).
  [[nodiscard]] std::optional<SelfCheckJob> Find(std::int64_t id) const;

  // Abandons running crawls (their jobs fail with "server stopping").
  // io thread only.
  void Stop();

 private:
  struct Running;
  void Launch(std::int64_t id);
  void Complete(std::int64_t id, std::string state, std::string error,
                nlohmann::ordered_json report);

  boost::asio::io_context& io_;
  const SelfCheckSettings settings_;
  std::function<void(std::int64_t)> finished_;
  mutable std::mutex mutex_;
  std::int64_t next_id_ = 1;
  std::map<std::int64_t, SelfCheckJob> jobs_;
  std::map<std::int64_t, std::unique_ptr<Running>> running_;  // io thread only
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SELF_CHECK_JOBS_H_
