// Logging in and out of the web pages: checks a login and password against
// the registry (slow scrypt, on the calling worker thread holding one of the
// password slots, never under the writer lease), throttles failed attempts
// per login, per address and per both (LoginThrottle), starts a web
// session and builds the `bw_session` Set-Cookie value; logging out ends the
// session the request's cookie names. Any worker thread, never the io thread.
//
// Example:
//   WebLoginResult result = LogIn(access, login, password);
//   if (result.outcome == WebLoginResult::Outcome::kLoggedIn)
//     response.set(http::field::set_cookie, result.set_cookie);
#ifndef BADGEWATCH_API_SERVICE_LOGIN_H_
#define BADGEWATCH_API_SERVICE_LOGIN_H_

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "api/http/http_message.h"
#include "api/service/caller_scope.h"
#include "api/service/login_throttle.h"
#include "api/service/password_slots.h"
#include "registry/accounts.h"
#include "registry/passwords.h"
#include "scan/report_messages.h"

namespace badgewatch::api {

struct WebLoginAccess {
  RegistryAccess registry;
  LoginThrottle* throttle = nullptr;  // null: no throttling (tests of other things only)
  bool secure_cookies = false;        // add `Secure` to the cookie (serve behind TLS)
  std::chrono::seconds session_lifetime{8 * 3600};
  // The scrypt cost of stored passwords, also the cost of the decoy check for
  // logins without one. Tests use a cheap one; production keeps the default.
  registry::PasswordCost password_cost{};
  PasswordSlots* password_slots = nullptr;  // null: password checks are not bounded
};

struct WebLoginResult {
  enum class Outcome { kLoggedIn, kBadCredentials, kThrottled, kBusy, kUnavailable };
  Outcome outcome = Outcome::kBadCredentials;
  registry::Actor actor;        // kLoggedIn
  std::string set_cookie;       // kLoggedIn: the value of the Set-Cookie header
  std::string csrf_token;       // kLoggedIn
  int retry_after_seconds = 0;  // kThrottled, kBusy
};

// kLoggedIn with a new session; kBadCredentials for an unknown login, an
// account without a password or a wrong password alike; kThrottled when
// LoginThrottle refuses `login` from `client` for now; kBusy (retry after 1 s)
// when every password slot is taken; kUnavailable when the registry cannot
// be read or written (logged).
[[nodiscard]] WebLoginResult LogIn(const WebLoginAccess& access, std::string_view login,
                                   std::string_view password,
                                   const boost::asio::ip::address& client);

// Ends the session the request's cookie names (if any); returns the Set-Cookie value that clears
// the cookie. Does not check the CSRF token: a caller answering a form should authenticate the
// request first (AuthenticateCaller) when it wants logout protected too.
[[nodiscard]] std::string LogOut(const WebLoginAccess& access, const HttpRequest& request);

// Why a login was refused, as an error of the API's catalog: kThrottled (with
// its wait in seconds, at least 1), kBusy, kUnavailable, and kBadCredentials
// (registry's bad-login, the same for an unknown login and a wrong password);
// ok for kLoggedIn. Shared by the JSON session route and the login page.
[[nodiscard]] Status LoginRefusal(const WebLoginResult& result);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_LOGIN_H_
