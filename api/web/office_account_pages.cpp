// 审核员账号: staff manage the reviewer accounts of the offices below them
// (CONAC: every office's) — GET /offices/accounts lists them with 停用/启用
// buttons and a form for a new one (its office from the province → city →
// county pickers, a login, an initial password); POST /offices/accounts
// creates it, POST /offices/accounts/{id}/enabled disables or re-enables
// one. The registry audits each step. Handlers run on worker threads.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "api/service/account_routes.h"
#include "api/web/account_messages.h"
#include "api/web/form_field_html.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/accounts.h"
#include "registry/divisions.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

std::string_view OfficeText(const PageViewer& viewer, AccountText text) {
  return AccountMessage(text, viewer.language);
}

// The office of a division as people read it; the code when it has no name.
std::string OfficeLabel(registry::Database& db, const std::string& code) {
  Result<std::string> name = registry::OfficeName(db, code);
  return name ? *name : code;
}

std::string ReviewerRows(const PageViewer& viewer, registry::Database& db,
                         const std::vector<registry::ReviewerAccount>& accounts) {
  if (accounts.empty()) {
    return fmt::format("<p class=\"empty\">{}</p>\n",
                       HtmlEscape(OfficeText(viewer, AccountText::kReviewersNone)));
  }
  std::string html = fmt::format(
      "<table id=\"reviewer-accounts\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th>"
      "</tr></thead>\n<tbody>\n",
      HtmlEscape(OfficeText(viewer, AccountText::kLogin)),
      HtmlEscape(OfficeText(viewer, AccountText::kOffice)),
      HtmlEscape(OfficeText(viewer, AccountText::kAccountState)));
  for (const registry::ReviewerAccount& a : accounts) {
    html += fmt::format(
        "<tr data-login=\"{0}\"><td>{0}</td><td>{1}（{2}）</td><td><span class=\"pill {3}\">{4}"
        "</span></td><td><form method=\"post\" action=\"/offices/accounts/{5}/enabled\">{6}"
        "<input type=\"hidden\" name=\"enabled\" value=\"{7}\"><button type=\"submit\" "
        "class=\"{8}\">{9}</button></form></td></tr>\n",
        HtmlEscape(a.login), HtmlEscape(OfficeLabel(db, a.office_code)), HtmlEscape(a.office_code),
        a.enabled ? "pass" : "fail",
        HtmlEscape(OfficeText(viewer, a.enabled ? AccountText::kEnabled : AccountText::kDisabled)),
        a.account_id, CsrfField(viewer), a.enabled ? 0 : 1, a.enabled ? "danger" : "secondary",
        HtmlEscape(OfficeText(
            viewer, a.enabled ? AccountText::kDisableButton : AccountText::kEnableButton)));
  }
  return html + "</tbody>\n</table>\n";
}

// What the new-account form posted, to show it again with its errors.
struct ReviewerInput {
  DivisionChoice office;
  std::string login;
};

HttpResponse ReviewersPage(const PageViewer& viewer, http::status status, registry::Database& db,
                           const ReviewerInput& in, const FieldErrors& errors,
                           std::string_view message, std::string_view notice) {
  const bool conac = viewer.actor->role == registry::Role::kConac;
  std::string body = "<section>\n";
  body += fmt::format("<p class=\"muted\">{}</p>\n",
                      HtmlEscape(OfficeText(viewer, conac ? AccountText::kReviewersHelpConac
                                                          : AccountText::kReviewersHelpOffice)));
  if (!notice.empty()) {
    body += fmt::format("<p class=\"message ok\" role=\"status\">{}</p>\n", HtmlEscape(notice));
  }
  Result<std::vector<registry::ReviewerAccount>> accounts =
      registry::ListReviewerAccounts(db, *viewer.actor);
  if (!accounts) return ErrorPage(viewer, http::status::internal_server_error);
  body += ReviewerRows(viewer, db, *accounts) + "</section>\n";
  body += fmt::format("<section><h2>{}</h2>\n",
                      HtmlEscape(OfficeText(viewer, AccountText::kNewReviewerTitle)));
  if (!message.empty()) {
    body += fmt::format("<p class=\"message error\" role=\"alert\">{}</p>\n", HtmlEscape(message));
  }
  body += ErrorSummary(viewer, errors);
  body +=
      "<form method=\"post\" action=\"/offices/accounts\" class=\"stack\" id=\"reviewer-form\" "
      "novalidate>" +
      CsrfField(viewer);
  body += DivisionPickers(viewer, db, in.office,
                          OfficeText(viewer, AccountText::kReviewerOfficeHelp), errors);
  body += InputField({"login", OfficeText(viewer, AccountText::kLogin), in.login, "text",
                      OfficeText(viewer, AccountText::kLoginHelp), "off", true, 64},
                     errors);
  body += InputField({"password", OfficeText(viewer, AccountText::kInitialPassword), "", "password",
                      OfficeText(viewer, AccountText::kPasswordHelp), "new-password", true, 256},
                     errors);
  body += fmt::format(
      "<div><button type=\"submit\">{}</button></div></form>\n"
      "<script src=\"/static/register.js\" defer></script>\n</section>\n",
      HtmlEscape(OfficeText(viewer, AccountText::kCreateReviewer)));
  return HtmlPage(viewer, status,
                  {std::string(OfficeText(viewer, AccountText::kReviewersTitle)), body});
}

