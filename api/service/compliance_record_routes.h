// The compliance-record API: each site's record per scan with its failing
// pages and how it compares with the site's record before it. A unit sees its
// own sites' records, a regional reviewer its region's, CONAC staff all; a
// record the caller may not see answers 404.
//   GET /api/compliance-records       ?scan=ID|latest &region= &verdict= &problem= &change=
//                                     &page= &per_page= (invalid values: 400)
//   GET /api/compliance-records/{id}  the record, its failing pages (?page=, ?per_page=), diff
//   GET /api/sites/{id}/compliance-records  one site's history, newest first
// Handlers run on the server's worker threads.
#ifndef BADGEWATCH_API_SERVICE_COMPLIANCE_RECORD_ROUTES_H_
#define BADGEWATCH_API_SERVICE_COMPLIANCE_RECORD_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` must outlive it.
void AddComplianceRecordRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_COMPLIANCE_RECORD_ROUTES_H_
