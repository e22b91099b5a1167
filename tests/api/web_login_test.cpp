// The web login: the per-login throttle on a fake clock, LogIn/LogOut, and
// POST/DELETE /api/session on a real registry file — identical answers for an
// unknown login and a wrong password, cookie attributes, CSRF on the session
// it starts, logout — and the same through a real loopback server.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/http/http_server.h"
#include "api/service/login.h"
#include "api/service/login_throttle.h"
#include "api/service/password_slots.h"
#include "api/service/service_routes.h"
#include "api/service/session_routes.h"
#include "registry/passwords.h"
#include "tests/api/registry_api_fixture.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/raw_http_connection.h"

namespace {

using badgewatch::api::AddServiceRoutes;
using badgewatch::api::AddSessionRoutes;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::HttpServer;
using badgewatch::api::HttpServerOptions;
using badgewatch::api::LoginLimits;
using badgewatch::api::LoginThrottle;
using badgewatch::api::PasswordSlots;
using badgewatch::api::ServiceContext;
using badgewatch::api::WebLoginAccess;
using badgewatch::api::WebLoginResult;
using badgewatch::api::testing::RegistryApi;
using badgewatch::registry::testing::kCheapPasswordCost;
using badgewatch::test::RawHttpConnection;
namespace http = boost::beast::http;
namespace registry = badgewatch::registry;
using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;
using Outcome = WebLoginResult::Outcome;

constexpr char kAgencyLogin[] = "hz-edu";  // the workflow fixture's agency
constexpr char kAgencyPassword[] = "西湖边的网站标识 2026";
const boost::asio::ip::address kClient = boost::asio::ip::make_address("192.0.2.10");

// A settable steady clock for the throttle.
struct FakeSteadyClock {
  LoginThrottle::Clock::time_point now{};
  std::function<LoginThrottle::Clock::time_point()> Function() {
    return [this] { return now; };
  }
};

// The registry API with the session routes; the agency (kAgencyLogin) has a password.
struct LoginApi : RegistryApi {
  LoginApi() {
    REQUIRE(registry::SetPassword(*registry, agency.account_id, kAgencyPassword, kCheapPasswordCost)
                .ok());
    login.registry = access;
    login.throttle = &throttle;
    login.password_cost = kCheapPasswordCost;
    AddSessionRoutes(router, login);
    AddServiceRoutes(router, service);
  }

  HttpResponse PostSession(const std::string& login_name, const std::string& password,
                           const boost::asio::ip::address& client = {}) {
    HttpRequest request{http::verb::post, "/api/session", 11};
    request.set(http::field::content_type, "application/json");
    request.body() = json{{"login", login_name}, {"password", password}}.dump();
    request.prepare_payload();
    return router.Handle(request, client);
  }
  HttpRequest WithCookie(http::verb method, const std::string& target, const std::string& cookie) {
    HttpRequest request{method, target, 11};
    request.set(http::field::cookie, cookie.substr(0, cookie.find(';')));
    return request;
  }

  FakeSteadyClock clock;
  LoginThrottle throttle{LoginLimits{}, clock.Function()};
  WebLoginAccess login;
  ServiceContext service{&readers, nullptr, [this] { return *now; }};
};

}  // namespace

TEST_CASE("LoginThrottle: five failures per login and address per 15 minutes, then Retry-After",
          "[api]") {
  FakeSteadyClock clock;
  LoginThrottle throttle(LoginLimits{}, clock.Function());
  for (int i = 0; i < 5; ++i) {
    CHECK(throttle.TryAttempt("zj-reviewer", kClient) == seconds(0));
    clock.now += minutes(1);
  }
  // The first failure was 5 minutes ago: 10 more minutes to wait.
  CHECK(throttle.TryAttempt("zj-reviewer", kClient) == minutes(10));
  CHECK(throttle.TryAttempt("bj-reviewer", kClient) == seconds(0));  // logins are counted apart
  clock.now += minutes(10);
  CHECK(throttle.TryAttempt("zj-reviewer", kClient) == seconds(0));  // the oldest left the window
  CHECK(throttle.TryAttempt("zj-reviewer", kClient) > seconds(0));

  SECTION("a success forgets the failures of that login from that address") {
    throttle.Succeeded("zj-reviewer", kClient);
    for (int i = 0; i < 5; ++i) CHECK(throttle.TryAttempt("zj-reviewer", kClient) == seconds(0));
    CHECK(throttle.TryAttempt("zj-reviewer", kClient) > seconds(0));
  }
  SECTION("a withdrawn attempt does not count") {
    clock.now += minutes(1);  // four failures left in the window
    CHECK(throttle.TryAttempt("zj-reviewer", kClient) == seconds(0));
    throttle.Withdrawn("zj-reviewer", kClient);
    CHECK(throttle.TryAttempt("zj-reviewer", kClient) == seconds(0));
    CHECK(throttle.TryAttempt("zj-reviewer", kClient) > seconds(0));
  }
  SECTION("the wait is never under a second") {
    clock.now += minutes(1) - std::chrono::milliseconds(1);
    CHECK(throttle.TryAttempt("zj-reviewer", kClient) == seconds(1));
  }
}

