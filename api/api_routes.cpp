#include "api/api_routes.h"

#include "api/application_routes.h"
#include "api/compliance_record_routes.h"
#include "api/domain_routes.h"

namespace badgewatch::api {

void AddApiRoutes(RequestRouter& router, const ServiceContext& service,
                  const SelfCheckAccess& self_checks, const ScanAccess& scans) {
  AddServiceRoutes(router, service);
  AddApplicationRoutes(router, self_checks.registry);
  AddDomainRoutes(router, self_checks.registry);
  AddSelfCheckRoutes(router, self_checks);
  AddScanRoutes(router, scans);
  AddComplianceRecordRoutes(router, self_checks.registry);
}

}  // namespace badgewatch::api
