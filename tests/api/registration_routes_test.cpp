// Self-registration over the API: a unit registers with a password and can
// then log in; weak passwords, bad fields, fields nobody may set, taken names
// and the server-wide cap are refused with nothing written.
#include "api/service/registration_routes.h"

#include <catch2/catch.hpp>
#include <string>

#include "registry/passwords.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::AddRegistrationRoutes;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::RegistrationAccess;
using badgewatch::api::RegistrationLimit;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

struct RegistrationApi : RegistryApi {
  explicit RegistrationApi(std::size_t max = 10) : limit(max, std::chrono::minutes(10)) {
    AddRegistrationRoutes(router, registration);
  }
  // POST /api/registrations without any credentials.
  HttpResponse Register(const json& body) {
    HttpRequest request{http::verb::post, "/api/registrations", 11};
    request.set(http::field::content_type, "application/json");
    request.body() = body.dump();
    request.prepare_payload();
    return router.Handle(request);
  }
  std::int64_t Accounts() {
    auto s = registry->writer().Prepare("SELECT count(*) FROM accounts");
    REQUIRE(s->Step().value());
    return s->Int(0);
  }

  RegistrationLimit limit;
  RegistrationAccess registration{access, &limit, {.log2_n = 10, .r = 8, .p = 1}};
};

json Form(const std::string& login, const std::string& name) {
  return {{"kind", "事业单位"},
          {"region", "33"},
          {"system_category", "教育"},
          {"name", name},
          {"address", "浙江省杭州市西湖区余杭塘路866号"},
          {"handler_name", "李经办"},
          {"mobile", "13900139000"},
          {"email", "web@zju.example.edu.cn"},
          {"login", login},
          {"password", "correct horse battery"}};
}

}  // namespace

TEST_CASE("RegistrationApi: a unit registers itself and can log in with its password",
          "[api][registry]") {
  RegistrationApi api;
  HttpResponse created = api.Register(Form("zju-web", "温州大学"));
  REQUIRE(created.result() == http::status::created);
  const json body = json::parse(created.body());
  CHECK(std::string(created[http::field::location]) ==
        "/api/units/" + std::to_string(body["unit_id"].get<std::int64_t>()));
  auto actor = badgewatch::registry::VerifyLogin(api.registry->writer(), "zju-web",
                                                 "correct horse battery", {.log2_n = 10});
  REQUIRE(actor.ok());
  CHECK(actor->account_id == body["account_id"]);
  CHECK(actor->unit_id == body["unit_id"]);

  // One transaction wrote the unit, the account and its password: one audit
  // entry by the new account, none by anyone else, and the password's time set.
  auto audit = api.registry->writer().Prepare(
      "SELECT actor, action, detail FROM audit_log ORDER BY id DESC LIMIT 1");
  REQUIRE(audit->Step().value());
  CHECK(audit->Text(0) == "account:" + std::to_string(body["account_id"].get<std::int64_t>()) +
                              " (unit " + std::to_string(body["unit_id"].get<std::int64_t>()) +
                              ")");
  CHECK(audit->Text(1) == "unit.register");
  CHECK_THAT(audit->Text(2), Catch::EndsWith("; with a web password"));
  auto set_at = api.registry->writer().Prepare(
      "SELECT password_set_at IS NOT NULL FROM accounts WHERE login = 'zju-web'");
  REQUIRE(set_at->Step().value());
  CHECK(set_at->Int(0) == 1);
}

