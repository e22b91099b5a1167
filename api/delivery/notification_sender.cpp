#include "api/delivery/notification_sender.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "registry/crypto_primitives.h"
#include "registry/outbox.h"

namespace badgewatch::api {
namespace {

using registry::Channel;
using registry::Notification;
using registry::OutboxRow;
using registry::Registry;

struct EasyCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Easy = std::unique_ptr<CURL, EasyCleanup>;
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// The upload source for CURLOPT_READFUNCTION: a message and how far it is sent.
struct Upload {
  std::string data;
  std::size_t offset = 0;
};

// libcurl callback: copies the next piece of the message. No exceptions.
extern "C" std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count,
                                  void* user) noexcept {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// libcurl callback: the gateway's response body is not needed.
extern "C" std::size_t DiscardBody(char*, std::size_t size, std::size_t count, void*) noexcept {
  return size * count;
}

Status Failure(std::string message) { return Status(StatusCode::kUnavailable, std::move(message)); }

Status CurlFailure(std::string_view what, CURLcode rc, const char* error_buffer) {
  return Failure(
      fmt::format("{}: {}", what, error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(rc)));
}

// "Thu, 03 Dec 2026 15:45:19 +0000" (RFC 5322 3.3), in UTC, without the
// locale's day and month names.
std::string MailDate(std::int64_t unix_time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = static_cast<std::time_t>(unix_time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// The subject as RFC 2047 B encoded-words of at most 42 bytes of UTF-8 each
// (56 base64 characters, 68 with the =?UTF-8?B?...?= frame, 77 after
// "Subject: "), whole characters only, folded onto continuation lines: no
// line passes 78.
std::string EncodedSubject(std::string_view subject) {
  constexpr std::size_t kMaxWordBytes = 42;
  std::string header;
  while (!subject.empty()) {
    std::size_t take = std::min(subject.size(), kMaxWordBytes);
    // Back off continuation bytes (10xxxxxx) so no character is split.
    while (take < subject.size() && take > 0 &&
           (static_cast<unsigned char>(subject[take]) & 0xC0) == 0x80) {
      --take;
    }
    if (take == 0) take = std::min(subject.size(), kMaxWordBytes);
    if (!header.empty()) header += "\r\n ";
    header += "=?UTF-8?B?" + registry::Base64(subject.substr(0, take)) + "?=";
    subject.remove_prefix(take);
  }
  return header;
}

// Base64 of `bytes` in CRLF-ended lines of 76 characters (RFC 2045 6.8).
std::string Base64Lines(std::string_view bytes) {
  const std::string encoded = registry::Base64(bytes);
  std::string lines;
  for (std::size_t i = 0; i < encoded.size(); i += 76) {
    lines += encoded.substr(i, 76);
    lines += "\r\n";
  }
  return lines;
}

// The domain part of the sender address, for Message-IDs ("localhost" when it
// has none).
std::string_view MailDomain(std::string_view from) {
  const std::size_t at = from.rfind('@');
  if (at == std::string_view::npos || at + 1 == from.size()) return "localhost";
  return from.substr(at + 1);
}

// <outbox-ID.CREATED.HASH@domain> for a row: the same row, the same id.
std::string RowMessageId(const SenderConfig& config, const OutboxRow& row) {
  const Notification& n = row.notification;
  Result<std::string> hash =
      registry::Sha256Hex(fmt::format("{}\n{}\n{}\n{}\n{}\n{}", row.id, row.created_at, n.recipient,
                                      n.subject, n.body, config.mail_from));
  return fmt::format("outbox-{}.{}.{}@{}", row.id, row.created_at,
                     hash ? hash->substr(0, 16) : std::string("0"), MailDomain(config.mail_from));
}

std::string RandomMessageId(const SenderConfig& config) {
  Result<std::string> random = registry::RandomHex(16);
  return fmt::format("notice.{}.{}@{}", std::time(nullptr), random ? *random : std::string("0"),
                     MailDomain(config.mail_from));
}

Status SendMail(const SenderConfig& config, const Notification& n, const std::string& message_id) {
  if (config.smtp_url.empty()) return Failure("e-mail: no SMTP server configured");
  Easy curl(curl_easy_init());
  if (!curl) return Failure("e-mail: curl_easy_init failed");
  char error[CURL_ERROR_SIZE] = {};
  Upload upload{MailMessage(config.mail_from, n, std::time(nullptr), message_id), 0};
  Slist recipients(curl_slist_append(nullptr, n.recipient.c_str()));
  if (!recipients) return Failure("e-mail: out of memory");
  CURLcode rc = CURLE_OK;
  auto set = [&rc](CURLcode r) {
    if (rc == CURLE_OK) rc = r;
  };
  CURL* h = curl.get();
  set(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error));
  set(curl_easy_setopt(h, CURLOPT_URL, config.smtp_url.c_str()));
  set(curl_easy_setopt(h, CURLOPT_MAIL_FROM, config.mail_from.c_str()));
  set(curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get()));
  set(curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadUpload));
  set(curl_easy_setopt(h, CURLOPT_READDATA, &upload));
  set(curl_easy_setopt(h, CURLOPT_UPLOAD, 1L));
  set(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, config.timeout_ms));
  set(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
  if (rc != CURLE_OK) return CurlFailure("e-mail: setting up", rc, error);
  rc = curl_easy_perform(h);
  if (rc != CURLE_OK) return CurlFailure("e-mail", rc, error);
  return Status::Ok();
}

Status SendSms(const SenderConfig& config, const Notification& n) {
  if (config.sms_gateway_url.empty()) return Failure("sms: no gateway configured");
  Easy curl(curl_easy_init());
  if (!curl) return Failure("sms: curl_easy_init failed");
  char error[CURL_ERROR_SIZE] = {};
  const std::string payload = nlohmann::json{{"mobile", n.recipient}, {"text", n.body}}.dump();
  Slist headers(curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8"));
  if (!headers) return Failure("sms: out of memory");
  CURLcode rc = CURLE_OK;
  auto set = [&rc](CURLcode r) {
    if (rc == CURLE_OK) rc = r;
  };
  CURL* h = curl.get();
  set(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error));
  set(curl_easy_setopt(h, CURLOPT_URL, config.sms_gateway_url.c_str()));
  set(curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get()));
  set(curl_easy_setopt(h, CURLOPT_POSTFIELDS, payload.c_str()));
  set(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size())));
  set(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, DiscardBody));
  set(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, config.timeout_ms));
  set(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
  if (rc != CURLE_OK) return CurlFailure("sms: setting up", rc, error);
  rc = curl_easy_perform(h);
  if (rc != CURLE_OK) return CurlFailure("sms", rc, error);
  long status = 0;
  rc = curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (rc != CURLE_OK) return CurlFailure("sms: reading the status", rc, error);
  if (status < 200 || status > 299) {
    return Failure(fmt::format("sms: the gateway answered HTTP {}", status));
  }
  return Status::Ok();
}

}  // namespace

