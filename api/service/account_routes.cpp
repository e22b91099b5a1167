#include "api/service/account_routes.h"

#include <optional>
#include <string>
#include <vector>

#include "api/service/api_errors.h"
#include "api/service/field_errors_json.h"
#include "api/service/json_body.h"
#include "api/service/reader_pool.h"
#include "api/service/sms_code_gate.h"
#include "api/service/unit_json.h"
#include "registry/account_care.h"
#include "registry/passwords.h"
#include "registry/registry_errors.h"
#include "registry/units.h"

namespace badgewatch::api {

namespace {

using registry::Actor;

HttpResponse UnitNotFound(const HttpRequest& request) {
  return ErrorResponse(request, http::status::not_found, Error<errors::kUnitNotVisible>());
}

// The unit the path's {id} names, if `actor` may see it.
std::optional<registry::Unit> UnitOfPathFor(const RouteRequest& route, const Actor& actor,
                                            registry::Database& db) {
  const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
  if (!id) return std::nullopt;
  Result<registry::Unit> unit = registry::LoadUnit(db, *id);
  if (!unit || !MaySeeUnit(actor, unit->id, unit->fields.division_code)) return std::nullopt;
  return std::move(unit).value();
}

// A new password checked against the policy (as field "new_password") and
// hashed; nullopt with `*refusal` set otherwise.
std::optional<std::string> NewPasswordRecord(const RegistrationAccess& access,
                                             const HttpRequest& request, std::string_view login,
                                             std::string_view password,
                                             std::optional<HttpResponse>* refusal) {
  if (Status policy = registry::CheckPasswordPolicy(login, password); !policy.ok()) {
    *refusal = FieldErrorsResponse(request, {{"new_password", policy}});
    return std::nullopt;
  }
  Result<std::string> record = registry::HashPassword(password, access.password_cost);
  if (!record) {
    *refusal = RegistryErrorResponse(request, record.status());
    return std::nullopt;
  }
  return std::move(record).value();
}

HttpResponse UpdateUnit(const RouteRequest& route, const RegistrationAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database& db) {
    const std::optional<registry::Unit> unit = UnitOfPathFor(route, actor, db);
    if (!unit) return UnitNotFound(route.request);
    if (actor.role != registry::Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kUnitEditsOwnDetails>());
    }
    JsonBody body = ParseJsonBody(route.request, {"address", "handler_name", "mobile", "email"});
    registry::UnitContact contact;
    contact.address = body.String("address");
    contact.handler_name = body.String("handler_name");
    contact.mobile = body.String("mobile");
    contact.email = body.String("email");
    if (!body.ok()) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.registry.writer->Acquire();
    Result<std::vector<registry::FieldError>> errors =
        registry::UpdateUnitContact(writer.registry(), actor, unit->id, contact);
    if (!errors) return RegistryErrorResponse(route.request, errors.status());
    if (!errors->empty()) return FieldErrorsResponse(route.request, *errors);
    Result<registry::Unit> updated = registry::LoadUnit(writer.registry().writer(), unit->id);
    if (!updated) return RegistryErrorResponse(route.request, updated.status());
    return JsonResponse(route.request, http::status::ok, UnitJson(*updated));
  });
}

HttpResponse ChangeOwnPassword(const RouteRequest& route, const RegistrationAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database& db) {
    JsonBody body = ParseJsonBody(route.request, {"current_password", "new_password"});
    const std::string current = body.String("current_password");
    const std::string wanted = body.String("new_password");
    if (!body.ok()) return body.Refusal(route.request);
    if (Status s = registry::CheckCurrentPassword(db, actor.account_id, current); !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    Result<std::string> login = registry::LoginOfAccount(db, actor.account_id);
    if (!login) return RegistryErrorResponse(route.request, login.status());
    std::optional<HttpResponse> refusal;
    const std::optional<std::string> record =
        NewPasswordRecord(access, route.request, *login, wanted, &refusal);
    if (!record) return std::move(*refusal);
    RegistryWriter::Lease writer = access.registry.writer->Acquire();
    Status stored = registry::StorePasswordRecord(
        writer.registry(), actor.account_id, *record,
        {registry::ActorLabel(actor), "account.password-change", "", {}});
    if (!stored.ok()) return RegistryErrorResponse(route.request, stored);
    return JsonResponse(route.request, http::status::ok,
                        {{"message", "密码已修改。本账号的登录均已退出，请用新密码重新登录。"}});
  });
}

