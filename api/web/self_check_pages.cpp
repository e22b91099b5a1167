// Self-checks as web pages: pick one of the unit's sites, start the check
// (the same start, limits and scope as POST /api/self-checks), and read the
// result page by page in plain language ("第 3 页缺少网站标识" with its URL);
// the result page reloads itself until the check is done.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "api/web/pages.h"
#include "foundation/html_markup.h"
#include "registry/sites.h"
#include "registry/units.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using nlohmann::ordered_json;
using registry::Actor;

constexpr std::size_t kMaxSitesListed = 500;
constexpr int kRefreshSeconds = 2;

// The registered sites `actor` may check, with a domain to crawl.
std::vector<registry::Site> CheckableSites(const Actor& actor, registry::Database& db) {
  std::vector<registry::Site> checkable;
  Result<std::vector<registry::Site>> sites = registry::ListSites(db);
  if (!sites) return checkable;
  for (registry::Site& site : *sites) {
    if (!site.fields.english_domain && !site.fields.chinese_domain) continue;
    if (actor.role == registry::Role::kUnit) {
      if (site.unit_id != actor.unit_id) continue;
    } else if (actor.role == registry::Role::kRegional) {
      Result<registry::Unit> unit = registry::LoadUnit(db, site.unit_id);
      if (!unit || !MaySeeUnit(actor, unit->id, unit->fields.division_code)) continue;
    }
    checkable.push_back(std::move(site));
    if (checkable.size() == kMaxSitesListed) break;
  }
  return checkable;
}

HttpResponse SelfCheckFormPage(const PageViewer& viewer, registry::Database& db,
                               http::status status, std::string_view message_html) {
  std::string body = "<section>\n";
  if (!message_html.empty()) {
    body += fmt::format("<p class=\"message error\" role=\"status\">{}</p>\n", message_html);
  }
  body += fmt::format("<p class=\"muted\">{}</p>\n", viewer.T(WebText::kSelfCheckHelp));
  const std::vector<registry::Site> sites = CheckableSites(*viewer.actor, db);
  if (sites.empty()) {
    body += fmt::format("<p class=\"empty\">{}</p>\n", viewer.T(WebText::kNoCheckableSites));
  } else {
    body += fmt::format(
        "<form method=\"post\" action=\"/self-checks\" class=\"stack\">{}<label>{}"
        "<select name=\"site_id\">",
        CsrfField(viewer), viewer.T(WebText::kPickSite));
    for (const registry::Site& site : sites) {
      body += fmt::format(
          "<option value=\"{}\">{} ({})</option>", site.id, HtmlEscape(site.fields.name),
          HtmlEscape(site.fields.english_domain.value_or(site.fields.chinese_domain.value_or(""))));
    }
    body += fmt::format("</select></label><div><button type=\"submit\">{}</button></div></form>\n",
                        viewer.T(WebText::kStartSelfCheck));
  }
  return HtmlPage(viewer, status,
                  {std::string(viewer.T(WebText::kSelfCheck)), body + "</section>\n"});
}

HttpResponse SelfCheckForm(const RouteRequest& route, const SelfCheckAccess& access) {
  return WithSignedInViewer(route, access.registry,
                            [&](const PageViewer& viewer, registry::Database& db) {
                              return SelfCheckFormPage(viewer, db, http::status::ok, "");
                            });
}

HttpResponse StartSelfCheckPage(const RouteRequest& route, const SelfCheckAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database& db) {
        const FormFields posted = ParseFormFields(route.request.body());
        const std::optional<std::int64_t> site_id =
            ParseRecordId(posted.Get("site_id").value_or(""));
        if (!site_id) return ErrorPage(viewer, http::status::not_found);
        const SelfCheckStart start = StartSiteSelfCheck(access, *viewer.actor, db, *site_id);
        switch (start.status) {
          case http::status::accepted:
            return SeeOther(route, "/self-checks/" + std::to_string(start.job_id));
          case http::status::not_found:
            return ErrorPage(viewer, http::status::not_found);
          case http::status::too_many_requests: {
            HttpResponse response =
                SelfCheckFormPage(viewer, db, http::status::too_many_requests,
                                  viewer
                                      .F(WebText::kTooManySelfChecks,
                                         std::max<std::int64_t>(1, start.retry_after.count()))
                                      .html());
            response.set(http::field::retry_after,
                         std::to_string(std::max<std::int64_t>(1, start.retry_after.count())));
            return response;
          }
          case http::status::conflict:
            return SelfCheckFormPage(viewer, db, http::status::conflict,
                                     viewer.T(WebText::kNoCheckableSites));
          default:
            return SelfCheckFormPage(viewer, db, start.status,
                                     HtmlEscape(start.refusal.message(viewer.language)));
        }
      });
}

// "第 3 页缺少网站标识；网页标题与注册的网站名称不一致" / "Page 3 has no website badge; ...".
std::string PageSentence(const PageViewer& viewer, std::size_t number,
                         const ordered_json& problems) {
  const bool chinese = viewer.language == ReportLanguage::kChinese;
  std::string sentence = viewer.FText(WebText::kPageNumbered, number);
  bool first = true;
  for (const auto& code : problems) {
    if (!code.is_string()) continue;
    sentence += first ? (chinese ? "" : " ") : (chinese ? "；" : "; ");
    sentence += PageProblemPhrase(code.get<std::string>(), viewer.language);
    first = false;
  }
  return sentence;
}

