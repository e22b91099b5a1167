// What the verifier decides about one page, and what it is told about the page
// beforehand. Plain values; safe to move between threads.
#ifndef BADGEWATCH_VERIFIER_PAGE_REPORT_H_
#define BADGEWATCH_VERIFIER_PAGE_REPORT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verifier/badge_snippet.h"
#include "verifier/footer_identifiers.h"

namespace badgewatch::verifier {

// The home page's title must equal the registered name; an inner page's may
// also carry it as one segment, and a mismatch there is only a warning.
enum class PageRole { kHome, kInner };

// What is known about a page before it is read.
struct PageExpectation {
  std::string registered_name;  // the site's registered name (网站名称); required
  std::string badge_id;         // the unit's own badge id; empty: not checked
  PageRole role = PageRole::kHome;
  std::string url;           // the page's URL; empty for a saved file (no links resolved
                             // against it, no mixed-content check)
  std::string content_type;  // the HTTP Content-Type header; empty if unknown
  // Links (and, apart, scripts) kept per page; the hrefs past them are only
  // counted (PageReport::links_over_limit), so a page of a million links
  // costs no more than one of this many.
  std::size_t max_links = 10000;
};

// The ways a badge can be present in a page.
enum class BadgeForm {
  kScript,         // <script src="//dcs.conac.cn/js/.../CA....js">
  kDocumentWrite,  // <script>document.write(unescape("...<script src=...>..."))</script>
  kStaticCopy,     // a saved copy of the rendered badge: image and link, no script
  kMirror,         // a script from an offline copy of dcs.conac.cn on the site's own host
};
[[nodiscard]] std::string_view BadgeFormName(BadgeForm form);  // "script", "document-write", ...

// Where a badge sits relative to the page's structure.
enum class PagePlacement {
  kBody,       // inside <body>, before the page's </body> end tag: where it belongs
  kHead,       // inside <head>
  kAfterBody,  // after the last </body> end tag (the parser moves it back into the body)
  kAfterHtml,  // after the first </html> end tag
  kOutside,    // anywhere else (a frameset page, a <template>)
};
[[nodiscard]] std::string_view PagePlacementName(PagePlacement placement);  // "body", "head", ...

struct FoundBadge {
  std::string id;  // CA + 21 digits; empty when the snippet carries none (static copy)
  BadgeForm form = BadgeForm::kScript;
  BadgeScheme scheme = BadgeScheme::kHttps;
  PagePlacement placement = PagePlacement::kBody;
  bool well_formed = true;  // path digits agree with the id (always true for static copies)
  // Where the element that carries the badge starts, in the page decoded to UTF-8:
  // byte offset, and 1-based line and column.
  std::size_t source_offset = 0;
  unsigned line = 0;
  unsigned column = 0;
};

// <meta name="SiteName|SiteDomain|SiteIDCode" content="...">, the first of each.
struct SiteMeta {
  std::optional<std::string> site_name;
  std::optional<std::string> site_domain;
  std::optional<std::string> site_id_code;
};

enum class Verdict { kPass, kFail };
[[nodiscard]] std::string_view VerdictName(Verdict verdict);  // "pass" / "fail"

struct PageReport {
  Verdict verdict = Verdict::kFail;
  std::vector<std::string> problems;   // failure codes (problem_codes.h), in canonical order
  std::vector<std::string> warnings;   // warning codes
  std::string encoding;                // the decoder used ("utf-8", "gb18030", ...)
  std::string encoding_source;         // "bom", "http", "meta", "sniffed"
  std::optional<std::string> title;    // the first <title>, normalised; nullopt when absent
  std::vector<std::string> badge_ids;  // distinct ids of every badge found, in page order
  std::vector<FoundBadge> badges;      // every badge found, in page order
  std::vector<std::string> links;      // absolute http(s) URLs, normalised, distinct, page order
  // Scripts the page loads (executable <script src>, badges excepted), resolved
  // like links: where a badge injected by the site's own script comes from.
  std::vector<std::string> scripts;
  // Links not followed: hrefs and script sources past
  // PageExpectation::max_links, and links past the element limit.
  std::size_t links_over_limit = 0;
  SiteMeta site_meta;
  Identifiers identifiers;
  // True when the markup nested deeper than the parser limit and the excess
  // tags were read as text (a hostile or broken page).
  bool nesting_truncated = false;
  // True when the page opened more elements than the parser limit (50,000)
  // and the excess tags were read as text; their links count in
  // links_over_limit.
  bool elements_truncated = false;
};

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_PAGE_REPORT_H_
