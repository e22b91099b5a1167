#include "api/service/division_routes.h"

#include <map>
#include <string>
#include <vector>

#include "registry/divisions.h"

namespace badgewatch::api {

namespace {

nlohmann::json DivisionJson(const registry::Division& division) {
  return {{"code", division.code},
          {"name", division.name},
          {"level", registry::DivisionLevelName(registry::DivisionLevelOf(division.code))}};
}

// `parent`'s children with theirs, as nested JSON.
nlohmann::json DivisionTree(
    const std::map<std::string, std::vector<const registry::Division*>>& children,
    const std::string& parent) {
  nlohmann::json list = nlohmann::json::array();
  const auto found = children.find(parent);
  if (found == children.end()) return list;
  for (const registry::Division* division : found->second) {
    nlohmann::json item = DivisionJson(*division);
    nlohmann::json below = DivisionTree(children, division->code);
    if (!below.empty()) item["children"] = std::move(below);
    list.push_back(std::move(item));
  }
  return list;
}

HttpResponse ListRegions(const RouteRequest& route, const RegistryAccess& access) {
  Result<ReaderLease> lease = access.readers->Acquire();
  if (!lease) return RegistryErrorResponse(route.request, lease.status());
  if (const std::optional<std::string_view> parent = route.query.Get("parent")) {
    Result<std::vector<registry::Division>> divisions =
        registry::ListChildDivisions(lease->db(), *parent);
    if (!divisions) return RegistryErrorResponse(route.request, divisions.status());
    nlohmann::json list = nlohmann::json::array();
    for (const registry::Division& division : *divisions) list.push_back(DivisionJson(division));
    return JsonResponse(route.request, http::status::ok, {{"regions", std::move(list)}});
  }
  Result<std::vector<registry::Division>> divisions = registry::ListDivisions(lease->db());
  if (!divisions) return RegistryErrorResponse(route.request, divisions.status());
  std::map<std::string, std::vector<const registry::Division*>> children;
  for (const registry::Division& division : *divisions) {
    children[division.parent_code].push_back(&division);
  }
  HttpResponse response =
      JsonResponse(route.request, http::status::ok, {{"regions", DivisionTree(children, "")}});
  response.set(http::field::cache_control, "public, max-age=3600");  // changes with releases only
  return response;
}

HttpResponse ListCategories(const RouteRequest& route, const RegistryAccess& access) {
  Result<ReaderLease> lease = access.readers->Acquire();
  if (!lease) return RegistryErrorResponse(route.request, lease.status());
  Result<std::vector<std::string>> categories = registry::ListSystemCategories(lease->db());
  if (!categories) return RegistryErrorResponse(route.request, categories.status());
  return JsonResponse(route.request, http::status::ok,
                      {{"system_categories", std::move(categories).value()}});
}

}  // namespace

void AddDivisionRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/regions", BindRegistryRoute(access, &ListRegions));
  router.Add(http::verb::get, "/api/system-categories", BindRegistryRoute(access, &ListCategories));
}

}  // namespace badgewatch::api