std::string ReportHtml(const PageViewer& viewer, const SelfCheckJob& job) {
  const ordered_json& report = job.report;
  const ordered_json pages = report.value("pages", ordered_json::array());
  const int pages_failed = report.value("pages_failed", 0);
  const int pages_total = report.value("pages_total", 0);
  std::string html;
  if (report.value("verdict", "") == "pass") {
    html += fmt::format("<p class=\"message ok\">{}</p>\n", viewer.T(WebText::kSelfCheckPass));
  } else {
    html += fmt::format("<p class=\"message error\">{}</p>\n",
                        viewer.F(WebText::kSelfCheckFail, pages_failed, pages_total).html());
  }
  std::string failing;
  std::string passing;
  std::size_t passing_count = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const ordered_json& page = pages[i];
    const std::string url = page.value("url", "");
    const bool home = page.value("home", false);
    const std::string home_tag = home ? fmt::format(" <span class=\"pill neutral\">{}</span>",
                                                    viewer.T(WebText::kHomePageTag))
                                      : "";
    if (page.value("verdict", "") == "pass") {
      ++passing_count;
      passing += fmt::format(
          "<li class=\"pass\"><div class=\"says\">{}{}</div>"
          "<div class=\"url\">{}</div></li>\n",
          viewer.F(WebText::kPageNumbered, i + 1).html(), home_tag, foundation::UrlLinkHtml(url));
      continue;
    }
    const ordered_json problems = page.value("problems", ordered_json::array());
    std::string detail;
    if (page.contains("detail") && page["detail"].is_string()) {
      detail = fmt::format("<div class=\"muted\">{}</div>",
                           HtmlEscape(page["detail"].get<std::string>()));
    }
    failing += fmt::format(
        "<li class=\"fail\"><div class=\"says\">{}{}</div><div class=\"url\">{}</div>{}</li>\n",
        HtmlEscape(PageSentence(viewer, i + 1, problems)), home_tag, foundation::UrlLinkHtml(url),
        detail);
  }
  if (!failing.empty()) html += "<ol class=\"pages\" id=\"failing-pages\">\n" + failing + "</ol>\n";
  const ordered_json dead_links = report.value("dead_links", ordered_json::array());
  if (!dead_links.empty()) {
    html +=
        fmt::format("<p class=\"message warning\">{}</p>\n<ul class=\"pages\" id=\"dead-links\">\n",
                    viewer.F(WebText::kSelfCheckDeadLinks, dead_links.size()).html());
    for (const ordered_json& dead : dead_links) {
      const ordered_json from = dead.value("linked_from", ordered_json(nullptr));
      html += fmt::format("<li class=\"warning\"><div class=\"url\">{} (HTTP {})</div>{}</li>\n",
                          foundation::UrlLinkHtml(dead.value("url", "")), dead.value("status", 0),
                          from.is_string()
                              ? fmt::format("<div class=\"muted\">← {}</div>",
                                            foundation::UrlLinkHtml(from.get<std::string>()))
                              : "");
    }
    html += "</ul>\n";
  }
  if (passing_count > 0) {
    html += fmt::format(
        "<details><summary>{}</summary>\n<ol class=\"pages\" id=\"passing-pages\">\n{}</ol>"
        "</details>\n",
        viewer.F(WebText::kPagesPassing, passing_count).html(), passing);
  }
  return html;
}

HttpResponse SelfCheckResultPage(const RouteRequest& route, const SelfCheckAccess& access) {
  return WithSignedInViewer(
      route, access.registry, [&](const PageViewer& viewer, registry::Database&) {
        const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
        std::optional<SelfCheckJob> job;
        if (id) job = access.jobs->Find(*id);
        if (!job || !MaySeeSelfCheck(*viewer.actor, *job)) {
          return ErrorPage(viewer, http::status::not_found);
        }
        std::string body = fmt::format(
            "<section>\n<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n",
            viewer.T(WebText::kSiteName), HtmlEscape(job->request.name),
            viewer.T(WebText::kStartedUrl), foundation::UrlLinkHtml(job->request.url));
        PageContent content{viewer.FText(WebText::kSelfCheckNumber, job->id), "", 0};
        if (job->state == "running") {
          body += fmt::format("<p class=\"message info\" id=\"self-check-running\">{}</p>\n",
                              viewer.T(WebText::kSelfCheckRunning));
          content.refresh_seconds = kRefreshSeconds;
        } else if (job->state == "failed") {
          body += fmt::format("<p class=\"message error\">{}</p>\n",
                              viewer.F(WebText::kSelfCheckFailed, job->error).html());
        } else {
          body += ReportHtml(viewer, *job);
        }
        content.body_html = body + "</section>\n";
        return HtmlPage(viewer, http::status::ok, content);
      });
}

}  // namespace

void AddSelfCheckPages(RequestRouter& router, const SelfCheckAccess& access) {
  router.Add(http::verb::get, "/self-checks",
             [&access](const RouteRequest& route) { return SelfCheckForm(route, access); });
  router.Add(http::verb::post, "/self-checks",
             [&access](const RouteRequest& route) { return StartSelfCheckPage(route, access); });
  router.Add(http::verb::get, "/self-checks/{id}",
             [&access](const RouteRequest& route) { return SelfCheckResultPage(route, access); });
}

}  // namespace badgewatch::api
