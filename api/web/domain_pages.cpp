// The Chinese domains of 附件二 and 附件三 as web pages: 域名申请 (the form
// with its availability answer before submitting), 域名业务管理 (我的域名 with
// the dates and the bar of time used, the renewal of the ticked domains, the
// unit's domain applications and renewals), one domain with its earlier
// submissions, the unit's edit of a rejected one and the reviewers' decisions.
// The same registry calls and authorisation as api/service/domain_routes.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/service/list_page.h"
#include "api/web/domain_messages.h"
#include "api/web/domain_page_parts.h"
#include "api/web/pages.h"
#include "foundation/beijing_time.h"
#include "foundation/html_markup.h"
#include "registry/domain_availability.h"
#include "registry/domain_terms.h"
#include "registry/domains.h"
#include "registry/units.h"
#include "registry/workflow.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using registry::Actor;
using registry::Role;

constexpr int kMostYears = 10;

std::string_view D(const PageViewer& viewer, DomainText text) {
  return DomainMessage(text, viewer.language);
}

// The suffix the viewer's unit applies for: .政务 for a 党政机关, .公益 for the others.
std::string_view SuffixOf(const PageViewer& viewer) {
  return viewer.unit_kind == registry::UnitKind::kPartyGovernment ? ".政务" : ".公益";
}

bool Registered(const registry::Domain& domain) {
  return domain.state == "registered" || domain.state == "expired" || domain.state == "lapsed";
}

bool Renewable(const registry::Domain& domain) {
  return domain.state == "registered" || domain.state == "expired";
}

std::string DomainStatePill(const PageViewer& viewer, std::string_view state) {
  const std::string_view tone = state == "registered"                      ? "pass"
                                : state == "rejected" || state == "lapsed" ? "fail"
                                : state == "expired"                       ? "warn"
                                                                           : "neutral";
  return fmt::format("<span class=\"pill {}\" data-state=\"{}\">{}</span>", tone, HtmlEscape(state),
                     HtmlEscape(StateLabel(state, viewer.language)));
}

// <select name="years"> of 1 to 10 years, `selected` chosen.
std::string YearsSelect(const PageViewer& viewer, int selected) {
  std::string html = fmt::format("<label>{}<select name=\"years\">", D(viewer, DomainText::kYears));
  for (int y = 1; y <= kMostYears; ++y) {
    html += fmt::format("<option value=\"{}\"{}>{}</option>", y, y == selected ? " selected" : "",
                        viewer.Fill(D(viewer, DomainText::kYearsOption), y).html());
  }
  return html + "</select></label>";
}

int YearsOf(const FormFields& fields) {
  const std::string_view text = fields.Get("years").value_or("");
  int years = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || years > kMostYears) return 0;
    years = years * 10 + (c - '0');
  }
  return years;
}

// The share of a domain's current term already used, 0-100.
int TermUsedPercent(const registry::Domain& domain, std::int64_t now) {
  if (!domain.registered_at || !domain.expires_at || *domain.expires_at <= *domain.registered_at) {
    return 0;
  }
  const std::int64_t used = std::clamp(now, *domain.registered_at, *domain.expires_at);
  return static_cast<int>((used - *domain.registered_at) * 100 /
                          (*domain.expires_at - *domain.registered_at));
}

std::string DateOr(const std::optional<std::int64_t>& at) {
  return at ? HtmlEscape(foundation::BeijingIsoDate(*at)) : "—";
}

// ---- 域名申请 ----

