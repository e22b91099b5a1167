// Account passwords for the web login: the policy a new password must meet,
// scrypt hashes (OpenSSL) kept as self-describing records, setting a password
// and checking a login. Hashing is slow on purpose (tens of milliseconds):
// call it on a worker thread, never on an event loop. SetPassword: writer
// thread; the rest: any thread with its own connection.
//
// Example:
//   Result<Actor> actor = VerifyLogin(reader, "zj-reviewer", password);
//   if (!actor) return actor.status();  // kPermissionDenied: wrong login or password
#ifndef BADGEWATCH_REGISTRY_PASSWORDS_H_
#define BADGEWATCH_REGISTRY_PASSWORDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/database.h"
#include "registry/registry.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {

// scrypt's cost: N = 2^log2_n, block size r, parallelism p. The default is
// the production cost (N=2^15, r=8, p=1: 32 MiB and tens of milliseconds);
// tests pass a cheap one. Stored records carry their own cost, so raising
// the default later keeps old passwords valid.
struct PasswordCost {
  int log2_n = 15;
  int r = 8;
  int p = 1;
};

// The message VerifyLogin gives for every refusal, so callers cannot tell
// an unknown login from a wrong password.
inline constexpr std::string_view kBadLoginMessage = errors::kBadLogin.english;

// kInvalidArgument with a message for the user when `password` is shorter
// than 10 characters (Unicode code points), longer than 256, one character
// repeated, or the login itself.
[[nodiscard]] Status CheckPasswordPolicy(std::string_view login, std::string_view password);

// A new record for `password` with a fresh 16-byte random salt:
// "scrypt$ln=15,r=8,p=1$<salt hex>$<32-byte key hex>". kStorage when OpenSSL fails.
[[nodiscard]] Result<std::string> HashPassword(std::string_view password, PasswordCost cost = {});

// Whether `password` is the one `record` was made from (constant-time
// comparison). kInvalidArgument for a record that is not of HashPassword's
// form or whose cost is out of bounds (a tampered or foreign record).
[[nodiscard]] Result<bool> PasswordMatches(std::string_view record, std::string_view password);

// Checks the policy, hashes with `cost` (outside any transaction), then in
// one transaction stores the record, ends the account's open web sessions
// and audits ("account.password", by "cli"). kNotFound for no such account.
[[nodiscard]] Status SetPassword(Registry& registry, std::int64_t account_id,
                                 std::string_view password, PasswordCost cost = {});

// Who changes a password and why, for StorePasswordRecord's audit entry;
// `inside` (when set) runs in the same transaction after the change (the SMS
// code a reset used is marked used there).
struct PasswordChange {
  std::string actor;   // ActorLabel, "cli", or "password-reset"
  std::string action;  // "account.password", "account.password-change", ...
  std::string detail;  // prefixed to the entry's detail; may be empty
  std::function<Status(Registry&)> inside;
};

// Stores `record` (a HashPassword record, made outside the writer's lease)
// as the account's password, ends its open web sessions and audits, in one
// transaction. kNotFound for no such account.
[[nodiscard]] Status StorePasswordRecord(Registry& registry, std::int64_t account_id,
                                         std::string_view record, const PasswordChange& change);

// The account whose login and password these are. kPermissionDenied with
// kBadLoginMessage for an unknown login, an account without a password and a
// wrong password alike; the KDF runs in every case (a decoy record at
// `decoy_cost` when there is no stored one), so timing does not tell them
// apart either. kStorage for a damaged record or database.
[[nodiscard]] Result<Actor> VerifyLogin(Database& db, std::string_view login,
                                        std::string_view password, PasswordCost decoy_cost = {});

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_PASSWORDS_H_
