// Spider-trap limits on one URL: its length, its path depth and path segments
// repeated over and over (/a/b/a/b/a/...). Pure; any thread.
#ifndef BADGEWATCH_CRAWLER_URL_LIMITS_H_
#define BADGEWATCH_CRAWLER_URL_LIMITS_H_

#include <cstddef>
#include <string_view>

#include "foundation/status.h"

namespace badgewatch::crawler {

struct UrlLimits {
  std::size_t max_length = 2083;  // characters of the whole URL
  std::size_t max_depth = 20;     // non-empty path segments
  std::size_t max_repeats = 2;    // occurrences of one segment; more is a trap
};

// Ok for a URL within the limits; otherwise why it is a trap
// ("path segment 'a' repeated 3 times").
[[nodiscard]] Status CheckUrlLimits(std::string_view url, const UrlLimits& limits);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_URL_LIMITS_H_
