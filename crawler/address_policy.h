// The address policy against server-side request forgery: which IP addresses
// a crawl may connect to. Numeric hosts in any form inet_aton accepts
// ("2130706433", "0x7f.1") are read as their plain address; IPv6 forms that
// embed an IPv4 address are judged by it. Pure; any thread.
#ifndef BADGEWATCH_CRAWLER_ADDRESS_POLICY_H_
#define BADGEWATCH_CRAWLER_ADDRESS_POLICY_H_

#include <boost/asio/ip/address.hpp>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "foundation/status.h"

namespace badgewatch::crawler {

enum class AddressClass {
  kPublic,
  kLoopback,     // 127/8, ::1
  kPrivate,      // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10, 64:ff9b:1::/48
  kLinkLocal,    // 169.254/16, fe80::/10
  kCgnat,        // 100.64/10 (shared address space)
  kMulticast,    // 224/4, ff00::/8
  kUnspecified,  // 0/8, ::
  kReserved,     // 240/4, broadcast, 192.0.0/24, test nets, 198.18/15, 2001:db8::/32, Teredo
};

// The class of an address. IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible
// (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses take the
// class of the IPv4 address they carry.
[[nodiscard]] AddressClass ClassifyAddress(const boost::asio::ip::address& address);

// The address a numeric host stands for: dotted, decimal, octal and hex IPv4
// forms and bracketed or bare IPv6. nullopt for a host name.
[[nodiscard]] std::optional<boost::asio::ip::address> ParseNumericHost(std::string_view host);

class AddressPolicy {
 public:
  // `also_allowed`: non-public addresses that are still fine (an intranet
  // server, a test server on 127.0.0.2) without lifting the whole policy.
  explicit AddressPolicy(bool allow_private,
                         std::vector<boost::asio::ip::address> also_allowed = {})
      : allow_private_(allow_private), also_allowed_(std::move(also_allowed)) {}

  // Ok for a public address (any address with allow_private); otherwise an
  // error such as "127.0.0.1 is a loopback address; refused (--allow-private
  // lifts this)".
  [[nodiscard]] Status Check(const boost::asio::ip::address& address) const;

  [[nodiscard]] bool allow_private() const { return allow_private_; }

 private:
  bool allow_private_;
  std::vector<boost::asio::ip::address> also_allowed_;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_ADDRESS_POLICY_H_
