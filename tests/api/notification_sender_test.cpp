// The sender against real servers on loopback: aiosmtpd for e-mail, an HTTP
// receiver for the SMS gateway; failures are retried with backoff and given
// up after the last attempt.
#include "api/delivery/notification_sender.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

// One message the SMTP sink printed: its raw header lines, the headers
// unfolded, and the body as received.
struct SunkMail {
  std::vector<std::string> header_lines;
  std::map<std::string, std::string> headers;  // unfolded, "Subject" -> "=?UTF-8?B?..?= ..."
  std::string body;
};

std::vector<SunkMail> SunkMails(const std::string& output) {
  constexpr std::string_view kBegin = "---------- MESSAGE FOLLOWS ----------\n";
  constexpr std::string_view kEnd = "------------ END MESSAGE ------------";
  std::vector<SunkMail> mails;
  for (std::size_t at = output.find(kBegin); at != std::string::npos;
       at = output.find(kBegin, at)) {
    at += kBegin.size();
    const std::size_t end = output.find(kEnd, at);
    if (end == std::string::npos) break;
    std::istringstream lines(output.substr(at, end - at));
    SunkMail mail;
    std::string line;
    std::string last;
    bool in_headers = true;
    while (std::getline(lines, line)) {
      if (in_headers && line.empty()) {
        in_headers = false;
      } else if (in_headers) {
        mail.header_lines.push_back(line);
        if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {
          mail.headers[last] += line;
        } else if (const std::size_t colon = line.find(": "); colon != std::string::npos) {
          last = line.substr(0, colon);
          mail.headers[last] = line.substr(colon + 2);
        }
      } else {
        mail.body += line + "\n";
      }
    }
    mails.push_back(std::move(mail));
  }
  return mails;
}

std::string Base64Decode(std::string_view text) {
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const std::size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) continue;  // '=', line ends
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return bytes;
}

// An unfolded header of RFC 2047 B encoded-words in UTF-8, decoded; "" when
// any part is not one.
std::string DecodeEncodedWords(const std::string& header) {
  std::istringstream words(header);
  std::string word;
  std::string text;
  while (words >> word) {
    constexpr std::string_view kPrefix = "=?UTF-8?B?";
    if (word.rfind(kPrefix, 0) != 0 || word.size() < kPrefix.size() + 2 ||
        word.substr(word.size() - 2) != "?=") {
      return "";
    }
    text += Base64Decode(
        std::string_view(word).substr(kPrefix.size(), word.size() - kPrefix.size() - 2));
  }
  return text;
}

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
  CHECK(smtp.WaitFor("END MESSAGE"));
  std::vector<SunkMail> mails = SunkMails(smtp.Output());
  REQUIRE(mails.size() == 1);
  CHECK(DecodeEncodedWords(mails[0].headers["Subject"]) == "网站标识已下发");
  CHECK(Base64Decode(mails[0].body) == "标识编号 CA1\r\n.第二行");
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

TEST_CASE("NotificationSender: e-mails carry Date, Message-ID and a long Chinese subject folded",
          "[delivery][network]") {
  RegistryFixture f;
  testing::SmtpSink smtp(f.dir.File("smtp.log"));
  const std::string subject =
      "网站标识检查未通过：浙江省杭州市西湖区人民政府门户网站（含政务公开、办事服务与互动交流栏目"
      "）";
  const std::string body = "您单位网站“西湖区人民政府门户网站”未通过检查。\n请尽快整改。";
  Queue(f, {Channel::kEmail, "handler@example.gov.cn", subject, body});
  SenderConfig config{smtp.url(), "badge@conac.example", "", 10'000};
  const OutboxRow row = ListOutbox(f.registry->writer()).value().at(0);
  // Sent twice (as after a crash between sending and recording): one Message-ID.
  REQUIRE(DeliverOutboxRow(config, row).ok());
  REQUIRE(DeliverOutboxRow(config, row).ok());
  REQUIRE(DeliverNotification(config, row.notification).ok());
  // The sink prints a message before it answers 250, so all three are there.
  std::vector<SunkMail> mails = SunkMails(smtp.Output());
  REQUIRE(mails.size() == 3);
  SunkMail& mail = mails[0];
  for (const std::string& line : mail.header_lines) {
    INFO(line);
    CHECK(line.size() <= 78);
  }
  CHECK(mail.header_lines.end() !=
        std::find_if(mail.header_lines.begin(), mail.header_lines.end(),
                     [](const std::string& line) { return line.rfind(" =?UTF-8?B?", 0) == 0; }));
  CHECK(DecodeEncodedWords(mail.headers["Subject"]) == subject);
  CHECK_THAT(
      mail.headers["Date"],
      Catch::Matches(R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|)"
                     R"(Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000)"));
  CHECK_THAT(mail.headers["Message-ID"],
             Catch::Matches("<outbox-" + std::to_string(row.id) + "\\." +
                            std::to_string(row.created_at) + "\\.[0-9a-f]{16}@conac\\.example>"));
  CHECK(mails[1].headers["Message-ID"] == mail.headers["Message-ID"]);
  CHECK(mails[2].headers["Message-ID"] != mail.headers["Message-ID"]);
  CHECK_THAT(mails[2].headers["Message-ID"], Catch::EndsWith("@conac.example>"));
  CHECK(mail.headers["MIME-Version"] == "1.0");
  CHECK(mail.headers["Content-Type"] == "text/plain; charset=UTF-8");
  CHECK(mail.headers["Content-Transfer-Encoding"] == "base64");
  CHECK(mail.headers["To"] == "<handler@example.gov.cn>");
  CHECK(Base64Decode(mail.body) ==
        "您单位网站“西湖区人民政府门户网站”未通过检查。\r\n请尽快整改。");
}

TEST_CASE("Outbox: a claimed row is not taken by a second sender", "[registry]") {
  RegistryFixture f;
  Queue(f, {Channel::kSms, "13800138000", "", "验证码"});
  const OutboxRow row = ListOutbox(f.registry->writer()).value().at(0);
  CHECK(ClaimNotification(*f.registry, row, *f.now + 30).value());
  CHECK_FALSE(ClaimNotification(*f.registry, row, *f.now + 30).value());  // as read: taken
  CHECK(ListDueNotifications(f.registry->writer(), *f.now, 10).value().empty());
  *f.now += 30;  // the claim lapsed (its sender died): due again, once
  const std::vector<OutboxRow> due = ListDueNotifications(f.registry->writer(), *f.now, 10).value();
  REQUIRE(due.size() == 1);
  CHECK(ClaimNotification(*f.registry, due[0], *f.now + 30).value());
  CHECK(ListDueNotifications(f.registry->writer(), *f.now, 10, {true, false}).value().empty());
}

TEST_CASE("Outbox: a reviewer's reason reads as one sentence in a notice", "[registry]") {
  CHECK(ReasonClause("网站名称与单位不符，请删除。") == "网站名称与单位不符，请删除");
  CHECK(ReasonClause("缺少IP地址。 \n") == "缺少IP地址");
  CHECK(ReasonClause("域名有误！！") == "域名有误");
  CHECK(ReasonClause("名称不符") == "名称不符");
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
