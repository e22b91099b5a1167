#include "registry/sms_verification.h"

#include <fmt/format.h>

#include "registry/crypto_primitives.h"
#include "registry/field_validation.h"
#include "registry/outbox.h"
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

Result<std::string> CodeHash(std::string_view salt, std::string_view code) {
  return Sha256Hex(fmt::format("{}:{}", salt, code));
}

Status Precondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}

}  // namespace

Result<std::int64_t> RequestSmsCode(Registry& registry, std::int64_t account_id,
                                    const std::string& mobile) {
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
  Result<Statement> insert = db.Prepare(kInsert);
  if (!insert) return insert.status();
  const std::int64_t now = registry.Now();
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
