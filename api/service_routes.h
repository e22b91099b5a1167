// The routes every deployment has, before any workflow: `/healthz` (the
// registry answers), `/metrics` (Prometheus text), `/openapi.json` (the API's
// description) and `/api/me` (who the bearer token belongs to). Handlers run
// on the server's worker threads.
#ifndef BADGEWATCH_API_SERVICE_ROUTES_H_
#define BADGEWATCH_API_SERVICE_ROUTES_H_

#include "api/reader_pool.h"
#include "api/request_router.h"
#include "api/server_metrics.h"

namespace badgewatch::api {

struct ServiceContext {
  ReaderPool* readers = nullptr;           // required
  const ServerMetrics* metrics = nullptr;  // set once the server exists
};

// Registers the routes on `router`; `context` must outlive it.
void AddServiceRoutes(RequestRouter& router, const ServiceContext& context);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_ROUTES_H_
