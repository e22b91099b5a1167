// The registry API fixture plus the self-check routes, whose crawls run on an
// io_context in a thread of their own; `finished` is set when the first
// check ends. One test thread (plus the io thread).
#ifndef BADGEWATCH_TESTS_API_SELF_CHECK_API_FIXTURE_H_
#define BADGEWATCH_TESTS_API_SELF_CHECK_API_FIXTURE_H_

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <future>
#include <thread>

#include "api/self_check_jobs.h"
#include "api/self_check_limiter.h"
#include "api/self_check_routes.h"
#include "api/server_metrics.h"
#include "api/service_routes.h"
#include "tests/api/registry_api_fixture.h"

namespace badgewatch::api::testing {

struct SelfCheckApi : RegistryApi {
  explicit SelfCheckApi(SelfCheckLimits limits = {});
  ~SelfCheckApi();
  // Loopback fixture sites: private addresses, 50 pages at most.
  static SelfCheckSettings Settings();

  boost::asio::io_context io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work =
      boost::asio::make_work_guard(io);
  SelfCheckLimiter limiter;
  std::promise<void> finished;
  SelfCheckJobs jobs;
  SelfCheckAccess self_check_access{access, &jobs, &limiter, /*any_port=*/true};
  ServerMetrics metrics;
  ServiceContext service{&readers, &metrics};
  std::thread thread;
};

}  // namespace badgewatch::api::testing

#endif  // BADGEWATCH_TESTS_API_SELF_CHECK_API_FIXTURE_H_
