// The routes every deployment has, before any workflow: `/healthz` (the
// registry file reads, from the disk rather than a cache: 503 when not), `/metrics` (Prometheus
// text), `/openapi.json` (the API's description) and `/api/me` (who the token or login belongs to).
// Handlers run on the server's worker threads.
#ifndef BADGEWATCH_API_SERVICE_SERVICE_ROUTES_H_
#define BADGEWATCH_API_SERVICE_SERVICE_ROUTES_H_

#include <cstdint>
#include <ctime>
#include <functional>
#include <string>

#include "api/http/request_router.h"
#include "api/http/server_metrics.h"
#include "api/service/reader_pool.h"

namespace badgewatch::api {

struct ServiceContext {
  ReaderPool* readers = nullptr;           // required
  const ServerMetrics* metrics = nullptr;  // set once the server exists
  // Unix seconds, to judge web sessions' expiry: the registry's clock.
  std::function<std::int64_t()> clock = [] {
    return static_cast<std::int64_t>(std::time(nullptr));
  };
  // "http://HOST:PORT" of the bound listen address, set once the server listens
  // (before it serves): the servers of /openapi.json. Empty: a relative "/".
  std::string server_url{};
};

// Registers the routes on `router`; `context` must outlive it.
void AddServiceRoutes(RequestRouter& router, const ServiceContext& context);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SERVICE_ROUTES_H_
