// Applications as web pages: the list, the form with its SMS code step
// (submit and, for a rejected one, resubmit), one application with its
// history and the reviewer's decision forms, the printouts. The same
// registry calls and authorisation as api/application_routes.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "api/service/application_routes.h"
#include "api/service/sms_code_gate.h"
#include "api/web/account_messages.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/account_care.h"
#include "registry/compliance_report_queries.h"
#include "registry/divisions.h"
#include "registry/office_contacts.h"
#include "registry/print_forms.h"
#include "registry/site_applications.h"
#include "registry/sms_verification.h"
#include "scan/report_messages.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using registry::Actor;
using registry::ApplicationSummary;
using registry::Role;

// 网站开办审核, 资格复核 (a recheck) or 标识申请.
std::string WorkflowLabel(const PageViewer& viewer, const ApplicationSummary& application) {
  if (application.workflow == registry::Workflow::kBadge) {
    return std::string(viewer.T(WebText::kWorkflowBadge));
  }
  return std::string(viewer.T(application.opening_type == registry::OpeningType::kRecheck
                                  ? WebText::kWorkflowRecheck
                                  : WebText::kWorkflowSiteOpening));
}

bool ViewerIsAgency(const PageViewer& viewer) {
  return viewer.unit_kind == registry::UnitKind::kPartyGovernment;
}

// What a unit's menu calls its applications: 网站开办审核/资质复核申请 for a
// 党政机关, 标识申请 for the others.
WebText UnitApplicationsTitle(const PageViewer& viewer) {
  return ViewerIsAgency(viewer) ? WebText::kNavSiteOpening : WebText::kNavBadgeApplication;
}

std::string StatePill(const PageViewer& viewer, std::string_view state) {
  const std::string_view tone = state == "badge-issued" ? "pass"
                                : state == "rejected"   ? "fail"
                                                        : "neutral";
  return fmt::format("<span class=\"pill {}\" data-state=\"{}\">{}</span>", tone, HtmlEscape(state),
                     HtmlEscape(StateLabel(state, viewer.language)));
}

// The steps the viewer's role may take on `application` now.
std::vector<registry::Transition> StepsFor(const Actor& actor,
                                           const ApplicationSummary& application) {
  std::vector<registry::Transition> steps;
  // Higher offices see a unit's applications read-only: no steps.
  if (!MayActForUnit(actor, application.unit_id, application.division_code)) return steps;
  for (const registry::Transition& t : registry::Transitions()) {
    if (t.workflow == application.workflow && t.from == application.state && t.role == actor.role &&
        t.action != registry::WorkflowAction::kResubmit) {
      steps.push_back(t);
    }
  }
  return steps;
}

// The office a unit hands its paper materials to, with its address and
// phone when the office keeps them: plain text.
std::string MaterialsOfficeText(const PageViewer& viewer, registry::Database& db,
                                const ApplicationSummary& application) {
  Result<std::string> office = registry::OfficeName(db, application.division_code);
  if (!office) return std::string(viewer.T(WebText::kOwnLevelOffice));
  Result<std::optional<registry::OfficeContact>> contact =
      registry::LoadOfficeContact(db, application.division_code);
  if (!contact || !*contact) return *office;
  if ((*contact)->phone.empty()) {
    return viewer.FText(WebText::kOfficeAddressLine, *office, (*contact)->address);
  }
  return viewer.FText(WebText::kOfficeAddressPhoneLine, *office, (*contact)->address,
                      (*contact)->phone);
}

// ---- the form ----------------------------------------------------------

// What the form shows: the posted fields (or an application's form), and
// where it stands in the SMS step.
struct FormState {
  FormFields values;
  std::optional<std::int64_t> application_id;  // resubmitting this one
  std::string message_html;                    // escaped
  std::string message_kind = "error";
  // A 党政机关's form has 申请类型 (新开办/复核); the others' has not.
  bool agency = false;
  // Every unit chooses the Chinese domain from its own registered, unexpired
  // ones (.政务 for a 党政机关, .公益 for the others), as the registry requires.
  std::vector<std::string> chinese_domains;
};

