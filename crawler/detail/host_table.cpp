#include "crawler/detail/host_table.h"

#include <boost/asio/post.hpp>
#include <utility>

namespace badgewatch::crawler::detail {

HostTable::HostTable(boost::asio::io_context& io, DnsResolver& resolver, AddressPolicy policy)
    : io_(io), resolver_(resolver), policy_(policy) {}

void HostTable::Pin(const std::string& host, std::function<void(const PinnedAddress&)> done) {
  Entry& entry = entries_[host];
  if (entry.pinned) {
    boost::asio::post(
        io_, guard_.Bind([pinned = *entry.pinned, done = std::move(done)] { done(pinned); }));
    return;
  }
  entry.waiting.push_back(std::move(done));
  if (entry.waiting.size() > 1) return;  // a lookup is under way
  if (const auto numeric = ParseNumericHost(host)) {
    boost::asio::post(io_, guard_.Bind([this, host, address = *numeric] {
      OnAnswer(host, std::vector<boost::asio::ip::address>{address});
    }));
    return;
  }
  resolver_.Resolve(
      host, guard_.Bind([this, host](DnsAnswer answer) { OnAnswer(host, std::move(answer)); }));
}

void HostTable::OnAnswer(const std::string& host, DnsAnswer answer) {
  Entry& entry = entries_[host];
  if (!entry.pinned) {
    if (!answer.ok()) {
      entry.pinned = PinnedAddress(answer.status());
    } else {
      entry.addresses = answer.value();
      std::string refusal;
      for (const auto& address : entry.addresses) {
        const Status allowed = policy_.Check(address);
        if (allowed.ok()) {
          entry.pinned = PinnedAddress(address);
          break;
        }
        if (refusal.empty()) refusal = "refused to connect to " + host + ": " + allowed.message();
      }
      if (!entry.pinned) {
        entry.pinned = PinnedAddress(Status(StatusCode::kPermissionDenied, refusal));
      }
    }
  }
  std::vector<std::function<void(const PinnedAddress&)>> waiting;
  waiting.swap(entry.waiting);
  for (auto& done : waiting) done(*entry.pinned);
}

std::map<std::string, std::vector<std::string>> HostTable::ResolvedAddresses() const {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [host, entry] : entries_) {
    for (const auto& address : entry.addresses) out[host].push_back(address.to_string());
  }
  return out;
}

}  // namespace badgewatch::crawler::detail
