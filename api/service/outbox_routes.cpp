#include "api/service/outbox_routes.h"

#include <string>

#include "api/service/api_errors.h"
#include "api/service/list_page.h"
#include "registry/outbox.h"

namespace badgewatch::api {

namespace {

nlohmann::json RowJson(const registry::OutboxRow& row) {
  return {{"id", row.id},
          {"channel", registry::ChannelName(row.notification.channel)},
          {"recipient", row.notification.recipient},
          {"subject", row.notification.subject},
          {"state", row.state},
          {"attempts", row.attempts},
          {"next_attempt_at", row.next_attempt_at},
          {"last_error", row.last_error}};
}

HttpResponse ShowOutbox(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const registry::Actor& actor, registry::Database& db) {
    if (actor.role != registry::Role::kConac) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kOutboxForConac>());
    }
    const std::string state(route.query.Get("state").value_or(""));
    if (!state.empty() && state != "pending" && state != "sent" && state != "failed") {
      return ErrorResponse(route.request, http::status::bad_request,
                           Error<errors::kOutboxStateParameter>(state));
    }
    const ListPage page = ReadListPage(route.query);
    if (!page.error.ok()) {
      return ErrorResponse(route.request, http::status::bad_request, page.error);
    }
    Result<registry::OutboxStatus> status = registry::ReadOutboxStatus(db);
    if (!status) return RegistryErrorResponse(route.request, status.status());
    Result<registry::OutboxPage> rows =
        registry::ListOutboxPage(db, state, page.per_page, page.Offset());
    if (!rows) return RegistryErrorResponse(route.request, rows.status());
    nlohmann::json items = nlohmann::json::array();
    for (const registry::OutboxRow& row : rows->rows) items.push_back(RowJson(row));
    nlohmann::json body = page.Envelope(rows->total, std::move(items));
    nlohmann::json counts = nlohmann::json::array();
    for (const registry::OutboxCount& count : status->counts) {
      counts.push_back({{"state", count.state}, {"channel", count.channel}, {"rows", count.rows}});
    }
    body["counts"] = std::move(counts);
    body["oldest_pending_at"] = status->oldest_pending_at
                                    ? nlohmann::json(*status->oldest_pending_at)
                                    : nlohmann::json(nullptr);
    return JsonResponse(route.request, http::status::ok, body);
  });
}

}  // namespace

void AddOutboxRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/outbox", BindRegistryRoute(access, &ShowOutbox));
}

}  // namespace badgewatch::api
