#include "tests/support/raw_http_connection.h"

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <stdexcept>

namespace badgewatch::test {

namespace http = boost::beast::http;

RawHttpConnection::RawHttpConnection(const boost::asio::ip::tcp::endpoint& endpoint)
    : socket_(io_) {
  boost::system::error_code ec;
  socket_.connect(endpoint, ec);
  if (ec) throw std::runtime_error("cannot connect to the test server: " + ec.message());
}

RawHttpConnection::RawHttpConnection(const boost::asio::ip::tcp::endpoint& endpoint,
                                     const boost::asio::ip::address& from)
    : socket_(io_) {
  boost::system::error_code ec;
  socket_.open(endpoint.protocol(), ec);
  if (!ec) socket_.bind(boost::asio::ip::tcp::endpoint(from, 0), ec);
  if (!ec) socket_.connect(endpoint, ec);
  if (ec) throw std::runtime_error("cannot connect to the test server: " + ec.message());
}

void RawHttpConnection::Send(std::string_view bytes) {
  boost::system::error_code ec;
  boost::asio::write(socket_, boost::asio::buffer(bytes.data(), bytes.size()), ec);
  // A server that already closed may reset the write: the read says so.
}

void RawHttpConnection::SendGet(std::string_view target, std::string_view extra_headers) {
  std::string request = "GET ";
  request.append(target);
  request.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  request.append(extra_headers);
  request.append("\r\n");
  Send(request);
}

std::optional<http::response<http::string_body>> RawHttpConnection::ReadResponse() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  boost::system::error_code ec;
  http::read(socket_, buffer_, parser, ec);
  if (ec) return std::nullopt;
  return parser.release();
}

bool RawHttpConnection::ClosedByServer() {
  if (buffer_.size() > 0) return false;
  char byte = 0;
  boost::system::error_code ec;
  boost::asio::read(socket_, boost::asio::buffer(&byte, 1), ec);
  return ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset;
}

}  // namespace badgewatch::test
