// The self-check API: a unit checks one of its own registered sites (staff:
// any URL), gets a job id at once, and polls for the page-by-page result.
//   POST /api/self-checks        {"site_id"} or, staff only, {"url", "name", "badge_id"}
//   GET  /api/self-checks/{id}   {"state": "running"|"done"|"failed", "report": …}
// Rate-limited (SelfCheckLimiter): over the limit → 429 with Retry-After.
// Crawled under the address policy, on ports 80 and 443 only, unless the
// server allows private addresses (tests, intranet deployments).
#ifndef BADGEWATCH_API_SELF_CHECK_ROUTES_H_
#define BADGEWATCH_API_SELF_CHECK_ROUTES_H_

#include "api/caller_scope.h"
#include "api/request_router.h"
#include "api/self_check_jobs.h"
#include "api/self_check_limiter.h"

namespace badgewatch::api {

struct SelfCheckAccess {
  RegistryAccess registry;
  SelfCheckJobs* jobs = nullptr;
  SelfCheckLimiter* limiter = nullptr;
  bool any_port = false;  // with allow_private: loopback test sites on high ports
};

// Registers the routes on `router`; `access` must outlive it.
void AddSelfCheckRoutes(RequestRouter& router, const SelfCheckAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SELF_CHECK_ROUTES_H_
