#include "registry/passwords.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <charconv>
#include <optional>
#include <vector>

#include "foundation/ascii.h"
#include "registry/crypto_primitives.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kSelectLogin[] = "SELECT login FROM accounts WHERE id = ?";
constexpr char kSelectPasswordByLogin[] = "SELECT id, password_hash FROM accounts WHERE login = ?";
constexpr char kUpdatePassword[] =
    "UPDATE accounts SET password_hash = ?, password_set_at = ? WHERE id = ?";
constexpr char kEndAccountSessions[] =
    "UPDATE web_sessions SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL";

constexpr std::string_view kAlgorithm = "scrypt";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kMinCharacters = 10;
constexpr std::size_t kMaxCharacters = 256;
// The most memory a stored record may ask scrypt for (128 * r * N bytes).
constexpr std::uint64_t kMaxScryptMemory = 256ull << 20;

struct PasswordRecord {
  PasswordCost cost;
  std::string salt;  // raw bytes
  std::string key;   // lower-case hex, as stored
};

bool CostInBounds(const PasswordCost& cost) {
  if (cost.log2_n < 1 || cost.log2_n > 24 || cost.r < 1 || cost.r > 32 || cost.p < 1 ||
      cost.p > 16) {
    return false;
  }
  return 128ull * static_cast<std::uint64_t>(cost.r) * (1ull << cost.log2_n) <= kMaxScryptMemory;
}

// The raw scrypt key of `password` with `salt`, as lower-case hex.
Result<std::string> DeriveKey(std::string_view password, std::string_view salt,
                              const PasswordCost& cost) {
  const std::uint64_t n = 1ull << cost.log2_n;
  const std::uint64_t r = static_cast<std::uint64_t>(cost.r);
  const std::uint64_t p = static_cast<std::uint64_t>(cost.p);
  // What OpenSSL allocates (128·r·(N+2) + 128·r·p) plus room for rounding.
  const std::uint64_t max_memory = 128 * r * (n + 2) + 128 * r * p + (1u << 20);
  std::vector<unsigned char> key(kKeyBytes);
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n, r, p,
                     max_memory, key.data(), key.size()) != 1) {
    return Error<errors::kCryptoFailed>("EVP_PBE_scrypt");
  }
  return HexEncode(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

std::optional<int> ParseSmallInt(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// "scrypt$ln=15,r=8,p=1$<salt hex>$<key hex>" → its parts; nullopt otherwise.
std::optional<PasswordRecord> ParseRecord(std::string_view record) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t dollar = record.find('$', start);
    parts.push_back(record.substr(start, dollar - start));
    if (dollar == std::string_view::npos) break;
    start = dollar + 1;
  }
  if (parts.size() != 4 || parts[0] != kAlgorithm) return std::nullopt;
  PasswordRecord parsed;
  std::string_view params = parts[1];
  constexpr std::string_view kLn = "ln=";
  constexpr std::string_view kR = ",r=";
  constexpr std::string_view kP = ",p=";
  const std::size_t r_at = params.find(kR);
  const std::size_t p_at = params.find(kP);
  if (params.substr(0, kLn.size()) != kLn || r_at == std::string_view::npos ||
      p_at == std::string_view::npos || p_at < r_at) {
    return std::nullopt;
  }
  const std::optional<int> ln = ParseSmallInt(params.substr(kLn.size(), r_at - kLn.size()));
  const std::optional<int> r =
      ParseSmallInt(params.substr(r_at + kR.size(), p_at - r_at - kR.size()));
  const std::optional<int> p = ParseSmallInt(params.substr(p_at + kP.size()));
  if (!ln || !r || !p) return std::nullopt;
  parsed.cost = PasswordCost{*ln, *r, *p};
  std::optional<std::string> salt = HexDecode(parts[2]);
  std::optional<std::string> key = HexDecode(parts[3]);
  if (!CostInBounds(parsed.cost) || !salt || salt->size() != kSaltBytes || !key ||
      key->size() != kKeyBytes) {
    return std::nullopt;
  }
  parsed.salt = std::move(*salt);
  parsed.key = HexEncode(*key);
  return parsed;
}

// The code points of UTF-8 text, each as its bytes (invalid bytes stand alone).
std::vector<std::string_view> CodePoints(std::string_view text) {
  std::vector<std::string_view> points;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      points.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return points;
}

