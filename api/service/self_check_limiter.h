// Who may start a self-check now: at most `per_unit_per_hour` starts per unit
// in any sliding hour, one running check per unit, and at most
// `global_running` running checks in all. Refusals say how long to wait.
// Thread-safe; the clock is passed in, so tests need no sleeping.
#ifndef BADGEWATCH_API_SERVICE_SELF_CHECK_LIMITER_H_
#define BADGEWATCH_API_SERVICE_SELF_CHECK_LIMITER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "foundation/status.h"

namespace badgewatch::api {

struct SelfCheckLimits {
  std::size_t per_unit_per_hour = 10;
  std::size_t global_running = 8;
};

class SelfCheckLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit SelfCheckLimiter(SelfCheckLimits limits) : limits_(limits) {}

  struct Decision {
    bool allowed = false;
    std::chrono::seconds retry_after{0};  // when refused: how long until it may succeed
    Status reason;                        // when refused
  };

  // Counts a start for `unit_id` (0: staff, not limited per unit) at `now`
  // when allowed. Each allowed start must be followed by Finished().
  [[nodiscard]] Decision TryStart(std::int64_t unit_id, Clock::time_point now);
  void Finished(std::int64_t unit_id);

 private:
  SelfCheckLimits limits_;
  std::mutex mutex_;
  std::map<std::int64_t, std::deque<Clock::time_point>> starts_;  // per unit, last hour
  std::map<std::int64_t, std::size_t> running_;                   // per unit
  std::size_t running_total_ = 0;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SELF_CHECK_LIMITER_H_
