#include "api/web/page.h"

#include <algorithm>
#include <boost/beast/core/string.hpp>

#include "api/service/session_cookie.h"
#include "api/web/account_messages.h"
#include "foundation/html_markup.h"
#include "registry/divisions.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using registry::Role;

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

void SetSecurityHeaders(HttpResponse& response) {
  response.set("Content-Security-Policy", boost::beast::string_view(kContentSecurityPolicy.data(),
                                                                    kContentSecurityPolicy.size()));
  response.set("X-Frame-Options", "DENY");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set(http::field::cache_control, "no-store");
}

std::string_view LanguageCode(ReportLanguage language) {
  return language == ReportLanguage::kChinese ? "zh" : "en";
}

// The current path and query with `lang` replaced by `language`.
std::string SwitchLanguageHref(const RouteRequest& route, ReportLanguage language) {
  std::string href = route.path + "?lang=" + std::string(LanguageCode(language));
  for (const auto& [name, value] : route.query.fields()) {
    if (name == "lang") continue;
    href += "&" + PercentEncode(name) + "=" + PercentEncode(value);
  }
  return href;
}

std::string RoleLabel(const PageViewer& viewer) {
  const registry::Actor& actor = *viewer.actor;
  switch (actor.role) {
    case Role::kUnit:
      return std::string(viewer.T(WebText::kRoleUnit));
    case Role::kRegional:
      return viewer.FText(WebText::kRoleRegional,
                          viewer.office_name.empty() ? actor.region_code : viewer.office_name);
    case Role::kConac:
      return std::string(viewer.T(WebText::kRoleConac));
  }
  return "";
}

struct NavLink {
  std::string_view href;
  WebText text;
  bool in_name_management = false;  // an item of the 网上名称管理 menu
};

// The menus as the procedure names them: a 党政机关 applies under
// 网站开办审核/资质复核申请, the other units under 网上名称管理 › 标识申请; every
// unit finds its badge codes under 网上名称管理 › 标识管理.
std::vector<NavLink> NavLinks(const PageViewer& viewer) {
  if (viewer.actor->role != Role::kUnit) {
    std::vector<NavLink> staff = {{"/review", WebText::kNavReview},
                                  {"/dashboard", WebText::kNavDashboard},
                                  {"/applications", WebText::kNavApplications},
                                  {"/payments", WebText::kNavDomainPayments}};
    // A county's office has no offices below it whose accounts it would manage.
    if (viewer.actor->role == Role::kConac ||
        registry::DivisionLevelOf(viewer.actor->office_code) != registry::DivisionLevel::kCounty) {
      staff.push_back({"/offices/accounts", WebText::kNavReviewerAccounts});
    }
    staff.push_back({"/offices/contact", WebText::kNavOfficeContact});
    return staff;
  }
  std::vector<NavLink> links;
  const bool agency = viewer.unit_kind == registry::UnitKind::kPartyGovernment;
  if (agency) links.push_back({"/applications", WebText::kNavSiteOpening});
  if (!agency) links.push_back({"/applications", WebText::kNavBadgeApplication, true});
  links.push_back({"/", WebText::kNavBadgeManagement, true});
  links.push_back({"/domains/new", WebText::kNavDomainApply, true});
  links.push_back({"/domains", WebText::kNavMyDomains, true});
  links.push_back({"/payments", WebText::kNavDomainPayments, true});
  links.push_back({"/self-checks", WebText::kNavSelfCheck});
  return links;
}

