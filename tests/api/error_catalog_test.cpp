// The error catalogs (registry, API routes, HTTP layer): every entry has a
// stable reason of its own and its text in Chinese and in English with the
// same fields, and the API answers each caller in its language: the bw_lang
// cookie first, then Accept-Language, Chinese when neither says.
#include <fmt/args.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/http_errors.h"
#include "api/service/api_errors.h"
#include "foundation/error_text.h"
#include "foundation/language.h"
#include "registry/registry_errors.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::ErrorText;
using badgewatch::Language;
using badgewatch::Localized;
using badgewatch::Status;
using badgewatch::StatusCode;
using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

std::vector<const ErrorText*> EveryError() {
  std::vector<const ErrorText*> all;
  for (std::span<const ErrorText* const> catalog :
       {std::span<const ErrorText* const>(badgewatch::registry::errors::kRegistryErrors),
        std::span<const ErrorText* const>(badgewatch::api::errors::kApiErrors),
        std::span<const ErrorText* const>(badgewatch::api::errors::kHttpErrors)}) {
    all.insert(all.end(), catalog.begin(), catalog.end());
  }
  return all;
}

// True when `text` holds a CJK unified ideograph (U+4E00..U+9FFF).
bool HasHanCharacter(std::string_view text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xE4 && lead <= 0xE9) return true;
  }
  return false;
}

// The text with every field given as "«n»", as fmt formats it.
std::string Formatted(std::string_view text, std::size_t fields) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (std::size_t i = 0; i < fields; ++i) args.push_back(fmt::format("«{}»", i));
  return fmt::vformat(text, args);
}

bool IsReason(std::string_view reason) {
  if (reason.empty() || reason.front() == '-' || reason.back() == '-') return false;
  for (const char c : reason) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return reason.find("--") == std::string_view::npos;
}

HttpRequest Request(RegistryApi& api, http::verb method, const std::string& target,
                    const std::string& body) {
  HttpRequest request{method, target, 11};
  request.set(http::field::authorization, "Bearer " + api.tokens.at("agency"));
  request.set(http::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();
  return request;
}

}  // namespace

TEST_CASE(
    "Error catalogs: every error has its own reason and Chinese and English text with the "
    "same fields",
    "[api][registry]") {
  const std::vector<const ErrorText*> all = EveryError();
  REQUIRE(all.size() > 150);
  std::set<std::string_view> reasons;
  for (const ErrorText* error : all) {
    INFO("reason " << error->reason << ": " << error->english);
    CHECK(error->code != StatusCode::kOk);
    CHECK(IsReason(error->reason));
    CHECK(reasons.insert(error->reason).second);  // no two errors share a reason
    CHECK(HasHanCharacter(error->chinese));
    CHECK_FALSE(error->english.empty());
    CHECK(error->english != error->chinese);
    const std::size_t fields = badgewatch::detail::CountFormatFields(error->english);
    CHECK(badgewatch::detail::CountFormatFields(error->chinese) == fields);
    // Both texts format with their fields, and each shows every one of them.
    std::string chinese;
    std::string english;
    REQUIRE_NOTHROW(chinese = Formatted(error->chinese, fields));
    REQUIRE_NOTHROW(english = Formatted(error->english, fields));
    for (std::size_t i = 0; i < fields; ++i) {
      CHECK(chinese.find(fmt::format("«{}»", i)) != std::string::npos);
      CHECK(english.find(fmt::format("«{}»", i)) != std::string::npos);
    }
  }
}

TEST_CASE("Error catalogs: Error<> carries the reason, the code and both texts",
          "[api][registry]") {
  namespace errors = badgewatch::registry::errors;
  const Status wrong = badgewatch::Error<errors::kSmsCodeWrong>(3);
  CHECK(wrong.code() == StatusCode::kInvalidArgument);
  CHECK(wrong.reason() == "sms-code-wrong");
  CHECK(wrong.message(Language::kChinese) == "短信验证码不正确（还可再试 3 次）。");
  CHECK(wrong.message(Language::kEnglish) == "wrong SMS code (3 attempts left)");
  CHECK(wrong.message() == wrong.message(Language::kEnglish));

  const Status required =
      badgewatch::Error<errors::kFieldRequired>(Localized{"网站名称", "website name"});
  CHECK(required.message(Language::kChinese) == "请填写网站名称。");
  CHECK(required.message(Language::kEnglish) == "website name is required");

  // An error that explains another keeps the other's code and shows its text.
  const Status cause = badgewatch::Error<errors::kSqliteConstraint>("CHECK constraint failed");
  const Status explained = badgewatch::ErrorCausedBy<errors::kMigrationFailed>(cause, 6, cause);
  CHECK(explained.code() == StatusCode::kFailedPrecondition);
  CHECK(explained.reason() == "migration-failed");
  CHECK(explained.message(Language::kChinese) ==
        "第 6 版结构迁移失败：违反登记库的约束：CHECK constraint failed");

  // A Status from outside the catalogs reads the same in both languages.
  const Status plain(StatusCode::kUnavailable, "connection refused");
  CHECK(plain.reason() == "unavailable");
  CHECK(plain.message(Language::kChinese) == "connection refused");
}

