#include "registry/sms_verification.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "registry/crypto_primitives.h"
#include "registry/field_validation.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
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

// How long to wait, for the message: "45 秒" / "45 s", "12 分钟" / "12 min",
// "3 小时" / "3 h".
struct WaitText {
  std::string chinese;
  std::string english;
};
WaitText WaitFor(std::int64_t seconds) {
  if (seconds < 2 * kMinute) return {fmt::format("{} 秒", seconds), fmt::format("{} s", seconds)};
  if (seconds < 2 * kHour) {
    const std::int64_t minutes = (seconds + kMinute - 1) / kMinute;
    return {fmt::format("{} 分钟", minutes), fmt::format("{} min", minutes)};
  }
  const std::int64_t hours = (seconds + kHour - 1) / kHour;
  return {fmt::format("{} 小时", hours), fmt::format("{} h", hours)};
}

Status Refusal(const SmsCodeRefusal& refusal) {
  const WaitText wait_text = WaitFor(refusal.retry_after_seconds);
  const Localized wait{wait_text.chinese, wait_text.english};
  switch (refusal.limit) {
    case SmsCodeLimit::kMobileMinute:
      return Error<errors::kSmsLimitMobileMinute>(wait);
    case SmsCodeLimit::kMobileDay:
      return Error<errors::kSmsLimitMobileDay>(wait);
    case SmsCodeLimit::kAccountHour:
    case SmsCodeLimit::kAccountDay:
      return Error<errors::kSmsLimitAccount>(wait);
    case SmsCodeLimit::kServerDay:
      break;
  }
  return Error<errors::kSmsLimitServer>(wait);
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
    return Refusal(**over);
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
    return Error<errors::kSmsCodeNotFound>(id);
  }
  const std::string salt = select->Text(1);
  const std::string stored = select->Text(2);
  const std::int64_t expires_at = select->Int(3);
  const std::int64_t attempts = select->Int(4);
  if (!select->IsNull(5)) return Error<errors::kSmsCodeAlreadyConfirmed>();
  if (registry.Now() >= expires_at) return Error<errors::kSmsCodeExpired>();
  if (attempts >= kSmsCodeMaxAttempts) {
    return Error<errors::kSmsCodeTooManyAttempts>();
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
    return Error<errors::kSmsCodeWrong>(kSmsCodeMaxAttempts - attempts - 1);
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
    return Error<errors::kMobileNotConfirmed>();
  }
  if (select->Text(0) != mobile) {
    return Error<errors::kSmsCodeOtherMobile>();
  }
  if (!select->IsNull(6)) {
    return Error<errors::kSmsCodeUsed>();
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
    return Error<errors::kSmsCodeUsedOrForeign>();
  }
  return Status::Ok();
}

}  // namespace badgewatch::registry