// The availability check (a GET of this page, so it works without script),
// then, once the name is found free, the application for it with the years.
std::string ApplyForm(const PageViewer& viewer, const RegistryAccess& access, std::string_view name,
                      bool available, int years, std::string_view message_html) {
  const std::string_view suffix = SuffixOf(viewer);
  std::string html =
      fmt::format("<section class=\"register\">\n<p class=\"muted\">{}</p>\n<p>{}</p>\n",
                  viewer.Fill(D(viewer, DomainText::kApplyHelp), suffix).html(),
                  viewer
                      .Fill(D(viewer, DomainText::kFeePerYear),
                            registry::YuanText(DomainTermsOf(access).fee_per_year_fen))
                      .html());
  html += fmt::format(
      "<form method=\"get\" action=\"/domains/new\" class=\"stack\" id=\"availability\">"
      "<div class=\"row\"><label>{}<input type=\"text\" name=\"name\" value=\"{}\" required "
      "maxlength=\"253\" placeholder=\"{}\"></label>"
      "<button type=\"submit\" class=\"secondary\">{}</button></div></form>\n",
      D(viewer, DomainText::kDomainName), HtmlEscape(name),
      viewer.Fill(D(viewer, DomainText::kDomainNameHelp), suffix).html(),
      D(viewer, DomainText::kCheckButton));
  html += std::string(message_html);
  if (available) {
    html += fmt::format(
        "<form method=\"post\" action=\"/domains\" class=\"stack\" id=\"domain-application\">"
        "{}<input type=\"hidden\" name=\"name\" value=\"{}\">{}<div><button type=\"submit\">{}"
        "</button></div></form>\n",
        CsrfField(viewer), HtmlEscape(name), YearsSelect(viewer, years),
        D(viewer, DomainText::kSubmitDomain));
  }
  return html + "</section>\n";
}

HttpResponse ApplyPageOf(const PageViewer& viewer, const RegistryAccess& access,
                         http::status status, std::string_view name, bool available, int years,
                         std::string_view message_html) {
  return HtmlPage(viewer, status,
                  {std::string(D(viewer, DomainText::kApplyTitle)),
                   ApplyForm(viewer, access, name, available, years, message_html)});
}

HttpResponse NewDomainPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role != Role::kUnit || !viewer.unit_kind) {
      return ErrorPage(viewer, http::status::forbidden);
    }
    const std::string name(route.query.Get("name").value_or(""));
    std::string answer;
    bool available = false;
    if (!name.empty()) {
      Result<registry::DomainAvailability> availability =
          registry::CheckDomainAvailability(db, name, *viewer.unit_kind);
      if (!availability) {
        if (availability.status().code() == StatusCode::kStorage) {
          return ErrorPage(viewer, http::status::internal_server_error);
        }
        answer =
            StatusMessageHtml("error", HtmlEscape(availability.status().message(viewer.language)));
      } else {
        available = availability->available;
        answer = StatusMessageHtml(
            available ? "ok" : "error",
            viewer.Fill(D(viewer, available ? DomainText::kAvailable : DomainText::kTaken), name)
                .html());
      }
    }
    return ApplyPageOf(viewer, access, http::status::ok, name, available, 1, answer);
  });
}

HttpResponse SubmitDomainPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database&) {
    if (viewer.actor->role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    const FormFields posted = ParseFormFields(route.request.body());
    const std::string name(posted.Get("name").value_or(""));
    const int years = YearsOf(posted);
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::int64_t> id = registry::SubmitDomain(writer.registry(), *viewer.actor, name, years);
    if (id) return SeeOther(route, fmt::format("/domains?submitted={}", *id));
    if (id.status().code() == StatusCode::kStorage) {
      return ErrorPage(viewer, http::status::internal_server_error);
    }
    return ApplyPageOf(
        viewer, access, HttpStatusFor(id.status().code()), name, false, std::max(years, 1),
        StatusMessageHtml("error", HtmlEscape(id.status().message(viewer.language))));
  });
}

// ---- 域名业务管理 ----