// An empty form for the viewer's unit, with its choosable Chinese domains.
FormState FormStateFor(const PageViewer& viewer, registry::Database& db, std::int64_t now) {
  FormState state;
  state.agency = ViewerIsAgency(viewer);
  if (Result<std::vector<registry::ChoosableDomain>> domains =
          registry::ChoosableChineseDomains(db, viewer.actor->unit_id, now)) {
    for (const registry::ChoosableDomain& domain : *domains) {
      state.chinese_domains.push_back(domain.name);
    }
  }
  return state;
}

// The Chinese domain as a choice of the unit's own domains.
std::string ChineseDomainSelect(const PageViewer& viewer, const FormState& state) {
  const std::string chosen(state.values.Get("chinese_domain").value_or(""));
  std::string html =
      fmt::format("<label>{}<select name=\"chinese_domain\"><option value=\"\"{}>{}</option>",
                  viewer.T(WebText::kChineseDomain), chosen.empty() ? " selected" : "",
                  viewer.T(WebText::kNoChineseDomain));
  for (const std::string& name : state.chinese_domains) {
    html += fmt::format("<option value=\"{0}\"{1}>{0}</option>", HtmlEscape(name),
                        name == chosen ? " selected" : "");
  }
  html += "</select>";
  if (state.chinese_domains.empty()) {
    html += fmt::format("<small>{}</small>", viewer.T(WebText::kNoChoosableDomain));
  }
  return html + "</label>\n";
}

std::string Value(const FormFields& values, std::string_view name) {
  return HtmlEscape(values.Get(name).value_or(""));
}

std::string TextInput(const PageViewer& viewer, const FormFields& values, WebText label,
                      std::string_view name, bool required, std::string_view type = "text",
                      std::string_view help = "") {
  return fmt::format("<label>{}{}<input type=\"{}\" name=\"{}\" value=\"{}\"{}>{}</label>\n",
                     viewer.T(label), required ? " *" : "", type, name, Value(values, name),
                     required ? " required" : "",
                     help.empty() ? "" : fmt::format("<small>{}</small>", help));
}

std::string ApplicationFormHtml(const PageViewer& viewer, const FormState& state) {
  const FormFields& v = state.values;
  const bool recheck = v.Get("opening_type") == "recheck";
  const bool hosted = v.Has("hosted_on_platform");
  const std::optional<std::string_view> verification = v.Get("sms_verification_id");
  std::string html = StatusMessageHtml(state.message_kind, state.message_html);
  html += fmt::format(
      "<p class=\"muted\">{}</p>\n<form method=\"post\" action=\"/applications\" "
      "class=\"stack\" id=\"application-form\">{}\n",
      viewer.T(WebText::kNewApplicationHelp), CsrfField(viewer));
  if (state.application_id) {
    html += fmt::format("<input type=\"hidden\" name=\"application_id\" value=\"{}\">\n",
                        *state.application_id);
  }
  if (state.agency) {
    html += fmt::format(
        "<label>{} *<select name=\"opening_type\"><option value=\"new\"{}>{}</option>"
        "<option value=\"recheck\"{}>{}</option></select></label>\n",
        viewer.T(WebText::kOpeningType), recheck ? "" : " selected", viewer.T(WebText::kOpeningNew),
        recheck ? " selected" : "", viewer.T(WebText::kOpeningRecheck));
  }
  html += TextInput(viewer, v, WebText::kSiteName, "name", true);
  html += ChineseDomainSelect(viewer, state);
  html += TextInput(viewer, v, WebText::kEnglishDomain, "english_domain", false);
  html += fmt::format(
      "<label class=\"check\"><input type=\"checkbox\" name=\"hosted_on_platform\" "
      "value=\"1\"{}>{}</label>\n",
      hosted ? " checked" : "", viewer.T(WebText::kHostedOnPlatform));
  html += TextInput(viewer, v, WebText::kIps, "ips", true, "text", viewer.T(WebText::kIpsHelp));
  html += fmt::format(
      "<label>{} *<textarea name=\"introduction\" maxlength=\"500\" required>{}"
      "</textarea></label>\n",
      viewer.T(WebText::kIntroduction), Value(v, "introduction"));
  html += "<div class=\"row\">" +
          TextInput(viewer, v, WebText::kHandlerMobile, "handler_mobile", true, "tel") +
          fmt::format(
              "<button type=\"submit\" class=\"secondary\" formaction=\"/applications/"
              "sms-code\" formnovalidate>{}</button></div>\n",
              viewer.T(WebText::kSendSmsCode));
  if (verification) {
    html += fmt::format("<input type=\"hidden\" name=\"sms_verification_id\" value=\"{}\">\n",
                        HtmlEscape(*verification));
    html += TextInput(viewer, v, WebText::kSmsCode, "sms_code", false, "text");
  }
  html += fmt::format("<div><button type=\"submit\">{}</button></div>\n</form>\n",
                      viewer.T(WebText::kSubmitApplication));
  return html;
}

