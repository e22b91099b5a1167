// The reference lists the registration form chooses from, open to everyone
// (a new unit has no login yet):
//   GET /api/regions                 every province with its cities and counties (GB/T 2260)
//   GET /api/regions?parent=330100   the divisions directly under one (parent= for provinces)
//   GET /api/system-categories       the system categories
// and, for signed-in callers, where each office receives paper materials:
//   GET /api/offices/{code}          the office of a division: name, address, phone
//   PUT /api/offices/{code}          {"address", "phone"} (the office, one above it, CONAC)
// Handlers run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_DIVISION_ROUTES_H_
#define BADGEWATCH_API_SERVICE_DIVISION_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` must outlive it.
void AddDivisionRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_DIVISION_ROUTES_H_
