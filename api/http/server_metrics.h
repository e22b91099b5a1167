// Counters of the HTTP server, rendered in the Prometheus text format for
// `/metrics`. Updated from the io_context thread, read from any thread
// (relaxed atomics: each figure is exact, a scrape is not a snapshot).
#ifndef BADGEWATCH_API_HTTP_SERVER_METRICS_H_
#define BADGEWATCH_API_HTTP_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "api/http/client_limiter.h"

namespace badgewatch::api {

class ServerMetrics {
 public:
  void ConnectionOpened();
  void ConnectionClosed();
  // One answered request: its status code and the time from its first byte
  // read to its last byte written.
  void RequestServed(unsigned status, std::chrono::microseconds duration);
  // A connection dropped by the server: its read deadline passed mid-request.
  void RequestTimedOut();
  // A connection closed at once: its address had its share of connections.
  void ConnectionRefused();
  // A request answered 429 by the per-client limits, by which limit.
  void RequestLimited(ClientLimiter::Admission::Refusal refusal);

  [[nodiscard]] std::int64_t open_connections() const { return open_connections_.load(); }
  [[nodiscard]] std::uint64_t requests_served() const;

  // The Prometheus exposition text (text/plain; version=0.0.4).
  [[nodiscard]] std::string PrometheusText() const;

 private:
  // Upper bounds (seconds) of the latency histogram's buckets; +Inf is implied.
  static constexpr std::array<double, 10> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                             0.05,  0.1,    0.25,  1.0,  5.0};
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::uint64_t> connections_total_{0};
  std::atomic<std::uint64_t> timeouts_total_{0};
  std::atomic<std::uint64_t> connections_refused_total_{0};
  std::atomic<std::uint64_t> limited_in_flight_total_{0};
  std::atomic<std::uint64_t> limited_rate_total_{0};
  std::array<std::atomic<std::uint64_t>, 6> responses_by_class_{};  // index status/100 (1xx..5xx)
  std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size() + 1> latency_counts_{};
  std::atomic<std::uint64_t> latency_sum_us_{0};
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_SERVER_METRICS_H_
