#include "api/service/sms_code_gate.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "api/http/client_limiter.h"
#include "api/service/api_errors.h"

namespace badgewatch::api {

namespace {

constexpr std::chrono::hours kDay(24);
constexpr std::chrono::hours kAlertEvery(1);
// How many addresses to hold before forgetting those with no code in the window.
constexpr std::size_t kPruneAbove = 10'000;

}  // namespace

Status SmsCodeGate::TakeAddressSlot(const boost::asio::ip::address& key, Clock::time_point now,
                                    std::chrono::seconds* retry_after) {
  if (by_address_.size() >= kPruneAbove) {
    for (auto it = by_address_.begin(); it != by_address_.end();) {
      it = it->second.empty() || now - it->second.back() >= kDay ? by_address_.erase(it)
                                                                 : std::next(it);
    }
  }
  std::deque<Clock::time_point>& sent = by_address_[key];
  while (!sent.empty() && now - sent.front() >= kDay) sent.pop_front();
  if (static_cast<int>(sent.size()) >= policy_.per_address_per_day) {
    const std::chrono::seconds wait =
        std::max(std::chrono::ceil<std::chrono::seconds>(sent.empty() ? Clock::duration(kDay)
                                                                      : sent.front() + kDay - now),
                 std::chrono::seconds(1));
    if (retry_after != nullptr) *retry_after = wait;
    return Error<errors::kSmsLimitNetwork>(std::chrono::ceil<std::chrono::hours>(wait).count());
  }
  sent.push_back(now);
  return Status::Ok();
}

void SmsCodeGate::AlertOnServerCeiling(const registry::SmsCodeRefusal& refusal,
                                       Clock::time_point now) {
  if (refusal.limit == registry::SmsCodeLimit::kServerDay &&
      (!last_alert_ || now - *last_alert_ >= kAlertEvery)) {
    last_alert_ = now;
    spdlog::error(
        "ALERT: SMS codes: the server's ceiling of {} codes in 24 h is reached; every request "
        "is refused for the next {} s (raise [serve] sms_codes_per_day only if the traffic is "
        "genuine)",
        policy_.limits.server_per_day, refusal.retry_after_seconds);
  }
}

Result<std::int64_t> SmsCodeGate::Request(registry::Registry& registry, std::int64_t account_id,
                                          const std::string& mobile,
                                          const boost::asio::ip::address& client,
                                          std::chrono::seconds* retry_after) {
  const Clock::time_point now = clock_();
  const boost::asio::ip::address key = ClientKey(client);
  const std::lock_guard lock(mutex_);
  if (Status s = TakeAddressSlot(key, now, retry_after); !s.ok()) return s;
  registry::SmsCodeRefusal refusal;
  Result<std::int64_t> id =
      registry::RequestSmsCode(registry, account_id, mobile, policy_.limits, &refusal);
  if (id) return id;
  by_address_[key].pop_back();  // no code went out: the address keeps its place
  if (id.status().code() != StatusCode::kResourceExhausted) return id;
  if (retry_after != nullptr) *retry_after = std::chrono::seconds(refusal.retry_after_seconds);
  AlertOnServerCeiling(refusal, now);
  return id;
}

Status SmsCodeGate::RequestForReset(registry::Registry& registry,
                                    std::optional<std::int64_t> account_id,
                                    const std::string& mobile,
                                    const boost::asio::ip::address& client,
                                    std::chrono::seconds* retry_after) {
  const Clock::time_point now = clock_();
  const std::lock_guard lock(mutex_);
  if (Status s = TakeAddressSlot(ClientKey(client), now, retry_after); !s.ok()) return s;
  if (!account_id) return Status::Ok();
  registry::SmsCodeRefusal refusal;
  Result<std::int64_t> id =
      registry::RequestSmsCode(registry, *account_id, mobile, policy_.limits, &refusal);
  if (id) return Status::Ok();
  if (id.status().code() != StatusCode::kResourceExhausted) return id.status();
  AlertOnServerCeiling(refusal, now);
  return Status::Ok();  // over the login's limits: said no differently from an unknown login
}

Result<std::int64_t> RequestSmsCodeThrough(SmsCodeGate* gate, registry::Registry& registry,
                                           std::int64_t account_id, const std::string& mobile,
                                           const boost::asio::ip::address& client,
                                           std::chrono::seconds* retry_after) {
  if (gate != nullptr) return gate->Request(registry, account_id, mobile, client, retry_after);
  SmsCodeGate defaults;  // the registry's limits; no memory of addresses
  return defaults.Request(registry, account_id, mobile, client, retry_after);
}

}  // namespace badgewatch::api
