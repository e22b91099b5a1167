#include "api/service/review_queue_routes.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "api/service/api_errors.h"
#include "api/service/work_list_routes.h"
#include "foundation/beijing_time.h"
#include "registry/review_queue.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::QueueFilter;

constexpr std::int64_t kDaySeconds = 24 * 3600;

// Every state of every kind, once each, in the kinds' order.
const std::vector<const char*>& QueueStates() {
  static const std::vector<const char*> states = [] {
    std::vector<const char*> all;
    const auto add = [&all](std::span<const char* const> kind) {
      for (const char* state : kind) {
        if (std::none_of(all.begin(), all.end(),
                         [state](const char* known) { return std::string_view(known) == state; }))
          all.push_back(state);
      }
    };
    add(registry::kApplicationStates);
    add(registry::kDomainStates);
    add(registry::kPaymentStates);
    add(registry::kRenewalStates);
    return all;
  }();
  return states;
}

// The first second (Beijing time) of a YYYY-MM-DD day, in Unix seconds.
std::optional<std::int64_t> BeijingDayStart(std::string_view text) {
  const auto digits = [&text](std::size_t from, std::size_t count) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year(*y),
                                        std::chrono::month(static_cast<unsigned>(*m)),
                                        std::chrono::day(static_cast<unsigned>(*d))};
  if (!day.ok()) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days(day).time_since_epoch().count();
  return days * kDaySeconds - foundation::kBeijingOffsetSeconds;
}

// Where the record's own JSON answers.
std::string RecordHref(const registry::QueueRow& row) {
  if (row.kind == "application") return fmt::format("/api/applications/{}", row.id);
  if (row.kind == "domain") return fmt::format("/api/domains/{}", row.id);
  // Payments and renewals have no route of their own: the unit's list.
  return fmt::format("/api/{}s?unit={}", row.kind, row.unit.id);
}

nlohmann::json QueueRowJson(const registry::QueueRow& row) {
  return {{"kind", row.kind},
          {"id", row.id},
          {"unit",
           {{"id", row.unit.id},
            {"name", row.unit.name},
            {"region_code", row.unit.region_code},
            {"division_code", row.division_code}}},
          {"submitted_at", foundation::BeijingRfc3339(row.submitted_at)},
          {"state", row.state},
          {"asked", row.asked},
          {"amount_fen", row.amount_fen},
          {"href", RecordHref(row)}};
}

}  // namespace

QueueQuery ReadQueueQuery(const RouteRequest& route, const Actor& actor) {
  QueueQuery query;
  query.work = ReadWorkQuery(route, actor, QueueStates(), {"kind", "from", "to", "q", "all"});
  if (query.work.refusal) {
    query.refusal = query.work.refusal;
    return query;
  }
  QueueFilter& f = query.filter;
  const registry::WorkFilter& w = query.work.filter;
  f.state = w.state;
  f.unit_id = w.unit_id;
  f.region_code = w.region_code;
  f.office_prefix = w.office_prefix;
  f.search = w.search;
  f.role = actor.role;
  if (const auto kind = route.query.Get("kind")) {
    const auto& kinds = registry::kQueueKinds;
    if (std::find(std::begin(kinds), std::end(kinds), *kind) == std::end(kinds)) {
      query.refusal =
          Error<errors::kKindParameter>(fmt::format("{}", fmt::join(kinds, ", ")), *kind);
      return query;
    }
    f.kind = std::string(*kind);
  }
  for (const char* name : {"from", "to"}) {
    const auto date = route.query.Get(name);
    if (!date) continue;
    const std::optional<std::int64_t> start = BeijingDayStart(*date);
    if (!start) {
      query.refusal = Error<errors::kDateParameter>(name, *date);
      return query;
    }
    if (std::string_view(name) == "from") {
      f.submitted_from = *start;
    } else {
      f.submitted_to = *start + kDaySeconds - 1;  // the whole day
    }
  }
  if (const auto all = route.query.Get("all")) {
    if (*all != "true" && *all != "false") {
      query.refusal = Error<errors::kAllParameter>(*all);
      return query;
    }
    f.awaiting_only = *all == "false";
  }
  return query;
}

namespace {

HttpResponse ListReviewQueue(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const QueueQuery query = ReadQueueQuery(route, actor);
    if (query.refusal)
      return ErrorResponse(route.request, http::status::bad_request, *query.refusal);
    const ListPage& page = query.work.page;
    std::int64_t total = 0;
    nlohmann::json items = nlohmann::json::array();
    if (!query.work.nothing_visible) {
      Result<std::int64_t> counted = registry::CountQueueRows(db, query.filter);
      if (!counted) return RegistryErrorResponse(route.request, counted.status());
      total = *counted;
      Result<std::vector<registry::QueueRow>> rows =
          registry::ListQueueRows(db, query.filter, {page.Offset(), page.per_page});
      if (!rows) return RegistryErrorResponse(route.request, rows.status());
      for (const registry::QueueRow& row : *rows) items.push_back(QueueRowJson(row));
    }
    return JsonResponse(route.request, http::status::ok, page.Envelope(total, std::move(items)));
  });
}

}  // namespace

void AddReviewQueueRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/review-queue", BindRegistryRoute(access, &ListReviewQueue));
}

}  // namespace badgewatch::api
