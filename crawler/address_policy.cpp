#include "crawler/address_policy.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <string>

namespace badgewatch::crawler {
namespace {

using boost::asio::ip::address;
using boost::asio::ip::address_v4;
using boost::asio::ip::address_v6;

struct V4Range {
  std::uint32_t network;
  int prefix;
  AddressClass cls;
};

constexpr std::uint32_t Ip(int a, int b, int c, int d) {
  return (static_cast<std::uint32_t>(a) << 24) | (static_cast<std::uint32_t>(b) << 16) |
         (static_cast<std::uint32_t>(c) << 8) | static_cast<std::uint32_t>(d);
}

// Most specific first where ranges nest.
constexpr std::array<V4Range, 16> kV4Ranges{{
    {Ip(255, 255, 255, 255), 32, AddressClass::kReserved},
    {Ip(0, 0, 0, 0), 8, AddressClass::kUnspecified},
    {Ip(10, 0, 0, 0), 8, AddressClass::kPrivate},
    {Ip(100, 64, 0, 0), 10, AddressClass::kCgnat},
    {Ip(127, 0, 0, 0), 8, AddressClass::kLoopback},
    {Ip(169, 254, 0, 0), 16, AddressClass::kLinkLocal},
    {Ip(172, 16, 0, 0), 12, AddressClass::kPrivate},
    {Ip(192, 0, 0, 0), 24, AddressClass::kReserved},
    {Ip(192, 0, 2, 0), 24, AddressClass::kReserved},
    {Ip(192, 88, 99, 0), 24, AddressClass::kReserved},
    {Ip(192, 168, 0, 0), 16, AddressClass::kPrivate},
    {Ip(198, 18, 0, 0), 15, AddressClass::kReserved},
    {Ip(198, 51, 100, 0), 24, AddressClass::kReserved},
    {Ip(203, 0, 113, 0), 24, AddressClass::kReserved},
    {Ip(224, 0, 0, 0), 4, AddressClass::kMulticast},
    {Ip(240, 0, 0, 0), 4, AddressClass::kReserved},
}};

AddressClass ClassifyV4(std::uint32_t ip) {
  for (const V4Range& range : kV4Ranges) {
    const std::uint32_t mask = range.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - range.prefix);
    if ((ip & mask) == range.network) return range.cls;
  }
  return AddressClass::kPublic;
}

std::uint32_t V4At(const address_v6::bytes_type& b, std::size_t offset) {
  return (std::uint32_t{b[offset]} << 24) | (std::uint32_t{b[offset + 1]} << 16) |
         (std::uint32_t{b[offset + 2]} << 8) | std::uint32_t{b[offset + 3]};
}

bool AllZero(const address_v6::bytes_type& b, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (b[i] != 0) return false;
  }
  return true;
}

AddressClass ClassifyV6(const address_v6& v6) {
  const address_v6::bytes_type b = v6.to_bytes();
  if (v6.is_unspecified()) return AddressClass::kUnspecified;
  if (v6.is_loopback()) return AddressClass::kLoopback;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated).
  if (AllZero(b, 0, 10) && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0))) {
    return ClassifyV4(V4At(b, 12));
  }
  // 64:ff9b::/96, NAT64 well-known prefix.
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && AllZero(b, 4, 12)) {
    return ClassifyV4(V4At(b, 12));
  }
  // 64:ff9b:1::/48, local-use NAT64.
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1) {
    return AddressClass::kPrivate;
  }
  if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(V4At(b, 2));  // 6to4
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) {
    return AddressClass::kReserved;  // Teredo: the embedded address is obfuscated
  }
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressClass::kReserved;
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::kPrivate;                    // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::kLinkLocal;  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::kPrivate;    // fec0::/10
  if (b[0] == 0xff) return AddressClass::kMulticast;
  return AddressClass::kPublic;
}

// "loopback", ...
std::string_view AddressClassName(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic:
      return "public";
    case AddressClass::kLoopback:
      return "loopback";
    case AddressClass::kPrivate:
      return "private";
    case AddressClass::kLinkLocal:
      return "link-local";
    case AddressClass::kCgnat:
      return "shared (CGNAT)";
    case AddressClass::kMulticast:
      return "multicast";
    case AddressClass::kUnspecified:
      return "unspecified";
    case AddressClass::kReserved:
      return "reserved";
  }
  return "reserved";
}

}  // namespace

AddressClass ClassifyAddress(const address& addr) {
  if (addr.is_v4()) return ClassifyV4(addr.to_v4().to_uint());
  return ClassifyV6(addr.to_v6());
}

std::optional<address> ParseNumericHost(std::string_view host) {
  if (host.empty() || host.size() > 64) return std::nullopt;
  boost::system::error_code ec;
  if (host.front() == '[') {
    if (host.back() != ']') return std::nullopt;
    host = host.substr(1, host.size() - 2);
    const address_v6 v6 = boost::asio::ip::make_address_v6(std::string(host), ec);
    if (ec) return std::nullopt;
    return address(v6);
  }
  if (host.find(':') != std::string_view::npos) {
    const address_v6 v6 = boost::asio::ip::make_address_v6(std::string(host), ec);
    if (ec) return std::nullopt;
    return address(v6);
  }
  // inet_aton reads every numeric form browsers and curl accept; it stops at
  // white space, so refuse any character outside the numeric alphabet first.
  for (char c : host) {
    const bool allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                         (c >= 'A' && c <= 'F') || c == 'x' || c == 'X' || c == '.';
    if (!allowed) return std::nullopt;
  }
  if (host.back() == '.') host.remove_suffix(1);
  const std::string text(host);
  in_addr parsed{};
  if (inet_aton(text.c_str(), &parsed) == 0) return std::nullopt;
  return address(address_v4(ntohl(parsed.s_addr)));
}

Status AddressPolicy::Check(const address& addr) const {
  const AddressClass cls = ClassifyAddress(addr);
  if (cls == AddressClass::kPublic || allow_private_) return Status::Ok();
  for (const address& allowed : also_allowed_) {
    if (allowed == addr) return Status::Ok();
  }
  return Status(StatusCode::kPermissionDenied, addr.to_string() + " is a " +
                                                   std::string(AddressClassName(cls)) +
                                                   " address (--allow-private lifts this)");
}

}  // namespace badgewatch::crawler
