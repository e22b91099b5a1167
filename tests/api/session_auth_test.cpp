// Authentication by session cookie beside bearer tokens: the cookie's
// parsing and attributes, the CSRF rule on a real write route (POST
// /api/sms-codes), expired and ended sessions, revoked tokens.
#include <catch2/catch.hpp>
#include <string>

#include "api/service/caller_scope.h"
#include "api/service/request_auth.h"
#include "api/service/service_routes.h"
#include "api/service/session_cookie.h"
#include "registry/accounts.h"
#include "registry/web_sessions.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::AddServiceRoutes;
using badgewatch::api::ClearedSessionCookie;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::PresentsCsrfToken;
using badgewatch::api::ServiceContext;
using badgewatch::api::SessionCookie;
using badgewatch::api::SessionCookieToken;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
namespace registry = badgewatch::registry;
using nlohmann::json;

constexpr char kSmsBody[] = R"({"mobile": "13912345678"})";

// The agency logged in by cookie, and its requests.
struct CookieApi : RegistryApi {
  CookieApi() { AddServiceRoutes(router, service); }

  registry::WebSession session =
      registry::StartWebSession(*registry, agency, std::chrono::hours(8)).value();
  ServiceContext service{&readers, nullptr, [this] { return *now; }};

  HttpRequest Request(http::verb method, const std::string& target, const std::string& body = "",
                      const std::string& content_type = "application/json") {
    HttpRequest request{method, target, 11};
    request.set(http::field::cookie, "theme=dark; bw_session=" + session.token + "; lang=zh");
    if (!body.empty()) {
      request.set(http::field::content_type, content_type);
      request.body() = body;
      request.prepare_payload();
    }
    return request;
  }
};

std::string ErrorReason(const HttpResponse& response) {
  return json::parse(response.body()).value("reason", "");
}

}  // namespace

