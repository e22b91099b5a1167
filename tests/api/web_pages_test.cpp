// The web pages through the router, without sockets, on a real registry
// file: redirects to the login page, security headers, Chinese by default
// and English on request, escaping of hostile names, the same authorisation
// as the JSON API (404 for another unit's record, 403 for a step the role
// may not take), the application form with its SMS code step, the review
// path to the badge code, the scoped dashboard and a self-check of a
// loopback site read page by page.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "api/http/form_fields.h"
#include "api/service/login_throttle.h"
#include "api/web/pages.h"
#include "registry/compliance_records.h"
#include "registry/passwords.h"
#include "tests/api/self_check_api_fixture.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"
#include "tests/support/test_web_server.h"

namespace {

using badgewatch::api::AddWebPages;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::LoginThrottle;
using badgewatch::api::PercentEncode;
using badgewatch::api::WebLoginAccess;
using badgewatch::api::testing::SelfCheckApi;
using badgewatch::registry::testing::kCheapPasswordCost;
using badgewatch::scan::testing::FailingRecord;
using badgewatch::scan::testing::PassingRecord;
using badgewatch::scan::testing::ReportSeed;
using badgewatch::testing::TestWebServer;
namespace http = boost::beast::http;
namespace registry = badgewatch::registry;
using json = nlohmann::json;

constexpr const char* kForm = "application/x-www-form-urlencoded";

constexpr char kPassword[] = "西湖边的网站标识 2026";

struct WebPages : SelfCheckApi {
  WebPages() {
    REQUIRE(
        registry::SetPassword(*registry, agency.account_id, kPassword, kCheapPasswordCost).ok());
    login.registry = access;
    login.throttle = &throttle;
    login.password_cost = kCheapPasswordCost;
    AddWebPages(router, self_check_access, login);
  }

  HttpResponse Get(const std::string& who, const std::string& target) {
    return Call(who, http::verb::get, target);
  }
  HttpResponse Post(const std::string& who, const std::string& target, const std::string& form) {
    return Call(who, http::verb::post, target, form, kForm);
  }
  HttpResponse Anonymous(http::verb method, const std::string& target,
                         const std::string& cookie = "") {
    HttpRequest request{method, target, 11};
    if (!cookie.empty()) request.set(http::field::cookie, cookie);
    return router.Handle(request);
  }
  // Posts the login form; the response sets the cookie when it succeeds.
  HttpResponse LogIn(const std::string& login_name, const std::string& password,
                     const std::string& next) {
    HttpRequest request{http::verb::post, "/login", 11};
    request.set(http::field::content_type, kForm);
    request.body() = "login=" + PercentEncode(login_name) + "&password=" + PercentEncode(password) +
                     "&next=" + PercentEncode(next);
    request.prepare_payload();
    return router.Handle(request);
  }
  // A request with the session cookie of a Set-Cookie value.
  HttpResponse WithSession(http::verb method, const std::string& target,
                           const std::string& set_cookie, const std::string& form = "") {
    HttpRequest request{method, target, 11};
    request.set(http::field::cookie, set_cookie.substr(0, set_cookie.find(';')));
    if (!form.empty()) {
      request.set(http::field::content_type, kForm);
      request.body() = form;
      request.prepare_payload();
    }
    return router.Handle(request);
  }
  // The form fields of a valid application of the agency, without the SMS step.
  std::string FormFields(const std::string& site_name) {
    return "name=" + PercentEncode(site_name) +
           "&english_domain=edu.hangzhou.gov.cn&ips=10.0.0.1+2001%3Adb8%3A%3A1"
           "&introduction=" +
           PercentEncode("网站介绍：发布政务信息。") + "&handler_mobile=13800138000";
  }

  LoginThrottle throttle;
  WebLoginAccess login;
};

bool Contains(const HttpResponse& response, const std::string& text) {
  return response.body().find(text) != std::string::npos;
}

// The value of the first input named `name` in the page ("" when none).
std::string FieldValue(const HttpResponse& response, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const std::size_t at = response.body().find(marker);
  if (at == std::string::npos) return "";
  const std::size_t start = at + marker.size();
  return response.body().substr(start, response.body().find('"', start) - start);
}

std::string Header(const HttpResponse& response, http::field field) {
  const auto value = response[field];
  return std::string(value.data(), value.size());
}

}  // namespace

TEST_CASE("WebPages: a page needing login redirects to /login with the local path", "[api][web]") {
  WebPages web;
  HttpResponse response = web.Anonymous(http::verb::get, "/applications?lang=en");
  CHECK(response.result() == http::status::see_other);
  CHECK(Header(response, http::field::location) == "/login?next=%2Fapplications%3Flang%3Den");
  CHECK(web.Anonymous(http::verb::get, "/dashboard").result() == http::status::see_other);
  CHECK(web.Anonymous(http::verb::post, "/self-checks").result() == http::status::see_other);
  CHECK(badgewatch::api::LocalPath("//evil.example/") == "/");
  CHECK(badgewatch::api::LocalPath("https://evil.example/") == "/");
  CHECK(badgewatch::api::LocalPath("/\\evil.example") == "/");
  CHECK(badgewatch::api::LocalPath("/review?x=1") == "/review?x=1");
}

