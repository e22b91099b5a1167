// 本部门信息: where an office receives the paper materials of 网站开办审核.
// GET /offices/contact shows the viewer's own office (a reviewer) or the one
// `?office=CODE` names (an office below the viewer's, or any for CONAC) with
// a form for its address and telephone; POST /offices/contact stores them.
// The unit's application page and the printed letter name them. Handlers
// run on worker threads.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "api/web/account_messages.h"
#include "api/web/form_field_html.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/divisions.h"
#include "registry/office_contacts.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

std::string_view ContactText(const PageViewer& viewer, AccountText text) {
  return AccountMessage(text, viewer.language);
}

// The office the page is about: `?office=` (or the posted `office`), else
// the viewer's own; empty for CONAC without one.
std::string OfficeCodeOf(const PageViewer& viewer, const FormFields& fields) {
  if (const auto code = fields.Get("office"); code && !code->empty()) return std::string(*code);
  return viewer.actor->role == registry::Role::kRegional ? viewer.actor->office_code : "";
}

HttpResponse ContactPage(const PageViewer& viewer, registry::Database& db, http::status status,
                         const std::string& code, const registry::OfficeContact& shown,
                         const FieldErrors& errors, std::string_view notice) {
  std::string body = fmt::format("<section class=\"register\">\n<p class=\"muted\">{}</p>\n",
                                 HtmlEscape(ContactText(viewer, AccountText::kOfficeContactHelp)));
  // Another office: CONAC picks it by its division code.
  body += fmt::format(
      "<form method=\"get\" action=\"/offices/contact\" class=\"filters\"><label>{}<input "
      "type=\"text\" name=\"office\" value=\"{}\" inputmode=\"numeric\" maxlength=\"6\" "
      "pattern=\"[0-9]{{6}}\"></label><button type=\"submit\" class=\"secondary\">{}</button>"
      "</form>\n",
      HtmlEscape(ContactText(viewer, AccountText::kOfficeCode)), HtmlEscape(code),
      HtmlEscape(ContactText(viewer, AccountText::kOfficeShow)));
  if (code.empty()) {
    return HtmlPage(viewer, status,
                    {std::string(ContactText(viewer, AccountText::kOfficeContactTitle)),
                     body + "</section>\n"});
  }
  Result<std::string> name = registry::OfficeName(db, code);
  if (!name) return ErrorPage(viewer, http::status::not_found);
  if (!notice.empty()) {
    body += fmt::format("<p class=\"message ok\" role=\"status\">{}</p>\n", HtmlEscape(notice));
  }
  body += fmt::format("<h2 id=\"office-name\">{}</h2>\n", HtmlEscape(*name));
  body += ErrorSummary(viewer, errors);
  body += fmt::format(
      "<form method=\"post\" action=\"/offices/contact\" class=\"stack\" id=\"office-contact\" "
      "novalidate>{}<input type=\"hidden\" name=\"office\" value=\"{}\">",
      CsrfField(viewer), HtmlEscape(code));
  body += InputField({"address", ContactText(viewer, AccountText::kOfficeAddress), shown.address,
                      "text", ContactText(viewer, AccountText::kOfficeAddressHelp), "off", true,
                      static_cast<int>(registry::kMaxOfficeAddressChars)},
                     errors);
  body += InputField({"phone", ContactText(viewer, AccountText::kOfficePhone), shown.phone, "tel",
                      "", "off", false, 30},
                     errors);
  body += fmt::format("<div><button type=\"submit\">{}</button></div></form>\n</section>\n",
                      HtmlEscape(ContactText(viewer, AccountText::kOfficeSave)));
  return HtmlPage(viewer, status,
                  {std::string(ContactText(viewer, AccountText::kOfficeContactTitle)), body});
}

HttpResponse ShowContact(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role == registry::Role::kUnit) {
      return ErrorPage(viewer, http::status::forbidden);
    }
    const std::string code = OfficeCodeOf(viewer, route.query);
    registry::OfficeContact shown;
    if (!code.empty()) {
      Result<std::optional<registry::OfficeContact>> contact =
          registry::LoadOfficeContact(db, code);
      if (!contact) return ErrorPage(viewer, http::status::internal_server_error);
      if (*contact) shown = **contact;
    }
    return ContactPage(
        viewer, db, http::status::ok, code, shown, {},
        route.query.Has("saved") ? ContactText(viewer, AccountText::kOfficeContactSaved) : "");
  });
}

HttpResponse PostContact(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role == registry::Role::kUnit) {
      return ErrorPage(viewer, http::status::forbidden);
    }
    const FormFields posted = ParseFormFields(route.request.body());
    const std::string code = OfficeCodeOf(viewer, posted);
    const registry::OfficeContact wanted{std::string(posted.Get("address").value_or("")),
                                         std::string(posted.Get("phone").value_or(""))};
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::vector<registry::FieldError>> errors =
        registry::UpdateOfficeContact(writer.registry(), *viewer.actor, code, wanted);
    if (!errors) {
      const http::status status = HttpStatusFor(errors.status().code());
      return ErrorPage(viewer, status,
                       status == http::status::internal_server_error
                           ? ""
                           : HtmlEscape(errors.status().message(viewer.language)));
    }
    if (!errors->empty()) {
      return ContactPage(viewer, db, http::status::bad_request, code, wanted,
                         InLanguage(*errors, viewer.language), "");
    }
    return SeeOther(route, "/offices/contact?saved=1&office=" + PercentEncode(code));
  });
}

}  // namespace

void AddOfficeContactPages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/offices/contact", BindRegistryRoute(access, &ShowContact));
  router.Add(http::verb::post, "/offices/contact", BindRegistryRoute(access, &PostContact));
}

}  // namespace badgewatch::api