TEST_CASE("RegistrationApi: bad forms are refused and write nothing", "[api][registry]") {
  RegistrationApi api;
  const std::int64_t before = api.Accounts();
  json weak = Form("zju-web", "浙江大学");
  weak["password"] = "short";
  json same_as_login = Form("zju-web-login", "浙江大学");
  same_as_login["password"] = "zju-web-login";
  json role = Form("zju-web", "浙江大学");
  role["role"] = "conac";  // nobody may choose their role
  json region = Form("zju-web", "浙江大学");
  region["region"] = "99";
  json kind = Form("zju-web", "浙江大学");
  kind["kind"] = "company";
  json missing = Form("zju-web", "浙江大学");
  missing.erase("mobile");
  for (const json& form : {weak, same_as_login, role, region, kind, missing}) {
    CAPTURE(form.dump());
    HttpResponse refused = api.Register(form);
    CHECK(refused.result() == http::status::bad_request);
    CHECK(json::parse(refused.body()).contains("error"));
  }
  CHECK(api.Register(Form("hz-edu", "另一个单位")).result() == http::status::conflict);  // login
  CHECK(api.Register(Form("new-login", "杭州市教育局")).result() ==
        http::status::conflict);  // name
  CHECK(api.Register(Form("newer-login", "宁波大学")).result() == http::status::created);
  CHECK(api.Register(Form("newest-login", "宁波大学")).result() == http::status::conflict);
  CHECK(api.Accounts() == before + 1);
}

TEST_CASE("RegistrationApi: the server-wide cap answers 429 with Retry-After", "[api]") {
  RegistrationApi api(2);
  CHECK(api.Register(Form("unit-one", "单位一")).result() == http::status::created);
  CHECK(api.Register(Form("unit-two", "单位二")).result() == http::status::created);
  HttpResponse refused = api.Register(Form("unit-three", "单位三"));
  CHECK(refused.result() == http::status::too_many_requests);
  const int retry = std::stoi(std::string(refused[http::field::retry_after]));
  CHECK(retry >= 1);
  CHECK(retry <= 600);

  RegistrationLimit limit(1, std::chrono::seconds(60));
  const auto t0 = RegistrationLimit::Clock::time_point{} + std::chrono::hours(1);
  CHECK(limit.TryAcquire(t0) == RegistrationLimit::Clock::duration::zero());
  CHECK(limit.TryAcquire(t0 + std::chrono::seconds(20)) == std::chrono::seconds(40));
  CHECK(limit.TryAcquire(t0 + std::chrono::seconds(60)) ==
        RegistrationLimit::Clock::duration::zero());
}

TEST_CASE("RegistrationApi: failed registrations give their place in the cap back", "[api]") {
  RegistrationApi api(2);
  json bad_mobile = Form("bad-mobile", "单位甲");
  bad_mobile["mobile"] = "123";
  json bad_email = Form("bad-email", "单位乙");
  bad_email["email"] = "not-an-address";
  for (int round = 0; round < 3; ++round) {  // more failures than the cap holds
    CHECK(api.Register(bad_mobile).result() == http::status::bad_request);
    CHECK(api.Register(bad_email).result() == http::status::bad_request);
    CHECK(api.Register(Form("hz-edu", "另一个单位")).result() == http::status::conflict);
  }
  CHECK(api.Register(Form("unit-one", "单位一")).result() == http::status::created);
  CHECK(api.Register(Form("unit-one", "单位一")).result() == http::status::conflict);
  CHECK(api.Register(Form("unit-two", "单位二")).result() == http::status::created);
  CHECK(api.Register(Form("unit-three", "单位三")).result() == http::status::too_many_requests);

  RegistrationLimit limit(1, std::chrono::seconds(60));
  const auto t0 = RegistrationLimit::Clock::time_point{} + std::chrono::hours(1);
  REQUIRE(limit.TryAcquire(t0) == RegistrationLimit::Clock::duration::zero());
  limit.Release(t0 + std::chrono::seconds(1));  // not one that was counted: nothing
  CHECK(limit.TryAcquire(t0 + std::chrono::seconds(2)) == std::chrono::seconds(58));
  limit.Release(t0);
  CHECK(limit.TryAcquire(t0 + std::chrono::seconds(3)) ==
        RegistrationLimit::Clock::duration::zero());
}
