#include "api/service/application_routes.h"

#include <optional>
#include <string>

#include "api/service/api_errors.h"
#include "api/service/application_json.h"
#include "api/service/caller_scope.h"
#include "api/service/json_body.h"
#include "api/service/request_auth.h"
#include "api/service/sms_code_gate.h"
#include "api/service/unit_json.h"
#include "registry/site_applications.h"
#include "registry/sms_verification.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::ApplicationSummary;
using registry::Role;

const std::vector<std::string_view> kFormFields = {
    "opening_type", "name",         "chinese_domain", "english_domain",     "hosted_on_platform",
    "ips",          "introduction", "handler_mobile", "sms_verification_id"};

HttpResponse NoSuchApplication(const HttpRequest& request) {
  return ErrorResponse(request, http::status::not_found, Error<errors::kNoSuchApplication>());
}

nlohmann::json FormJson(const registry::SiteForm& form) {
  const auto optional = [](const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
  };
  return {{"opening_type", form.opening_type == registry::OpeningType::kNew ? "new" : "recheck"},
          {"name", form.site.name},
          {"chinese_domain", optional(form.site.chinese_domain)},
          {"english_domain", optional(form.site.english_domain)},
          {"hosted_on_platform", form.site.hosted_on_platform},
          {"ips", form.site.ips},
          {"introduction", form.site.introduction},
          {"handler_mobile", form.handler_mobile},
          {"sms_verification_id", form.sms_verification_id}};
}

// Sites of other units carrying one of the application's domains.
nlohmann::json DomainConflictsJson(const std::vector<registry::DomainHolder>& holders) {
  nlohmann::json list = nlohmann::json::array();
  for (const registry::DomainHolder& h : holders) {
    list.push_back(
        {{"domain", h.domain},
         {"site_id", h.site_id},
         {"site_name", h.site_name},
         {"unit_id", h.unit_id},
         {"unit_name", h.unit_name},
         {"region", h.region_code},
         {"badge_id", h.badge_id ? nlohmann::json(*h.badge_id) : nlohmann::json(nullptr)}});
  }
  return list;
}

// The form in the body; nullopt when `body` has recorded a problem.
std::optional<registry::SiteForm> ReadForm(JsonBody& body) {
  registry::SiteForm form;
  form.opening_type = body.OneOf("opening_type", {"new", "recheck"}, "new") == "recheck"
                          ? registry::OpeningType::kRecheck
                          : registry::OpeningType::kNew;
  form.site.name = body.String("name");
  form.site.chinese_domain = body.OptionalString("chinese_domain");
  form.site.english_domain = body.OptionalString("english_domain");
  form.site.hosted_on_platform = body.Boolean("hosted_on_platform", false);
  form.site.ips = body.Strings("ips");
  form.site.introduction = body.String("introduction");
  form.handler_mobile = body.String("handler_mobile");
  form.sms_verification_id = body.Integer("sms_verification_id");
  if (!body.ok()) return std::nullopt;
  return form;
}

HttpResponse RequestSmsCode(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database&) {
    if (actor.role != Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kOnlyUnitConfirmsMobile>());
    }
    JsonBody body = ParseJsonBody(route.request, {"mobile"});
    const std::string mobile = body.String("mobile");
    if (!body.ok()) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.writer->Acquire();
    std::chrono::seconds retry_after{0};
    Result<std::int64_t> id = RequestSmsCodeThrough(
        access.sms_codes, writer.registry(), actor.account_id, mobile, route.client, &retry_after);
    if (!id && id.status().code() == StatusCode::kResourceExhausted) {
      return TooManyRequestsResponse(route.request, retry_after, id.status());
    }
    if (!id) return RegistryErrorResponse(route.request, id.status());
    return JsonResponse(route.request, http::status::created, {{"verification_id", *id}});
  });
}

HttpResponse ConfirmSmsCode(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database&) {
    if (actor.role != Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kOnlyUnitConfirmsMobile>());
    }
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id)
      return ErrorResponse(route.request, http::status::not_found, Error<errors::kNoSuchSmsCode>());
    JsonBody body = ParseJsonBody(route.request, {"code"});
    const std::string code = body.String("code");
    if (!body.ok()) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s = registry::ConfirmSmsCode(writer.registry(), actor.account_id, *id, code);
        !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    return JsonResponse(route.request, http::status::ok, {{"confirmed", true}});
  });
}

HttpResponse ListApplications(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::string state(route.query.Get("state").value_or(""));
    Result<std::vector<ApplicationSummary>> all = registry::ListApplications(db, state);
    if (!all) return RegistryErrorResponse(route.request, all.status());
    nlohmann::json items = nlohmann::json::array();
    for (const ApplicationSummary& application : *all) {
      if (MaySeeApplication(actor, application))
        items.push_back(ApplicationSummaryJson(application));
    }
    return JsonResponse(route.request, http::status::ok, {{"applications", items}});
  });
}

