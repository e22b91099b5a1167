// Sending SMS codes on behalf of the API and the web form: the registry's
// limits per mobile, per account and server-wide (registry::SmsCodeLimits),
// plus a limit per client address (20 a day by default), which the registry
// does not see; the server-wide ceiling, once reached, is reported in the
// log as an alert (at most once an hour). Thread-safe; call it holding the
// writer lease.
//
// Example:
//   std::chrono::seconds retry_after{0};
//   Result<std::int64_t> id =
//       gate.Request(writer.registry(), actor.account_id, mobile, route.client, &retry_after);
//   if (!id && id.status().code() == StatusCode::kResourceExhausted) → 429
#ifndef BADGEWATCH_API_SERVICE_SMS_CODE_GATE_H_
#define BADGEWATCH_API_SERVICE_SMS_CODE_GATE_H_

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "registry/registry.h"
#include "registry/sms_verification.h"

namespace badgewatch::api {

struct SmsCodePolicy {
  registry::SmsCodeLimits limits;
  int per_address_per_day = 20;  // codes asked for from one client address in 24 h
};

class SmsCodeGate {
 public:
  using Clock = std::chrono::steady_clock;

  explicit SmsCodeGate(SmsCodePolicy policy = {},
                       std::function<Clock::time_point()> clock = Clock::now)
      : policy_(policy), clock_(std::move(clock)) {}

  // registry::RequestSmsCode under the policy, asked from `client`. Over a
  // limit: kResourceExhausted with a message for the user (Chinese) and
  // `*retry_after` (when given) set to the wait; other failures as the
  // registry's.
  [[nodiscard]] Result<std::int64_t> Request(registry::Registry& registry, std::int64_t account_id,
                                             const std::string& mobile,
                                             const boost::asio::ip::address& client,
                                             std::chrono::seconds* retry_after);

  // A password reset's code: counts one request from `client` whatever it
  // names (over the address limit: kResourceExhausted as Request's), then,
  // when `account_id` is set, sends it a code under the registry's limits.
  // Over those, or with no account, nothing is sent and the answer is OK
  // all the same, so that the caller cannot learn whether the login exists.
  [[nodiscard]] Status RequestForReset(registry::Registry& registry,
                                       std::optional<std::int64_t> account_id,
                                       const std::string& mobile,
                                       const boost::asio::ip::address& client,
                                       std::chrono::seconds* retry_after);

 private:
  // Counts a request from `key` at `now` (mutex_ held), or refuses it over
  // the address limit.
  Status TakeAddressSlot(const boost::asio::ip::address& key, Clock::time_point now,
                         std::chrono::seconds* retry_after);
  // Logs the server ceiling's alert (at most once an hour) (mutex_ held).
  void AlertOnServerCeiling(const registry::SmsCodeRefusal& refusal, Clock::time_point now);

  const SmsCodePolicy policy_;
  const std::function<Clock::time_point()> clock_;
  std::mutex mutex_;
  std::map<boost::asio::ip::address, std::deque<Clock::time_point>> by_address_;
  std::optional<Clock::time_point> last_alert_;
};

// `gate->Request(...)`, or the registry's own limits when `gate` is null
// (tests of other things).
[[nodiscard]] Result<std::int64_t> RequestSmsCodeThrough(SmsCodeGate* gate,
                                                         registry::Registry& registry,
                                                         std::int64_t account_id,
                                                         const std::string& mobile,
                                                         const boost::asio::ip::address& client,
                                                         std::chrono::seconds* retry_after);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_SMS_CODE_GATE_H_
