// Account care over the API:
//   PUT  /api/units/{id}                   the unit corrects its address, handler, mobile,
//                                          e-mail {"address", "handler_name", "mobile", "email"}
//                                          (its own account only; audited with the old values)
//   POST /api/me/password                  {"current_password", "new_password"}: the caller's
//                                          own password; every web session of it ends
//   POST /api/password-resets              {"login", "mobile"} → 202: an SMS code to the unit's
//                                          registered mobile when they match; the same answer
//                                          when they do not (no login is revealed)
//   POST /api/password-resets/confirmation {"login", "code", "new_password"}: the new password
//   POST /api/units/{id}/password-reset    staff (CONAC, the office at the unit's level): a
//                                          new password sent to the unit's mobile and e-mail
//   GET  /api/reviewer-accounts            the reviewer accounts the caller manages (CONAC:
//                                          every office's; an office: those below it)
//   POST /api/reviewer-accounts            {"login", "office", "password"} → 201: a reviewer
//                                          account of the office of division "office"
//   PUT  /api/reviewer-accounts/{id}       {"enabled": bool}: disables or re-enables it
// Field problems answer 400 with every "field_errors" at once. Passwords are
// hashed (slow) before the writer is taken. Handlers run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_ACCOUNT_ROUTES_H_
#define BADGEWATCH_API_SERVICE_ACCOUNT_ROUTES_H_

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/request_router.h"
#include "api/service/registration_routes.h"
#include "registry/accounts.h"
#include "registry/field_validation.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` (its registry and password
// cost) must outlive it.
void AddAccountRoutes(RequestRouter& router, const RegistrationAccess& access);

// Sends a password-reset code to `mobile` when it is the registered mobile of
// the unit account `login`, under the SMS code gate's limits; OK whether or
// not it went out (so no login is revealed), kResourceExhausted (with
// `*retry_after`) only over the client address's limit.
[[nodiscard]] Status RequestResetCode(const RegistrationAccess& access, std::string_view login,
                                      const std::string& mobile,
                                      const boost::asio::ip::address& client,
                                      std::chrono::seconds* retry_after);

// Sets `new_password` (checked against the policy: its error goes to
// `*policy_errors` as "new_password") when `code` is the login's newest SMS
// code; registry::ResetPasswordBySms's one refusal otherwise.
[[nodiscard]] Status ResetPassword(const RegistrationAccess& access, std::string_view login,
                                   std::string_view code, std::string_view new_password,
                                   std::vector<registry::FieldError>* policy_errors);

// `by` creates a reviewer account of the office `office_code` with
// `password` (checked against the policy: its error goes to
// `*policy_errors` as "password"); registry::CreateReviewerAccount's
// refusals otherwise. Hashes before it takes the writer.
[[nodiscard]] Result<registry::Actor> CreateReviewer(
    const RegistrationAccess& access, const registry::Actor& by, const std::string& login,
    const std::string& office_code, std::string_view password,
    std::vector<registry::FieldError>* policy_errors);

// The answer to every password-reset request that was not refused over the
// client address's limit (Chinese).
inline constexpr char kResetCodeSentMessage[] =
    "如果登录名与注册手机号相符，验证码已发送到该手机，10 分钟内有效。";

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_ACCOUNT_ROUTES_H_
