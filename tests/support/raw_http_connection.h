// A blocking HTTP/1.1 client connection for tests: sends raw bytes (so tests
// can send malformed, oversized or pipelined requests) and reads responses.
// One thread; the server under test must run on another.
#ifndef BADGEWATCH_TESTS_SUPPORT_RAW_HTTP_CONNECTION_H_
#define BADGEWATCH_TESTS_SUPPORT_RAW_HTTP_CONNECTION_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace badgewatch::test {

class RawHttpConnection {
 public:
  // Connects to `endpoint`; throws std::runtime_error when it cannot.
  explicit RawHttpConnection(const boost::asio::ip::tcp::endpoint& endpoint);
  // The same from the local address `from` (another loopback address such as
  // 127.0.0.2, so a test can be two clients).
  RawHttpConnection(const boost::asio::ip::tcp::endpoint& endpoint,
                    const boost::asio::ip::address& from);

  void Send(std::string_view bytes);
  // Sends "GET target" with Host and the given extra header lines ("A: b\r\n").
  void SendGet(std::string_view target, std::string_view extra_headers = "");

  // The next response, or nullopt when the server closed the connection
  // (or reset it) before one arrived.
  [[nodiscard]] std::optional<boost::beast::http::response<boost::beast::http::string_body>>
  ReadResponse();

  // True when the server has closed the connection: the next read sees EOF.
  [[nodiscard]] bool ClosedByServer();

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace badgewatch::test

#endif  // BADGEWATCH_TESTS_SUPPORT_RAW_HTTP_CONNECTION_H_
