#include "api/web_pages.h"

#include "api/web_static.h"

namespace badgewatch::api {

void AddWebPages(RequestRouter& router, const SelfCheckAccess& access,
                 const WebLoginAccess& login) {
  AddWebStaticRoutes(router);
  AddLoginPages(router, login);
  AddSitePages(router, access.registry);
  AddApplicationPages(router, access.registry);
  AddSelfCheckPages(router, access);
}

}  // namespace badgewatch::api
