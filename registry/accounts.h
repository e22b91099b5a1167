// Accounts and who acts: a unit's own account (created by registration), a
// regional reviewer bound to one region, CONAC staff; API tokens stored as
// SHA-256 only, revocable. Writer thread for the writes; any connection for reads.
#ifndef BADGEWATCH_REGISTRY_ACCOUNTS_H_
#define BADGEWATCH_REGISTRY_ACCOUNTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/registry.h"
#include "registry/unit_kind.h"
#include "registry/units.h"

namespace badgewatch::registry {

// Whoever performs a workflow step, as the workflows authorise it.
struct Actor {
  std::int64_t account_id = 0;
  Role role = Role::kUnit;
  std::int64_t unit_id = 0;  // role kUnit only
  std::string region_code;   // role kRegional only
};

// "account:7 (regional 33)": how the audit log names the actor.
[[nodiscard]] std::string ActorLabel(const Actor& actor);

// OK for a login of 3-64 of [A-Za-z0-9._-]; kInvalidArgument (Chinese) otherwise.
[[nodiscard]] Status ValidateLogin(std::string_view login);

// Account registration (附件一): validates the unit fields and the login
// (3-64 of [A-Za-z0-9._-]), inserts the unit and its account — with its web
// password when `password_record` (a HashPassword record, passwords.h) is
// given — and audits, all in one transaction. Returns the new unit account.
// With `confirm`, the unit is also told by SMS and e-mail (NotifyUnit) that
// its account exists, in the same transaction (the web and API registration).
[[nodiscard]] Result<Actor> RegisterUnit(Registry& registry, const UnitFields& fields,
                                         const std::string& login,
                                         const std::optional<std::string>& password_record = {},
                                         bool confirm = false);

// A staff account: kRegional needs a region code from the list; kConac none.
// kInvalidArgument for kUnit (units register) or a bad login/region.
[[nodiscard]] Result<Actor> CreateStaffAccount(Registry& registry, const std::string& login,
                                               Role role, const std::string& region_code);

// The account `account_id` as an actor; kNotFound when absent.
[[nodiscard]] Result<Actor> LoadActor(Database& db, std::int64_t account_id);
// The account with this login; kNotFound when absent.
[[nodiscard]] Result<Actor> LoadActorByLogin(Database& db, std::string_view login);

// Creates an API token for `account_id`. Returns the token itself, which is
// shown once: only its SHA-256 is stored.
[[nodiscard]] Result<std::string> CreateApiToken(Registry& registry, std::int64_t account_id,
                                                 const std::string& label);

// The actor a token belongs to; kPermissionDenied for an unknown or revoked token.
[[nodiscard]] Result<Actor> AuthenticateToken(Database& db, std::string_view token);

// One API token as listed for its owner (never the token itself).
struct ApiTokenSummary {
  std::int64_t id = 0;
  std::string label;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
};

// The tokens of `account_id`, oldest first; kNotFound when there is no such account.
[[nodiscard]] Result<std::vector<ApiTokenSummary>> ListApiTokens(Database& db,
                                                                 std::int64_t account_id);

// Revokes the token `token_id` for good, audited ("token.revoke", by "cli").
// kNotFound for no such token, kFailedPrecondition when it is revoked already.
[[nodiscard]] Status RevokeApiToken(Registry& registry, std::int64_t token_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_ACCOUNTS_H_
