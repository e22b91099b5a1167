// Account registration (附件一) over the API — the one registry write that
// needs no login: a unit registers itself with its fields, a login and a
// password, and can then log in.
//   POST /api/registrations   {"kind", "region", "system_category", "name",
//                              "address", "handler_name", "mobile", "email",
//                              "login", "password"} → 201 {"account_id", "unit_id"}
// The password policy is checked before anything is written. Registrations
// are capped server-wide (RegistrationLimit); over the cap → 429 with
// Retry-After. Only registrations that succeed count: a refused one (a bad
// field, a name or login taken) gives its place back. Handlers run on worker
// threads.
#ifndef BADGEWATCH_API_SERVICE_REGISTRATION_ROUTES_H_
#define BADGEWATCH_API_SERVICE_REGISTRATION_ROUTES_H_

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "registry/passwords.h"

namespace badgewatch::api {

// At most `max` registrations in any `window`, server-wide: a public form
// must not let one client fill the registry. Thread-safe.
class RegistrationLimit {
 public:
  using Clock = std::chrono::steady_clock;
  RegistrationLimit(std::size_t max, Clock::duration window) : max_(max), window_(window) {}

  // Counts one registration at `now` and returns zero, or refuses it and
  // returns how long until one is allowed again.
  [[nodiscard]] Clock::duration TryAcquire(Clock::time_point now);

  // Gives back the registration counted by TryAcquire(`acquired_at`), which
  // then failed; nothing when there is none counted at that time.
  void Release(Clock::time_point acquired_at);

 private:
  std::mutex mutex_;
  std::size_t max_;
  Clock::duration window_;
  std::deque<Clock::time_point> recent_;
};

struct RegistrationAccess {
  RegistryAccess registry;
  RegistrationLimit* limit = nullptr;
  registry::PasswordCost password_cost;  // tests lower it
};

// Registers the route on `router`; `access` must outlive it.
void AddRegistrationRoutes(RequestRouter& router, const RegistrationAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_REGISTRATION_ROUTES_H_
