#include "api/service/api_routes.h"

#include "api/service/account_routes.h"
#include "api/service/application_routes.h"
#include "api/service/compliance_record_routes.h"
#include "api/service/division_routes.h"
#include "api/service/domain_routes.h"
#include "api/service/outbox_routes.h"
#include "api/service/review_queue_routes.h"
#include "api/service/session_routes.h"
#include "api/service/work_list_routes.h"

namespace badgewatch::api {

void AddApiRoutes(RequestRouter& router, const ApiContexts& contexts) {
  const RegistryAccess& registry = contexts.self_checks.registry;
  AddServiceRoutes(router, contexts.service);
  AddRegistrationRoutes(router, contexts.registration);
  AddSessionRoutes(router, contexts.login);
  AddApplicationRoutes(router, registry);
  AddDomainRoutes(router, registry);
  AddWorkListRoutes(router, registry);
  AddReviewQueueRoutes(router, registry);
  AddSelfCheckRoutes(router, contexts.self_checks);
  AddScanRoutes(router, contexts.scans);
  AddComplianceRecordRoutes(router, registry);
  AddOutboxRoutes(router, registry);
  AddDivisionRoutes(router, registry);
  AddAccountRoutes(router, contexts.registration);
}

}  // namespace badgewatch::api
