#include "tests/support/test_web_server.h"

#include <zlib.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <stdexcept>

namespace badgewatch::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;

struct TestWebServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::vector<std::shared_ptr<tcp::socket>> sockets;
  asio::ssl::context tls{asio::ssl::context::tls_server};
};

struct ServedConnection {
  tcp::socket& socket;
  asio::ssl::stream<tcp::socket&>* tls = nullptr;

  bool Write(const void* data, std::size_t size) {
    boost::system::error_code ec;
    if (tls != nullptr) {
      asio::write(*tls, asio::buffer(data, size), ec);
    } else {
      asio::write(socket, asio::buffer(data, size), ec);
    }
    return !ec;
  }
  bool Read(boost::beast::flat_buffer& buffer, http::request<http::string_body>& request) {
    boost::system::error_code ec;
    if (tls != nullptr) {
      http::read(*tls, buffer, request, ec);
    } else {
      http::read(socket, buffer, request, ec);
    }
    return !ec;
  }
};

namespace {

std::string StatusLine(int status) {
  return "HTTP/1.1 " + std::to_string(status) + " " +
         std::string(http::obsolete_reason(static_cast<http::status>(status))) + "\r\n";
}

bool WriteAll(ServedConnection& connection, const std::string& data) {
  return connection.Write(data.data(), data.size());
}

// Streams 1 GiB of zeros gzip-compressed, produced lazily.
void WriteGzipBomb(ServedConnection& connection) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) return;
  std::vector<unsigned char> zeros(1 << 20, 0);
  std::vector<unsigned char> out(1 << 16);
  for (int mib = 0; mib < 1024; ++mib) {
    z.next_in = zeros.data();
    z.avail_in = static_cast<uInt>(zeros.size());
    const int flush = mib == 1023 ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      deflate(&z, flush);
      const std::size_t n = out.size() - z.avail_out;
      if (n > 0 && !connection.Write(out.data(), n)) {
        deflateEnd(&z);
        return;
      }
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
}

}  // namespace

TestWebServer::TestWebServer(const std::string& address, std::uint16_t port,
                             const std::string& tls_certificate, const std::string& tls_key)
    : impl_(std::make_unique<Impl>()), address_(address), tls_(!tls_certificate.empty()) {
  if (tls_) {
    impl_->tls.use_certificate_chain_file(tls_certificate);
    impl_->tls.use_private_key_file(tls_key, asio::ssl::context::pem);
  }
  const tcp::endpoint endpoint(asio::ip::make_address(address), port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  acceptor_thread_ = std::thread([this] {
    while (true) {
      auto socket = std::make_shared<tcp::socket>(impl_->io);
      boost::system::error_code ec;
      impl_->acceptor.accept(*socket, ec);
      std::lock_guard lock(mutex_);
      if (ec || stopped_) return;
      ++connections_;
      if (++open_ > max_open_) max_open_ = open_;
      impl_->sockets.push_back(socket);
      connection_threads_.emplace_back([this, socket] {
        if (tls_) {
          asio::ssl::stream<tcp::socket&> stream(*socket, impl_->tls);
          boost::system::error_code handshake_ec;
          stream.handshake(asio::ssl::stream_base::server, handshake_ec);
          ServedConnection connection{*socket, &stream};
          if (!handshake_ec) ServeConnection(connection);
        } else {
          ServedConnection connection{*socket};
          ServeConnection(connection);
        }
        std::lock_guard closed(mutex_);
        --open_;
        boost::system::error_code close_ec;
        socket->close(close_ec);
      });
    }
  });
}

void TestWebServer::ServeConnection(ServedConnection& connection) {
  boost::beast::flat_buffer buffer;
  while (true) {
    http::request<http::string_body> request;
    if (!connection.Read(buffer, request)) return;
    const RequestInFlight in_flight(*this);
    std::string host(request[http::field::host]);
    host = host.substr(0, host.rfind(':') == std::string::npos || host.back() == ']'
                              ? host.size()
                              : host.rfind(':'));
    const std::string target(request.target());
    const TestResponse response = Respond(host, target);
    if (response.delay.count() > 0) {
      std::unique_lock wait_lock(mutex_);
      if (stopping_.wait_for(wait_lock, response.delay, [this] { return stopped_; })) return;
    }
    using B = TestResponse::Behaviour;
    if (response.behaviour == B::kNeverAnswer) {
      std::unique_lock wait_lock(mutex_);
      stopping_.wait(wait_lock, [this] { return stopped_; });
      return;
    }
    std::string head = StatusLine(response.status);
    if (!response.content_type.empty()) {
      head += "Content-Type: " + response.content_type + "\r\n";
    }
    for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
    if (response.behaviour == B::kNormal) {
      head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
      if (!WriteAll(connection, head + response.body)) return;
      continue;
    }
    if (response.behaviour == B::kTrickle) {
      head += "Content-Length: 100000\r\n\r\n";
      if (!WriteAll(connection, head)) return;
      for (int i = 0; i < 100000; ++i) {
        if (!WriteAll(connection, "x")) return;
        std::unique_lock wait_lock(mutex_);
        if (stopping_.wait_for(wait_lock, std::chrono::seconds(1), [this] { return stopped_; })) {
          return;
        }
      }
      return;
    }
    head += "Connection: close\r\n";
    if (response.behaviour == B::kGzipBomb) {
      head += "Content-Encoding: gzip\r\n\r\n";
      if (WriteAll(connection, head)) WriteGzipBomb(connection);
      return;
    }
    head += "\r\n";  // kEndlessBody: no length, ends when the client goes
    if (!WriteAll(connection, head + "<html><body>")) return;
    const std::string chunk(64 * 1024, 'a');
    while (WriteAll(connection, chunk)) {
    }
    return;
  }
}

TestWebServer::RequestInFlight::RequestInFlight(TestWebServer& server) : server_(server) {
  std::lock_guard lock(server_.mutex_);
  if (++server_.requests_in_flight_ > server_.max_requests_in_flight_) {
    server_.max_requests_in_flight_ = server_.requests_in_flight_;
  }
}

TestWebServer::RequestInFlight::~RequestInFlight() {
  std::lock_guard lock(server_.mutex_);
  --server_.requests_in_flight_;
}

TestWebServer::~TestWebServer() { Stop(); }

void TestWebServer::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
    boost::system::error_code ec;
    for (auto& socket : impl_->sockets) socket->shutdown(tcp::socket::shutdown_both, ec);
  }
  stopping_.notify_all();
  // Wake the blocking accept() with a connection of our own; it sees stopped_.
  {
    tcp::socket poke(impl_->io);
    boost::system::error_code ec;
    poke.connect(tcp::endpoint(asio::ip::make_address(address_), port_), ec);
    if (acceptor_thread_.joinable()) acceptor_thread_.join();
  }
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
  for (auto& thread : connection_threads_) thread.join();
}

