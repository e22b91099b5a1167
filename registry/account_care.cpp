#include "registry/account_care.h"

#include <fmt/format.h>

#include <utility>

#include "registry/crypto_primitives.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
#include "registry/sms_verification.h"
#include "registry/statement.h"
#include "registry/transaction.h"
#include "registry/units.h"
#include "registry/workflow.h"

namespace badgewatch::registry {
namespace {

constexpr char kUpdateContact[] =
    "UPDATE units SET address = ?, handler_name = ?, mobile = ?, email = ? WHERE id = ?";
constexpr char kSelectLoginOf[] = "SELECT login FROM accounts WHERE id = ?";
constexpr char kSelectPasswordRecord[] = "SELECT password_hash FROM accounts WHERE id = ?";
constexpr char kSelectResettable[] =
    "SELECT a.id FROM accounts AS a JOIN units AS u ON u.id = a.unit_id "
    "WHERE a.login = ? AND a.role = 'unit' AND u.mobile = ?";
constexpr char kSelectUnitAccount[] =
    "SELECT id FROM accounts WHERE unit_id = ? AND role = 'unit' ORDER BY id LIMIT 1";
constexpr char kSelectNewestCode[] =
    "SELECT id FROM sms_verifications WHERE account_id = ? AND used_at IS NULL "
    "ORDER BY id DESC LIMIT 1";

Status ResetRefused() { return Error<errors::kResetRefused>(); }

// "单位地址：旧 → 新" for each field that changes, "；"-joined.
std::string ContactChanges(const UnitFields& before, const UnitContact& after) {
  const std::pair<std::string_view, std::pair<const std::string*, const std::string*>> fields[] = {
      {"单位地址", {&before.address, &after.address}},
      {"经办人", {&before.handler_name, &after.handler_name}},
      {"经办人手机", {&before.mobile, &after.mobile}},
      {"电子邮箱", {&before.email, &after.email}}};
  std::string changes;
  for (const auto& [label, values] : fields) {
    if (*values.first == *values.second) continue;
    if (!changes.empty()) changes += "；";
    changes += fmt::format("{}：{} → {}", label, *values.first, *values.second);
  }
  return changes;
}

}  // namespace

Result<std::vector<FieldError>> UpdateUnitContact(Registry& registry, const Actor& actor,
                                                  std::int64_t unit_id,
                                                  const UnitContact& contact) {
  if (actor.role != Role::kUnit || actor.unit_id != unit_id) {
    return Error<errors::kOnlyUnitEditsUnit>();
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Unit> unit = LoadUnit(db, unit_id);
  if (!unit) return unit.status();
  UnitFields updated = unit->fields;
  updated.address = contact.address;
  updated.handler_name = contact.handler_name;
  updated.mobile = contact.mobile;
  updated.email = contact.email;
  Result<std::vector<FieldError>> errors = CheckUnitFields(db, updated);
  if (!errors) return errors.status();
  std::vector<FieldError> own;  // the other fields are as registered: not this form's to judge
  for (FieldError& error : *errors) {
    if (error.field == "address" || error.field == "handler_name" || error.field == "mobile" ||
        error.field == "email") {
      own.push_back(std::move(error));
    }
  }
  if (!own.empty()) return own;
  const std::string changes = ContactChanges(unit->fields, contact);
  if (changes.empty()) return own;  // nothing changes: nothing to write or audit
  Result<Statement> update = db.Prepare(kUpdateContact);
  if (!update) return update.status();
  Status bound =
      update->Bind({contact.address, contact.handler_name, contact.mobile, contact.email, unit_id});
  if (!bound.ok()) return bound;
  if (Status s = update->Run(); !s.ok()) return s;
  Status audited =
      registry.Audit({ActorLabel(actor), "unit.update", fmt::format("unit:{}", unit_id), changes});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return own;
}

Result<std::string> LoginOfAccount(Database& db, std::int64_t account_id) {
  Result<Statement> s = db.Prepare(kSelectLoginOf);
  if (!s) return s.status();
  if (Status b = s->Bind({account_id}); !b.ok()) return b;
  Result<std::optional<std::string>> login =
      FirstRow(*s, [](const Statement& row) { return row.Text(0); });
  if (!login) return login.status();
  if (!*login) return Error<errors::kAccountNotFound>(account_id);
  return **login;
}

Status CheckCurrentPassword(Database& db, std::int64_t account_id, std::string_view password) {
  Result<Statement> s = db.Prepare(kSelectPasswordRecord);
  if (!s) return s.status();
  if (Status b = s->Bind({account_id}); !b.ok()) return b;
  Result<std::optional<std::optional<std::string>>> record =
      FirstRow(*s, [](const Statement& row) { return row.OptText(0); });
  if (!record) return record.status();
  const Status refused = Error<errors::kCurrentPasswordWrong>();
  if (!*record || !**record) return refused;
  Result<bool> matches = PasswordMatches(***record, password);
  if (!matches) return matches.status();
  return *matches ? Status::Ok() : refused;
}

Result<std::optional<std::int64_t>> FindResettableAccount(Database& db, std::string_view login,
                                                          std::string_view mobile) {
  Result<Statement> s = db.Prepare(kSelectResettable);
  if (!s) return s.status();
  if (Status b = s->Bind({login, mobile}); !b.ok()) return b;
  return FirstRow(*s, FirstColumnInt);
}

Status ResetPasswordBySms(Registry& registry, std::string_view login, std::string_view code,
                          std::string_view record) {
  Database& db = registry.writer();
  Result<Actor> actor = LoadActorByLogin(db, login);
  if (!actor)
    return actor.status().code() == StatusCode::kNotFound ? ResetRefused() : actor.status();
  if (actor->role != Role::kUnit) return ResetRefused();
  Result<Statement> newest = db.Prepare(kSelectNewestCode);
  if (!newest) return newest.status();
  if (Status b = newest->Bind({actor->account_id}); !b.ok()) return b;
  Result<std::optional<std::int64_t>> verification = FirstRow(*newest, FirstColumnInt);
  if (!verification) return verification.status();
  if (!*verification) return ResetRefused();
  const std::int64_t id = **verification;
  Status confirmed = ConfirmSmsCode(registry, actor->account_id, id, code);
  if (!confirmed.ok()) {
    const StatusCode why = confirmed.code();
    const bool refusal = why == StatusCode::kInvalidArgument ||
                         why == StatusCode::kFailedPrecondition || why == StatusCode::kNotFound;
    return refusal ? ResetRefused() : confirmed;
  }
  const std::int64_t account_id = actor->account_id;
  return StorePasswordRecord(registry, account_id, record,
                             {"password-reset", "account.password-reset",
                              fmt::format("by SMS code {}", id), [account_id, id](Registry& r) {
                                return UseConfirmedMobile(r.writer(), account_id, id, r.Now());
                              }});
}

Result<std::string> ResetUnitPasswordByStaff(Registry& registry, const Actor& actor,
                                             std::int64_t unit_id, PasswordCost cost) {
  if (actor.role == Role::kUnit) {
    return Error<errors::kStaffResetsPasswords>();
  }
  Database& db = registry.writer();
  Result<Unit> unit = LoadUnit(db, unit_id);
  if (!unit) return unit.status();
  if (Status s = CheckScope(actor, *unit); !s.ok()) return s;
  Result<Statement> account = db.Prepare(kSelectUnitAccount);
  if (!account) return account.status();
  if (Status b = account->Bind({unit_id}); !b.ok()) return b;
  Result<std::optional<std::int64_t>> account_id = FirstRow(*account, FirstColumnInt);
  if (!account_id) return account_id.status();
  if (!*account_id) {
    return Error<errors::kUnitHasNoAccount>(unit_id);
  }
  Result<std::string> password = RandomHex(6);
  if (!password) return password.status();
  Result<std::string> record = HashPassword(*password, cost);
  if (!record) return record.status();
  Result<std::string> login = LoginOfAccount(db, **account_id);
  if (!login) return login.status();
  const std::string body = fmt::format(
      "{}：工作人员已重置贵单位登录名 {} 的密码，新密码为 {}。请登录后立即修改密码。如有疑问，请"
      "致电 010-52035000。",
      unit->fields.name, *login, *password);
  const Unit notified = *unit;
  Status stored = StorePasswordRecord(
      registry, **account_id, *record,
      {ActorLabel(actor), "account.password-reset-by-staff", fmt::format("unit:{}", unit_id),
       [&notified, &body](Registry& r) { return NotifyUnit(r, notified, "密码已重置", body); }});
  if (!stored.ok()) return stored;
  return MaskedMobile(unit->fields.mobile);
}

std::string MaskedMobile(std::string_view mobile) {
  if (mobile.size() != 11) return "***";
  return fmt::format("{}****{}", mobile.substr(0, 3), mobile.substr(7));
}

}  // namespace badgewatch::registry
