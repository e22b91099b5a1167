// Self-checks through the API: the rate limiter on a fake clock, and a real
// crawl of a loopback fixture site started by CONAC staff and polled to its
// page-by-page result; who may start and see which checks.
#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <cctype>
#include <future>
#include <string>
#include <thread>

#include "api/api_routes.h"
#include "api/openapi_document.h"
#include "api/self_check_jobs.h"
#include "api/self_check_limiter.h"
#include "api/self_check_routes.h"
#include "tests/api/registry_api_fixture.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::api::AddApiRoutes;
using badgewatch::api::AddSelfCheckRoutes;
using badgewatch::api::AddServiceRoutes;
using badgewatch::api::HttpResponse;
using badgewatch::api::OpenApiDocument;
using badgewatch::api::RequestRouter;
using badgewatch::api::SelfCheckAccess;
using badgewatch::api::SelfCheckJobs;
using badgewatch::api::SelfCheckLimiter;
using badgewatch::api::SelfCheckLimits;
using badgewatch::api::SelfCheckSettings;
using badgewatch::api::ServerMetrics;
using badgewatch::api::ServiceContext;
using badgewatch::api::testing::RegistryApi;
using badgewatch::testing::TestWebServer;
namespace http = boost::beast::http;
using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kBadge =
    "<script src=\"https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js\">"
    "</script>";

// The registry API plus self-check routes whose crawls run on `io` in a thread.
struct SelfCheckApi : RegistryApi {
  explicit SelfCheckApi(SelfCheckLimits limits = {})
      : limiter(limits), jobs(io, Settings(), [this](std::int64_t unit_id) {
          limiter.Finished(unit_id);
          finished.set_value();
        }) {
    // The fixture's router has the application and domain routes already.
    AddSelfCheckRoutes(router, self_check_access);
    AddServiceRoutes(router, service);
    thread = std::thread([this] { io.run(); });
  }
  ~SelfCheckApi() {
    boost::asio::post(io, [this] { jobs.Stop(); });
    work.reset();
    thread.join();
  }
  static SelfCheckSettings Settings() {
    SelfCheckSettings settings;
    settings.allow_private = true;  // the fixture site is on loopback
    settings.max_pages = 50;
    return settings;
  }

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

}  // namespace

TEST_CASE("SelfCheckLimiter: per unit per hour, one running per unit, a global cap", "[api]") {
  SelfCheckLimiter limiter(SelfCheckLimits{3, 2});
  const auto t0 = SelfCheckLimiter::Clock::time_point{} + std::chrono::hours(100);
  REQUIRE(limiter.TryStart(7, t0).allowed);
  const auto busy = limiter.TryStart(7, t0 + seconds(1));
  CHECK_FALSE(busy.allowed);
  CHECK(busy.reason == "a self-check of this unit is still running");
  limiter.Finished(7);
  REQUIRE(limiter.TryStart(7, t0 + minutes(10)).allowed);
  limiter.Finished(7);
  REQUIRE(limiter.TryStart(7, t0 + minutes(20)).allowed);
  limiter.Finished(7);
  const auto fourth = limiter.TryStart(7, t0 + minutes(30));
  CHECK_FALSE(fourth.allowed);
  CHECK(fourth.retry_after == minutes(30));  // the first start leaves the window at t0+1h
  CHECK(limiter.TryStart(7, t0 + minutes(60)).allowed);  // ... and then it may
  limiter.Finished(7);

  REQUIRE(limiter.TryStart(1, t0).allowed);
  REQUIRE(limiter.TryStart(0, t0).allowed);  // staff: not limited per unit
  const auto full = limiter.TryStart(2, t0);
  CHECK_FALSE(full.allowed);  // two running: the global cap
  CHECK(full.retry_after > seconds(0));
  limiter.Finished(0);
  CHECK(limiter.TryStart(2, t0).allowed);
}

TEST_CASE("SelfCheckApi: staff check a loopback site and poll the page-by-page result",
          "[api][crawler]") {
  TestWebServer site;
  site.ServePage("127.0.0.1", "/", "杭州市教育局",
                 "<a href=\"/a.html\">a</a><a href=\"/b.html\">b</a>" + std::string(kBadge));
  site.ServePage("127.0.0.1", "/a.html", "通知 - 杭州市教育局", kBadge);
  site.ServePage("127.0.0.1", "/b.html", "杭州市教育局", "<p>no badge here</p>");
  SelfCheckApi api;

  HttpResponse started = api.Call("conac", http::verb::post, "/api/self-checks",
                                  json{{"url", site.Origin("127.0.0.1") + "/"},
                                       {"name", "杭州市教育局"},
                                       {"badge_id", "CA330000000604333780001"}}
                                      .dump());
  REQUIRE(started.result() == http::status::accepted);
  const std::string job =
      "/api/self-checks/" + std::to_string(json::parse(started.body())["id"].get<int>());
  api.finished.get_future().wait();

  HttpResponse polled = api.Call("conac", http::verb::get, job);
  REQUIRE(polled.result() == http::status::ok);
  const json body = json::parse(polled.body());
  REQUIRE(body["state"] == "done");
  const json& report = body["report"];
  CHECK(report["verdict"] == "fail");
  CHECK(report["pages_total"] == 3);
  CHECK(report["pages_failed"] == 1);
  CHECK(report["problems"] == json::array({"badge-missing"}));
  CHECK(api.Call("reviewer33", http::verb::get, job).result() == http::status::not_found);
  CHECK(api.Call("agency", http::verb::get, job).result() == http::status::not_found);
}

TEST_CASE("SelfCheckApi: units check only their own sites; limits answer 429", "[api]") {
  SECTION("a unit may not name a URL, nor another unit's site") {
    SelfCheckApi api;
    CHECK(api.Call("agency", http::verb::post, "/api/self-checks",
                   R"({"url": "http://example.gov.cn/", "name": "x"})")
              .result() == http::status::forbidden);
    CHECK(api.Call("agency", http::verb::post, "/api/self-checks", R"({"site_id": 424242})")
              .result() == http::status::not_found);
    CHECK(api.Call("conac", http::verb::post, "/api/self-checks",
                   R"({"url": "ftp://example.gov.cn/", "name": "x"})")
              .result() == http::status::bad_request);
    CHECK(api.Call("conac", http::verb::get, "/api/self-checks/77").result() ==
          http::status::not_found);
  }
  SECTION("over the global cap") {
    SelfCheckApi api(SelfCheckLimits{10, 0});
    HttpResponse refused = api.Call("conac", http::verb::post, "/api/self-checks",
                                    R"({"url": "http://127.0.0.1:9/", "name": "x"})");
    CHECK(refused.result() == http::status::too_many_requests);
    CHECK(std::stoi(std::string(refused[http::field::retry_after])) >= 1);
  }
}

TEST_CASE("OpenAPI: every route the server registers is described", "[api]") {
  SelfCheckApi api;
  badgewatch::api::ScanLauncher launcher(api.path, {});
  const badgewatch::api::ScanAccess scans{api.access, &launcher};
  RequestRouter all;  // exactly what `badgewatch serve` registers
  AddApiRoutes(all, api.service, api.self_check_access, scans);
  const auto& paths = OpenApiDocument()["paths"];
  std::size_t described = 0;
  for (const auto& [method, pattern] : all.Routes()) {
    std::string name(http::to_string(method));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    INFO(name << " " << pattern);
    REQUIRE(paths.contains(pattern));
    CHECK(paths[pattern].contains(name));
    ++described;
  }
  CHECK(described == all.Routes().size());
  CHECK(described >= 20);
}
