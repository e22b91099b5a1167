#include "api/http/form_fields.h"

#include <curl/curl.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace badgewatch::api {

namespace {

struct CurlFree {
  void operator()(char* text) const { curl_free(text); }
};

std::string PlusAsSpace(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '+', ' ');
  return out;
}

}  // namespace

std::string PercentDecode(std::string_view component) {
  if (component.find('%') == std::string_view::npos) return std::string(component);
  if (component.size() > static_cast<std::size_t>(INT_MAX)) return std::string(component);
  int length = 0;
  // Since curl 7.82 the handle argument is ignored, so no easy handle is needed.
  const std::unique_ptr<char, CurlFree> decoded(
      curl_easy_unescape(nullptr, component.data(), static_cast<int>(component.size()), &length));
  if (!decoded || length < 0) return std::string(component);
  return std::string(decoded.get(), static_cast<std::size_t>(length));
}

std::string PercentEncode(std::string_view component) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(component.size());
  for (const char c : component) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
  return out;
}

std::optional<std::string_view> FormFields::Get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::vector<std::string_view> FormFields::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : fields_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

void FormFields::Add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

FormFields ParseFormFields(std::string_view encoded) {
  FormFields fields;
  while (!encoded.empty()) {
    const std::size_t amp = encoded.find('&');
    const std::string_view field = encoded.substr(0, amp);
    encoded = amp == std::string_view::npos ? std::string_view() : encoded.substr(amp + 1);
    if (field.empty()) continue;
    const std::size_t eq = field.find('=');
    const std::string_view name = field.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view() : field.substr(eq + 1);
    fields.Add(PercentDecode(PlusAsSpace(name)), PercentDecode(PlusAsSpace(value)));
  }
  return fields;
}

}  // namespace badgewatch::api
