// Which hosts belong to one site: the start host, its www./bare twin and every
// alias (a site's Chinese and English domains are one site), over http and
// https, on the start URL's port and the standard ports 80 and 443 (another
// port of the same host is another server, not the site). Immutable after
// construction; any thread.
#ifndef BADGEWATCH_CRAWLER_SITE_SCOPE_H_
#define BADGEWATCH_CRAWLER_SITE_SCOPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"

namespace badgewatch::crawler {

class SiteScope {
 public:
  // Hosts may be Unicode or ASCII; each is converted with HostToAscii. Fails
  // with that function's message for an invalid host.
  [[nodiscard]] static Result<SiteScope> Create(std::string_view start_host,
                                                const std::vector<std::string>& aliases,
                                                int start_port = 80,
                                                std::vector<int> extra_ports = {});

  // True for an ASCII lower-case host of the site (no port).
  [[nodiscard]] bool Contains(std::string_view host) const;
  // True for the start port, 80, 443 and the extra ports.
  [[nodiscard]] bool ContainsPort(int port) const;
  // True for an http(s) URL on a host and a port of the site.
  [[nodiscard]] bool ContainsUrl(std::string_view url) const;

  [[nodiscard]] const std::vector<std::string>& hosts() const { return hosts_; }

 private:
  void Add(std::string host);

  std::vector<std::string> hosts_;  // ASCII, start host first
  int start_port_ = 80;
  std::vector<int> extra_ports_;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_SITE_SCOPE_H_
