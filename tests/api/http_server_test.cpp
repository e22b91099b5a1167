// The HTTP server over real loopback connections: limits, deadlines,
// pipelining, the connection cap, graceful stop, metrics.
#include "api/http/http_server.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <catch2/catch.hpp>
#include <future>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/http/request_router.h"
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
    router_.Add(http::verb::get, "/whoami", [](const RouteRequest& r) {
      return JsonResponse(r.request, http::status::ok, {{"client", r.client.to_string()}});
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
        [this](const auto& request, const auto& client) { return router_.Handle(request, client); },
        std::move(options));
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
  HttpServerOptions options;
  options.client_limits.connections_per_address = 0;  // all from 127.0.0.1: the global case
  ServerUnderTest server(options);
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

namespace {

const asio::ip::address kOtherClient = asio::ip::make_address("127.0.0.2");

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The response to `GET target` (with `headers`) on `connection`.
http::response<http::string_body> Get(RawHttpConnection& connection, const std::string& target,
                                      const std::string& headers = "") {
  connection.SendGet(target, headers);
  auto response = connection.ReadResponse();
  REQUIRE(response);
  return std::move(*response);
}

}  // namespace

TEST_CASE(
    "HttpServer: connections of one address past its share are closed at once while another "
    "address is served (slowloris from one address)",
    "[api][server]") {
  HttpServerOptions options;
  options.client_limits.connections_per_address = 3;
  ServerUnderTest server(options);
  std::vector<std::unique_ptr<RawHttpConnection>> slow;
  for (int i = 0; i < 3; ++i) {
    slow.push_back(std::make_unique<RawHttpConnection>(server.endpoint()));
    slow.back()->Send("GET /hello HTTP/1.1\r\n");  // never finishes its headers
  }
  RawHttpConnection refused(server.endpoint());
  CHECK(refused.ClosedByServer());

  RawHttpConnection other(server.endpoint(), kOtherClient);
  auto response = Get(other, "/hello");
  CHECK(response.result() == http::status::ok);
  CHECK(Contains(server.server().metrics().PrometheusText(),
                 "badgewatch_http_connections_refused_total 1\n"));

  // A connection of the address that closes frees its place.
  slow.front()->Send("Connection: close\r\n\r\n");
  REQUIRE(slow.front()->ReadResponse());
  REQUIRE(slow.front()->ClosedByServer());
  RawHttpConnection again(server.endpoint());
  auto later = Get(again, "/hello");
  CHECK(later.result() == http::status::ok);
}

TEST_CASE("HttpServer: a client over its request rate gets 429 with Retry-After, others do not",
          "[api][server]") {
  HttpServerOptions options;
  options.client_limits.requests_per_second = 0.01;  // one more every 100 s
  options.client_limits.request_burst = 3;
  ServerUnderTest server(options);
  RawHttpConnection client(server.endpoint());
  for (int i = 0; i < 3; ++i) CHECK(Get(client, "/hello").result() == http::status::ok);
  auto limited = Get(client, "/hello");
  CHECK(limited.result() == http::status::too_many_requests);
  CHECK(std::stoi(std::string(limited[http::field::retry_after])) >= 60);
  CHECK(limited.keep_alive());
  CHECK(Contains(limited.body(), "请求过于频繁"));

  RawHttpConnection other(server.endpoint(), kOtherClient);
  auto response = Get(other, "/hello");
  CHECK(response.result() == http::status::ok);
  CHECK(Contains(server.server().metrics().PrometheusText(),
                 "badgewatch_http_requests_limited_total{limit=\"rate\"} 1\n"));
}

TEST_CASE("HttpServer: requests of one client in flight past the cap get 429 at once",
          "[api][server]") {
  HttpServerOptions options;
  options.client_limits.in_flight_per_client = 1;
  ServerUnderTest server(options);
  RawHttpConnection held(server.endpoint());
  held.SendGet("/gate");
  server.WaitUntilGateEntered();

  RawHttpConnection second(server.endpoint());
  auto refused = Get(second, "/hello");
  CHECK(refused.result() == http::status::too_many_requests);
  CHECK(std::string(refused[http::field::retry_after]) == "1");

  RawHttpConnection other(server.endpoint(), kOtherClient);
  auto response = Get(other, "/hello");
  CHECK(response.result() == http::status::ok);

  server.ReleaseGate();
  REQUIRE(held.ReadResponse());
  auto after = Get(second, "/hello");
  CHECK(after.result() == http::status::ok);
  CHECK(Contains(server.server().metrics().PrometheusText(),
                 "badgewatch_http_requests_limited_total{limit=\"in-flight\"} 1\n"));
}

TEST_CASE("HttpServer: behind a trusted proxy the limits count the client X-Forwarded-For names",
          "[api][server]") {
  HttpServerOptions options;
  REQUIRE(options.trusted_proxies.Add("127.0.0.1").empty());
  auto access_lines = std::make_shared<std::ostringstream>();
  options.access_log = std::make_shared<spdlog::logger>(
      "access-test", std::make_shared<spdlog::sinks::ostream_sink_mt>(*access_lines));
  options.access_log->set_pattern("%v");
  options.client_limits.connections_per_address = 1;
  options.client_limits.requests_per_second = 0.01;
  options.client_limits.request_burst = 1;
  ServerUnderTest server(options);
  RawHttpConnection proxy(server.endpoint());
  RawHttpConnection proxy_again(server.endpoint());  // a proxy's connections are not capped
  const auto forwarded_as = [](RawHttpConnection& connection, const std::string& forwarded) {
    return Get(connection, "/whoami", "X-Forwarded-For: " + forwarded + "\r\n");
  };
  auto first = forwarded_as(proxy, "203.0.113.5");
  CHECK(first.result() == http::status::ok);
  CHECK(nlohmann::json::parse(first.body())["client"] == "203.0.113.5");
  CHECK(forwarded_as(proxy_again, "203.0.113.5").result() == http::status::too_many_requests);
  // A client that writes its own hops to the left cannot pick its address.
  CHECK(forwarded_as(proxy, "198.51.100.1, 203.0.113.5").result() ==
        http::status::too_many_requests);
  CHECK(forwarded_as(proxy, "203.0.113.6").result() == http::status::ok);
  // (A line is written once its response is; the later answers on `proxy` say it was.)
  CHECK(Contains(access_lines->str(), " for 203.0.113.5 \"GET /whoami\" 200 "));

  // Not a trusted proxy: X-Forwarded-For is ignored, the peer is the client.
  RawHttpConnection direct(server.endpoint(), kOtherClient);
  auto own = forwarded_as(direct, "203.0.113.7");
  CHECK(nlohmann::json::parse(own.body())["client"] == "127.0.0.2");
  CHECK(forwarded_as(direct, "203.0.113.8").result() == http::status::too_many_requests);
}
