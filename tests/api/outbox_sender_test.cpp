// serve's outbox sender in process: a row enqueued through the shared writer
// leaves at once (the writer's hook wakes the sender; its poll is an hour),
// and rows of a channel without a URL wait in the outbox.
#include "api/app/outbox_sender.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <vector>

#include "registry/outbox.h"
#include "registry/transaction.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/http_receiver.h"
#include "tests/support/poll_until.h"

namespace badgewatch::api {
namespace {

using registry::Channel;
using registry::OutboxRow;

std::vector<OutboxRow> OutboxThroughLease(RegistryWriter& writer) {
  RegistryWriter::Lease lease = writer.Acquire();
  return registry::ListOutbox(lease.registry().writer()).value();
}

void EnqueueThroughLease(RegistryWriter& writer, const registry::Notification& notification) {
  RegistryWriter::Lease lease = writer.Acquire();
  Result<registry::Transaction> txn = registry::Transaction::Begin(lease.registry().writer());
  REQUIRE(txn.ok());
  REQUIRE(registry::Enqueue(lease.registry(), notification).ok());
  REQUIRE(txn->Commit().ok());
}

TEST_CASE("OutboxSender: a row enqueued through the writer is sent at once, not at the next poll",
          "[api][delivery]") {
  registry::testing::RegistryFixture f;
  registry::testing::HttpReceiver gateway(200);
  RegistryWriter writer(*f.registry);
  OutboxSender sender(writer,
                      {{"", "badge@conac.example", gateway.url(), 5'000}, std::chrono::hours(1)});
  writer.SetOutboxHook([&sender] { sender.Wake(); });
  sender.Start();

  EnqueueThroughLease(writer, {Channel::kEmail, "a@example.gov.cn", "主题", "正文"});
  EnqueueThroughLease(writer, {Channel::kSms, "13800138000", "", "您的验证码为 123456"});
  REQUIRE(badgewatch::testing::PollUntil([&] { return gateway.bodies().size() == 1; },
                                         std::chrono::seconds(20)));
  CHECK(nlohmann::json::parse(gateway.bodies()[0])["text"] == "您的验证码为 123456");
  REQUIRE(badgewatch::testing::PollUntil(
      [&] { return OutboxThroughLease(writer)[1].state == "sent"; }, std::chrono::seconds(20)));
  // No SMTP server configured: the older e-mail was never tried and waits.
  const OutboxRow mail = OutboxThroughLease(writer)[0];
  CHECK(mail.state == "pending");
  CHECK(mail.attempts == 0);
  sender.Stop();
}

}  // namespace
}  // namespace badgewatch::api
