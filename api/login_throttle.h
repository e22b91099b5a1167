// Who may try a password now: at most `failures` failed logins per login
// name in any sliding `window` (5 per 15 minutes by default); past that the
// name waits until its oldest failure leaves the window. An attempt counts
// as failed from the moment it starts until Succeeded() says otherwise, so
// concurrent guesses cannot slip past the limit. In memory, thread-safe; the
// clock is injected, so tests need no sleeping.
//
// Example:
//   if (auto wait = throttle.TryAttempt(login); wait.count() > 0) return TooMany(wait);
//   if (password_ok) throttle.Succeeded(login);
#ifndef BADGEWATCH_API_LOGIN_THROTTLE_H_
#define BADGEWATCH_API_LOGIN_THROTTLE_H_

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
  std::size_t failures = 5;
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginThrottle(LoginLimits limits = {},
                         std::function<Clock::time_point()> clock = Clock::now)
      : limits_(limits), clock_(std::move(clock)) {}

  // Zero when `login` may try now (the attempt is counted as a failure);
  // otherwise how long until it may (at least one second).
  [[nodiscard]] std::chrono::seconds TryAttempt(std::string_view login);

  // The attempt succeeded: forgets the failures of `login`.
  void Succeeded(std::string_view login);

 private:
  // Drops the names whose failures have all left the window.
  void Prune(Clock::time_point now);

  const LoginLimits limits_;
  const std::function<Clock::time_point()> clock_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>, std::less<>> failures_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_LOGIN_THROTTLE_H_
