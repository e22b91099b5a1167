// Who is calling: the `Authorization: Bearer <token>` of an API request,
// checked against the registry's token table (SHA-256 of the token, looked up
// by that hash, so the comparison never touches the token's own bytes), or
// else the web login's session cookie with its CSRF rule; and the HTTP answer
// for a registry failure. Any worker thread.
#ifndef BADGEWATCH_API_SERVICE_REQUEST_AUTH_H_
#define BADGEWATCH_API_SERVICE_REQUEST_AUTH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/http/http_message.h"
#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/database.h"

namespace badgewatch::api {

// The actor behind the request, or the response to send instead. A bearer
// token is tried first; without one, the `bw_session` cookie names a web
// session, valid at `now` (Unix seconds, the registry's clock). A write
// (POST/PUT/PATCH/DELETE) authenticated by cookie must present the session's
// CSRF token (see PresentsCsrfToken), else 403 `{"code": "csrf"}`; bearer
// requests need none. Refusals: 401 with `WWW-Authenticate: Bearer` when
// there is neither credential or it is unknown, revoked, expired or ended;
// 500 when the registry cannot be read.
struct Caller {
  std::optional<registry::Actor> actor;
  std::optional<HttpResponse> refusal;
  std::string csrf_token;  // non-empty when authenticated by the session cookie
};
[[nodiscard]] Caller AuthenticateCaller(const HttpRequest& request, registry::Database& db,
                                        std::int64_t now);

// `{"account_id", "role", "unit_id" (units), "region" (reviewers)}`: who the
// caller is, as /api/me and the login answer say it.
[[nodiscard]] nlohmann::json ActorJson(const registry::Actor& actor);

// The HTTP status for a registry failure: invalid-argument 400, not-found 404,
// permission-denied 403, failed-precondition and already-exists 409,
// resource-exhausted 429, unavailable 502, storage, schema-too-new and internal 500.
[[nodiscard]] http::status HttpStatusFor(StatusCode code);

// `{"error": message, "code": "not-found"}` with HttpStatusFor(code). Storage
// errors do not show SQLite's message to the caller (it goes to the log).
[[nodiscard]] HttpResponse RegistryErrorResponse(const HttpRequest& request, const Status& status);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_REQUEST_AUTH_H_
