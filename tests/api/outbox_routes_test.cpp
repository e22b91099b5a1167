// The outbox status route: counts and pages of rows for CONAC, a 400 for a
// bad state or page, 403 for everyone else.
#include "api/service/outbox_routes.h"

#include <catch2/catch.hpp>

#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::AddOutboxRoutes;
using badgewatch::api::HttpResponse;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

}  // namespace

TEST_CASE("OutboxApi: CONAC reads the counts and pages of rows, newest first", "[api][registry]") {
  RegistryApi api;
  AddOutboxRoutes(api.router, api.access);
  api.Submit("杭州市教育局");  // its SMS code leaves an outbox row
  api.Submit("杭州市教育局门户");

  HttpResponse all = api.Call("conac", http::verb::get, "/api/outbox?per_page=1");
  REQUIRE(all.result() == http::status::ok);
  const json body = json::parse(all.body());
  CHECK(body["total"] == 2);
  REQUIRE(body["items"].size() == 1);
  CHECK(body["items"][0]["channel"] == "sms");
  CHECK(body["items"][0]["state"] == "pending");
  CHECK(body["items"][0]["recipient"] == "13800138000");
  REQUIRE(body["counts"].size() == 1);
  CHECK(body["counts"][0] == json{{"state", "pending"}, {"channel", "sms"}, {"rows", 2}});
  CHECK(body["oldest_pending_at"].is_number_integer());
  const json second =
      json::parse(api.Call("conac", http::verb::get, "/api/outbox?per_page=1&page=2").body());
  CHECK(second["items"][0]["id"].get<int>() < body["items"][0]["id"].get<int>());

  CHECK(json::parse(api.Call("conac", http::verb::get, "/api/outbox?state=sent").body())["total"] ==
        0);
  CHECK(api.Call("conac", http::verb::get, "/api/outbox?state=lost").result() ==
        http::status::bad_request);
  CHECK(api.Call("conac", http::verb::get, "/api/outbox?page=0").result() ==
        http::status::bad_request);
  for (const char* who : {"agency", "reviewer33"}) {
    CHECK(api.Call(who, http::verb::get, "/api/outbox").result() == http::status::forbidden);
  }
}
