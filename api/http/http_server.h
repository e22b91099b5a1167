// The HTTP/1.1 server of `badgewatch serve`: Beast sessions on one io_context,
// each request handed to a worker pool (handlers may touch the registry) and
// the response written back on the io_context. Limits every read: a deadline,
// header and body caps, a cap on connections and on requests per connection,
// and per client (see ClientLimiter): connections per address (over it the
// connection is closed at once), requests in flight and a request rate (over
// them 429 with Retry-After, answered without reaching the workers).
// Construct, Listen() and Stop() on the io_context's thread (or before run()).
//
// Example:
//   boost::asio::io_context io;
//   boost::asio::thread_pool workers(2);
//   HttpServer server(io, workers.get_executor(), handler, HttpServerOptions{});
//   if (auto error = server.Listen(endpoint); !error.empty()) { ... }
//   io.run();
#ifndef BADGEWATCH_API_HTTP_HTTP_SERVER_H_
#define BADGEWATCH_API_HTTP_HTTP_SERVER_H_

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "api/http/client_address.h"
#include "api/http/client_limiter.h"
#include "api/http/http_message.h"
#include "api/http/server_metrics.h"

namespace spdlog {
class logger;
}

namespace badgewatch::api {

namespace detail {
struct ServerShared;
}

struct HttpServerOptions {
  std::size_t max_body_bytes = 64 * 1024;   // larger → 413, connection closed
  std::size_t max_header_bytes = 8 * 1024;  // request line + headers; larger → 431
  std::size_t max_connections = 4096;       // at the cap, accepting pauses
  // Per client address; a trusted proxy's own connections are not capped, and
  // the requests through it count for the client X-Forwarded-For names.
  ClientLimits client_limits;
  TrustedProxies trusted_proxies;
  std::size_t max_requests_per_connection = 1000;  // then `Connection: close`
  // Time allowed for a whole request (headers and body) to arrive, counted
  // from when the server starts waiting for it; also the keep-alive idle limit.
  // Past it the connection is closed (slow clients get no 408: the socket is gone).
  std::chrono::milliseconds read_timeout{30'000};
  std::chrono::milliseconds write_timeout{30'000};
  // One line per request ("remote method target status bytes ms"; through a
  // trusted proxy "remote for client method ..."); null: none.
  std::shared_ptr<spdlog::logger> access_log;
};

// Builds the response to one request from `client` (ClientAddress: the peer,
// or the client a trusted proxy forwarded). Runs on the worker executor,
// possibly on several threads at once; must not throw (RequestRouter already
// turns handler exceptions into 500s).
using RequestHandler =
    std::function<HttpResponse(const HttpRequest&, const boost::asio::ip::address& client)>;

class HttpServer {
 public:
  HttpServer(boost::asio::io_context& io, boost::asio::any_io_executor workers,
             RequestHandler handler, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts accepting. Returns "" on success, else why it failed
  // ("address already in use" …), and nothing is listening.
  [[nodiscard]] std::string Listen(const boost::asio::ip::tcp::endpoint& endpoint);

  // The bound address (port 0 in Listen picks a free port; this tells which).
  [[nodiscard]] boost::asio::ip::tcp::endpoint local_endpoint() const;

  // Graceful stop: no new connections; idle connections close now; a request
  // being read, handled or written is finished, then its connection closes.
  // io_context::run() returns once the last one has.
  void Stop();

  [[nodiscard]] const ServerMetrics& metrics() const;

 private:
  std::shared_ptr<detail::ServerShared> shared_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_HTTP_SERVER_H_
