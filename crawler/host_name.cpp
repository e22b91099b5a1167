#include "crawler/host_name.h"

#include <idn2.h>

#include <optional>

#include "crawler/address_policy.h"
#include "crawler/detail/ascii.h"
#include "foundation/idna.h"

namespace badgewatch::crawler {
namespace {

constexpr std::size_t kMaxLabelBytes = 63;
constexpr std::size_t kMaxNameBytes = 253;

Status HostError(std::string_view host, std::string_view reason) {
  return Status(StatusCode::kInvalidArgument,
                "invalid host name '" + std::string(host) + "': " + std::string(reason));
}

}  // namespace

Result<std::string> HostToAscii(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty()) return HostError(host, "empty name");
  if (ParseNumericHost(host)) return detail::AsciiLowered(host);
  if (host.find("..") != std::string_view::npos || host.front() == '.') {
    return HostError(host, "empty label");
  }
  foundation::IdnaFailure failure;
  const std::optional<std::string> converted = foundation::DomainToAscii(host, &failure);
  if (!converted) {
    switch (failure.code) {
      case IDN2_TOO_BIG_LABEL:
      case IDN2_PUNYCODE_BIG_OUTPUT:
        return HostError(host, "a label is longer than 63 bytes (IDN2_TOO_BIG_LABEL)");
      case IDN2_TOO_BIG_DOMAIN:
        return HostError(host, "the name is longer than 253 bytes (IDN2_TOO_BIG_DOMAIN)");
      default:
        return HostError(host, failure.message + " (" + failure.name + ")");
    }
  }
  std::string ascii = detail::AsciiLowered(*converted);
  // libidn2 lets ASCII labels through unchecked: enforce the DNS lengths here.
  if (ascii.size() > kMaxNameBytes) {
    return HostError(host, "the name is longer than 253 bytes (IDN2_TOO_BIG_DOMAIN)");
  }
  std::size_t start = 0;
  while (start <= ascii.size()) {
    std::size_t end = ascii.find('.', start);
    if (end == std::string::npos) end = ascii.size();
    if (end == start) return HostError(host, "empty label");
    if (end - start > kMaxLabelBytes) {
      return HostError(host, "a label is longer than 63 bytes (IDN2_TOO_BIG_LABEL)");
    }
    start = end + 1;
  }
  return ascii;
}

std::string WwwTwin(std::string_view host) {
  if (host.empty() || host.front() == '[' || ParseNumericHost(host)) return {};
  if (host.substr(0, 4) == "www.") {
    const std::string_view bare = host.substr(4);
    return bare.find('.') == std::string_view::npos ? std::string() : std::string(bare);
  }
  if (host.find('.') == std::string_view::npos) return {};
  return "www." + std::string(host);
}

}  // namespace badgewatch::crawler
