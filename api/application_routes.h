// The JSON API of site applications (site-opening review / recheck and badge
// application) and the SMS code that confirms the handler's mobile:
//   POST /api/sms-codes                        {"mobile"} → {"verification_id"}
//   POST /api/sms-codes/{id}/confirmation      {"code"}
//   GET  /api/applications[?state=S]           the caller's visible applications
//   POST /api/applications                     a unit submits the form
//   GET  /api/applications/{id}                summary, latest form, history
//   PUT  /api/applications/{id}                the unit resubmits a rejected one
//   POST /api/applications/{id}/decisions      {"action", "reason"} by a reviewer
// An application the caller may not see answers 404, whatever the method.
// Handlers run on the server's worker threads.
#ifndef BADGEWATCH_API_APPLICATION_ROUTES_H_
#define BADGEWATCH_API_APPLICATION_ROUTES_H_

#include "api/caller_scope.h"
#include "api/request_router.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` must outlive it.
void AddApplicationRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_APPLICATION_ROUTES_H_
