// One accepted connection of the HTTP server and the state its sessions share
// with the server (options, handler, metrics, the set of live sessions).
// Sessions live on the io_context's thread; only the handler runs elsewhere.
#ifndef BADGEWATCH_API_HTTP_DETAIL_HTTP_SESSION_H_
#define BADGEWATCH_API_HTTP_DETAIL_HTTP_SESSION_H_

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <unordered_set>

#include "api/http/http_server.h"

namespace badgewatch::api::detail {

class HttpSession;

struct ServerShared : std::enable_shared_from_this<ServerShared> {
  ServerShared(boost::asio::io_context& io_context, boost::asio::any_io_executor worker_executor,
               RequestHandler request_handler, HttpServerOptions server_options)
      : io(io_context),
        workers(std::move(worker_executor)),
        handler(std::move(request_handler)),
        options(std::move(server_options)),
        limiter(options.client_limits),
        acceptor(io_context),
        retry_timer(io_context) {}

  // Accepts while under the connection cap and not stopping.
  void Accept();
  void OnSessionClosed(HttpSession* session);
  // Closes the acceptor and asks every live session to stop.
  void Stop();

  boost::asio::io_context& io;
  boost::asio::any_io_executor workers;
  RequestHandler handler;
  HttpServerOptions options;
  ServerMetrics metrics;
  ClientLimiter limiter;
  boost::asio::ip::tcp::acceptor acceptor;
  boost::asio::steady_timer retry_timer;      // re-accept after a failed accept
  std::unordered_set<HttpSession*> sessions;  // live ones; each removes itself on close
  bool accepting = false;                     // an async_accept is outstanding
  bool stopping = false;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // `counted`: the connection was counted against its peer's address
  // (ClientLimiter::OpenConnection) and is released when it closes.
  HttpSession(boost::asio::ip::tcp::socket socket, boost::asio::ip::address peer, bool counted,
              std::shared_ptr<ServerShared> shared);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void Start();
  // Closes now if waiting for a request that has not begun; otherwise the
  // request in progress is answered and the connection then closes.
  void Stop();

 private:
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  void ReadRequest();
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  void OnHandled(HttpResponse response);
  void Write(HttpResponse response);
  void OnWrite(bool close, boost::beast::error_code ec, std::size_t bytes);
  void Close();
  // Releases the connection's count against its peer address, once.
  void ReleaseConnection();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<ServerShared> shared_;
  std::optional<Parser> parser_;
  std::shared_ptr<HttpResponse> response_;  // kept alive while being written
  boost::asio::ip::address peer_;
  boost::asio::ip::address client_;  // of the request being handled
  bool counted_ = false;             // holds a count in the limiter
  std::string remote_;
  std::string request_line_;  // "GET /path" for the access log
  std::chrono::steady_clock::time_point request_started_;
  std::size_t requests_served_ = 0;
  bool reading_ = false;  // waiting in async_read
  bool closed_ = false;
  bool stop_after_response_ = false;
};

}  // namespace badgewatch::api::detail

#endif  // BADGEWATCH_API_HTTP_DETAIL_HTTP_SESSION_H_
