// The site-application API through the router, on a real registry file:
// the whole review path, and who may see and do what (a record the caller
// may not see is 404, never 200; a step its role may not take is 403).
#include <catch2/catch.hpp>
#include <string>

#include "api/service/sms_code_gate.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::SmsCodeGate;
using badgewatch::api::SmsCodePolicy;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

}  // namespace

TEST_CASE("ApplicationApi: SMS code, submit, reject, resubmit, pass, materials, badge",
          "[api][registry]") {
  RegistryApi api;
  // The handler's mobile, confirmed through the API.
  HttpResponse sms =
      api.Call("agency", http::verb::post, "/api/sms-codes", R"({"mobile": "13912345678"})");
  REQUIRE(sms.result() == http::status::created);
  const auto verification = json::parse(sms.body())["verification_id"].get<std::int64_t>();
  const std::string confirm = "/api/sms-codes/" + std::to_string(verification) + "/confirmation";
  CHECK(api.Call("agency", http::verb::post, confirm, R"({"code": "000000x"})").result() ==
        http::status::bad_request);
  CHECK(api.Call("agency", http::verb::post, confirm,
                 json{{"code", api.LastSmsCode("13912345678")}}.dump())
            .result() == http::status::ok);

  const std::int64_t id = api.Submit("杭州市教育局");
  const std::string target = "/api/applications/" + std::to_string(id);
  const std::string decisions = target + "/decisions";

  HttpResponse reject_without_reason =
      api.Call("reviewer33", http::verb::post, decisions, R"({"action": "regional-reject"})");
  CHECK(reject_without_reason.result() == http::status::bad_request);

  HttpResponse rejected =
      api.Call("reviewer33", http::verb::post, decisions,
               R"({"action": "regional-reject", "reason": "网站名称与标题不符"})");
  REQUIRE(rejected.result() == http::status::ok);
  CHECK(json::parse(rejected.body())["state"] == "rejected");

  HttpResponse resubmitted =
      api.Call("agency", http::verb::put, target, api.FormJson("杭州市教育局").dump());
  REQUIRE(resubmitted.result() == http::status::ok);

  for (const char* action : {"regional-pass", "materials-received", "issue-badge"}) {
    INFO(action);
    const std::string who = std::string(action) == "issue-badge" ? "conac" : "reviewer33";
    HttpResponse step = api.Call(who, http::verb::post, decisions, json{{"action", action}}.dump());
    REQUIRE(step.result() == http::status::ok);
  }
  HttpResponse shown = api.Call("agency", http::verb::get, target);
  REQUIRE(shown.result() == http::status::ok);
  const json body = json::parse(shown.body());
  CHECK(body["state"] == "badge-issued");
  CHECK(body["revision"] == 2);
  CHECK(body["site_id"].is_number_integer());
  CHECK(body["form"]["name"] == "杭州市教育局");
  REQUIRE(body["history"].size() >= 5);
  CHECK(body["history"][1]["reason"] == "网站名称与标题不符");
}

TEST_CASE("ApplicationApi: who may see and do what", "[api][registry]") {
  RegistryApi api;
  const std::int64_t id = api.Submit("杭州市教育局");
  const std::string target = "/api/applications/" + std::to_string(id);
  const std::string decisions = target + "/decisions";

  SECTION("reading one application") {
    CHECK(api.Call("agency", http::verb::get, target).result() == http::status::ok);
    CHECK(api.Call("reviewer33", http::verb::get, target).result() == http::status::ok);
    CHECK(api.Call("conac", http::verb::get, target).result() == http::status::ok);
    CHECK(api.Call("other_agency", http::verb::get, target).result() == http::status::not_found);
    CHECK(api.Call("reviewer11", http::verb::get, target).result() == http::status::not_found);
    CHECK(api.Call("conac", http::verb::get, "/api/applications/999").result() ==
          http::status::not_found);
    CHECK(api.Call("conac", http::verb::get, "/api/applications/x").result() ==
          http::status::not_found);
  }
  SECTION("listing") {
    const auto count = [&](const std::string& who) {
      return json::parse(api.Call(who, http::verb::get, "/api/applications").body())["applications"]
          .size();
    };
    CHECK(count("agency") == 1);
    CHECK(count("reviewer33") == 1);
    CHECK(count("conac") == 1);
    CHECK(count("other_agency") == 0);
    CHECK(count("reviewer11") == 0);
  }
  SECTION("deciding") {
    const std::string pass = R"({"action": "regional-pass"})";
    CHECK(api.Call("reviewer11", http::verb::post, decisions, pass).result() ==
          http::status::not_found);
    CHECK(api.Call("other_agency", http::verb::post, decisions, pass).result() ==
          http::status::not_found);
    CHECK(api.Call("agency", http::verb::post, decisions, pass).result() ==
          http::status::forbidden);
    CHECK(api.Call("conac", http::verb::post, decisions, R"({"action": "issue-badge"})").result() ==
          http::status::conflict);
    CHECK(api.Call("reviewer33", http::verb::post, decisions, R"({"action": "launch"})").result() ==
          http::status::bad_request);
    CHECK(api.Call("reviewer33", http::verb::post, decisions, pass).result() == http::status::ok);
  }
  SECTION("editing someone else's application") {
    CHECK(api.Call("other_agency", http::verb::put, target, api.FormJson("别人的网站").dump())
              .result() == http::status::not_found);
  }
  // Whatever was refused above changed nothing.
  const json after = json::parse(api.Call("conac", http::verb::get, target).body());
  CHECK(after["revision"] == 1);
}

