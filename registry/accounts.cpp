#include "registry/accounts.h"

#include <fmt/format.h>

#include <variant>

#include "foundation/ascii.h"
#include "registry/crypto_primitives.h"
#include "registry/divisions.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kInsertAccount[] =
    "INSERT INTO accounts (login, role, unit_id, region_code, office_code, created_at, "
    "password_hash, password_set_at) VALUES (?, ?, ?, substr(?, 1, 2), ?, ?, ?, ?)";
constexpr char kSelectAccount[] =
    "SELECT id, role, unit_id, region_code, coalesce(office_code, region_code || '0000'), "
    "disabled_at IS NOT NULL FROM accounts WHERE id = ?";
constexpr char kSelectAccountByLogin[] =
    "SELECT id, role, unit_id, region_code, coalesce(office_code, region_code || '0000'), "
    "disabled_at IS NOT NULL FROM accounts WHERE login = ?";
constexpr char kSelectReviewers[] =
    "SELECT id, login, coalesce(office_code, region_code || '0000'), disabled_at IS NULL, "
    "created_at FROM accounts WHERE role = 'regional' ORDER BY 3, login";
constexpr char kSetDisabled[] = "UPDATE accounts SET disabled_at = ? WHERE id = ?";
constexpr char kEndReviewerSessions[] =
    "UPDATE web_sessions SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL";
constexpr char kRegionExists[] = "SELECT count(*) FROM regions WHERE code = ?";
constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (account_id, token_sha256, label, created_at) VALUES (?, ?, ?, ?)";
constexpr char kSelectTokenAccount[] =
    "SELECT account_id FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL";
constexpr char kSelectAccountTokens[] =
    "SELECT id, label, created_at, revoked_at FROM api_tokens WHERE account_id = ? ORDER BY id";
constexpr char kSelectTokenState[] = "SELECT account_id, revoked_at FROM api_tokens WHERE id = ?";
constexpr char kRevokeToken[] = "UPDATE api_tokens SET revoked_at = ? WHERE id = ?";

// The prefix every token carries, so a leaked one is recognisable.
constexpr std::string_view kTokenPrefix = "bwt_";

// The office a reviewer account is bound to: `office` itself when it is a
// division, the province's office for a 2-digit region code.
Result<std::string> ReviewerOffice(Database& db, const std::string& office) {
  if (office.size() == 2) {
    Result<Statement> exists = db.Prepare(kRegionExists);
    if (!exists) return exists.status();
    if (Status b = exists->Bind({office}); !b.ok()) return b;
    Result<bool> row = exists->Step();
    if (!row) return row.status();
    if (exists->Int(0) == 0) return Error<errors::kRegionUnknown>(office);
    return office + "0000";
  }
  Result<std::optional<Division>> division = FindDivision(db, office);
  if (!division) return division.status();
  if (!*division) return Error<errors::kDivisionUnknown>(office);
  return office;
}

}  // namespace

Status ValidateLogin(std::string_view login) {
  bool ok = login.size() >= 3 && login.size() <= 64;
  for (char c : login) {
    ok = ok && (foundation::IsAsciiAlpha(c) || foundation::IsAsciiDigit(c) || c == '.' ||
                c == '_' || c == '-');
  }
  if (!ok) {
    return Error<errors::kLoginMalformed>(login);
  }
  return Status::Ok();
}

namespace {

// `office_code`: a reviewer's division (its region is the first two
// digits), else null. `password_record`: a HashPassword record, or null for
// an account without a web password yet.
Result<std::int64_t> InsertAccount(Database& db, const std::string& login, Role role,
                                   SqlValue unit_id, SqlValue office_code, std::int64_t now,
                                   SqlValue password_record = nullptr) {
  Result<Statement> insert = db.Prepare(kInsertAccount);
  if (!insert) return insert.status();
  const bool has_password = !std::holds_alternative<std::nullptr_t>(password_record);
  const SqlValue password_set_at = has_password ? SqlValue(now) : SqlValue(nullptr);
  if (Status b = insert->Bind({login, RoleName(role), unit_id, office_code, office_code, now,
                               password_record, password_set_at});
      !b.ok()) {
    return b;
  }
  if (Status s = insert->Run(); !s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) {
      return Error<errors::kLoginTaken>(login);
    }
    return s;
  }
  return db.LastInsertId();
}

