// The lists reviewers work from, each scoped to the caller (a unit its own
// rows, a regional reviewer its region's, CONAC all), newest first, in the
// list envelope {page, per_page, total, items}:
//   GET /api/domains    ?state= &unit= &region= &q= (part of the domain's or unit's name)
//   GET /api/payments   ?state= (recorded, confirmed) &unit= &region=
//   GET /api/renewals   ?state= (submitted, completed) &unit= &region=
// each with page and per_page. An unknown parameter, or a value a filter does
// not know, is a 400 that says which values it takes — never an empty list.
// Handlers run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_WORK_LIST_ROUTES_H_
#define BADGEWATCH_API_SERVICE_WORK_LIST_ROUTES_H_

#include <optional>
#include <set>
#include <span>
#include <string_view>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/list_page.h"
#include "registry/domain_queries.h"

namespace badgewatch::api {

// A list's query read and checked: the filter (narrowed to the caller's
// scope), the page, or the 400 that refuses it.
struct WorkQuery {
  registry::WorkFilter filter;
  ListPage page;
  bool nothing_visible = false;  // the caller asked for rows outside its scope
  std::optional<Status> refusal;
};

// Reads state (one of `states`), unit, region, q (when in
// `extra_parameters`), page and per_page; any other parameter not in
// `extra_parameters` is refused. The caller reads the extra ones itself.
[[nodiscard]] WorkQuery ReadWorkQuery(const RouteRequest& route, const registry::Actor& actor,
                                      std::span<const char* const> states,
                                      std::set<std::string_view> extra_parameters);

// Registers the routes on `router`; `access` must outlive it.
void AddWorkListRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_WORK_LIST_ROUTES_H_