HttpResponse ShowApplication(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<ApplicationSummary> application = VisibleApplication(route, actor, db);
    if (!application) return NoSuchApplication(route.request);
    Result<registry::SiteForm> form =
        registry::LoadApplicationForm(db, application->id, application->revision);
    if (!form) return RegistryErrorResponse(route.request, form.status());
    Result<std::vector<registry::ApplicationStep>> history =
        registry::ApplicationHistory(db, application->id);
    if (!history) return RegistryErrorResponse(route.request, history.status());
    nlohmann::json steps = nlohmann::json::array();
    for (const registry::ApplicationStep& step : *history) {
      steps.push_back({{"action", step.action},
                       {"from", step.from_state},
                       {"to", step.to_state},
                       {"actor_account_id", step.actor_account_id},
                       {"reason", step.reason},
                       {"at", step.decided_at}});
    }
    Result<registry::Unit> unit = registry::LoadUnit(db, application->unit_id);
    if (!unit) return RegistryErrorResponse(route.request, unit.status());
    nlohmann::json body = ApplicationSummaryJson(*application);
    body["form"] = FormJson(*form);
    body["history"] = std::move(steps);
    body["unit"] = UnitJson(*unit);
    if (actor.role != Role::kUnit) {
      Result<std::vector<registry::DomainHolder>> conflicts =
          registry::ApplicationDomainConflicts(db, *application);
      if (!conflicts) return RegistryErrorResponse(route.request, conflicts.status());
      body["domain_conflicts"] = DomainConflictsJson(*conflicts);
    }
    return JsonResponse(route.request, http::status::ok, body);
  });
}

HttpResponse SubmitApplication(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database&) {
    JsonBody body = ParseJsonBody(route.request, kFormFields);
    const std::optional<registry::SiteForm> form = ReadForm(body);
    if (!form) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::int64_t> id = registry::SubmitApplication(writer.registry(), actor, *form);
    if (!id) return RegistryErrorResponse(route.request, id.status());
    HttpResponse response = JsonResponse(route.request, http::status::created, {{"id", *id}});
    response.set(http::field::location, "/api/applications/" + std::to_string(*id));
    return response;
  });
}

HttpResponse ResubmitApplication(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<ApplicationSummary> application = VisibleApplication(route, actor, db);
    if (!application) return NoSuchApplication(route.request);
    JsonBody body = ParseJsonBody(route.request, kFormFields);
    const std::optional<registry::SiteForm> form = ReadForm(body);
    if (!form) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s = registry::ResubmitApplication(writer.registry(), actor, application->id, *form);
        !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    return JsonResponse(route.request, http::status::ok, {{"id", application->id}});
  });
}

HttpResponse DecideApplication(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<ApplicationSummary> application = VisibleApplication(route, actor, db);
    if (!application) return NoSuchApplication(route.request);
    ReviewDecision decision = ReadReviewDecision(route.request);
    if (decision.refusal) return std::move(*decision.refusal);
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s = registry::DecideApplication(writer.registry(), actor, application->id,
                                               *decision.action, decision.reason);
        !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    Result<ApplicationSummary> after =
        registry::LoadApplication(writer.registry().writer(), application->id);
    if (!after) return RegistryErrorResponse(route.request, after.status());
    return JsonResponse(route.request, http::status::ok, ApplicationSummaryJson(*after));
  });
}

}  // namespace

bool MaySeeApplication(const Actor& actor, const ApplicationSummary& application) {
  return MaySeeUnit(actor, application.unit_id, application.division_code);
}

std::optional<ApplicationSummary> VisibleApplication(const RouteRequest& route, const Actor& actor,
                                                     registry::Database& db) {
  const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
  if (!id) return std::nullopt;
  Result<ApplicationSummary> application = registry::LoadApplication(db, *id);
  if (!application || !MaySeeApplication(actor, *application)) return std::nullopt;
  return std::move(application).value();
}

void AddApplicationRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::post, "/api/sms-codes", BindRegistryRoute(access, &RequestSmsCode));
  router.Add(http::verb::post, "/api/sms-codes/{id}/confirmation",
             BindRegistryRoute(access, &ConfirmSmsCode));
  router.Add(http::verb::get, "/api/applications", BindRegistryRoute(access, &ListApplications));
  router.Add(http::verb::post, "/api/applications", BindRegistryRoute(access, &SubmitApplication));
  router.Add(http::verb::get, "/api/applications/{id}",
             BindRegistryRoute(access, &ShowApplication));
  router.Add(http::verb::put, "/api/applications/{id}",
             BindRegistryRoute(access, &ResubmitApplication));
  router.Add(http::verb::post, "/api/applications/{id}/decisions",
             BindRegistryRoute(access, &DecideApplication));
}

}  // namespace badgewatch::api
