// 账号管理, the signed-in account's own page: what it registered, the unit's
// contact details to correct (POST /account/details, audited with the old
// values) and its password to change (POST /account/password, which ends
// every session of the account and sends the browser to the login). Staff
// see their login and change their password. Handlers run on worker threads.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "api/service/account_routes.h"
#include "api/service/api_errors.h"
#include "api/web/account_messages.h"
#include "api/web/form_field_html.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/account_care.h"
#include "registry/divisions.h"
#include "registry/units.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

std::string_view AccountPageText(const PageViewer& viewer, AccountText text) {
  return AccountMessage(text, viewer.language);
}

std::string Fact(std::string_view term, std::string_view value) {
  return fmt::format("<dt>{}</dt><dd>{}</dd>", HtmlEscape(term), HtmlEscape(value));
}

// A section's heading, its help, the summary of its form's errors and the
// start of the form (with the CSRF field); the caller closes both.
std::string FormSection(const PageViewer& viewer, AccountText title,
                        std::optional<AccountText> help, std::string_view action,
                        std::string_view id, const FieldErrors& errors) {
  std::string html =
      fmt::format("<section><h2>{}</h2>\n", HtmlEscape(AccountPageText(viewer, title)));
  if (help) {
    html += fmt::format("<p class=\"muted\">{}</p>\n", HtmlEscape(AccountPageText(viewer, *help)));
  }
  html += ErrorSummary(viewer, errors);
  return html +
         fmt::format("<form method=\"post\" action=\"{}\" class=\"stack\" id=\"{}\" novalidate>",
                     action, id) +
         CsrfField(viewer);
}

// The page; `contact` is what the contact form shows (the unit's, or what was
// posted), `contact_errors` and `password_errors` the errors beside each form.
HttpResponse AccountPage(const PageViewer& viewer, http::status status, registry::Database& db,
                         const std::optional<registry::UnitContact>& posted_contact,
                         const FieldErrors& contact_errors, const FieldErrors& password_errors,
                         std::string_view notice) {
  const registry::Actor& actor = *viewer.actor;
  std::string body;
  if (!notice.empty()) {
    body += fmt::format("<p class=\"message ok\" role=\"status\">{}</p>\n", HtmlEscape(notice));
  }
  Result<std::string> login = registry::LoginOfAccount(db, actor.account_id);
  body += fmt::format("<section><h2>{}</h2><dl class=\"facts\">{}",
                      HtmlEscape(AccountPageText(viewer, AccountText::kAccountFacts)),
                      Fact(AccountPageText(viewer, AccountText::kLogin), login ? *login : ""));
  std::optional<registry::Unit> unit;
  if (actor.role == registry::Role::kUnit) {
    if (Result<registry::Unit> loaded = registry::LoadUnit(db, actor.unit_id)) unit = *loaded;
  }
  if (unit) {
    Result<std::string> region = registry::DivisionFullName(db, unit->fields.division_code);
    body += Fact(AccountPageText(viewer, AccountText::kUnitName), unit->fields.name);
    body += Fact(AccountPageText(viewer, AccountText::kUnitKind),
                 registry::UnitKindLabel(unit->fields.kind));
    body += Fact(AccountPageText(viewer, AccountText::kRegion),
                 region ? *region : unit->fields.region_code);
    body +=
        Fact(AccountPageText(viewer, AccountText::kSystemCategory), unit->fields.system_category);
  }
  body += "</dl></section>\n";
  if (unit) {
    const registry::UnitContact contact =
        posted_contact ? *posted_contact
                       : registry::UnitContact{unit->fields.address, unit->fields.handler_name,
                                               unit->fields.mobile, unit->fields.email};
    body += FormSection(viewer, AccountText::kContactTitle, AccountText::kContactHelp,
                        "/account/details", "contact-form", contact_errors);
    body += UnitContactFields(viewer, contact, contact_errors);
    body += fmt::format("<div><button type=\"submit\">{}</button></div></form></section>\n",
                        HtmlEscape(AccountPageText(viewer, AccountText::kSaveContact)));
  }
  body += FormSection(viewer, AccountText::kChangePasswordTitle, std::nullopt, "/account/password",
                      "password-form", password_errors);
  body += InputField({"current_password", AccountPageText(viewer, AccountText::kCurrentPassword),
                      "", "password", "", "current-password"},
                     password_errors);
  body += InputField(
      {"new_password", AccountPageText(viewer, AccountText::kNewPassword), "", "password",
       AccountPageText(viewer, AccountText::kPasswordHelp), "new-password", true, 256},
      password_errors);
  body += InputField({"new_password_again", AccountPageText(viewer, AccountText::kNewPasswordAgain),
                      "", "password", "", "new-password", true, 256},
                     password_errors);
  body += fmt::format("<div><button type=\"submit\">{}</button></div></form></section>\n",
                      HtmlEscape(AccountPageText(viewer, AccountText::kChangePasswordButton)));
  return HtmlPage(viewer, status,
                  {std::string(AccountPageText(viewer, AccountText::kAccountTitle)), body});
}

