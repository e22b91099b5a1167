#include "api/service/caller_scope.h"

#include <charconv>

#include "api/service/api_errors.h"
#include "api/service/json_body.h"
#include "registry/divisions.h"

namespace badgewatch::api {

bool MaySeeUnit(const registry::Actor& actor, std::int64_t unit_id,
                std::string_view division_code) {
  switch (actor.role) {
    case registry::Role::kUnit:
      return unit_id == actor.unit_id;
    case registry::Role::kRegional:
      return registry::OfficeCovers(actor.office_code, division_code);
    case registry::Role::kConac:
      return true;
  }
  return false;
}

bool MayActForUnit(const registry::Actor& actor, std::int64_t unit_id,
                   std::string_view division_code) {
  if (actor.role == registry::Role::kRegional) return actor.office_code == division_code;
  return MaySeeUnit(actor, unit_id, division_code);
}

bool NarrowToScope(const registry::Actor& actor, std::int64_t& unit_id, std::string& region_code,
                   std::string& office_prefix) {
  switch (actor.role) {
    case registry::Role::kUnit: {
      const bool inside = unit_id == 0 || unit_id == actor.unit_id;
      unit_id = actor.unit_id;
      return inside;
    }
    case registry::Role::kRegional: {
      const bool inside = region_code.empty() || region_code == actor.region_code;
      region_code = actor.region_code;
      office_prefix = registry::OfficeSubtreePrefix(actor.office_code);
      return inside;
    }
    case registry::Role::kConac:
      return true;
  }
  return false;
}

std::optional<std::int64_t> ParseRecordId(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

RouteHandler BindRegistryRoute(const RegistryAccess& access, RegistryRoute route) {
  return [&access, route](const RouteRequest& request) { return route(request, access); };
}

ReviewDecision ReadReviewDecision(const HttpRequest& request) {
  ReviewDecision decision;
  JsonBody body = ParseJsonBody(request, {"action", "reason"});
  const std::string action_name = body.String("action");
  decision.reason = body.OptionalString("reason").value_or("");
  if (!body.ok()) {
    decision.refusal = body.Refusal(request);
    return decision;
  }
  decision.action = registry::ParseAction(action_name);
  if (!decision.action) {
    decision.refusal = ErrorResponse(request, http::status::bad_request,
                                     Error<errors::kUnknownAction>(action_name));
  }
  return decision;
}

const registry::DomainTerms& DomainTermsOf(const RegistryAccess& access) {
  static const registry::DomainTerms kDefaults;
  return access.domain_terms != nullptr ? *access.domain_terms : kDefaults;
}

}  // namespace badgewatch::api
