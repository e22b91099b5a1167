// The HTTP request and response types of the API server, and the responses
// every handler builds (JSON bodies, errors as `{"error": …}`). Pure values;
// any thread.
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
#include <string_view>

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

// `{"error": message}` with `status`. Used for every 4xx/5xx the API returns.
[[nodiscard]] HttpResponse ErrorResponse(const HttpRequest& request, http::status status,
                                         std::string_view message);

// 429 with a `Retry-After` header (whole seconds, at least 1).
[[nodiscard]] HttpResponse TooManyRequestsResponse(const HttpRequest& request,
                                                   std::chrono::seconds retry_after,
                                                   std::string_view message);

// An error for a request the server could not read into a request at all
// (too large, headers too long, malformed): HTTP/1.1, `Connection: close`.
[[nodiscard]] HttpResponse UnreadableRequestResponse(http::status status, std::string_view message);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_HTTP_MESSAGE_H_
