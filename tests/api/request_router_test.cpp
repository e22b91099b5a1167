#include "api/http/request_router.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "api/http/form_fields.h"

namespace {

using badgewatch::api::ErrorResponse;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::JsonResponse;
using badgewatch::api::ParseFormFields;
using badgewatch::api::RequestRouter;
using badgewatch::api::RouteRequest;
namespace http = boost::beast::http;

HttpRequest Request(http::verb method, std::string target) {
  HttpRequest request{method, target, 11};
  request.set(http::field::host, "127.0.0.1");
  return request;
}

nlohmann::json Body(const HttpResponse& response) { return nlohmann::json::parse(response.body()); }

RequestRouter SiteRouter() {
  RequestRouter router;
  router.Add(http::verb::get, "/api/sites/{id}", [](const RouteRequest& r) {
    return JsonResponse(r.request, http::status::ok,
                        {{"id", r.PathParam("id")},
                         {"region", r.query.Get("region").value_or("")},
                         {"path", r.path}});
  });
  router.Add(http::verb::post, "/api/sites/{id}/checks", [](const RouteRequest& r) {
    return JsonResponse(r.request, http::status::accepted, {{"site", r.PathParam("id")}});
  });
  router.Add(http::verb::delete_, "/api/sites/{id}", [](const RouteRequest& r) {
    return ErrorResponse(r.request, http::status::forbidden,
                         badgewatch::Status(badgewatch::StatusCode::kPermissionDenied, "no"));
  });
  router.Add(http::verb::get, "/boom", [](const RouteRequest&) -> HttpResponse {
    throw std::runtime_error("database file is locked at /secret/path");
  });
  return router;
}

}  // namespace

TEST_CASE("RequestRouter: captures and query are decoded", "[api]") {
  const RequestRouter router = SiteRouter();
  const HttpResponse response =
      router.Handle(Request(http::verb::get, "/api/sites/%E6%95%99%E8%82%B2?region=33&x"));
  REQUIRE(response.result() == http::status::ok);
  const auto body = Body(response);
  CHECK(body["id"] == "教育");
  CHECK(body["region"] == "33");
  CHECK(body["path"] == "/api/sites/教育");
  CHECK(response[http::field::content_type] == "application/json; charset=utf-8");
}

TEST_CASE("RequestRouter: unknown paths are 404, wrong methods 405 with Allow", "[api]") {
  const RequestRouter router = SiteRouter();
  SECTION("no such path") {
    CHECK(router.Handle(Request(http::verb::get, "/api/units")).result() ==
          http::status::not_found);
    CHECK(router.Handle(Request(http::verb::get, "/api/sites/")).result() ==
          http::status::not_found);
    CHECK(router.Handle(Request(http::verb::get, "/api/sites/1/checks/2")).result() ==
          http::status::not_found);
  }
  SECTION("known path, other method") {
    const HttpResponse response = router.Handle(Request(http::verb::put, "/api/sites/7"));
    CHECK(response.result() == http::status::method_not_allowed);
    CHECK(response[http::field::allow] == "GET, DELETE, HEAD");
  }
  SECTION("a target that is not a path") {
    CHECK(router.Handle(Request(http::verb::get, "*")).result() == http::status::bad_request);
    CHECK(router.Handle(Request(http::verb::get, "http://x/api/sites/1")).result() ==
          http::status::bad_request);
  }
}

TEST_CASE("RequestRouter: HEAD is GET without a body", "[api]") {
  const RequestRouter router = SiteRouter();
  const HttpResponse get = router.Handle(Request(http::verb::get, "/api/sites/7"));
  const HttpResponse head = router.Handle(Request(http::verb::head, "/api/sites/7"));
  CHECK(head.result() == http::status::ok);
  CHECK(head.body().empty());
  CHECK(head[http::field::content_length] == std::to_string(get.body().size()));
}

TEST_CASE("RequestRouter: a throwing handler is a 500 that does not leak its message", "[api]") {
  const RequestRouter router = SiteRouter();
  const HttpResponse response = router.Handle(Request(http::verb::get, "/boom"));
  CHECK(response.result() == http::status::internal_server_error);
  CHECK(response.body().find("/secret/path") == std::string::npos);
}

TEST_CASE("FormFields: form encoding, repeats, odd input", "[api]") {
  const auto fields =
      ParseFormFields("name=%E6%9D%AD%E5%B7%9E+%E5%B8%82&alias=a&&alias=b&flag&bad=%zz");
  CHECK(fields.Get("name") == "杭州 市");
  CHECK(fields.GetAll("alias") == std::vector<std::string_view>{"a", "b"});
  CHECK(fields.Get("flag") == "");
  CHECK(fields.Get("bad") == "%zz");
  CHECK_FALSE(fields.Has("missing"));
  CHECK(ParseFormFields("").fields().empty());
}
