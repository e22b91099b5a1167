// The notifications outbox: workflow steps leave rows (in their own
// transaction), the sender delivers them later and records each attempt, with
// exponential backoff and a final 'failed' state. Writer thread for writes.
#ifndef BADGEWATCH_REGISTRY_OUTBOX_H_
#define BADGEWATCH_REGISTRY_OUTBOX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/registry.h"
#include "registry/units.h"

namespace badgewatch::registry {

enum class Channel { kEmail, kSms };

// "email", "sms".
[[nodiscard]] std::string_view ChannelName(Channel channel);

// Attempts before a row is given up ('failed').
inline constexpr int kMaxDeliveryAttempts = 5;
// Wait after the first failed attempt; doubled after each further one.
inline constexpr std::int64_t kFirstRetryDelaySeconds = 60;

struct Notification {
  Channel channel = Channel::kEmail;
  std::string recipient;  // e-mail address or mobile number
  std::string subject;    // e-mail subject; SMS ignore it
  std::string body;
};

struct OutboxRow {
  std::int64_t id = 0;
  Notification notification;
  std::string state;  // "pending", "sent", "failed"
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::string last_error;
  std::int64_t created_at = 0;
};

// Adds a pending row due now, inside the caller's transaction.
[[nodiscard]] Status Enqueue(Registry& registry, const Notification& notification);

// The procedure's "told by SMS and e-mail": one SMS to the unit's handler
// mobile and one e-mail to its address, inside the caller's transaction.
[[nodiscard]] Status NotifyUnit(Registry& registry, const Unit& unit, const std::string& subject,
                                const std::string& body);

// The channels a sender delivers; rows of the others stay pending.
struct DeliveryChannels {
  bool email = true;
  bool sms = true;
};

// A reviewer's reason as a clause for a notice's sentence: without the full
// stop, comma or spaces it may end in, so "原因：{}。" never reads "。。".
[[nodiscard]] std::string_view ReasonClause(std::string_view reason);

// Pending rows of `channels` whose next attempt is due at `now`, oldest first,
// at most `limit`.
[[nodiscard]] Result<std::vector<OutboxRow>> ListDueNotifications(Database& db, std::int64_t now,
                                                                  int limit,
                                                                  DeliveryChannels channels = {});
// Every row, in id order.
[[nodiscard]] Result<std::vector<OutboxRow>> ListOutbox(Database& db);

// How the outbox stands: rows per state and channel, and the oldest pending
// row's creation time (nullopt when nothing is pending).
struct OutboxCount {
  std::string state;
  std::string channel;
  std::int64_t rows = 0;
};
struct OutboxStatus {
  std::vector<OutboxCount> counts;
  std::optional<std::int64_t> oldest_pending_at;
};
[[nodiscard]] Result<OutboxStatus> ReadOutboxStatus(Database& db);

// Rows in `state` ("" for every state), newest first: `limit` of them after
// skipping `offset`, and how many there are in all.
struct OutboxPage {
  std::vector<OutboxRow> rows;
  std::int64_t total = 0;
};
[[nodiscard]] Result<OutboxPage> ListOutboxPage(Database& db, std::string_view state,
                                                std::int64_t limit, std::int64_t offset);

// Claims a due row for one delivery: moves its next attempt to `until`, so no
// other sender (another serve, send-notifications) takes it meanwhile and a
// sender that dies while sending leaves it to be retried once `until` passes.
// False when the row is no longer as `row` read it (another sender claimed or
// recorded it first).
[[nodiscard]] Result<bool> ClaimNotification(Registry& registry, const OutboxRow& row,
                                             std::int64_t until);
// Records a delivered row ('sent').
[[nodiscard]] Status MarkDelivered(Registry& registry, std::int64_t id);
// Records a failed attempt: attempts+1, the error, the next attempt after
// kFirstRetryDelaySeconds * 2^(attempts-1); 'failed' after
// kMaxDeliveryAttempts.
[[nodiscard]] Status MarkAttemptFailed(Registry& registry, std::int64_t id,
                                       const std::string& error);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_OUTBOX_H_
