// Delivers due outbox rows: e-mail over SMTP and SMS through an HTTP gateway
// (a JSON POST), both with libcurl's easy API, recording every attempt in the
// row (retries with backoff, see outbox.h). Blocking: call it from the command
// line or a worker thread, never from an event loop.
#ifndef BADGEWATCH_API_DELIVERY_NOTIFICATION_SENDER_H_
#define BADGEWATCH_API_DELIVERY_NOTIFICATION_SENDER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "foundation/status.h"
#include "registry/outbox.h"
#include "registry/registry.h"

namespace badgewatch::api {

struct SenderConfig {
  std::string smtp_url;         // smtp://127.0.0.1:2525 (smtps:// for implicit TLS)
  std::string mail_from;        // badge@conac.example
  std::string sms_gateway_url;  // http://127.0.0.1:8025/sms: POST {"mobile":..,"text":..}
  long timeout_ms = 15'000;     // per delivery
};

struct DeliveryReport {
  int sent = 0;
  int failed_attempts = 0;  // rows that stay pending for a retry or became 'failed'
};

// The channels `config` can deliver (a URL for each).
[[nodiscard]] registry::DeliveryChannels ConfiguredChannels(const SenderConfig& config);

// One delivery, no bookkeeping: kUnavailable with curl's or the gateway's reason
// on failure. A channel whose URL is empty fails with "not configured". An
// e-mail's Message-ID is random.
[[nodiscard]] Status DeliverNotification(const SenderConfig& config,
                                         const registry::Notification& notification);

// The same for an outbox row: an e-mail's Message-ID is derived from the row
// (its id, creation time and content), so a row sent again after a crash
// between sending and recording carries the same Message-ID and a receiving
// mail system can tell it is one message.
[[nodiscard]] Status DeliverOutboxRow(const SenderConfig& config, const registry::OutboxRow& row);

// The RFC 5322 message for `notification`: From, To, Date (`unix_time`),
// Message-ID (`message_id`, without the angle brackets), the subject as
// RFC 2047 encoded-words folded within 78 characters a line, MIME-Version and
// a UTF-8 text/plain body in base64 lines of 76. CRLF line ends.
[[nodiscard]] std::string MailMessage(const std::string& from,
                                      const registry::Notification& notification,
                                      std::int64_t unix_time, const std::string& message_id);

// Runs one short step on the registry's writer: a caller that shares the
// writer (serve) takes it for the step and releases it afterwards.
using WriterStep = std::function<Status(registry::Registry&)>;
using WithWriter = std::function<Status(const WriterStep&)>;

// Seconds a claimed row stays out of other senders' reach beyond the
// delivery's own timeout (rounded up): a sender killed mid-delivery leaves
// its row to be tried again that long after the claim.
inline constexpr std::int64_t kClaimMarginSeconds = 5;

// Delivers up to `limit` due rows of the configured channels, oldest first;
// rows of a channel without a URL stay pending. Each row is claimed
// (registry::ClaimNotification), sent, then marked sent or failed, the
// writer taken for the claim and the mark only, never during the network
// exchange. At least once: a crash after the receiver took a row but before
// it was marked sends it again once the claim lapses (an e-mail with the same
// Message-ID); a row not yet sent is sent once. kStorage only when the outbox
// cannot be read or written; delivery failures are counted, not returned.
// `stopping`, when given, is asked before each row: true ends the run there.
[[nodiscard]] Result<DeliveryReport> DeliverDue(const WithWriter& with_writer,
                                                const SenderConfig& config, int limit,
                                                const std::function<bool()>& stopping = {});
// The same on a writer the caller owns alone (the command line).
[[nodiscard]] Result<DeliveryReport> DeliverDueNotifications(registry::Registry& registry,
                                                             const SenderConfig& config, int limit);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_DELIVERY_NOTIFICATION_SENDER_H_