std::string TestWebServer::Origin(const std::string& host) const {
  return (tls_ ? "https://" : "http://") + host + ":" + std::to_string(port_);
}

void TestWebServer::Serve(const std::string& host, const std::string& target,
                          TestResponse response) {
  ServeSequence(host, target, {std::move(response)});
}

void TestWebServer::ServeSequence(const std::string& host, const std::string& target,
                                  std::vector<TestResponse> responses) {
  std::lock_guard lock(mutex_);
  routes_[{host, target}] = std::move(responses);
}

void TestWebServer::ServePage(const std::string& host, const std::string& target,
                              const std::string& title, const std::string& body_html) {
  TestResponse response;
  response.body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
                  "</title></head><body>" + body_html + "</body></html>";
  Serve(host, target, std::move(response));
}

void TestWebServer::ServeGenerated(ResponseGenerator generator) {
  std::lock_guard lock(mutex_);
  generator_ = std::move(generator);
}

void TestWebServer::StopLogging() {
  std::lock_guard lock(mutex_);
  logging_ = false;
  log_.clear();
}

TestResponse TestWebServer::Respond(const std::string& host, const std::string& target) {
  std::unique_lock lock(mutex_);
  if (logging_) log_.push_back({host, target, std::chrono::steady_clock::now()});
  const auto it = routes_.find({host, target});
  if ((it == routes_.end() || it->second.empty()) && generator_) {
    const ResponseGenerator generator = generator_;
    lock.unlock();
    return generator(host, target);
  }
  if (it == routes_.end() || it->second.empty()) {
    TestResponse missing;
    missing.status = 404;
    missing.body = "not found";
    missing.content_type = "text/plain";
    return missing;
  }
  std::size_t& n = served_[{host, target}];
  const TestResponse& response = it->second[std::min(n, it->second.size() - 1)];
  ++n;
  return response;
}

std::vector<LoggedRequest> TestWebServer::Log() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::size_t TestWebServer::Count(const std::string& host, const std::string& target) const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const LoggedRequest& request : log_) n += request.host == host && request.target == target;
  return n;
}

}  // namespace badgewatch::testing