HttpResponse FormPage(const PageViewer& viewer, http::status status, const FormState& state) {
  return HtmlPage(viewer, status,
                  {std::string(viewer.T(UnitApplicationsTitle(viewer))),
                   "<section>\n" + ApplicationFormHtml(viewer, state) + "</section>\n"});
}

// The posted body of a web form.
FormFields PostedFields(const RouteRequest& route) { return ParseFormFields(route.request.body()); }

// Addresses separated by spaces, commas, semicolons or line breaks.
std::vector<std::string> SplitAddresses(std::string_view text) {
  std::string spaced(text);
  std::replace_if(
      spaced.begin(), spaced.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; },
      ' ');
  return registry::SplitIps(spaced);
}

std::optional<std::string> NonEmpty(std::optional<std::string_view> text) {
  if (!text || text->empty()) return std::nullopt;
  return std::string(*text);
}

registry::SiteForm SiteFormOf(const FormFields& fields, std::int64_t verification_id) {
  registry::SiteForm form;
  form.opening_type = fields.Get("opening_type") == "recheck" ? registry::OpeningType::kRecheck
                                                              : registry::OpeningType::kNew;
  form.site.name = std::string(fields.Get("name").value_or(""));
  form.site.chinese_domain = NonEmpty(fields.Get("chinese_domain"));
  form.site.english_domain = NonEmpty(fields.Get("english_domain"));
  form.site.hosted_on_platform = fields.Has("hosted_on_platform");
  form.site.ips = SplitAddresses(fields.Get("ips").value_or(""));
  form.site.introduction = std::string(fields.Get("introduction").value_or(""));
  form.handler_mobile = std::string(fields.Get("handler_mobile").value_or(""));
  form.sms_verification_id = verification_id;
  return form;
}

// The fields of a stored form, to fill the resubmission form.
FormFields FieldsOf(const registry::SiteForm& form) {
  FormFields fields;
  fields.Add("opening_type",
             form.opening_type == registry::OpeningType::kRecheck ? "recheck" : "new");
  fields.Add("name", form.site.name);
  fields.Add("chinese_domain", form.site.chinese_domain.value_or(""));
  fields.Add("english_domain", form.site.english_domain.value_or(""));
  if (form.site.hosted_on_platform) fields.Add("hosted_on_platform", "1");
  fields.Add("ips", registry::JoinIps(form.site.ips));
  fields.Add("introduction", form.site.introduction);
  fields.Add("handler_mobile", form.handler_mobile);
  return fields;
}

HttpResponse NewApplicationPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    return FormPage(viewer, http::status::ok, FormStateFor(viewer, db, access.writer->Now()));
  });
}

// The resubmission target of a posted form, if any: 404 when the viewer may
// not see it.
struct Target {
  std::optional<std::int64_t> id;
  bool hidden = false;
};
Target ResubmissionTarget(const FormFields& fields, const Actor& actor, registry::Database& db) {
  const std::optional<std::string_view> text = fields.Get("application_id");
  if (!text) return {};
  const std::optional<std::int64_t> id = ParseRecordId(*text);
  if (!id) return {std::nullopt, true};
  Result<ApplicationSummary> application = registry::LoadApplication(db, *id);
  if (!application || !MaySeeApplication(actor, *application)) return {std::nullopt, true};
  return {id, false};
}

