// Confirming the handler's mobile with a 6-digit SMS code: the code goes to
// the outbox only, the database keeps a salted SHA-256; it expires after 10
// minutes and allows 5 attempts. How many codes may be sent is limited per
// mobile, per account and server-wide, counted over the codes stored (so the
// limits hold across restarts). Writer thread.
#ifndef BADGEWATCH_REGISTRY_SMS_VERIFICATION_H_
#define BADGEWATCH_REGISTRY_SMS_VERIFICATION_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/registry.h"

namespace badgewatch::registry {

inline constexpr std::int64_t kSmsCodeLifetimeSeconds = 10 * 60;
inline constexpr int kSmsCodeMaxAttempts = 5;

// Codes that may be sent, in sliding windows ending now. Days are 24 hours.
struct SmsCodeLimits {
  int per_mobile_per_minute = 1;
  int per_mobile_per_day = 10;
  int per_account_per_hour = 5;
  int per_account_per_day = 10;
  int server_per_day = 10'000;  // every account and mobile together
};

// Which limit refused a code, and in how many seconds one may be asked for.
enum class SmsCodeLimit { kMobileMinute, kMobileDay, kAccountHour, kAccountDay, kServerDay };
struct SmsCodeRefusal {
  SmsCodeLimit limit = SmsCodeLimit::kMobileMinute;
  std::int64_t retry_after_seconds = 0;  // at least 1
};

// Validates `mobile`, checks `limits`, draws a 6-digit code, stores its
// salted hash with the account that asked (`account_id`) and queues the SMS.
// Returns the verification id the form carries. Over a limit:
// kResourceExhausted with a message for the user (Chinese), and `*refusal`
// (when given) says which limit and when to retry.
[[nodiscard]] Result<std::int64_t> RequestSmsCode(Registry& registry, std::int64_t account_id,
                                                  const std::string& mobile,
                                                  const SmsCodeLimits& limits = {},
                                                  SmsCodeRefusal* refusal = nullptr);

// Checks `code` against verification `id` for the account that asked for it.
// Each wrong code counts an attempt (committed even though the call fails).
// kInvalidArgument "wrong SMS code (N attempts left)"; kFailedPrecondition
// when expired, out of attempts or already confirmed; kNotFound for an
// unknown id or another account's.
[[nodiscard]] Status ConfirmSmsCode(Registry& registry, std::int64_t account_id, std::int64_t id,
                                    std::string_view code);

// OK when verification `id` was confirmed for `mobile` and not yet used by a
// submission; otherwise kFailedPrecondition saying what is missing. Any
// connection.
[[nodiscard]] Status CheckMobileConfirmed(Database& db, std::int64_t id, std::string_view mobile);

// Marks a confirmed verification of `account_id` as used by a submission (one
// submission per code), inside the caller's transaction; kFailedPrecondition
// when it is unconfirmed, already used or another account's. Writer thread.
[[nodiscard]] Status UseConfirmedMobile(Database& db, std::int64_t account_id, std::int64_t id,
                                        std::int64_t now);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_SMS_VERIFICATION_H_
