// Every route `badgewatch serve` answers, registered in one place so the
// server and the tests (e.g. the OpenAPI completeness test) see the same set.
#ifndef BADGEWATCH_API_API_ROUTES_H_
#define BADGEWATCH_API_API_ROUTES_H_

#include "api/request_router.h"
#include "api/scan_routes.h"
#include "api/self_check_routes.h"
#include "api/service_routes.h"

namespace badgewatch::api {

// Registers the service, application, domain, self-check, scan and
// compliance-record routes; the contexts must outlive `router`.
void AddApiRoutes(RequestRouter& router, const ServiceContext& service,
                  const SelfCheckAccess& self_checks, const ScanAccess& scans);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_API_ROUTES_H_
