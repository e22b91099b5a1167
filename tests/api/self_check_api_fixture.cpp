#include "tests/api/self_check_api_fixture.h"

#include <boost/asio/post.hpp>

namespace badgewatch::api::testing {

SelfCheckApi::SelfCheckApi(SelfCheckLimits limits)
    : limiter(limits), jobs(io, Settings(), [this](std::int64_t unit_id) {
        limiter.Finished(unit_id);
        finished.set_value();
      }) {
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

SelfCheckSettings SelfCheckApi::Settings() {
  SelfCheckSettings settings;
  settings.allow_private = true;  // the fixture site is on loopback
  settings.max_pages = 50;
  return settings;
}

}  // namespace badgewatch::api::testing
