#include "api/http/server_metrics.h"

#include <fmt/format.h>

namespace badgewatch::api {

void ServerMetrics::ConnectionOpened() {
  open_connections_.fetch_add(1, std::memory_order_relaxed);
  connections_total_.fetch_add(1, std::memory_order_relaxed);
}

void ServerMetrics::ConnectionClosed() {
  open_connections_.fetch_sub(1, std::memory_order_relaxed);
}

void ServerMetrics::RequestServed(unsigned status, std::chrono::microseconds duration) {
  const unsigned status_class = status / 100;
  if (status_class >= 1 && status_class < responses_by_class_.size()) {
    responses_by_class_[status_class].fetch_add(1, std::memory_order_relaxed);
  }
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  latency_counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_sum_us_.fetch_add(static_cast<std::uint64_t>(duration.count()),
                            std::memory_order_relaxed);
}

void ServerMetrics::RequestTimedOut() { timeouts_total_.fetch_add(1, std::memory_order_relaxed); }

void ServerMetrics::ConnectionRefused() {
  connections_refused_total_.fetch_add(1, std::memory_order_relaxed);
}

void ServerMetrics::RequestLimited(ClientLimiter::Admission::Refusal refusal) {
  auto& counter = refusal == ClientLimiter::Admission::Refusal::kInFlight ? limited_in_flight_total_
                                                                          : limited_rate_total_;
  counter.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t ServerMetrics::requests_served() const {
  std::uint64_t total = 0;
  for (const auto& count : latency_counts_) total += count.load(std::memory_order_relaxed);
  return total;
}

std::string ServerMetrics::PrometheusText() const {
  std::string text;
  auto out = std::back_inserter(text);
  fmt::format_to(out,
                 "# HELP badgewatch_http_connections_open Connections open now.\n"
                 "# TYPE badgewatch_http_connections_open gauge\n"
                 "badgewatch_http_connections_open {}\n",
                 open_connections_.load(std::memory_order_relaxed));
  fmt::format_to(out,
                 "# HELP badgewatch_http_connections_total Connections accepted.\n"
                 "# TYPE badgewatch_http_connections_total counter\n"
                 "badgewatch_http_connections_total {}\n",
                 connections_total_.load(std::memory_order_relaxed));
  fmt::format_to(out,
                 "# HELP badgewatch_http_request_timeouts_total Connections closed because a "
                 "request did not arrive in time.\n"
                 "# TYPE badgewatch_http_request_timeouts_total counter\n"
                 "badgewatch_http_request_timeouts_total {}\n",
                 timeouts_total_.load(std::memory_order_relaxed));
  fmt::format_to(out,
                 "# HELP badgewatch_http_connections_refused_total Connections closed at once "
                 "because their address had its share of connections.\n"
                 "# TYPE badgewatch_http_connections_refused_total counter\n"
                 "badgewatch_http_connections_refused_total {}\n",
                 connections_refused_total_.load(std::memory_order_relaxed));
  fmt::format_to(out,
                 "# HELP badgewatch_http_requests_limited_total Requests answered 429 by the "
                 "per-client limits, by limit.\n"
                 "# TYPE badgewatch_http_requests_limited_total counter\n"
                 "badgewatch_http_requests_limited_total{{limit=\"in-flight\"}} {}\n"
                 "badgewatch_http_requests_limited_total{{limit=\"rate\"}} {}\n",
                 limited_in_flight_total_.load(std::memory_order_relaxed),
                 limited_rate_total_.load(std::memory_order_relaxed));
  fmt::format_to(out,
                 "# HELP badgewatch_http_responses_total Responses sent, by status class.\n"
                 "# TYPE badgewatch_http_responses_total counter\n");
  for (std::size_t c = 1; c < responses_by_class_.size(); ++c) {
    fmt::format_to(out, "badgewatch_http_responses_total{{code=\"{}xx\"}} {}\n", c,
                   responses_by_class_[c].load(std::memory_order_relaxed));
  }
  fmt::format_to(out,
                 "# HELP badgewatch_http_request_duration_seconds Time from a request's first "
                 "byte to its response's last.\n"
                 "# TYPE badgewatch_http_request_duration_seconds histogram\n");
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kLatencyBuckets.size(); ++b) {
    cumulative += latency_counts_[b].load(std::memory_order_relaxed);
    fmt::format_to(out, "badgewatch_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                   kLatencyBuckets[b], cumulative);
  }
  cumulative += latency_counts_.back().load(std::memory_order_relaxed);
  fmt::format_to(out, "badgewatch_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n",
                 cumulative);
  fmt::format_to(out, "badgewatch_http_request_duration_seconds_sum {}\n",
                 static_cast<double>(latency_sum_us_.load(std::memory_order_relaxed)) / 1e6);
  fmt::format_to(out, "badgewatch_http_request_duration_seconds_count {}\n", cumulative);
  return text;
}

}  // namespace badgewatch::api