HttpResponse RequestSmsCodePage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    FormState state = FormStateFor(viewer, db, access.writer->Now());
    const FormFields posted = PostedFields(route);
    const Target target = ResubmissionTarget(posted, *viewer.actor, db);
    if (target.hidden) return ErrorPage(viewer, http::status::not_found);
    state.application_id = target.id;
    for (const auto& [name, value] : posted.fields()) {
      if (name != "sms_verification_id" && name != "sms_code" && name != "csrf_token") {
        state.values.Add(name, value);
      }
    }
    const std::string mobile(posted.Get("handler_mobile").value_or(""));
    RegistryWriter::Lease writer = access.writer->Acquire();
    std::chrono::seconds retry_after{0};
    Result<std::int64_t> id =
        RequestSmsCodeThrough(access.sms_codes, writer.registry(), viewer.actor->account_id, mobile,
                              route.client, &retry_after);
    if (!id) {
      state.message_html = HtmlEscape(id.status().message(viewer.language));
      HttpResponse response = FormPage(viewer, HttpStatusFor(id.status().code()), state);
      if (id.status().code() == StatusCode::kResourceExhausted) {
        response.set(http::field::retry_after, std::to_string(retry_after.count()));
      }
      return response;
    }
    state.values.Add("sms_verification_id", std::to_string(*id));
    state.message_kind = "info";
    state.message_html = viewer.F(WebText::kSmsCodeSent, mobile).html();
    return FormPage(viewer, http::status::ok, state);
  });
}

HttpResponse SubmitApplicationPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const Actor& actor = *viewer.actor;
    if (actor.role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    FormState state = FormStateFor(viewer, db, access.writer->Now());
    state.values = PostedFields(route);
    const Target target = ResubmissionTarget(state.values, actor, db);
    if (target.hidden) return ErrorPage(viewer, http::status::not_found);
    state.application_id = target.id;
    const std::optional<std::int64_t> verification =
        ParseRecordId(state.values.Get("sms_verification_id").value_or(""));
    if (!verification) {
      state.message_html = HtmlEscape(viewer.T(WebText::kSmsCodeFirst));
      return FormPage(viewer, http::status::bad_request, state);
    }
    const registry::SiteForm form = SiteFormOf(state.values, *verification);
    RegistryWriter::Lease writer = access.writer->Acquire();
    // The code is confirmed once; a form sent back for another fix keeps it.
    if (!registry::CheckMobileConfirmed(writer.registry().writer(), *verification,
                                        form.handler_mobile)
             .ok()) {
      const std::string code(state.values.Get("sms_code").value_or(""));
      if (Status s =
              registry::ConfirmSmsCode(writer.registry(), actor.account_id, *verification, code);
          !s.ok()) {
        state.message_html = HtmlEscape(s.message(viewer.language));
        return FormPage(viewer, HttpStatusFor(s.code()), state);
      }
    }
    std::int64_t id = 0;
    Status status;
    if (target.id) {
      id = *target.id;
      status = registry::ResubmitApplication(writer.registry(), actor, id, form);
    } else {
      Result<std::int64_t> submitted = registry::SubmitApplication(writer.registry(), actor, form);
      status = submitted.status();
      if (submitted) id = *submitted;
    }
    if (!status.ok()) {
      if (status.code() == StatusCode::kPermissionDenied) {
        return ErrorPage(viewer, http::status::forbidden);
      }
      state.message_html = HtmlEscape(status.message(viewer.language));
      return FormPage(viewer, HttpStatusFor(status.code()), state);
    }
    return SeeOther(route, "/applications/" + std::to_string(id));
  });
}

// ---- lists and one application ----------------------------------------

std::string ApplicationRows(const PageViewer& viewer, registry::Database& db,
                            const std::vector<ApplicationSummary>& applications) {
  std::string html = fmt::format(
      "<table>\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th></th></tr></thead>\n<tbody>\n",
      viewer.T(WebText::kSiteName), viewer.T(WebText::kUnit), viewer.T(WebText::kApplicationKind),
      viewer.T(WebText::kState), viewer.T(WebText::kReviewerReasons));
  for (const ApplicationSummary& a : applications) {
    std::string reasons;
    if (Result<std::vector<registry::ApplicationStep>> history =
            registry::ApplicationHistory(db, a.id)) {
      for (const registry::ApplicationStep& step : *history) {
        if (step.reason.empty()) continue;
        reasons += fmt::format(
            "<div>{}{}{}</div>", HtmlEscape(ActionLabel(step.action, viewer.language)),
            viewer.language == ReportLanguage::kChinese ? "：" : ": ", HtmlEscape(step.reason));
      }
    }
    // Reviewers see at a glance that another unit's site carries the domain.
    std::string conflict;
    if (viewer.actor->role != Role::kUnit && a.state != "badge-issued") {
      if (Result<std::vector<registry::DomainHolder>> holders =
              registry::ApplicationDomainConflicts(db, a);
          holders && !holders->empty()) {
        conflict = fmt::format(" <span class=\"pill fail\" data-conflict=\"{}\">{}</span>", a.id,
                               viewer.T(WebText::kDomainConflictTitle));
      }
    }
    html += fmt::format(
        "<tr><td>{0}</td><td>{1}{7}</td><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</td>"
        "<td><a href=\"/applications/{0}\">{6}</a></td></tr>\n",
        a.id, HtmlEscape(a.site_name), HtmlEscape(a.unit_name), WorkflowLabel(viewer, a),
        StatePill(viewer, a.state), reasons, viewer.T(WebText::kOpen), conflict);
  }
  return html + "</tbody>\n</table>\n";
}

