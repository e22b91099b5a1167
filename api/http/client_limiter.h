// The server's per-client limits: connections per peer address, requests in
// flight per client and a request rate per client (a token bucket), so one
// client cannot take the server from the others. IPv6 clients are counted by
// their /64 (ClientKey). io_context thread only; the clock is injected so
// tests need no sleeping.
//
// Example:
//   if (!limiter.OpenConnection(peer)) { socket.close(); return; }   // refused
//   if (const Admission a = limiter.AdmitRequest(client); !a.admitted) return Answer429(a);
//   ... handler runs ...
//   limiter.RequestFinished(client);
#ifndef BADGEWATCH_API_HTTP_CLIENT_LIMITER_H_
#define BADGEWATCH_API_HTTP_CLIENT_LIMITER_H_

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>

namespace badgewatch::api {

struct ClientLimits {
  std::size_t connections_per_address = 64;  // 0: no cap
  std::size_t in_flight_per_client = 16;     // requests handled at once; 0: no cap
  double requests_per_second = 50;           // sustained rate; 0: no rate limit
  double request_burst = 100;                // requests above the rate a client may send at once
};

// The address a client is counted by: an IPv4 address as is, an IPv6 one
// as its /64 network (the usual allocation of one subscriber).
[[nodiscard]] boost::asio::ip::address ClientKey(const boost::asio::ip::address& address);

class ClientLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  struct Admission {
    enum class Refusal { kNone, kInFlight, kRate };
    Refusal refusal = Refusal::kNone;
    std::chrono::seconds retry_after{0};  // at least 1 when refused
    [[nodiscard]] bool admitted() const { return refusal == Refusal::kNone; }
  };

  explicit ClientLimiter(ClientLimits limits,
                         std::function<Clock::time_point()> clock = Clock::now);

  // Counts a connection from `peer`; false (and not counted) when its
  // address already has `connections_per_address` open.
  [[nodiscard]] bool OpenConnection(const boost::asio::ip::address& peer);
  // Each successful OpenConnection is matched by one call.
  void CloseConnection(const boost::asio::ip::address& peer);

  // Admits a request of `client` (counted in flight until RequestFinished)
  // or says which limit refuses it and when to retry.
  [[nodiscard]] Admission AdmitRequest(const boost::asio::ip::address& client);
  // Each admitted request is matched by one call.
  void RequestFinished(const boost::asio::ip::address& client);

  // Addresses held now (those with connections, requests or a bucket that
  // has not refilled): bounded by the live clients, for tests.
  [[nodiscard]] std::size_t tracked_addresses() const { return clients_.size(); }

 private:
  struct Client {
    std::size_t connections = 0;
    std::size_t in_flight = 0;
    double tokens = 0;
    Clock::time_point refilled;
  };
  Client& Find(const boost::asio::ip::address& key, Clock::time_point now);
  void Refill(Client& client, Clock::time_point now) const;
  // Forgets `key` when nothing of it is open and its bucket is full again.
  void ForgetIfIdle(std::map<boost::asio::ip::address, Client>::iterator it, Clock::time_point now);

  const ClientLimits limits_;
  const std::function<Clock::time_point()> clock_;
  std::map<boost::asio::ip::address, Client> clients_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_CLIENT_LIMITER_H_
