#include "api/http/client_limiter.h"

#include <algorithm>
#include <cmath>

#include "api/http/client_address.h"

namespace badgewatch::api {

namespace asio = boost::asio;

namespace {

// How many addresses to hold before sweeping out the idle ones.
constexpr std::size_t kSweepAbove = 4096;

}  // namespace

asio::ip::address ClientKey(const asio::ip::address& address) {
  const asio::ip::address plain = Unmapped(address);
  if (plain.is_v4()) return plain;
  asio::ip::address_v6::bytes_type bytes = plain.to_v6().to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return asio::ip::address_v6(bytes);
}

ClientLimiter::ClientLimiter(ClientLimits limits, std::function<Clock::time_point()> clock)
    : limits_(limits), clock_(std::move(clock)) {}

ClientLimiter::Client& ClientLimiter::Find(const asio::ip::address& key, Clock::time_point now) {
  auto it = clients_.find(key);
  if (it != clients_.end()) return it->second;
  if (clients_.size() >= kSweepAbove) {
    for (auto old = clients_.begin(); old != clients_.end();) ForgetIfIdle(old++, now);
  }
  Client& client = clients_[key];
  client.tokens = limits_.request_burst;
  client.refilled = now;
  return client;
}

void ClientLimiter::Refill(Client& client, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - client.refilled).count();
  client.tokens =
      std::min(limits_.request_burst, client.tokens + elapsed * limits_.requests_per_second);
  client.refilled = now;
}

void ClientLimiter::ForgetIfIdle(std::map<asio::ip::address, Client>::iterator it,
                                 Clock::time_point now) {
  Client& client = it->second;
  if (client.connections > 0 || client.in_flight > 0) return;
  if (limits_.requests_per_second > 0) {
    Refill(client, now);
    if (client.tokens < limits_.request_burst) return;
  }
  clients_.erase(it);
}

bool ClientLimiter::OpenConnection(const asio::ip::address& peer) {
  if (limits_.connections_per_address == 0) return true;
  Client& client = Find(ClientKey(peer), clock_());
  if (client.connections >= limits_.connections_per_address) return false;
  ++client.connections;
  return true;
}

void ClientLimiter::CloseConnection(const asio::ip::address& peer) {
  if (limits_.connections_per_address == 0) return;
  const auto it = clients_.find(ClientKey(peer));
  if (it == clients_.end()) return;
  if (it->second.connections > 0) --it->second.connections;
  ForgetIfIdle(it, clock_());
}

ClientLimiter::Admission ClientLimiter::AdmitRequest(const asio::ip::address& address) {
  Admission admission;
  if (limits_.in_flight_per_client == 0 && limits_.requests_per_second <= 0) return admission;
  const Clock::time_point now = clock_();
  Client& client = Find(ClientKey(address), now);
  if (limits_.in_flight_per_client > 0 && client.in_flight >= limits_.in_flight_per_client) {
    admission.refusal = Admission::Refusal::kInFlight;
    admission.retry_after = std::chrono::seconds(1);
    return admission;
  }
  if (limits_.requests_per_second > 0) {
    Refill(client, now);
    if (client.tokens < 1) {
      admission.refusal = Admission::Refusal::kRate;
      const double wait = (1 - client.tokens) / limits_.requests_per_second;
      admission.retry_after =
          std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait))));
      return admission;
    }
    client.tokens -= 1;
  }
  ++client.in_flight;
  return admission;
}

void ClientLimiter::RequestFinished(const asio::ip::address& address) {
  const auto it = clients_.find(ClientKey(address));
  if (it == clients_.end()) return;
  if (it->second.in_flight > 0) --it->second.in_flight;
  ForgetIfIdle(it, clock_());
}

}  // namespace badgewatch::api
