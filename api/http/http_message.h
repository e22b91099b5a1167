// The HTTP request and response types of the API server, the responses
// every handler builds (JSON bodies; errors as `{"error", "code", "reason"}`
// in the caller's language), and what a request says of its caller (its
// cookies, its language). Pure values; any thread.
//
// Example:
//   return JsonResponse(request, http::status::ok, {{"verdict", "pass"}});
#ifndef BADGEWATCH_API_HTTP_HTTP_MESSAGE_H_
#define BADGEWATCH_API_HTTP_HTTP_MESSAGE_H_

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "foundation/language.h"
#include "foundation/status.h"

namespace badgewatch::api {

namespace http = boost::beast::http;

using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

// A response to `request` (same HTTP version and keep-alive) with a JSON body.
[[nodiscard]] HttpResponse JsonResponse(const HttpRequest& request, http::status status,
                                        const nlohmann::json& body);

// A response to `request` with `content_type` and `body` as given.
[[nodiscard]] HttpResponse TextResponse(const HttpRequest& request, http::status status,
                                        std::string_view content_type, std::string body);

// The value of the first cookie `name` in the request's Cookie headers
// (spaces around it and double quotes dropped); nullopt when there is none
// or it is empty. The view points into `request`.
[[nodiscard]] std::optional<std::string_view> CookieValue(const HttpRequest& request,
                                                          std::string_view name);

// The language to answer the caller in: the pages' `bw_lang` cookie (zh or
// en), then the Accept-Language header, then Chinese.
[[nodiscard]] Language RequestLanguage(const HttpRequest& request);

// `{"error": <text in RequestLanguage>, "code": "not-found", "reason":
// "no-such-site"}` with `status`, for a catalog error (foundation/error_text.h).
// Used for every 4xx/5xx the API returns.
[[nodiscard]] HttpResponse ErrorResponse(const HttpRequest& request, http::status status,
                                         const Status& error);

// 429 with a `Retry-After` header (whole seconds, at least 1).
[[nodiscard]] HttpResponse TooManyRequestsResponse(const HttpRequest& request,
                                                   std::chrono::seconds retry_after,
                                                   const Status& error);

// An error for a request the server could not read into a request at all
// (too large, headers too long, malformed): HTTP/1.1, `Connection: close`;
// in Chinese, as nothing of the request can be trusted to say otherwise.
[[nodiscard]] HttpResponse UnreadableRequestResponse(http::status status, const Status& error);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_HTTP_MESSAGE_H_
