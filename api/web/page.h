// The frame of every web page: the language (`?lang=` then the `bw_lang`
// cookie, Chinese by default), the signed-in viewer (AuthenticateCaller: the
// session cookie or a bearer token), the layout around a page's content, the
// security headers (CSP without inline script, no framing, no sniffing, no
// referrer), and the redirect and error pages. Any worker thread.
//
// Example:
//   return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db)
//   {
//     return HtmlPage(viewer, http::status::ok, {viewer.T(WebText::kMySites), body_html});
//   });
#ifndef BADGEWATCH_API_WEB_PAGE_H_
#define BADGEWATCH_API_WEB_PAGE_H_

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/request_auth.h"
#include "api/web/messages.h"
#include "foundation/html_markup.h"
#include "registry/accounts.h"
#include "registry/divisions.h"
#include "registry/units.h"

namespace badgewatch::api {

// Who looks at a page, in which language.
struct PageViewer {
  const RouteRequest* route = nullptr;
  ReportLanguage language = ReportLanguage::kChinese;
  std::optional<registry::Actor> actor;  // nullopt: not signed in
  // The kind of a unit viewer's unit, which names its menus (党政机关 apply
  // for 网站开办审核/资质复核, the others for 标识申请); nullopt for staff.
  std::optional<registry::UnitKind> unit_kind;
  std::string csrf_token;  // of the session; empty for bearer callers
  // A regional reviewer's office by name (浙江省机构编制委员会办公室); empty
  // for the others, or when the division is unknown.
  std::string office_name;

  [[nodiscard]] std::string_view T(WebText text) const { return WebMessage(text, language); }
  // A message with "{}" placeholders, filled, as markup: the message and
  // every text argument are escaped, a Markup argument is taken as it is.
  template <typename... Args>
  [[nodiscard]] foundation::Markup F(WebText text, const Args&... args) const {
    return Fill(T(text), args...);
  }
  // The same for a message of another table (domain_messages.h, ...).
  template <typename... Args>
  [[nodiscard]] foundation::Markup Fill(std::string_view message, const Args&... args) const {
    return foundation::Markup::Trusted(
        fmt::format(fmt::runtime(foundation::HtmlEscape(message)), EscapedArgument(args)...));
  }
  // The same message as plain text (arguments not escaped), for a place that
  // escapes what it is given: a page's title, a sentence escaped later.
  template <typename... Args>
  [[nodiscard]] std::string FText(WebText text, const Args&... args) const {
    return fmt::format(fmt::runtime(T(text)), args...);
  }

 private:
  template <typename Arg>
  static decltype(auto) EscapedArgument(const Arg& arg) {
    if constexpr (std::is_same_v<Arg, foundation::Markup>) {
      return arg.html();
    } else if constexpr (std::is_convertible_v<const Arg&, std::string_view>) {
      return foundation::HtmlEscape(arg);
    } else {
      static_assert(std::is_arithmetic_v<Arg>, "a message argument is text, Markup or a number");
      return arg;
    }
  }
};

struct PageContent {
  std::string title;        // plain text; the layout escapes it
  std::string body_html;    // markup, every text in it already escaped
  int refresh_seconds = 0;  // > 0: the page reloads itself after that long
};

// `next` when it is a path on this site, else "/": where a login may send the
// browser. A path starts with exactly one `/` (not "//host" or "/\host"), and
// holds no control character or whitespace; the same holds after
// percent-decoding ("/%2F%2Fhost", "/%09/host" are refused).
[[nodiscard]] std::string LocalPath(std::string_view next);

// A viewer nobody has signed in as.
[[nodiscard]] PageViewer AnonymousViewer(const RouteRequest& route);

// The page in the layout, with the security headers; a `?lang=` choice is
// remembered in the `bw_lang` cookie.
[[nodiscard]] HttpResponse HtmlPage(const PageViewer& viewer, http::status status,
                                    const PageContent& content);

// A print-ready document of the registry (its own inline stylesheet, no
// script) with the security headers, its CSP allowing only inline styles.
[[nodiscard]] HttpResponse PrintDocument(const RouteRequest& route, std::string html);

// 303 See Other to `location` (a local path), with the security headers.
[[nodiscard]] HttpResponse SeeOther(const RouteRequest& route, std::string_view location);

// The page for 400, 403, 404 or any other error status; `detail_html`
// (escaped) replaces the status's standard sentence when not empty.
[[nodiscard]] HttpResponse ErrorPage(const PageViewer& viewer, http::status status,
                                     std::string_view detail_html = "");

// "上一页 · 第 2 页，共 3 页 · 下一页" under a list of `pages` screens, the
// ends without links; each link is `target` (a path and query ending in "?"
// or "&", escaped here) followed by "page=N". Empty for a single screen.
[[nodiscard]] std::string PagerHtml(const PageViewer& viewer, std::string_view target,
                                    std::int64_t page, std::int64_t pages);

// <p class="message KIND" role="status">HTML</p> (KIND ok, info, warning or
// error; HTML already escaped); empty when `html` is.
[[nodiscard]] std::string StatusMessageHtml(std::string_view kind, std::string_view html);

// The hidden `csrf_token` field every form that posts carries.
[[nodiscard]] std::string CsrfField(const PageViewer& viewer);

// The page answering a refused caller: 303 to /login?next=<this path> when
// not signed in (401), else the error page of the refusal's status.
[[nodiscard]] HttpResponse RefusedPage(const PageViewer& viewer, const HttpResponse& refusal);

// Runs `respond(viewer, db)` for a signed-in viewer with a reader
// connection; otherwise RefusedPage().
template <typename Respond>
[[nodiscard]] HttpResponse WithSignedInViewer(const RouteRequest& route,
                                              const RegistryAccess& access, Respond&& respond) {
  PageViewer viewer = AnonymousViewer(route);
  bool signed_in = false;
  HttpResponse response =
      WithAuthenticatedCaller(route, access, [&](const Caller& caller, registry::Database& db) {
        signed_in = true;
        viewer.actor = caller.actor;
        viewer.csrf_token = caller.csrf_token;
        if (caller.actor && caller.actor->role == registry::Role::kRegional) {
          if (Result<std::string> office = registry::OfficeName(db, caller.actor->office_code)) {
            viewer.office_name = *office;
          }
        }
        if (caller.actor && caller.actor->role == registry::Role::kUnit) {
          if (Result<registry::Unit> unit = registry::LoadUnit(db, caller.actor->unit_id)) {
            viewer.unit_kind = unit->fields.kind;
          }
        }
        return std::forward<Respond>(respond)(std::as_const(viewer), db);
      });
  return signed_in ? response : RefusedPage(viewer, response);
}

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_PAGE_H_
