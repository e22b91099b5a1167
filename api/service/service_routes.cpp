#include "api/service/service_routes.h"

#include "api/service/openapi_document.h"
#include "api/service/request_auth.h"
#include "registry/integrity_check.h"
#include "registry/unit_kind.h"

namespace badgewatch::api {

namespace {

HttpResponse Health(const RouteRequest& route, ReaderPool& readers) {
  Result<ReaderLease> lease = readers.Acquire();
  if (!lease) {
    return JsonResponse(route.request, http::status::service_unavailable,
                        {{"status", "unavailable"}, {"registry", lease.status().message()}});
  }
  if (Status read = registry::ProbeFile(lease->db()); !read.ok()) {
    return JsonResponse(route.request, http::status::service_unavailable,
                        {{"status", "unavailable"}, {"registry", read.message()}});
  }
  return JsonResponse(route.request, http::status::ok, {{"status", "ok"}});
}

HttpResponse Me(const RouteRequest& route, const ServiceContext& context) {
  Result<ReaderLease> lease = context.readers->Acquire();
  if (!lease) return RegistryErrorResponse(route.request, lease.status());
  Caller caller = AuthenticateCaller(route.request, lease->db(), context.clock());
  if (caller.refusal) return std::move(*caller.refusal);
  return JsonResponse(route.request, http::status::ok, ActorJson(*caller.actor));
}

}  // namespace

void AddServiceRoutes(RequestRouter& router, const ServiceContext& context) {
  router.Add(http::verb::get, "/healthz",
             [&context](const RouteRequest& route) { return Health(route, *context.readers); });
  router.Add(http::verb::get, "/metrics", [&context](const RouteRequest& route) {
    return TextResponse(route.request, http::status::ok, "text/plain; version=0.0.4",
                        context.metrics ? context.metrics->PrometheusText() : std::string());
  });
  router.Add(http::verb::get, "/openapi.json", [&context](const RouteRequest& route) {
    return JsonResponse(route.request, http::status::ok,
                        OpenApiDocumentServedAt(context.server_url));
  });
  router.Add(http::verb::get, "/api/me",
             [&context](const RouteRequest& route) { return Me(route, context); });
}

}  // namespace badgewatch::api
