#include "api/service/domain_routes.h"

#include <optional>
#include <string>
#include <vector>

#include "api/service/api_errors.h"
#include "api/service/domain_json.h"
#include "api/service/json_body.h"
#include "api/service/unit_json.h"
#include "registry/badges.h"
#include "registry/domain_account.h"
#include "registry/domain_availability.h"
#include "registry/domains.h"
#include "registry/sites.h"
#include "registry/units.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::Role;

HttpResponse NotFound(const HttpRequest& request, const Status& error) {
  return ErrorResponse(request, http::status::not_found, error);
}

// The unit `unit_id` if the caller may see it.
std::optional<registry::Unit> VisibleUnit(const Actor& actor, registry::Database& db,
                                          std::int64_t unit_id) {
  Result<registry::Unit> unit = registry::LoadUnit(db, unit_id);
  if (!unit || !MaySeeUnit(actor, unit->id, unit->fields.division_code)) return std::nullopt;
  return std::move(unit).value();
}

std::optional<registry::Unit> VisibleUnitOfPath(const RouteRequest& route, const Actor& actor,
                                                registry::Database& db) {
  const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
  if (!id) return std::nullopt;
  return VisibleUnit(actor, db, *id);
}

// Runs `respond(actor, db, unit)` for the unit of the path when the caller
// may see it; 404 otherwise.
template <typename Respond>
HttpResponse WithUnitOfPath(const RouteRequest& route, const RegistryAccess& access,
                            Respond&& respond) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<registry::Unit> unit = VisibleUnitOfPath(route, actor, db);
    if (!unit) return NotFound(route.request, Error<errors::kNoSuchUnit>());
    return respond(actor, db, *unit);
  });
}

std::optional<registry::Domain> VisibleDomain(const RouteRequest& route, const Actor& actor,
                                              registry::Database& db) {
  const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
  if (!id) return std::nullopt;
  Result<registry::Domain> domain = registry::LoadDomain(db, *id);
  if (!domain || !VisibleUnit(actor, db, domain->unit_id)) return std::nullopt;
  return std::move(domain).value();
}

HttpResponse ShowUnit(const RouteRequest& route, const RegistryAccess& access) {
  return WithUnitOfPath(route, access,
                        [&](const Actor&, registry::Database&, const registry::Unit& unit) {
                          nlohmann::json body = UnitJson(unit);
                          body["kind_label"] = registry::UnitKindLabel(unit.fields.kind);
                          body["unit_number"] = unit.unit_number;
                          body["balance_fen"] = unit.balance_fen;
                          return JsonResponse(route.request, http::status::ok, body);
                        });
}

// Answers {key: [to_json(item), ...]} for `list(db, unit_id)` of the unit
// of the path, when the caller may see it.
template <typename List, typename ToJson>
HttpResponse UnitListResponse(const RouteRequest& route, const RegistryAccess& access,
                              const char* key, List list, ToJson to_json) {
  return WithUnitOfPath(route, access,
                        [&](const Actor&, registry::Database& db, const registry::Unit& unit) {
                          auto rows = list(db, unit.id);
                          if (!rows) return RegistryErrorResponse(route.request, rows.status());
                          nlohmann::json items = nlohmann::json::array();
                          for (const auto& row : *rows) items.push_back(to_json(row));
                          return JsonResponse(route.request, http::status::ok, {{key, items}});
                        });
}

HttpResponse ListDomains(const RouteRequest& route, const RegistryAccess& access) {
  return UnitListResponse(route, access, "domains", &registry::ListUnitDomains, &DomainJson);
}

HttpResponse ShowAccount(const RouteRequest& route, const RegistryAccess& access) {
  return WithUnitOfPath(
      route, access, [&](const Actor&, registry::Database& db, const registry::Unit& unit) {
        const registry::DomainTerms& terms = DomainTermsOf(access);
        Result<registry::DomainAccount> account = registry::LoadDomainAccount(db, terms, unit.id);
        if (!account) return RegistryErrorResponse(route.request, account.status());
        return JsonResponse(route.request, http::status::ok, DomainAccountJson(*account, terms));
      });
}

HttpResponse ListRenewals(const RouteRequest& route, const RegistryAccess& access) {
  return UnitListResponse(route, access, "renewals", &registry::ListUnitRenewals, &RenewalJson);
}

