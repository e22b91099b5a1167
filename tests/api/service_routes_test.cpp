#include "api/service/service_routes.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <string>

#include "api/cli/serve_command.h"
#include "api/http/request_router.h"
#include "api/service/reader_pool.h"
#include "registry/accounts.h"
#include "tests/registry/registry_fixture.h"

namespace {

using badgewatch::api::AddServiceRoutes;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::ParseListenAddress;
using badgewatch::api::ReaderPool;
using badgewatch::api::RequestRouter;
using badgewatch::api::ServerMetrics;
using badgewatch::api::ServiceContext;
using badgewatch::registry::Role;
using badgewatch::registry::testing::RegistryFixture;
namespace http = boost::beast::http;
namespace registry = badgewatch::registry;

HttpRequest Get(std::string target, std::string token = "") {
  HttpRequest request{http::verb::get, target, 11};
  if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
  return request;
}

struct ServiceRoutes {
  RegistryFixture fixture;
  ReaderPool readers{fixture.path, 2};
  ServerMetrics metrics;
  ServiceContext context{&readers, &metrics};
  RequestRouter router;
  ServiceRoutes() { AddServiceRoutes(router, context); }
};

}  // namespace

TEST_CASE("ServiceRoutes: /api/me names the token's account, bad tokens are 401", "[api]") {
  ServiceRoutes routes;
  auto staff =
      registry::CreateStaffAccount(*routes.fixture.registry, "reviewer.zj", Role::kRegional, "33");
  REQUIRE(staff);
  auto token = registry::CreateApiToken(*routes.fixture.registry, staff->account_id, "test");
  REQUIRE(token);

  const HttpResponse me = routes.router.Handle(Get("/api/me", *token));
  REQUIRE(me.result() == http::status::ok);
  const auto body = nlohmann::json::parse(me.body());
  CHECK(body["role"] == "regional");
  CHECK(body["region"] == "33");
  CHECK(body["account_id"] == staff->account_id);

  for (const std::string& bad : {std::string(), std::string("not-a-token"), *token + "x"}) {
    const HttpResponse refused = routes.router.Handle(Get("/api/me", bad));
    CHECK(refused.result() == http::status::unauthorized);
    CHECK(refused[http::field::www_authenticate].starts_with("Bearer"));
  }
  HttpRequest basic = Get("/api/me");
  basic.set(http::field::authorization, "Basic " + *token);
  CHECK(routes.router.Handle(basic).result() == http::status::unauthorized);
}

TEST_CASE("ServiceRoutes: /healthz reads the registry and says when it cannot", "[api]") {
  ServiceRoutes routes;
  CHECK(routes.router.Handle(Get("/healthz")).result() == http::status::ok);

  ReaderPool missing(routes.fixture.path + ".gone", 1);
  ServerMetrics metrics;
  ServiceContext context{&missing, &metrics};
  RequestRouter router;
  AddServiceRoutes(router, context);
  const HttpResponse down = router.Handle(Get("/healthz"));
  CHECK(down.result() == http::status::service_unavailable);
  CHECK(nlohmann::json::parse(down.body())["status"] == "unavailable");
}

TEST_CASE("ServiceRoutes: /healthz reads the file itself, 503 once the file is corrupt", "[api]") {
  ServiceRoutes routes;
  // Everything in the main file, so that the file is what the readers read.
  REQUIRE(routes.fixture.registry->writer().Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  CHECK(routes.router.Handle(Get("/healthz")).result() == http::status::ok);  // pages now cached
  {
    std::fstream file(routes.fixture.path, std::ios::binary | std::ios::in | std::ios::out);
    REQUIRE(file);
    file.write(std::string(100, 'x').data(), 100);  // the header, schema page and all
  }
  const HttpResponse down = routes.router.Handle(Get("/healthz"));
  CHECK(down.result() == http::status::service_unavailable);
  const auto body = nlohmann::json::parse(down.body());
  CHECK(body["status"] == "unavailable");
  CHECK_THAT(body["registry"].get<std::string>(), Catch::Contains("not a database"));
}

TEST_CASE("ServiceRoutes: /metrics is Prometheus text", "[api]") {
  ServiceRoutes routes;
  routes.metrics.RequestServed(200, std::chrono::microseconds(1500));
  const HttpResponse metrics = routes.router.Handle(Get("/metrics"));
  CHECK(metrics[http::field::content_type] == "text/plain; version=0.0.4");
  CHECK(metrics.body().find("badgewatch_http_responses_total{code=\"2xx\"} 1\n") !=
        std::string::npos);
  CHECK(metrics.body().find("badgewatch_http_request_duration_seconds_bucket{le=\"0.0025\"} 1\n") !=
        std::string::npos);
}

TEST_CASE("serve: --listen addresses", "[api]") {
  CHECK(ParseListenAddress("127.0.0.1:8080").port == 8080);
  CHECK(ParseListenAddress("[::1]:0").host == "::1");
  CHECK(ParseListenAddress("localhost:80").host == "127.0.0.1");
  for (const char* bad : {"8080", "127.0.0.1", "127.0.0.1:", ":80", "1.2.3.4:65536", "::1:80",
                          "[::1]80", "host:8o"}) {
    INFO(bad);
    CHECK_FALSE(ParseListenAddress(bad).error.empty());
  }
}
