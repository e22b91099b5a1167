#include "crawler/host_name.h"

#include <optional>
#include <utility>

#include "crawler/address_policy.h"
#include "foundation/ascii.h"
#include "foundation/idna.h"

namespace badgewatch::crawler {

Result<std::string> HostToAscii(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (!host.empty() && ParseNumericHost(host)) return foundation::AsciiLowered(host);
  foundation::HostNameFailure failure;
  std::optional<std::string> ascii = foundation::HostToAscii(host, &failure);
  if (!ascii) {
    return Status(StatusCode::kInvalidArgument,
                  "invalid host name '" + std::string(host) + "': " + failure.Reason());
  }
  return std::move(*ascii);
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