TEST_CASE(
    "LoginThrottle: five wrong passwords from one address no longer lock the login out from "
    "another (conac locked out from anywhere)",
    "[api]") {
  FakeSteadyClock clock;
  LoginThrottle throttle(LoginLimits{}, clock.Function());
  const auto attacker = boost::asio::ip::make_address("198.51.100.7");
  for (int i = 0; i < 5; ++i) CHECK(throttle.TryAttempt("conac", attacker) == seconds(0));
  CHECK(throttle.TryAttempt("conac", attacker) == minutes(15));
  CHECK(throttle.TryAttempt("conac", kClient) == seconds(0));  // the administrator's own address
}

TEST_CASE("LoginThrottle: twenty failures per address, whatever the logins", "[api]") {
  FakeSteadyClock clock;
  LoginThrottle throttle(LoginLimits{}, clock.Function());
  const auto flooder = boost::asio::ip::make_address("198.51.100.7");
  for (int i = 0; i < 20; ++i) {
    CHECK(throttle.TryAttempt("login-" + std::to_string(i), flooder) == seconds(0));
    clock.now += seconds(1);
  }
  CHECK(throttle.TryAttempt("login-20", flooder) == minutes(15) - seconds(20));
  CHECK(throttle.TryAttempt("login-20", kClient) == seconds(0));  // other addresses are not held
  SECTION("IPv6 addresses are counted by their /64") {
    LoginThrottle v6(LoginLimits{}, clock.Function());
    for (int i = 0; i < 20; ++i) {
      const auto address = boost::asio::ip::make_address("2001:db8:1:2::" + std::to_string(i + 1));
      CHECK(v6.TryAttempt("login-" + std::to_string(i), address) == seconds(0));
    }
    CHECK(v6.TryAttempt("x", boost::asio::ip::make_address("2001:db8:1:2:ffff::1")) > seconds(0));
    CHECK(v6.TryAttempt("x", boost::asio::ip::make_address("2001:db8:1:3::1")) == seconds(0));
  }
}

TEST_CASE(
    "LoginThrottle: one login failing from many addresses backs off up to 30 s, never locks out",
    "[api]") {
  FakeSteadyClock clock;
  LoginThrottle throttle(LoginLimits{}, clock.Function());
  const auto address = [](int i) {
    return boost::asio::ip::make_address("198.51.100." + std::to_string(i + 1));
  };
  const auto known = boost::asio::ip::make_address("192.0.2.99");
  REQUIRE(throttle.TryAttempt("conac", known) == seconds(0));
  throttle.Succeeded("conac", known);  // the administrator logged in from here before
  for (int i = 0; i < 10; ++i) CHECK(throttle.TryAttempt("conac", address(i)) == seconds(0));
  // Past 10 failures, each attempt waits 1, 2, 4, 8, 16, then 30 s after the last one.
  std::vector<seconds> waits;
  for (int i = 10; i < 20; ++i) {
    const seconds wait = throttle.TryAttempt("conac", address(i));
    REQUIRE(wait > seconds(0));
    waits.push_back(wait);
    clock.now += wait;
    REQUIRE(throttle.TryAttempt("conac", address(i)) == seconds(0));
  }
  CHECK(waits == std::vector<seconds>{seconds(1), seconds(2), seconds(4), seconds(8), seconds(16),
                                      seconds(30), seconds(30), seconds(30), seconds(30),
                                      seconds(30)});
  // A new address waits at most the back-off; the known one does not wait at all.
  CHECK(throttle.TryAttempt("conac", kClient) == seconds(30));
  CHECK(throttle.TryAttempt("conac", known) == seconds(0));
  CHECK(throttle.TryAttempt("other-login", kClient) == seconds(0));
}

