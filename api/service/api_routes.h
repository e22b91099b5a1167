// Every route `badgewatch serve` answers under /api (and the service routes),
// registered in one place so the server and the tests (the OpenAPI
// completeness test, the authorization matrix) see the same set. The web
// pages are registered apart (AddWebPages).
#ifndef BADGEWATCH_API_SERVICE_API_ROUTES_H_
#define BADGEWATCH_API_SERVICE_API_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/login.h"
#include "api/service/registration_routes.h"
#include "api/service/scan_routes.h"
#include "api/service/self_check_routes.h"
#include "api/service/service_routes.h"

namespace badgewatch::api {

// What the routes reach; every context must outlive the router.
struct ApiContexts {
  const ServiceContext& service;
  const SelfCheckAccess& self_checks;  // its registry serves the registry routes too
  const WebLoginAccess& login;
  const ScanAccess& scans;
  const RegistrationAccess& registration;
};

// Registers the service, registration, login session, application, domain,
// self-check, scan, compliance-record and outbox routes.
void AddApiRoutes(RequestRouter& router, const ApiContexts& contexts);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_API_ROUTES_H_