Status RunAccountUpdate(Database& db, const char* sql, std::initializer_list<SqlValue> values) {
  Result<Statement> update = db.Prepare(sql);
  if (!update) return update.status();
  if (Status b = update->Bind(values); !b.ok()) return b;
  return update->Run();
}

Result<Actor> ReadActor(Statement& s) {
  Result<bool> row = s.Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kAccountMissing>();
  Actor actor;
  actor.account_id = s.Int(0);
  actor.role = ParseRole(s.Text(1)).value_or(Role::kUnit);
  actor.unit_id = s.Int(2);
  actor.region_code = s.Text(3);
  actor.office_code = s.Text(4);
  actor.disabled = s.Int(5) != 0;
  return actor;
}

}  // namespace

std::string ActorLabel(const Actor& actor) {
  switch (actor.role) {
    case Role::kUnit:
      return fmt::format("account:{} (unit {})", actor.account_id, actor.unit_id);
    case Role::kRegional:
      return fmt::format("account:{} (regional {})", actor.account_id,
                         DivisionLevelOf(actor.office_code) == DivisionLevel::kProvince
                             ? actor.region_code
                             : actor.office_code);
    case Role::kConac:
      return fmt::format("account:{} (conac)", actor.account_id);
  }
  return "unknown";
}

Result<Actor> RegisterUnit(Registry& registry, const UnitFields& fields, const std::string& login,
                           const std::optional<std::string>& password_record, bool confirm) {
  if (Status s = ValidateLogin(login); !s.ok()) return s;
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<std::int64_t> unit_id = InsertUnit(db, fields, registry.Now());
  if (!unit_id) return unit_id.status();
  Result<std::int64_t> account_id =
      InsertAccount(db, login, Role::kUnit, *unit_id, nullptr, registry.Now(),
                    password_record ? SqlValue(*password_record) : SqlValue(nullptr));
  if (!account_id) return account_id.status();
  Actor actor{*account_id, Role::kUnit, *unit_id, "", "", false};
  Status audited =
      registry.Audit({ActorLabel(actor), "unit.register", fmt::format("unit:{}", *unit_id),
                      fmt::format("{} ({}, region {}){}", fields.name, UnitKindLabel(fields.kind),
                                  WithDivision(fields).region_code,
                                  password_record ? "; with a web password" : "")});
  if (!audited.ok()) return audited;
  if (confirm) {
    Result<Unit> unit = LoadUnit(db, *unit_id);
    if (!unit) return unit.status();
    const std::string body = fmt::format(
        "{}：贵单位已完成网站标识服务新用户注册，登录名为 {}，现在即可登录。如非本单位操作，请致电 "
        "010-52035000。",
        unit->fields.name, login);
    if (Status s = NotifyUnit(registry, *unit, "新用户注册成功", body); !s.ok()) return s;
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  return actor;
}

Result<Actor> CreateStaffAccount(Registry& registry, const std::string& login, Role role,
                                 const std::string& office) {
  if (Status s = ValidateLogin(login); !s.ok()) return s;
  if (role == Role::kUnit) {
    return Error<errors::kUnitAccountByRegistration>();
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  std::string office_code;
  if (role == Role::kRegional) {
    Result<std::string> code = ReviewerOffice(db, office);
    if (!code) return code.status();
    office_code = *code;
  } else if (!office.empty()) {
    return Error<errors::kConacAccountHasNoRegion>();
  }
  const SqlValue office_value =
      office_code.empty() ? SqlValue(nullptr) : SqlValue(std::string_view(office_code));
  Result<std::int64_t> id = InsertAccount(db, login, role, nullptr, office_value, registry.Now());
  if (!id) return id.status();
  Actor actor{*id, role, 0, RegionOfDivision(office_code), office_code, false};
  Status audited = registry.Audit({"cli", "account.create", fmt::format("account:{}", *id),
                                   fmt::format("{} {}", RoleName(role), login)});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return actor;
}

Result<Actor> LoadActor(Database& db, std::int64_t account_id) {
  Result<Statement> s = db.Prepare(kSelectAccount);
  if (!s) return s.status();
  if (Status b = s->Bind({account_id}); !b.ok()) return b;
  Result<Actor> actor = ReadActor(*s);
  if (!actor && actor.status().code() == StatusCode::kNotFound) {
    return Error<errors::kAccountNotFound>(account_id);
  }
  return actor;
}

Result<Actor> LoadActorByLogin(Database& db, std::string_view login) {
  Result<Statement> s = db.Prepare(kSelectAccountByLogin);
  if (!s) return s.status();
  if (Status b = s->Bind({login}); !b.ok()) return b;
  Result<Actor> actor = ReadActor(*s);
  if (!actor && actor.status().code() == StatusCode::kNotFound) {
    return Error<errors::kAccountOfLoginNotFound>(login);
  }
  return actor;
}

Result<std::string> CreateApiToken(Registry& registry, std::int64_t account_id,
                                   const std::string& label) {
  Result<std::string> secret = RandomHex(32);
  if (!secret) return secret.status();
  const std::string token = std::string(kTokenPrefix) + *secret;
  Result<std::string> digest = Sha256Hex(token);
  if (!digest) return digest.status();
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  if (Result<Actor> owner = LoadActor(db, account_id); !owner) return owner.status();
  Result<Statement> insert = db.Prepare(kInsertToken);
  if (!insert) return insert.status();
  if (Status b = insert->Bind({account_id, *digest, label, registry.Now()}); !b.ok()) return b;
  if (Status s = insert->Run(); !s.ok()) return s;
  Status audited =
      registry.Audit({"cli", "token.create", fmt::format("account:{}", account_id), label});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return token;
}

Result<Actor> AuthenticateToken(Database& db, std::string_view token) {
  Result<std::string> digest = Sha256Hex(token);
  if (!digest) return digest.status();
  Result<Statement> s = db.Prepare(kSelectTokenAccount);
  if (!s) return s.status();
  if (Status b = s->Bind({*digest}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kApiTokenUnknown>();
  Result<Actor> actor = LoadActor(db, s->Int(0));
  if (actor && actor->disabled) return Error<errors::kAccountDisabled>();
  return actor;
}

bool ManagesOffice(const Actor& by, std::string_view office_code) {
  switch (by.role) {
    case Role::kConac:
      return office_code.size() == 6;
    case Role::kRegional:
      return office_code != by.office_code && OfficeCovers(by.office_code, office_code);
    case Role::kUnit:
      break;
  }
  return false;
}

Result<Actor> CreateReviewerAccount(Registry& registry, const Actor& by, const std::string& login,
                                    const std::string& office_code,
                                    const std::string& password_record) {
  if (Status s = ValidateLogin(login); !s.ok()) return s;
  if (!ManagesOffice(by, office_code)) return Error<errors::kOfficeNotBelowYours>(office_code);
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<std::optional<Division>> division = FindDivision(db, office_code);
  if (!division) return division.status();
  if (!*division) return Error<errors::kDivisionUnknown>(office_code);
  Result<std::int64_t> id =
      InsertAccount(db, login, Role::kRegional, nullptr, std::string_view(office_code),
                    registry.Now(), std::string_view(password_record));
  if (!id) return id.status();
  Status audited = registry.Audit(
      {ActorLabel(by), "account.create", fmt::format("account:{}", *id),
       fmt::format("regional {} (office {}); with a web password", login, office_code)});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return Actor{*id, Role::kRegional, 0, RegionOfDivision(office_code), office_code, false};
}

Result<std::vector<ReviewerAccount>> ListReviewerAccounts(Database& db, const Actor& by) {
  Result<Statement> s = db.Prepare(kSelectReviewers);
  if (!s) return s.status();
  Result<std::vector<ReviewerAccount>> all = CollectRows(*s, [](const Statement& row) {
    return ReviewerAccount{row.Int(0), row.Text(1), row.Text(2), row.Int(3) != 0, row.Int(4)};
  });
  if (!all) return all.status();
  std::vector<ReviewerAccount> managed;
  for (ReviewerAccount& account : *all) {
    if (ManagesOffice(by, account.office_code)) managed.push_back(std::move(account));
  }
  return managed;
}

Status SetReviewerEnabled(Registry& registry, const Actor& by, std::int64_t account_id,
                          bool enabled) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Actor> account = LoadActor(db, account_id);
  if (!account && account.status().code() != StatusCode::kNotFound) return account.status();
  const bool visible =
      account && account->role == Role::kRegional &&
      (by.role == Role::kConac ||
       (by.role == Role::kRegional && OfficeCovers(by.office_code, account->office_code)));
  if (!visible) return Error<errors::kReviewerAccountNotFound>(account_id);
  if (!ManagesOffice(by, account->office_code)) {
    return Error<errors::kOfficeNotBelowYours>(account->office_code);
  }
  if (account->disabled != enabled) {
    return Error<errors::kReviewerAlreadySo>(account_id, enabled ? "启用" : "停用");
  }
  const SqlValue disabled_at = enabled ? SqlValue(nullptr) : SqlValue(registry.Now());
  if (Status s = RunAccountUpdate(db, kSetDisabled, {disabled_at, account_id}); !s.ok()) return s;
  if (!enabled) {
    if (Status s = RunAccountUpdate(db, kEndReviewerSessions, {registry.Now(), account_id});
        !s.ok()) {
      return s;
    }
  }
  Status audited = registry.Audit({ActorLabel(by), enabled ? "account.enable" : "account.disable",
                                   fmt::format("account:{}", account_id),
                                   fmt::format("office {}", account->office_code)});
  if (!audited.ok()) return audited;
  return txn->Commit();
}

Result<std::vector<ApiTokenSummary>> ListApiTokens(Database& db, std::int64_t account_id) {
  if (Result<Actor> owner = LoadActor(db, account_id); !owner) return owner.status();
  Result<Statement> s = db.Prepare(kSelectAccountTokens);
  if (!s) return s.status();
  if (Status b = s->Bind({account_id}); !b.ok()) return b;
  std::vector<ApiTokenSummary> tokens;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) break;
    tokens.push_back({s->Int(0), s->Text(1), s->Int(2), s->OptInt(3)});
  }
  return tokens;
}

Status RevokeApiToken(Registry& registry, std::int64_t token_id) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> state = db.Prepare(kSelectTokenState);
  if (!state) return state.status();
  if (Status b = state->Bind({token_id}); !b.ok()) return b;
  Result<bool> row = state->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kApiTokenNotFound>(token_id);
  if (!state->IsNull(1)) {
    return Error<errors::kApiTokenRevoked>(token_id);
  }
  const std::int64_t account_id = state->Int(0);
  Result<Statement> revoke = db.Prepare(kRevokeToken);
  if (!revoke) return revoke.status();
  if (Status b = revoke->Bind({registry.Now(), token_id}); !b.ok()) return b;
  if (Status s = revoke->Run(); !s.ok()) return s;
  Status audited = registry.Audit({"cli", "token.revoke", fmt::format("account:{}", account_id),
                                   fmt::format("token {}", token_id)});
  if (!audited.ok()) return audited;
  return txn->Commit();
}

}  // namespace badgewatch::registry
