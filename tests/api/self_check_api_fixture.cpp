#include "tests/api/self_check_api_fixture.h"

#include <boost/asio/post.hpp>
#include <catch2/catch.hpp>
#include <utility>

namespace badgewatch::api::testing {

SelfCheckApi::SelfCheckApi(SelfCheckLimits limits, SelfCheckSettings settings, bool any_port)
    : limiter(limits),
      jobs(io, std::move(settings),
           [this](std::int64_t unit_id) {
             limiter.Finished(unit_id);
             const std::lock_guard<std::mutex> lock(mutex);
             ++finished;
             finished_changed.notify_all();
           }),
      self_check_access{access, &jobs, &limiter, any_port} {
  // The fixture's router has the application and domain routes already.
  AddSelfCheckRoutes(router, self_check_access);
  AddServiceRoutes(router, service);
  thread = std::thread([this] { io.run(); });
}

SelfCheckApi::~SelfCheckApi() {
  boost::asio::post(io, [this] { jobs.Stop(); });
  work.reset();
  thread.join();
}

void SelfCheckApi::WaitFinished(int count) {
  std::unique_lock<std::mutex> lock(mutex);
  finished_changed.wait(lock, [&] { return finished >= count; });
}

nlohmann::json SelfCheckApi::CheckAndWait(const std::string& who, const nlohmann::json& body) {
  int before = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    before = finished;
  }
  HttpResponse started = Call(who, http::verb::post, "/api/self-checks", body.dump());
  REQUIRE(started.result() == http::status::accepted);
  WaitFinished(before + 1);
  HttpResponse polled = Call(who, http::verb::get, std::string(started[http::field::location]));
  REQUIRE(polled.result() == http::status::ok);
  return nlohmann::json::parse(polled.body());
}

SelfCheckSettings SelfCheckApi::Settings() {
  SelfCheckSettings settings;
  settings.allow_private = true;  // the fixture site is on loopback
  settings.max_pages = 50;
  return settings;
}

}  // namespace badgewatch::api::testing
