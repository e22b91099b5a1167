// The client address behind trusted proxies (X-Forwarded-For read right to
// left), and the per-client limiter on a fake clock: connections per address,
// requests in flight, the token bucket, and that idle addresses are forgotten.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "api/http/client_address.h"
#include "api/http/client_limiter.h"

namespace {

using badgewatch::api::ClientAddress;
using badgewatch::api::ClientLimiter;
using badgewatch::api::ClientLimits;
using badgewatch::api::HttpRequest;
using badgewatch::api::ParseForwardedHop;
using badgewatch::api::TrustedProxies;
namespace http = boost::beast::http;
namespace asio = boost::asio;
using Refusal = ClientLimiter::Admission::Refusal;
using std::chrono::milliseconds;
using std::chrono::seconds;

asio::ip::address Ip(const std::string& text) { return asio::ip::make_address(text); }

HttpRequest WithForwardedFor(const std::vector<std::string>& headers) {
  HttpRequest request{http::verb::get, "/", 11};
  request.insert(http::field::host, "badge.example");
  for (const std::string& value : headers) {
    request.insert("X-Forwarded-For", value);
    request.insert(http::field::accept, "*/*");  // same-name fields need not be adjacent
  }
  return request;
}

struct FakeClock {
  ClientLimiter::Clock::time_point now{};
  std::function<ClientLimiter::Clock::time_point()> Function() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("TrustedProxies: addresses and networks, v4 and v6, and nothing else", "[api]") {
  TrustedProxies proxies;
  CHECK(proxies.empty());
  CHECK(proxies.Add("10.0.0.0/8").empty());
  CHECK(proxies.Add("192.0.2.7").empty());
  CHECK(proxies.Add("fd00::/8").empty());
  CHECK_FALSE(proxies.Add("proxy.example").empty());
  CHECK_FALSE(proxies.Add("10.0.0.0/33").empty());
  CHECK(proxies.Contains(Ip("10.200.1.1")));
  CHECK(proxies.Contains(Ip("::ffff:10.1.2.3")));  // a dual-stack socket's IPv4 peer
  CHECK(proxies.Contains(Ip("192.0.2.7")));
  CHECK_FALSE(proxies.Contains(Ip("192.0.2.8")));
  CHECK(proxies.Contains(Ip("fd12::1")));
  CHECK_FALSE(proxies.Contains(Ip("2001:db8::1")));
}

TEST_CASE("ParseForwardedHop: addresses with or without a port, not names or junk", "[api]") {
  CHECK(ParseForwardedHop(" 203.0.113.5 ") == Ip("203.0.113.5"));
  CHECK(ParseForwardedHop("203.0.113.5:4711") == Ip("203.0.113.5"));
  CHECK(ParseForwardedHop("2001:db8::1") == Ip("2001:db8::1"));
  CHECK(ParseForwardedHop("[2001:db8::1]:443") == Ip("2001:db8::1"));
  CHECK(ParseForwardedHop("[2001:db8::1]") == Ip("2001:db8::1"));
  CHECK_FALSE(ParseForwardedHop("unknown"));
  CHECK_FALSE(ParseForwardedHop(""));
  CHECK_FALSE(ParseForwardedHop("203.0.113.5:"));
  CHECK_FALSE(ParseForwardedHop("[2001:db8::1]x"));
}

TEST_CASE(
    "ClientAddress: the peer, or behind trusted proxies the first untrusted hop read right to "
    "left",
    "[api]") {
  TrustedProxies proxies;
  REQUIRE(proxies.Add("10.0.0.0/8").empty());
  const auto peer_proxy = Ip("10.0.0.1");
  struct Case {
    std::vector<std::string> headers;
    std::string client;
  };
  const std::vector<Case> cases = {
      {{}, "10.0.0.1"},                                            // no header: the proxy itself
      {{"203.0.113.5"}, "203.0.113.5"},                            // one hop
      {{"198.51.100.1, 203.0.113.5"}, "203.0.113.5"},              // the client wrote the left one
      {{"203.0.113.5, 10.0.0.9"}, "203.0.113.5"},                  // two proxies of ours
      {{"198.51.100.1", "203.0.113.5, 10.0.0.9"}, "203.0.113.5"},  // headers joined in order
      {{"203.0.113.5, garbage"}, "10.0.0.1"},  // unreadable: the last trusted one
      {{"10.0.0.7"}, "10.0.0.7"},              // every hop trusted: the leftmost
      {{"[2001:db8::5]:443"}, "2001:db8::5"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.headers, c.client);
    CHECK(ClientAddress(peer_proxy, WithForwardedFor(c.headers), proxies) == Ip(c.client));
  }
  // An untrusted peer is the client whatever it says.
  CHECK(ClientAddress(Ip("203.0.113.9"), WithForwardedFor({"10.0.0.1"}), proxies) ==
        Ip("203.0.113.9"));
  CHECK(ClientAddress(Ip("::ffff:203.0.113.9"), WithForwardedFor({}), TrustedProxies{}) ==
        Ip("203.0.113.9"));
}

TEST_CASE("ClientLimiter: connections per address, counted by address (IPv6 by /64)", "[api]") {
  FakeClock clock;
  ClientLimits limits;
  limits.connections_per_address = 2;
  ClientLimiter limiter(limits, clock.Function());
  CHECK(limiter.OpenConnection(Ip("192.0.2.1")));
  CHECK(limiter.OpenConnection(Ip("192.0.2.1")));
  CHECK_FALSE(limiter.OpenConnection(Ip("192.0.2.1")));
  CHECK(limiter.OpenConnection(Ip("192.0.2.2")));
  limiter.CloseConnection(Ip("192.0.2.1"));
  CHECK(limiter.OpenConnection(Ip("192.0.2.1")));

  CHECK(limiter.OpenConnection(Ip("2001:db8:0:1::1")));
  CHECK(limiter.OpenConnection(Ip("2001:db8:0:1::2")));
  CHECK_FALSE(limiter.OpenConnection(Ip("2001:db8:0:1:ffff::3")));
  CHECK(limiter.OpenConnection(Ip("2001:db8:0:2::1")));
}

TEST_CASE("ClientLimiter: requests in flight and the token bucket, then idle clients forgotten",
          "[api]") {
  FakeClock clock;
  ClientLimits limits;
  limits.in_flight_per_client = 2;
  limits.requests_per_second = 10;
  limits.request_burst = 5;
  ClientLimiter limiter(limits, clock.Function());
  const auto client = Ip("192.0.2.1");

  CHECK(limiter.AdmitRequest(client).admitted());
  CHECK(limiter.AdmitRequest(client).admitted());
  const ClientLimiter::Admission busy = limiter.AdmitRequest(client);
  CHECK(busy.refusal == Refusal::kInFlight);
  CHECK(busy.retry_after == seconds(1));
  CHECK(limiter.AdmitRequest(Ip("192.0.2.2")).admitted());  // others are counted apart
  limiter.RequestFinished(Ip("192.0.2.2"));
  limiter.RequestFinished(client);
  limiter.RequestFinished(client);

  // The burst of 5 has 3 tokens left; then one more every 100 ms.
  for (int i = 0; i < 3; ++i) {
    REQUIRE(limiter.AdmitRequest(client).admitted());
    limiter.RequestFinished(client);
  }
  const ClientLimiter::Admission limited = limiter.AdmitRequest(client);
  CHECK(limited.refusal == Refusal::kRate);
  CHECK(limited.retry_after == seconds(1));
  clock.now += milliseconds(100);
  CHECK(limiter.AdmitRequest(client).admitted());
  limiter.RequestFinished(client);
  CHECK_FALSE(limiter.AdmitRequest(client).admitted());

  // Once the bucket is full again and nothing is open, the address is dropped.
  CHECK(limiter.tracked_addresses() == 2);
  clock.now += seconds(1);
  limiter.RequestFinished(client);          // (unmatched calls are harmless)
  CHECK(limiter.tracked_addresses() == 1);  // 192.0.2.2 waits for the next sweep
  REQUIRE(limiter.OpenConnection(client));
  CHECK(limiter.tracked_addresses() == 2);
  limiter.CloseConnection(client);
  CHECK(limiter.tracked_addresses() == 1);
}

TEST_CASE("ClientLimiter: a flood of addresses does not grow it past the live ones", "[api]") {
  FakeClock clock;
  ClientLimiter limiter(ClientLimits{}, clock.Function());
  for (int i = 0; i < 20'000; ++i) {
    const auto address = asio::ip::address_v4(0xC6120000u + static_cast<unsigned>(i));
    REQUIRE(limiter.AdmitRequest(address).admitted());
    limiter.RequestFinished(address);
    clock.now += milliseconds(1);
  }
  // Each bucket is full again 20 ms after its one request (50/s), so the sweep
  // at 4,096 addresses drops all but the newest few.
  CHECK(limiter.tracked_addresses() <= 4096);
}