HttpResponse ShowReviewers(const RouteRequest& route, const RegistrationAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database& db) {
        if (viewer.actor->role == registry::Role::kUnit) {
          return ErrorPage(viewer, http::status::forbidden);
        }
        std::string notice;
        if (const auto created = route.query.Get("created")) {
          notice = fmt::format(fmt::runtime(OfficeText(viewer, AccountText::kReviewerCreated)),
                               *created);
        } else if (route.query.Get("changed")) {
          notice = OfficeText(viewer, AccountText::kReviewerChanged);
        }
        return ReviewersPage(viewer, http::status::ok, db, {}, {}, "", notice);
      });
}

HttpResponse PostReviewer(const RouteRequest& route, const RegistrationAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database& db) {
        if (viewer.actor->role == registry::Role::kUnit) {
          return ErrorPage(viewer, http::status::forbidden);
        }
        const FormFields posted = ParseFormFields(route.request.body());
        const auto get = [&posted](std::string_view name) {
          return std::string(posted.Get(name).value_or(""));
        };
        const ReviewerInput in{{get("province"), get("city"), get("county")}, get("login")};
        std::vector<registry::FieldError> errors;
        Result<registry::Actor> created = CreateReviewer(
            access, *viewer.actor, in.login, in.office.Chosen(), get("password"), &errors);
        if (!errors.empty()) {
          return ReviewersPage(viewer, http::status::bad_request, db, in,
                               InLanguage(errors, viewer.language), "", "");
        }
        if (!created) {
          return ReviewersPage(viewer, HttpStatusFor(created.status().code()), db, in, {},
                               created.status().message(viewer.language), "");
        }
        return SeeOther(route, "/offices/accounts?created=" + PercentEncode(in.login));
      });
}

HttpResponse PostReviewerEnabled(const RouteRequest& route, const RegistrationAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database&) {
        if (viewer.actor->role == registry::Role::kUnit) {
          return ErrorPage(viewer, http::status::forbidden);
        }
        const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
        if (!id) return ErrorPage(viewer, http::status::not_found);
        const FormFields posted = ParseFormFields(route.request.body());
        const bool enabled = posted.Get("enabled").value_or("") == "1";
        RegistryWriter::Lease writer = access.registry.writer->Acquire();
        if (Status s = registry::SetReviewerEnabled(writer.registry(), *viewer.actor, *id, enabled);
            !s.ok()) {
          return ErrorPage(viewer, HttpStatusFor(s.code()));
        }
        return SeeOther(route, "/offices/accounts?changed=1");
      });
}

}  // namespace

void AddOfficeAccountPages(RequestRouter& router, const RegistrationAccess& access) {
  router.Add(http::verb::get, "/offices/accounts",
             [&access](const RouteRequest& route) { return ShowReviewers(route, access); });
  router.Add(http::verb::post, "/offices/accounts",
             [&access](const RouteRequest& route) { return PostReviewer(route, access); });
  router.Add(http::verb::post, "/offices/accounts/{id}/enabled",
             [&access](const RouteRequest& route) { return PostReviewerEnabled(route, access); });
}

}  // namespace badgewatch::api
