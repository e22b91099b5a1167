// libcurl's multi_socket API on an Asio io_context, after curl's
// docs/examples/multi-uv.c: the socket callback says which fd to watch (wrapped
// in a stream_descriptor that is released, never closed), the timer callback
// arms one steady_timer (a 0 ms timeout is posted to the loop instead),
// readiness calls curl_multi_socket_action and finished
// transfers are drained with curl_multi_info_read outside any curl callback.
// io_context thread only.
#ifndef BADGEWATCH_CRAWLER_DETAIL_CURL_MULTI_DRIVER_H_
#define BADGEWATCH_CRAWLER_DETAIL_CURL_MULTI_DRIVER_H_

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>

#include "crawler/callback_guard.h"
#include "crawler/http_fetcher.h"

namespace badgewatch::crawler::detail {

struct CurlMultiDeleter {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

class CurlMultiDriver {
 public:
  CurlMultiDriver(boost::asio::io_context& io, FetchLimits limits, AddressPolicy policy);
  ~CurlMultiDriver();
  CurlMultiDriver(const CurlMultiDriver&) = delete;
  CurlMultiDriver& operator=(const CurlMultiDriver&) = delete;

  [[nodiscard]] Status Init();
  void Fetch(FetchRequest request, HttpFetcher::Callback callback);
  [[nodiscard]] std::size_t in_flight() const { return transfers_.size(); }

 private:
  struct Transfer;
  struct SocketWatch {
    SocketWatch(boost::asio::io_context& io, curl_socket_t fd) : descriptor(io, fd) {}
    boost::asio::posix::stream_descriptor descriptor;
    int what = 0;  // CURL_POLL_IN / OUT / INOUT
    bool read_pending = false;
    bool write_pending = false;
    bool removed = false;
  };

  // libcurl's callbacks. noexcept: an exception never crosses into curl; the
  // ones that can report failure catch and return curl's error value instead.
  static int OnSocket(CURL* easy, curl_socket_t fd, int what, void* userp, void* socketp) noexcept;
  static int OnTimer(CURLM* multi, long timeout_ms, void* userp) noexcept;
  static curl_socket_t OnOpenSocket(void* clientp, curlsocktype purpose,
                                    curl_sockaddr* address) noexcept;
  static int OnCloseSocket(void* clientp, curl_socket_t fd) noexcept;
  static std::size_t OnWrite(char* data, std::size_t size, std::size_t count, void* userp) noexcept;

  [[nodiscard]] Status Configure(Transfer& transfer);
  void Arm(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd);
  void Unwatch(curl_socket_t fd);
  void Act(curl_socket_t fd, int events);
  void DrainFinished();
  void Finish(Transfer& transfer, CURLcode code);

  boost::asio::io_context& io_;
  boost::asio::steady_timer timer_;
  FetchLimits limits_;
  AddressPolicy policy_;
  std::unique_ptr<CURLM, CurlMultiDeleter> multi_;
  std::map<curl_socket_t, std::shared_ptr<SocketWatch>> sockets_;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
  bool destroying_ = false;
  bool timeout_posted_ = false;  // a "time out now" action is waiting on the loop
  // Work posted to the loop (curl's "now" timeouts, finished transfers) runs
  // only while the driver lives.
  CallbackGuard guard_;
};

}  // namespace badgewatch::crawler::detail

#endif  // BADGEWATCH_CRAWLER_DETAIL_CURL_MULTI_DRIVER_H_
