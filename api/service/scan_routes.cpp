#include "api/service/scan_routes.h"

#include <optional>
#include <string>

#include "api/service/api_errors.h"
#include "api/service/list_page.h"
#include "registry/compliance_record_queries.h"
#include "registry/divisions.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::Role;

// The region whose counts `actor` may see; empty for every region.
std::string CountedRegion(const Actor& actor) {
  return actor.role == Role::kRegional ? actor.region_code : std::string();
}

// A reviewer's office subtree: the counts of a city or county office are its
// own units', not its province's.
std::string CountedOffice(const Actor& actor) {
  return actor.role == Role::kRegional ? registry::OfficeSubtreePrefix(actor.office_code)
                                       : std::string();
}

nlohmann::json ScanJson(const registry::ScanProgressRow& scan,
                        const std::optional<std::int64_t>& running, const Actor& actor) {
  const auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  std::string state = "interrupted";
  if (scan.finished_at) {
    state = "finished";
  } else if (running == scan.id) {
    state = "running";
  }
  nlohmann::json body = {
      {"id", scan.id},
      {"kind", scan.kind},
      {"state", state},
      {"started_at", scan.started_at},
      {"finished_at", optional(scan.finished_at)},
      {"sites_due", optional(scan.sites_due)},
      {"sites_recorded", scan.recorded_in_region},
      {"pass", scan.passed},
      {"fail", scan.failed},
      {"unreachable", scan.unreachable},
      {"requested_by", optional(scan.requested_by)},
      {"progress", {{"recorded", scan.sites_recorded}, {"due", optional(scan.sites_due)}}}};
  if (actor.role == Role::kRegional) body["region"] = actor.region_code;
  return body;
}

// Runs `respond(actor, db)` for staff (CONAC or regional); a unit gets 403.
template <typename Respond>
HttpResponse ForStaff(const RouteRequest& route, const ScanAccess& access, Respond&& respond) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database& db) {
    if (actor.role == Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kScansForReviewers>());
    }
    return respond(actor, db);
  });
}

HttpResponse ListScans(const RouteRequest& route, const ScanAccess& access) {
  return ForStaff(route, access, [&](const Actor& actor, registry::Database& db) {
    const ListPage page = ReadListPage(route.query);
    if (!page.error.ok()) {
      return ErrorResponse(route.request, http::status::bad_request, page.error);
    }
    Result<std::int64_t> total = registry::CountScans(db);
    if (!total) return RegistryErrorResponse(route.request, total.status());
    Result<std::vector<registry::ScanProgressRow>> scans = registry::ListScanProgress(
        db, CountedRegion(actor), {page.Offset(), page.per_page}, CountedOffice(actor));
    if (!scans) return RegistryErrorResponse(route.request, scans.status());
    const std::optional<std::int64_t> running = access.launcher->RunningScan();
    nlohmann::json items = nlohmann::json::array();
    for (const registry::ScanProgressRow& scan : *scans) {
      items.push_back(ScanJson(scan, running, actor));
    }
    return JsonResponse(route.request, http::status::ok, page.Envelope(*total, std::move(items)));
  });
}

HttpResponse ShowScan(const RouteRequest& route, const ScanAccess& access) {
  return ForStaff(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id)
      return ErrorResponse(route.request, http::status::not_found, Error<errors::kNoSuchScan>());
    Result<std::optional<registry::ScanProgressRow>> scan =
        registry::LoadScanProgress(db, *id, CountedRegion(actor), CountedOffice(actor));
    if (!scan) return RegistryErrorResponse(route.request, scan.status());
    if (!*scan)
      return ErrorResponse(route.request, http::status::not_found, Error<errors::kNoSuchScan>());
    return JsonResponse(route.request, http::status::ok,
                        ScanJson(**scan, access.launcher->RunningScan(), actor));
  });
}

HttpResponse StartScan(const RouteRequest& route, const ScanAccess& access) {
  return ForStaff(route, access, [&](const Actor& actor, registry::Database&) {
    if (actor.role != Role::kConac) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kOnlyConacStartsScan>());
    }
    Result<std::int64_t> id =
        access.launcher->Start(*access.registry.writer, registry::ActorLabel(actor));
    if (!id) return RegistryErrorResponse(route.request, id.status());
    HttpResponse response = JsonResponse(route.request, http::status::accepted, {{"id", *id}});
    response.set(http::field::location, "/api/scans/" + std::to_string(*id));
    return response;
  });
}

using ScanRoute = HttpResponse (*)(const RouteRequest&, const ScanAccess&);

RouteHandler Bind(const ScanAccess& access, ScanRoute route) {
  return [&access, route](const RouteRequest& request) { return route(request, access); };
}

}  // namespace

void AddScanRoutes(RequestRouter& router, const ScanAccess& access) {
  router.Add(http::verb::get, "/api/scans", Bind(access, &ListScans));
  router.Add(http::verb::post, "/api/scans", Bind(access, &StartScan));
  router.Add(http::verb::get, "/api/scans/{id}", Bind(access, &ShowScan));
}

}  // namespace badgewatch::api
