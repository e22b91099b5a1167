// The home page (a unit's sites with their latest verdict and badge code) and
// the compliance dashboard of reviewers and staff.
#include <fmt/format.h>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/badges.h"
#include "registry/compliance_records.h"
#include "registry/divisions.h"
#include "registry/sites.h"
#include "scan/compliance_report.h"
#include "scan/report_html.h"
#include "scan/report_messages.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using registry::Actor;
using registry::Role;
using scan::ReportText;

std::string Domains(const registry::SiteFields& site) {
  std::string domains = site.chinese_domain.value_or("");
  if (site.english_domain) {
    if (!domains.empty()) domains += " / ";
    domains += *site.english_domain;
  }
  return domains.empty() ? "—" : domains;
}

std::string VerdictPill(const PageViewer& viewer, std::string_view verdict) {
  const bool pass = verdict == "pass";
  return fmt::format("<span class=\"pill {}\">{}</span>", pass ? "pass" : "fail",
                     viewer.T(pass ? WebText::kPassLabel : WebText::kFailLabel));
}

// One registered site of the unit: facts, latest record, badge code.
std::string SiteSection(const PageViewer& viewer, registry::Database& db,
                        const registry::Site& site) {
  std::string latest = std::string(viewer.T(WebText::kNotCheckedYet));
  Result<std::optional<registry::StoredRecord>> record =
      registry::PreviousSiteRecord(db, site.id, 0);
  if (record && *record) {
    const registry::SiteRecord& r = (*record)->record;
    latest = fmt::format("{} <span class=\"muted\">{}</span>", VerdictPill(viewer, r.verdict),
                         scan::FormatBeijingTime((*record)->recorded_at));
    for (const std::string& code : r.problems) {
      latest += fmt::format("<br>{} {}", scan::CodeNameHtml(code, viewer.language),
                            HtmlEscape(scan::ExplainCode(code, viewer.language)));
    }
    if (r.verdict != "pass") {
      latest += fmt::format("<br><a href=\"/sites/{}\">{}</a>", site.id,
                            viewer.T(WebText::kSiteRecordLink));
    }
  }
  std::string html = fmt::format(
      "<section class=\"site-card\">\n<h2>{}</h2>\n<dl class=\"facts\"><dt>{}</dt><dd>{}</dd>"
      "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n",
      HtmlEscape(site.fields.name), viewer.T(WebText::kDomains), HtmlEscape(Domains(site.fields)),
      viewer.T(WebText::kBadgeId), HtmlEscape(site.badge_id.value_or("—")),
      viewer.T(WebText::kLatestCheck), latest);
  if (site.badge_id) html += BadgeSnippetHtml(viewer, *site.badge_id);
  return html + "</section>\n";
}

HttpResponse HomePage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const Actor& actor = *viewer.actor;
    if (actor.role != Role::kUnit) return SeeOther(route, "/review");
    Result<std::vector<registry::Site>> sites = registry::ListSites(db);
    if (!sites) return ErrorPage(viewer, http::status::internal_server_error);
    std::string body;
    for (const registry::Site& site : *sites) {
      if (site.unit_id == actor.unit_id) body += SiteSection(viewer, db, site);
    }
    if (body.empty()) {
      body = fmt::format(
          "<section><p class=\"empty\">{}</p><p><a class=\"button\" href=\"/applications/new\">{}"
          "</a></p></section>\n",
          viewer.T(WebText::kNoSites), viewer.T(WebText::kNavNewApplication));
    }
    return HtmlPage(viewer, http::status::ok,
                    {std::string(viewer.T(WebText::kMySites)), std::move(body)});
  });
}

// "第 3 次扫描（例行扫描）· 开始时间：… · 完成时间：…".
std::string ScanFacts(const PageViewer& viewer, const scan::ComplianceReport& report) {
  const ReportLanguage language = viewer.language;
  const auto text = [language](ReportText t) { return scan::Message(t, language); };
  const std::string_view separator = language == ReportLanguage::kChinese ? "：" : ": ";
  const registry::ScanOverview& scan = report.scan;
  std::string facts = fmt::format("<p class=\"muted\">{} · {}{}{}",
                                  fmt::format(fmt::runtime(text(ReportText::kScanNumber)), scan.id),
                                  text(ReportText::kStartedAt), separator,
                                  scan::FormatBeijingTime(scan.started_at));
  if (scan.finished_at) {
    facts += fmt::format(" · {}{}{}", text(ReportText::kFinishedAt), separator,
                         scan::FormatBeijingTime(*scan.finished_at));
  }
  facts += fmt::format(
      " · {}{}{} · {}</p>\n", text(ReportText::kRegion), separator,
      HtmlEscape(report.region_code.empty() ? std::string(text(ReportText::kAllRegions))
                                            : report.region_name + " " + report.region_code),
      text(ReportText::kTimeZoneNote));
  return facts;
}

HttpResponse DashboardPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const Actor& actor = *viewer.actor;
    if (actor.role == Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    scan::ReportRequest request;
    request.failing_pages_per_site = 10;
    // A regional reviewer sees its own region only, whatever the query asks.
    request.region_code = actor.role == Role::kRegional
                              ? actor.region_code
                              : std::string(route.query.Get("region").value_or(""));
    if (actor.role == Role::kRegional) {
      request.office_prefix = registry::OfficeSubtreePrefix(actor.office_code);
    }
    const std::string title(viewer.T(WebText::kDashboard));
    Result<scan::ComplianceReport> report =
        scan::BuildComplianceReport(db, request, static_cast<std::int64_t>(std::time(nullptr)));
    if (!report) {
      switch (report.status().code()) {
        case StatusCode::kFailedPrecondition:
          return HtmlPage(viewer, http::status::ok,
                          {title, fmt::format("<section><p class=\"empty\">{}</p></section>\n",
                                              viewer.T(WebText::kNoScanYet))});
        case StatusCode::kNotFound:
          return ErrorPage(viewer, http::status::not_found);
        default:
          return ErrorPage(viewer, http::status::internal_server_error);
      }
    }
    scan::HtmlReportOptions options;
    options.language = viewer.language;
    options.list_all_sites = false;
    return HtmlPage(
        viewer, http::status::ok,
        {title, ScanFacts(viewer, *report) + scan::RenderReportSections(*report, options)});
  });
}

}  // namespace

std::string BadgeSnippetHtml(const PageViewer& viewer, std::string_view badge_id) {
  if (!registry::ParseBadgeId(badge_id)) return "";
  const std::string element = "snippet-" + HtmlEscape(badge_id);
  return fmt::format(
      "<div class=\"badge-code\"><h3>{}</h3><p class=\"muted\">{}</p>"
      "<pre class=\"snippet\" id=\"{}\">{}</pre>"
      "<button type=\"button\" class=\"secondary\" data-copy=\"{}\" data-copied=\"{}\">{}</button>"
      "</div>\n",
      viewer.T(WebText::kBadgeSnippet), HtmlEscape(viewer.T(WebText::kBadgeSnippetHelp)), element,
      HtmlEscape(registry::BadgeSnippet(badge_id)), element, viewer.T(WebText::kCopied),
      viewer.T(WebText::kCopy));
}

void AddSitePages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/", BindRegistryRoute(access, &HomePage));
  router.Add(http::verb::get, "/dashboard", BindRegistryRoute(access, &DashboardPage));
}

}  // namespace badgewatch::api
