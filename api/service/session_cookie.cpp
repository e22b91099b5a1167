#include "api/service/session_cookie.h"

#include <fmt/format.h>

#include <boost/beast/core/string.hpp>

#include "api/http/form_fields.h"
#include "registry/crypto_primitives.h"

namespace badgewatch::api {

namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string_view HeaderValue(const HttpRequest& request, std::string_view name) {
  const auto header = request.find(boost::beast::string_view(name.data(), name.size()));
  if (header == request.end()) return {};
  return std::string_view(header->value().data(), header->value().size());
}

bool IsFormBody(const HttpRequest& request) {
  const auto header = request.find(http::field::content_type);
  if (header == request.end()) return false;
  std::string_view media(header->value().data(), header->value().size());
  media = Trimmed(media.substr(0, media.find(';')));
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  return boost::beast::iequals(boost::beast::string_view(media.data(), media.size()),
                               boost::beast::string_view(kForm.data(), kForm.size()));
}

std::string CookieAttributes(bool secure) {
  return secure ? "; Path=/; HttpOnly; SameSite=Strict; Secure"
                : "; Path=/; HttpOnly; SameSite=Strict";
}

}  // namespace

std::optional<std::string_view> SessionCookieToken(const HttpRequest& request) {
  return CookieValue(request, kSessionCookieName);
}

std::string SessionCookie(std::string_view token, std::chrono::seconds lifetime, bool secure) {
  return fmt::format("{}={}{}; Max-Age={}", kSessionCookieName, token, CookieAttributes(secure),
                     lifetime.count());
}

std::string ClearedSessionCookie(bool secure) {
  return fmt::format("{}={}; Max-Age=0", kSessionCookieName, CookieAttributes(secure));
}

bool NeedsCsrfToken(http::verb method) {
  return method == http::verb::post || method == http::verb::put || method == http::verb::patch ||
         method == http::verb::delete_;
}

bool PresentsCsrfToken(const HttpRequest& request, std::string_view csrf_token) {
  if (csrf_token.empty()) return false;
  const std::string_view header = Trimmed(HeaderValue(request, kCsrfHeader));
  if (!header.empty()) return registry::ConstantTimeEquals(header, csrf_token);
  if (!IsFormBody(request)) return false;
  const FormFields form = ParseFormFields(request.body());
  const std::optional<std::string_view> field = form.Get(kCsrfFormField);
  return field && registry::ConstantTimeEquals(*field, csrf_token);
}

}  // namespace badgewatch::api