HttpResponse ApplicationListPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    Result<std::vector<ApplicationSummary>> all = registry::ListApplications(db, "");
    if (!all) return ErrorPage(viewer, http::status::internal_server_error);
    std::vector<ApplicationSummary> visible;
    for (const ApplicationSummary& a : *all) {
      if (MaySeeApplication(*viewer.actor, a)) visible.push_back(a);
    }
    std::string body = "<section>\n";
    if (visible.empty()) {
      body += fmt::format("<p class=\"empty\">{}</p>\n", viewer.T(WebText::kNoApplications));
    } else {
      body += ApplicationRows(viewer, db, visible);
    }
    if (viewer.actor->role == Role::kUnit) {
      body += fmt::format("<p><a class=\"button\" href=\"/applications/new\">{}</a></p>\n",
                          viewer.T(WebText::kNavNewApplication));
    }
    const WebText title =
        viewer.actor->role == Role::kUnit ? UnitApplicationsTitle(viewer) : WebText::kApplications;
    return HtmlPage(viewer, http::status::ok,
                    {std::string(viewer.T(title)), body + "</section>\n"});
  });
}

WebText ButtonText(registry::WorkflowAction action) {
  switch (action) {
    case registry::WorkflowAction::kMaterialsReceived:
      return WebText::kMaterialsReceivedButton;
    case registry::WorkflowAction::kIssueBadge:
      return WebText::kIssueBadgeButton;
    case registry::WorkflowAction::kRegionalReject:
    case registry::WorkflowAction::kMaterialsReject:
    case registry::WorkflowAction::kConacReject:
      return WebText::kReject;
    case registry::WorkflowAction::kWithdraw:
      return WebText::kWithdrawButton;
    case registry::WorkflowAction::kConacPass:
      return WebText::kConacPassButton;
    default:
      return WebText::kApprove;
  }
}

std::string DecisionForms(const PageViewer& viewer, const ApplicationSummary& application) {
  std::string html;
  for (const registry::Transition& step : StepsFor(*viewer.actor, application)) {
    const std::string_view action = registry::ActionName(step.action);
    html += fmt::format(
        "<form method=\"post\" action=\"/applications/{}/decisions\" class=\"decision\">{}"
        "<input type=\"hidden\" name=\"action\" value=\"{}\">",
        application.id, CsrfField(viewer), action);
    const bool withdraw = step.action == registry::WorkflowAction::kWithdraw;
    if (step.needs_reason) {
      html += fmt::format("<label>{}<br><input type=\"text\" name=\"reason\" required></label>",
                          viewer.T(WebText::kRejectReason));
    }
    if (withdraw)
      html += fmt::format("<p class=\"muted\">{}</p>", viewer.T(WebText::kWithdrawHelp));
    html +=
        fmt::format("<button type=\"submit\" class=\"{}\" data-action=\"{}\">{}</button></form>\n",
                    step.needs_reason ? "danger"
                    : withdraw        ? "secondary"
                                      : "",
                    action, viewer.T(ButtonText(step.action)));
  }
  return html;
}

// Where a unit registered, as people read it: "浙江省杭州市上城区（330102）"
// from its division, else "浙江省（33）" from its region, else the bare code.
std::string RegionLabel(registry::Database& db, std::string_view region_code,
                        std::string_view division_code = "") {
  if (!division_code.empty()) {
    if (Result<std::string> name = registry::DivisionFullName(db, division_code)) {
      return fmt::format("{}（{}）", *name, division_code);
    }
  }
  if (Result<std::optional<std::string>> name =
          registry::FindRegionName(db, std::string(region_code));
      name && *name) {
    return fmt::format("{}（{}）", **name, region_code);
  }
  return std::string(region_code);
}

