#include "registry/sms_verification.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "registry/crypto_primitives.h"
#include "registry/field_validation.h"
#include "registry/outbox.h"
#include "registry/statement.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kInsert[] =
    "INSERT INTO sms_verifications "
    "(mobile, salt, code_sha256, created_at, expires_at, account_id) VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelect[] =
    "SELECT mobile, salt, code_sha256, expires_at, attempts, confirmed_at, used_at, account_id "
    "FROM sms_verifications WHERE id = ?";
constexpr char kUse[] =
    "UPDATE sms_verifications SET used_at = ? "
    "WHERE id = ? AND (account_id IS NULL OR account_id = ?) AND confirmed_at IS NOT NULL "
    "AND used_at IS NULL";
constexpr char kCountAttempt[] =
    "UPDATE sms_verifications SET attempts = attempts + 1 WHERE id = ?";
constexpr char kConfirm[] =
    "UPDATE sms_verifications SET attempts = attempts + 1, confirmed_at = ? WHERE id = ?";

// The limits count the codes of the last 24 hours. There are at most
// `server_per_day` of them, and ids grow with time, so each count looks only
// at that many of the newest rows (by rowid; no index on created_at needed).
constexpr char kNewestId[] = "SELECT COALESCE(MAX(id), 0) FROM sms_verifications";
// The created_at of the Nth newest code (OFFSET N-1) since a time, if any.
constexpr char kNthOfMobile[] =
    "SELECT created_at FROM sms_verifications WHERE id > ? AND created_at > ? AND mobile = ? "
    "ORDER BY id DESC LIMIT 1 OFFSET ?";
constexpr char kNthOfAccount[] =
    "SELECT created_at FROM sms_verifications WHERE id > ? AND created_at > ? AND account_id = ? "
    "ORDER BY id DESC LIMIT 1 OFFSET ?";
constexpr char kNthOfServer[] =
    "SELECT created_at FROM sms_verifications WHERE id > ? AND created_at > ? "
    "ORDER BY id DESC LIMIT 1 OFFSET ?";

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

struct WindowLimit {
  SmsCodeLimit limit;
  const char* sql;
  std::int64_t window;
  int max;
};

// "45 秒", "12 分钟", "3 小时": how long to wait, for the message.
std::string WaitText(std::int64_t seconds) {
  if (seconds < 2 * kMinute) return fmt::format("{} 秒", seconds);
  if (seconds < 2 * kHour) return fmt::format("{} 分钟", (seconds + kMinute - 1) / kMinute);
  return fmt::format("{} 小时", (seconds + kHour - 1) / kHour);
}

std::string RefusalMessage(const SmsCodeRefusal& refusal) {
  const std::string wait = WaitText(refusal.retry_after_seconds);
  switch (refusal.limit) {
    case SmsCodeLimit::kMobileMinute:
      return fmt::format("该手机号每分钟只能获取一次验证码，请 {}后再试。", wait);
    case SmsCodeLimit::kMobileDay:
      return fmt::format("该手机号 24 小时内获取验证码的次数已达上限，请 {}后再试。", wait);
    case SmsCodeLimit::kAccountHour:
    case SmsCodeLimit::kAccountDay:
      return fmt::format("本账号获取验证码过于频繁，请 {}后再试。", wait);
    case SmsCodeLimit::kServerDay:
      break;
  }
  return fmt::format("今日短信验证码发送量已达上限，请 {}后再试或联系管理员。", wait);
}

// The first limit `mobile` and `account_id` are at, or nullopt.
Result<std::optional<SmsCodeRefusal>> CheckLimits(Database& db, std::int64_t account_id,
                                                  const std::string& mobile, std::int64_t now,
                                                  const SmsCodeLimits& limits) {
  Result<Statement> newest = db.Prepare(kNewestId);
  if (!newest) return newest.status();
  Result<std::optional<std::int64_t>> newest_id = FirstRow(*newest, FirstColumnInt);
  if (!newest_id) return newest_id.status();
  const std::int64_t after_id = newest_id->value_or(0) - limits.server_per_day;
  const WindowLimit windows[] = {
      {SmsCodeLimit::kServerDay, kNthOfServer, kDay, limits.server_per_day},
      {SmsCodeLimit::kMobileMinute, kNthOfMobile, kMinute, limits.per_mobile_per_minute},
      {SmsCodeLimit::kMobileDay, kNthOfMobile, kDay, limits.per_mobile_per_day},
      {SmsCodeLimit::kAccountHour, kNthOfAccount, kHour, limits.per_account_per_hour},
      {SmsCodeLimit::kAccountDay, kNthOfAccount, kDay, limits.per_account_per_day},
  };
  for (const WindowLimit& window : windows) {
    if (window.max <= 0) return std::optional(SmsCodeRefusal{window.limit, window.window});
    Result<Statement> select = db.Prepare(window.sql);
    if (!select) return select.status();
    Status bound = Status::Ok();
    if (window.sql == kNthOfServer) {
      bound = select->Bind({after_id, now - window.window, std::int64_t{window.max - 1}});
    } else if (window.sql == kNthOfMobile) {
      bound = select->Bind({after_id, now - window.window, mobile, std::int64_t{window.max - 1}});
    } else {
      bound =
          select->Bind({after_id, now - window.window, account_id, std::int64_t{window.max - 1}});
    }
    if (!bound.ok()) return bound;
    Result<std::optional<std::int64_t>> nth = FirstRow(*select, FirstColumnInt);
    if (!nth) return nth.status();
    if (*nth) {
      const std::int64_t wait = std::max<std::int64_t>(1, **nth + window.window - now);
      return std::optional(SmsCodeRefusal{window.limit, wait});
    }
  }
  return std::optional<SmsCodeRefusal>();
}