std::string MyDomainsTable(const PageViewer& viewer, const std::vector<registry::Domain>& domains,
                           std::int64_t now, const registry::DomainTerms& terms) {
  std::string rows;
  bool any_renewable = false;
  for (const registry::Domain& d : domains) {
    if (!Registered(d)) continue;
    const bool renewable = Renewable(d);
    any_renewable = any_renewable || renewable;
    const int used = TermUsedPercent(d, now);
    std::string note;
    if (d.state == "expired" && d.expires_at) {
      note = viewer
                 .Fill(D(viewer, DomainText::kGraceUntil),
                       foundation::BeijingIsoDate(*d.expires_at +
                                                  std::int64_t{terms.grace_days} * 86'400))
                 .html();
    } else if (d.state == "lapsed") {
      note = HtmlEscape(D(viewer, DomainText::kLapsedNote));
    }
    rows += fmt::format(
        "<tr data-domain=\"{}\"><td>{}</td><td><a href=\"/domains/{}\">{}</a></td><td>{}</td>"
        "<td>{}</td><td>{}</td><td><progress max=\"100\" value=\"{}\">{}%</progress> {}</td>"
        "<td>{}</td></tr>\n",
        d.id,
        renewable ? fmt::format("<input type=\"checkbox\" name=\"domain_id\" value=\"{}\" "
                                "aria-label=\"{}\">",
                                d.id, HtmlEscape(d.name))
                  : "",
        d.id, HtmlEscape(d.name), DomainStatePill(viewer, d.state), DateOr(d.registered_at),
        DateOr(d.expires_at), used, used,
        viewer.Fill(D(viewer, DomainText::kTermUsedValue), used).html(), note);
  }
  std::string html =
      fmt::format("<section id=\"my-domains\">\n<h2>{}</h2>\n", D(viewer, DomainText::kMyDomains));
  if (rows.empty()) {
    return html + fmt::format("<p class=\"empty\">{}</p>\n</section>\n",
                              D(viewer, DomainText::kNoDomains));
  }
  html += fmt::format(
      "<form method=\"post\" action=\"/domains/renewals\" id=\"renewal\">{}"
      "<p class=\"muted\">{}</p>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th><th></th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
      CsrfField(viewer), D(viewer, DomainText::kRenewHelp), D(viewer, DomainText::kSelect),
      D(viewer, DomainText::kDomainName), viewer.T(WebText::kState),
      D(viewer, DomainText::kRegisteredOn), D(viewer, DomainText::kExpiresOn),
      D(viewer, DomainText::kTermUsed), rows);
  if (any_renewable) {
    html += fmt::format("<div class=\"decision\">{}<button type=\"submit\">{}</button></div>\n",
                        YearsSelect(viewer, 1), D(viewer, DomainText::kRenewButton));
  }
  return html + "</form>\n</section>\n";
}

std::string DomainApplicationsTable(const PageViewer& viewer,
                                    const std::vector<registry::Domain>& domains) {
  std::string rows;
  for (const registry::Domain& d : domains) {
    if (Registered(d)) continue;
    const bool rejected = d.state == "rejected";
    rows += fmt::format(
        "<tr data-domain=\"{}\"><td><a href=\"/domains/{}\">{}</a></td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
        d.id, d.id, HtmlEscape(d.name),
        viewer.Fill(D(viewer, DomainText::kYearsOption), d.years).html(),
        DomainStatePill(viewer, d.state), HtmlEscape(foundation::FormatBeijingTime(d.submitted_at)),
        HtmlEscape(d.reason),
        rejected ? fmt::format("<a href=\"/domains/{}#resubmit\">{}</a>", d.id,
                               viewer.T(WebText::kEditAndResubmit))
                 : fmt::format("<a href=\"/domains/{}\">{}</a>", d.id,
                               D(viewer, DomainText::kOpenDomain)));
  }
  return TableSection(
      "domain-applications", D(viewer, DomainText::kDomainApplications),
      D(viewer, DomainText::kNoDomainApplications),
      {D(viewer, DomainText::kDomainName), D(viewer, DomainText::kYears), viewer.T(WebText::kState),
       D(viewer, DomainText::kSubmittedAt), D(viewer, DomainText::kRejectedReason), ""},
      rows);
}

std::string RenewalsTable(const PageViewer& viewer,
                          const std::vector<registry::Renewal>& renewals) {
  std::string rows;
  for (const registry::Renewal& r : renewals) {
    std::string names;
    for (const registry::RenewedDomain& d : r.domains) {
      if (!names.empty()) names += "<br>";
      names += HtmlEscape(d.name);
      if (d.new_expires_at)
        names += " → " + HtmlEscape(foundation::BeijingIsoDate(*d.new_expires_at));
    }
    const std::string withdraw =
        r.state == "submitted" ? ButtonForm(viewer, fmt::format("/renewals/{}/withdrawal", r.id),
                                            D(viewer, DomainText::kWithdrawRenewal), "secondary")
                               : "";
    rows += fmt::format(
        "<tr data-renewal=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        r.id, names, viewer.Fill(D(viewer, DomainText::kYearsOption), r.years).html(),
        viewer.Fill(D(viewer, DomainText::kYuan), registry::YuanText(r.fee_fen)).html(),
        RenewalStatePill(viewer, r.state), HtmlEscape(foundation::FormatBeijingTime(r.created_at)),
        withdraw);
  }
  return TableSection(
      "renewals", D(viewer, DomainText::kRenewals), D(viewer, DomainText::kNoRenewals),
      {D(viewer, DomainText::kDomains), D(viewer, DomainText::kYears), D(viewer, DomainText::kFee),
       viewer.T(WebText::kState), D(viewer, DomainText::kSubmittedAt), ""},
      rows);
}

// What the last step did, from the query the redirect after it carries.
std::string DoneNotice(const PageViewer& viewer, const RouteRequest& route,
                       const std::vector<registry::Domain>& domains,
                       const std::vector<registry::Renewal>& renewals) {
  if (const auto id = ParseRecordId(route.query.Get("submitted").value_or(""))) {
    for (const registry::Domain& d : domains) {
      if (d.id == *id) {
        return StatusMessageHtml(
            "ok", viewer.Fill(D(viewer, DomainText::kDomainSubmitted), d.name).html());
      }
    }
  }
  if (const auto id = ParseRecordId(route.query.Get("renewed").value_or(""))) {
    for (const registry::Renewal& r : renewals) {
      if (r.id != *id) continue;
      if (r.state == "completed") {
        return StatusMessageHtml("ok", HtmlEscape(D(viewer, DomainText::kRenewalCompletedState)));
      }
      return StatusMessageHtml(
          "ok", viewer.Fill(D(viewer, DomainText::kRenewalSubmitted), registry::YuanText(r.fee_fen))
                    .html());
    }
  }
  if (route.query.Has("withdrawn")) {
    return StatusMessageHtml("ok", HtmlEscape(D(viewer, DomainText::kRenewalWithdrawn)));
  }
  return "";
}

HttpResponse MyDomainsPageOf(const PageViewer& viewer, const RegistryAccess& access,
                             registry::Database& db, http::status status, std::string notice_html) {
  const Actor& actor = *viewer.actor;
  Result<std::vector<registry::Domain>> domains = registry::ListUnitDomains(db, actor.unit_id);
  if (!domains) return ErrorPage(viewer, http::status::internal_server_error);
  Result<std::vector<registry::Renewal>> renewals = registry::ListUnitRenewals(db, actor.unit_id);
  if (!renewals) return ErrorPage(viewer, http::status::internal_server_error);
  if (notice_html.empty()) notice_html = DoneNotice(viewer, *viewer.route, *domains, *renewals);
  std::string body = notice_html;
  body += fmt::format("<p><a class=\"button\" href=\"/domains/new\">{}</a></p>\n",
                      viewer.T(WebText::kNavDomainApply));
  body += MyDomainsTable(viewer, *domains, access.writer->Now(), DomainTermsOf(access));
  body += DomainApplicationsTable(viewer, *domains);
  body += RenewalsTable(viewer, *renewals);
  return HtmlPage(viewer, status, {std::string(viewer.T(WebText::kNavMyDomains)), body});
}

HttpResponse MyDomainsPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    // Reviewers work from the review queue's domain rows.
    if (viewer.actor->role != Role::kUnit) return SeeOther(route, "/review?kind=domain");
    return MyDomainsPageOf(viewer, access, db, http::status::ok, "");
  });
}

