#include "api/service/self_check_limiter.h"

#include <fmt/format.h>

#include "api/service/api_errors.h"

namespace badgewatch::api {

namespace {

constexpr auto kWindow = std::chrono::hours(1);
// A running check has no known end: ask the caller to come back in a minute.
constexpr std::chrono::seconds kRunningRetry{60};

}  // namespace

SelfCheckLimiter::Decision SelfCheckLimiter::TryStart(std::int64_t unit_id, Clock::time_point now) {
  const std::lock_guard lock(mutex_);
  if (running_total_ >= limits_.global_running) {
    return {false, kRunningRetry, Error<errors::kSelfChecksBusy>(running_total_)};
  }
  if (unit_id != 0) {
    if (running_[unit_id] > 0) {
      return {false, kRunningRetry, Error<errors::kSelfCheckRunning>()};
    }
    std::deque<Clock::time_point>& starts = starts_[unit_id];
    while (!starts.empty() && now - starts.front() >= kWindow) starts.pop_front();
    if (starts.size() >= limits_.per_unit_per_hour) {
      const auto wait = std::chrono::ceil<std::chrono::seconds>(starts.front() + kWindow - now);
      return {false, wait, Error<errors::kSelfChecksPerHour>(limits_.per_unit_per_hour)};
    }
    starts.push_back(now);
    ++running_[unit_id];
  }
  ++running_total_;
  return {true, std::chrono::seconds(0), Status::Ok()};
}

void SelfCheckLimiter::Finished(std::int64_t unit_id) {
  const std::lock_guard lock(mutex_);
  if (running_total_ > 0) --running_total_;
  if (unit_id != 0) {
    auto it = running_.find(unit_id);
    if (it != running_.end() && it->second > 0 && --it->second == 0) running_.erase(it);
  }
}

}  // namespace badgewatch::api
