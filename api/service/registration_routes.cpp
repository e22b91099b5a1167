#include "api/service/registration_routes.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "api/service/api_errors.h"
#include "api/service/field_errors_json.h"
#include "api/service/json_body.h"
#include "api/service/reader_pool.h"
#include "registry/accounts.h"
#include "registry/passwords.h"
#include "registry/registration_form.h"
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

RegistrationOutcome RegisterOnline(const RegistrationAccess& access, RegistrationForm form) {
  RegistrationOutcome outcome;
  const std::optional<registry::UnitKind> kind = registry::ParseUnitKind(form.kind_text);
  if (kind) form.fields.kind = *kind;
  if (form.region.size() == 6) {
    form.fields.division_code = form.region;
  } else {
    form.fields.region_code = form.region;
  }
  {
    Result<ReaderLease> lease = access.registry.readers->Acquire();
    if (!lease) {
      outcome.failure = lease.status();
      return outcome;
    }
    Result<registry::RegistrationCheck> check =
        registry::CheckRegistrationForm(lease->db(), form.fields, form.login, form.password);
    if (!check) {
      outcome.failure = check.status();
      return outcome;
    }
    outcome.field_errors = std::move(check->errors);
    outcome.conflict = check->taken > 0 && check->taken == outcome.field_errors.size();
  }
  if (!kind) {
    outcome.field_errors.insert(outcome.field_errors.begin(),
                                {"kind", Error<errors::kUnitKindNotChosen>()});
  }
  if (!kind || !form.extra_errors.empty()) outcome.conflict = false;
  for (registry::FieldError& error : form.extra_errors) {
    outcome.field_errors.push_back(std::move(error));
  }
  if (!outcome.field_errors.empty()) return outcome;
  const RegistrationLimit::Clock::time_point now = RegistrationLimit::Clock::now();
  const auto wait = access.limit->TryAcquire(now);
  if (wait > RegistrationLimit::Clock::duration::zero()) {
    outcome.retry_after = std::chrono::ceil<std::chrono::seconds>(wait);
    outcome.failure = Error<errors::kRegistrationsBusy>();
    return outcome;
  }
  // Hashed before the writer is taken (the KDF is slow on purpose); the unit,
  // its account, the password and the confirmation are then written in one
  // transaction.
  Result<std::string> record = registry::HashPassword(form.password, access.password_cost);
  if (!record) {
    access.limit->Release(now);
    outcome.failure = record.status();
    return outcome;
  }
  RegistryWriter::Lease writer = access.registry.writer->Acquire();
  Result<registry::Actor> actor =
      registry::RegisterUnit(writer.registry(), form.fields, form.login, *record, true);
  if (!actor) {
    access.limit->Release(now);  // nothing was registered: the place goes back
    outcome.failure = actor.status();
    return outcome;
  }
  outcome.actor = *actor;
  return outcome;
}

namespace {

HttpResponse Register(const RouteRequest& route, const RegistrationAccess& access) {
  JsonBody body =
      ParseJsonBody(route.request, {"kind", "region", "system_category", "name", "address",
                                    "handler_name", "mobile", "email", "login", "password"});
  RegistrationForm form;
  form.kind_text = body.String("kind");
  form.region = body.String("region");
  form.fields.system_category = body.String("system_category");
  form.fields.name = body.String("name");
  form.fields.address = body.String("address");
  form.fields.handler_name = body.String("handler_name");
  form.fields.mobile = body.String("mobile");
  form.fields.email = body.String("email");
  form.login = body.String("login");
  form.password = body.String("password");
  if (!body.ok()) return body.Refusal(route.request);
  const RegistrationOutcome outcome = RegisterOnline(access, std::move(form));
  if (!outcome.field_errors.empty()) {
    // A right form whose name or login is someone else's is a conflict.
    return FieldErrorsResponse(route.request, outcome.field_errors, outcome.conflict);
  }
  if (outcome.failure) {
    if (outcome.failure->code() == StatusCode::kResourceExhausted) {
      return TooManyRequestsResponse(route.request, outcome.retry_after, *outcome.failure);
    }
    return RegistryErrorResponse(route.request, *outcome.failure);
  }
  HttpResponse response = JsonResponse(
      route.request, http::status::created,
      {{"account_id", outcome.actor->account_id}, {"unit_id", outcome.actor->unit_id}});
  response.set(http::field::location, "/api/units/" + std::to_string(outcome.actor->unit_id));
  return response;
}

}  // namespace

void AddRegistrationRoutes(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::post, "/api/registrations",
             [&access](const RouteRequest& route) { return Register(route, access); });
}

}  // namespace badgewatch::api
