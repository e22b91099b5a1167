// The sender against real servers on loopback: aiosmtpd for e-mail, an HTTP
// receiver for the SMS gateway; failures are retried with backoff and given
// up after the last attempt.
#include "api/delivery/notification_sender.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "registry/transaction.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/http_receiver.h"
#include "tests/support/smtp_sink.h"

namespace badgewatch::registry {
namespace {

using api::DeliverDueNotifications;
using api::DeliverNotification;
using api::DeliveryReport;
using api::SenderConfig;
using testing::RegistryFixture;

void Queue(RegistryFixture& f, const Notification& n) {
  Result<Transaction> txn = Transaction::Begin(f.registry->writer());
  REQUIRE(txn.ok());
  REQUIRE(Enqueue(*f.registry, n).ok());
  REQUIRE(txn->Commit().ok());
}

TEST_CASE("NotificationSender: e-mail through SMTP and SMS through the gateway",
          "[delivery][network]") {
  RegistryFixture f;
  testing::SmtpSink smtp(f.dir.File("smtp.log"));
  testing::HttpReceiver gateway(200);
  Queue(f, {Channel::kEmail, "handler@example.gov.cn", "网站标识已下发", "标识编号 CA1\n.第二行"});
  Queue(f, {Channel::kSms, "13800138000", "", "您的验证码为 123456"});
  SenderConfig config{smtp.url(), "badge@conac.example", gateway.url(), 10'000};

  DeliveryReport report = DeliverDueNotifications(*f.registry, config, 10).value();
  CHECK(report.sent == 2);
  CHECK(report.failed_attempts == 0);
  CHECK(smtp.WaitFor("handler@example.gov.cn"));
  CHECK(smtp.WaitFor("Subject: =?UTF-8?B?"));
  CHECK(smtp.WaitFor(".第二行"));  // dot-stuffing undone by the server
  REQUIRE(gateway.bodies().size() == 1);
  nlohmann::json sms = nlohmann::json::parse(gateway.bodies()[0]);
  CHECK(sms["mobile"] == "13800138000");
  CHECK(sms["text"] == "您的验证码为 123456");
  for (const OutboxRow& row : ListOutbox(f.registry->writer()).value()) {
    CHECK(row.state == "sent");
    CHECK(row.attempts == 1);
  }
  CHECK(DeliverDueNotifications(*f.registry, config, 10)->sent == 0);  // nothing due twice
}

TEST_CASE("NotificationSender: failures back off, then give up", "[delivery][network]") {
  RegistryFixture f;
  testing::HttpReceiver failing_gateway(503);
  Queue(f, {Channel::kSms, "13800138000", "", "text"});
  Queue(f, {Channel::kEmail, "a@example.cn", "s", "b"});
  // A port nothing listens on: the SMTP connection is refused.
  SenderConfig config{"smtp://127.0.0.1:" + std::to_string(testing::FreeLoopbackPort()),
                      "badge@conac.example", failing_gateway.url(), 5'000};

  std::int64_t expected_delay = kFirstRetryDelaySeconds;
  for (int attempt = 1; attempt <= kMaxDeliveryAttempts; ++attempt) {
    DeliveryReport report = DeliverDueNotifications(*f.registry, config, 10).value();
    CHECK(report.failed_attempts == 2);
    CHECK(DeliverDueNotifications(*f.registry, config, 10)->failed_attempts == 0);  // not due
    for (const OutboxRow& row : ListOutbox(f.registry->writer()).value()) {
      CHECK(row.attempts == attempt);
      CHECK(row.state == (attempt == kMaxDeliveryAttempts ? "failed" : "pending"));
      CHECK(row.next_attempt_at == *f.now + expected_delay);
      if (row.notification.channel == Channel::kSms) {
        CHECK(row.last_error == "sms: the gateway answered HTTP 503");
      } else {
        CHECK_THAT(row.last_error, Catch::StartsWith("e-mail: "));
      }
    }
    *f.now += expected_delay;
    expected_delay *= 2;
  }
  CHECK(DeliverDueNotifications(*f.registry, config, 10)->failed_attempts == 0);  // given up
  CHECK(failing_gateway.bodies().size() == kMaxDeliveryAttempts);
}

TEST_CASE("NotificationSender: an unconfigured channel is a failed attempt", "[registry]") {
  CHECK(DeliverNotification({}, {Channel::kSms, "13800138000", "", "x"}).message() ==
        "sms: no gateway configured");
  CHECK(DeliverNotification({}, {Channel::kEmail, "a@b.cn", "", "x"}).message() ==
        "e-mail: no SMTP server configured");
}

TEST_CASE("Outbox status: counts per state and channel, pages newest first", "[registry]") {
  RegistryFixture f;
  *f.now = 1000;
  Queue(f, {Channel::kEmail, "a@example.gov.cn", "s1", "b1"});
  *f.now = 2000;
  Queue(f, {Channel::kSms, "13800138000", "", "b2"});
  Queue(f, {Channel::kSms, "13800138001", "", "b3"});
  const std::vector<OutboxRow> all = ListOutbox(f.registry->writer()).value();
  REQUIRE(all.size() == 3);
  REQUIRE(MarkDelivered(*f.registry, all[0].id).ok());

  const OutboxStatus status = ReadOutboxStatus(f.registry->writer()).value();
  REQUIRE(status.counts.size() == 2);
  CHECK(status.counts[0].state == "pending");
  CHECK(status.counts[0].channel == "sms");
  CHECK(status.counts[0].rows == 2);
  CHECK(status.counts[1].state == "sent");
  CHECK(status.counts[1].rows == 1);
  CHECK(status.oldest_pending_at == 2000);

  const OutboxPage pending = ListOutboxPage(f.registry->writer(), "pending", 1, 0).value();
  CHECK(pending.total == 2);
  REQUIRE(pending.rows.size() == 1);
  CHECK(pending.rows[0].notification.body == "b3");
  const OutboxPage second = ListOutboxPage(f.registry->writer(), "pending", 1, 1).value();
  REQUIRE(second.rows.size() == 1);
  CHECK(second.rows[0].notification.body == "b2");
  CHECK(ListOutboxPage(f.registry->writer(), "", 10, 0).value().total == 3);
  CHECK(ListOutboxPage(f.registry->writer(), "failed", 10, 0).value().rows.empty());
}

}  // namespace
}  // namespace badgewatch::registry