TEST_CASE("ApplicationApi: fields a caller may not set, and bad bodies, change nothing",
          "[api][registry]") {
  RegistryApi api;
  json form = api.FormJson("杭州市教育局");
  const auto submit = [&](const std::string& body, const std::string& type = "application/json") {
    return api.Call("agency", http::verb::post, "/api/applications", body, type);
  };
  for (const char* field : {"state", "region", "unit_id", "reviewer"}) {
    INFO(field);
    json forged = form;
    forged[field] = "badge-issued";
    const HttpResponse response = submit(forged.dump());
    CHECK(response.result() == http::status::bad_request);
    CHECK(json::parse(response.body())["error"] ==
          "此处不能设置字段“" + std::string(field) + "”。");
  }
  CHECK(submit("{\"name\": ").result() == http::status::bad_request);
  CHECK(submit("[1, 2]").result() == http::status::bad_request);
  CHECK(submit(form.dump(), "text/plain").result() == http::status::unsupported_media_type);
  json wrong_type = form;
  wrong_type["ips"] = "10.0.0.1";
  CHECK(json::parse(submit(wrong_type.dump()).body())["error"] == "字段“ips”必须是字符串数组。");
  json bad_ip = form;
  bad_ip["ips"] = {"10.0.0.300"};
  CHECK(submit(bad_ip.dump()).result() == http::status::bad_request);
  CHECK(json::parse(api.Call("conac", http::verb::get, "/api/applications").body())["applications"]
            .empty());
}

TEST_CASE(
    "ApplicationApi: SMS codes past a limit are 429 with Retry-After and a Chinese message, "
    "also per client address (codes to 40 mobiles from one account)",
    "[api][registry]") {
  RegistryApi api;
  const auto sms = [&](const boost::asio::ip::address& client, const std::string& who,
                       const std::string& mobile) {
    return api.CallFrom(client, who, http::verb::post, "/api/sms-codes",
                        json{{"mobile", mobile}}.dump());
  };
  const auto client = boost::asio::ip::make_address("198.51.100.7");
  SECTION("the registry's defaults: one a minute per mobile, five an hour per account") {
    REQUIRE(sms(client, "agency", "13912345678").result() == http::status::created);
    const HttpResponse again = sms(client, "agency", "13912345678");
    CHECK(again.result() == http::status::too_many_requests);
    CHECK(std::string(again[http::field::retry_after]) == "60");
    CHECK(json::parse(again.body())["error"] ==
          "该手机号每分钟只能获取一次验证码，请 60 秒后再试。");
    for (int i = 0; i < 4; ++i) {
      CHECK(sms(client, "agency", "1391234560" + std::to_string(i)).result() ==
            http::status::created);
    }
    const HttpResponse sixth = sms(client, "agency", "13912345699");
    CHECK(sixth.result() == http::status::too_many_requests);
    CHECK(std::string(sixth[http::field::retry_after]) == "3600");
  }
  SECTION("per client address, whatever the accounts") {
    SmsCodePolicy policy;
    policy.per_address_per_day = 2;
    SmsCodeGate gate(policy);
    api.access.sms_codes = &gate;
    CHECK(sms(client, "agency", "13912345600").result() == http::status::created);
    CHECK(sms(client, "other_agency", "13912345601").result() == http::status::created);
    const HttpResponse third = sms(client, "other_agency", "13912345602");
    CHECK(third.result() == http::status::too_many_requests);
    CHECK(std::string(third[http::field::retry_after]) == "86400");
    CHECK_THAT(json::parse(third.body())["error"].get<std::string>(),
               Catch::StartsWith("当前网络获取验证码的次数已达上限"));
    const auto elsewhere = boost::asio::ip::make_address("203.0.113.9");
    CHECK(sms(elsewhere, "other_agency", "13912345602").result() == http::status::created);
  }
}

TEST_CASE("ApplicationApi: paper materials rejected after the initial pass, the unit withdraws",
          "[api][registry]") {
  RegistryApi api;
  const std::int64_t id = api.Submit("杭州市教育局");
  const std::string target = "/api/applications/" + std::to_string(id);
  const std::string decisions = target + "/decisions";
  REQUIRE(api.Call("reviewer33", http::verb::post, decisions, R"({"action": "regional-pass"})")
              .result() == http::status::ok);
  HttpResponse rejected =
      api.Call("reviewer33", http::verb::post, decisions,
               R"({"action": "materials-reject", "reason": "材料不全：缺少申请表"})");
  REQUIRE(rejected.result() == http::status::ok);
  CHECK(json::parse(rejected.body())["state"] == "rejected");
  CHECK(json::parse(rejected.body())["opening_type"] == "new");

  CHECK(api.Call("reviewer33", http::verb::post, decisions, R"({"action": "withdraw"})").result() ==
        http::status::forbidden);
  HttpResponse withdrawn =
      api.Call("agency", http::verb::post, decisions, R"({"action": "withdraw"})");
  REQUIRE(withdrawn.result() == http::status::ok);
  CHECK(json::parse(withdrawn.body())["state"] == "withdrawn");
  CHECK(api.Call("agency", http::verb::put, target, api.FormJson("杭州市教育局").dump()).result() ==
        http::status::conflict);

  const json shown = json::parse(api.Call("reviewer33", http::verb::get, target).body());
  CHECK(shown["unit"]["handler_name"] == "王经办");
  CHECK(shown["unit"]["kind"] == "party-government");
  CHECK(shown["domain_conflicts"].empty());
  CHECK(shown["history"].back()["action"] == "withdraw");
}
