#include "api/http/client_address.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/system/error_code.hpp>

namespace badgewatch::api {

namespace asio = boost::asio;

namespace {

std::string_view Trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::optional<asio::ip::address> ParseAddress(std::string_view text) {
  boost::system::error_code ec;
  const asio::ip::address address = asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return Unmapped(address);
}

}  // namespace

std::string TrustedProxies::Add(std::string_view text) {
  const std::string entry(Trimmed(text));
  boost::system::error_code ec;
  if (entry.find('/') == std::string::npos) {
    const std::optional<asio::ip::address> address = ParseAddress(entry);
    if (!address) return fmt::format("'{}' is not an IP address or network", entry);
    if (address->is_v4()) {
      v4_.emplace_back(address->to_v4(), 32);
    } else {
      v6_.emplace_back(address->to_v6(), 128);
    }
    return "";
  }
  if (entry.find(':') == std::string::npos) {
    const asio::ip::network_v4 network = asio::ip::make_network_v4(entry, ec);
    if (!ec) {
      v4_.push_back(network.canonical());
      return "";
    }
  } else {
    const asio::ip::network_v6 network = asio::ip::make_network_v6(entry, ec);
    if (!ec) {
      v6_.push_back(network.canonical());
      return "";
    }
  }
  return fmt::format("'{}' is not an IP address or network (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)",
                     entry);
}

bool TrustedProxies::Contains(const asio::ip::address& address) const {
  const asio::ip::address plain = Unmapped(address);
  if (plain.is_v4()) {
    const asio::ip::network_v4 host(plain.to_v4(), 32);
    return std::any_of(v4_.begin(), v4_.end(), [&](const asio::ip::network_v4& network) {
      return host == network || host.is_subnet_of(network);
    });
  }
  const asio::ip::network_v6 host(plain.to_v6(), 128);
  return std::any_of(v6_.begin(), v6_.end(), [&](const asio::ip::network_v6& network) {
    return host == network || host.is_subnet_of(network);
  });
}

asio::ip::address Unmapped(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return address;
}

std::optional<asio::ip::address> ParseForwardedHop(std::string_view hop) {
  hop = Trimmed(hop);
  if (hop.empty()) return std::nullopt;
  if (hop.front() == '[') {  // [IPv6] or [IPv6]:port
    const std::size_t close = hop.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view rest = hop.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || rest.size() == 1 ||
                          rest.find_first_not_of("0123456789", 1) != std::string_view::npos)) {
      return std::nullopt;
    }
    return ParseAddress(hop.substr(1, close - 1));
  }
  const std::size_t colon = hop.find(':');
  if (colon != std::string_view::npos && hop.find(':', colon + 1) == std::string_view::npos) {
    const std::string_view port = hop.substr(colon + 1);  // IPv4:port
    if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    return ParseAddress(hop.substr(0, colon));
  }
  return ParseAddress(hop);
}

asio::ip::address ClientAddress(const asio::ip::address& peer, const HttpRequest& request,
                                const TrustedProxies& proxies) {
  asio::ip::address client = Unmapped(peer);
  if (proxies.empty() || !proxies.Contains(client)) return client;
  // Every X-Forwarded-For header, in order, as one list (RFC 7230 3.2.2).
  std::vector<std::string_view> hops;
  // (Beast's equal_range assumes same-name fields are adjacent: walk them all.)
  for (const auto& field : request) {
    if (!boost::beast::iequals(field.name_string(), "X-Forwarded-For")) continue;
    std::string_view list(field.value().data(), field.value().size());
    while (true) {
      const std::size_t comma = list.find(',');
      hops.push_back(list.substr(0, comma));
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const std::optional<asio::ip::address> address = ParseForwardedHop(*hop);
    if (!address) break;
    client = *address;
    if (!proxies.Contains(client)) break;
  }
  return client;
}

}  // namespace badgewatch::api
