#include "api/api_routes.h"

#include "api/application_routes.h"
#include "api/domain_routes.h"
#include "api/session_routes.h"

namespace badgewatch::api {

void AddApiRoutes(RequestRouter& router, const ServiceContext& service,
                  const SelfCheckAccess& self_checks, const WebLoginAccess& login) {
  AddServiceRoutes(router, service);
  AddApplicationRoutes(router, self_checks.registry);
  AddDomainRoutes(router, self_checks.registry);
  AddSelfCheckRoutes(router, self_checks);
  AddSessionRoutes(router, login);
}

}  // namespace badgewatch::api
