#include "api/http/http_server.h"

#include <boost/asio/socket_base.hpp>
#include <utility>

#include "api/http/detail/http_session.h"

namespace badgewatch::api {

HttpServer::HttpServer(boost::asio::io_context& io, boost::asio::any_io_executor workers,
                       RequestHandler handler, HttpServerOptions options)
    : shared_(std::make_shared<detail::ServerShared>(io, std::move(workers), std::move(handler),
                                                     std::move(options))) {}

HttpServer::~HttpServer() { shared_->Stop(); }

std::string HttpServer::Listen(const boost::asio::ip::tcp::endpoint& endpoint) {
  boost::system::error_code ec;
  auto& acceptor = shared_->acceptor;
  const auto fail = [&](const char* step) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    return std::string(step) + " " + endpoint.address().to_string() + ":" +
           std::to_string(endpoint.port()) + ": " + ec.message();
  };
  if (acceptor.open(endpoint.protocol(), ec)) return fail("cannot open a socket for");
  if (acceptor.set_option(boost::asio::socket_base::reuse_address(true), ec)) {
    return fail("cannot set SO_REUSEADDR on");
  }
  if (acceptor.bind(endpoint, ec)) return fail("cannot listen on");
  if (acceptor.listen(boost::asio::socket_base::max_listen_connections, ec)) {
    return fail("cannot listen on");
  }
  shared_->Accept();
  return "";
}

boost::asio::ip::tcp::endpoint HttpServer::local_endpoint() const {
  boost::system::error_code ec;
  return shared_->acceptor.local_endpoint(ec);
}

void HttpServer::Stop() { shared_->Stop(); }

const ServerMetrics& HttpServer::metrics() const { return shared_->metrics; }

}  // namespace badgewatch::api