TEST_CASE(
    "LocalPath: the open redirect after login is closed: next is a path on this server only "
    "(no TAB, doubled or encoded slashes, control characters)",
    "[api][web]") {
  struct Case {
    std::string_view next;
    std::string_view expected;
  };
  using namespace std::string_view_literals;
  const Case cases[] = {
      {"/", "/"},
      {"/review?x=1", "/review?x=1"},
      {"/applications/12?lang=en", "/applications/12?lang=en"},
      {"/sites/%E4%B8%AD", "/sites/%E4%B8%AD"},
      {"", "/"},
      {"review", "/"},
      {"https://evil.example/", "/"},
      {"//evil.example/", "/"},
      {"/\\evil.example", "/"},
      {"/\t/127.0.0.2:18999/phish", "/"},
      {"/%09/127.0.0.2:18999/phish", "/"},
      {"/%2F%2Fevil.example", "/"},
      {"/%2fevil.example", "/"},
      {"/%5Cevil.example", "/"},
      {"/a\tb", "/"},
      {"/a b", "/"},
      {"/a%20b", "/"},
      {"/a\rLocation: //evil", "/"},
      {"/a%0D%0ALocation:%20//evil", "/"},
      {"/a\x7f", "/"},
      {"/a%00b", "/"},
      {"/a\0b"sv, "/"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.next);
    CHECK(badgewatch::api::LocalPath(c.next) == c.expected);
  }
}

TEST_CASE(
    "WebPages: log in with the form, the cookie opens the pages, posts need the CSRF "
    "token, log out",
    "[api][web]") {
  WebPages web;
  HttpResponse form = web.Anonymous(http::verb::get, "/login?next=%2Fapplications");
  REQUIRE(form.result() == http::status::ok);
  CHECK(Contains(form, "name=\"next\" value=\"/applications\""));

  HttpResponse wrong = web.LogIn("hz-edu", "not the password", "/applications");
  CHECK(wrong.result() == http::status::unauthorized);
  CHECK(Contains(wrong, "登录名或密码不正确"));
  CHECK(Contains(wrong, "value=\"hz-edu\""));
  CHECK(Header(wrong, http::field::set_cookie).empty());

  HttpResponse offsite = web.LogIn("hz-edu", kPassword, "//evil.example/");
  REQUIRE(offsite.result() == http::status::see_other);
  CHECK(Header(offsite, http::field::location) == "/");

  HttpResponse logged_in = web.LogIn("hz-edu", kPassword, "/applications");
  REQUIRE(logged_in.result() == http::status::see_other);
  CHECK(Header(logged_in, http::field::location) == "/applications");
  const std::string cookie = Header(logged_in, http::field::set_cookie);
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);

  HttpResponse page = web.WithSession(http::verb::get, "/applications/new", cookie);
  REQUIRE(page.result() == http::status::ok);
  const std::string token = FieldValue(page, "csrf_token");
  CHECK(token.size() >= 16);

  const std::string fields = web.FormFields("杭州市教育局");
  HttpResponse forged = web.WithSession(http::verb::post, "/applications/sms-code", cookie, fields);
  CHECK(forged.result() == http::status::forbidden);
  CHECK(Contains(forged, "无权执行此操作"));
  HttpResponse sent = web.WithSession(http::verb::post, "/applications/sms-code", cookie,
                                      fields + "&csrf_token=" + PercentEncode(token));
  CHECK(sent.result() == http::status::ok);
  CHECK(Contains(sent, "验证码已发送至"));

  CHECK(web.WithSession(http::verb::post, "/logout", cookie, "csrf_token=x").result() ==
        http::status::forbidden);
  HttpResponse out =
      web.WithSession(http::verb::post, "/logout", cookie, "csrf_token=" + PercentEncode(token));
  REQUIRE(out.result() == http::status::see_other);
  CHECK(Header(out, http::field::location) == "/login");
  CHECK(Header(out, http::field::set_cookie).find("Max-Age=0") != std::string::npos);
  CHECK(web.WithSession(http::verb::get, "/applications", cookie).result() ==
        http::status::see_other);
}

TEST_CASE("WebPages: after five wrong passwords the login form says how long to wait",
          "[api][web]") {
  WebPages web;
  for (int attempt = 0; attempt < 5; ++attempt) {
    REQUIRE(web.LogIn("hz-edu", "wrong", "/").result() == http::status::unauthorized);
  }
  HttpResponse throttled = web.LogIn("hz-edu", kPassword, "/");
  CHECK(throttled.result() == http::status::too_many_requests);
  CHECK(std::stoi(Header(throttled, http::field::retry_after)) >= 1);
  CHECK(Contains(throttled, "登录失败次数过多，请 "));
  CHECK(Header(throttled, http::field::set_cookie).empty());
}

