#include "crawler/url_parts.h"

#include <curl/curl.h>

#include <charconv>
#include <memory>

#include "crawler/detail/ascii.h"

namespace badgewatch::crawler {
namespace {

struct UrlHandleDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
  void operator()(char* s) const { curl_free(s); }
};

// One part of a parsed URL; empty when absent.
Result<std::string> Part(CURLU* url, CURLUPart part, unsigned flags) {
  char* raw = nullptr;
  const CURLUcode rc = curl_url_get(url, part, &raw, flags);
  std::unique_ptr<char, CurlStringDeleter> owned(raw);
  if (rc == CURLUE_OK) return std::string(raw);
  if (rc == CURLUE_NO_QUERY || rc == CURLUE_NO_PORT) return std::string();
  return Error{curl_url_strerror(rc)};
}

}  // namespace

std::string UrlParts::Origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

std::string UrlParts::PathAndQuery() const { return query.empty() ? path : path + "?" + query; }

Result<UrlParts> ParseUrl(std::string_view url) {
  std::unique_ptr<CURLU, UrlHandleDeleter> handle(curl_url());
  if (!handle) return Error{"out of memory"};
  const std::string text(url);
  const CURLUcode rc = curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), 0);
  if (rc != CURLUE_OK) return Error{"bad URL '" + text + "': " + curl_url_strerror(rc)};
  UrlParts parts;
  Result<std::string> scheme = Part(handle.get(), CURLUPART_SCHEME, 0);
  Result<std::string> host = Part(handle.get(), CURLUPART_HOST, 0);
  Result<std::string> port = Part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  Result<std::string> path = Part(handle.get(), CURLUPART_PATH, 0);
  Result<std::string> query = Part(handle.get(), CURLUPART_QUERY, 0);
  for (const Result<std::string>* part : {&scheme, &host, &port, &path, &query}) {
    if (!part->ok()) return Error{"bad URL '" + text + "': " + part->error().message};
  }
  parts.scheme = scheme.value();
  if (parts.scheme != "http" && parts.scheme != "https") {
    return Error{"not an http(s) URL: '" + text + "'"};
  }
  parts.host = detail::AsciiLowered(host.value());
  if (parts.host.empty()) return Error{"no host in URL '" + text + "'"};
  const std::string& port_text = port.value();
  unsigned port_number = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port_number);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port_number > 65535) {
    return Error{"bad port in URL '" + text + "'"};
  }
  parts.port = static_cast<std::uint16_t>(port_number);
  parts.path = path.value().empty() ? "/" : path.value();
  parts.query = query.value();
  return parts;
}

}  // namespace badgewatch::crawler