HttpResponse StartPasswordReset(const RouteRequest& route, const RegistrationAccess& access) {
  JsonBody body = ParseJsonBody(route.request, {"login", "mobile"});
  const std::string login = body.String("login");
  const std::string mobile = body.String("mobile");
  if (!body.ok()) return body.Refusal(route.request);
  std::chrono::seconds retry_after{0};
  const Status sent = RequestResetCode(access, login, mobile, route.client, &retry_after);
  if (!sent.ok() && sent.code() == StatusCode::kResourceExhausted) {
    return TooManyRequestsResponse(route.request, retry_after, sent);
  }
  if (!sent.ok()) return RegistryErrorResponse(route.request, sent);
  return JsonResponse(route.request, http::status::accepted, {{"message", kResetCodeSentMessage}});
}

HttpResponse ConfirmPasswordReset(const RouteRequest& route, const RegistrationAccess& access) {
  JsonBody body = ParseJsonBody(route.request, {"login", "code", "new_password"});
  const std::string login = body.String("login");
  const std::string code = body.String("code");
  const std::string wanted = body.String("new_password");
  if (!body.ok()) return body.Refusal(route.request);
  std::vector<registry::FieldError> policy;
  const Status reset = ResetPassword(access, login, code, wanted, &policy);
  if (!policy.empty()) return FieldErrorsResponse(route.request, policy);
  if (!reset.ok()) return RegistryErrorResponse(route.request, reset);
  return JsonResponse(route.request, http::status::ok,
                      {{"message", "密码已重置，请用新密码登录。"}});
}

HttpResponse ResetUnitPassword(const RouteRequest& route, const RegistrationAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database& db) {
    const std::optional<registry::Unit> unit = UnitOfPathFor(route, actor, db);
    if (!unit) return UnitNotFound(route.request);
    if (actor.role == registry::Role::kUnit) {
      return ErrorResponse(route.request, http::status::forbidden,
                           Error<errors::kUnitChangesOwnPassword>());
    }
    RegistryWriter::Lease writer = access.registry.writer->Acquire();
    Result<std::string> sent_to = registry::ResetUnitPasswordByStaff(
        writer.registry(), actor, unit->id, access.password_cost);
    if (!sent_to) return RegistryErrorResponse(route.request, sent_to.status());
    return JsonResponse(route.request, http::status::ok, {{"sent_to", *sent_to}});
  });
}

nlohmann::json ReviewerJson(const registry::ReviewerAccount& account) {
  return {{"id", account.account_id},
          {"login", account.login},
          {"office", account.office_code},
          {"enabled", account.enabled}};
}

HttpResponse StaffOnly(const HttpRequest& request) {
  return ErrorResponse(request, http::status::forbidden,
                       Error<errors::kReviewerAccountsForStaff>());
}

HttpResponse ListReviewers(const RouteRequest& route, const RegistrationAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database& db) {
    if (actor.role == registry::Role::kUnit) return StaffOnly(route.request);
    Result<std::vector<registry::ReviewerAccount>> accounts =
        registry::ListReviewerAccounts(db, actor);
    if (!accounts) return RegistryErrorResponse(route.request, accounts.status());
    nlohmann::json items = nlohmann::json::array();
    for (const registry::ReviewerAccount& account : *accounts) {
      items.push_back(ReviewerJson(account));
    }
    return JsonResponse(route.request, http::status::ok, {{"accounts", std::move(items)}});
  });
}

HttpResponse AddReviewer(const RouteRequest& route, const RegistrationAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database&) {
    if (actor.role == registry::Role::kUnit) return StaffOnly(route.request);
    JsonBody body = ParseJsonBody(route.request, {"login", "office", "password"});
    const std::string login = body.String("login");
    const std::string office = body.String("office");
    const std::string password = body.String("password");
    if (!body.ok()) return body.Refusal(route.request);
    std::vector<registry::FieldError> policy;
    Result<Actor> created = CreateReviewer(access, actor, login, office, password, &policy);
    if (!policy.empty()) return FieldErrorsResponse(route.request, policy);
    if (!created) return RegistryErrorResponse(route.request, created.status());
    return JsonResponse(route.request, http::status::created,
                        ReviewerJson({created->account_id, login, office, true, 0}));
  });
}

