#include "api/delivery/notification_sender.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

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

// The RFC 5322 message, UTF-8 body, subject as an encoded-word, CRLF lines.
std::string MailMessage(const std::string& from, const Notification& n) {
  std::string body;
  for (char c : n.body) {
    if (c == '\n') body += '\r';
    body += c;
  }
  // A line starting with '.' is dot-stuffed by libcurl itself.
  return fmt::format(
      "From: <{}>\r\nTo: <{}>\r\nSubject: =?UTF-8?B?{}?=\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n",
      from, n.recipient, registry::Base64(n.subject), body);
}

Status SendMail(const SenderConfig& config, const Notification& n) {
  if (config.smtp_url.empty()) return Failure("e-mail: no SMTP server configured");
  Easy curl(curl_easy_init());
  if (!curl) return Failure("e-mail: curl_easy_init failed");
  char error[CURL_ERROR_SIZE] = {};
  Upload upload{MailMessage(config.mail_from, n), 0};
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

Status DeliverNotification(const SenderConfig& config, const Notification& notification) {
  return notification.channel == Channel::kSms ? SendSms(config, notification)
                                               : SendMail(config, notification);
}

Result<DeliveryReport> DeliverDueNotifications(Registry& registry, const SenderConfig& config,
                                               int limit) {
  Result<std::vector<OutboxRow>> due =
      registry::ListDueNotifications(registry.writer(), registry.Now(), limit);
  if (!due) return due.status();
  DeliveryReport report;
  for (const OutboxRow& row : *due) {
    Status delivered = DeliverNotification(config, row.notification);
    if (delivered.ok()) {
      if (Status s = registry::MarkDelivered(registry, row.id); !s.ok()) return s;
      ++report.sent;
    } else {
      if (Status s = registry::MarkAttemptFailed(registry, row.id, delivered.message()); !s.ok())
        return s;
      ++report.failed_attempts;
    }
  }
  return report;
}

}  // namespace badgewatch::api
