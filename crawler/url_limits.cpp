#include "crawler/url_limits.h"

#include <string>
#include <unordered_map>

namespace badgewatch::crawler {

Status CheckUrlLimits(std::string_view url, const UrlLimits& limits) {
  if (url.size() > limits.max_length) {
    return Status(StatusCode::kInvalidArgument,
                  "URL longer than " + std::to_string(limits.max_length) + " characters");
  }
  // The path: after "scheme://host", up to '?' or '#'.
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return Status::Ok();
  std::string_view path = url.substr(start);
  path = path.substr(0, path.find_first_of("?#"));
  std::unordered_map<std::string_view, std::size_t> counts;
  std::size_t depth = 0;
  while (!path.empty()) {
    path.remove_prefix(1);  // the '/'
    const std::size_t end = std::min(path.find('/'), path.size());
    const std::string_view segment = path.substr(0, end);
    path.remove_prefix(end);
    if (segment.empty()) continue;
    if (++depth > limits.max_depth) {
      return Status(StatusCode::kInvalidArgument,
                    "path deeper than " + std::to_string(limits.max_depth) + " segments");
    }
    if (++counts[segment] > limits.max_repeats) {
      return Status(StatusCode::kInvalidArgument,
                    "path segment '" + std::string(segment) + "' repeated more than " +
                        std::to_string(limits.max_repeats) + " times");
    }
  }
  return Status::Ok();
}

}  // namespace badgewatch::crawler