Result<std::string> LoginOf(Database& db, std::int64_t account_id) {
  Result<Statement> s = db.Prepare(kSelectLogin);
  if (!s) return s.status();
  if (Status b = s->Bind({account_id}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kAccountNotFound>(account_id);
  return s->Text(0);
}

}  // namespace

Status CheckPasswordPolicy(std::string_view login, std::string_view password) {
  const std::vector<std::string_view> points = CodePoints(password);
  if (points.size() < kMinCharacters) {
    return Error<errors::kPasswordTooShort>(kMinCharacters);
  }
  if (points.size() > kMaxCharacters) {
    return Error<errors::kPasswordTooLong>(kMaxCharacters);
  }
  bool one_character = true;
  for (std::string_view point : points) one_character = one_character && point == points.front();
  if (one_character) return Error<errors::kPasswordOneCharacter>();
  if (foundation::EqualsIgnoreCase(password, login)) {
    return Error<errors::kPasswordIsLogin>();
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (!CostInBounds(cost)) {
    return Error<errors::kPasswordCostOutOfBounds>(cost.log2_n, cost.r, cost.p);
  }
  Result<std::string> salt = RandomBytes(kSaltBytes);
  if (!salt) return salt.status();
  Result<std::string> key = DeriveKey(password, *salt, cost);
  if (!key) return key.status();
  return fmt::format("{}$ln={},r={},p={}${}${}", kAlgorithm, cost.log2_n, cost.r, cost.p,
                     HexEncode(*salt), *key);
}

Result<bool> PasswordMatches(std::string_view record, std::string_view password) {
  const std::optional<PasswordRecord> parsed = ParseRecord(record);
  if (!parsed) {
    return Error<errors::kPasswordRecordMalformed>();
  }
  Result<std::string> key = DeriveKey(password, parsed->salt, parsed->cost);
  if (!key) return key.status();
  return ConstantTimeEquals(*key, parsed->key);
}

Status SetPassword(Registry& registry, std::int64_t account_id, std::string_view password,
                   PasswordCost cost) {
  Database& db = registry.writer();
  Result<std::string> login = LoginOf(db, account_id);
  if (!login) return login.status();
  if (Status s = CheckPasswordPolicy(*login, password); !s.ok()) return s;
  Result<std::string> record = HashPassword(password, cost);
  if (!record) return record.status();
  return StorePasswordRecord(registry, account_id, *record, {"cli", "account.password", "", {}});
}

Status StorePasswordRecord(Registry& registry, std::int64_t account_id, std::string_view record,
                           const PasswordChange& change) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> update = db.Prepare(kUpdatePassword);
  if (!update) return update.status();
  if (Status b = update->Bind({record, registry.Now(), account_id}); !b.ok()) return b;
  if (Status s = update->Run(); !s.ok()) return s;
  if (db.Changes() == 0) return Error<errors::kAccountNotFound>(account_id);
  Result<Statement> end = db.Prepare(kEndAccountSessions);
  if (!end) return end.status();
  if (Status b = end->Bind({registry.Now(), account_id}); !b.ok()) return b;
  if (Status s = end->Run(); !s.ok()) return s;
  const std::int64_t ended = db.Changes();
  const std::string detail = fmt::format("password set; {} web sessions ended", ended);
  Status audited = registry.Audit(
      {change.actor, change.action, fmt::format("account:{}", account_id),
       change.detail.empty() ? detail : fmt::format("{}; {}", change.detail, detail)});
  if (!audited.ok()) return audited;
  if (change.inside) {
    if (Status s = change.inside(registry); !s.ok()) return s;
  }
  return txn->Commit();
}

Result<Actor> VerifyLogin(Database& db, std::string_view login, std::string_view password,
                          PasswordCost decoy_cost) {
  Result<Statement> s = db.Prepare(kSelectPasswordByLogin);
  if (!s) return s.status();
  if (Status b = s->Bind({login}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  const Status refused = Error<errors::kBadLogin>();
  if (!*row || s->IsNull(1)) {
    // The same work as a real check, so the answer takes as long.
    const std::string decoy_salt(kSaltBytes, '\0');
    Result<std::string> wasted = DeriveKey(password, decoy_salt, decoy_cost);
    if (!wasted) return wasted.status();
    return refused;
  }
  const std::int64_t account_id = s->Int(0);
  Result<bool> matches = PasswordMatches(s->Text(1), password);
  if (!matches && matches.status().code() == StatusCode::kInvalidArgument) {
    return Error<errors::kPasswordCheckFailed>(account_id, matches.status());
  }
  if (!matches) return matches.status();
  if (!*matches) return refused;
  Result<Actor> actor = LoadActor(db, account_id);
  if (actor && actor->disabled) return Error<errors::kAccountDisabled>();
  return actor;
}

}  // namespace badgewatch::registry
