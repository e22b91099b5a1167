// 附件一 on the web: the login page's way to 新用户注册 and 忘记密码, the
// registration form with its region pickers and every field error shown
// beside its field, the account page where a unit corrects its contact
// details and changes its password, and finding a password by SMS code.
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "api/app/serve_app.h"
#include "api/http/form_fields.h"
#include "registry/passwords.h"
#include "tests/api/served_api_fixture.h"

namespace {

using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::PercentEncode;
using badgewatch::api::ServeAppSettings;
using badgewatch::api::testing::ServedApi;
namespace http = boost::beast::http;

constexpr badgewatch::registry::PasswordCost kCheapCost{.log2_n = 10, .r = 8, .p = 1};

struct WebRegistration : ServedApi {
  WebRegistration() : ServedApi(Settings()) {}
  static ServeAppSettings Settings() {
    ServeAppSettings settings;
    settings.password_cost = kCheapCost;
    return settings;
  }
  HttpResponse Page(http::verb method, const std::string& target, const std::string& form = "") {
    HttpRequest request{method, target, 11};
    if (!form.empty()) {
      request.set(http::field::content_type, "application/x-www-form-urlencoded");
      request.body() = form;
      request.prepare_payload();
    }
    return app->router().Handle(request);
  }
};

std::string Form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string form;
  for (const auto& [name, value] : fields) {
    if (!form.empty()) form += "&";
    form += name + "=" + PercentEncode(value);
  }
  return form;
}

