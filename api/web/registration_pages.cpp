// 附件一 on the web: the new unit's registration form (GET/POST /register)
// with its region pickers (province → city → county, /static/register.js
// fills the next one from GET /api/regions?parent=), and finding a forgotten
// password by an SMS code to the registered mobile (GET/POST /password-reset,
// POST /password-reset/confirm). Every field is checked and every error shown
// beside its field at once. No login needed; handlers run on worker threads.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "api/service/account_routes.h"
#include "api/service/api_errors.h"
#include "api/service/reader_pool.h"
#include "api/service/sms_code_gate.h"
#include "api/web/account_messages.h"
#include "api/web/form_field_html.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/account_care.h"
#include "registry/divisions.h"
#include "registry/passwords.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

// Fills the city and county pickers from the one above them. Without
// script, the form still posts whatever was chosen.
constexpr std::string_view kRegisterScript = R"js('use strict';
document.addEventListener('DOMContentLoaded', function () {
  var province = document.getElementById('field-province');
  var city = document.getElementById('field-city');
  var county = document.getElementById('field-county');
  if (!province || !city || !county) return;
  function fill(select, parent) {
    var placeholder = select.options[0].textContent;
    select.length = 0;
    var none = document.createElement('option');
    none.value = '';
    none.textContent = placeholder;
    select.appendChild(none);
    select.disabled = true;
    if (!parent) return;
    fetch('/api/regions?parent=' + encodeURIComponent(parent), {credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (body) {
        body.regions.forEach(function (division) {
          var option = document.createElement('option');
          option.value = division.code;
          option.textContent = division.name;
          select.appendChild(option);
        });
        select.disabled = body.regions.length === 0;
      });
  }
  province.addEventListener('change', function () {
    fill(city, province.value);
    fill(county, '');
  });
  city.addEventListener('change', function () { fill(county, city.value); });
});
)js";

std::string_view RegText(const PageViewer& viewer, AccountText text) {
  return AccountMessage(text, viewer.language);
}

// What the form posted, to show it again with its errors.
struct RegistrationInput {
  std::string kind, province, city, county, category, name, address, handler, mobile, email, login;
};

RegistrationInput ReadRegistrationInput(const FormFields& posted) {
  const auto get = [&posted](std::string_view name) {
    return std::string(posted.Get(name).value_or(""));
  };
  return {get("kind"), get("province"), get("city"),         get("county"), get("system_category"),
          get("name"), get("address"),  get("handler_name"), get("mobile"), get("email"),
          get("login")};
}

HttpResponse RegistrationPage(const PageViewer& viewer, http::status status, registry::Database& db,
                              const RegistrationInput& in, const FieldErrors& errors,
                              std::string_view message) {
  std::vector<std::pair<std::string, std::string>> categories;
  if (Result<std::vector<std::string>> list = registry::ListSystemCategories(db)) {
    for (const std::string& name : *list) categories.emplace_back(name, name);
  }
  const SelectSpec kind{
      "kind",
      RegText(viewer, AccountText::kUnitKind),
      in.kind,
      RegText(viewer, AccountText::kPickKind),
      {{"党政机关", "党政机关"}, {"事业单位", "事业单位"}, {"社会组织", "社会组织"}},
      "",
      true};
  const SelectSpec category{"system_category",
                            RegText(viewer, AccountText::kSystemCategory),
                            in.category,
                            RegText(viewer, AccountText::kPickCategory),
                            std::move(categories),
                            "",
                            true};
  std::string body = "<section class=\"register\">\n";
  body += fmt::format("<p class=\"muted\">{}</p>\n",
                      HtmlEscape(RegText(viewer, AccountText::kRegisterHelp)));
  if (!message.empty()) {
    body += fmt::format("<p class=\"message error\" role=\"alert\">{}</p>\n", HtmlEscape(message));
  }
  body += ErrorSummary(viewer, errors);
  body +=
      "<form method=\"post\" action=\"/register\" class=\"stack\" id=\"register-form\" "
      "novalidate>\n";
  body += fmt::format("<h2>{}</h2>\n", HtmlEscape(RegText(viewer, AccountText::kSectionUnit)));
  body += SelectField(kind, errors);
  body += DivisionPickers(viewer, db, {in.province, in.city, in.county},
                          RegText(viewer, AccountText::kRegionHelp), errors);
  body += SelectField(category, errors);
  body += InputField({"name", RegText(viewer, AccountText::kUnitName), in.name, "text",
                      RegText(viewer, AccountText::kUnitNameHelp), "organization", true, 100},
                     errors);
  body += UnitContactFields(viewer, {in.address, in.handler, in.mobile, in.email}, errors);
  body += fmt::format("<h2>{}</h2>\n", HtmlEscape(RegText(viewer, AccountText::kSectionAccount)));
  body += InputField({"login", RegText(viewer, AccountText::kLogin), in.login, "text",
                      RegText(viewer, AccountText::kLoginHelp), "username", true, 64},
                     errors);
  body += InputField({"password", RegText(viewer, AccountText::kPassword), "", "password",
                      RegText(viewer, AccountText::kPasswordHelp), "new-password", true, 256},
                     errors);
  body += InputField({"password_again", RegText(viewer, AccountText::kPasswordAgain), "",
                      "password", "", "new-password", true, 256},
                     errors);
  body += fmt::format(
      "<div><button type=\"submit\">{}</button> <a href=\"/login\">{}</a></div></form>\n"
      "<script src=\"/static/register.js\" defer></script>\n</section>\n",
      HtmlEscape(RegText(viewer, AccountText::kRegisterButton)),
      HtmlEscape(RegText(viewer, AccountText::kHaveAccount)));
  return HtmlPage(viewer, status,
                  {std::string(RegText(viewer, AccountText::kRegisterTitle)), body});
}

