// The web login's cookie and its CSRF rule: reading a cookie (`bw_session`,
// the pages' `bw_lang`) from a request's Cookie headers, the Set-Cookie values that set and clear
// it, and whether a write request carries the session's CSRF token (header `X-CSRF-Token`, or a
// `csrf_token` field of a posted form). Pure; any thread.
//
// Example:
//   response.set(http::field::set_cookie, SessionCookie(token, std::chrono::hours(8), true));
#ifndef BADGEWATCH_API_SERVICE_SESSION_COOKIE_H_
#define BADGEWATCH_API_SERVICE_SESSION_COOKIE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "api/http/http_message.h"

namespace badgewatch::api {

inline constexpr std::string_view kSessionCookieName = "bw_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";
inline constexpr std::string_view kCsrfFormField = "csrf_token";

// CookieValue(request, "bw_session").
[[nodiscard]] std::optional<std::string_view> SessionCookieToken(const HttpRequest& request);

// "bw_session=<token>; Path=/; HttpOnly; SameSite=Strict; Max-Age=<lifetime>",
// with "; Secure" when `secure` (deployments behind TLS).
[[nodiscard]] std::string SessionCookie(std::string_view token, std::chrono::seconds lifetime,
                                        bool secure);

// The Set-Cookie value that makes the browser drop the cookie (Max-Age=0).
[[nodiscard]] std::string ClearedSessionCookie(bool secure);

// Whether `method` changes state (POST, PUT, PATCH, DELETE) and so needs the
// CSRF token when the caller is authenticated by cookie.
[[nodiscard]] bool NeedsCsrfToken(http::verb method);

// Whether the request presents `csrf_token` (compared in constant time) in
// the X-CSRF-Token header or, for an application/x-www-form-urlencoded body,
// in its `csrf_token` field. False when `csrf_token` is empty.
[[nodiscard]] bool PresentsCsrfToken(const HttpRequest& request, std::string_view csrf_token);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SESSION_COOKIE_H_
