#include "tests/api/served_api_fixture.h"

#include <boost/asio/post.hpp>
#include <utility>

namespace badgewatch::api::testing {

ServedApi::ServedApi(ServeAppSettings settings) {
  settings.db_path = path;
  settings.self_check_finished = [this](std::int64_t) {
    const std::lock_guard<std::mutex> lock(mutex);
    ++finished;
    finished_changed.notify_all();
  };
  app.emplace(io, *registry, std::move(settings));
  app->SetMetrics(&metrics);
  serving = &app->router();
  thread = std::thread([this] { io.run(); });
}

ServedApi::~ServedApi() {
  boost::asio::post(io, [this] { app->Stop(); });
  work.reset();
  thread.join();
}

void ServedApi::WaitFinished(int count) {
  std::unique_lock<std::mutex> lock(mutex);
  finished_changed.wait(lock, [&] { return finished >= count; });
}

}  // namespace badgewatch::api::testing
