// The self-check API: a unit checks one of its own registered sites (staff:
// any URL), gets a job id at once, and polls for the page-by-page result.
//   POST /api/self-checks        {"site_id"} or, staff only, {"url", "name", "badge_id"}
//   GET  /api/self-checks/{id}   {"state": "running"|"done"|"failed", "report": …}
// Rate-limited (SelfCheckLimiter): over the limit → 429 with Retry-After.
// Crawled under the address policy, on ports 80 and 443 only, unless the
// server allows private addresses (tests, intranet deployments).
#ifndef BADGEWATCH_API_SERVICE_SELF_CHECK_ROUTES_H_
#define BADGEWATCH_API_SERVICE_SELF_CHECK_ROUTES_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/self_check_jobs.h"
#include "api/service/self_check_limiter.h"
#include "foundation/status.h"

namespace badgewatch::api {

struct SelfCheckAccess {
  RegistryAccess registry;
  SelfCheckJobs* jobs = nullptr;
  SelfCheckLimiter* limiter = nullptr;
  bool any_port = false;  // with allow_private: loopback test sites on high ports
  // Registered domains are reached on this port instead of 80 (with any_port:
  // a loopback test site); 0: the standard port.
  unsigned short site_port = 0;
};

// A self-check started, or why not: `status` 202 with the job id, else the
// refusal (404 no such site for this caller, 409 no domain, 400 a bad URL or
// port, 429 over the limit with `retry_after`).
struct SelfCheckStart {
  std::int64_t job_id = 0;
  http::status status = http::status::accepted;
  Status refusal;
  std::chrono::seconds retry_after{0};
};

// Starts a check of the registered site `site_id`, if `actor` may see it.
[[nodiscard]] SelfCheckStart StartSiteSelfCheck(const SelfCheckAccess& access,
                                                const registry::Actor& actor,
                                                registry::Database& db, std::int64_t site_id);

// Starts a check of `request` (url, name, badge id, aliases, unit) for
// `actor`: the URL must be http(s), on port 80/443 unless any_port, and the
// limiter must allow it.
[[nodiscard]] SelfCheckStart StartRequestedSelfCheck(const SelfCheckAccess& access,
                                                     const registry::Actor& actor,
                                                     SelfCheckRequest request);

// Whether `actor` may see `job`: staff of CONAC every job, a unit its own
// unit's, a regional reviewer the ones it started.
[[nodiscard]] bool MaySeeSelfCheck(const registry::Actor& actor, const SelfCheckJob& job);

// Registers the routes on `router`; `access` must outlive it.
void AddSelfCheckRoutes(RequestRouter& router, const SelfCheckAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SELF_CHECK_ROUTES_H_