HttpResponse RecordPayment(const RouteRequest& route, const RegistryAccess& access) {
  return WithUnitOfPath(
      route, access, [&](const Actor& actor, registry::Database&, const registry::Unit& unit) {
        JsonBody body = ParseJsonBody(route.request, {"amount_fen", "bank_reference"});
        const std::int64_t amount = body.Integer("amount_fen");
        const std::string reference = body.String("bank_reference");
        if (!body.ok()) return body.Refusal(route.request);
        RegistryWriter::Lease writer = access.writer->Acquire();
        Result<std::int64_t> id =
            registry::RecordPayment(writer.registry(), actor, unit.id, amount, reference);
        if (!id) return RegistryErrorResponse(route.request, id.status());
        return JsonResponse(route.request, http::status::created, {{"payment_id", *id}});
      });
}

HttpResponse ConfirmPayment(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database&) {
    if (actor.role != Role::kConac) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kOnlyConacConfirmsFunds>());
    }
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return NotFound(route.request, Error<errors::kNoSuchPayment>());
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s = registry::ConfirmPayment(writer.registry(), actor, *id); !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    return JsonResponse(route.request, http::status::ok, {{"confirmed", true}});
  });
}

// A domain application's {"name", "years"} body, or the 400 to answer.
struct DomainForm {
  std::string name;
  int years = 1;
  std::optional<HttpResponse> refusal;
};

DomainForm ReadDomainForm(const HttpRequest& request) {
  JsonBody body = ParseJsonBody(request, {"name", "years"});
  DomainForm form;
  form.name = body.String("name");
  const std::int64_t years = body.Integer("years");
  if (!body.ok()) {
    form.refusal = body.Refusal(request);
  } else if (years < 1 || years > 10) {
    form.refusal = ErrorResponse(request, http::status::bad_request, Error<errors::kYearsField>());
  }
  form.years = static_cast<int>(years);
  return form;
}

HttpResponse SubmitDomain(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database&) {
    DomainForm form = ReadDomainForm(route.request);
    if (form.refusal) return std::move(*form.refusal);
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::int64_t> id =
        registry::SubmitDomain(writer.registry(), actor, form.name, form.years);
    if (!id) return RegistryErrorResponse(route.request, id.status());
    HttpResponse response = JsonResponse(route.request, http::status::created, {{"id", *id}});
    response.set(http::field::location, "/api/domains/" + std::to_string(*id));
    return response;
  });
}

HttpResponse ShowDomain(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<registry::Domain> domain = VisibleDomain(route, actor, db);
    if (!domain) return NotFound(route.request, Error<errors::kNoSuchDomain>());
    Result<std::vector<registry::DomainRevision>> revisions =
        registry::ListDomainRevisions(db, domain->id);
    if (!revisions) return RegistryErrorResponse(route.request, revisions.status());
    Result<std::vector<registry::ReviewStep>> history = registry::DomainHistory(db, domain->id);
    if (!history) return RegistryErrorResponse(route.request, history.status());
    nlohmann::json body = DomainJson(*domain);
    body["revisions"] = DomainRevisionsJson(*revisions);
    body["history"] = StepsJson(*history);
    return JsonResponse(route.request, http::status::ok, body);
  });
}

HttpResponse ResubmitDomain(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<registry::Domain> domain = VisibleDomain(route, actor, db);
    if (!domain) return NotFound(route.request, Error<errors::kNoSuchDomain>());
    DomainForm form = ReadDomainForm(route.request);
    if (form.refusal) return std::move(*form.refusal);
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s =
            registry::ResubmitDomain(writer.registry(), actor, domain->id, form.name, form.years);
        !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    Result<registry::Domain> after = registry::LoadDomain(writer.registry().writer(), domain->id);
    if (!after) return RegistryErrorResponse(route.request, after.status());
    return JsonResponse(route.request, http::status::ok, DomainJson(*after));
  });
}

HttpResponse DecideDomain(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<registry::Domain> domain = VisibleDomain(route, actor, db);
    if (!domain) return NotFound(route.request, Error<errors::kNoSuchDomain>());
    ReviewDecision decision = ReadReviewDecision(route.request);
    if (decision.refusal) return std::move(*decision.refusal);
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s = registry::DecideDomain(writer.registry(), actor, domain->id, *decision.action,
                                          decision.reason);
        !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    Result<registry::Domain> after = registry::LoadDomain(writer.registry().writer(), domain->id);
    if (!after) return RegistryErrorResponse(route.request, after.status());
    return JsonResponse(route.request, http::status::ok, DomainJson(*after));
  });
}

