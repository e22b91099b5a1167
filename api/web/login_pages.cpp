// The login form and logging in and out (api/service/login.h does the work):
// GET /login shows the form, POST /login signs in and sends the browser on
// to `next` (a local path only), POST /logout ends the session.
#include <fmt/format.h>

#include <string>

#include "api/web/account_messages.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

HttpResponse LoginFormPage(const PageViewer& viewer, http::status status, std::string_view next,
                           std::string_view login, std::string_view message_html,
                           std::string_view notice = "") {
  std::string body = "<section class=\"login\">\n";
  if (!notice.empty()) {
    body += fmt::format("<p class=\"message ok\" role=\"status\">{}</p>\n", HtmlEscape(notice));
  }
  if (!message_html.empty()) {
    body += fmt::format("<p class=\"message error\" role=\"alert\">{}</p>\n", message_html);
  }
  body += fmt::format(
      "<form method=\"post\" action=\"/login\" class=\"stack\" id=\"login-form\">"
      "<input type=\"hidden\" name=\"next\" value=\"{}\">"
      "<label>{}<input type=\"text\" name=\"login\" value=\"{}\" autocomplete=\"username\" "
      "required autofocus></label>"
      "<label>{}<input type=\"password\" name=\"password\" autocomplete=\"current-password\" "
      "required></label>"
      "<div><button type=\"submit\">{}</button></div></form>\n"
      "<p class=\"login-links\"><a href=\"/register\">{}</a><a href=\"/password-reset\">{}</a>"
      "</p>\n</section>\n",
      HtmlEscape(LocalPath(next)), viewer.T(WebText::kLogInName), HtmlEscape(login),
      viewer.T(WebText::kPassword), viewer.T(WebText::kLogInButton),
      AccountMessage(AccountText::kRegisterLink, viewer.language),
      AccountMessage(AccountText::kForgotPasswordLink, viewer.language));
  return HtmlPage(viewer, status, {std::string(viewer.T(WebText::kLogInTitle)), body});
}

// What the login page says after a registration, a reset or a change.
std::string LoginNotice(const RouteRequest& route, const PageViewer& viewer) {
  if (const auto registered = route.query.Get("registered")) {
    return fmt::format(fmt::runtime(AccountMessage(AccountText::kRegistered, viewer.language)),
                       *registered);
  }
  if (route.query.Has("reset")) {
    return std::string(AccountMessage(AccountText::kPasswordWasReset, viewer.language));
  }
  if (route.query.Has("changed")) {
    return std::string(AccountMessage(AccountText::kPasswordChanged, viewer.language));
  }
  return "";
}

HttpResponse ShowLogin(const RouteRequest& route) {
  const PageViewer viewer = AnonymousViewer(route);
  return LoginFormPage(viewer, http::status::ok, route.query.Get("next").value_or("/"),
                       route.query.Get("registered").value_or(""), "", LoginNotice(route, viewer));
}

HttpResponse PostLogin(const RouteRequest& route, const WebLoginAccess& access) {
  const PageViewer viewer = AnonymousViewer(route);
  const FormFields posted = ParseFormFields(route.request.body());
  const std::string next = LocalPath(posted.Get("next").value_or("/"));
  const std::string_view login = posted.Get("login").value_or("");
  const WebLoginResult result =
      LogIn(access, login, posted.Get("password").value_or(""), route.client);
  switch (result.outcome) {
    case WebLoginResult::Outcome::kLoggedIn: {
      HttpResponse response = SeeOther(route, next);
      response.insert(http::field::set_cookie, result.set_cookie);
      return response;
    }
    case WebLoginResult::Outcome::kBadCredentials:
      return LoginFormPage(viewer, http::status::unauthorized, next, login,
                           viewer.T(WebText::kBadCredentials));
    case WebLoginResult::Outcome::kThrottled: {
      const int wait = std::max(1, result.retry_after_seconds);
      HttpResponse response =
          LoginFormPage(viewer, http::status::too_many_requests, next, login,
                        HtmlEscape(LoginRefusal(result).message(viewer.language)));
      response.set(http::field::retry_after, std::to_string(wait));
      return response;
    }
    case WebLoginResult::Outcome::kBusy: {
      HttpResponse response =
          LoginFormPage(viewer, http::status::service_unavailable, next, login,
                        HtmlEscape(LoginRefusal(result).message(viewer.language)));
      response.set(http::field::retry_after, std::to_string(result.retry_after_seconds));
      return response;
    }
    case WebLoginResult::Outcome::kUnavailable:
      break;
  }
  WebLoginResult unavailable = result;
  unavailable.outcome = WebLoginResult::Outcome::kUnavailable;
  return LoginFormPage(viewer, http::status::service_unavailable, next, login,
                       HtmlEscape(LoginRefusal(unavailable).message(viewer.language)));
}

HttpResponse PostLogout(const RouteRequest& route, const WebLoginAccess& access) {
  // Through the session check, so that logging out needs the CSRF token too.
  return WithSignedInViewer(route, access.registry, [&](const PageViewer&, registry::Database&) {
    HttpResponse response = SeeOther(route, "/login");
    response.insert(http::field::set_cookie, LogOut(access, route.request));
    return response;
  });
}

}  // namespace

void AddLoginPages(RequestRouter& router, const WebLoginAccess& access) {
  router.Add(http::verb::get, "/login", &ShowLogin);
  router.Add(http::verb::post, "/login",
             [&access](const RouteRequest& route) { return PostLogin(route, access); });
  router.Add(http::verb::post, "/logout",
             [&access](const RouteRequest& route) { return PostLogout(route, access); });
}

}  // namespace badgewatch::api