TEST_CASE("WebLogin: LogIn starts a session whose cookie authenticates", "[api]") {
  LoginApi api;
  const WebLoginResult result = LogIn(api.login, kAgencyLogin, kAgencyPassword, kClient);
  REQUIRE(result.outcome == Outcome::kLoggedIn);
  CHECK(result.actor.account_id == api.agency.account_id);
  CHECK_THAT(result.set_cookie,
             Catch::Matches("bw_session=bws_[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; "
                            "Max-Age=28800"));
  CHECK_THAT(result.csrf_token, Catch::Matches("[0-9a-f]{64}"));
  const HttpResponse me =
      api.router.Handle(api.WithCookie(http::verb::get, "/api/me", result.set_cookie));
  REQUIRE(me.result() == http::status::ok);
  CHECK(json::parse(me.body())["unit_id"] == api.agency.unit_id);

  SECTION("with --secure-cookies the cookie is Secure") {
    api.login.secure_cookies = true;
    CHECK_THAT(LogIn(api.login, kAgencyLogin, kAgencyPassword, kClient).set_cookie,
               Catch::EndsWith("; SameSite=Strict; Secure; Max-Age=28800"));
  }
  SECTION("LogOut ends the session and clears the cookie") {
    const std::string cleared =
        LogOut(api.login, api.WithCookie(http::verb::post, "/logout", result.set_cookie));
    CHECK(cleared == "bw_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    CHECK(
        api.router.Handle(api.WithCookie(http::verb::get, "/api/me", result.set_cookie)).result() ==
        http::status::unauthorized);
    // Without a cookie there is nothing to end, and the cookie is cleared all the same.
    CHECK(LogOut(api.login, HttpRequest{http::verb::post, "/logout", 11}) == cleared);
  }
}

TEST_CASE("WebLogin: unknown login, no password and wrong password answer alike", "[api]") {
  LoginApi api;
  const HttpResponse unknown = api.PostSession("no-such-login", kAgencyPassword);
  const HttpResponse unset = api.PostSession("zju", kAgencyPassword);  // registered, no password
  const HttpResponse wrong = api.PostSession(kAgencyLogin, std::string(kAgencyPassword) + "!");
  for (const HttpResponse* response : {&unknown, &unset, &wrong}) {
    CHECK(response->result() == http::status::unauthorized);
    CHECK(response->body() == unknown.body());
    CHECK(response->count(http::field::set_cookie) == 0);
  }
  CHECK(json::parse(unknown.body()) == json{{"error", "登录名或密码错误。"},
                                            {"code", "permission-denied"},
                                            {"reason", "bad-login"}});
  CHECK(LogIn(api.login, "no-such-login", kAgencyPassword, kClient).outcome ==
        Outcome::kBadCredentials);

  SECTION("a malformed body is 400") {
    HttpRequest request{http::verb::post, "/api/session", 11};
    request.set(http::field::content_type, "application/json");
    request.body() = R"({"login": kAgencyLogin})";
    request.prepare_payload();
    CHECK(api.router.Handle(request).result() == http::status::bad_request);
  }
}

TEST_CASE("WebLogin: POST /api/session answers the role and CSRF token, which writes need",
          "[api]") {
  LoginApi api;
  const HttpResponse ok = api.PostSession(kAgencyLogin, kAgencyPassword);
  REQUIRE(ok.result() == http::status::ok);
  const json body = json::parse(ok.body());
  CHECK(body["role"] == "unit");
  CHECK(body["account_id"] == api.agency.account_id);
  CHECK(body["expires_in"] == 8 * 3600);
  const std::string cookie(ok[http::field::set_cookie]);
  CHECK_THAT(cookie, Catch::Contains("; HttpOnly; SameSite=Strict"));
  CHECK(ok[http::field::cache_control] == "no-store");

  HttpRequest write = api.WithCookie(http::verb::post, "/api/sms-codes", cookie);
  write.set(http::field::content_type, "application/json");
  write.body() = R"({"mobile": "13912345678"})";
  write.prepare_payload();
  CHECK(api.router.Handle(write).result() == http::status::forbidden);
  write.set("X-CSRF-Token", body["csrf_token"].get<std::string>());
  CHECK(api.router.Handle(write).result() == http::status::created);

  SECTION("DELETE /api/session needs the CSRF token, then ends the session") {
    HttpRequest logout = api.WithCookie(http::verb::delete_, "/api/session", cookie);
    CHECK(api.router.Handle(logout).result() == http::status::forbidden);
    logout.set("X-CSRF-Token", body["csrf_token"].get<std::string>());
    const HttpResponse ended = api.router.Handle(logout);
    CHECK(ended.result() == http::status::no_content);
    CHECK_THAT(std::string(ended[http::field::set_cookie]), Catch::Contains("Max-Age=0"));
    CHECK(api.router.Handle(api.WithCookie(http::verb::get, "/api/me", cookie)).result() ==
          http::status::unauthorized);
    // Logging out again (the session is gone) still clears the cookie.
    CHECK(api.router.Handle(logout).result() == http::status::no_content);
  }
}