HttpResponse SubmitRenewal(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    JsonBody body = ParseJsonBody(route.request, {"domain_ids", "years"});
    const std::vector<std::int64_t> ids = body.Integers("domain_ids");
    const std::int64_t years = body.Integer("years");
    if (!body.ok()) return body.Refusal(route.request);
    if (years < 1 || years > 10) {
      return ErrorResponse(route.request, http::status::bad_request, Error<errors::kYearsField>());
    }
    for (const std::int64_t id : ids) {  // someone else's domain is not found, not forbidden
      Result<registry::Domain> domain = registry::LoadDomain(db, id);
      if (!domain || !VisibleUnit(actor, db, domain->unit_id)) {
        return NotFound(route.request, Error<errors::kNoSuchDomainId>(id));
      }
    }
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::int64_t> id =
        registry::SubmitRenewal(writer.registry(), actor, ids, static_cast<int>(years));
    if (!id) return RegistryErrorResponse(route.request, id.status());
    return JsonResponse(route.request, http::status::created, {{"renewal_id", *id}});
  });
}

HttpResponse WithdrawRenewal(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database&) {
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return NotFound(route.request, Error<errors::kNoSuchRenewal>());
    RegistryWriter::Lease writer = access.writer->Acquire();
    if (Status s = registry::WithdrawRenewal(writer.registry(), actor, *id); !s.ok()) {
      // Someone else's renewal is not found, not forbidden.
      if (s.code() == StatusCode::kPermissionDenied && actor.role == Role::kUnit) {
        return NotFound(route.request, Error<errors::kNoSuchRenewal>());
      }
      return RegistryErrorResponse(route.request, s);
    }
    return JsonResponse(route.request, http::status::ok, {{"withdrawn", true}});
  });
}

HttpResponse ShowBadge(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return NotFound(route.request, Error<errors::kNoSuchSite>());
    Result<registry::Site> site = registry::LoadSite(db, *id);
    if (!site || !VisibleUnit(actor, db, site->unit_id))
      return NotFound(route.request, Error<errors::kNoSuchSite>());
    if (!site->badge_id) {
      return ErrorResponse(route.request, http::status::not_found,
                           Error<errors::kSiteHasNoBadge>());
    }
    return JsonResponse(route.request, http::status::ok,
                        {{"site_id", site->id},
                         {"site_name", site->fields.name},
                         {"badge_id", *site->badge_id},
                         {"snippet", registry::BadgeSnippet(*site->badge_id)}});
  });
}

// Whether the unit may still apply for ?name=: {"name", "ascii_name",
// "available"}; a name its kind may not hold is a 400 naming the rule.
HttpResponse CheckAvailability(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    if (actor.role != Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kAvailabilityForUnits>());
    }
    const std::string name(route.query.Get("name").value_or(""));
    if (name.empty() || route.query.fields().size() != 1) {
      return ErrorResponse(route.request, http::status::bad_request,
                           Error<errors::kNameParameter>());
    }
    Result<registry::Unit> unit = registry::LoadUnit(db, actor.unit_id);
    if (!unit) return RegistryErrorResponse(route.request, unit.status());
    Result<registry::DomainAvailability> availability =
        registry::CheckDomainAvailability(db, name, unit->fields.kind);
    if (!availability) return RegistryErrorResponse(route.request, availability.status());
    return JsonResponse(route.request, http::status::ok,
                        {{"name", name},
                         {"ascii_name", availability->ascii_name},
                         {"available", availability->available}});
  });
}

}  // namespace

void AddDomainRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/domain-availability",
             BindRegistryRoute(access, &CheckAvailability));
  router.Add(http::verb::get, "/api/units/{id}", BindRegistryRoute(access, &ShowUnit));
  router.Add(http::verb::get, "/api/units/{id}/domains", BindRegistryRoute(access, &ListDomains));
  router.Add(http::verb::get, "/api/units/{id}/account", BindRegistryRoute(access, &ShowAccount));
  router.Add(http::verb::get, "/api/units/{id}/renewals", BindRegistryRoute(access, &ListRenewals));
  router.Add(http::verb::post, "/api/units/{id}/payments",
             BindRegistryRoute(access, &RecordPayment));
  router.Add(http::verb::post, "/api/payments/{id}/confirmation",
             BindRegistryRoute(access, &ConfirmPayment));
  router.Add(http::verb::post, "/api/domains", BindRegistryRoute(access, &SubmitDomain));
  router.Add(http::verb::get, "/api/domains/{id}", BindRegistryRoute(access, &ShowDomain));
  router.Add(http::verb::post, "/api/domains/{id}/decisions",
             BindRegistryRoute(access, &DecideDomain));
  router.Add(http::verb::post, "/api/domains/{id}/resubmission",
             BindRegistryRoute(access, &ResubmitDomain));
  router.Add(http::verb::post, "/api/renewals", BindRegistryRoute(access, &SubmitRenewal));
  router.Add(http::verb::post, "/api/renewals/{id}/withdrawal",
             BindRegistryRoute(access, &WithdrawRenewal));
  router.Add(http::verb::get, "/api/sites/{id}/badge", BindRegistryRoute(access, &ShowBadge));
}

}  // namespace badgewatch::api