// For the staff who act for the unit (CONAC, the office at its level): the
// button that resets the unit's password, and `notice` (escaped) after one.
std::string UnitPasswordResetHtml(const PageViewer& viewer, const ApplicationSummary& application,
                                  std::string_view notice) {
  if (viewer.actor->role == Role::kUnit ||
      !MayActForUnit(*viewer.actor, application.unit_id, application.division_code)) {
    return "";
  }
  const auto text = [&viewer](AccountText t) { return AccountMessage(t, viewer.language); };
  return fmt::format(
      "<div id=\"unit-password-reset\"><h3>{}</h3><p class=\"muted\">{}</p>{}"
      "<form method=\"post\" action=\"/applications/{}/unit-password-reset\">{}"
      "<button type=\"submit\" class=\"secondary\">{}</button></form></div>\n",
      HtmlEscape(text(AccountText::kUnitPasswordResetTitle)),
      HtmlEscape(text(AccountText::kUnitPasswordResetHelp)), StatusMessageHtml("ok", notice),
      application.id, CsrfField(viewer), HtmlEscape(text(AccountText::kUnitPasswordResetButton)));
}

// The unit as it registered (附件一): what the reviewers check the form
// against; `reset_notice` (escaped) tells of a password reset just made.
std::string UnitDetailsHtml(const PageViewer& viewer, registry::Database& db,
                            const ApplicationSummary& application, std::string_view reset_notice) {
  Result<registry::Unit> unit = registry::LoadUnit(db, application.unit_id);
  if (!unit) return "";
  const registry::UnitFields& u = unit->fields;
  const std::string region = RegionLabel(db, u.region_code, u.division_code);
  return fmt::format(
      "<section id=\"unit-details\">\n<h2>{}</h2>\n<dl class=\"facts\"><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n{}</section>\n",
      viewer.T(WebText::kUnitDetails), viewer.T(WebText::kUnit), HtmlEscape(u.name),
      viewer.T(WebText::kUnitKind), HtmlEscape(registry::UnitKindLabel(u.kind)),
      viewer.T(WebText::kRegion), HtmlEscape(region), viewer.T(WebText::kSystemCategory),
      HtmlEscape(u.system_category), viewer.T(WebText::kUnitAddress), HtmlEscape(u.address),
      viewer.T(WebText::kHandlerName), HtmlEscape(u.handler_name), viewer.T(WebText::kUnitMobile),
      HtmlEscape(u.mobile), viewer.T(WebText::kUnitEmail), HtmlEscape(u.email),
      UnitPasswordResetHtml(viewer, application, reset_notice));
}

// For the reviewers: every site of another unit that already carries one of
// the application's domains.
std::string DomainConflictsHtml(const PageViewer& viewer, registry::Database& db,
                                const ApplicationSummary& application) {
  if (viewer.actor->role == Role::kUnit || application.state == "badge-issued") return "";
  Result<std::vector<registry::DomainHolder>> holders =
      registry::ApplicationDomainConflicts(db, application);
  if (!holders || holders->empty()) return "";
  std::string html = fmt::format("<section id=\"domain-conflicts\">\n<h2>{}</h2>\n",
                                 viewer.T(WebText::kDomainConflictTitle));
  for (const registry::DomainHolder& h : *holders) {
    html +=
        fmt::format("<p class=\"message warning\" data-conflict-site=\"{}\">{}</p>\n", h.site_id,
                    viewer
                        .F(WebText::kDomainConflict, h.domain, h.unit_name,
                           RegionLabel(db, h.region_code), h.site_name, h.badge_id.value_or("—"))
                        .html());
  }
  return html + "</section>\n";
}