TEST_CASE("WebLogin: the sixth failure within 15 minutes is 429, even with the right password",
          "[api]") {
  LoginApi api;
  for (int i = 0; i < 5; ++i) {
    CHECK(api.PostSession(kAgencyLogin, "wrong password " + std::to_string(i)).result() ==
          http::status::unauthorized);
  }
  const HttpResponse throttled = api.PostSession(kAgencyLogin, kAgencyPassword);
  CHECK(throttled.result() == http::status::too_many_requests);
  CHECK(std::string(throttled[http::field::retry_after]) == "900");
  CHECK(throttled.count(http::field::set_cookie) == 0);
  // Other logins are not held back.
  CHECK(api.PostSession("no-such-login", kAgencyPassword).result() == http::status::unauthorized);
  api.clock.now += minutes(15);
  CHECK(api.PostSession(kAgencyLogin, kAgencyPassword).result() == http::status::ok);
}

TEST_CASE("WebLogin: a login flooded from address A still logs in from address B", "[api]") {
  LoginApi api;
  const auto attacker = boost::asio::ip::make_address("198.51.100.7");
  for (int i = 0; i < 8; ++i) api.PostSession(kAgencyLogin, "guess " + std::to_string(i), attacker);
  CHECK(api.PostSession(kAgencyLogin, kAgencyPassword, attacker).result() ==
        http::status::too_many_requests);
  CHECK(api.PostSession(kAgencyLogin, kAgencyPassword, kClient).result() == http::status::ok);
}

TEST_CASE("WebLogin: one address trying many logins is held after 20 failures", "[api]") {
  LoginApi api;
  const auto flooder = boost::asio::ip::make_address("198.51.100.7");
  for (int i = 0; i < 20; ++i) {
    CHECK(api.PostSession("login-" + std::to_string(i), kAgencyPassword, flooder).result() ==
          http::status::unauthorized);
  }
  const HttpResponse held = api.PostSession(kAgencyLogin, kAgencyPassword, flooder);
  CHECK(held.result() == http::status::too_many_requests);
  CHECK(std::string(held[http::field::retry_after]) == "900");
  CHECK_THAT(json::parse(held.body())["error"].get<std::string>(),
             Catch::Contains("登录失败次数过多"));
  CHECK(api.PostSession(kAgencyLogin, kAgencyPassword, kClient).result() == http::status::ok);
}

TEST_CASE(
    "WebLogin: refused and throttled logins are logged, the login escaped, never the password",
    "[api]") {
  auto captured = std::make_shared<std::ostringstream>();
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "captured", std::make_shared<spdlog::sinks::ostream_sink_mt>(*captured)));
  {
    LoginApi api;
    const std::string hostile = "hz-edu\n[info] login: admin logged in";
    for (int i = 0; i < 5; ++i) {
      CHECK(api.PostSession(kAgencyLogin, "wrong password " + std::to_string(i)).result() ==
            http::status::unauthorized);
    }
    CHECK(api.PostSession(kAgencyLogin, kAgencyPassword).result() ==
          http::status::too_many_requests);
    CHECK(api.PostSession(hostile, "secret guess").result() == http::status::unauthorized);
    CHECK(api.PostSession("no-such-login", kAgencyPassword).result() == http::status::unauthorized);
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured->str();
  INFO(log);
  CHECK_THAT(log, Catch::Contains(R"(login: "hz-edu" refused: wrong login or password)"));
  CHECK_THAT(log, Catch::Contains(R"(login: "hz-edu" from 0.0.0.0 throttled for 900 s)"));
  CHECK_THAT(log, Catch::Contains(R"(login: "no-such-login" refused)"));
  // The caller's newline stays escaped: one log line per attempt, none forged.
  CHECK_THAT(log, Catch::Contains(R"("hz-edu\n[info] login: admin logged in" refused)"));
  CHECK(std::count(log.begin(), log.end(), '\n') == 8);
  CHECK(log.find("wrong password") == std::string::npos);
  CHECK(log.find("secret guess") == std::string::npos);
  CHECK(log.find(kAgencyPassword) == std::string::npos);
}

