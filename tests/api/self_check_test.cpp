// Self-checks through the API: the rate limiter on a fake clock, and a real
// crawl of a loopback fixture site started by CONAC staff and polled to its
// page-by-page result; who may start and see which checks.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "api/service/openapi_document.h"
#include "tests/api/self_check_api_fixture.h"
#include "tests/api/served_api_fixture.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::api::HttpResponse;
using badgewatch::api::OpenApiDocument;
using badgewatch::api::SelfCheckLimiter;
using badgewatch::api::SelfCheckLimits;
using badgewatch::api::SelfCheckSettings;
using badgewatch::api::testing::SelfCheckApi;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::TestWebServer;
namespace http = boost::beast::http;
using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kBadge =
    "<script src=\"https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js\">"
    "</script>";

}  // namespace

TEST_CASE("SelfCheckLimiter: per unit per hour, one running per unit, a global cap", "[api]") {
  SelfCheckLimiter limiter(SelfCheckLimits{3, 2});
  const auto t0 = SelfCheckLimiter::Clock::time_point{} + std::chrono::hours(100);
  REQUIRE(limiter.TryStart(7, t0).allowed);
  const auto busy = limiter.TryStart(7, t0 + seconds(1));
  CHECK_FALSE(busy.allowed);
  CHECK(busy.reason.message() == "a self-check of this unit is still running");
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
  api.WaitFinished(1);

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

TEST_CASE("SelfCheckApi: units check only their own sites, limits answer 429", "[api]") {
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

TEST_CASE("SelfCheckApi: SSRF — private targets are refused and nothing connects to them",
          "[api][crawler][network]") {
  TestWebServer canary;
  canary.ServePage("127.0.0.1", "/", "杭州市教育局", kBadge);
  const std::string port = std::to_string(canary.port());
  DnsmasqProcess dns({{"edu.hangzhou.gov.cn", "127.0.0.1"}, {"ten.example.gov.cn", "10.0.0.1"}});
  SelfCheckSettings settings;  // the address policy on, as `serve` runs by default
  settings.dns = dns.server();
  settings.max_pages = 5;

  SECTION("staff URLs naming private addresses in any form") {
    SelfCheckApi api(SelfCheckLimits{}, settings, /*any_port=*/true);
    for (const std::string host :
         {"127.0.0.1", "2130706433", "0x7f.1", "[::ffff:7f00:1]", "[::1]", "ten.example.gov.cn"}) {
      const std::string url = "http://" + host + ":" + port + "/";
      CAPTURE(url);
      const json job = api.CheckAndWait("conac", {{"url", url}, {"name", "杭州市教育局"}});
      REQUIRE(job["state"] == "done");
      CHECK(job["report"]["verdict"] == "fail");
      CHECK(job["report"]["problems"] == json::array({"fetch-failed"}));
      CHECK_THAT(job["report"].dump(), Catch::Contains("--allow-private"));
    }
  }
  SECTION("a unit's own registered site whose name resolves to loopback") {
    SelfCheckApi api(SelfCheckLimits{}, settings, /*any_port=*/true);
    const std::string application =
        "/api/applications/" + std::to_string(api.Submit("杭州市教育局"));
    for (const char* action : {"regional-pass", "materials-received", "issue-badge"}) {
      const std::string who = std::string(action) == "issue-badge" ? "conac" : "reviewer33";
      REQUIRE(api.Call(who, http::verb::post, application + "/decisions",
                       json{{"action", action}}.dump())
                  .result() == http::status::ok);
    }
    const json shown = json::parse(api.Call("agency", http::verb::get, application).body());
    REQUIRE(shown["site_id"].is_number());
    const json job = api.CheckAndWait("agency", {{"site_id", shown["site_id"]}});
    REQUIRE(job["state"] == "done");
    CHECK(job["report"]["problems"] == json::array({"fetch-failed"}));
    CHECK_THAT(job["report"].dump(), Catch::Contains("loopback"));
  }
  SECTION("ports other than 80 and 443 are refused before a job starts") {
    SelfCheckApi api(SelfCheckLimits{}, settings, /*any_port=*/false);
    for (const std::string& url :
         std::vector<std::string>{"http://127.0.0.1:" + port + "/", "https://example.gov.cn:8443/",
                                  "http://example.gov.cn:22/"}) {
      CAPTURE(url);
      HttpResponse refused = api.Call("conac", http::verb::post, "/api/self-checks",
                                      json{{"url", url}, {"name", "x"}}.dump());
      CHECK(refused.result() == http::status::bad_request);
      CHECK_THAT(refused.body(), Catch::Contains("80 和 443 端口"));
    }
  }
  CHECK(canary.connections() == 0);
}

TEST_CASE("OpenAPI: every route the server registers is described", "[api]") {
  badgewatch::api::testing::ServedApi served({});  // exactly what `badgewatch serve` runs
  const auto routes = served.app->ApiRoutes();
  const auto& paths = OpenApiDocument()["paths"];
  std::size_t described = 0;
  for (const auto& [method, pattern] : routes) {
    std::string name(http::to_string(method));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    INFO(name << " " << pattern);
    REQUIRE(paths.contains(pattern));
    CHECK(paths[pattern].contains(name));
    ++described;
  }
  CHECK(described == routes.size());
  CHECK(described >= 20);
}

TEST_CASE("OpenAPI: servers name the listen address, operations have unique ids and declare {id}",
          "[api]") {
  const json served = badgewatch::api::OpenApiDocumentServedAt("http://127.0.0.1:8080");
  REQUIRE(served["servers"].size() == 1);
  CHECK(served["servers"][0]["url"] == "http://127.0.0.1:8080");
  CHECK(OpenApiDocument()["servers"][0]["url"] == "/");
  CHECK(badgewatch::api::OpenApiDocumentServedAt("")["servers"][0]["url"] == "/");

  std::vector<std::string> ids;
  for (const auto& [path, item] : OpenApiDocument()["paths"].items()) {
    INFO(path);
    if (path.find("{id}") != std::string::npos) CHECK(item.contains("parameters"));
    for (const auto& [method, operation] : item.items()) {
      if (method == "parameters") continue;
      INFO(method);
      REQUIRE(operation.contains("operationId"));
      ids.push_back(operation["operationId"].get<std::string>());
      for (const auto& [code, response] : operation["responses"].items()) {
        if ((code[0] != '4' && code[0] != '5') || path == "/healthz") continue;
        INFO(code);
        CHECK(response["content"]["application/json"]["schema"]["$ref"] ==
              "#/components/schemas/Error");
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  CHECK(ids.size() >= 30);
}
