// The c-ares channel behind DnsResolver and its Asio plumbing: one
// stream_descriptor per socket c-ares reports (released, never closed: c-ares
// owns its sockets) and one timer for ares_timeout. io_context thread only.
#ifndef BADGEWATCH_CRAWLER_DETAIL_ARES_CHANNEL_H_
#define BADGEWATCH_CRAWLER_DETAIL_ARES_CHANNEL_H_

#include <ares.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>
#include <string>

#include "crawler/callback_guard.h"
#include "crawler/dns_resolver.h"

namespace badgewatch::crawler::detail {

class AresChannel {
 public:
  explicit AresChannel(boost::asio::io_context& io);
  ~AresChannel();
  AresChannel(const AresChannel&) = delete;
  AresChannel& operator=(const AresChannel&) = delete;

  [[nodiscard]] Status Init(const DnsConfig& config);
  void Resolve(const std::string& host, DnsResolver::Callback callback);

 private:
  struct SocketWatch {
    explicit SocketWatch(boost::asio::io_context& io, int fd) : descriptor(io, fd) {}
    boost::asio::posix::stream_descriptor descriptor;
    bool want_read = false;
    bool want_write = false;
    bool read_pending = false;
    bool write_pending = false;
    bool removed = false;
  };
  struct Query;

  // c-ares's callbacks; noexcept so no exception crosses into c-ares (running
  // out of memory there ends the process).
  static void OnSocketState(void* data, ares_socket_t fd, int readable, int writable) noexcept;
  static void OnAddrInfo(void* arg, int status, int timeouts, ares_addrinfo* result) noexcept;
  void Arm(const std::shared_ptr<SocketWatch>& watch, int fd);
  void OnReady(const std::shared_ptr<SocketWatch>& watch, int fd, bool read);
  void ResetTimer();

  boost::asio::io_context& io_;
  boost::asio::steady_timer timer_;
  ares_channel channel_ = nullptr;
  bool library_initialised_ = false;
  bool destroying_ = false;
  std::map<int, std::shared_ptr<SocketWatch>> sockets_;
  CallbackGuard guard_;  // answers posted to the loop run only while the channel lives
};

}  // namespace badgewatch::crawler::detail

#endif  // BADGEWATCH_CRAWLER_DETAIL_ARES_CHANNEL_H_
