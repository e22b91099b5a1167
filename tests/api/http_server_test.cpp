// The HTTP server over real loopback connections: limits, deadlines,
// pipelining, the connection cap, graceful stop, metrics.
#include "api/http_server.h"

#include <sys/resource.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <catch2/catch.hpp>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "api/request_router.h"
#include "tests/support/raw_http_connection.h"

namespace {

using badgewatch::api::HttpServer;
using badgewatch::api::HttpServerOptions;
using badgewatch::api::JsonResponse;
using badgewatch::api::RequestRouter;
using badgewatch::api::RouteRequest;
using badgewatch::test::RawHttpConnection;
namespace http = boost::beast::http;
namespace asio = boost::asio;

// A server on 127.0.0.1:<free port> whose io_context runs on its own thread.
// `/hello` answers at once; `/gate` tells `entered` and waits for `release`.
class ServerUnderTest {
 public:
  explicit ServerUnderTest(HttpServerOptions options = {}) {
    router_.Add(http::verb::get, "/hello", [](const RouteRequest& r) {
      return JsonResponse(r.request, http::status::ok, {{"hello", "你好"}});
    });
    router_.Add(http::verb::post, "/echo", [](const RouteRequest& r) {
      return JsonResponse(r.request, http::status::ok, {{"bytes", r.request.body().size()}});
    });
    router_.Add(http::verb::get, "/gate", [this](const RouteRequest& r) {
      entered_.set_value();
      released_.wait();
      return JsonResponse(r.request, http::status::ok, {{"gate", "passed"}});
    });
    server_ = std::make_unique<HttpServer>(
        io_, workers_.get_executor(),
        [this](const auto& request) { return router_.Handle(request); }, std::move(options));
    const std::string error =
        server_->Listen(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    REQUIRE(error.empty());
    endpoint_ = server_->local_endpoint();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~ServerUnderTest() {
    Stop();
    Join();
    workers_.join();
  }

  void Stop() {
    asio::post(io_, [this] { server_->Stop(); });
  }
  void Join() {
    if (thread_.joinable()) thread_.join();
  }
  void WaitUntilGateEntered() { entered_future_.wait(); }
  void ReleaseGate() { release_.set_value(); }

  const asio::ip::tcp::endpoint& endpoint() const { return endpoint_; }
  HttpServer& server() { return *server_; }

 private:
  asio::io_context io_;
  asio::thread_pool workers_{2};
  RequestRouter router_;
  std::unique_ptr<HttpServer> server_;
  asio::ip::tcp::endpoint endpoint_;
  std::thread thread_;
  std::promise<void> entered_;
  std::future<void> entered_future_ = entered_.get_future();
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
};

}  // namespace

TEST_CASE("HttpServer: answers, keeps the connection alive, and pipelines in order",
          "[api][server]") {
  ServerUnderTest server;
  RawHttpConnection client(server.endpoint());
  client.SendGet("/hello");
  auto first = client.ReadResponse();
  REQUIRE(first);
  CHECK(first->result() == http::status::ok);
  CHECK(first->keep_alive());
  CHECK(nlohmann::json::parse(first->body())["hello"] == "你好");

  // Three requests in one write come back as three responses, in order.
  client.Send(
      "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde");
  auto a = client.ReadResponse();
  auto b = client.ReadResponse();
  auto c = client.ReadResponse();
  REQUIRE((a && b && c));
  CHECK(a->result() == http::status::ok);
  CHECK(b->result() == http::status::not_found);
  CHECK(nlohmann::json::parse(c->body())["bytes"] == 5);
}

TEST_CASE("HttpServer: oversized and malformed requests get an error and a close",
          "[api][server]") {
  ServerUnderTest server;
  SECTION("body over 64 KiB: 413") {
    RawHttpConnection client(server.endpoint());
    client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n" +
                std::string(70000, 'x'));
    auto response = client.ReadResponse();
    REQUIRE(response);
    CHECK(response->result() == http::status::payload_too_large);
    CHECK_FALSE(response->keep_alive());
    CHECK(client.ClosedByServer());
  }
  SECTION("a body of exactly 64 KiB is accepted") {
    RawHttpConnection client(server.endpoint());
    client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 65536\r\n\r\n" +
                std::string(65536, 'x'));
    auto response = client.ReadResponse();
    REQUIRE(response);
    CHECK(nlohmann::json::parse(response->body())["bytes"] == 65536);
  }
  SECTION("headers over 8 KiB: 431") {
    RawHttpConnection client(server.endpoint());
    client.SendGet("/hello", "X-Padding: " + std::string(9000, 'a') + "\r\n");
    auto response = client.ReadResponse();
    REQUIRE(response);
    CHECK(response->result() == http::status::request_header_fields_too_large);
    CHECK(client.ClosedByServer());
  }
  SECTION("garbage: 400") {
    RawHttpConnection client(server.endpoint());
    client.Send("HELLO THERE\r\n\r\n");
    auto response = client.ReadResponse();
    REQUIRE(response);
    CHECK(response->result() == http::status::bad_request);
    CHECK(client.ClosedByServer());
  }
  // The server still serves others afterwards.
  RawHttpConnection other(server.endpoint());
  other.SendGet("/hello");
  auto response = other.ReadResponse();
  REQUIRE(response);
  CHECK(response->result() == http::status::ok);
}