// One application: facts, the submitted form, the unit, a domain conflict,
// its history, the badge code once issued, and what the viewer may do next.
HttpResponse ApplicationDetail(const PageViewer& viewer, registry::Database& db,
                               const ApplicationSummary& application, http::status status,
                               std::string_view message_html, std::int64_t now,
                               std::string_view reset_notice = "") {
  Result<registry::SiteForm> form =
      registry::LoadApplicationForm(db, application.id, application.revision);
  Result<std::vector<registry::ApplicationStep>> history =
      registry::ApplicationHistory(db, application.id);
  if (!form || !history) return ErrorPage(viewer, http::status::internal_server_error);
  const registry::SiteForm& f = *form;
  std::string domains = f.site.chinese_domain.value_or("");
  if (f.site.english_domain) domains += (domains.empty() ? "" : " / ") + *f.site.english_domain;
  std::string body =
      StatusMessageHtml("error", message_html) + DomainConflictsHtml(viewer, db, application);
  body += fmt::format(
      "<section>\n<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd></dl>\n",
      viewer.T(WebText::kApplicationKind), WorkflowLabel(viewer, application),
      viewer.T(WebText::kState), StatePill(viewer, application.state), viewer.T(WebText::kUnit),
      HtmlEscape(application.unit_name), viewer.T(WebText::kSiteName), HtmlEscape(f.site.name),
      viewer.T(WebText::kDomains), HtmlEscape(domains.empty() ? "—" : domains),
      viewer.T(WebText::kIps), HtmlEscape(registry::JoinIps(f.site.ips)),
      viewer.T(WebText::kIntroduction), HtmlEscape(f.site.introduction),
      viewer.T(WebText::kHandlerMobile), HtmlEscape(f.handler_mobile));
  if (application.state == "badge-issued" && application.site_id) {
    if (Result<registry::Site> site = registry::LoadSite(db, *application.site_id);
        site && site->badge_id) {
      body += BadgeSnippetHtml(viewer, *site->badge_id);
    }
  }
  // What to print and where to take it is the unit's to read; reviewers
  // print nothing.
  if (viewer.actor->role == Role::kUnit &&
      application.workflow == registry::Workflow::kSiteOpening &&
      (application.state == "initial-passed" || application.state == "materials-received")) {
    body += fmt::format(
        "<p class=\"muted\" id=\"materials-office\">{0}</p><p><a class=\"button\" "
        "href=\"/applications/{1}/letter\">{2}</a> "
        "<a class=\"button\" href=\"/applications/{1}/form\">{3}</a></p>\n",
        viewer.F(WebText::kPrintMaterials, MaterialsOfficeText(viewer, db, application)).html(),
        application.id, viewer.T(WebText::kPrintLetter), viewer.T(WebText::kPrintForm));
  }
  body += DecisionForms(viewer, application) + "</section>\n";
  body += UnitDetailsHtml(viewer, db, application, reset_notice);
  body += fmt::format(
      "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
      "\n<tbody>\n",
      viewer.T(WebText::kHistory), viewer.T(WebText::kStep), viewer.T(WebText::kTime),
      viewer.T(WebText::kReason));
  for (const registry::ApplicationStep& step : *history) {
    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        HtmlEscape(ActionLabel(step.action, viewer.language)),
                        scan::FormatBeijingTime(step.decided_at), HtmlEscape(step.reason));
  }
  body += "</tbody>\n</table>\n</section>\n";
  if (application.state == "rejected" && !history->empty()) {
    body = StatusMessageHtml("error",
                             viewer.F(WebText::kRejectedBecause, history->back().reason).html()) +
           body;
  }
  if (viewer.actor->role == Role::kUnit && application.state == "rejected") {
    body += fmt::format("<section>\n<h2>{}</h2>\n", viewer.T(WebText::kEditAndResubmit));
    FormState state = FormStateFor(viewer, db, now);
    state.values = FieldsOf(f);
    state.application_id = application.id;
    body += ApplicationFormHtml(viewer, state) + "</section>\n";
  }
  return HtmlPage(viewer, status,
                  {viewer.FText(WebText::kApplicationNumber, application.id) + " · " + f.site.name,
                   std::move(body)});
}

HttpResponse ApplicationPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const std::optional<ApplicationSummary> application =
        VisibleApplication(route, *viewer.actor, db);
    if (!application) return ErrorPage(viewer, http::status::not_found);
    std::string reset_notice;
    if (const auto sent_to = route.query.Get("password_reset")) {
      reset_notice = HtmlEscape(fmt::format(
          fmt::runtime(AccountMessage(AccountText::kUnitPasswordWasReset, viewer.language)),
          *sent_to));
    }
    return ApplicationDetail(viewer, db, *application, http::status::ok, "", access.writer->Now(),
                             reset_notice);
  });
}

