// HTTP(S) transfers for the crawler: libcurl's multi_socket API driven by an
// Asio io_context. curl never resolves: each request carries the address the
// resolver returned and the address policy approved, and curl is pinned to it
// (CURLOPT_RESOLVE, checked again when it opens a socket). One transfer is one
// request: redirects are returned, not followed. HTTPS uses HTTP/2 when the
// server offers it by ALPN, and requests to one host wait to share its
// connection rather than open another. io_context thread only; completion
// callbacks are posted to it.
#ifndef BADGEWATCH_CRAWLER_HTTP_FETCHER_H_
#define BADGEWATCH_CRAWLER_HTTP_FETCHER_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "crawler/address_policy.h"
#include "foundation/status.h"

namespace badgewatch::crawler {

struct FetchLimits {
  std::size_t max_body_bytes = 5 * 1024 * 1024;  // decoded bytes; more is kTooLarge
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{30000};
  long low_speed_bytes = 1024;              // a transfer slower than this per second ...
  std::chrono::seconds low_speed_time{15};  // ... for this long times out
  long max_host_connections = 2;
  std::string user_agent = "badgewatch/0.1 (CONAC badge check)";
  std::string ca_file;  // extra CA bundle (tests with a self-signed server); empty: system
};

struct FetchRequest {
  std::string url;   // absolute http(s)
  std::string host;  // the URL's host, ASCII
  std::uint16_t port = 0;
  boost::asio::ip::address address;  // the only address curl may connect to
};

enum class FetchFailure { kConnect, kRefused, kTimeout, kTls, kTooLarge, kPolicy, kProtocol };

struct FetchResponse {
  long status = 0;
  std::string content_type;  // the Content-Type header; empty when absent
  std::string body;          // decoded (Content-Encoding undone)
  std::string redirect_url;  // absolute Location of a 3xx; empty otherwise
  std::optional<std::chrono::seconds> retry_after;
};

// One transfer's outcome: the response, or a Status saying why there is none
// ("connection refused by 127.0.0.1:8080", "timeout after 30 s" ...; code
// kUnavailable, kPermissionDenied for the address policy, kResourceExhausted
// for a body over the limit, kInternal when curl itself fails) and the kind of
// failure, which the crawl's retry rule and reports read.
struct FetchResult {
  FetchResult(FetchResponse ok) : response(std::move(ok)) {}  // NOLINT: implicit
  FetchResult(FetchFailure kind, Status why) : response(std::move(why)), failure(kind) {}

  [[nodiscard]] bool ok() const { return response.ok(); }

  Result<FetchResponse> response;
  FetchFailure failure = FetchFailure::kProtocol;  // meaningful only when !ok()
};

namespace detail {
class CurlMultiDriver;
}

class HttpFetcher {
 public:
  using Callback = std::function<void(FetchResult)>;

  // Fails when libcurl cannot create its multi handle.
  [[nodiscard]] static Result<std::unique_ptr<HttpFetcher>> Create(boost::asio::io_context& io,
                                                                   const FetchLimits& limits,
                                                                   AddressPolicy policy);
  explicit HttpFetcher(std::unique_ptr<detail::CurlMultiDriver> driver);  // use Create
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  // Starts one request. `callback` runs later on the io_context exactly once,
  // unless the fetcher is destroyed first (then never).
  void Fetch(FetchRequest request, Callback callback);

  [[nodiscard]] std::size_t in_flight() const;

 private:
  std::unique_ptr<detail::CurlMultiDriver> driver_;
};

[[nodiscard]] std::string_view FetchFailureName(FetchFailure kind);  // "timeout", ...

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_HTTP_FETCHER_H_