TEST_CASE("HttpServer: a request that does not arrive in time is cut off", "[api][server]") {
  HttpServerOptions options;
  options.read_timeout = std::chrono::milliseconds(300);
  ServerUnderTest server(options);
  RawHttpConnection slow(server.endpoint());
  slow.Send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  CHECK(slow.ClosedByServer());                     // returns when the deadline fires

  RawHttpConnection idle(server.endpoint());  // sends nothing at all: just closed
  CHECK(idle.ClosedByServer());
  CHECK(server.server().metrics().PrometheusText().find(
            "badgewatch_http_request_timeouts_total 1\n") != std::string::npos);
}

TEST_CASE("HttpServer: a thousand idle connections do not block a normal request",
          "[api][server]") {
  rlimit limit{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
  if (limit.rlim_cur < 2300 && limit.rlim_max >= 2300) {
    limit.rlim_cur = 2300;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &limit) == 0);
  }
  if (limit.rlim_cur < 2300) {
    WARN("descriptor limit " << limit.rlim_cur << " too low for 1,000 connections; skipped");
    return;
  }
  ServerUnderTest server;
  std::vector<std::unique_ptr<RawHttpConnection>> idle;
  for (int i = 0; i < 1000; ++i) {
    idle.push_back(std::make_unique<RawHttpConnection>(server.endpoint()));
  }
  idle.back()->Send("GET /hello HTTP/1.1\r\n");  // and one that is half-way through a request
  RawHttpConnection client(server.endpoint());
  client.SendGet("/hello");
  auto response = client.ReadResponse();
  REQUIRE(response);
  CHECK(response->result() == http::status::ok);
}

TEST_CASE("HttpServer: at the connection cap, accepting waits for a free slot", "[api][server]") {
  HttpServerOptions options;
  options.max_connections = 2;
  ServerUnderTest server(options);
  auto first = std::make_unique<RawHttpConnection>(server.endpoint());
  RawHttpConnection second(server.endpoint());
  first->SendGet("/hello");  // both are accepted and served
  REQUIRE(first->ReadResponse());
  second.SendGet("/hello");
  REQUIRE(second.ReadResponse());

  RawHttpConnection third(server.endpoint());  // queued by the kernel, not yet accepted
  third.SendGet("/hello");
  first.reset();  // frees a slot: the third is accepted and answered
  auto response = third.ReadResponse();
  REQUIRE(response);
  CHECK(response->result() == http::status::ok);
}

TEST_CASE("HttpServer: after max requests per connection it says close", "[api][server]") {
  HttpServerOptions options;
  options.max_requests_per_connection = 2;
  ServerUnderTest server(options);
  RawHttpConnection client(server.endpoint());
  client.SendGet("/hello");
  auto first = client.ReadResponse();
  REQUIRE(first);
  CHECK(first->keep_alive());
  client.SendGet("/hello");
  auto second = client.ReadResponse();
  REQUIRE(second);
  CHECK_FALSE(second->keep_alive());
  CHECK(client.ClosedByServer());
}

TEST_CASE("HttpServer: stop finishes the request in flight, closes idle ones, and returns",
          "[api][server]") {
  ServerUnderTest server;
  RawHttpConnection idle(server.endpoint());
  idle.SendGet("/hello");
  REQUIRE(idle.ReadResponse());  // now idle, waiting for its next request

  RawHttpConnection busy(server.endpoint());
  busy.SendGet("/gate");
  server.WaitUntilGateEntered();
  server.Stop();
  CHECK(idle.ClosedByServer());  // closed at once, while /gate is still held

  server.ReleaseGate();
  auto response = busy.ReadResponse();
  REQUIRE(response);
  CHECK(response->result() == http::status::ok);
  CHECK_FALSE(response->keep_alive());
  CHECK(busy.ClosedByServer());
  server.Join();  // io_context::run() returned: nothing was left behind
  CHECK(server.server().metrics().open_connections() == 0);
  CHECK(server.server().metrics().requests_served() == 2);
}
