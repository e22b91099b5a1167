// A site's latest compliance record as a page, /sites/{id}: the verdict, its
// problems by name, and every failing page, 50 a page. A unit sees its own
// sites, a regional reviewer those of its region, CONAC all; the others get
// 404, as the JSON API answers. The notices of a failing site point here.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/service/list_page.h"
#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/compliance_record_queries.h"
#include "registry/compliance_records.h"
#include "registry/sites.h"
#include "registry/units.h"
#include "scan/report_html.h"
#include "scan/report_messages.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

// Failing pages listed per page.
constexpr std::int64_t kPagesPerScreen = 50;

std::string ProblemList(const PageViewer& viewer, const registry::SiteRecord& record) {
  std::string html = "<ul class=\"codes\">\n";
  const auto item = [&](const std::string& code, bool warning) {
    html += fmt::format("<li>{} {}</li>\n", scan::CodeNameHtml(code, viewer.language, warning),
                        HtmlEscape(scan::ExplainCode(code, viewer.language)));
  };
  for (const std::string& code : record.problems) item(code, false);
  for (const std::string& code : record.warnings) item(code, true);
  return html + "</ul>\n";
}

HttpResponse SiteRecordPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return ErrorPage(viewer, http::status::not_found);
    Result<registry::Site> site = registry::LoadSite(db, *id);
    if (!site) {
      return ErrorPage(viewer, site.status().code() == StatusCode::kNotFound
                                   ? http::status::not_found
                                   : http::status::internal_server_error);
    }
    Result<registry::Unit> unit = registry::LoadUnit(db, site->unit_id);
    if (!unit) return ErrorPage(viewer, http::status::internal_server_error);
    if (!MaySeeUnit(*viewer.actor, unit->id, unit->fields.division_code)) {
      return ErrorPage(viewer, http::status::not_found);
    }
    ListPage screen = ReadListPage(route.query);
    if (!screen.error.ok()) {
      return ErrorPage(viewer, http::status::bad_request,
                       HtmlEscape(screen.error.message(viewer.language)));
    }
    screen.per_page = kPagesPerScreen;

    const std::string title = viewer.FText(WebText::kSiteRecordTitle, site->fields.name);
    std::string body = fmt::format(
        "<section>\n<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n",
        viewer.T(WebText::kUnit), HtmlEscape(unit->fields.name), viewer.T(WebText::kBadgeId),
        HtmlEscape(site->badge_id.value_or("—")));
    Result<std::optional<registry::StoredRecord>> latest =
        registry::PreviousSiteRecord(db, site->id, 0);
    if (!latest) return ErrorPage(viewer, http::status::internal_server_error);
    if (!*latest) {
      body +=
          fmt::format("<p class=\"empty\">{}</p>\n</section>\n", viewer.T(WebText::kNotCheckedYet));
      return HtmlPage(viewer, http::status::ok, {title, std::move(body)});
    }
    const registry::StoredRecord& stored = **latest;
    const bool pass = stored.record.verdict == "pass";
    body += fmt::format(
        "<p><span class=\"pill {}\">{}</span> <span class=\"muted\">{}</span></p>\n",
        pass ? "pass" : "fail", viewer.T(pass ? WebText::kPassLabel : WebText::kFailLabel),
        viewer.F(WebText::kRecordedAt, scan::FormatBeijingTime(stored.recorded_at)).html());
    body += ProblemList(viewer, stored.record) + "</section>\n";

    Result<std::int64_t> total = registry::CountFailingPages(db, stored.id);
    if (!total) return ErrorPage(viewer, http::status::internal_server_error);
    const std::int64_t screens =
        std::max<std::int64_t>(1, (*total + kPagesPerScreen - 1) / kPagesPerScreen);
    if (screen.page > screens) return ErrorPage(viewer, http::status::not_found);
    body += fmt::format("<section>\n<h2>{}</h2>\n",
                        viewer.F(WebText::kSiteFailingPages, *total).html());
    if (*total == 0) {
      body += fmt::format("<p class=\"empty\">{}</p>\n", viewer.T(WebText::kSiteNoFailingPages));
    } else {
      Result<std::vector<registry::FailingPage>> pages =
          registry::ListFailingPages(db, stored.id, {screen.Offset(), screen.per_page});
      if (!pages) return ErrorPage(viewer, http::status::internal_server_error);
      body += scan::FailingPagesTableHtml(*pages, viewer.language, "failing-pages") +
              PagerHtml(viewer, fmt::format("/sites/{}?", site->id), screen.page, screens);
    }
    body += "</section>\n";
    return HtmlPage(viewer, http::status::ok, {title, std::move(body)});
  });
}

}  // namespace

void AddSiteRecordPages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/sites/{id}", BindRegistryRoute(access, &SiteRecordPage));
}

}  // namespace badgewatch::api
