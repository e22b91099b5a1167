#include "api/service/registration_routes.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "api/service/api_errors.h"
#include "api/service/json_body.h"
#include "registry/accounts.h"
#include "registry/passwords.h"
#include "registry/unit_kind.h"

namespace badgewatch::api {

RegistrationLimit::Clock::duration RegistrationLimit::TryAcquire(Clock::time_point now) {
  const std::lock_guard<std::mutex> lock(mutex_);
  while (!recent_.empty() && now - recent_.front() >= window_) recent_.pop_front();
  if (recent_.size() >= max_) {
    if (recent_.empty()) return window_;  // max_ == 0: registration closed
    return recent_.front() + window_ - now;
  }
  recent_.push_back(now);
  return Clock::duration::zero();
}

void RegistrationLimit::Release(Clock::time_point acquired_at) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto counted = std::find(recent_.rbegin(), recent_.rend(), acquired_at);
  if (counted != recent_.rend()) recent_.erase(std::next(counted).base());
}

namespace {

HttpResponse Register(const RouteRequest& route, const RegistrationAccess& access) {
  JsonBody body =
      ParseJsonBody(route.request, {"kind", "region", "system_category", "name", "address",
                                    "handler_name", "mobile", "email", "login", "password"});
  const std::string kind_text = body.String("kind");
  registry::UnitFields fields;
  fields.region_code = body.String("region");
  fields.system_category = body.String("system_category");
  fields.name = body.String("name");
  fields.address = body.String("address");
  fields.handler_name = body.String("handler_name");
  fields.mobile = body.String("mobile");
  fields.email = body.String("email");
  const std::string login = body.String("login");
  const std::string password = body.String("password");
  if (!body.ok()) return body.Refusal(route.request);
  const std::optional<registry::UnitKind> kind = registry::ParseUnitKind(kind_text);
  if (!kind) {
    return ErrorResponse(route.request, http::status::bad_request, Error<errors::kKindUnknown>());
  }
  fields.kind = *kind;
  if (Status policy = registry::CheckPasswordPolicy(login, password); !policy.ok()) {
    return RegistryErrorResponse(route.request, policy);
  }
  const RegistrationLimit::Clock::time_point now = RegistrationLimit::Clock::now();
  const auto wait = access.limit->TryAcquire(now);
  if (wait > RegistrationLimit::Clock::duration::zero()) {
    return TooManyRequestsResponse(route.request, std::chrono::ceil<std::chrono::seconds>(wait),
                                   Error<errors::kRegistrationsBusy>());
  }
  // Hashed before the writer is taken (the KDF is slow on purpose); the unit,
  // its account and the password are then written in one transaction.
  Result<std::string> record = registry::HashPassword(password, access.password_cost);
  if (!record) {
    access.limit->Release(now);
    return RegistryErrorResponse(route.request, record.status());
  }
  RegistryWriter::Lease writer = access.registry.writer->Acquire();
  Result<registry::Actor> actor = registry::RegisterUnit(writer.registry(), fields, login, *record);
  if (!actor) {
    access.limit->Release(now);  // nothing was registered: the place goes back
    return RegistryErrorResponse(route.request, actor.status());
  }
  HttpResponse response =
      JsonResponse(route.request, http::status::created,
                   {{"account_id", actor->account_id}, {"unit_id", actor->unit_id}});
  response.set(http::field::location, "/api/units/" + std::to_string(actor->unit_id));
  return response;
}

}  // namespace

void AddRegistrationRoutes(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::post, "/api/registrations",
             [&access](const RouteRequest& route) { return Register(route, access); });
}

}  // namespace badgewatch::api