HttpResponse SubmitRenewalPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database&) {
    if (viewer.actor->role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    const FormFields posted = ParseFormFields(route.request.body());
    std::vector<std::int64_t> ids;
    for (std::string_view text : posted.GetAll("domain_id")) {
      const std::optional<std::int64_t> id = ParseRecordId(text);
      if (!id) return ErrorPage(viewer, http::status::bad_request);
      ids.push_back(*id);
    }
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::int64_t> renewal =
        registry::SubmitRenewal(writer.registry(), *viewer.actor, ids, YearsOf(posted));
    if (renewal) return SeeOther(route, fmt::format("/domains?renewed={}#renewals", *renewal));
    if (renewal.status().code() == StatusCode::kStorage) {
      return ErrorPage(viewer, http::status::internal_server_error);
    }
    // Another unit's domain is as absent as one that does not exist.
    if (renewal.status().code() == StatusCode::kPermissionDenied ||
        renewal.status().code() == StatusCode::kNotFound) {
      return ErrorPage(viewer, http::status::not_found);
    }
    return MyDomainsPageOf(
        viewer, access, writer.registry().writer(), HttpStatusFor(renewal.status().code()),
        StatusMessageHtml("error", HtmlEscape(renewal.status().message(viewer.language))));
  });
}

HttpResponse WithdrawRenewalPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database&) {
    if (viewer.actor->role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return ErrorPage(viewer, http::status::not_found);
    RegistryWriter::Lease writer = access.writer->Acquire();
    const Status s = registry::WithdrawRenewal(writer.registry(), *viewer.actor, *id);
    if (s.ok()) return SeeOther(route, "/domains?withdrawn=1#renewals");
    if (s.code() == StatusCode::kStorage) {
      return ErrorPage(viewer, http::status::internal_server_error);
    }
    if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) {
      return ErrorPage(viewer, http::status::not_found);
    }
    return MyDomainsPageOf(viewer, access, writer.registry().writer(), HttpStatusFor(s.code()),
                           StatusMessageHtml("error", HtmlEscape(s.message(viewer.language))));
  });
}

