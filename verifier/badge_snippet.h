// Recognition of the CONAC badge snippet inside one script: the script URL
// `{http:|https:|}//dcs.conac.cn/js/{P2}/{C3}/{D4}/{N8}/CA{21 digits}.js`, and
// the `document.write(unescape("%3Cscript src=...%3E"))` form. Pure functions,
// safe on any thread; they see strings, never the page tree.
//
// Example:
//   auto url =
//   ParseBadgeScriptUrl("//DCS.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js");
//   // url->id == "CA330000000604333780001", url->well_formed, scheme kProtocolRelative
#ifndef BADGEWATCH_VERIFIER_BADGE_SNIPPET_H_
#define BADGEWATCH_VERIFIER_BADGE_SNIPPET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::verifier {

// How the badge script is addressed.
enum class BadgeScheme {
  kHttp,              // http://dcs.conac.cn/...
  kHttps,             // https://dcs.conac.cn/...
  kProtocolRelative,  // //dcs.conac.cn/... (takes the page's scheme)
  kRelative,          // ../../dcs.conac.cn/js/... on the site's own host (an offline mirror)
};

// "http", "https", "protocol-relative", "relative".
[[nodiscard]] std::string_view BadgeSchemeName(BadgeScheme scheme);

struct BadgeScriptUrl {
  BadgeScheme scheme = BadgeScheme::kHttps;
  // "CA" + 21 digits taken from the file name, upper-case "CA"; empty when the
  // file name is not of that shape.
  std::string id;
  // The path is /js/{2}/{3}/{4}/{8}/CA{21}.js and its four segments repeat the
  // first 17 digits of the id. False for any other shape under /js/.
  bool well_formed = false;
};

// Classifies a script `src` value. Returns nullopt when it does not refer to
// the CONAC badge script at all (another host, or dcs.conac.cn outside /js/).
// Accepts any letter case in scheme and host, surrounding ASCII whitespace, an
// explicit default port, a query string. A relative path that contains
// "dcs.conac.cn/js/" is returned with scheme kRelative (never well-formed).
[[nodiscard]] std::optional<BadgeScriptUrl> ParseBadgeScriptUrl(std::string_view src);

// True when `src` is an image of the rendered badge: dcs.conac.cn/image/*.png
// (any scheme, or a relative offline-mirror path to it).
[[nodiscard]] bool IsRenderedBadgeImageUrl(std::string_view src);

// True when `href` links to CONAC's badge status page host bszs.conac.cn.
[[nodiscard]] bool IsBadgeStatusLink(std::string_view href);

// JavaScript's unescape(): %XX and %uXXXX are decoded (a %uXXXX code unit is
// written as UTF-8; unpaired surrogates become U+FFFD); anything else, such as
// a broken "%3" or "%zz", is kept as it is.
[[nodiscard]] std::string UnescapeJs(std::string_view escaped);

// A badge script URL written into the page by an inline script's
// document.write / document.writeln call.
struct WrittenScriptSrc {
  std::string src;         // the src attribute value as written
  std::size_t offset = 0;  // byte offset of the document.write call in the script text
};

// Scans an inline script's text as JavaScript (skipping // and /* */ comments
// and strings outside the call) for document.write(...) / document.writeln(...)
// calls whose argument is made of string literals, optionally wrapped in
// unescape(...) and joined with '+', and returns the src of every <script>
// tag that argument writes. Strings elsewhere (a variable, a jQuery append)
// and calls inside comments are not returned: they are not the live badge.
[[nodiscard]] std::vector<WrittenScriptSrc> FindDocumentWriteScriptSrcs(std::string_view script);

// The badge a site's own JavaScript file adds to the pages that load it:
// the well-formed badge script URL it writes with document.write, or names
// in a string literal (e.g. `s.src = "https://dcs.conac.cn/js/...js"`).
// Returns its id; nullopt when the script carries no badge.
[[nodiscard]] std::optional<std::string> FindInjectedBadgeId(std::string_view script);

// The first "CA" + 21 digits in `text` (e.g. the id printed under a static copy
// of the badge); empty when none.
[[nodiscard]] std::string FindBadgeIdText(std::string_view text);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_BADGE_SNIPPET_H_
