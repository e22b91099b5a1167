#include "api/login_throttle.h"

#include <algorithm>

namespace badgewatch::api {

namespace {

// Names longer than any login are cut, so a flood of huge names stays small.
constexpr std::size_t kMaxKeyLength = 128;
// How many names to hold before forgetting the ones whose failures are old.
constexpr std::size_t kPruneAbove = 10'000;

std::string_view Key(std::string_view login) { return login.substr(0, kMaxKeyLength); }

}  // namespace

std::chrono::seconds LoginThrottle::TryAttempt(std::string_view login) {
  const Clock::time_point now = clock_();
  const std::lock_guard lock(mutex_);
  auto it = failures_.find(Key(login));
  if (it == failures_.end()) {
    if (failures_.size() >= kPruneAbove) Prune(now);
    it = failures_.emplace(std::string(Key(login)), std::deque<Clock::time_point>()).first;
  }
  std::deque<Clock::time_point>& times = it->second;
  while (!times.empty() && now - times.front() >= limits_.window) times.pop_front();
  if (times.size() >= limits_.failures) {
    const auto wait = std::chrono::ceil<std::chrono::seconds>(times.front() + limits_.window - now);
    return std::max(wait, std::chrono::seconds(1));
  }
  times.push_back(now);
  return std::chrono::seconds(0);
}

void LoginThrottle::Succeeded(std::string_view login) {
  const std::lock_guard lock(mutex_);
  auto it = failures_.find(Key(login));
  if (it != failures_.end()) failures_.erase(it);
}

void LoginThrottle::Prune(Clock::time_point now) {
  for (auto it = failures_.begin(); it != failures_.end();) {
    if (it->second.empty() || now - it->second.back() >= limits_.window) {
      it = failures_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace badgewatch::api
