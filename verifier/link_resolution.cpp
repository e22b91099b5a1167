#include "verifier/link_resolution.h"

#include <curl/curl.h>
#include <unicode/uidna.h>

#include <algorithm>
#include <memory>

#include "verifier/detail/ascii.h"

namespace badgewatch::verifier {
namespace {

struct UrlHandleDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlHandleDeleter>;

struct CurlStringDeleter {
  void operator()(char* s) const { curl_free(s); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// The URL parser of the HTML standard strips leading/trailing C0 controls and
// spaces and removes tabs and newlines anywhere.
std::string CleanHref(std::string_view href) {
  while (!href.empty() && static_cast<unsigned char>(href.front()) <= 0x20) href.remove_prefix(1);
  while (!href.empty() && static_cast<unsigned char>(href.back()) <= 0x20) href.remove_suffix(1);
  std::string clean;
  clean.reserve(href.size());
  for (char c : href) {
    if (c != '\t' && c != '\n' && c != '\r') clean.push_back(c);
  }
  return clean;
}

// "http:" / "HTTPS:" / "mailto:" ... at the start: the reference is absolute.
bool HasScheme(std::string_view ref) {
  if (ref.empty() || !detail::IsAsciiAlpha(ref.front())) return false;
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const char c = ref[i];
    if (c == ':') return true;
    if (!detail::IsAsciiAlpha(c) && !detail::IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

// Upper-cases the hex digits of every %XX escape.
void UpperCasePercentEscapes(std::string& url) {
  for (std::size_t i = 0; i + 2 < url.size(); ++i) {
    if (url[i] == '%' && detail::IsAsciiHexDigit(url[i + 1]) &&
        detail::IsAsciiHexDigit(url[i + 2])) {
      for (std::size_t j = i + 1; j <= i + 2; ++j) {
        if (url[j] >= 'a' && url[j] <= 'f') url[j] = static_cast<char>(url[j] - 'a' + 'A');
      }
      i += 2;
    }
  }
}

// UTS #46 (non-transitional) ToASCII of a UTF-8 host with ICU; nullopt when invalid.
std::optional<std::string> HostToAscii(std::string_view host) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UIDNA, decltype(&uidna_close)> idna(
      uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI, &status), &uidna_close);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(host.size() * 4 + 16, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  const int32_t length =
      uidna_nameToASCII_UTF8(idna.get(), host.data(), static_cast<int32_t>(host.size()), out.data(),
                             static_cast<int32_t>(out.size()), &info, &status);
  if (U_FAILURE(status) || info.errors != 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// Parses an absolute URL and returns its normalised form; nullopt unless http(s).
std::optional<std::string> ParseAbsolute(const std::string& absolute) {
  if (!detail::StartsWithIgnoreCase(absolute, "http://") &&
      !detail::StartsWithIgnoreCase(absolute, "https://")) {
    return std::nullopt;
  }
  UrlHandle url(curl_url());
  if (!url ||
      curl_url_set(url.get(), CURLUPART_URL, absolute.c_str(), CURLU_URLENCODE) != CURLUE_OK) {
    return std::nullopt;
  }
  char* raw_host = nullptr;
  if (curl_url_get(url.get(), CURLUPART_HOST, &raw_host, 0) != CURLUE_OK) return std::nullopt;
  const CurlString host(raw_host);
  const std::string_view host_view(host.get());
  if (std::any_of(host_view.begin(), host_view.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    const auto ascii = HostToAscii(host_view);
    if (!ascii || curl_url_set(url.get(), CURLUPART_HOST, ascii->c_str(), 0) != CURLUE_OK) {
      return std::nullopt;
    }
  }
  char* raw_full = nullptr;
  if (curl_url_get(url.get(), CURLUPART_URL, &raw_full, CURLU_NO_DEFAULT_PORT) != CURLUE_OK) {
    return std::nullopt;
  }
  std::string result(CurlString(raw_full).get());
  const std::size_t host_start = result.find("://") + 3;
  if (const std::size_t hash = result.find('#'); hash != std::string::npos) result.resize(hash);
  const std::size_t host_end = std::min(result.find_first_of("/?", host_start), result.size());
  for (std::size_t i = host_start; i < host_end; ++i) result[i] = detail::AsciiLower(result[i]);
  UpperCasePercentEscapes(result);
  return result;
}

}  // namespace

LinkResolver::LinkResolver(std::string_view page_url, std::string_view base_href,
                           NormalizedUrlCache* cache)
    : cache_(cache) {
  const std::string clean_page_url = CleanHref(page_url);
  if (HasScheme(clean_page_url)) {
    if (auto page = Normalize(clean_page_url)) SetBase(std::move(*page));
  }
  if (auto base = Resolve(base_href)) SetBase(std::move(*base));
}

void LinkResolver::SetBase(std::string url) {
  base_url_ = std::move(url);
  base_scheme_ = base_url_.substr(0, base_url_.find(':'));
  const std::size_t host_start = base_url_.find("://") + 3;
  base_origin_ =
      base_url_.substr(0, std::min(base_url_.find_first_of("/?", host_start), base_url_.size()));
  base_without_query_ = base_url_.substr(0, base_url_.find('?'));
  base_dir_ = base_without_query_.substr(0, base_without_query_.rfind('/') + 1);
  if (base_dir_.size() <= base_origin_.size()) base_dir_ = base_origin_ + "/";
}

std::string LinkResolver::Merge(std::string_view reference) const {
  if (reference.starts_with("//")) return base_scheme_ + ":" + std::string(reference);
  if (reference.starts_with('/')) return base_origin_ + std::string(reference);
  if (reference.starts_with('?')) return base_without_query_ + std::string(reference);
  return base_dir_ + std::string(reference);
}

std::optional<std::string> LinkResolver::Normalize(const std::string& absolute) const {
  if (cache_ == nullptr) return ParseAbsolute(absolute);
  return cache_->Get(absolute, ParseAbsolute);
}

std::optional<std::string> LinkResolver::Resolve(std::string_view href) const {
  const std::string clean = CleanHref(href);
  if (clean.empty() || clean.front() == '#') return std::nullopt;
  if (HasScheme(clean)) return Normalize(clean);
  if (base_url_.empty()) return std::nullopt;
  // A backslash is a slash in http(s) URLs (the HTML URL parser's rule).
  if (clean.find('\\') != std::string::npos) {
    std::string slashed = clean;
    std::replace(slashed.begin(), slashed.end(), '\\', '/');
    return Normalize(Merge(slashed));
  }
  return Normalize(Merge(clean));
}

std::optional<std::string> NormalizeHttpUrl(std::string_view url) {
  const std::string clean = CleanHref(url);
  return HasScheme(clean) ? ParseAbsolute(clean) : std::nullopt;
}

}  // namespace badgewatch::verifier
