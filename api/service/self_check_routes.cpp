#include "api/service/self_check_routes.h"

#include <curl/curl.h>

#include <memory>
#include <optional>
#include <string>

#include "api/service/api_errors.h"
#include "api/service/json_body.h"
#include "registry/sites.h"
#include "scan/crawl_target.h"
#include "verifier/link_resolution.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::Role;

struct CurlUrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

// True when `url` (absolute, normalised) names no port or port 80/443.
bool OnWebPort(const std::string& url) {
  const std::unique_ptr<CURLU, CurlUrlDeleter> handle(curl_url());
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return false;
  }
  char* port = nullptr;
  const CURLUcode rc = curl_url_get(handle.get(), CURLUPART_PORT, &port, 0);
  if (rc == CURLUE_NO_PORT) return true;
  if (rc != CURLUE_OK) return false;
  const std::string text(port);
  curl_free(port);
  return text == "80" || text == "443";
}

// The request a unit's registered site makes; nullopt when it has no domain.
std::optional<SelfCheckRequest> SiteRequest(const registry::Site& site, unsigned short port) {
  const std::optional<scan::CrawlTarget> target = scan::CrawlTargetOf(site.fields, port);
  if (!target) return std::nullopt;
  SelfCheckRequest request;
  request.url = target->start_url;
  request.aliases = target->aliases;
  request.name = site.fields.name;
  request.badge_id = site.badge_id.value_or("");
  request.unit_id = site.unit_id;
  return request;
}

SelfCheckStart Refused(http::status status, Status reason) {
  SelfCheckStart start;
  start.status = status;
  start.refusal = std::move(reason);
  return start;
}

HttpResponse StartedResponse(const HttpRequest& request, const SelfCheckStart& start) {
  if (start.status == http::status::too_many_requests) {
    return TooManyRequestsResponse(request, start.retry_after, start.refusal);
  }
  if (start.status != http::status::accepted) {
    return ErrorResponse(request, start.status, start.refusal);
  }
  HttpResponse response =
      JsonResponse(request, http::status::accepted, {{"id", start.job_id}, {"state", "running"}});
  response.set(http::field::location, "/api/self-checks/" + std::to_string(start.job_id));
  return response;
}

HttpResponse StartSelfCheck(const RouteRequest& route, const SelfCheckAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database& db) {
    JsonBody body = ParseJsonBody(route.request, {"site_id", "url", "name", "badge_id"});
    const std::optional<std::string> url = body.OptionalString("url");
    if (!url) {
      const std::int64_t site_id = body.Integer("site_id");
      if (!body.ok()) return body.Refusal(route.request);
      return StartedResponse(route.request, StartSiteSelfCheck(access, actor, db, site_id));
    }
    if (actor.role == Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kUnitChecksOwnSites>());
    }
    SelfCheckRequest request;
    request.url = *url;
    request.name = body.String("name");
    request.badge_id = body.OptionalString("badge_id").value_or("");
    if (!body.ok()) return body.Refusal(route.request);
    return StartedResponse(route.request,
                           StartRequestedSelfCheck(access, actor, std::move(request)));
  });
}

HttpResponse ShowSelfCheck(const RouteRequest& route, const SelfCheckAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database&) {
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    std::optional<SelfCheckJob> job;
    if (id) job = access.jobs->Find(*id);
    if (!job || !MaySeeSelfCheck(actor, *job)) {
      return ErrorResponse(route.request, http::status::not_found,
                           Error<errors::kNoSuchSelfCheck>());
    }
    nlohmann::ordered_json body = {{"id", job->id},
                                   {"state", job->state},
                                   {"url", job->request.url},
                                   {"name", job->request.name}};
    if (!job->error.empty()) body["error"] = job->error;
    if (job->state == "done") body["report"] = job->report;
    return TextResponse(route.request, http::status::ok, "application/json; charset=utf-8",
                        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  });
}

}  // namespace

SelfCheckStart StartSiteSelfCheck(const SelfCheckAccess& access, const Actor& actor,
                                  registry::Database& db, std::int64_t site_id) {
  Result<registry::Site> site = registry::LoadSite(db, site_id);
  if (!site) return Refused(http::status::not_found, Error<errors::kNoSuchSite>());
  Result<registry::Unit> unit = registry::LoadUnit(db, site->unit_id);
  if (!unit || !MaySeeUnit(actor, unit->id, unit->fields.division_code)) {
    return Refused(http::status::not_found, Error<errors::kNoSuchSite>());
  }
  std::optional<SelfCheckRequest> request = SiteRequest(*site, access.site_port);
  if (!request) return Refused(http::status::conflict, Error<errors::kSiteHasNoDomain>());
  return StartRequestedSelfCheck(access, actor, std::move(*request));
}

SelfCheckStart StartRequestedSelfCheck(const SelfCheckAccess& access, const Actor& actor,
                                       SelfCheckRequest request) {
  request.account_id = actor.account_id;
  if (actor.role == Role::kUnit) request.unit_id = actor.unit_id;
  const std::optional<std::string> normalised = verifier::NormalizeHttpUrl(request.url);
  if (!normalised) {
    return Refused(http::status::bad_request, Error<errors::kSelfCheckUrl>(request.url));
  }
  if (!access.any_port && !OnWebPort(*normalised)) {
    return Refused(http::status::bad_request, Error<errors::kSelfCheckPort>());
  }
  const SelfCheckLimiter::Decision decision = access.limiter->TryStart(
      actor.role == Role::kUnit ? actor.unit_id : 0, SelfCheckLimiter::Clock::now());
  if (!decision.allowed) {
    SelfCheckStart refused = Refused(http::status::too_many_requests, decision.reason);
    refused.retry_after = decision.retry_after;
    return refused;
  }
  SelfCheckStart started;
  started.job_id = access.jobs->Start(std::move(request));
  return started;
}

bool MaySeeSelfCheck(const Actor& actor, const SelfCheckJob& job) {
  switch (actor.role) {
    case Role::kUnit:
      return job.request.unit_id == actor.unit_id;
    case Role::kRegional:
      return job.request.account_id == actor.account_id;
    case Role::kConac:
      return true;
  }
  return false;
}

void AddSelfCheckRoutes(RequestRouter& router, const SelfCheckAccess& access) {
  router.Add(http::verb::post, "/api/self-checks",
             [&access](const RouteRequest& route) { return StartSelfCheck(route, access); });
  router.Add(http::verb::get, "/api/self-checks/{id}",
             [&access](const RouteRequest& route) { return ShowSelfCheck(route, access); });
}

}  // namespace badgewatch::api
