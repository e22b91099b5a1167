// Turns the href/src values of one page into absolute, normalised http(s) URLs
// with libcurl's URL API (no network). One LinkResolver per page; not
// thread-safe, but independent instances may run on different threads.
//
// Example:
//   LinkResolver links("https://WWW.example.gov.cn:443/a/b.html", "");
//   links.Resolve("../c.html#top") == "https://www.example.gov.cn/c.html"
#ifndef BADGEWATCH_VERIFIER_LINK_RESOLUTION_H_
#define BADGEWATCH_VERIFIER_LINK_RESOLUTION_H_

#include <optional>
#include <string>
#include <string_view>

namespace badgewatch::verifier {

class LinkResolver {
 public:
  // `page_url` is the page's own URL (may be empty for a saved file);
  // `base_href` the first <base href> of the page (may be empty or relative,
  // resolved against page_url as browsers do).
  LinkResolver(std::string_view page_url, std::string_view base_href);

  // The absolute URL a link points to: scheme and host lower-case, IDN hosts
  // in punycode, default port dropped, dot segments removed, spaces and
  // non-ASCII percent-encoded, percent-escapes upper-case, fragment dropped.
  // nullopt for links that are not pages to crawl: javascript:, mailto:, tel:,
  // data: and other non-http(s) schemes, fragment-only links, unparsable URLs,
  // and relative links when there is no absolute base to resolve them against.
  [[nodiscard]] std::optional<std::string> Resolve(std::string_view href) const;

  // The absolute base links are resolved against; empty when there is none.
  [[nodiscard]] const std::string& base() const { return base_url_; }

 private:
  // The RFC 3986 merge of a reference with the base, before curl parses the
  // result (curl removes dot segments and checks everything else).
  [[nodiscard]] std::string Merge(std::string_view reference) const;
  void SetBase(std::string url);  // a normalised absolute http(s) URL

  std::string base_url_;            // normalised, no fragment
  std::string base_scheme_;         // "http" / "https"
  std::string base_origin_;         // "https://host:port"
  std::string base_dir_;            // base_url_ up to and including the last '/' of the path
  std::string base_without_query_;  // base_url_ without its query
};

// Normalises one absolute http(s) URL as LinkResolver::Resolve does; nullopt
// when it is not an absolute http(s) URL.
[[nodiscard]] std::optional<std::string> NormalizeHttpUrl(std::string_view url);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_LINK_RESOLUTION_H_