HttpResponse ShowRegistration(const RouteRequest& route, const RegistrationAccess& access) {
  const PageViewer viewer = AnonymousViewer(route);
  Result<ReaderLease> lease = access.registry.readers->Acquire();
  if (!lease) return ErrorPage(viewer, http::status::service_unavailable);
  return RegistrationPage(viewer, http::status::ok, lease->db(), {}, {}, "");
}

HttpResponse PostRegistration(const RouteRequest& route, const RegistrationAccess& access) {
  const PageViewer viewer = AnonymousViewer(route);
  const FormFields posted = ParseFormFields(route.request.body());
  const RegistrationInput in = ReadRegistrationInput(posted);
  RegistrationForm form;
  form.kind_text = in.kind;
  form.region = DivisionChoice{in.province, in.city, in.county}.Chosen();
  form.fields.system_category = in.category;
  form.fields.name = in.name;
  form.fields.address = in.address;
  form.fields.handler_name = in.handler;
  form.fields.mobile = in.mobile;
  form.fields.email = in.email;
  form.login = in.login;
  form.password = std::string(posted.Get("password").value_or(""));
  if (posted.Get("password_again").value_or("") != form.password) {
    form.extra_errors.push_back({"password_again", Error<errors::kPasswordsDiffer>()});
  }
  const RegistrationOutcome outcome = RegisterOnline(access, std::move(form));
  Result<ReaderLease> lease = access.registry.readers->Acquire();
  if (!lease) return ErrorPage(viewer, http::status::service_unavailable);
  if (!outcome.field_errors.empty()) {
    return RegistrationPage(viewer, http::status::bad_request, lease->db(), in,
                            InLanguage(outcome.field_errors, viewer.language), "");
  }
  if (outcome.failure) {
    const bool busy = outcome.failure->code() == StatusCode::kResourceExhausted;
    HttpResponse response = RegistrationPage(
        viewer, busy ? http::status::too_many_requests : HttpStatusFor(outcome.failure->code()),
        lease->db(), in, {}, outcome.failure->message());
    if (busy) response.set(http::field::retry_after, std::to_string(outcome.retry_after.count()));
    return response;
  }
  return SeeOther(route, "/login?registered=" + PercentEncode(in.login));
}

}  // namespace

void AddRegistrationPages(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::get, "/register",
             [&access](const RouteRequest& route) { return ShowRegistration(route, access); });
  router.Add(http::verb::post, "/register",
             [&access](const RouteRequest& route) { return PostRegistration(route, access); });
  router.Add(http::verb::get, "/static/register.js", [](const RouteRequest& route) {
    HttpResponse response =
        TextResponse(route.request, http::status::ok, "text/javascript; charset=utf-8",
                     std::string(kRegisterScript));
    response.set(http::field::cache_control, "public, max-age=3600");
    return response;
  });
}

}  // namespace badgewatch::api
