// The review queue in the JSON API, scoped to the caller like the work lists
// (a unit its own rows, a regional reviewer its office's, CONAC all), newest
// submission first, in the list envelope {page, per_page, total, items}:
//   GET /api/review-queue ?kind= (application, domain, payment, renewal)
//       &state= &region= &unit= &from= &to= (YYYY-MM-DD, Beijing time, both
//       days whole) &q= (part of a unit, site or domain name) &all=true (every
//       row, not only those waiting for the caller) &page= &per_page=
// An unknown parameter or value is a 400 that says what it takes. Handlers
// run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_REVIEW_QUEUE_ROUTES_H_
#define BADGEWATCH_API_SERVICE_REVIEW_QUEUE_ROUTES_H_

#include <optional>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/work_list_routes.h"
#include "registry/review_queue.h"

namespace badgewatch::api {

// The queue's filter read from the query (narrowed to the caller's scope),
// its page, or the 400 that refuses it: what the route and the /review page
// both read.
struct QueueQuery {
  registry::QueueFilter filter;
  WorkQuery work;
  std::optional<Status> refusal;
};
[[nodiscard]] QueueQuery ReadQueueQuery(const RouteRequest& route, const registry::Actor& actor);

// Registers the route on `router`; `access` must outlive it.
void AddReviewQueueRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_REVIEW_QUEUE_ROUTES_H_
