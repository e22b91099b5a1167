// Finding a forgotten password (忘记密码) by an SMS code to the unit's
// registered mobile: GET /password-reset asks for the login and the mobile,
// POST /password-reset sends the code (the same answer whether or not the
// login exists) and asks for it with the new password, POST
// /password-reset/confirm sets it and sends the browser to the login.
// No login needed; handlers run on worker threads.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "api/service/account_routes.h"
#include "api/service/api_errors.h"
#include "api/web/account_messages.h"
#include "api/web/form_field_html.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

std::string_view ResetText(const PageViewer& viewer, AccountText text) {
  return AccountMessage(text, viewer.language);
}

HttpResponse RequestCodePage(const PageViewer& viewer, http::status status, std::string_view login,
                             std::string_view mobile, std::string_view message) {
  std::string body = "<section class=\"login\">\n";
  body += fmt::format("<p class=\"muted\">{}</p>\n",
                      HtmlEscape(ResetText(viewer, AccountText::kResetHelp)));
  if (!message.empty()) {
    body += fmt::format("<p class=\"message error\" role=\"alert\">{}</p>\n", HtmlEscape(message));
  }
  body +=
      "<form method=\"post\" action=\"/password-reset\" class=\"stack\" id=\"reset-request\">\n";
  body += InputField(
      {"login", ResetText(viewer, AccountText::kLogin), login, "text", "", "username"}, {});
  body += InputField(
      {"mobile", ResetText(viewer, AccountText::kMobile), mobile, "tel", "", "tel", true, 11}, {});
  body += fmt::format(
      "<div><button type=\"submit\">{}</button> <a href=\"/login\">{}</a></div></form>\n"
      "</section>\n",
      HtmlEscape(ResetText(viewer, AccountText::kSendResetCode)),
      HtmlEscape(ResetText(viewer, AccountText::kBackToLogin)));
  return HtmlPage(viewer, status, {std::string(ResetText(viewer, AccountText::kResetTitle)), body});
}

HttpResponse EnterCodePage(const PageViewer& viewer, http::status status, std::string_view login,
                           std::string_view info, std::string_view error,
                           const FieldErrors& errors) {
  std::string body = "<section class=\"login\">\n";
  if (!info.empty()) {
    body += fmt::format("<p class=\"message info\" role=\"status\">{}</p>\n", HtmlEscape(info));
  }
  if (!error.empty()) {
    body += fmt::format("<p class=\"message error\" role=\"alert\">{}</p>\n", HtmlEscape(error));
  }
  body += ErrorSummary(viewer, errors);
  body +=
      "<form method=\"post\" action=\"/password-reset/confirm\" class=\"stack\" "
      "id=\"reset-confirm\">\n";
  body += InputField(
      {"login", ResetText(viewer, AccountText::kLogin), login, "text", "", "username"}, errors);
  body += InputField(
      {"code", ResetText(viewer, AccountText::kSmsCode), "", "text", "", "one-time-code", true, 6},
      errors);
  body += InputField({"new_password", ResetText(viewer, AccountText::kNewPassword), "", "password",
                      ResetText(viewer, AccountText::kPasswordHelp), "new-password", true, 256},
                     errors);
  body += InputField({"new_password_again", ResetText(viewer, AccountText::kNewPasswordAgain), "",
                      "password", "", "new-password", true, 256},
                     errors);
  body += fmt::format(
      "<div><button type=\"submit\">{}</button> <a href=\"/password-reset\">{}</a></div>"
      "</form>\n</section>\n",
      HtmlEscape(ResetText(viewer, AccountText::kResetButton)),
      HtmlEscape(ResetText(viewer, AccountText::kSendCodeAgain)));
  return HtmlPage(viewer, status, {std::string(ResetText(viewer, AccountText::kResetTitle)), body});
}

HttpResponse ShowPasswordReset(const RouteRequest& route) {
  return RequestCodePage(AnonymousViewer(route), http::status::ok, "", "", "");
}

HttpResponse PostPasswordReset(const RouteRequest& route, const RegistrationAccess& access) {
  const PageViewer viewer = AnonymousViewer(route);
  const FormFields posted = ParseFormFields(route.request.body());
  const std::string login(posted.Get("login").value_or(""));
  const std::string mobile(posted.Get("mobile").value_or(""));
  std::chrono::seconds retry_after{0};
  const Status sent = RequestResetCode(access, login, mobile, route.client, &retry_after);
  if (sent.code() == StatusCode::kResourceExhausted) {
    HttpResponse response = RequestCodePage(viewer, http::status::too_many_requests, login, mobile,
                                            sent.message(viewer.language));
    response.set(http::field::retry_after, std::to_string(retry_after.count()));
    return response;
  }
  if (!sent.ok()) return ErrorPage(viewer, http::status::service_unavailable);
  return EnterCodePage(viewer, http::status::ok, login,
                       ResetText(viewer, AccountText::kResetCodeSent), "", {});
}

HttpResponse PostPasswordResetConfirm(const RouteRequest& route, const RegistrationAccess& access) {
  const PageViewer viewer = AnonymousViewer(route);
  const FormFields posted = ParseFormFields(route.request.body());
  const std::string login(posted.Get("login").value_or(""));
  const std::string_view wanted = posted.Get("new_password").value_or("");
  if (posted.Get("new_password_again").value_or("") != wanted) {
    return EnterCodePage(
        viewer, http::status::bad_request, login, "", "",
        {{"new_password_again", Error<errors::kPasswordsDiffer>().message(viewer.language)}});
  }
  std::vector<registry::FieldError> policy;
  const Status reset =
      ResetPassword(access, login, posted.Get("code").value_or(""), wanted, &policy);
  if (!policy.empty()) {
    return EnterCodePage(viewer, http::status::bad_request, login, "", "",
                         InLanguage(policy, viewer.language));
  }
  if (reset.code() == StatusCode::kInvalidArgument) {
    return EnterCodePage(viewer, http::status::bad_request, login, "",
                         reset.message(viewer.language), {});
  }
  if (!reset.ok()) return ErrorPage(viewer, http::status::service_unavailable);
  return SeeOther(route, "/login?reset=1");
}

}  // namespace

void AddPasswordResetPages(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::get, "/password-reset", &ShowPasswordReset);
  router.Add(http::verb::post, "/password-reset",
             [&access](const RouteRequest& route) { return PostPasswordReset(route, access); });
  router.Add(http::verb::post, "/password-reset/confirm", [&access](const RouteRequest& route) {
    return PostPasswordResetConfirm(route, access);
  });
}

}  // namespace badgewatch::api
