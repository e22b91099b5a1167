#include "api/service/division_routes.h"

#include <map>
#include <string>
#include <vector>

#include "api/service/field_errors_json.h"
#include "api/service/json_body.h"
#include "registry/divisions.h"
#include "registry/office_contacts.h"
#include "registry/registry_errors.h"

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

// {"code", "name" (the office's), "address", "phone"}; null address and
// phone when the office keeps none.
nlohmann::json OfficeJson(registry::Database& db, const registry::Division& division) {
  Result<std::string> name = registry::OfficeName(db, division.code);
  Result<std::optional<registry::OfficeContact>> contact =
      registry::LoadOfficeContact(db, division.code);
  const bool known = contact && *contact;
  return {{"code", division.code},
          {"name", name ? *name : division.name},
          {"address", known ? nlohmann::json((*contact)->address) : nlohmann::json(nullptr)},
          {"phone", known ? nlohmann::json((*contact)->phone) : nlohmann::json(nullptr)}};
}

// The division of the path's office code; the 404 answer when there is none.
std::optional<registry::Division> OfficeOfPath(const RouteRequest& route, registry::Database& db,
                                               std::optional<HttpResponse>& refusal) {
  const std::string code(route.PathParam("code"));
  Result<std::optional<registry::Division>> division = registry::FindDivision(db, code);
  if (!division) {
    refusal = RegistryErrorResponse(route.request, division.status());
    return std::nullopt;
  }
  if (!*division) {
    refusal = ErrorResponse(route.request, http::status::not_found,
                            Error<registry::errors::kDivisionUnknown>(code));
    return std::nullopt;
  }
  return **division;
}

// Any signed-in caller reads where an office receives materials.
HttpResponse ShowOffice(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const registry::Actor&, registry::Database& db) {
    std::optional<HttpResponse> refusal;
    const std::optional<registry::Division> division = OfficeOfPath(route, db, refusal);
    if (!division) return std::move(*refusal);
    return JsonResponse(route.request, http::status::ok, OfficeJson(db, *division));
  });
}

HttpResponse UpdateOffice(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const registry::Actor& actor, registry::Database& db) {
    std::optional<HttpResponse> refusal;
    const std::optional<registry::Division> division = OfficeOfPath(route, db, refusal);
    if (!division) return std::move(*refusal);
    JsonBody body = ParseJsonBody(route.request, {"address", "phone"});
    registry::OfficeContact contact;
    contact.address = body.String("address");
    contact.phone = body.OptionalString("phone").value_or("");
    if (!body.ok()) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::vector<registry::FieldError>> errors =
        registry::UpdateOfficeContact(writer.registry(), actor, division->code, contact);
    if (!errors) return RegistryErrorResponse(route.request, errors.status());
    if (!errors->empty()) return FieldErrorsResponse(route.request, *errors);
    return JsonResponse(route.request, http::status::ok,
                        OfficeJson(writer.registry().writer(), *division));
  });
}

}  // namespace

void AddDivisionRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/offices/{code}", BindRegistryRoute(access, &ShowOffice));
  router.Add(http::verb::put, "/api/offices/{code}", BindRegistryRoute(access, &UpdateOffice));
  router.Add(http::verb::get, "/api/regions", BindRegistryRoute(access, &ListRegions));
  router.Add(http::verb::get, "/api/system-categories", BindRegistryRoute(access, &ListCategories));
}

}  // namespace badgewatch::api
