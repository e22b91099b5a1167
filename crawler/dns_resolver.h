// Asynchronous DNS for the crawler: c-ares driven by an Asio io_context
// (socket-state callback, ares_process_fd on readiness, one steady_timer).
// A and AAAA records. io_context thread only; callbacks are posted to it.
//
// Example:
//   auto resolver = DnsResolver::Create(io, {.server = "127.0.0.1:5353"});
//   resolver.value()->Resolve("xn--dgtp5sd2w.xn--zfr164b", [](DnsAnswer answer) { ... });
#ifndef BADGEWATCH_CRAWLER_DNS_RESOLVER_H_
#define BADGEWATCH_CRAWLER_DNS_RESOLVER_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "foundation/status.h"

namespace badgewatch::crawler {

struct DnsConfig {
  std::string server;  // "HOST:PORT" or "HOST"; empty: the system configuration
  std::chrono::milliseconds timeout{3000};  // per try
  int tries = 2;
};

// The addresses of a name, A records first; an error says why there are none
// ("NXDOMAIN: ...", "DNS timeout: ...").
using DnsAnswer = Result<std::vector<boost::asio::ip::address>>;

namespace detail {
class AresChannel;
}

class DnsResolver {
 public:
  using Callback = std::function<void(DnsAnswer)>;

  // Fails when c-ares cannot start or `server` is not an address[:port].
  [[nodiscard]] static Result<std::unique_ptr<DnsResolver>> Create(boost::asio::io_context& io,
                                                                   const DnsConfig& config);
  explicit DnsResolver(std::unique_ptr<detail::AresChannel> channel);  // use Create
  ~DnsResolver();
  DnsResolver(const DnsResolver&) = delete;
  DnsResolver& operator=(const DnsResolver&) = delete;

  // Looks up `host` (ASCII). `callback` runs later on the io_context, exactly
  // once unless the resolver is destroyed first.
  void Resolve(const std::string& host, Callback callback);

 private:
  std::unique_ptr<detail::AresChannel> channel_;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_DNS_RESOLVER_H_