TEST_CASE("Languages: Accept-Language chooses between Chinese and English by q-value", "[api]") {
  using badgewatch::PreferredLanguage;
  CHECK(PreferredLanguage("zh-CN,zh;q=0.9,en;q=0.8") == Language::kChinese);
  CHECK(PreferredLanguage("en-US,en;q=0.9,zh-CN;q=0.8") == Language::kEnglish);
  CHECK(PreferredLanguage("fr, zh;q=0.5") == Language::kChinese);
  CHECK(PreferredLanguage("zh;q=0.3, EN;q=0.7") == Language::kEnglish);
  CHECK(PreferredLanguage("zh-Hant-TW") == Language::kChinese);
  CHECK(PreferredLanguage("en;q=0.5, zh;q=0.5") == Language::kEnglish);  // the first on a tie
  CHECK_FALSE(PreferredLanguage("fr-FR, de;q=0.8").has_value());
  CHECK_FALSE(PreferredLanguage("en;q=0").has_value());
  CHECK_FALSE(PreferredLanguage("").has_value());
  CHECK(PreferredLanguage("en;q=2, zh;q=0.1") == Language::kChinese);  // q=2 is no q-value
  CHECK(PreferredLanguage("en;q=0.05 , zh;q=0.001") == Language::kEnglish);
}

TEST_CASE(
    "Error catalogs: the API answers a Chinese caller in Chinese and an English one in "
    "English",
    "[api][registry]") {
  RegistryApi api;
  json form = api.FormJson("某县人民政府网");
  form["handler_mobile"] = "12345";
  const std::string body = form.dump();

  // No preference: Chinese, the default.
  HttpResponse plain =
      api.serving->Handle(Request(api, http::verb::post, "/api/applications", body));
  REQUIRE(plain.result() == http::status::bad_request);
  json answer = json::parse(plain.body());
  CHECK(answer["reason"] == "mobile-invalid");
  CHECK(answer["code"] == "invalid-argument");
  CHECK(answer["error"] == "手机号“12345”不是有效的大陆手机号码（以 13-19 开头的 11 位数字）。");

  HttpRequest english = Request(api, http::verb::post, "/api/applications", body);
  english.set(http::field::accept_language, "en-US,en;q=0.9,zh-CN;q=0.5");
  answer = json::parse(api.serving->Handle(std::move(english)).body());
  CHECK(answer["reason"] == "mobile-invalid");
  CHECK(answer["error"] ==
        "mobile '12345' is not a mainland mobile number (11 digits starting with 13-19)");

  // The pages' language cookie wins over the browser's header.
  HttpRequest cookie = Request(api, http::verb::post, "/api/applications", body);
  cookie.set(http::field::accept_language, "en");
  cookie.set(http::field::cookie, "bw_lang=zh");
  answer = json::parse(api.serving->Handle(std::move(cookie)).body());
  CHECK(answer["error"] == "手机号“12345”不是有效的大陆手机号码（以 13-19 开头的 11 位数字）。");

  // The API's own refusals too: a route's 404 and the router's.
  HttpRequest missing = Request(api, http::verb::get, "/api/applications/999999", "");
  missing.set(http::field::accept_language, "zh-CN");
  HttpResponse not_found = api.serving->Handle(std::move(missing));
  CHECK(not_found.result() == http::status::not_found);
  CHECK(json::parse(not_found.body())["error"] == "没有这个申请。");
  HttpRequest nowhere = Request(api, http::verb::get, "/api/nowhere", "");
  nowhere.set(http::field::accept_language, "en");
  CHECK(json::parse(api.serving->Handle(std::move(nowhere)).body())["reason"] ==
        "no-such-resource");
}
