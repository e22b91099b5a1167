// What an authenticated API caller may see: a unit account its own unit's
// records, a regional reviewer its office's and those of the offices below
// it, CONAC staff everything; which units' steps it may take; and the
// frame every registry route runs in (a reader connection and the caller, or
// the refusal). Any worker thread.
//
// Example:
//   return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
//     if (!MaySeeUnit(actor, unit.id, unit.fields.division_code)) return NotFound(...);
//     ...
//   });
#ifndef BADGEWATCH_API_SERVICE_CALLER_SCOPE_H_
#define BADGEWATCH_API_SERVICE_CALLER_SCOPE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "api/http/request_router.h"
#include "api/service/reader_pool.h"
#include "api/service/registry_writer.h"
#include "api/service/request_auth.h"
#include "registry/accounts.h"
#include "registry/domain_terms.h"
#include "registry/workflow.h"

namespace badgewatch::api {

class SmsCodeGate;

// The registry as the API's handlers reach it.
struct RegistryAccess {
  ReaderPool* readers = nullptr;
  RegistryWriter* writer = nullptr;
  SmsCodeGate* sms_codes = nullptr;  // null: the registry's SMS limits only
  // The fee, grace period and bank account the pages and routes show; null:
  // the defaults (registry::DomainTerms{}).
  const registry::DomainTerms* domain_terms = nullptr;
};

// `access.domain_terms`, or the defaults when it is null.
[[nodiscard]] const registry::DomainTerms& DomainTermsOf(const RegistryAccess& access);

// Whether `actor` may see records of the unit `unit_id` whose own division
// is `division_code`: a reviewer when its office oversees that division
// (registry::OfficeCovers).
[[nodiscard]] bool MaySeeUnit(const registry::Actor& actor, std::int64_t unit_id,
                              std::string_view division_code);
// Whether `actor` may take that unit's steps: the unit itself, the office at
// the unit's own level (higher offices see it read-only), CONAC.
[[nodiscard]] bool MayActForUnit(const registry::Actor& actor, std::int64_t unit_id,
                                 std::string_view division_code);

// Narrows a list's unit and region filters (0 and "": not asked for) to what
// `actor` may see: a unit its own unit, a regional reviewer its region and
// its office's subtree (`office_prefix`, registry::OfficeSubtreePrefix),
// CONAC what it asked for. False when the caller asked for a unit or region
// outside its scope: the list is empty.
[[nodiscard]] bool NarrowToScope(const registry::Actor& actor, std::int64_t& unit_id,
                                 std::string& region_code, std::string& office_prefix);

// A positive decimal id from a path segment; nullopt otherwise.
[[nodiscard]] std::optional<std::int64_t> ParseRecordId(std::string_view text);

// Runs `respond(caller, db)` for an authenticated caller with a reader
// connection; otherwise answers the refusal (401, 403 for a cookie-borne
// write without the CSRF token, or 500 if the registry cannot be read).
// Web pages use it to see `caller.csrf_token`, which their forms echo.
template <typename Respond>
[[nodiscard]] HttpResponse WithAuthenticatedCaller(const RouteRequest& route,
                                                   const RegistryAccess& access,
                                                   Respond&& respond) {
  Result<ReaderLease> lease = access.readers->Acquire();
  if (!lease) return RegistryErrorResponse(route.request, lease.status());
  Caller caller = AuthenticateCaller(route.request, lease->db(), access.writer->Now());
  if (caller.refusal) return std::move(*caller.refusal);
  return std::forward<Respond>(respond)(static_cast<const Caller&>(caller), lease->db());
}

// As WithAuthenticatedCaller, for routes that need only the actor:
// `respond(actor, db)`.
template <typename Respond>
[[nodiscard]] HttpResponse WithCaller(const RouteRequest& route, const RegistryAccess& access,
                                      Respond&& respond) {
  return WithAuthenticatedCaller(route, access,
                                 [&respond](const Caller& caller, registry::Database& db) {
                                   return std::forward<Respond>(respond)(*caller.actor, db);
                                 });
}

// A registry route as a plain function, bound to `access` for the router.
using RegistryRoute = HttpResponse (*)(const RouteRequest&, const RegistryAccess&);
[[nodiscard]] RouteHandler BindRegistryRoute(const RegistryAccess& access, RegistryRoute route);

// A reviewer's step from a `{"action", "reason"}` body, or the 400 to answer.
struct ReviewDecision {
  std::optional<registry::WorkflowAction> action;  // nullopt: see `refusal`
  std::string reason;
  std::optional<HttpResponse> refusal;
};
[[nodiscard]] ReviewDecision ReadReviewDecision(const HttpRequest& request);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_CALLER_SCOPE_H_
