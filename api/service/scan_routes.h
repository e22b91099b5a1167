// The scan API: CONAC staff start a nightly scan of every due site and
// follow its progress; regional reviewers read the scans with their counts
// limited to their region; unit accounts get 403.
//   GET  /api/scans          newest first, paginated (?page=, ?per_page=)
//   POST /api/scans          202 {"id"} with Location; 409 while one runs
//   GET  /api/scans/{id}     the scan and its progress (recorded/due)
// Handlers run on the server's worker threads.
#ifndef BADGEWATCH_API_SERVICE_SCAN_ROUTES_H_
#define BADGEWATCH_API_SERVICE_SCAN_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/scan_launcher.h"

namespace badgewatch::api {

struct ScanAccess {
  RegistryAccess registry;
  ScanLauncher* launcher = nullptr;  // required
};

// Registers the routes on `router`; `access` must outlive it.
void AddScanRoutes(RequestRouter& router, const ScanAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SCAN_ROUTES_H_
