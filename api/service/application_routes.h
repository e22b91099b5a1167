// The JSON API of site applications (site-opening review / recheck and badge
// application) and the SMS code that confirms the handler's mobile:
//   POST /api/sms-codes                        {"mobile"} → {"verification_id"}
//   POST /api/sms-codes/{id}/confirmation      {"code"}
//   GET  /api/applications[?state=S]           the caller's visible applications
//   POST /api/applications                     a unit submits the form
//   GET  /api/applications/{id}                summary, latest form, history, the
//                                              unit; for reviewers, domain conflicts
//   PUT  /api/applications/{id}                the unit resubmits a rejected one
//   POST /api/applications/{id}/decisions      {"action", "reason"}: a reviewer's
//                                              step, or the unit's withdraw
// An application the caller may not see answers 404, whatever the method.
// Handlers run on the server's worker threads.
#ifndef BADGEWATCH_API_SERVICE_APPLICATION_ROUTES_H_
#define BADGEWATCH_API_SERVICE_APPLICATION_ROUTES_H_

#include <optional>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "registry/site_applications.h"

namespace badgewatch::api {

// Whether `actor` may see `application` (its unit's scope).
[[nodiscard]] bool MaySeeApplication(const registry::Actor& actor,
                                     const registry::ApplicationSummary& application);

// The application whose id is the path's `{id}`, if `actor` may see it;
// nullopt for a malformed or unknown id and for one the actor may not see.
[[nodiscard]] std::optional<registry::ApplicationSummary> VisibleApplication(
    const RouteRequest& route, const registry::Actor& actor, registry::Database& db);

// Registers the routes on `router`; `access` must outlive it.
void AddApplicationRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_APPLICATION_ROUTES_H_