HttpResponse UpdateReviewer(const RouteRequest& route, const RegistrationAccess& access) {
  return WithCaller(route, access.registry, [&](const Actor& actor, registry::Database&) {
    if (actor.role == registry::Role::kUnit) return StaffOnly(route.request);
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) {
      return RegistryErrorResponse(route.request,
                                   Error<registry::errors::kReviewerAccountNotFound>(0));
    }
    JsonBody body = ParseJsonBody(route.request, {"enabled"});
    const bool enabled = body.Boolean("enabled", true);
    if (!body.ok()) return body.Refusal(route.request);
    RegistryWriter::Lease writer = access.registry.writer->Acquire();
    if (Status s = registry::SetReviewerEnabled(writer.registry(), actor, *id, enabled); !s.ok()) {
      return RegistryErrorResponse(route.request, s);
    }
    Result<registry::Actor> after = registry::LoadActor(writer.registry().writer(), *id);
    if (!after) return RegistryErrorResponse(route.request, after.status());
    Result<std::string> login = registry::LoginOfAccount(writer.registry().writer(), *id);
    if (!login) return RegistryErrorResponse(route.request, login.status());
    return JsonResponse(route.request, http::status::ok,
                        ReviewerJson({*id, *login, after->office_code, !after->disabled, 0}));
  });
}

template <HttpResponse (*Route)(const RouteRequest&, const RegistrationAccess&)>
RouteHandler Bound(const RegistrationAccess& access) {
  return [&access](const RouteRequest& route) { return Route(route, access); };
}

}  // namespace

Result<registry::Actor> CreateReviewer(const RegistrationAccess& access, const registry::Actor& by,
                                       const std::string& login, const std::string& office_code,
                                       std::string_view password,
                                       std::vector<registry::FieldError>* policy_errors) {
  if (!registry::ManagesOffice(by, office_code)) {
    return Error<registry::errors::kOfficeNotBelowYours>(office_code);
  }
  if (Status policy = registry::CheckPasswordPolicy(login, password); !policy.ok()) {
    policy_errors->push_back({"password", policy});
    return policy;
  }
  Result<std::string> record = registry::HashPassword(password, access.password_cost);
  if (!record) return record.status();
  RegistryWriter::Lease writer = access.registry.writer->Acquire();
  return registry::CreateReviewerAccount(writer.registry(), by, login, office_code, *record);
}

Status RequestResetCode(const RegistrationAccess& access, std::string_view login,
                        const std::string& mobile, const boost::asio::ip::address& client,
                        std::chrono::seconds* retry_after) {
  std::optional<std::int64_t> account;
  {
    Result<ReaderLease> lease = access.registry.readers->Acquire();
    if (!lease) return lease.status();
    Result<std::optional<std::int64_t>> found =
        registry::FindResettableAccount(lease->db(), login, mobile);
    if (!found) return found.status();
    account = *found;
  }
  RegistryWriter::Lease writer = access.registry.writer->Acquire();
  if (access.registry.sms_codes != nullptr) {
    return access.registry.sms_codes->RequestForReset(writer.registry(), account, mobile, client,
                                                      retry_after);
  }
  SmsCodeGate defaults;  // the registry's limits only
  return defaults.RequestForReset(writer.registry(), account, mobile, client, retry_after);
}

Status ResetPassword(const RegistrationAccess& access, std::string_view login,
                     std::string_view code, std::string_view new_password,
                     std::vector<registry::FieldError>* policy_errors) {
  if (Status policy = registry::CheckPasswordPolicy(login, new_password); !policy.ok()) {
    policy_errors->push_back({"new_password", policy});
    return policy;
  }
  Result<std::string> record = registry::HashPassword(new_password, access.password_cost);
  if (!record) return record.status();
  RegistryWriter::Lease writer = access.registry.writer->Acquire();
  return registry::ResetPasswordBySms(writer.registry(), login, code, *record);
}

void AddAccountRoutes(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::put, "/api/units/{id}", Bound<&UpdateUnit>(access));
  router.Add(http::verb::post, "/api/me/password", Bound<&ChangeOwnPassword>(access));
  router.Add(http::verb::post, "/api/password-resets", Bound<&StartPasswordReset>(access));
  router.Add(http::verb::post, "/api/password-resets/confirmation",
             Bound<&ConfirmPasswordReset>(access));
  router.Add(http::verb::post, "/api/units/{id}/password-reset", Bound<&ResetUnitPassword>(access));
  router.Add(http::verb::get, "/api/reviewer-accounts", Bound<&ListReviewers>(access));
  router.Add(http::verb::post, "/api/reviewer-accounts", Bound<&AddReviewer>(access));
  router.Add(http::verb::put, "/api/reviewer-accounts/{id}", Bound<&UpdateReviewer>(access));
}

}  // namespace badgewatch::api