Result<std::string> CodeHash(std::string_view salt, std::string_view code) {
  return Sha256Hex(fmt::format("{}:{}", salt, code));
}

Status Precondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}

}  // namespace

Result<std::int64_t> RequestSmsCode(Registry& registry, std::int64_t account_id,
                                    const std::string& mobile, const SmsCodeLimits& limits,
                                    SmsCodeRefusal* refusal) {
  if (Status s = ValidateMobile(mobile); !s.ok()) return s;
  Result<std::string> code = RandomDigits(6);
  if (!code) return code.status();
  Result<std::string> salt = RandomHex(16);
  if (!salt) return salt.status();
  Result<std::string> hash = CodeHash(*salt, *code);
  if (!hash) return hash.status();
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  const std::int64_t now = registry.Now();
  Result<std::optional<SmsCodeRefusal>> over = CheckLimits(db, account_id, mobile, now, limits);
  if (!over) return over.status();
  if (*over) {
    if (refusal != nullptr) *refusal = **over;
    return Status(StatusCode::kResourceExhausted, RefusalMessage(**over));
  }
  Result<Statement> insert = db.Prepare(kInsert);
  if (!insert) return insert.status();
  Status bound =
      insert->Bind({mobile, *salt, *hash, now, now + kSmsCodeLifetimeSeconds, account_id});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) return s;
  const std::int64_t id = db.LastInsertId();
  Status queued = Enqueue(registry, {Channel::kSms, mobile, "验证码",
                                     fmt::format("您的验证码为 {}，10分钟内有效。", *code)});
  if (!queued.ok()) return queued;
  Status audited = registry.Audit(
      {"system", "sms-code.request", fmt::format("sms-verification:{}", id), mobile});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return id;
}

Status ConfirmSmsCode(Registry& registry, std::int64_t account_id, std::int64_t id,
                      std::string_view code) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> select = db.Prepare(kSelect);
  if (!select) return select.status();
  if (Status b = select->Bind({id}); !b.ok()) return b;
  Result<bool> row = select->Step();
  if (!row) return row.status();
  if (!*row || (!select->IsNull(7) && select->Int(7) != account_id)) {
    return Status(StatusCode::kNotFound, fmt::format("no SMS verification {}", id));
  }
  const std::string salt = select->Text(1);
  const std::string stored = select->Text(2);
  const std::int64_t expires_at = select->Int(3);
  const std::int64_t attempts = select->Int(4);
  if (!select->IsNull(5)) return Precondition("the SMS code was already confirmed");
  if (registry.Now() >= expires_at)
    return Precondition("the SMS code has expired; request a new one");
  if (attempts >= kSmsCodeMaxAttempts) {
    return Precondition("too many wrong SMS codes; request a new one");
  }
  Result<std::string> hash = CodeHash(salt, code);
  if (!hash) return hash.status();
  const bool match = *hash == stored;
  Result<Statement> update = db.Prepare(match ? kConfirm : kCountAttempt);
  if (!update) return update.status();
  Status bound = match ? update->Bind({registry.Now(), id}) : update->Bind({id});
  if (!bound.ok()) return bound;
  if (Status s = update->Run(); !s.ok()) return s;
  if (Status s = txn->Commit(); !s.ok()) return s;
  if (!match) {
    return Status(StatusCode::kInvalidArgument, fmt::format("wrong SMS code ({} attempts left)",
                                                            kSmsCodeMaxAttempts - attempts - 1));
  }
  return Status::Ok();
}

Status CheckMobileConfirmed(Database& db, std::int64_t id, std::string_view mobile) {
  Result<Statement> select = db.Prepare(kSelect);
  if (!select) return select.status();
  if (Status b = select->Bind({id}); !b.ok()) return b;
  Result<bool> row = select->Step();
  if (!row) return row.status();
  if (!*row || select->IsNull(5)) {
    return Precondition("the handler's mobile is not confirmed by an SMS code");
  }
  if (select->Text(0) != mobile) {
    return Precondition("the SMS code was confirmed for another mobile number");
  }
  if (!select->IsNull(6)) {
    return Precondition("the SMS code was already used for a submission; request a new one");
  }
  return Status::Ok();
}

Status UseConfirmedMobile(Database& db, std::int64_t account_id, std::int64_t id,
                          std::int64_t now) {
  Result<Statement> use = db.Prepare(kUse);
  if (!use) return use.status();
  if (Status b = use->Bind({now, id, account_id}); !b.ok()) return b;
  if (Status s = use->Run(); !s.ok()) return s;
  if (db.Changes() == 0) {
    return Precondition(
        "the SMS code was already used for a submission, or asked for by another account; "
        "request a new one");
  }
  return Status::Ok();
}

}  // namespace badgewatch::registry