std::string MailMessage(const std::string& from, const Notification& n, std::int64_t unix_time,
                        const std::string& message_id) {
  // Text in canonical form (CRLF line ends) before it is base64-encoded.
  std::string body;
  for (char c : n.body) {
    if (c == '\n' && (body.empty() || body.back() != '\r')) body += '\r';
    body += c;
  }
  return fmt::format(
      "From: <{}>\r\nTo: <{}>\r\nDate: {}\r\nMessage-ID: <{}>\r\nSubject: {}\r\n"
      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n{}",
      from, n.recipient, MailDate(unix_time), message_id, EncodedSubject(n.subject),
      Base64Lines(body));
}

registry::DeliveryChannels ConfiguredChannels(const SenderConfig& config) {
  return {!config.smtp_url.empty(), !config.sms_gateway_url.empty()};
}

Status DeliverNotification(const SenderConfig& config, const Notification& notification) {
  return notification.channel == Channel::kSms
             ? SendSms(config, notification)
             : SendMail(config, notification, RandomMessageId(config));
}

Status DeliverOutboxRow(const SenderConfig& config, const OutboxRow& row) {
  return row.notification.channel == Channel::kSms
             ? SendSms(config, row.notification)
             : SendMail(config, row.notification, RowMessageId(config, row));
}

Result<DeliveryReport> DeliverDue(const WithWriter& with_writer, const SenderConfig& config,
                                  int limit, const std::function<bool()>& stopping) {
  std::vector<OutboxRow> due;
  Status listed = with_writer([&](Registry& registry) {
    Result<std::vector<OutboxRow>> rows = registry::ListDueNotifications(
        registry.writer(), registry.Now(), limit, ConfiguredChannels(config));
    if (!rows) return rows.status();
    due = std::move(rows).value();
    return Status::Ok();
  });
  if (!listed.ok()) return listed;
  const std::int64_t claim_seconds = config.timeout_ms / 1000 + 1 + kClaimMarginSeconds;
  DeliveryReport report;
  for (const OutboxRow& row : due) {
    if (stopping && stopping()) break;
    bool claimed = false;
    Status claim = with_writer([&](Registry& registry) {
      Result<bool> taken =
          registry::ClaimNotification(registry, row, registry.Now() + claim_seconds);
      if (!taken) return taken.status();
      claimed = *taken;
      return Status::Ok();
    });
    if (!claim.ok()) return claim;
    if (!claimed) continue;  // another sender has it
    Status delivered = DeliverOutboxRow(config, row);
    Status recorded = with_writer([&](Registry& registry) {
      return delivered.ok() ? registry::MarkDelivered(registry, row.id)
                            : registry::MarkAttemptFailed(registry, row.id, delivered.message());
    });
    if (!recorded.ok()) return recorded;
    ++(delivered.ok() ? report.sent : report.failed_attempts);
  }
  return report;
}

Result<DeliveryReport> DeliverDueNotifications(Registry& registry, const SenderConfig& config,
                                               int limit) {
  return DeliverDue([&registry](const WriterStep& step) { return step(registry); }, config, limit);
}

}  // namespace badgewatch::api
