#include "verifier/link_resolution.h"

namespace badgewatch::verifier {
namespace {

// The href without the leading C0 controls and spaces the URL parser skips.
std::string_view TrimLeading(std::string_view href) {
  while (!href.empty() && static_cast<unsigned char>(href.front()) <= 0x20) href.remove_prefix(1);
  return href;
}

std::optional<std::string> ParseAbsolute(std::string_view url) {
  const std::optional<foundation::HttpUrl> parsed = foundation::ParseHttpUrl(url);
  if (!parsed) return std::nullopt;
  return parsed->Serialize(/*exclude_fragment=*/true);
}

}  // namespace

LinkResolver::LinkResolver(std::string_view page_url, std::string_view base_href,
                           NormalizedUrlCache* cache, std::string_view encoding)
    : cache_(cache), encoding_(encoding) {
  if (!page_url.empty()) base_ = foundation::ParseHttpUrl(page_url);
  if (!TrimLeading(base_href).empty()) {
    std::optional<foundation::HttpUrl> base =
        foundation::ParseHttpUrl(base_href, base_ ? &*base_ : nullptr, encoding_);
    if (base) base_ = std::move(base);
  }
  if (base_) {
    base_->fragment.reset();
    base_url_ = base_->Serialize();
  }
}

std::optional<std::string> LinkResolver::ResolveClean(std::string_view href) const {
  const auto resolve = [this](std::string_view text) -> std::optional<std::string> {
    const std::optional<foundation::HttpUrl> url =
        foundation::ParseHttpUrl(text, base_ ? &*base_ : nullptr, encoding_);
    if (!url) return std::nullopt;
    return url->Serialize(/*exclude_fragment=*/true);
  };
  if (cache_ == nullptr) return resolve(href);
  // The result depends on the base and the encoding as well as the href.
  std::string key = encoding_;
  key += '\n';
  key += base_url_;
  key += '\n';
  key += href;
  return cache_->Get(key, [&](const std::string&) { return resolve(href); });
}

std::optional<std::string> LinkResolver::Resolve(std::string_view href) const {
  const std::string_view trimmed = TrimLeading(href);
  if (trimmed.empty() || trimmed.front() == '#') return std::nullopt;
  return ResolveClean(href);
}

std::optional<std::string> NormalizeHttpUrl(std::string_view url) { return ParseAbsolute(url); }

}  // namespace badgewatch::verifier
