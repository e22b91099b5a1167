#include "api/service/work_list_routes.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/service/api_errors.h"
#include "api/service/domain_json.h"
#include "api/service/list_page.h"
#include "registry/domain_queries.h"
#include "registry/field_validation.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::Role;
using registry::WorkFilter;

// The most characters a search may hold.
constexpr long kMaxSearchChars = 100;

}  // namespace

WorkQuery ReadWorkQuery(const RouteRequest& route, const Actor& actor,
                        std::span<const char* const> states,
                        std::set<std::string_view> extra_parameters) {
  std::set<std::string_view> allowed = std::move(extra_parameters);
  allowed.insert({"state", "unit", "region", "page", "per_page"});
  WorkQuery query;
  for (const auto& [name, value] : route.query.fields()) {
    if (allowed.count(name) == 0) {
      query.refusal =
          Error<errors::kUnknownParameter>(name, fmt::format("{}", fmt::join(allowed, ", ")));
      return query;
    }
  }
  query.page = ReadListPage(route.query);
  if (!query.page.error.ok()) {
    query.refusal = query.page.error;
    return query;
  }
  if (const auto state = route.query.Get("state")) {
    if (std::find(states.begin(), states.end(), *state) == states.end()) {
      query.refusal =
          Error<errors::kStateParameter>(fmt::format("{}", fmt::join(states, ", ")), *state);
      return query;
    }
    query.filter.state = std::string(*state);
  }
  if (const auto unit = route.query.Get("unit")) {
    const std::optional<std::int64_t> id = ParseRecordId(*unit);
    if (!id) {
      query.refusal = Error<errors::kUnitParameter>(*unit);
      return query;
    }
    query.filter.unit_id = *id;
  }
  if (const auto region = route.query.Get("region")) {
    const bool digits =
        region->size() == 2 &&
        std::all_of(region->begin(), region->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      query.refusal = Error<errors::kRegionParameter>(*region);
      return query;
    }
    query.filter.region_code = std::string(*region);
  }
  if (const auto search = route.query.Get("q")) {
    const long chars = registry::CountCodePoints(*search);
    if (search->empty() || chars < 0 || chars > kMaxSearchChars) {
      query.refusal = Error<errors::kSearchParameter>(kMaxSearchChars);
      return query;
    }
    query.filter.search = std::string(*search);
  }
  // The caller's scope narrows whatever was asked for.
  query.nothing_visible = !NarrowToScope(actor, query.filter.unit_id, query.filter.region_code,
                                         query.filter.office_prefix);
  return query;
}

namespace {

// Answers one list: `count` and `list` read the rows of the query's filter,
// `to_json` writes one.
template <typename Count, typename List, typename ToJson>
HttpResponse WorkList(const RouteRequest& route, const RegistryAccess& access,
                      std::span<const char* const> states, bool searchable, Count count, List list,
                      ToJson to_json) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const WorkQuery query =
        ReadWorkQuery(route, actor, states,
                      searchable ? std::set<std::string_view>{"q"} : std::set<std::string_view>{});
    if (query.refusal)
      return ErrorResponse(route.request, http::status::bad_request, *query.refusal);
    std::int64_t total = 0;
    nlohmann::json items = nlohmann::json::array();
    if (!query.nothing_visible) {
      Result<std::int64_t> counted = count(db, query.filter);
      if (!counted) return RegistryErrorResponse(route.request, counted.status());
      total = *counted;
      auto rows =
          list(db, query.filter, registry::RowWindow{query.page.Offset(), query.page.per_page});
      if (!rows) return RegistryErrorResponse(route.request, rows.status());
      for (const auto& row : *rows) items.push_back(to_json(row));
    }
    return JsonResponse(route.request, http::status::ok,
                        query.page.Envelope(total, std::move(items)));
  });
}

HttpResponse ListAllDomains(const RouteRequest& route, const RegistryAccess& access) {
  return WorkList(route, access, registry::kDomainStates, true, &registry::CountDomainRows,
                  &registry::ListDomainRows, [](const registry::DomainRow& row) {
                    nlohmann::json item = DomainJson(row.domain);
                    item["unit"] = RowUnitJson(row.unit);
                    return item;
                  });
}

HttpResponse ListAllPayments(const RouteRequest& route, const RegistryAccess& access) {
  return WorkList(route, access, registry::kPaymentStates, false, &registry::CountPaymentRows,
                  &registry::ListPaymentRows, &PaymentJson);
}

HttpResponse ListAllRenewals(const RouteRequest& route, const RegistryAccess& access) {
  return WorkList(route, access, registry::kRenewalStates, false, &registry::CountRenewalRows,
                  &registry::ListRenewalRows, [](const registry::RenewalRow& row) {
                    return nlohmann::json{{"id", row.id},
                                          {"years", row.years},
                                          {"fee_fen", row.fee_fen},
                                          {"state", row.state},
                                          {"submitted_at", TimeJson(row.created_at)},
                                          {"completed_at", TimeJson(row.completed_at)},
                                          {"domains", row.domains},
                                          {"unit", RowUnitJson(row.unit)}};
                  });
}

}  // namespace

void AddWorkListRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/domains", BindRegistryRoute(access, &ListAllDomains));
  router.Add(http::verb::get, "/api/payments", BindRegistryRoute(access, &ListAllPayments));
  router.Add(http::verb::get, "/api/renewals", BindRegistryRoute(access, &ListAllRenewals));
}

}  // namespace badgewatch::api