// Staff who act for the application's unit reset its password: the new one
// goes to the unit's mobile and e-mail; the page says where.
HttpResponse UnitPasswordResetPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const std::optional<ApplicationSummary> application =
        VisibleApplication(route, *viewer.actor, db);
    if (!application) return ErrorPage(viewer, http::status::not_found);
    if (viewer.actor->role == Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::string> sent_to =
        registry::ResetUnitPasswordByStaff(writer.registry(), *viewer.actor, application->unit_id);
    if (!sent_to) {
      const http::status status = HttpStatusFor(sent_to.status().code());
      return ErrorPage(viewer, status,
                       status == http::status::internal_server_error
                           ? ""
                           : HtmlEscape(sent_to.status().message(viewer.language)));
    }
    return SeeOther(route, "/applications/" + std::to_string(application->id) + "?password_reset=" +
                               PercentEncode(*sent_to) + "#unit-password-reset");
  });
}

HttpResponse DecisionPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const std::optional<ApplicationSummary> application =
        VisibleApplication(route, *viewer.actor, db);
    if (!application) return ErrorPage(viewer, http::status::not_found);
    const FormFields posted = PostedFields(route);
    const std::optional<registry::WorkflowAction> action =
        registry::ParseAction(posted.Get("action").value_or(""));
    if (!action) return ErrorPage(viewer, http::status::bad_request);
    const std::string reason(posted.Get("reason").value_or(""));
    RegistryWriter::Lease writer = access.writer->Acquire();
    const Status s = registry::DecideApplication(writer.registry(), *viewer.actor, application->id,
                                                 *action, reason);
    if (s.ok()) return SeeOther(route, "/applications/" + std::to_string(application->id));
    if (s.code() == StatusCode::kPermissionDenied) {
      return ErrorPage(viewer, http::status::forbidden);
    }
    if (s.code() == StatusCode::kStorage) {
      return ErrorPage(viewer, http::status::internal_server_error);
    }
    const std::string message = s.code() == StatusCode::kInvalidArgument && reason.empty()
                                    ? std::string(viewer.T(WebText::kReasonRequired))
                                    : s.message(viewer.language);
    return ApplicationDetail(viewer, writer.registry().writer(), *application,
                             HttpStatusFor(s.code()), HtmlEscape(message), access.writer->Now());
  });
}

// The letter or the form to print, for a site-opening application past its
// initial review.
template <typename Render>
HttpResponse PrintPage(const RouteRequest& route, const RegistryAccess& access, Render render) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const std::optional<ApplicationSummary> application =
        VisibleApplication(route, *viewer.actor, db);
    if (!application) return ErrorPage(viewer, http::status::not_found);
    Result<std::string> html = render(db, application->id);
    if (!html) {
      const http::status status = HttpStatusFor(html.status().code());
      return ErrorPage(viewer, status,
                       status == http::status::internal_server_error
                           ? ""
                           : HtmlEscape(html.status().message(viewer.language)));
    }
    return PrintDocument(route, std::move(html).value());
  });
}

HttpResponse LetterPage(const RouteRequest& route, const RegistryAccess& access) {
  return PrintPage(route, access, &registry::RenderApplicationLetter);
}

HttpResponse PrintFormPage(const RouteRequest& route, const RegistryAccess& access) {
  return PrintPage(route, access, &registry::RenderApplicationForm);
}

}  // namespace

void AddApplicationPages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/applications", BindRegistryRoute(access, &ApplicationListPage));
  router.Add(http::verb::post, "/applications", BindRegistryRoute(access, &SubmitApplicationPage));
  router.Add(http::verb::get, "/applications/new", BindRegistryRoute(access, &NewApplicationPage));
  router.Add(http::verb::post, "/applications/sms-code",
             BindRegistryRoute(access, &RequestSmsCodePage));
  router.Add(http::verb::get, "/applications/{id}", BindRegistryRoute(access, &ApplicationPage));
  router.Add(http::verb::get, "/applications/{id}/letter", BindRegistryRoute(access, &LetterPage));
  router.Add(http::verb::get, "/applications/{id}/form", BindRegistryRoute(access, &PrintFormPage));
  router.Add(http::verb::post, "/applications/{id}/decisions",
             BindRegistryRoute(access, &DecisionPage));
  router.Add(http::verb::post, "/applications/{id}/unit-password-reset",
             BindRegistryRoute(access, &UnitPasswordResetPage));
}

}  // namespace badgewatch::api