TEST_CASE("SessionCookie: the cookie is read from any Cookie header and set with its attributes",
          "[api]") {
  HttpRequest request{http::verb::get, "/", 11};
  CHECK_FALSE(SessionCookieToken(request));
  request.insert(http::field::cookie, "a=1; bw_sessionx=no");
  request.insert(http::field::cookie, " bw_session = \"bws_abc\" ;b=2");
  REQUIRE(SessionCookieToken(request));
  CHECK(*SessionCookieToken(request) == "bws_abc");
  HttpRequest empty{http::verb::get, "/", 11};
  empty.set(http::field::cookie, "bw_session=");
  CHECK_FALSE(SessionCookieToken(empty));

  CHECK(SessionCookie("bws_t", std::chrono::hours(8), false) ==
        "bw_session=bws_t; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800");
  CHECK(SessionCookie("bws_t", std::chrono::seconds(60), true) ==
        "bw_session=bws_t; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=60");
  CHECK(ClearedSessionCookie(false) == "bw_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  CHECK_THAT(ClearedSessionCookie(true), Catch::Contains("; Secure"));
}

TEST_CASE("SessionCookie: the CSRF token is taken from the header or a posted form's field",
          "[api]") {
  HttpRequest request{http::verb::post, "/", 11};
  CHECK_FALSE(PresentsCsrfToken(request, "t0ken"));
  CHECK_FALSE(PresentsCsrfToken(request, ""));
  request.set("X-CSRF-Token", "t0ken");
  CHECK(PresentsCsrfToken(request, "t0ken"));
  CHECK_FALSE(PresentsCsrfToken(request, "t0ke"));
  CHECK_FALSE(PresentsCsrfToken(request, "t0kenn"));

  HttpRequest form{http::verb::post, "/", 11};
  form.set(http::field::content_type, "Application/X-WWW-Form-Urlencoded; charset=UTF-8");
  form.body() = "name=x&csrf_token=t0ken";
  CHECK(PresentsCsrfToken(form, "t0ken"));
  form.set(http::field::content_type, "application/json");
  CHECK_FALSE(PresentsCsrfToken(form, "t0ken"));  // a form field only counts in a form
}

TEST_CASE("AuthenticateCaller: a cookie-borne write needs the session's CSRF token", "[api]") {
  CookieApi api;
  SECTION("reads need none") {
    const HttpResponse me = api.router.Handle(api.Request(http::verb::get, "/api/me"));
    REQUIRE(me.result() == http::status::ok);
    CHECK(json::parse(me.body())["account_id"] == api.agency.account_id);
    CHECK(json::parse(me.body())["role"] == "unit");
  }
  SECTION("missing") {
    const HttpResponse refused =
        api.router.Handle(api.Request(http::verb::post, "/api/sms-codes", kSmsBody));
    CHECK(refused.result() == http::status::forbidden);
    CHECK(ErrorReason(refused) == "csrf");
  }
  SECTION("wrong") {
    HttpRequest request = api.Request(http::verb::post, "/api/sms-codes", kSmsBody);
    request.set("X-CSRF-Token", std::string(64, '0'));
    const HttpResponse refused = api.router.Handle(request);
    CHECK(refused.result() == http::status::forbidden);
    CHECK(ErrorReason(refused) == "csrf");
  }
  SECTION("another session's token") {
    const registry::WebSession other =
        registry::StartWebSession(*api.registry, api.agency, std::chrono::hours(1)).value();
    HttpRequest request = api.Request(http::verb::post, "/api/sms-codes", kSmsBody);
    request.set("X-CSRF-Token", other.csrf_token);
    CHECK(api.router.Handle(request).result() == http::status::forbidden);
  }
  SECTION("right, in the header") {
    HttpRequest request = api.Request(http::verb::post, "/api/sms-codes", kSmsBody);
    request.set("X-CSRF-Token", api.session.csrf_token);
    CHECK(api.router.Handle(request).result() == http::status::created);
  }
  SECTION("right, as a form field: past the CSRF check (the route itself wants JSON)") {
    const HttpResponse response =
        api.router.Handle(api.Request(http::verb::post, "/api/sms-codes",
                                      "mobile=13912345678&csrf_token=" + api.session.csrf_token,
                                      "application/x-www-form-urlencoded"));
    CHECK(response.result() == http::status::unsupported_media_type);
  }
  SECTION("a bearer request needs none, even with a cookie beside it") {
    HttpRequest request = api.Request(http::verb::post, "/api/sms-codes", kSmsBody);
    request.set(http::field::authorization, "Bearer " + api.tokens.at("agency"));
    CHECK(api.router.Handle(request).result() == http::status::created);
  }
}

TEST_CASE("WithAuthenticatedCaller: a page sees the session's CSRF token, a token caller none",
          "[api]") {
  CookieApi api;
  api.router.Add(http::verb::get, "/test/csrf", [&api](const badgewatch::api::RouteRequest& r) {
    return badgewatch::api::WithAuthenticatedCaller(
        r, api.access, [&r](const badgewatch::api::Caller& caller, registry::Database&) {
          return badgewatch::api::JsonResponse(
              r.request, http::status::ok,
              {{"csrf", caller.csrf_token}, {"account", caller.actor->account_id}});
        });
  });
  const HttpResponse by_cookie = api.router.Handle(api.Request(http::verb::get, "/test/csrf"));
  REQUIRE(by_cookie.result() == http::status::ok);
  CHECK(json::parse(by_cookie.body())["csrf"] == api.session.csrf_token);
  const HttpResponse by_token = api.Call("agency", http::verb::get, "/test/csrf");
  REQUIRE(by_token.result() == http::status::ok);
  CHECK(json::parse(by_token.body())["csrf"] == "");
  CHECK(json::parse(by_token.body())["account"] == api.agency.account_id);
}

TEST_CASE("AuthenticateCaller: expired and ended sessions are 401", "[api]") {
  CookieApi api;
  SECTION("expired") {
    *api.now = api.session.expires_at;
    const HttpResponse refused = api.router.Handle(api.Request(http::verb::get, "/api/me"));
    CHECK(refused.result() == http::status::unauthorized);
    CHECK_THAT(refused.body(), Catch::Contains("请重新登录"));
  }
  SECTION("ended") {
    REQUIRE(registry::EndWebSession(*api.registry, api.session.token).ok());
    CHECK(api.router.Handle(api.Request(http::verb::get, "/api/applications")).result() ==
          http::status::unauthorized);
  }
  SECTION("unknown") {
    HttpRequest request{http::verb::get, "/api/me", 11};
    request.set(http::field::cookie, "bw_session=bws_forged");
    CHECK(api.router.Handle(request).result() == http::status::unauthorized);
  }
}

TEST_CASE("AuthenticateCaller: a revoked token is 401", "[api]") {
  RegistryApi api;
  REQUIRE(api.Call("agency", http::verb::get, "/api/applications").result() == http::status::ok);
  const auto tokens = registry::ListApiTokens(api.registry->writer(), api.agency.account_id);
  REQUIRE(tokens.ok());
  REQUIRE(tokens->size() == 1);
  REQUIRE(registry::RevokeApiToken(*api.registry, tokens->front().id).ok());
  const HttpResponse refused = api.Call("agency", http::verb::get, "/api/applications");
  CHECK(refused.result() == http::status::unauthorized);
  CHECK(refused[http::field::www_authenticate] == "Bearer realm=\"badgewatch\"");
  // Other accounts' tokens still work.
  CHECK(api.Call("conac", http::verb::get, "/api/applications").result() == http::status::ok);
  CHECK(registry::RevokeApiToken(*api.registry, tokens->front().id).code() ==
        badgewatch::StatusCode::kFailedPrecondition);
  CHECK(registry::RevokeApiToken(*api.registry, 4242).code() == badgewatch::StatusCode::kNotFound);
  CHECK(registry::ListApiTokens(api.registry->writer(), api.agency.account_id)
            .value()
            .front()
            .revoked_at.has_value());
}
