#include "api/service/request_auth.h"

#include <spdlog/spdlog.h>

#include <boost/beast/core/string.hpp>
#include <string>

#include "api/service/api_errors.h"
#include "api/service/session_cookie.h"
#include "registry/web_sessions.h"

namespace badgewatch::api {

namespace {

HttpResponse Unauthorized(const HttpRequest& request, const Status& error) {
  HttpResponse response = ErrorResponse(request, http::status::unauthorized, error);
  response.set(http::field::www_authenticate, "Bearer realm=\"badgewatch\"");
  return response;
}

// The token of an `Authorization: Bearer …` header (scheme case-insensitive);
// nullopt when the header is absent or another scheme.
std::optional<std::string_view> BearerToken(const HttpRequest& request) {
  const auto header = request.find(http::field::authorization);
  if (header == request.end()) return std::nullopt;
  std::string_view value(header->value().data(), header->value().size());
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() < kScheme.size() ||
      !boost::beast::iequals(boost::beast::string_view(value.data(), kScheme.size()),
                             boost::beast::string_view(kScheme.data(), kScheme.size()))) {
    return std::nullopt;
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace

Caller AuthenticateCaller(const HttpRequest& request, registry::Database& db, std::int64_t now) {
  const std::optional<std::string_view> token = BearerToken(request);
  const std::optional<std::string_view> cookie = token ? std::nullopt : SessionCookieToken(request);
  if (!token && !cookie) {
    return {std::nullopt, Unauthorized(request, Error<errors::kLoginRequired>()), ""};
  }
  if (token) {
    Result<registry::Actor> actor = registry::AuthenticateToken(db, *token);
    if (actor) return {std::move(actor).value(), std::nullopt, ""};
    if (actor.status().code() == StatusCode::kPermissionDenied ||
        actor.status().code() == StatusCode::kNotFound) {
      return {std::nullopt, Unauthorized(request, Error<errors::kTokenInvalid>()), ""};
    }
    return {std::nullopt, RegistryErrorResponse(request, actor.status()), ""};
  }
  Result<registry::ActiveWebSession> session = registry::FindWebSession(db, *cookie, now);
  if (!session) {
    if (session.status().code() == StatusCode::kPermissionDenied ||
        session.status().code() == StatusCode::kNotFound) {
      return {std::nullopt, Unauthorized(request, Error<errors::kLoginExpired>()), ""};
    }
    return {std::nullopt, RegistryErrorResponse(request, session.status()), ""};
  }
  if (NeedsCsrfToken(request.method()) && !PresentsCsrfToken(request, session->csrf_token)) {
    return {std::nullopt,
            ErrorResponse(request, http::status::forbidden, Error<errors::kCsrfTokenMissing>()),
            ""};
  }
  return {std::move(session->actor), std::nullopt, std::move(session->csrf_token)};
}

nlohmann::json ActorJson(const registry::Actor& actor) {
  nlohmann::json body = {{"account_id", actor.account_id},
                         {"role", registry::RoleName(actor.role)}};
  if (actor.role == registry::Role::kUnit) body["unit_id"] = actor.unit_id;
  if (actor.role == registry::Role::kRegional) {
    body["region"] = actor.region_code;
    body["office"] = actor.office_code;
  }
  return body;
}

http::status HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return http::status::ok;
    case StatusCode::kInvalidArgument:
      return http::status::bad_request;
    case StatusCode::kNotFound:
      return http::status::not_found;
    case StatusCode::kPermissionDenied:
      return http::status::forbidden;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAlreadyExists:
      return http::status::conflict;
    case StatusCode::kUnavailable:
      return http::status::bad_gateway;
    case StatusCode::kResourceExhausted:
      return http::status::too_many_requests;
    case StatusCode::kStorage:
    case StatusCode::kSchemaTooNew:
    case StatusCode::kInternal:
      return http::status::internal_server_error;
  }
  return http::status::internal_server_error;
}

HttpResponse RegistryErrorResponse(const HttpRequest& request, const Status& status) {
  const http::status http_status = HttpStatusFor(status.code());
  if (http_status == http::status::internal_server_error) {
    spdlog::error("registry failure: {}", status.ToString());
    return ErrorResponse(request, http_status, Error<errors::kRegistryUnavailable>());
  }
  return ErrorResponse(request, http_status, status);
}

}  // namespace badgewatch::api
