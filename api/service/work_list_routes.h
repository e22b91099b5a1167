// The lists reviewers work from, each scoped to the caller (a unit its own
// rows, a regional reviewer its region's, CONAC all), newest first, in the
// list envelope {page, per_page, total, items}:
//   GET /api/domains    ?state= &unit= &region= &q= (part of the domain's or unit's name)
//   GET /api/payments   ?state= (recorded, confirmed) &unit= &region=
//   GET /api/renewals   ?state= (submitted, completed) &unit= &region=
// each with page and per_page. An unknown parameter, or a value a filter does
// not know, is a 400 that says which values it takes — never an empty list.
// Handlers run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_WORK_LIST_ROUTES_H_
#define BADGEWATCH_API_SERVICE_WORK_LIST_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` must outlive it.
void AddWorkListRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_WORK_LIST_ROUTES_H_