TEST_CASE("WebPages: security headers, static files without inline script", "[api][web]") {
  WebPages web;
  HttpResponse page = web.Get("agency", "/");
  REQUIRE(page.result() == http::status::ok);
  const std::string csp(page["Content-Security-Policy"]);
  CHECK(csp.find("script-src 'self'") != std::string::npos);
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(std::string(page["X-Frame-Options"]) == "DENY");
  CHECK(std::string(page["X-Content-Type-Options"]) == "nosniff");
  CHECK(std::string(page["Referrer-Policy"]) == "no-referrer");
  CHECK(Header(page, http::field::content_type) == "text/html; charset=utf-8");
  CHECK_FALSE(Contains(page, "<script>"));  // only <script src=...>
  CHECK(Contains(page, "<script src=\"/static/app.js\" defer></script>"));
  for (const char* file : {"/static/app.js", "/static/app.css", "/static/report.css"}) {
    INFO(file);
    HttpResponse asset = web.Anonymous(http::verb::get, file);
    CHECK(asset.result() == http::status::ok);
    CHECK_FALSE(asset.body().empty());
  }
}

TEST_CASE("WebPages: Chinese by default, English by ?lang=en or the bw_lang cookie", "[api][web]") {
  WebPages web;
  HttpResponse chinese = web.Get("agency", "/");
  CHECK(Contains(chinese, "<html lang=\"zh-CN\">"));
  CHECK(Contains(chinese, "本单位网站"));
  CHECK(Contains(chinese, "href=\"/?lang=en\""));
  CHECK(Header(chinese, http::field::set_cookie).empty());

  HttpResponse english = web.Get("agency", "/?lang=en");
  CHECK(Contains(english, "<html lang=\"en\">"));
  CHECK(Contains(english, "Your unit&#39;s websites"));
  CHECK(Header(english, http::field::set_cookie).rfind("bw_lang=en;", 0) == 0);

  HttpResponse remembered = web.Anonymous(http::verb::get, "/static/app.css", "bw_lang=en");
  CHECK(remembered.result() == http::status::ok);
  HttpResponse login_redirect = web.Anonymous(http::verb::get, "/review", "a=b; bw_lang=en");
  CHECK(login_redirect.result() == http::status::see_other);
}

