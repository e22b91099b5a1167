// Who may try a password now. Failed logins are counted three ways within a
// sliding `window` (15 minutes by default):
//   - per (login, address): 5 failures, then that address waits for that
//     login until its oldest failure leaves the window;
//   - per address: 20 failures, whatever the logins, then the address waits;
//   - per login from every address: past 10 failures each further attempt
//     waits a back-off that doubles from 1 s up to 30 s after the last one,
//     instead of a lock-out, so nobody can lock a login (`conac` included)
//     out from elsewhere; an address this login has succeeded from recently
//     skips that back-off.
// An attempt counts as failed from the moment it starts until Succeeded() or
// Withdrawn() says otherwise, so concurrent guesses cannot slip past a limit.
// In memory, thread-safe; the clock is injected, so tests need no sleeping.
//
// Example:
//   if (auto wait = throttle.TryAttempt(login, client); wait.count() > 0) return TooMany(wait);
//   if (password_ok) throttle.Succeeded(login, client);
#ifndef BADGEWATCH_API_SERVICE_LOGIN_THROTTLE_H_
#define BADGEWATCH_API_SERVICE_LOGIN_THROTTLE_H_

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace badgewatch::api {

struct LoginLimits {
  std::size_t failures_per_login_address = 5;
  std::size_t failures_per_address = 20;
  std::chrono::seconds window{15 * 60};
  std::size_t login_failures_before_backoff = 10;  // from every address together
  std::chrono::seconds max_backoff{30};
  // How long a successful login exempts its address from that login's back-off.
  std::chrono::seconds known_address_lifetime{30 * 24 * 3600};
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginThrottle(LoginLimits limits = {},
                         std::function<Clock::time_point()> clock = Clock::now)
      : limits_(limits), clock_(std::move(clock)) {}

  // Zero when `login` may be tried now from `address` (the attempt is
  // counted as a failure); otherwise how long until it may (at least 1 s).
  [[nodiscard]] std::chrono::seconds TryAttempt(std::string_view login,
                                                const boost::asio::ip::address& address);

  // The attempt succeeded: forgets the failures of `login` from `address`
  // and remembers the address as known for `login`.
  void Succeeded(std::string_view login, const boost::asio::ip::address& address);

  // The attempt counted by the last TryAttempt was not made (no password
  // check was run): it no longer counts.
  void Withdrawn(std::string_view login, const boost::asio::ip::address& address);

 private:
  using Times = std::deque<Clock::time_point>;
  using FailureMap = std::map<std::string, Times, std::less<>>;

  // The wait before one more failure fits `times` (capped at `max`).
  [[nodiscard]] Clock::duration WindowWait(Times& times, std::size_t max,
                                           Clock::time_point now) const;
  [[nodiscard]] Clock::duration BackoffWait(Times& times, Clock::time_point now) const;
  [[nodiscard]] bool IsKnown(const std::string& pair_key, Clock::time_point now) const;
  // The entry of `key` in `map`, made when missing (after dropping entries
  // whose failures all left the window, once the map is large).
  Times& Entry(FailureMap& map, const std::string& key, Clock::time_point now);
  void Prune(FailureMap& map, Clock::time_point now);

  const LoginLimits limits_;
  const std::function<Clock::time_point()> clock_;
  std::mutex mutex_;
  FailureMap by_pair_;     // "login\naddress"
  FailureMap by_address_;  // ClientKey(address)
  FailureMap by_login_;
  std::map<std::string, Clock::time_point> known_;  // "login\naddress" → last success
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_LOGIN_THROTTLE_H_
