#include "api/service/session_routes.h"

#include <fmt/format.h>

#include "api/service/api_errors.h"
#include "api/service/json_body.h"
#include "api/service/request_auth.h"
#include "registry/passwords.h"

namespace badgewatch::api {

namespace {

HttpResponse StartSession(const RouteRequest& route, const WebLoginAccess& access) {
  JsonBody body = ParseJsonBody(route.request, {"login", "password"});
  const std::string login = body.String("login");
  const std::string password = body.String("password");
  if (!body.ok()) return body.Refusal(route.request);
  const WebLoginResult result = LogIn(access, login, password, route.client);
  switch (result.outcome) {
    case WebLoginResult::Outcome::kLoggedIn: {
      nlohmann::json answer = ActorJson(result.actor);
      answer["csrf_token"] = result.csrf_token;
      answer["expires_in"] = access.session_lifetime.count();
      HttpResponse response = JsonResponse(route.request, http::status::ok, answer);
      response.set(http::field::set_cookie, result.set_cookie);
      response.set(http::field::cache_control, "no-store");
      return response;
    }
    case WebLoginResult::Outcome::kBadCredentials:
      return ErrorResponse(route.request, http::status::unauthorized, LoginRefusal(result));
    case WebLoginResult::Outcome::kThrottled:
      return TooManyRequestsResponse(
          route.request, std::chrono::seconds(result.retry_after_seconds), LoginRefusal(result));
    case WebLoginResult::Outcome::kBusy: {
      HttpResponse response =
          ErrorResponse(route.request, http::status::service_unavailable, LoginRefusal(result));
      response.set(http::field::retry_after, std::to_string(result.retry_after_seconds));
      return response;
    }
    case WebLoginResult::Outcome::kUnavailable:
      break;
  }
  return ErrorResponse(route.request, http::status::internal_server_error,
                       Error<errors::kRegistryUnavailable>());
}

HttpResponse EndSession(const RouteRequest& route, const WebLoginAccess& access) {
  // A live session's logout is a write like any other: it needs the CSRF token.
  {
    Result<ReaderLease> lease = access.registry.readers->Acquire();
    if (!lease) return RegistryErrorResponse(route.request, lease.status());
    Caller caller = AuthenticateCaller(route.request, lease->db(), access.registry.writer->Now());
    if (caller.refusal && caller.refusal->result() == http::status::forbidden) {
      return std::move(*caller.refusal);
    }
  }
  HttpResponse response{http::status::no_content, route.request.version()};
  response.keep_alive(route.request.keep_alive());
  response.set(http::field::set_cookie, LogOut(access, route.request));
  response.prepare_payload();
  return response;
}

}  // namespace

void AddSessionRoutes(RequestRouter& router, const WebLoginAccess& access) {
  router.Add(http::verb::post, "/api/session",
             [&access](const RouteRequest& route) { return StartSession(route, access); });
  router.Add(http::verb::delete_, "/api/session",
             [&access](const RouteRequest& route) { return EndSession(route, access); });
}

}  // namespace badgewatch::api
