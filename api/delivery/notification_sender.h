// Delivers due outbox rows: e-mail over SMTP and SMS through an HTTP gateway
// (a JSON POST), both with libcurl's easy API, recording every attempt in the
// row (retries with backoff, see outbox.h). Blocking: call it from the command
// line or a worker thread, never from an event loop.
#ifndef BADGEWATCH_API_DELIVERY_NOTIFICATION_SENDER_H_
#define BADGEWATCH_API_DELIVERY_NOTIFICATION_SENDER_H_

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

// One delivery, no bookkeeping: kUnavailable with curl's or the gateway's reason
// on failure. A channel whose URL is empty fails with "not configured".
[[nodiscard]] Status DeliverNotification(const SenderConfig& config,
                                         const registry::Notification& notification);

// Delivers up to `limit` due rows, oldest first, marking each sent or failed.
// kStorage only when the outbox cannot be read or written; delivery failures
// are counted, not returned.
[[nodiscard]] Result<DeliveryReport> DeliverDueNotifications(registry::Registry& registry,
                                                             const SenderConfig& config, int limit);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_DELIVERY_NOTIFICATION_SENDER_H_