// ---- one domain ----

std::optional<registry::Domain> VisibleDomainOf(const RouteRequest& route, const Actor& actor,
                                                registry::Database& db,
                                                std::optional<registry::Unit>& unit) {
  const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
  if (!id) return std::nullopt;
  Result<registry::Domain> domain = registry::LoadDomain(db, *id);
  if (!domain) return std::nullopt;
  Result<registry::Unit> owner = registry::LoadUnit(db, domain->unit_id);
  if (!owner || !MaySeeUnit(actor, owner->id, owner->fields.division_code)) return std::nullopt;
  unit = std::move(owner).value();
  return std::move(domain).value();
}

// The review steps the viewer may take on `domain` now.
std::string DomainDecisionForms(const PageViewer& viewer, const registry::Domain& domain,
                                const registry::Unit& unit) {
  if (!MayActForUnit(*viewer.actor, unit.id, unit.fields.division_code)) return "";
  std::string html;
  for (const registry::Transition& t : registry::Transitions()) {
    if (t.workflow != registry::Workflow::kDomain || t.from != domain.state ||
        t.role != viewer.actor->role || t.action == registry::WorkflowAction::kRegister ||
        t.action == registry::WorkflowAction::kResubmit) {
      continue;
    }
    html += fmt::format(
        "<form method=\"post\" action=\"/domains/{}/decisions\" class=\"decision\">{}"
        "<input type=\"hidden\" name=\"action\" value=\"{}\">",
        domain.id, CsrfField(viewer), registry::ActionName(t.action));
    if (t.needs_reason) {
      html += fmt::format("<label>{}<br><input type=\"text\" name=\"reason\" required></label>",
                          viewer.T(WebText::kRejectReason));
    }
    html +=
        fmt::format("<button type=\"submit\" class=\"{}\" data-action=\"{}\">{}</button></form>\n",
                    t.needs_reason ? "danger" : "", registry::ActionName(t.action),
                    viewer.T(t.needs_reason ? WebText::kReject : WebText::kApprove));
  }
  return html.empty() ? "" : "<section id=\"decisions\">\n" + html + "</section>\n";
}

std::string RevisionsList(const PageViewer& viewer,
                          const std::vector<registry::DomainRevision>& revisions) {
  if (revisions.empty()) return "";
  std::string html = fmt::format("<section id=\"revisions\">\n<h2>{}</h2>\n<ol>\n",
                                 D(viewer, DomainText::kRevisions));
  for (const registry::DomainRevision& r : revisions) {
    html += fmt::format(
        "<li>{}{}</li>\n",
        viewer.Fill(D(viewer, DomainText::kRevisionLine), r.revision, r.name, r.years).html(),
        r.reason.empty() ? ""
                         : viewer.Fill(D(viewer, DomainText::kRevisionReason), r.reason).html());
  }
  return html + "</ol>\n</section>\n";
}

