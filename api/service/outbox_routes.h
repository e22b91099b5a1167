// The notification outbox's status for CONAC staff: how many SMS and e-mails
// wait, were sent or were given up, and the rows themselves, newest first.
//   GET /api/outbox[?state=pending|sent|failed&page=&per_page=]
//     → {"counts": [{"state", "channel", "rows"}], "oldest_pending_at",
//        "page", "per_page", "total", "items": [row]}
// Units and regional reviewers get 403: rows carry every unit's mobile
// numbers and addresses. Handlers run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_OUTBOX_ROUTES_H_
#define BADGEWATCH_API_SERVICE_OUTBOX_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"

namespace badgewatch::api {

// Registers the route on `router`; `access` must outlive it.
void AddOutboxRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_OUTBOX_ROUTES_H_
