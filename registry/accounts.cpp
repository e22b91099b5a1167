#include "registry/accounts.h"

#include <fmt/format.h>

#include <variant>

#include "foundation/ascii.h"
#include "registry/crypto_primitives.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kInsertAccount[] =
    "INSERT INTO accounts (login, role, unit_id, region_code, created_at, password_hash, "
    "password_set_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectAccount[] =
    "SELECT id, role, unit_id, region_code FROM accounts WHERE id = ?";
constexpr char kSelectAccountByLogin[] =
    "SELECT id, role, unit_id, region_code FROM accounts WHERE login = ?";
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

// `password_record`: a HashPassword record, or null for an account without a
// web password yet.
Result<std::int64_t> InsertAccount(Database& db, const std::string& login, Role role,
                                   SqlValue unit_id, SqlValue region_code, std::int64_t now,
                                   SqlValue password_record = nullptr) {
  Result<Statement> insert = db.Prepare(kInsertAccount);
  if (!insert) return insert.status();
  const bool has_password = !std::holds_alternative<std::nullptr_t>(password_record);
  const SqlValue password_set_at = has_password ? SqlValue(now) : SqlValue(nullptr);
  if (Status b = insert->Bind(
          {login, RoleName(role), unit_id, region_code, now, password_record, password_set_at});
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

Result<Actor> ReadActor(Statement& s) {
  Result<bool> row = s.Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kAccountMissing>();
  Actor actor;
  actor.account_id = s.Int(0);
  actor.role = ParseRole(s.Text(1)).value_or(Role::kUnit);
  actor.unit_id = s.Int(2);
  actor.region_code = s.Text(3);
  return actor;
}

}  // namespace

std::string ActorLabel(const Actor& actor) {
  switch (actor.role) {
    case Role::kUnit:
      return fmt::format("account:{} (unit {})", actor.account_id, actor.unit_id);
    case Role::kRegional:
      return fmt::format("account:{} (regional {})", actor.account_id, actor.region_code);
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
  Actor actor{*account_id, Role::kUnit, *unit_id, ""};
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
                                 const std::string& region_code) {
  if (Status s = ValidateLogin(login); !s.ok()) return s;
  if (role == Role::kUnit) {
    return Error<errors::kUnitAccountByRegistration>();
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  SqlValue region = nullptr;
  if (role == Role::kRegional) {
    Result<Statement> exists = db.Prepare(kRegionExists);
    if (!exists) return exists.status();
    if (Status b = exists->Bind({region_code}); !b.ok()) return b;
    Result<bool> row = exists->Step();
    if (!row) return row.status();
    if (exists->Int(0) == 0) {
      return Error<errors::kRegionUnknown>(region_code);
    }
    region = std::string_view(region_code);
  } else if (!region_code.empty()) {
    return Error<errors::kConacAccountHasNoRegion>();
  }
  Result<std::int64_t> id = InsertAccount(db, login, role, nullptr, region, registry.Now());
  if (!id) return id.status();
  Actor actor{*id, role, 0, role == Role::kRegional ? region_code : ""};
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
  return LoadActor(db, s->Int(0));
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
