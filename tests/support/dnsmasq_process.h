// A dnsmasq child process on a free loopback UDP port, answering test names
// (.政务, .公益, .gov.cn in ASCII form) with fixed addresses, for crawler tests.
// Start it, use server() as the --dns value, and let the destructor stop it.
// Test threads only.
#ifndef BADGEWATCH_TESTS_SUPPORT_DNSMASQ_PROCESS_H_
#define BADGEWATCH_TESTS_SUPPORT_DNSMASQ_PROCESS_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace badgewatch::testing {

class DnsmasqProcess {
 public:
  // `names`: (ASCII name, address) pairs; an empty address makes the name
  // NXDOMAIN. Starts dnsmasq and waits (up to 5 s) until it answers the first
  // name. Throws std::runtime_error when it cannot (not installed, no port).
  explicit DnsmasqProcess(const std::vector<std::pair<std::string, std::string>>& names);
  ~DnsmasqProcess();
  DnsmasqProcess(const DnsmasqProcess&) = delete;
  DnsmasqProcess& operator=(const DnsmasqProcess&) = delete;

  // "127.0.0.1:PORT", the value for --dns.
  [[nodiscard]] std::string server() const;
  // The dnsmasq process.
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// A free UDP port on 127.0.0.1 at the time of the call.
[[nodiscard]] std::uint16_t FreeUdpPort();

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_DNSMASQ_PROCESS_H_
