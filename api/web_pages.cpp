#include "api/web_pages.h"

#include "api/web_static.h"

namespace badgewatch::api {

void AddWebPages(RequestRouter& router, const SelfCheckAccess& access) {
  AddWebStaticRoutes(router);
  AddSitePages(router, access.registry);
  AddApplicationPages(router, access.registry);
  AddSelfCheckPages(router, access);
}

}  // namespace badgewatch::api
