// The web login as JSON, for scripts and the pages' own forms:
//   POST   /api/session  {"login", "password"} → 200 {"account_id", "role", "csrf_token", …}
//          with Set-Cookie bw_session; 401 bad credentials; 429 + Retry-After throttled
//   DELETE /api/session  → 204, the session ended and the cookie cleared
// Handlers run on the server's worker threads (the password check is slow).
#ifndef BADGEWATCH_API_SERVICE_SESSION_ROUTES_H_
#define BADGEWATCH_API_SERVICE_SESSION_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/login.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` must outlive it.
void AddSessionRoutes(RequestRouter& router, const WebLoginAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SESSION_ROUTES_H_
