// The hosts of one crawl, each resolved once (c-ares, or read as a numeric
// host) and pinned to its first address the policy approves, so a DNS answer
// that changes later (rebinding) is never seen. io_context thread only.
#ifndef BADGEWATCH_CRAWLER_DETAIL_HOST_TABLE_H_
#define BADGEWATCH_CRAWLER_DETAIL_HOST_TABLE_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crawler/address_policy.h"
#include "crawler/callback_guard.h"
#include "crawler/dns_resolver.h"
#include "crawler/http_fetcher.h"

namespace badgewatch::crawler::detail {

// The address to connect to, or why there is none (the DNS answer's Status,
// or kPermissionDenied carrying the address policy's refusal).
using PinnedAddress = Result<boost::asio::ip::address>;

class HostTable {
 public:
  HostTable(boost::asio::io_context& io, DnsResolver& resolver, AddressPolicy policy);

  // Calls `done` (on the io_context, never inline) with the host's pinned
  // address, resolving it first if this is its first use. Never after the
  // table is destroyed.
  void Pin(const std::string& host, std::function<void(const PinnedAddress&)> done);

  // Every address each resolved host had, as text, for the report.
  [[nodiscard]] std::map<std::string, std::vector<std::string>> ResolvedAddresses() const;

 private:
  struct Entry {
    bool resolved = false;
    std::vector<boost::asio::ip::address> addresses;
    std::optional<PinnedAddress> pinned;
    std::vector<std::function<void(const PinnedAddress&)>> waiting;
  };

  void OnAnswer(const std::string& host, DnsAnswer answer);

  boost::asio::io_context& io_;
  DnsResolver& resolver_;
  AddressPolicy policy_;
  std::map<std::string, Entry> entries_;
  // Posted answers and the resolver's callbacks run only while the table lives.
  CallbackGuard guard_;
};

}  // namespace badgewatch::crawler::detail

#endif  // BADGEWATCH_CRAWLER_DETAIL_HOST_TABLE_H_
