// The WHATWG URL Standard's parser and serialiser for http and https URLs,
// the one reading of links that the verifier and the crawler share: what a
// browser does with an href, including its quirks (backslashes, one-slash and
// no-slash schemes, tabs and newlines, the query in the page's encoding,
// IPv4 in hex and octal, IDNA hosts). Other schemes are failures: this
// parser is for pages to fetch. Pure; any thread.
//
// Example:
//   std::optional<HttpUrl> base = ParseHttpUrl("http://www.example.gov.cn/a/b.html");
//   ParseHttpUrl("\\xxgk\\c.html", &*base)->Serialize()
//       == "http://www.example.gov.cn/xxgk/c.html"
//   ParseHttpUrl("/search.jsp?keyword=政务", &*base, "gbk")->query == "keyword=%D5%FE%CE%F1"
#ifndef BADGEWATCH_FOUNDATION_WHATWG_URL_H_
#define BADGEWATCH_FOUNDATION_WHATWG_URL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace badgewatch::foundation {

// A parsed http(s) URL, each part in its serialised (percent-encoded) form.
struct HttpUrl {
  std::string scheme;  // "http" or "https"
  std::string username;
  std::string password;
  std::string host;                     // ASCII: a domain, dotted IPv4, or "[v6]"
  std::optional<std::uint16_t> port;    // nullopt for none or the scheme's default
  std::string path;                     // "/" at least
  std::optional<std::string> query;     // without '?'
  std::optional<std::string> fragment;  // without '#'

  // The href: "https://host:8443/path?query#fragment".
  [[nodiscard]] std::string Serialize(bool exclude_fragment = false) const;
  // The port in use: explicit, else 80 or 443.
  [[nodiscard]] std::uint16_t PortOrDefault() const;
};

// Parses `input` (UTF-8, as an attribute value reads) against `base` (null
// for none) as the URL Standard's basic URL parser does. `encoding` is the
// WHATWG name of the document's encoding ("utf-8", "gbk", "gb18030", ...):
// the query is encoded in it (non-UTF-8 encodings the converter cannot open
// fall back to UTF-8; characters it cannot encode become "&#N;", percent-
// encoded). Returns nullopt for a failure (a bad host, port, IPv4 or IPv6
// address), for a scheme other than http(s), and for a relative reference
// without a base.
[[nodiscard]] std::optional<HttpUrl> ParseHttpUrl(std::string_view input,
                                                  const HttpUrl* base = nullptr,
                                                  std::string_view encoding = "utf-8");

// The URL Standard's host parser for a special scheme, on a host as written
// (percent-escapes and Unicode allowed): the serialised ASCII host, or
// nullopt for a failure. Exposed for tests and for callers that hold a host
// alone.
[[nodiscard]] std::optional<std::string> ParseSpecialHost(std::string_view host);

}  // namespace badgewatch::foundation

#endif  // BADGEWATCH_FOUNDATION_WHATWG_URL_H_
