#include "crawler/url_parts.h"

#include "foundation/whatwg_url.h"

namespace badgewatch::crawler {

std::string UrlParts::Origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

std::string UrlParts::PathAndQuery() const { return query.empty() ? path : path + "?" + query; }

Result<UrlParts> ParseUrl(std::string_view url) {
  const std::optional<foundation::HttpUrl> parsed = foundation::ParseHttpUrl(url);
  if (!parsed)
    return Status(StatusCode::kInvalidArgument,
                  "not an http(s) URL the URL Standard accepts: '" + std::string(url) + "'");
  UrlParts parts;
  parts.scheme = parsed->scheme;
  parts.host = parsed->host;
  parts.port = parsed->PortOrDefault();
  parts.path = parsed->path;
  parts.query = parsed->query.value_or("");
  return parts;
}

}  // namespace badgewatch::crawler