std::vector<std::pair<std::string, std::string>> GoodForm() {
  return {{"kind", "党政机关"},
          {"province", "330000"},
          {"city", "330100"},
          {"county", "330102"},
          {"system_category", "政府"},
          {"name", "杭州市上城区教育局"},
          {"address", "浙江省杭州市上城区解放路 1 号"},
          {"handler_name", "钱经办"},
          {"mobile", "13700137777"},
          {"email", "office@sc.example.gov.cn"},
          {"login", "sc-edu"},
          {"password", "a long enough password"},
          {"password_again", "a long enough password"}};
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

TEST_CASE("Web: the login page leads to 新用户注册 and 忘记密码", "[api][web]") {
  WebRegistration web;
  const HttpResponse login = web.Page(http::verb::get, "/login");
  REQUIRE(login.result() == http::status::ok);
  CHECK_THAT(login.body(), Catch::Contains("<a href=\"/register\">新用户注册</a>"));
  CHECK_THAT(login.body(), Catch::Contains("<a href=\"/password-reset\">忘记密码</a>"));
  const HttpResponse english = web.Page(http::verb::get, "/register?lang=en");
  CHECK_THAT(english.body(), Catch::Contains("New unit registration"));
  const HttpResponse chinese = web.Page(http::verb::get, "/register");
  REQUIRE(chinese.result() == http::status::ok);
  CHECK_THAT(chinese.body(), Catch::Contains("<option value=\"330000\">浙江省</option>"));
  CHECK(Count(chinese.body(), "<option value=\"") >= 32 + 3 + 14);  // provinces, kinds, categories
  CHECK_THAT(chinese.body(), Catch::Contains("<script src=\"/static/register.js\""));
  CHECK(web.Page(http::verb::get, "/static/register.js").result() == http::status::ok);
}

TEST_CASE("Web: a registration form with five bad fields shows five field errors", "[api][web]") {
  WebRegistration web;
  auto fields = GoodForm();
  for (auto& [name, value] : fields) {
    if (name == "name") value = std::string(101, 'x');
    if (name == "mobile") value = "1234";
    if (name == "email") value = "at-nowhere";
    if (name == "login") value = "有空格 的登录名";
    if (name == "password_again") value = "something else entirely";
  }
  const HttpResponse refused = web.Page(http::verb::post, "/register", Form(fields));
  CHECK(refused.result() == http::status::bad_request);
  const std::string& html = refused.body();
  CHECK(Count(html, "<span class=\"field-error\"") == 5);
  for (const char* field : {"name", "mobile", "email", "login", "password_again"}) {
    CAPTURE(field);
    CHECK_THAT(html, Catch::Contains(std::string("id=\"error-") + field + "\""));
  }
  CHECK_THAT(html, Catch::Contains("有 5 处需要修改"));
  CHECK_THAT(html, Catch::Contains("单位名称最多 100 个字符（现为 101 个）"));
  CHECK_THAT(html, Catch::Contains("两次输入的密码不一致"));
  // The same errors in English for an English page, never the Chinese text.
  const HttpResponse english = web.Page(http::verb::post, "/register?lang=en", Form(fields));
  CHECK(Count(english.body(), "<span class=\"field-error\"") == 5);
  CHECK_THAT(english.body(),
             Catch::Contains("the unit name may have at most 100 characters (101 given)"));
  CHECK_THAT(english.body(), Catch::Contains("the two passwords differ"));
  CHECK_THAT(english.body(), !Catch::Contains("两次输入的密码不一致"));
  // What was typed stays, the pickers keep the chosen county.
  CHECK_THAT(html, Catch::Contains("value=\"at-nowhere\""));
  CHECK_THAT(html, Catch::Contains("<option value=\"330102\" selected>上城区</option>"));
  CHECK(badgewatch::registry::LoadActorByLogin(web.registry->writer(), "sc-edu").status().code() ==
        badgewatch::StatusCode::kNotFound);
}

TEST_CASE("Web: a unit registers in 浙江省 → 杭州市 → 上城区 and logs in at once", "[api][web]") {
  WebRegistration web;
  const HttpResponse registered = web.Page(http::verb::post, "/register", Form(GoodForm()));
  REQUIRE(registered.result() == http::status::see_other);
  CHECK(std::string(registered[http::field::location]) == "/login?registered=sc-edu");
  CHECK_THAT(web.Page(http::verb::get, "/login?registered=sc-edu").body(),
             Catch::Contains("注册成功"));
  const HttpResponse login =
      web.Page(http::verb::post, "/login",
               Form({{"login", "sc-edu"}, {"password", "a long enough password"}, {"next", "/"}}));
  CHECK(login.result() == http::status::see_other);
  CHECK_FALSE(std::string(login[http::field::set_cookie]).empty());
  const auto actor =
      badgewatch::registry::LoadActorByLogin(web.registry->writer(), "sc-edu").value();
  CHECK(
      badgewatch::registry::LoadUnit(web.registry->writer(), actor.unit_id)->fields.division_code ==
      "330102");
}

TEST_CASE("Web: the account page corrects the unit's details and changes its password",
          "[api][web]") {
  WebRegistration web;
  REQUIRE(badgewatch::registry::SetPassword(*web.registry, web.agency.account_id,
                                            "the old password", kCheapCost)
              .ok());
  const HttpResponse page = web.Call("agency", http::verb::get, "/account");
  REQUIRE(page.result() == http::status::ok);
  CHECK_THAT(page.body(), Catch::Contains("杭州市教育局"));
  CHECK_THAT(page.body(), Catch::Contains("浙江省"));
  const std::string form = "application/x-www-form-urlencoded";
  const HttpResponse bad = web.Call(
      "agency", http::verb::post, "/account/details",
      Form({{"address", ""}, {"handler_name", "王"}, {"mobile", "1"}, {"email", "a@b.cn"}}), form);
  CHECK(bad.result() == http::status::bad_request);
  CHECK(Count(bad.body(), "<span class=\"field-error\"") == 2);
  const HttpResponse saved = web.Call("agency", http::verb::post, "/account/details",
                                      Form({{"address", "浙江省杭州市上城区新地址 8 号"},
                                            {"handler_name", "王经办"},
                                            {"mobile", "13800138000"},
                                            {"email", "handler@example.gov.cn"}}),
                                      form);
  CHECK(saved.result() == http::status::see_other);
  CHECK_THAT(web.Call("agency", http::verb::get, "/account?saved=contact").body(),
             Catch::Contains("浙江省杭州市上城区新地址 8 号"));
  const HttpResponse wrong = web.Call("agency", http::verb::post, "/account/password",
                                      Form({{"current_password", "not it"},
                                            {"new_password", "the new password"},
                                            {"new_password_again", "the new password"}}),
                                      form);
  CHECK(wrong.result() == http::status::bad_request);
  CHECK_THAT(wrong.body(), Catch::Contains("当前密码不正确"));
  const HttpResponse changed = web.Call("agency", http::verb::post, "/account/password",
                                        Form({{"current_password", "the old password"},
                                              {"new_password", "the new password"},
                                              {"new_password_again", "the new password"}}),
                                        form);
  CHECK(changed.result() == http::status::see_other);
  CHECK(badgewatch::registry::VerifyLogin(web.registry->writer(), "hz-edu", "the new password",
                                          kCheapCost)
            .ok());
}

TEST_CASE("Web: 忘记密码 resets the password by an SMS code", "[api][web]") {
  WebRegistration web;
  const HttpResponse asked = web.Page(http::verb::post, "/password-reset",
                                      Form({{"login", "hz-edu"}, {"mobile", "13800138000"}}));
  REQUIRE(asked.result() == http::status::ok);
  CHECK_THAT(asked.body(), Catch::Contains("验证码已发送"));
  const HttpResponse unknown = web.Page(http::verb::post, "/password-reset",
                                        Form({{"login", "nobody"}, {"mobile", "13800138000"}}));
  CHECK(unknown.result() == http::status::ok);
  CHECK_THAT(unknown.body(), Catch::Contains("验证码已发送"));
  const std::string code = web.LastSmsCode("13800138000");
  const HttpResponse reset = web.Page(http::verb::post, "/password-reset/confirm",
                                      Form({{"login", "hz-edu"},
                                            {"code", code},
                                            {"new_password", "found password 1"},
                                            {"new_password_again", "found password 1"}}));
  CHECK(reset.result() == http::status::see_other);
  CHECK(std::string(reset[http::field::location]) == "/login?reset=1");
  CHECK(badgewatch::registry::VerifyLogin(web.registry->writer(), "hz-edu", "found password 1",
                                          kCheapCost)
            .ok());
}

}  // namespace