std::string Navigation(const PageViewer& viewer) {
  if (!viewer.actor) return "";
  const std::vector<NavLink> links = NavLinks(viewer);
  // The link of the section this page belongs to: the longest path that
  // is this page's path or a parent of it.
  const std::string& here = viewer.route->path;
  std::string_view current;
  for (const auto& [href, text, grouped] : links) {
    const bool within =
        here == href || (href != "/" && here.size() > href.size() &&
                         here.compare(0, href.size(), href) == 0 && here[href.size()] == '/');
    if (within && href.size() > current.size()) current = href;
  }
  std::string nav = "<nav>";
  bool in_group = false;
  for (const auto& [href, text, grouped] : links) {
    if (grouped != in_group) {
      nav += grouped ? fmt::format("<span class=\"menu\"><span class=\"menu-name\">{}</span>",
                                   viewer.T(WebText::kNavNameManagement))
                     : "</span>";
      in_group = grouped;
    }
    nav += fmt::format("<a href=\"{}\"{}>{}</a>", href,
                       href == current ? " aria-current=\"page\"" : "", viewer.T(text));
  }
  return nav + (in_group ? "</span>" : "") + "</nav>";
}

std::string Header(const PageViewer& viewer) {
  const ReportLanguage other = viewer.language == ReportLanguage::kChinese
                                   ? ReportLanguage::kEnglish
                                   : ReportLanguage::kChinese;
  std::string who;
  if (viewer.actor) {
    who = fmt::format(
        "<span class=\"role\">{}</span><a href=\"/account\" id=\"account-link\">{}</a>"
        "<form method=\"post\" action=\"/logout\" "
        "class=\"inline\">{}<button type=\"submit\" class=\"link\">{}</button></form>",
        viewer.F(WebText::kSignedInAs, RoleLabel(viewer)).html(),
        AccountMessage(AccountText::kAccountLink, viewer.language), CsrfField(viewer),
        viewer.T(WebText::kLogOut));
  }
  return fmt::format(
      "<header class=\"site\"><div class=\"inner\"><a class=\"brand\" href=\"/\">{}</a>{}"
      "<div class=\"who\">{}<a class=\"lang\" href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a>"
      "</div></div></header>\n",
      viewer.T(WebText::kAppName), Navigation(viewer), who,
      HtmlEscape(SwitchLanguageHref(*viewer.route, other)), LanguageTag(other), LanguageTag(other),
      viewer.T(WebText::kOtherLanguage));
}

// The page's language: a valid `?lang=` first, then the `bw_lang` cookie.
ReportLanguage PageLanguage(const RouteRequest& route) {
  if (const auto lang = route.query.Get("lang")) {
    if (const auto language = ParseLanguage(*lang)) return *language;
  }
  if (const auto cookie = CookieValue(route.request, "bw_lang")) {
    if (const auto language = ParseLanguage(*cookie)) return *language;
  }
  return ReportLanguage::kChinese;
}

// A path on this server: one leading `/` not followed by another `/` or a
// `\` (browsers read both as the start of a host), and no control character
// or whitespace anywhere (a TAB or CR/LF is dropped by browsers, or splits a
// header).
bool IsLocalPath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  return std::none_of(path.begin(), path.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
  });
}

}  // namespace

std::string LocalPath(std::string_view next) {
  const bool local = IsLocalPath(next) && IsLocalPath(PercentDecode(next));
  return local ? std::string(next) : "/";
}

PageViewer AnonymousViewer(const RouteRequest& route) {
  PageViewer viewer;
  viewer.route = &route;
  viewer.language = PageLanguage(route);
  return viewer;
}

HttpResponse HtmlPage(const PageViewer& viewer, http::status status, const PageContent& content) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} · {}</title>\n"
      "<link rel=\"stylesheet\" href=\"/static/report.css\">\n"
      "<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
      "<script src=\"/static/app.js\" defer></script>\n",
      LanguageTag(viewer.language), HtmlEscape(content.title), viewer.T(WebText::kAppName));
  if (content.refresh_seconds > 0) {
    html += fmt::format("<meta http-equiv=\"refresh\" content=\"{}\">\n", content.refresh_seconds);
  }
  html += "</head>\n<body>\n" + Header(viewer);
  html +=
      fmt::format("<main>\n<h1>{}</h1>\n{}</main>\n", HtmlEscape(content.title), content.body_html);
  html += fmt::format("<footer>{}</footer>\n</body>\n</html>\n", viewer.T(WebText::kHelpLine));
  HttpResponse response =
      TextResponse(viewer.route->request, status, "text/html; charset=utf-8", std::move(html));
  SetSecurityHeaders(response);
  if (const auto lang = viewer.route->query.Get("lang"); lang && ParseLanguage(*lang)) {
    response.insert(http::field::set_cookie,
                    fmt::format("bw_lang={}; Path=/; Max-Age=31536000; SameSite=Strict",
                                LanguageCode(viewer.language)));
  }
  return response;
}

