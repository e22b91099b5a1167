// Turns the href/src values of one page into absolute http(s) URLs as a
// browser reads them: the WHATWG URL parser of foundation/whatwg_url.h, the
// query in the page's encoding (no network). One LinkResolver per page; not
// thread-safe, but independent instances may run on different threads. A
// NormalizedUrlCache shared by the pages one thread resolves lets the links
// that every page of a site repeats be parsed once.
//
// Example:
//   LinkResolver links("https://WWW.example.gov.cn:443/a/b.html", "");
//   links.Resolve("../c.html#top") == "https://www.example.gov.cn/c.html"
//   links.Resolve("\\xxgk\\d.html") == "https://www.example.gov.cn/xxgk/d.html"
#ifndef BADGEWATCH_VERIFIER_LINK_RESOLUTION_H_
#define BADGEWATCH_VERIFIER_LINK_RESOLUTION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "foundation/whatwg_url.h"

namespace badgewatch::verifier {

// Links already resolved, keyed by what decides the result (the resolver
// keys them by page encoding, base URL and href: resolving is a pure function
// of the three, so a hit gives what parsing again would). Holds at most
// `capacity_bytes` of URLs (a page's odd megabyte-long data: URL included) and
// starts afresh when full. One thread at a time.
class NormalizedUrlCache {
 public:
  explicit NormalizedUrlCache(std::size_t capacity_bytes = 1024 * 1024)
      : capacity_bytes_(capacity_bytes) {}

  // The result for `absolute` (a key), from the cache or from `normalize`.
  template <typename Normalize>
  [[nodiscard]] std::optional<std::string> Get(const std::string& absolute, Normalize normalize) {
    if (const auto it = entries_.find(absolute); it != entries_.end()) return it->second;
    std::optional<std::string> normal = normalize(absolute);
    const std::size_t bytes = absolute.size() + (normal ? normal->size() : 0);
    if (bytes > capacity_bytes_) return normal;
    if (bytes_ + bytes > capacity_bytes_) {
      entries_.clear();
      bytes_ = 0;
    }
    entries_.emplace(absolute, normal);
    bytes_ += bytes;
    return normal;
  }

 private:
  std::unordered_map<std::string, std::optional<std::string>> entries_;
  std::size_t bytes_ = 0;  // of the keys and values held
  std::size_t capacity_bytes_;
};

class LinkResolver {
 public:
  // `page_url` is the page's own URL (may be empty for a saved file);
  // `base_href` the first <base href> of the page (may be empty or relative,
  // resolved against page_url as browsers do). `cache`, when given, must
  // outlive the resolver and is used by no other thread meanwhile.
  // `encoding` is the WHATWG name of the page's encoding: queries are
  // encoded in it, as browsers do ("gbk": "?q=政务" -> "?q=%D5%FE%CE%F1").
  LinkResolver(std::string_view page_url, std::string_view base_href,
               NormalizedUrlCache* cache = nullptr, std::string_view encoding = "utf-8");

  // The absolute URL a link points to, as the WHATWG URL Standard parses it
  // against the base (scheme and host lower-case, IDN hosts in punycode,
  // default port dropped, dot segments removed, backslashes read as slashes,
  // what must be percent-encoded encoded per component), fragment dropped.
  // nullopt for links that are not pages to crawl: javascript:, mailto:, tel:,
  // data: and other non-http(s) schemes, fragment-only links, URLs the
  // standard fails (bad host, port or IP address), and relative links when
  // there is no absolute base to resolve them against.
  [[nodiscard]] std::optional<std::string> Resolve(std::string_view href) const;

  // The absolute base links are resolved against; empty when there is none.
  [[nodiscard]] const std::string& base() const { return base_url_; }

 private:
  // Resolves against base_ (if any) through the cache, if there is one.
  [[nodiscard]] std::optional<std::string> ResolveClean(std::string_view href) const;

  NormalizedUrlCache* cache_;  // may be null
  std::string encoding_;
  std::optional<foundation::HttpUrl> base_;
  std::string base_url_;  // base_ serialised, no fragment; empty when there is none
};

// Normalises one absolute http(s) URL as LinkResolver::Resolve does; nullopt
// when it is not an absolute http(s) URL.
[[nodiscard]] std::optional<std::string> NormalizeHttpUrl(std::string_view url);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_LINK_RESOLUTION_H_