TEST_CASE("WebPages: hostile names are escaped everywhere they are shown", "[api][web]") {
  WebPages web;
  const std::string hostile = "<script>alert(1)</script>\"'&";
  const std::int64_t id = web.Submit(hostile);
  for (const std::string& target :
       {std::string("/applications"), "/applications/" + std::to_string(id)}) {
    INFO(target);
    HttpResponse page = web.Get("agency", target);
    REQUIRE(page.result() == http::status::ok);
    CHECK_FALSE(Contains(page, "<script>alert(1)"));
    CHECK(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
  }
  HttpResponse queue = web.Get("reviewer33", "/review");
  CHECK_FALSE(Contains(queue, "<script>alert(1)"));
  CHECK(Contains(queue, "&lt;script&gt;alert(1)"));
}

TEST_CASE(
    "WebPages: another unit's or region's application is a 404 page, a step the role "
    "may not take is a 403 page",
    "[api][web]") {
  WebPages web;
  const std::int64_t id = web.Submit("杭州市教育局");
  const std::string target = "/applications/" + std::to_string(id);
  CHECK(web.Get("agency", target).result() == http::status::ok);
  CHECK(web.Get("reviewer33", target).result() == http::status::ok);
  CHECK(web.Get("conac", target).result() == http::status::ok);
  HttpResponse other = web.Get("other_agency", target);
  CHECK(other.result() == http::status::not_found);
  CHECK(Contains(other, "找不到该页面"));
  CHECK_FALSE(Contains(other, "杭州市教育局"));
  CHECK(web.Get("reviewer11", target).result() == http::status::not_found);
  CHECK(web.Post("reviewer11", target + "/decisions", "action=regional-pass").result() ==
        http::status::not_found);
  CHECK_FALSE(Contains(web.Get("other_agency", "/applications"), "杭州市教育局"));

  HttpResponse own_step = web.Post("agency", target + "/decisions", "action=regional-pass");
  CHECK(own_step.result() == http::status::forbidden);
  CHECK(Contains(own_step, "无权执行此操作"));
  CHECK(web.Post("conac", target + "/decisions", "action=issue-badge").result() ==
        http::status::conflict);  // not yet: the regional review comes first
  CHECK(web.Get("agency", "/review").result() == http::status::forbidden);
  CHECK(web.Get("agency", "/dashboard").result() == http::status::forbidden);
  CHECK(web.Get("reviewer33", "/applications/new").result() == http::status::forbidden);
  CHECK(web.Get("agency", target + "/letter").result() == http::status::conflict);  // not yet
}

TEST_CASE("WebPages: every form that posts carries the CSRF token field", "[api][web]") {
  WebPages web;
  const std::int64_t id = web.Submit("杭州市教育局");
  for (const auto& [who, target] : std::vector<std::pair<std::string, std::string>>{
           {"agency", "/applications/new"},
           {"agency", "/self-checks"},
           {"reviewer33", "/applications/" + std::to_string(id)},
           {"agency", "/"}}) {
    INFO(who << " " << target);
    HttpResponse page = web.Get(who, target);
    REQUIRE(page.result() == http::status::ok);
    std::size_t forms = 0;
    std::size_t tokens = 0;
    for (std::size_t at = 0;
         (at = page.body().find("<form method=\"post\"", at)) != std::string::npos; ++at) {
      ++forms;
      const std::size_t end = page.body().find("</form>", at);
      if (page.body().substr(at, end - at).find("name=\"csrf_token\"") != std::string::npos) {
        ++tokens;
      }
    }
    CHECK(forms >= 1);  // at least the log-out form
    CHECK(tokens == forms);
  }
}

TEST_CASE("WebPages: the application form's SMS code step, then submit", "[api][web]") {
  WebPages web;
  HttpResponse no_code = web.Post("agency", "/applications", web.FormFields("杭州市教育局"));
  CHECK(no_code.result() == http::status::bad_request);
  CHECK(Contains(no_code, "获取验证码"));

  HttpResponse sent = web.Post("agency", "/applications/sms-code", web.FormFields("杭州市教育局"));
  REQUIRE(sent.result() == http::status::ok);
  CHECK(Contains(sent, "验证码已发送至 13800138000"));
  CHECK(Contains(sent, "value=\"杭州市教育局\""));  // the fields are kept
  const std::string verification = FieldValue(sent, "sms_verification_id");
  REQUIRE_FALSE(verification.empty());
  const std::string fields =
      web.FormFields("杭州市教育局") + "&sms_verification_id=" + verification;

  HttpResponse wrong = web.Post("agency", "/applications", fields + "&sms_code=000000x");
  CHECK(wrong.result() == http::status::bad_request);
  CHECK(Contains(wrong, "value=\"杭州市教育局\""));

  HttpResponse submitted =
      web.Post("agency", "/applications", fields + "&sms_code=" + web.LastSmsCode("13800138000"));
  REQUIRE(submitted.result() == http::status::see_other);
  const std::string location = Header(submitted, http::field::location);
  CHECK(location.rfind("/applications/", 0) == 0);
  HttpResponse shown = web.Get("agency", location);
  CHECK(Contains(shown, "已提交，待初审"));
}

TEST_CASE(
    "WebPages: review queue, a rejection needs a reason, the badge code after both "
    "levels",
    "[api][web]") {
  WebPages web;
  const std::int64_t id = web.Submit("杭州市教育局");
  const std::string target = "/applications/" + std::to_string(id);
  HttpResponse queue = web.Get("reviewer33", "/review");
  CHECK(Contains(queue, "href=\"" + target + "\""));
  CHECK_FALSE(Contains(web.Get("reviewer11", "/review"), "杭州市教育局"));
  CHECK_FALSE(Contains(web.Get("conac", "/review"), "杭州市教育局"));  // not its level yet

  HttpResponse no_reason = web.Post("reviewer33", target + "/decisions", "action=regional-reject");
  CHECK(no_reason.result() == http::status::bad_request);
  CHECK(Contains(no_reason, "驳回申请时必须填写理由"));
  REQUIRE(web.Post("reviewer33", target + "/decisions",
                   "action=regional-reject&reason=" + PercentEncode("网站名称与标题不符"))
              .result() == http::status::see_other);
  HttpResponse rejected = web.Get("agency", "/applications");
  CHECK(Contains(rejected, "网站名称与标题不符"));
  CHECK(Contains(web.Get("agency", target), "name=\"application_id\""));  // edit and resubmit

  REQUIRE(web.Post("agency", "/applications",
                   web.FormFields("杭州市教育局") + "&application_id=" + std::to_string(id) +
                       "&sms_verification_id=" +
                       std::to_string(web.ConfirmedMobile(web.agency, "13800138000")))
              .result() == http::status::see_other);
  REQUIRE(web.Post("reviewer33", target + "/decisions", "action=regional-pass").result() ==
          http::status::see_other);
  HttpResponse letter = web.Get("agency", target + "/letter");
  REQUIRE(letter.result() == http::status::ok);
  CHECK(Contains(letter, "关于申请对网站开办审核和资格复核的函"));
  CHECK(std::string(letter["Content-Security-Policy"]).find("script") == std::string::npos);
  CHECK(web.Get("agency", target + "/form").result() == http::status::ok);
  CHECK(web.Get("other_agency", target + "/letter").result() == http::status::not_found);
  REQUIRE(web.Post("reviewer33", target + "/decisions", "action=materials-received").result() ==
          http::status::see_other);
  REQUIRE(web.Post("conac", target + "/decisions", "action=issue-badge").result() ==
          http::status::see_other);
  HttpResponse issued = web.Get("agency", target);
  CHECK(Contains(issued, "已发放网站标识"));
  CHECK(Contains(issued, "dcs.conac.cn/js/33/"));
  CHECK(Contains(issued, "data-copy=\"snippet-CA33"));
  HttpResponse home = web.Get("agency", "/");
  CHECK(Contains(home, "杭州市教育局"));
  CHECK(Contains(home, "尚未检查"));
  CHECK(Contains(home, "&lt;span id=&quot;_ideConac&quot;&gt;"));
}

TEST_CASE("WebPages: the menus and steps as the procedure names them", "[api][web]") {
  WebPages web;
  HttpResponse agency = web.Get("agency", "/applications");
  REQUIRE(agency.result() == http::status::ok);
  CHECK(Contains(agency,
                 "<a href=\"/applications\" aria-current=\"page\">网站开办审核/资质复核申请</a>"));
  CHECK(
      Contains(agency, "<span class=\"menu-name\">网上名称管理</span><a href=\"/\">标识管理</a>"));
  CHECK(Contains(agency, "<h1>网站开办审核/资质复核申请</h1>"));
  HttpResponse institution = web.Get("institution", "/applications/new");
  REQUIRE(institution.result() == http::status::ok);
  CHECK(Contains(institution,
                 "<span class=\"menu-name\">网上名称管理</span><a href=\"/applications\" "
                 "aria-current=\"page\">标识申请</a><a href=\"/\">标识管理</a>"));
  for (const HttpResponse* page : {&agency, &institution}) {
    CHECK_FALSE(Contains(*page, ">首页</a>"));
    CHECK_FALSE(Contains(*page, ">申请记录</a>"));
    CHECK_FALSE(Contains(*page, ">提交申请</a>"));
  }
  CHECK(Contains(web.Get("reviewer33", "/review"), ">申请记录</a>"));

  // A recheck is 资格复核; the initial review is 初审.
  json recheck = web.FormJson("杭州市教育局");
  recheck["opening_type"] = "recheck";
  const HttpResponse submitted =
      web.Call("agency", http::verb::post, "/api/applications", recheck.dump());
  REQUIRE(submitted.result() == http::status::created);
  const std::string target =
      "/applications/" + std::to_string(json::parse(submitted.body())["id"].get<std::int64_t>());
  REQUIRE(web.Post("reviewer33", target + "/decisions", "action=regional-pass").result() ==
          http::status::see_other);
  HttpResponse shown = web.Get("agency", target);
  CHECK(Contains(shown, "<dt>办理事项</dt><dd>资格复核</dd>"));
  CHECK(Contains(shown, "初审通过，请报送书面申请材料"));
  CHECK(Contains(shown, "<td>初审通过</td>"));
  CHECK_FALSE(Contains(shown, "区域审核"));
  CHECK_FALSE(Contains(shown, "网站开办审核</dd>"));
}

TEST_CASE(
    "WebPages: the badge application form has no application type and offers the unit's "
    "registered, unexpired Chinese domains",
    "[api][web]") {
  WebPages web;
  (void)web.RegisteredDomain(web.institution, "浙江大学.公益");
  HttpResponse form = web.Get("institution", "/applications/new");
  REQUIRE(form.result() == http::status::ok);
  CHECK_FALSE(Contains(form, "name=\"opening_type\""));
  CHECK_FALSE(Contains(form, "申请类型"));
  CHECK(Contains(form,
                 "<select name=\"chinese_domain\"><option value=\"\" selected>不使用中文域名"
                 "</option><option value=\"浙江大学.公益\">浙江大学.公益</option></select>"));
  CHECK_FALSE(Contains(form, "<input type=\"text\" name=\"chinese_domain\""));
  // The agency chooses new or recheck, and its .政务 domain from its own as well.
  (void)web.RegisteredDomain(web.agency, "杭州市教育局.政务");
  HttpResponse agency = web.Get("agency", "/applications/new");
  CHECK(Contains(agency, "name=\"opening_type\""));
  CHECK(Contains(agency, "<option value=\"杭州市教育局.政务\">杭州市教育局.政务</option>"));
  CHECK_FALSE(Contains(agency, "浙江大学.公益"));
  CHECK_FALSE(Contains(agency, "<input type=\"text\" name=\"chinese_domain\""));
  // Once expired, the domain is no longer offered.
  *web.now += 2 * 366 * 24 * 3600;
  HttpResponse later = web.Get("institution", "/applications/new");
  CHECK_FALSE(Contains(later, "<option value=\"浙江大学.公益\">"));
  CHECK(Contains(later, "本单位还没有可用的中文域名"));
}

TEST_CASE(
    "WebPages: rejected after the initial pass for incomplete materials, resubmitted and issued, "
    "the reviewer sees the unit",
    "[api][web]") {
  WebPages web;
  const std::int64_t id = web.Submit("杭州市教育局");
  const std::string target = "/applications/" + std::to_string(id);
  REQUIRE(web.Post("reviewer33", target + "/decisions", "action=regional-pass").result() ==
          http::status::see_other);
  HttpResponse review = web.Get("reviewer33", target);
  CHECK(Contains(review, "data-action=\"materials-received\""));
  CHECK(Contains(review, "data-action=\"materials-reject\""));
  CHECK(Contains(review, "<h2>申请单位信息</h2>"));
  CHECK(Contains(review, "<dt>单位地址</dt><dd>浙江省杭州市解放东路18号</dd>"));
  CHECK(Contains(review, "<dt>经办人</dt><dd>王经办</dd>"));
  CHECK(Contains(review, "<dt>系统类别</dt><dd>政府</dd>"));
  CHECK(Contains(review, "<dt>单位类型</dt><dd>党政机关</dd>"));
  REQUIRE(web.Post("reviewer33", target + "/decisions",
                   "action=materials-reject&reason=" + PercentEncode("材料不全：缺少申请表"))
              .result() == http::status::see_other);
  HttpResponse rejected = web.Get("agency", target);
  CHECK(Contains(rejected, "审核未通过，请修改后重新提交"));
  CHECK(Contains(rejected, "<td>书面申请材料审核未通过</td>"));
  CHECK(Contains(rejected, "审核未通过，原因：材料不全：缺少申请表"));
  CHECK(Contains(rejected, "<h2>修改申请信息后重新提交</h2>"));
  CHECK(Contains(rejected, "name=\"application_id\""));
  REQUIRE(web.Post("agency", "/applications",
                   web.FormFields("杭州市教育局") + "&application_id=" + std::to_string(id) +
                       "&sms_verification_id=" +
                       std::to_string(web.ConfirmedMobile(web.agency, "13800138000")))
              .result() == http::status::see_other);
  for (const auto& [who, action] :
       {std::pair{"reviewer33", "regional-pass"}, std::pair{"reviewer33", "materials-received"},
        std::pair{"conac", "issue-badge"}}) {
    REQUIRE(web.Post(who, target + "/decisions", std::string("action=") + action).result() ==
            http::status::see_other);
  }
  CHECK(Contains(web.Get("agency", target), "已发放网站标识"));
}

TEST_CASE("WebPages: CONAC refuses to issue after the materials, with a reason", "[api][web]") {
  WebPages web;
  const std::int64_t id = web.Submit("杭州市教育局");
  const std::string target = "/applications/" + std::to_string(id);
  for (const char* action : {"regional-pass", "materials-received"}) {
    REQUIRE(
        web.Post("reviewer33", target + "/decisions", std::string("action=") + action).result() ==
        http::status::see_other);
  }
  HttpResponse page = web.Get("conac", target);
  CHECK(Contains(page, "data-action=\"issue-badge\""));
  CHECK(Contains(page, "data-action=\"conac-reject\""));
  CHECK(web.Post("conac", target + "/decisions", "action=conac-reject").result() ==
        http::status::bad_request);
  REQUIRE(web.Post("conac", target + "/decisions",
                   "action=conac-reject&reason=" + PercentEncode("网站名称与首页不一致"))
              .result() == http::status::see_other);
  CHECK(Contains(web.Get("agency", target), "<td>CONAC审核未通过</td>"));
}

TEST_CASE("WebPages: the unit withdraws its application before the badge is issued", "[api][web]") {
  WebPages web;
  const std::int64_t id = web.Submit("杭州市教育局");
  const std::string target = "/applications/" + std::to_string(id);
  HttpResponse own = web.Get("agency", target);
  CHECK(Contains(own, "data-action=\"withdraw\">撤回申请</button>"));
  CHECK_FALSE(Contains(web.Get("reviewer33", target), "data-action=\"withdraw\""));
  CHECK(web.Post("reviewer33", target + "/decisions", "action=withdraw").result() ==
        http::status::forbidden);
  REQUIRE(web.Post("agency", target + "/decisions", "action=withdraw").result() ==
          http::status::see_other);
  HttpResponse withdrawn = web.Get("agency", target);
  CHECK(Contains(withdrawn, "已撤回"));
  CHECK(Contains(withdrawn, "<td>单位撤回申请</td>"));
  CHECK_FALSE(Contains(withdrawn, "data-action="));
  CHECK_FALSE(Contains(web.Get("reviewer33", "/review"), "href=\"" + target + "\""));
}

TEST_CASE(
    "WebPages: a domain another unit's site carries is shown to the reviewers and refused "
    "at issuance",
    "[api][web]") {
  WebPages web;
  // The institution of region 33 holds www.zju.edu.cn with an issued badge.
  const HttpResponse first = web.Call("institution", http::verb::post, "/api/applications",
                                      web.FormJson(web.institution, "浙江大学").dump());
  REQUIRE(first.result() == http::status::created);
  const std::string held =
      "/applications/" + std::to_string(json::parse(first.body())["id"].get<std::int64_t>());
  REQUIRE(web.Post("reviewer33", held + "/decisions", "action=regional-pass").result() ==
          http::status::see_other);
  REQUIRE(web.Post("conac", held + "/decisions", "action=conac-pass").result() ==
          http::status::see_other);
  // Another institution of region 33 names the same domain.
  const registry::Actor other =
      registry::RegisterUnit(*web.registry,
                             registry::testing::ValidUnit(registry::UnitKind::kSocialOrganisation,
                                                          "33", "浙江省某学会"),
                             "zj-society")
          .value();
  registry::SiteForm form = web.ValidForm(other, "浙江省某学会网");
  form.site.english_domain = "www.zju.edu.cn";
  const std::int64_t id = registry::SubmitApplication(*web.registry, other, form).value();
  const std::string target = "/applications/" + std::to_string(id);
  HttpResponse review = web.Get("reviewer33", target);
  CHECK(Contains(review, "<h2>域名冲突</h2>"));
  CHECK(Contains(review,
                 "域名 www.zju.edu.cn 已由其他单位“浙江大学”（所属区域：浙江省（33））的网站"
                 "“浙江大学”使用"));
  // The queue marks the row before anyone opens it; the held site's own row has no mark.
  const HttpResponse queue = web.Get("reviewer33", "/review");
  CHECK(Contains(queue, "data-conflict=\"" + std::to_string(id) + "\">域名冲突</span>"));
  CHECK(
      Contains(web.Get("conac", "/applications"), "data-conflict=\"" + std::to_string(id) + "\""));
  CHECK_FALSE(
      Contains(web.Get("conac", "/applications"), "data-conflict=\"" + held.substr(14) + "\""));
  CHECK(Contains(review, "<dt>单位类型</dt><dd>社会组织</dd>"));
  REQUIRE(web.Post("reviewer33", target + "/decisions", "action=regional-pass").result() ==
          http::status::see_other);
  HttpResponse refused = web.Post("conac", target + "/decisions", "action=conac-pass");
  CHECK(refused.result() == http::status::conflict);
  CHECK(Contains(refused, "不能为本申请发放网站标识"));
  CHECK(Contains(web.Get("conac", target), "初审通过，待CONAC复审"));

  const HttpResponse api =
      web.Call("conac", http::verb::get, "/api/applications/" + std::to_string(id));
  const json body = json::parse(api.body());
  REQUIRE(body["domain_conflicts"].size() == 1);
  CHECK(body["domain_conflicts"][0]["domain"] == "www.zju.edu.cn");
  CHECK(body["domain_conflicts"][0]["unit_name"] == "浙江大学");
  CHECK(body["unit"]["address"] == "浙江省杭州市解放东路18号");
  CHECK(body["opening_type"].is_null());
  // The unit sees its own application's unit, never another unit's site.
  const json own = json::parse(web.Call("institution", http::verb::get, "/api" + held).body());
  CHECK(own["unit"]["name"] == "浙江大学");
  CHECK_FALSE(own.contains("domain_conflicts"));
}

TEST_CASE("WebPages: the dashboard shows the latest scan, scoped to the reviewer's region",
          "[api][web]") {
  WebPages web;
  CHECK(Contains(web.Get("conac", "/dashboard"), "还没有完成的扫描"));
  ReportSeed seed(web);
  const std::int64_t unit33 = seed.AddUnit("33", "浙江某研究院");
  const std::int64_t unit11 = seed.AddUnit("11", "北京某研究院");
  const std::int64_t site33 = seed.AddSite(unit33, "浙江<b>研究院", "www.zj.example.cn");
  const std::int64_t site11 = seed.AddSite(unit11, "北京研究院网", "www.bj.example.cn");
  seed.RunScan({PassingRecord(site33, 4), PassingRecord(site11, 4)});
  seed.RunScan({FailingRecord(site33, 5, {"badge-missing"}, {"http://www.zj.example.cn/a.html"}),
                PassingRecord(site11, 5)});

  HttpResponse regional = web.Get("reviewer33", "/dashboard?region=11");
  REQUIRE(regional.result() == http::status::ok);
  CHECK(Contains(regional, "浙江&lt;b&gt;研究院"));
  CHECK(Contains(regional, "http://www.zj.example.cn/a.html"));
  CHECK_FALSE(Contains(regional, "北京研究院网"));
  CHECK(Contains(regional, "<svg class=\"chart"));  // the report's charts
  CHECK(Contains(regional, "页面中没有有效的网站标识脚本"));

  HttpResponse all = web.Get("conac", "/dashboard?lang=en");
  CHECK(Contains(all, "Compliance rate by region"));
  CHECK(Contains(all, "Trend over recent scans"));
  CHECK(web.Get("conac", "/dashboard?region=99").result() == http::status::not_found);
}

TEST_CASE(
    "WebPages: a site's compliance record lists every failing page, 50 a page, to those "
    "who may see the site",
    "[api][web]") {
  WebPages web;
  ReportSeed seed(web);
  const std::int64_t mine = seed.AddSite(web.agency.unit_id, "杭州市教育局网", "www.hz.example.cn");
  const std::int64_t unit11 = seed.AddUnit("11", "北京某研究院");
  const std::int64_t theirs = seed.AddSite(unit11, "北京研究院网", "www.bj.example.cn");
  const std::string page = "/sites/" + std::to_string(mine);
  CHECK(Contains(web.Get("agency", page), "尚未检查"));
  std::vector<std::string> urls;
  for (int i = 0; i < 55; ++i)
    urls.push_back(fmt::format("http://www.hz.example.cn/p{:02}.html", i));
  seed.RunScan({FailingRecord(mine, 60, {"badge-missing"}, urls), PassingRecord(theirs, 3)});
  const auto rows = [](const HttpResponse& response) {
    std::size_t count = 0;
    for (std::size_t at = response.body().find("<td class=\"url\">"); at != std::string::npos;
         at = response.body().find("<td class=\"url\">", at + 1)) {
      ++count;
    }
    return count;
  };

  // The home page points to it from the failing site's card.
  CHECK(Contains(web.Get("agency", "/"), "<a href=\"" + page + "\">查看全部问题页面</a>"));
  const HttpResponse first = web.Get("agency", page);
  REQUIRE(first.result() == http::status::ok);
  CHECK(Contains(first, "网站合规记录：杭州市教育局网"));
  CHECK(Contains(first, "<span class=\"problem\">缺少网站标识</span>"));
  CHECK(Contains(first, "问题页面（共 55 个）"));
  CHECK(Contains(first, "第 1 页，共 2 页"));
  CHECK(Contains(first, "href=\"" + page + "?page=2\""));
  CHECK(rows(first) == 50);
  const HttpResponse second = web.Get("agency", page + "?page=2");
  CHECK(rows(second) == 5);
  CHECK(web.Get("agency", page + "?page=3").result() == http::status::not_found);
  CHECK(web.Get("agency", page + "?page=0").result() == http::status::bad_request);
  CHECK(Contains(web.Get("agency", page + "?lang=en"), "Failing pages (55 in all)"));
  // Every page of the record is listed once over the two screens.
  for (const std::string& url : urls) {
    CHECK(Contains(first, url) != Contains(second, url));
  }

  // Another unit, and a reviewer of another region, see no such site.
  CHECK(web.Get("other_agency", page).result() == http::status::not_found);
  CHECK(web.Get("reviewer33", page).result() == http::status::ok);
  CHECK(web.Get("reviewer33", "/sites/" + std::to_string(theirs)).result() ==
        http::status::not_found);
  const HttpResponse passing = web.Get("conac", "/sites/" + std::to_string(theirs));
  CHECK(Contains(passing, "本次检查没有问题页面。"));
  CHECK(web.Get("conac", "/sites/abc").result() == http::status::not_found);
  CHECK(web.Get("conac", "/sites/999999").result() == http::status::not_found);
}

TEST_CASE("WebPages: a unit's self-check of its own loopback site, read page by page",
          "[api][web][crawler]") {
  TestWebServer site;
  site.ServePage("127.0.0.1", "/", "杭州市教育局",
                 "<a href=\"/a.html\">a</a><a href=\"/gone.html\">gone</a>"
                 "<script src=\"https://dcs.conac.cn/js/33/000/0000/60433378/"
                 "CA330000000604333780001.js\"></script>");
  site.ServePage("127.0.0.1", "/a.html", "杭州市教育局", "<p>no badge</p>");
  badgewatch::testing::TestResponse not_found;
  not_found.status = 404;
  site.Serve("127.0.0.1", "/gone.html", not_found);
  WebPages web;
  web.self_check_access.site_port = site.port();
  registry::SiteFields fields;
  fields.name = "杭州市教育局";
  fields.english_domain = "127.0.0.1";
  fields.ips = {"127.0.0.1"};
  fields.introduction = "x";
  const std::int64_t site_id =
      registry::InsertSite(web.registry->writer(), web.agency.unit_id, fields, std::nullopt, 1)
          .value();

  CHECK(Contains(web.Get("agency", "/self-checks"), "value=\"" + std::to_string(site_id) + "\""));
  CHECK(web.Post("other_agency", "/self-checks", "site_id=" + std::to_string(site_id)).result() ==
        http::status::not_found);
  HttpResponse started = web.Post("agency", "/self-checks", "site_id=" + std::to_string(site_id));
  REQUIRE(started.result() == http::status::see_other);
  const std::string result = Header(started, http::field::location);
  CHECK(web.Get("other_agency", result).result() == http::status::not_found);
  web.WaitFinished(1);

  HttpResponse page = web.Get("agency", result);
  REQUIRE(page.result() == http::status::ok);
  CHECK_FALSE(Contains(page, "http-equiv=\"refresh\""));
  CHECK(Contains(page, "第 2 页缺少网站标识"));
  CHECK(Contains(page, site.Origin("127.0.0.1") + "/a.html"));
  // The dead link is listed apart, as a warning: the page linking it passes.
  CHECK(Contains(page, "发现 1 个失效链接"));
  CHECK(Contains(page, site.Origin("127.0.0.1") + "/gone.html"));
  CHECK(Contains(page, "(HTTP 404)"));
  HttpResponse english = web.Get("agency", result + "?lang=en");
  CHECK(Contains(english, "Page 2 has no website badge"));
  CHECK(Contains(english, "1 dead links"));
}
