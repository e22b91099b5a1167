// Registration and account care over the API, through the whole server:
// the region and category lists, every field error of a registration at
// once, a unit correcting its contact details, changing a password, resetting
// it by an SMS code (never telling whether a login exists), and staff giving a
// unit a new password.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "api/app/serve_app.h"
#include "registry/outbox.h"
#include "registry/passwords.h"
#include "tests/api/served_api_fixture.h"

namespace {

using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::ServeAppSettings;
using badgewatch::api::testing::ServedApi;
namespace http = boost::beast::http;
using nlohmann::json;

constexpr badgewatch::registry::PasswordCost kCheap{.log2_n = 10, .r = 8, .p = 1};

struct AccountApi : ServedApi {
  AccountApi() : ServedApi(Settings()) {}
  static ServeAppSettings Settings() {
    ServeAppSettings settings;
    settings.password_cost = kCheap;
    settings.sms_codes.per_address_per_day = 4;
    return settings;
  }
  // A request without credentials from `client`.
  HttpResponse Anonymous(http::verb method, const std::string& target, const json& body = {},
                         const std::string& client = "127.0.0.1") {
    HttpRequest request{method, target, 11};
    if (!body.is_null()) {
      request.set(http::field::content_type, "application/json");
      request.body() = body.dump();
      request.prepare_payload();
    }
    return app->router().Handle(request, boost::asio::ip::make_address(client));
  }
  std::int64_t OutboxRows() { return badgewatch::registry::ListOutbox(registry->writer())->size(); }
};

json RegistrationJson(const std::string& login, const std::string& name) {
  return {{"kind", "党政机关"},
          {"region", "330102"},
          {"system_category", "政府"},
          {"name", name},
          {"address", "浙江省杭州市上城区解放路 1 号"},
          {"handler_name", "钱经办"},
          {"mobile", "13700137777"},
          {"email", "office@sc.example.gov.cn"},
          {"login", login},
          {"password", "a long enough password"}};
}

TEST_CASE("AccountApi: the regions and system categories a registration chooses from", "[api]") {
  AccountApi api;
  const HttpResponse tree = api.Anonymous(http::verb::get, "/api/regions");
  REQUIRE(tree.result() == http::status::ok);
  const json regions = json::parse(tree.body())["regions"];
  CHECK(regions.size() == 32);
  const auto zhejiang = std::find_if(regions.begin(), regions.end(),
                                     [](const json& r) { return r["code"] == "330000"; });
  REQUIRE(zhejiang != regions.end());
  CHECK((*zhejiang)["name"] == "浙江省");
  CHECK((*zhejiang)["level"] == "province");
  CHECK((*zhejiang)["children"][0]["name"] == "杭州市");
  CHECK((*zhejiang)["children"][0]["children"][0]["code"] == "330102");
  CHECK((*zhejiang)["children"][0]["children"][0]["level"] == "county");

  const json hangzhou =
      json::parse(api.Anonymous(http::verb::get, "/api/regions?parent=330100").body());
  CHECK(hangzhou["regions"][0] ==
        json{{"code", "330102"}, {"name", "上城区"}, {"level", "county"}});
  CHECK(json::parse(api.Anonymous(http::verb::get, "/api/regions?parent=").body())["regions"]
            .size() == 32);
  const json categories =
      json::parse(api.Anonymous(http::verb::get, "/api/system-categories").body());
  CHECK(categories["system_categories"].size() == 14);
  CHECK(categories["system_categories"].back() == "其他");
}

TEST_CASE("AccountApi: a registration answers every field error at once", "[api]") {
  AccountApi api;
  json bad = RegistrationJson("x", std::string(303, 'a'));  // 101+ characters
  bad["mobile"] = "12345";
  bad["email"] = "nobody";
  bad["region"] = "339999";
  const std::int64_t outbox = api.OutboxRows();
  const HttpResponse refused = api.Anonymous(http::verb::post, "/api/registrations", bad);
  CHECK(refused.result() == http::status::bad_request);
  const json body = json::parse(refused.body());
  REQUIRE(body["field_errors"].size() == 5);
  std::set<std::string> fields;
  std::map<std::string, std::string> reasons;
  for (const json& e : body["field_errors"]) {
    fields.insert(e["field"].get<std::string>());
    reasons[e["field"]] = e["reason"];
    const std::string message = e["message"];
    const bool chinese =
        message.find("最多") != std::string::npos || message.find("“") != std::string::npos;
    CHECK(chinese);  // Chinese by default
  }
  CHECK(fields == std::set<std::string>{"name", "mobile", "email", "region", "login"});
  CHECK(reasons["name"] == "field-too-long");
  CHECK(reasons["mobile"] == "mobile-invalid");
  CHECK(reasons["region"] == "region-unknown");
  CHECK(api.OutboxRows() == outbox);

  const HttpResponse created = api.Anonymous(http::verb::post, "/api/registrations",
                                             RegistrationJson("sc-edu", "杭州市上城区教育局"));
  REQUIRE(created.result() == http::status::created);
  const std::int64_t unit_id = json::parse(created.body())["unit_id"];
  // Told by SMS and e-mail; logs in at once.
  CHECK(api.OutboxRows() == outbox + 2);
  CHECK(api.Anonymous(http::verb::post, "/api/session",
                      {{"login", "sc-edu"}, {"password", "a long enough password"}})
            .result() == http::status::ok);
  const auto unit = badgewatch::registry::LoadUnit(api.registry->writer(), unit_id).value();
  CHECK(unit.fields.division_code == "330102");
  CHECK(unit.fields.region_code == "33");
  // The same name and login again: the form is right, both are taken.
  const HttpResponse again = api.Anonymous(http::verb::post, "/api/registrations",
                                           RegistrationJson("sc-edu", "杭州市上城区教育局"));
  CHECK(again.result() == http::status::conflict);
  CHECK(json::parse(again.body())["field_errors"].size() == 2);
}

TEST_CASE("AccountApi: a unit corrects its contact details, nobody else may", "[api]") {
  AccountApi api;
  const std::string target = "/api/units/" + std::to_string(api.agency.unit_id);
  const json contact = {{"address", "浙江省杭州市上城区中山南路 2 号"},
                        {"handler_name", "孙经办"},
                        {"mobile", "13600136666"},
                        {"email", "new@hz.example.gov.cn"}};
  CHECK(api.Call("reviewer33", http::verb::put, target, contact.dump()).result() ==
        http::status::forbidden);
  CHECK(api.Call("other_agency", http::verb::put, target, contact.dump()).result() ==
        http::status::not_found);
  json bad = contact;
  bad["mobile"] = "1";
  bad["email"] = "";
  const HttpResponse refused = api.Call("agency", http::verb::put, target, bad.dump());
  CHECK(refused.result() == http::status::bad_request);
  CHECK(json::parse(refused.body())["field_errors"].size() == 2);
  const HttpResponse updated = api.Call("agency", http::verb::put, target, contact.dump());
  REQUIRE(updated.result() == http::status::ok);
  CHECK(json::parse(updated.body())["address"] == "浙江省杭州市上城区中山南路 2 号");
  CHECK(json::parse(api.Call("agency", http::verb::get, target).body())["mobile"] == "13600136666");
}

TEST_CASE("AccountApi: a caller changes its own password", "[api]") {
  AccountApi api;
  REQUIRE(badgewatch::registry::SetPassword(*api.registry, api.agency.account_id,
                                            "the old password", kCheap)
              .ok());
  const auto change = [&](const std::string& current, const std::string& wanted) {
    return api.Call("agency", http::verb::post, "/api/me/password",
                    json{{"current_password", current}, {"new_password", wanted}}.dump());
  };
  CHECK(change("not the password", "the new password").result() == http::status::forbidden);
  CHECK(change("the old password", "short").result() == http::status::bad_request);
  CHECK(change("the old password", "the new password").result() == http::status::ok);
  auto& db = api.registry->writer();
  CHECK(badgewatch::registry::VerifyLogin(db, "hz-edu", "the new password", kCheap).ok());
  CHECK_FALSE(badgewatch::registry::VerifyLogin(db, "hz-edu", "the old password", kCheap).ok());
}

TEST_CASE("AccountApi: a password is reset by an SMS code without revealing any login", "[api]") {
  AccountApi api;
  const std::string mobile = "13800138000";  // the agency's registered mobile
  const std::int64_t outbox = api.OutboxRows();
  const HttpResponse unknown = api.Anonymous(http::verb::post, "/api/password-resets",
                                             {{"login", "nobody"}, {"mobile", mobile}});
  const HttpResponse other_mobile = api.Anonymous(http::verb::post, "/api/password-resets",
                                                  {{"login", "hz-edu"}, {"mobile", "13999999999"}});
  CHECK(api.OutboxRows() == outbox);  // neither sent anything
  const HttpResponse known = api.Anonymous(http::verb::post, "/api/password-resets",
                                           {{"login", "hz-edu"}, {"mobile", mobile}});
  CHECK(api.OutboxRows() == outbox + 1);
  for (const HttpResponse* r : {&unknown, &other_mobile, &known}) {
    CHECK(r->result() == http::status::accepted);
    CHECK(r->body() == known.body());
  }
  // The address's limit holds for every login alike (4 a day here).
  CHECK(api.Anonymous(http::verb::post, "/api/password-resets",
                      {{"login", "nobody-else"}, {"mobile", mobile}})
            .result() == http::status::accepted);
  CHECK(api.Anonymous(http::verb::post, "/api/password-resets",
                      {{"login", "nobody-at-all"}, {"mobile", mobile}})
            .result() == http::status::too_many_requests);

  const auto confirm = [&](const std::string& login, const std::string& code) {
    return api.Anonymous(http::verb::post, "/api/password-resets/confirmation",
                         {{"login", login}, {"code", code}, {"new_password", "reset password 1"}});
  };
  const std::string code = api.LastSmsCode(mobile);
  const HttpResponse wrong = confirm("hz-edu", code == "000000" ? "111111" : "000000");
  const HttpResponse nobody = confirm("nobody", code);
  CHECK(wrong.result() == http::status::bad_request);
  CHECK(nobody.result() == http::status::bad_request);
  CHECK(json::parse(wrong.body())["error"] == json::parse(nobody.body())["error"]);
  REQUIRE(confirm("hz-edu", code).result() == http::status::ok);
  CHECK(api.Anonymous(http::verb::post, "/api/session",
                      {{"login", "hz-edu"}, {"password", "reset password 1"}})
            .result() == http::status::ok);
  CHECK(confirm("hz-edu", code).result() == http::status::bad_request);  // used once
}

TEST_CASE("AccountApi: staff give a unit of theirs a new password", "[api]") {
  AccountApi api;
  const std::string target = "/api/units/" + std::to_string(api.agency.unit_id) + "/password-reset";
  CHECK(api.Call("agency", http::verb::post, target).result() == http::status::forbidden);
  CHECK(api.Call("reviewer11", http::verb::post, target).result() == http::status::not_found);
  const HttpResponse reset = api.Call("reviewer33", http::verb::post, target);
  REQUIRE(reset.result() == http::status::ok);
  CHECK(json::parse(reset.body())["sent_to"] == "138****8000");
  CHECK(api.Call("conac", http::verb::post, target).result() == http::status::ok);
}

}  // namespace