std::string HistoryTable(const PageViewer& viewer, const std::vector<registry::ReviewStep>& steps) {
  std::string rows;
  for (const registry::ReviewStep& step : steps) {
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        HtmlEscape(ActionLabel(step.action, viewer.language)),
                        HtmlEscape(foundation::FormatBeijingTime(step.decided_at)),
                        HtmlEscape(step.reason));
  }
  return fmt::format(
      "<section id=\"history\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th>"
      "<th>{}</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n</section>\n",
      viewer.T(WebText::kHistory), viewer.T(WebText::kStep), viewer.T(WebText::kTime),
      viewer.T(WebText::kReason), rows);
}

std::string ResubmitForm(const PageViewer& viewer, const registry::Domain& domain) {
  return fmt::format(
      "<section id=\"resubmit\">\n<h2>{}</h2>\n"
      "<form method=\"post\" action=\"/domains/{}/resubmission\" class=\"stack\">{}"
      "<label>{}<input type=\"text\" name=\"name\" value=\"{}\" required maxlength=\"253\">"
      "</label>{}<div><button type=\"submit\">{}</button></div></form>\n</section>\n",
      D(viewer, DomainText::kResubmitTitle), domain.id, CsrfField(viewer),
      D(viewer, DomainText::kDomainName), HtmlEscape(domain.name),
      YearsSelect(viewer, domain.years), D(viewer, DomainText::kResubmitButton));
}

HttpResponse DomainPageOf(const PageViewer& viewer, registry::Database& db,
                          const registry::Domain& domain, const registry::Unit& unit,
                          http::status status, std::string notice_html) {
  if (notice_html.empty() && viewer.route->query.Has("resubmitted")) {
    notice_html = StatusMessageHtml("ok", HtmlEscape(D(viewer, DomainText::kDomainResubmitted)));
  }
  if (notice_html.empty() && viewer.actor->role == Role::kUnit && domain.state == "conac-passed") {
    notice_html = StatusMessageHtml(
        "info",
        HtmlEscape(D(viewer, DomainText::kDomainPassedByConac)) +
            fmt::format(" <a href=\"/payments\">{}</a>", viewer.T(WebText::kNavDomainPayments)));
  }
  std::string body = notice_html;
  body += fmt::format(
      "<section>\n<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd>",
      viewer.T(WebText::kUnit), HtmlEscape(unit.fields.name), D(viewer, DomainText::kAsciiName),
      HtmlEscape(domain.ascii_name), viewer.T(WebText::kState),
      DomainStatePill(viewer, domain.state), D(viewer, DomainText::kYears),
      viewer.Fill(D(viewer, DomainText::kYearsOption), domain.years).html(),
      D(viewer, DomainText::kSubmittedAt),
      HtmlEscape(foundation::FormatBeijingTime(domain.submitted_at)),
      D(viewer, DomainText::kRegisteredOn), DateOr(domain.registered_at),
      D(viewer, DomainText::kExpiresOn), DateOr(domain.expires_at));
  if (!domain.reason.empty()) {
    body += fmt::format("<dt>{}</dt><dd class=\"reason\">{}</dd>",
                        D(viewer, DomainText::kRejectedReason), HtmlEscape(domain.reason));
  }
  body += "</dl>\n</section>\n";
  body += DomainDecisionForms(viewer, domain, unit);
  if (viewer.actor->role == Role::kUnit && domain.state == "rejected") {
    body += ResubmitForm(viewer, domain);
  }
  Result<std::vector<registry::DomainRevision>> revisions =
      registry::ListDomainRevisions(db, domain.id);
  if (!revisions) return ErrorPage(viewer, http::status::internal_server_error);
  body += RevisionsList(viewer, *revisions);
  Result<std::vector<registry::ReviewStep>> history = registry::DomainHistory(db, domain.id);
  if (!history) return ErrorPage(viewer, http::status::internal_server_error);
  body += HistoryTable(viewer, *history);
  return HtmlPage(viewer, status,
                  {viewer.Fill(D(viewer, DomainText::kDomainTitle), domain.name).html(), body});
}

