#include "api/service/login.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "api/service/api_errors.h"
#include "api/service/session_cookie.h"
#include "registry/registry_errors.h"
#include "registry/web_sessions.h"

namespace badgewatch::api {

namespace {

WebLoginResult Unavailable(const Status& status) {
  spdlog::error("login: {}", status.ToString());
  WebLoginResult result;
  result.outcome = WebLoginResult::Outcome::kUnavailable;
  return result;
}

}  // namespace

WebLoginResult LogIn(const WebLoginAccess& access, std::string_view login,
                     std::string_view password, const boost::asio::ip::address& client) {
  WebLoginResult result;
  if (access.throttle != nullptr) {
    const std::chrono::seconds wait = access.throttle->TryAttempt(login, client);
    if (wait.count() > 0) {
      // The login is quoted and escaped: it is the caller's text.
      spdlog::warn("login: {:?} from {} throttled for {} s after repeated failures", login,
                   client.to_string(), wait.count());
      result.outcome = WebLoginResult::Outcome::kThrottled;
      result.retry_after_seconds = static_cast<int>(wait.count());
      return result;
    }
  }
  std::optional<PasswordSlots::Slot> slot =
      access.password_slots != nullptr ? access.password_slots->TryAcquire() : std::nullopt;
  if (access.password_slots != nullptr) {
    if (!slot) {
      if (access.throttle != nullptr) access.throttle->Withdrawn(login, client);
      result.outcome = WebLoginResult::Outcome::kBusy;
      result.retry_after_seconds = 1;
      return result;
    }
  }
  Result<registry::Actor> actor = [&]() -> Result<registry::Actor> {
    Result<ReaderLease> lease = access.registry.readers->Acquire();
    if (!lease) return lease.status();
    return registry::VerifyLogin(lease->db(), login, password, access.password_cost);
  }();
  slot.reset();  // the slow part is done
  if (!actor) {
    if (actor.status().code() == StatusCode::kPermissionDenied) {
      spdlog::warn("login: {:?} refused: {}", login, registry::kBadLoginMessage);
      return result;
    }
    return Unavailable(actor.status());
  }
  Result<registry::WebSession> session = [&] {
    RegistryWriter::Lease writer = access.registry.writer->Acquire();
    return registry::StartWebSession(writer.registry(), *actor, access.session_lifetime);
  }();
  if (!session) return Unavailable(session.status());
  if (access.throttle != nullptr) access.throttle->Succeeded(login, client);
  result.outcome = WebLoginResult::Outcome::kLoggedIn;
  result.actor = std::move(actor).value();
  result.set_cookie = SessionCookie(session->token, access.session_lifetime, access.secure_cookies);
  result.csrf_token = session->csrf_token;
  return result;
}

std::string LogOut(const WebLoginAccess& access, const HttpRequest& request) {
  if (const std::optional<std::string_view> token = SessionCookieToken(request)) {
    RegistryWriter::Lease writer = access.registry.writer->Acquire();
    if (Status ended = registry::EndWebSession(writer.registry(), *token); !ended.ok()) {
      spdlog::error("logout: {}", ended.ToString());
    }
  }
  return ClearedSessionCookie(access.secure_cookies);
}

Status LoginRefusal(const WebLoginResult& result) {
  switch (result.outcome) {
    case WebLoginResult::Outcome::kThrottled:
      return Error<errors::kLoginThrottled>(std::max(1, result.retry_after_seconds));
    case WebLoginResult::Outcome::kBusy:
      return Error<errors::kLoginBusy>();
    case WebLoginResult::Outcome::kUnavailable:
      return Error<errors::kLoginUnavailable>();
    case WebLoginResult::Outcome::kBadCredentials:
      return Error<registry::errors::kBadLogin>();
    case WebLoginResult::Outcome::kLoggedIn:
      break;
  }
  return Status::Ok();
}

}  // namespace badgewatch::api
