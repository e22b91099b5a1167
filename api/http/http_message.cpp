#include "api/http/http_message.h"

#include <algorithm>
#include <string>
#include <utility>

#include "foundation/ascii.h"

namespace badgewatch::api {

namespace {

constexpr std::string_view kJson = "application/json; charset=utf-8";
constexpr std::string_view kServerName = "badgewatch";

HttpResponse Respond(unsigned version, bool keep_alive, http::status status,
                     std::string_view content_type, std::string body) {
  HttpResponse response{status, version};
  response.set(http::field::server,
               boost::beast::string_view(kServerName.data(), kServerName.size()));
  response.set(http::field::content_type,
               boost::beast::string_view(content_type.data(), content_type.size()));
  // The API's bodies are data, never something for the browser to sniff.
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(keep_alive);
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

}  // namespace

HttpResponse JsonResponse(const HttpRequest& request, http::status status,
                          const nlohmann::json& body) {
  return Respond(request.version(), request.keep_alive(), status, kJson,
                 body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

HttpResponse TextResponse(const HttpRequest& request, http::status status,
                          std::string_view content_type, std::string body) {
  return Respond(request.version(), request.keep_alive(), status, content_type, std::move(body));
}

std::optional<std::string_view> CookieValue(const HttpRequest& request, std::string_view name) {
  const auto [first, last] = request.equal_range(http::field::cookie);
  for (auto header = first; header != last; ++header) {
    std::string_view cookies(header->value().data(), header->value().size());
    while (!cookies.empty()) {
      const std::size_t semicolon = cookies.find(';');
      const std::string_view pair = foundation::TrimAsciiSpace(cookies.substr(0, semicolon));
      cookies =
          semicolon == std::string_view::npos ? std::string_view() : cookies.substr(semicolon + 1);
      const std::size_t equals = pair.find('=');
      if (equals == std::string_view::npos ||
          foundation::TrimAsciiSpace(pair.substr(0, equals)) != name) {
        continue;
      }
      std::string_view value = foundation::TrimAsciiSpace(pair.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      if (!value.empty()) return value;
    }
  }
  return std::nullopt;
}

Language RequestLanguage(const HttpRequest& request) {
  if (const auto cookie = CookieValue(request, "bw_lang")) {
    if (const auto language = ParseLanguage(*cookie)) return *language;
  }
  const auto header = request.find(http::field::accept_language);
  if (header != request.end()) {
    if (const auto language =
            PreferredLanguage(std::string_view(header->value().data(), header->value().size()))) {
      return *language;
    }
  }
  return Language::kChinese;
}

namespace {

nlohmann::json ErrorBody(const Status& error, Language language) {
  return {{"error", error.message(language)},
          {"code", StatusCodeName(error.code())},
          {"reason", error.reason()}};
}

}  // namespace

HttpResponse ErrorResponse(const HttpRequest& request, http::status status, const Status& error) {
  const Language language = RequestLanguage(request);
  HttpResponse response = JsonResponse(request, status, ErrorBody(error, language));
  const std::string_view tag = LanguageTag(language);
  response.set(http::field::content_language, boost::beast::string_view(tag.data(), tag.size()));
  response.set(http::field::vary, "Accept-Language, Cookie");
  return response;
}

HttpResponse TooManyRequestsResponse(const HttpRequest& request, std::chrono::seconds retry_after,
                                     const Status& error) {
  HttpResponse response = ErrorResponse(request, http::status::too_many_requests, error);
  response.set(http::field::retry_after,
               std::to_string(std::max<std::chrono::seconds::rep>(1, retry_after.count())));
  return response;
}

HttpResponse UnreadableRequestResponse(http::status status, const Status& error) {
  const nlohmann::json body = ErrorBody(error, Language::kChinese);
  return Respond(11, false, status, kJson,
                 body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace badgewatch::api