HttpResponse DomainPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    std::optional<registry::Unit> unit;
    const std::optional<registry::Domain> domain = VisibleDomainOf(route, *viewer.actor, db, unit);
    if (!domain) return ErrorPage(viewer, http::status::not_found);
    return DomainPageOf(viewer, db, *domain, *unit, http::status::ok, "");
  });
}

// A refused step shown on the domain's page as the writer sees it now.
HttpResponse RefusedDomainStep(const PageViewer& viewer, RegistryWriter::Lease& writer,
                               std::int64_t domain_id, const registry::Unit& unit,
                               const Status& refusal) {
  if (refusal.code() == StatusCode::kStorage) {
    return ErrorPage(viewer, http::status::internal_server_error);
  }
  if (refusal.code() == StatusCode::kPermissionDenied) {
    return ErrorPage(viewer, http::status::forbidden);
  }
  registry::Database& db = writer.registry().writer();
  Result<registry::Domain> now = registry::LoadDomain(db, domain_id);
  if (!now) return ErrorPage(viewer, http::status::internal_server_error);
  return DomainPageOf(viewer, db, *now, unit, HttpStatusFor(refusal.code()),
                      StatusMessageHtml("error", HtmlEscape(refusal.message(viewer.language))));
}

HttpResponse DomainDecisionPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    std::optional<registry::Unit> unit;
    const std::optional<registry::Domain> domain = VisibleDomainOf(route, *viewer.actor, db, unit);
    if (!domain) return ErrorPage(viewer, http::status::not_found);
    const FormFields posted = ParseFormFields(route.request.body());
    const std::optional<registry::WorkflowAction> action =
        registry::ParseAction(posted.Get("action").value_or(""));
    if (!action) return ErrorPage(viewer, http::status::bad_request);
    const std::string reason(posted.Get("reason").value_or(""));
    RegistryWriter::Lease writer = access.writer->Acquire();
    const Status s =
        registry::DecideDomain(writer.registry(), *viewer.actor, domain->id, *action, reason);
    if (s.ok()) return SeeOther(route, fmt::format("/domains/{}", domain->id));
    return RefusedDomainStep(viewer, writer, domain->id, *unit, s);
  });
}

HttpResponse ResubmitDomainPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    std::optional<registry::Unit> unit;
    const std::optional<registry::Domain> domain = VisibleDomainOf(route, *viewer.actor, db, unit);
    if (!domain) return ErrorPage(viewer, http::status::not_found);
    if (viewer.actor->role != Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    const FormFields posted = ParseFormFields(route.request.body());
    RegistryWriter::Lease writer = access.writer->Acquire();
    const Status s =
        registry::ResubmitDomain(writer.registry(), *viewer.actor, domain->id,
                                 std::string(posted.Get("name").value_or("")), YearsOf(posted));
    if (s.ok()) return SeeOther(route, fmt::format("/domains/{}?resubmitted=1", domain->id));
    return RefusedDomainStep(viewer, writer, domain->id, *unit, s);
  });
}

}  // namespace

void AddDomainPages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/domains", BindRegistryRoute(access, &MyDomainsPage));
  router.Add(http::verb::post, "/domains", BindRegistryRoute(access, &SubmitDomainPage));
  router.Add(http::verb::get, "/domains/new", BindRegistryRoute(access, &NewDomainPage));
  router.Add(http::verb::post, "/domains/renewals", BindRegistryRoute(access, &SubmitRenewalPage));
  router.Add(http::verb::get, "/domains/{id}", BindRegistryRoute(access, &DomainPage));
  router.Add(http::verb::post, "/domains/{id}/decisions",
             BindRegistryRoute(access, &DomainDecisionPage));
  router.Add(http::verb::post, "/domains/{id}/resubmission",
             BindRegistryRoute(access, &ResubmitDomainPage));
  router.Add(http::verb::post, "/renewals/{id}/withdrawal",
             BindRegistryRoute(access, &WithdrawRenewalPage));
}

}  // namespace badgewatch::api
