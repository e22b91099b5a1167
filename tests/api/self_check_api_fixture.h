// The registry API fixture plus the self-check routes, whose crawls run on an
// io_context in a thread of their own; WaitFinished(n) waits until n checks
// have ended. One test thread (plus the io thread).
#ifndef BADGEWATCH_TESTS_API_SELF_CHECK_API_FIXTURE_H_
#define BADGEWATCH_TESTS_API_SELF_CHECK_API_FIXTURE_H_

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "api/http/server_metrics.h"
#include "api/service/self_check_jobs.h"
#include "api/service/self_check_limiter.h"
#include "api/service/self_check_routes.h"
#include "api/service/service_routes.h"
#include "tests/api/registry_api_fixture.h"

namespace badgewatch::api::testing {

struct SelfCheckApi : RegistryApi {
  explicit SelfCheckApi(SelfCheckLimits limits = {}, SelfCheckSettings settings = Settings(),
                        bool any_port = true);
  ~SelfCheckApi();
  // Loopback fixture sites: private addresses, 50 pages at most.
  static SelfCheckSettings Settings();

  // Blocks until `count` checks have ended.
  void WaitFinished(int count);
  // Starts a check as `who` with `body`, waits for it to end and returns the
  // polled job.
  nlohmann::json CheckAndWait(const std::string& who, const nlohmann::json& body);

  boost::asio::io_context io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work =
      boost::asio::make_work_guard(io);
  SelfCheckLimiter limiter;
  std::mutex mutex;
  std::condition_variable finished_changed;
  int finished = 0;  // checks ended so far
  SelfCheckJobs jobs;
  SelfCheckAccess self_check_access;
  ServerMetrics metrics;
  ServiceContext service{&readers, &metrics};
  std::thread thread;
};

}  // namespace badgewatch::api::testing

#endif  // BADGEWATCH_TESTS_API_SELF_CHECK_API_FIXTURE_H_
