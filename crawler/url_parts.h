// The parts of an absolute http(s) URL the crawler routes by, read with the
// WHATWG URL parser the verifier uses for links (foundation/whatwg_url.h), so
// both read a URL alike. Pure; any thread.
#ifndef BADGEWATCH_CRAWLER_URL_PARTS_H_
#define BADGEWATCH_CRAWLER_URL_PARTS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "foundation/status.h"

namespace badgewatch::crawler {

struct UrlParts {
  std::string scheme;      // "http" or "https"
  std::string host;        // ASCII, lower-case; IPv6 literals in brackets
  std::uint16_t port = 0;  // explicit or the scheme's default
  std::string path;        // "/" at least
  std::string query;       // without '?'; empty when absent

  // "https://host:443": the robots.txt scope.
  [[nodiscard]] std::string Origin() const;
  // path plus "?query" when there is one: what robots rules match.
  [[nodiscard]] std::string PathAndQuery() const;
};

// Fails for anything but an absolute http or https URL with a host that the
// URL Standard accepts.
[[nodiscard]] Result<UrlParts> ParseUrl(std::string_view url);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_URL_PARTS_H_
