// Account registration (附件一) over the API — the one registry write that
// needs no login: a unit registers itself with its fields, a login and a
// password, and can then log in.
//   POST /api/registrations   {"kind", "region", "system_category", "name",
//                              "address", "handler_name", "mobile", "email",
//                              "login", "password"} → 201 {"account_id", "unit_id"}
// `region` is a province (2 digits) or any division (6 digits, GET /api/regions).
// Every field is checked before anything is written, and all their errors
// answered at once (400 with "field_errors"); the unit is told by SMS and
// e-mail that its account exists. Registrations
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
#include <optional>
#include <string>
#include <vector>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "registry/accounts.h"
#include "registry/field_validation.h"
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

// What a registration (API or web form) came to: the new unit account, or
// every field error at once, or a refusal (429 over the limit with its wait,
// a registry failure).
struct RegistrationOutcome {
  std::optional<registry::Actor> actor;
  std::vector<registry::FieldError> field_errors;  // "kind", "region", "name", "login", ...
  bool conflict = false;  // every field error says a name or login is taken
  std::optional<Status> failure;
  std::chrono::seconds retry_after{0};  // failure kResourceExhausted
};

// The form as the unit filled it in: `kind_text` a unit kind (ParseUnitKind),
// `region` a 2-digit province or a 6-digit division code.
struct RegistrationForm {
  std::string kind_text;
  std::string region;
  registry::UnitFields fields;  // kind and region filled from the above
  std::string login;
  std::string password;
  // Problems the caller found itself (the web form's second password),
  // answered together with the registry's.
  std::vector<registry::FieldError> extra_errors;
};

// Checks every field (registry::CheckRegistrationForm, on a reader) before
// anything is counted or hashed; then the limit, the hash, and
// registry::RegisterUnit with its confirmation SMS and e-mail.
[[nodiscard]] RegistrationOutcome RegisterOnline(const RegistrationAccess& access,
                                                 RegistrationForm form);

// Registers the route on `router`; `access` must outlive it.
void AddRegistrationRoutes(RequestRouter& router, const RegistrationAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_REGISTRATION_ROUTES_H_
