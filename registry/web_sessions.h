// Web login sessions: a random token for the browser's cookie (only its
// SHA-256 is stored), the session's CSRF token, its expiry; ended on logout
// or when the account's password changes. Start/End: writer thread; Find:
// any thread with its own connection.
//
// Example:
//   Result<WebSession> session = StartWebSession(registry, actor, std::chrono::hours(8));
//   Result<ActiveWebSession> found = FindWebSession(reader, session->token, registry.Now());
#ifndef BADGEWATCH_REGISTRY_WEB_SESSIONS_H_
#define BADGEWATCH_REGISTRY_WEB_SESSIONS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/database.h"
#include "registry/registry.h"

namespace badgewatch::registry {

// A new session, as handed to the browser once.
struct WebSession {
  std::string token;       // "bws_" + 64 hex digits (32 random bytes): URL- and cookie-safe
  std::string csrf_token;  // 64 hex digits, to echo on every form and write request
  std::int64_t expires_at = 0;
};

// A session found by its token.
struct ActiveWebSession {
  Actor actor;
  std::string csrf_token;
  std::int64_t expires_at = 0;
};

// Starts a session for `actor` lasting `lifetime` from Now(); audited
// ("session.start"). kInvalidArgument for a lifetime under one second.
[[nodiscard]] Result<WebSession> StartWebSession(Registry& registry, const Actor& actor,
                                                 std::chrono::seconds lifetime);

// The session of `token` at `now` (Unix seconds). kPermissionDenied when the
// token is unknown, the session ended, or it expired (expires_at <= now).
[[nodiscard]] Result<ActiveWebSession> FindWebSession(Database& db, std::string_view token,
                                                      std::int64_t now);

// Ends the session of `token` (logout), audited ("session.end"). Ending an
// unknown or already ended session is not an error: logging out twice is fine.
[[nodiscard]] Status EndWebSession(Registry& registry, std::string_view token);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_WEB_SESSIONS_H_
