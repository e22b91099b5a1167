#include "api/service/login_throttle.h"

#include <algorithm>

#include "api/http/client_limiter.h"

namespace badgewatch::api {

namespace {

// Names longer than any login are cut, so a flood of huge names stays small.
constexpr std::size_t kMaxKeyLength = 128;
// How many keys a map holds before forgetting the ones whose failures are old.
constexpr std::size_t kPruneAbove = 10'000;
// Failures of one login kept past the back-off threshold: enough to reach
// the longest back-off, so a flood cannot grow one login's entry.
constexpr std::size_t kBackoffSteps = 16;

std::string LoginKey(std::string_view login) { return std::string(login.substr(0, kMaxKeyLength)); }

std::string AddressKey(const boost::asio::ip::address& address) {
  return ClientKey(address).to_string();
}

std::string PairKey(std::string_view login, const boost::asio::ip::address& address) {
  return LoginKey(login) + '\n' + AddressKey(address);
}

std::chrono::seconds AtLeastOneSecond(LoginThrottle::Clock::duration wait) {
  return std::max(std::chrono::ceil<std::chrono::seconds>(wait), std::chrono::seconds(1));
}

void DropLast(std::map<std::string, std::deque<LoginThrottle::Clock::time_point>, std::less<>>& map,
              const std::string& key) {
  const auto it = map.find(key);
  if (it != map.end() && !it->second.empty()) it->second.pop_back();
}

}  // namespace

LoginThrottle::Clock::duration LoginThrottle::WindowWait(Times& times, std::size_t max,
                                                         Clock::time_point now) const {
  while (!times.empty() && now - times.front() >= limits_.window) times.pop_front();
  if (times.size() < max) return Clock::duration::zero();
  return times.front() + limits_.window - now;
}

LoginThrottle::Clock::duration LoginThrottle::BackoffWait(Times& times,
                                                          Clock::time_point now) const {
  while (!times.empty() && now - times.front() >= limits_.window) times.pop_front();
  if (times.size() < limits_.login_failures_before_backoff) return Clock::duration::zero();
  const std::size_t steps = times.size() - limits_.login_failures_before_backoff;
  Clock::duration backoff = limits_.max_backoff;
  if (steps < 31)
    backoff = std::min<Clock::duration>(limits_.max_backoff, std::chrono::seconds(1LL << steps));
  const Clock::duration since_last = now - times.back();
  return since_last >= backoff ? Clock::duration::zero() : backoff - since_last;
}

bool LoginThrottle::IsKnown(const std::string& pair_key, Clock::time_point now) const {
  const auto it = known_.find(pair_key);
  return it != known_.end() && now - it->second < limits_.known_address_lifetime;
}

LoginThrottle::Times& LoginThrottle::Entry(FailureMap& map, const std::string& key,
                                           Clock::time_point now) {
  auto it = map.find(key);
  if (it != map.end()) return it->second;
  if (map.size() >= kPruneAbove) Prune(map, now);
  return map[key];
}

void LoginThrottle::Prune(FailureMap& map, Clock::time_point now) {
  for (auto it = map.begin(); it != map.end();) {
    if (it->second.empty() || now - it->second.back() >= limits_.window) {
      it = map.erase(it);
    } else {
      ++it;
    }
  }
}

std::chrono::seconds LoginThrottle::TryAttempt(std::string_view login,
                                               const boost::asio::ip::address& address) {
  const Clock::time_point now = clock_();
  const std::string pair_key = PairKey(login, address);
  const std::lock_guard lock(mutex_);
  Times& pair = Entry(by_pair_, pair_key, now);
  Times& from_address = Entry(by_address_, AddressKey(address), now);
  Times& of_login = Entry(by_login_, LoginKey(login), now);
  Clock::duration wait = std::max(WindowWait(pair, limits_.failures_per_login_address, now),
                                  WindowWait(from_address, limits_.failures_per_address, now));
  if (!IsKnown(pair_key, now)) wait = std::max(wait, BackoffWait(of_login, now));
  if (wait > Clock::duration::zero()) return AtLeastOneSecond(wait);
  pair.push_back(now);
  from_address.push_back(now);
  of_login.push_back(now);
  if (of_login.size() > limits_.login_failures_before_backoff + kBackoffSteps) {
    of_login.pop_front();
  }
  return std::chrono::seconds(0);
}

void LoginThrottle::Succeeded(std::string_view login, const boost::asio::ip::address& address) {
  const Clock::time_point now = clock_();
  const std::string pair_key = PairKey(login, address);
  const std::lock_guard lock(mutex_);
  by_pair_.erase(pair_key);
  // The attempt that succeeded was counted against the address and the
  // login; the other failures stay (a valid account must not reset them).
  DropLast(by_address_, AddressKey(address));
  DropLast(by_login_, LoginKey(login));
  if (known_.size() >= kPruneAbove) {
    for (auto it = known_.begin(); it != known_.end();) {
      it = now - it->second >= limits_.known_address_lifetime ? known_.erase(it) : std::next(it);
    }
  }
  if (known_.size() < kPruneAbove) known_[pair_key] = now;
}

void LoginThrottle::Withdrawn(std::string_view login, const boost::asio::ip::address& address) {
  const std::lock_guard lock(mutex_);
  DropLast(by_pair_, PairKey(login, address));
  DropLast(by_address_, AddressKey(address));
  DropLast(by_login_, LoginKey(login));
}

}  // namespace badgewatch::api
