#include "crawler/detail/ares_channel.h"

#include <netinet/in.h>

#include <boost/asio/post.hpp>
#include <cstring>
#include <utility>
#include <vector>

namespace badgewatch::crawler::detail {
namespace {

using boost::asio::ip::address;

std::string DescribeAresStatus(int status, const std::string& host) {
  const std::string reason = ares_strerror(status);
  switch (status) {
    case ARES_ENOTFOUND:
      return "NXDOMAIN: " + host + " does not exist (" + reason + ")";
    case ARES_ENODATA:
      return "no A or AAAA record for " + host;
    case ARES_ETIMEOUT:
      return "DNS timeout resolving " + host;
    case ARES_ECONNREFUSED:
      return "DNS server refused the query for " + host;
    case ARES_ESERVFAIL:
      return "DNS server failure (SERVFAIL) for " + host;
    case ARES_EREFUSED:
      return "DNS query refused (REFUSED) for " + host;
    default:
      return "DNS error for " + host + ": " + reason;
  }
}

struct AddrInfoDeleter {
  void operator()(ares_addrinfo* info) const { ares_freeaddrinfo(info); }
};

}  // namespace

// One lookup in flight: what to call and on which channel.
struct AresChannel::Query {
  AresChannel* channel;
  std::string host;
  DnsResolver::Callback callback;
};

AresChannel::AresChannel(boost::asio::io_context& io) : io_(io), timer_(io) {}

AresChannel::~AresChannel() {
  destroying_ = true;
  timer_.cancel();
  if (channel_ != nullptr) ares_destroy(channel_);  // fails pending queries: see OnAddrInfo
  for (auto& [fd, watch] : sockets_) {
    watch->removed = true;
    watch->descriptor.release();
  }
  if (library_initialised_) ares_library_cleanup();
}

Status AresChannel::Init(const DnsConfig& config) {
  int rc = ares_library_init(ARES_LIB_INIT_ALL);
  if (rc != ARES_SUCCESS)
    return Status(StatusCode::kInternal, std::string("c-ares init: ") + ares_strerror(rc));
  library_initialised_ = true;
  ares_options options{};
  options.sock_state_cb = &AresChannel::OnSocketState;
  options.sock_state_cb_data = this;
  options.timeout = static_cast<int>(config.timeout.count());
  options.tries = config.tries;
  int mask = ARES_OPT_SOCK_STATE_CB | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES;
  std::string lookups = "b";  // a named server answers alone: no hosts file
  if (!config.server.empty()) {
    options.lookups = lookups.data();
    mask |= ARES_OPT_LOOKUPS;
  }
  rc = ares_init_options(&channel_, &options, mask);
  if (rc != ARES_SUCCESS)
    return Status(StatusCode::kInternal, std::string("c-ares channel: ") + ares_strerror(rc));
  if (!config.server.empty()) {
    rc = ares_set_servers_ports_csv(channel_, config.server.c_str());
    if (rc != ARES_SUCCESS) {
      return Status(StatusCode::kInvalidArgument,
                    "bad DNS server '" + config.server + "': " + ares_strerror(rc));
    }
  }
  return Status::Ok();
}

void AresChannel::Resolve(const std::string& host, DnsResolver::Callback callback) {
  ares_addrinfo_hints hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = ARES_AI_NOSORT;
  auto query = std::make_unique<Query>(Query{this, host, std::move(callback)});
  // c-ares may answer inside this call (e.g. a cached or invalid name); the
  // callback posts, so nothing runs re-entrantly.
  ares_getaddrinfo(channel_, host.c_str(), nullptr, &hints, &AresChannel::OnAddrInfo,
                   query.release());
  ResetTimer();
}

void AresChannel::OnAddrInfo(void* arg, int status, int /*timeouts*/,
                             ares_addrinfo* result) noexcept {
  std::unique_ptr<Query> query(static_cast<Query*>(arg));
  std::unique_ptr<ares_addrinfo, AddrInfoDeleter> owned(result);
  AresChannel& self = *query->channel;
  if (self.destroying_) return;
  DnsAnswer answer = Status(StatusCode::kUnavailable, DescribeAresStatus(status, query->host));
  if (status == ARES_SUCCESS && result != nullptr) {
    std::vector<address> v4;
    std::vector<address> v6;
    for (const ares_addrinfo_node* node = result->nodes; node != nullptr; node = node->ai_next) {
      if (node->ai_family == AF_INET) {
        sockaddr_in sin{};
        std::memcpy(&sin, node->ai_addr, sizeof sin);
        v4.emplace_back(boost::asio::ip::address_v4(ntohl(sin.sin_addr.s_addr)));
      } else if (node->ai_family == AF_INET6) {
        sockaddr_in6 sin6{};
        std::memcpy(&sin6, node->ai_addr, sizeof sin6);
        boost::asio::ip::address_v6::bytes_type bytes;
        std::memcpy(bytes.data(), &sin6.sin6_addr, bytes.size());
        v6.emplace_back(boost::asio::ip::address_v6(bytes));
      }
    }
    v4.insert(v4.end(), v6.begin(), v6.end());
    if (v4.empty()) {
      answer = Status(StatusCode::kUnavailable, DescribeAresStatus(ARES_ENODATA, query->host));
    } else {
      answer = std::move(v4);
    }
  }
  // Bound to the channel: an answer still queued when the channel (and so its
  // resolver's owner) is destroyed is dropped, never delivered to freed memory.
  boost::asio::post(self.io_, self.guard_.Bind([callback = std::move(query->callback),
                                                answer = std::move(answer)]() mutable {
    callback(std::move(answer));
  }));
}

void AresChannel::OnSocketState(void* data, ares_socket_t fd, int readable, int writable) noexcept {
  auto& self = *static_cast<AresChannel*>(data);
  auto it = self.sockets_.find(fd);
  if (readable == 0 && writable == 0) {
    if (it == self.sockets_.end()) return;
    it->second->removed = true;
    it->second->descriptor.release();  // c-ares closes the socket itself
    self.sockets_.erase(it);
    return;
  }
  if (it == self.sockets_.end()) {
    it = self.sockets_.emplace(fd, std::make_shared<SocketWatch>(self.io_, fd)).first;
  }
  it->second->want_read = readable != 0;
  it->second->want_write = writable != 0;
  self.Arm(it->second, fd);
}

void AresChannel::Arm(const std::shared_ptr<SocketWatch>& watch, int fd) {
  using boost::asio::posix::stream_descriptor;
  if (watch->removed) return;
  if (watch->want_read && !watch->read_pending) {
    watch->read_pending = true;
    watch->descriptor.async_wait(stream_descriptor::wait_read,
                                 [this, watch, fd](const boost::system::error_code& ec) {
                                   watch->read_pending = false;
                                   if (!ec) OnReady(watch, fd, true);
                                 });
  }
  if (watch->want_write && !watch->write_pending) {
    watch->write_pending = true;
    watch->descriptor.async_wait(stream_descriptor::wait_write,
                                 [this, watch, fd](const boost::system::error_code& ec) {
                                   watch->write_pending = false;
                                   if (!ec) OnReady(watch, fd, false);
                                 });
  }
}

void AresChannel::OnReady(const std::shared_ptr<SocketWatch>& watch, int fd, bool read) {
  if (watch->removed || destroying_) return;
  ares_process_fd(channel_, read ? fd : ARES_SOCKET_BAD, read ? ARES_SOCKET_BAD : fd);
  Arm(watch, fd);
  ResetTimer();
}

void AresChannel::ResetTimer() {
  if (destroying_) return;
  timeval tv{};
  const timeval* next = ares_timeout(channel_, nullptr, &tv);
  if (next == nullptr) {
    timer_.cancel();
    return;
  }
  timer_.expires_after(std::chrono::seconds(next->tv_sec) +
                       std::chrono::microseconds(next->tv_usec));
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || destroying_) return;
    ares_process_fd(channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    ResetTimer();
  });
}

}  // namespace badgewatch::crawler::detail