HttpResponse ShowAccount(const RouteRequest& route, const RegistrationAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database& db) {
        const bool saved = route.query.Get("saved").value_or("") == "contact";
        return AccountPage(viewer, http::status::ok, db, std::nullopt, {}, {},
                           saved ? AccountPageText(viewer, AccountText::kContactSaved) : "");
      });
}

HttpResponse PostContact(const RouteRequest& route, const RegistrationAccess& access) {
  return WithSignedInViewer(route, access.registry,
                            [&](const PageViewer& viewer, registry::Database& db) {
                              if (viewer.actor->role != registry::Role::kUnit) {
                                return ErrorPage(viewer, http::status::forbidden);
                              }
                              const FormFields posted = ParseFormFields(route.request.body());
                              const auto get = [&posted](std::string_view name) {
                                return std::string(posted.Get(name).value_or(""));
                              };
                              const registry::UnitContact contact{
                                  get("address"), get("handler_name"), get("mobile"), get("email")};
                              Result<std::vector<registry::FieldError>> errors = [&] {
                                RegistryWriter::Lease writer = access.registry.writer->Acquire();
                                return registry::UpdateUnitContact(writer.registry(), *viewer.actor,
                                                                   viewer.actor->unit_id, contact);
                              }();
                              if (!errors)
                                return ErrorPage(viewer, HttpStatusFor(errors.status().code()));
                              if (!errors->empty()) {
                                return AccountPage(viewer, http::status::bad_request, db, contact,
                                                   InLanguage(*errors, viewer.language), {}, "");
                              }
                              return SeeOther(route, "/account?saved=contact");
                            });
}

HttpResponse PostPassword(const RouteRequest& route, const RegistrationAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database& db) {
        const FormFields posted = ParseFormFields(route.request.body());
        const std::string_view wanted = posted.Get("new_password").value_or("");
        FieldErrors errors;
        const registry::Actor& actor = *viewer.actor;
        Status current = registry::CheckCurrentPassword(
            db, actor.account_id, posted.Get("current_password").value_or(""));
        if (!current.ok()) errors.push_back({"current_password", current.message(viewer.language)});
        Result<std::string> login = registry::LoginOfAccount(db, actor.account_id);
        if (!login) return ErrorPage(viewer, http::status::internal_server_error);
        if (Status policy = registry::CheckPasswordPolicy(*login, wanted); !policy.ok()) {
          errors.push_back({"new_password", policy.message(viewer.language)});
        }
        if (posted.Get("new_password_again").value_or("") != wanted) {
          errors.push_back(
              {"new_password_again", Error<errors::kPasswordsDiffer>().message(viewer.language)});
        }
        if (!errors.empty()) {
          return AccountPage(viewer, http::status::bad_request, db, std::nullopt, {}, errors, "");
        }
        Result<std::string> record = registry::HashPassword(wanted, access.password_cost);
        if (!record) return ErrorPage(viewer, http::status::internal_server_error);
        RegistryWriter::Lease writer = access.registry.writer->Acquire();
        Status stored = registry::StorePasswordRecord(
            writer.registry(), actor.account_id, *record,
            {registry::ActorLabel(actor), "account.password-change", "", {}});
        if (!stored.ok()) return ErrorPage(viewer, HttpStatusFor(stored.code()));
        return SeeOther(route, "/login?changed=1");
      });
}

}  // namespace

void AddAccountPages(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::get, "/account",
             [&access](const RouteRequest& route) { return ShowAccount(route, access); });
  router.Add(http::verb::post, "/account/details",
             [&access](const RouteRequest& route) { return PostContact(route, access); });
  router.Add(http::verb::post, "/account/password",
             [&access](const RouteRequest& route) { return PostPassword(route, access); });
  AddRegistrationPages(router, access);
  AddPasswordResetPages(router, access);
  AddOfficeAccountPages(router, access);
}

}  // namespace badgewatch::api
