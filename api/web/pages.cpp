#include "api/web/pages.h"

#include "api/web/static_assets.h"

namespace badgewatch::api {

void AddWebPages(RequestRouter& router, const SelfCheckAccess& access,
                 const WebLoginAccess& login) {
  AddWebStaticRoutes(router);
  AddLoginPages(router, login);
  AddSitePages(router, access.registry);
  AddSiteRecordPages(router, access.registry);
  AddApplicationPages(router, access.registry);
  AddDomainPages(router, access.registry);
  AddPaymentPages(router, access.registry);
  AddReviewQueuePages(router, access.registry);
  AddOfficeContactPages(router, access.registry);
  AddSelfCheckPages(router, access);
}

}  // namespace badgewatch::api