HttpResponse PrintDocument(const RouteRequest& route, std::string html) {
  HttpResponse response =
      TextResponse(route.request, http::status::ok, "text/html; charset=utf-8", std::move(html));
  SetSecurityHeaders(response);
  response.set("Content-Security-Policy",
               "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
               "base-uri 'none'; form-action 'none'");
  return response;
}

HttpResponse SeeOther(const RouteRequest& route, std::string_view location) {
  HttpResponse response =
      TextResponse(route.request, http::status::see_other, "text/plain; charset=utf-8", "");
  response.set(http::field::location, boost::beast::string_view(location.data(), location.size()));
  SetSecurityHeaders(response);
  return response;
}

HttpResponse ErrorPage(const PageViewer& viewer, http::status status,
                       std::string_view detail_html) {
  WebText title = WebText::kBadRequestTitle;
  WebText text = WebText::kBadRequestTitle;
  switch (status) {
    case http::status::not_found:
      title = WebText::kNotFoundTitle;
      text = WebText::kNotFoundText;
      break;
    case http::status::forbidden:
      title = WebText::kForbiddenTitle;
      text = WebText::kForbiddenText;
      break;
    default:
      if (static_cast<unsigned>(status) >= 500) {
        title = WebText::kServerErrorTitle;
        text = WebText::kServerErrorText;
      }
      break;
  }
  const std::string detail =
      detail_html.empty() ? std::string(viewer.T(text)) : std::string(detail_html);
  return HtmlPage(viewer, status,
                  {std::string(viewer.T(title)),
                   fmt::format("<section class=\"notice\"><p>{}</p><p><a href=\"/\">{}</a></p>"
                               "</section>\n",
                               detail, viewer.T(WebText::kBackHome))});
}

std::string CsrfField(const PageViewer& viewer) {
  return fmt::format("<input type=\"hidden\" name=\"csrf_token\" value=\"{}\">",
                     HtmlEscape(viewer.csrf_token));
}

HttpResponse RefusedPage(const PageViewer& viewer, const HttpResponse& refusal) {
  if (refusal.result() == http::status::unauthorized) {
    const RouteRequest& route = *viewer.route;
    const std::string_view target(route.request.target().data(), route.request.target().size());
    const std::string next =
        route.request.method() == http::verb::get ? std::string(target) : route.path;
    return SeeOther(route, "/login?next=" + PercentEncode(LocalPath(next)));
  }
  return ErrorPage(viewer, refusal.result());
}

std::string PagerHtml(const PageViewer& viewer, std::string_view target, std::int64_t page,
                      std::int64_t pages) {
  if (pages <= 1) return "";
  const auto link = [&](std::int64_t to, WebText label) {
    if (to < 1 || to > pages) {
      return fmt::format("<span class=\"muted\">{}</span>", viewer.T(label));
    }
    return fmt::format("<a href=\"{}page={}\">{}</a>", HtmlEscape(target), to, viewer.T(label));
  };
  return fmt::format(
      "<p class=\"pager\">{} · {} · {}</p>\n", link(page - 1, WebText::kPreviousPage),
      viewer.F(WebText::kPageOfPages, page, pages).html(), link(page + 1, WebText::kNextPage));
}

std::string StatusMessageHtml(std::string_view kind, std::string_view html) {
  if (html.empty()) return "";
  return fmt::format("<p class=\"message {}\" role=\"status\">{}</p>\n", kind, html);
}

}  // namespace badgewatch::api
