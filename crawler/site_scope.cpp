#include "crawler/site_scope.h"

#include <algorithm>

#include "crawler/host_name.h"
#include "crawler/url_parts.h"

namespace badgewatch::crawler {

Result<SiteScope> SiteScope::Create(std::string_view start_host,
                                    const std::vector<std::string>& aliases, int start_port,
                                    std::vector<int> extra_ports) {
  SiteScope scope;
  scope.start_port_ = start_port;
  scope.extra_ports_ = std::move(extra_ports);
  std::vector<std::string_view> names{start_host};
  names.insert(names.end(), aliases.begin(), aliases.end());
  for (std::string_view name : names) {
    Result<std::string> ascii = HostToAscii(name);
    if (!ascii.ok()) return ascii.status();
    std::string twin = WwwTwin(ascii.value());
    scope.Add(std::move(ascii).value());
    if (!twin.empty()) scope.Add(std::move(twin));
  }
  return scope;
}

void SiteScope::Add(std::string host) {
  if (!Contains(host)) hosts_.push_back(std::move(host));
}

bool SiteScope::Contains(std::string_view host) const {
  return std::find(hosts_.begin(), hosts_.end(), host) != hosts_.end();
}

bool SiteScope::ContainsPort(int port) const {
  return port == start_port_ || port == 80 || port == 443 ||
         std::find(extra_ports_.begin(), extra_ports_.end(), port) != extra_ports_.end();
}

bool SiteScope::ContainsUrl(std::string_view url) const {
  const Result<UrlParts> parts = ParseUrl(url);
  return parts.ok() && Contains(parts.value().host) && ContainsPort(parts.value().port);
}

}  // namespace badgewatch::crawler
