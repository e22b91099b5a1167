#include "crawler/dns_resolver.h"

#include "crawler/detail/ares_channel.h"

namespace badgewatch::crawler {

Result<std::unique_ptr<DnsResolver>> DnsResolver::Create(boost::asio::io_context& io,
                                                         const DnsConfig& config) {
  auto channel = std::make_unique<detail::AresChannel>(io);
  const Status status = channel->Init(config);
  if (!status.ok()) return status;
  return std::make_unique<DnsResolver>(std::move(channel));
}

DnsResolver::DnsResolver(std::unique_ptr<detail::AresChannel> channel)
    : channel_(std::move(channel)) {}

DnsResolver::~DnsResolver() = default;

void DnsResolver::Resolve(const std::string& host, Callback callback) {
  channel_->Resolve(host, std::move(callback));
}

}  // namespace badgewatch::crawler
