// The registry API fixture's registry and actors behind the whole server
// `badgewatch serve` runs (ServeApp: every JSON route and page on one router),
// its self-checks on an io_context in a thread of their own. Call() goes
// through that router; WaitFinished(n) waits until n self-checks have ended.
// One test thread (plus the io thread).
#ifndef BADGEWATCH_TESTS_API_SERVED_API_FIXTURE_H_
#define BADGEWATCH_TESTS_API_SERVED_API_FIXTURE_H_

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "api/app/serve_app.h"
#include "api/http/server_metrics.h"
#include "tests/api/registry_api_fixture.h"

namespace badgewatch::api::testing {

struct ServedApi : RegistryApi {
  // `settings.db_path` and `self_check_finished` are the fixture's.
  explicit ServedApi(ServeAppSettings settings);
  ~ServedApi();

  // Blocks until `count` self-checks have ended.
  void WaitFinished(int count);

  boost::asio::io_context io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work =
      boost::asio::make_work_guard(io);
  std::mutex mutex;
  std::condition_variable finished_changed;
  int finished = 0;  // self-checks ended so far
  ServerMetrics metrics;
  std::optional<ServeApp> app;
  std::thread thread;
};

}  // namespace badgewatch::api::testing

#endif  // BADGEWATCH_TESTS_API_SERVED_API_FIXTURE_H_
