#include "api/http/http_message.h"

#include <algorithm>
#include <string>
#include <utility>

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

HttpResponse ErrorResponse(const HttpRequest& request, http::status status,
                           std::string_view message) {
  return JsonResponse(request, status, {{"error", message}});
}

HttpResponse TooManyRequestsResponse(const HttpRequest& request, std::chrono::seconds retry_after,
                                     std::string_view message) {
  HttpResponse response = ErrorResponse(request, http::status::too_many_requests, message);
  response.set(http::field::retry_after,
               std::to_string(std::max<std::chrono::seconds::rep>(1, retry_after.count())));
  return response;
}

HttpResponse UnreadableRequestResponse(http::status status, std::string_view message) {
  const nlohmann::json body = {{"error", message}};
  return Respond(11, false, status, kJson,
                 body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace badgewatch::api
