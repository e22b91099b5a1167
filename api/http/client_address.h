// Who a request comes from: the peer's address, or — when the peer is a
// trusted proxy (a TLS front end, a load balancer) — the first hop of
// `X-Forwarded-For`, read right to left, that is not itself a trusted proxy.
// The per-client limits (connections, requests, logins, SMS codes) count by
// this address. Pure values and functions; any thread.
//
// Example:
//   TrustedProxies proxies;
//   if (std::string error = proxies.Add("10.0.0.0/8"); !error.empty()) { ... }
//   const boost::asio::ip::address client = ClientAddress(peer, request, proxies);
#ifndef BADGEWATCH_API_HTTP_CLIENT_ADDRESS_H_
#define BADGEWATCH_API_HTTP_CLIENT_ADDRESS_H_

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/http_message.h"

namespace badgewatch::api {

// The addresses whose `X-Forwarded-For` the server believes: single
// addresses ("10.0.0.5", "::1") or networks ("10.0.0.0/8", "fd00::/8").
class TrustedProxies {
 public:
  // Adds one; returns "" on success, else why `text` is not an address or
  // network (and nothing is added).
  [[nodiscard]] std::string Add(std::string_view text);

  [[nodiscard]] bool Contains(const boost::asio::ip::address& address) const;
  [[nodiscard]] bool empty() const { return v4_.empty() && v6_.empty(); }

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

// An IPv4-mapped IPv6 address (::ffff:192.0.2.1, as a dual-stack socket
// reports IPv4 peers) as the IPv4 address it is; any other address as is.
[[nodiscard]] boost::asio::ip::address Unmapped(const boost::asio::ip::address& address);

// One hop of X-Forwarded-For: "192.0.2.1", "2001:db8::1", "[2001:db8::1]:443"
// or "192.0.2.1:5000"; nullopt for anything else ("unknown", a name).
[[nodiscard]] std::optional<boost::asio::ip::address> ParseForwardedHop(std::string_view hop);

// `peer` when it is not a trusted proxy. Otherwise the hops of every
// X-Forwarded-For header, read from the last (the one the peer appended)
// back: the first that is not a trusted proxy. When a hop cannot be read,
// or every hop is trusted, the last trusted address read (so a client cannot
// choose its address by writing garbage to the left of the real hops).
[[nodiscard]] boost::asio::ip::address ClientAddress(const boost::asio::ip::address& peer,
                                                     const HttpRequest& request,
                                                     const TrustedProxies& proxies);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_CLIENT_ADDRESS_H_
