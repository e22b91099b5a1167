// The parts of an absolute http(s) URL the crawler routes by, read with
// libcurl's URL API. It does not normalise: links reach the crawler already
// normalised by its page handler. Pure; any thread.
#ifndef BADGEWATCH_CRAWLER_URL_PARTS_H_
#define BADGEWATCH_CRAWLER_URL_PARTS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "crawler/result.h"

namespace badgewatch::crawler {

struct UrlParts {
  std::string scheme;      // "http" or "https"
  std::string host;        // as in the URL; IPv6 literals in brackets
  std::uint16_t port = 0;  // explicit or the scheme's default
  std::string path;        // "/" at least
  std::string query;       // without '?'; empty when absent

  // "https://host:443": the robots.txt scope.
  [[nodiscard]] std::string Origin() const;
  // path plus "?query" when there is one: what robots rules match.
  [[nodiscard]] std::string PathAndQuery() const;
};

// Fails for anything but an absolute http or https URL with a host.
[[nodiscard]] Result<UrlParts> ParseUrl(std::string_view url);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_URL_PARTS_H_