namespace {

// The router of `api` behind a real HttpServer on 127.0.0.1, its loop on a thread.
struct LoopbackServer {
  explicit LoopbackServer(LoginApi& api)
      : server(
            io, workers.get_executor(),
            [&api](const HttpRequest& r, const boost::asio::ip::address& client) {
              return api.router.Handle(r, client);
            },
            HttpServerOptions{}) {
    REQUIRE(
        server.Listen(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0))
            .empty());
    loop = std::thread([this] { io.run(); });
  }
  ~LoopbackServer() {
    boost::asio::post(io, [this] { server.Stop(); });
    loop.join();
    workers.join();
  }

  boost::asio::io_context io;
  boost::asio::thread_pool workers{2};
  HttpServer server;
  std::thread loop;
};

void SendLogin(RawHttpConnection& connection, const std::string& login_name,
               const std::string& password) {
  const std::string body = json{{"login", login_name}, {"password", password}}.dump();
  connection.Send(
      "POST /api/session HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
}

}  // namespace

TEST_CASE("WebLogin: over a real loopback server the cookie logs the browser in and out", "[api]") {
  LoginApi api;
  LoopbackServer loopback(api);
  RawHttpConnection connection(loopback.server.local_endpoint());
  SendLogin(connection, kAgencyLogin, kAgencyPassword);
  const auto logged_in = connection.ReadResponse();
  REQUIRE(logged_in);
  REQUIRE(logged_in->result() == http::status::ok);
  const std::string set_cookie(logged_in->at(http::field::set_cookie));
  CHECK_THAT(set_cookie, Catch::Contains("; HttpOnly; SameSite=Strict"));
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string csrf = json::parse(logged_in->body())["csrf_token"];

  connection.SendGet("/api/me", "Cookie: " + cookie + "\r\n");
  const auto me = connection.ReadResponse();
  REQUIRE(me);
  CHECK(me->result() == http::status::ok);
  connection.Send("DELETE /api/session HTTP/1.1\r\nHost: t\r\nCookie: " + cookie +
                  "\r\nX-CSRF-Token: " + csrf + "\r\n\r\n");
  const auto logged_out = connection.ReadResponse();
  REQUIRE(logged_out);
  CHECK(logged_out->result() == http::status::no_content);
  connection.SendGet("/api/me", "Cookie: " + cookie + "\r\n");
  const auto after = connection.ReadResponse();
  REQUIRE(after);
  CHECK(after->result() == http::status::unauthorized);
}

TEST_CASE(
    "WebLogin: while every password slot is busy a login is 503 at once and the API still "
    "answers (a login flood starved the API)",
    "[api]") {
  LoginApi api;
  PasswordSlots slots(1);
  api.login.password_slots = &slots;
  const WebLoginResult signed_in = LogIn(api.login, kAgencyLogin, kAgencyPassword, kClient);
  REQUIRE(signed_in.outcome == Outcome::kLoggedIn);
  const std::string cookie = signed_in.set_cookie.substr(0, signed_in.set_cookie.find(';'));
  LoopbackServer loopback(api);
  RawHttpConnection connection(loopback.server.local_endpoint());

  std::optional<PasswordSlots::Slot> check_in_progress = slots.TryAcquire();
  REQUIRE(check_in_progress);
  SendLogin(connection, kAgencyLogin, kAgencyPassword);
  const auto busy = connection.ReadResponse();
  REQUIRE(busy);
  CHECK(busy->result() == http::status::service_unavailable);
  CHECK(std::string((*busy)[http::field::retry_after]) == "1");
  CHECK_THAT(json::parse(busy->body())["error"].get<std::string>(),
             Catch::Contains("登录人数较多"));
  connection.SendGet("/api/me", "Cookie: " + cookie + "\r\n");
  const auto me = connection.ReadResponse();
  REQUIRE(me);
  CHECK(me->result() == http::status::ok);

  check_in_progress.reset();
  SendLogin(connection, kAgencyLogin, kAgencyPassword);
  const auto logged_in = connection.ReadResponse();
  REQUIRE(logged_in);
  CHECK(logged_in->result() == http::status::ok);
  CHECK(slots.busy() == 0);
}
